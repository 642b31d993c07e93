"""A series' key formulations without --watch, and how many labeled phrase events they find.

    PYTHONPATH=src python scripts/formulation_events.py [../shared/data/fomc] [--labels FILE ...]
    PYTHONPATH=src python scripts/formulation_events.py ../shared/data/readouts/zelenskyy --labels FILE

Prints the listed phrases (the first LIMIT) with their runs of use and their shifts, then, for
each label file (a JSON object whose `events` lists {phrase, first, last, gaps, kind,
replaced_by}, dates as YYYYMMDD; written blind by a labeler), the recall of the labeled events
among the listed phrases and the precision of the list (listed phrases that match a labeled
event: a floor, since labelers list only some of the formulations a watcher tracks). The naive
baseline beside each figure is the ranking this project shipped before (phrases that are not
in every document, by how many documents use them), run from `git show <ref>:formulations.py`.

A listed phrase matches a labeled event when their words overlap (one holds the other's
content words, or they share two content words), or when they sit in the same sentences (half of
the sentences that hold either hold both: another window onto the same formulation), and
its use overlaps the labeled span; it matches with dates when, in addition, its first and last
documents are within one document of the labeled first and last. Recall by words alone is
printed too.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from compare import formulations, load, segment
from compare.segment import STOP
from compare.types import Formulation

LIMIT = 30
SLACK = 1
"""Documents a listed first or last date may be off and still count as strictly right."""


def read_labels(path: Path) -> list[dict[str, object]]:
    raw = json.loads(path.read_text("utf-8"))
    events = raw["events"] if isinstance(raw, dict) else raw
    return ast.literal_eval(events) if isinstance(events, str) else list(events)


def baseline_module(ref: str) -> ModuleType | None:
    """The formulations module as shipped at `ref` (None when git cannot show it)."""
    try:
        source = subprocess.run(
            ["git", "show", f"{ref}:src/compare/formulations.py"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    folder = Path(tempfile.mkdtemp())
    (folder / "formulations_baseline.py").write_text(source.replace("from .", "from compare."), "utf-8")
    spec = importlib.util.spec_from_file_location("formulations_baseline", folder / "formulations_baseline.py")
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def content(phrase: str) -> list[str]:
    return [w for w in segment.words(phrase) if w not in STOP]


def words_match(listed: str, labeled: str) -> bool:
    a, b = content(listed), content(labeled)
    if not a or not b:
        return False
    shared = set(a) & set(b)
    return set(a) <= set(b) or set(b) <= set(a) or len(shared) >= 2


Places = dict[str, set[tuple[int, int]]]


def places(phrase: str, sentences: list[list[str]]) -> set[tuple[int, int]]:
    """(document, sentence) of every sentence that holds `phrase`."""
    return {(k, i) for k, d in enumerate(sentences) for i, s in enumerate(d) if formulations.count(phrase, [s])}


def matches(
    f: Formulation, event: dict[str, object], index: dict[str, int], where: Places, by_words: bool = False
) -> tuple[bool, bool]:
    """(match, match with dates) of a listed phrase with a labeled event."""
    label = str(event["phrase"])
    same = words_match(f.phrase, label)
    if not same and not by_words:
        a, b = where[f.phrase], where[label]
        same = bool(a & b) and len(a & b) >= 0.5 * len(a | b)
    if not same:
        return False, False
    first = index.get(str(event["first"]))
    last = index.get(str(event["last"]))
    if first is None or last is None or f.first is None or f.last is None:
        return False, False
    loose = f.first <= last and f.last >= first
    strict = loose and abs(f.first - first) <= SLACK and abs(f.last - last) <= SLACK
    return loose, strict


def score(
    found: list[Formulation], events: list[dict[str, object]], index: dict[str, int], sentences: list[list[str]]
) -> dict[str, float]:
    where = {p: places(p, sentences) for p in {f.phrase for f in found} | {str(e["phrase"]) for e in events}}
    hit = [[matches(f, e, index, where) for f in found] for e in events]
    words = [any(matches(f, e, index, where, by_words=True)[0] for f in found) for e in events]
    return {
        "recall": sum(any(m[0] for m in row) for row in hit) / len(events),
        "recall_dates": sum(any(m[1] for m in row) for row in hit) / len(events),
        "recall_words": sum(words) / len(events),
        "precision": sum(any(hit[e][i][0] for e in range(len(events))) for i in range(len(found))) / max(len(found), 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default="../shared/data/fomc")
    ap.add_argument("--labels", nargs="*", type=Path, default=[])
    ap.add_argument("--baseline-ref", default="4547c99", help="git ref of the naive baseline ranking")
    ap.add_argument("--quiet", action="store_true", help="figures only, not the list")
    args = ap.parse_args()
    files = sorted([*Path(args.folder).glob("*.txt"), *Path(args.folder).glob("*.md")])
    if not files:
        sys.exit(f"{args.folder}: no .txt or .md files")
    documents = load.read_all(files, {})
    sentences = [[s.text for s in segment.segment(d)] for d in documents]
    dates = [d.date.isoformat() for d in documents]
    index = {d.date.strftime("%Y%m%d"): k for k, d in enumerate(documents)}
    found = list(formulations.formulations(sentences, limit=LIMIT))
    if not args.quiet:
        print(f"{len(documents)} documents, {dates[0]} to {dates[-1]}; the {len(found)} phrases listed:")
        for n, f in enumerate(found, 1):
            runs = ", ".join(dates[a] if a == b else f"{dates[a]}–{dates[b]}" for a, b in f.runs)
            shifts = "; ".join(f"{dates[s.at]} → {' / '.join(s.to)}" for s in f.shifts)
            print(f"{n:3}. “{f.phrase}”  {runs}" + (f"  shifted: {shifts}" if shifts else ""))
    base = baseline_module(args.baseline_ref)
    naive = list(base.formulations(sentences, limit=LIMIT)) if base else []
    for path in args.labels:
        events = read_labels(path)
        ours = score(found, events, index, sentences)
        line = ", ".join(f"{k} {v:.2f}" for k, v in ours.items())
        if naive:
            theirs = score(naive, events, index, sentences)
            line += " (naive: " + ", ".join(f"{k} {v:.2f}" for k, v in theirs.items()) + ")"
        print(f"{path.name}: {len(events)} labeled events; first {LIMIT} listed: {line}")
        if not args.quiet:
            where = {p: places(p, sentences) for p in {f.phrase for f in found} | {str(e["phrase"]) for e in events}}
            missed = [e for e in events if not any(matches(f, e, index, where)[0] for f in found)]
            print("  missed: " + "; ".join(f"“{e['phrase']}” {e['first']}–{e['last']}" for e in missed))


if __name__ == "__main__":
    main()
