"""Lineage threads against blind labels of FOMC windows, with a naive threading beside them.

Labels (tests/fixtures/lineage_threads/*.json, written blind by Fed-watcher labelers from the
raw statements of a window of ten): threads, each the statements that carry one claim and a
quote of each sentence that carries it there (a merged sentence sits in both threads).

Two figures per window:
- links: each thread links the sentences of each carrying statement to those of the next
  statement that carries it (a revival links across the gap); precision and recall of
  compare's links against the labels' links;
- threads: the share of labeled threads that compare draws exactly (the same statements and
  the same sentences in each), of all threads and of those carried by two statements or more.

Naive: a thread links a sentence only to the same sentence, word for word (spacing and quote
style aside), in the next statement that has it.

Run: python scripts/lineage_threads.py [LABELS.json ...]   (default: every file in the folder)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import compare  # noqa: E402
from compare.types import Brief  # noqa: E402
from evaluation.readouts import locate, squash  # noqa: E402

FOMC = ROOT.parent / "shared" / "data" / "fomc"
LABELS = ROOT / "tests" / "fixtures" / "lineage_threads"

Cells = frozenset[tuple[int, frozenset[int]]]
"""A thread as (document index, its sentences) for each document that carries it."""
Link = tuple[int, int, int, int]
"""(document, sentence, later document, sentence): one claim carried on."""


def label_threads(labels: dict[str, Any], brief: Brief) -> tuple[list[Cells], list[str]]:
    """The labeled threads resolved to sentence indices, and the quotes found in no sentence."""
    index = {d.document.id: k for k, d in enumerate(brief.documents)}
    threads, missing = [], []
    for t in labels["threads"]:
        cells = set()
        for date, quotes in t["cells"].items():
            k = index[date]
            found: set[int] = set()
            for q in quotes:
                hit = locate(q, brief.documents[k].sentences)
                if not hit:
                    missing.append(f"{date}: {q}")
                found |= hit
            if found:
                cells.add((k, frozenset(found)))
        if cells:
            threads.append(frozenset(cells))
    return threads, missing


def compare_threads(brief: Brief) -> list[Cells]:
    out = []
    for t in brief.lineage:
        cells = frozenset(
            (k, frozenset(c.sentences))
            for k, c in enumerate(t.cells)
            if c.sentences and c.status not in ("dropped", "absent")
        )
        if cells:
            out.append(cells)
    return out


def naive_threads(brief: Brief) -> list[Cells]:
    """Chains of word-for-word repeats: each sentence continues the thread of the same text in
    the latest earlier statement that has it."""
    last: dict[str, int] = {}
    threads: list[set[tuple[int, frozenset[int]]]] = []
    for k, entry in enumerate(brief.documents):
        for i, s in enumerate(entry.sentences):
            key = squash(s.text)
            if key in last:
                threads[last[key]].add((k, frozenset({i})))
            else:
                last[key] = len(threads)
                threads.append({(k, frozenset({i}))})
    return [frozenset(t) for t in threads]


def links(threads: list[Cells]) -> set[Link]:
    out = set()
    for t in threads:
        cells = sorted(t, key=lambda c: c[0])
        for (k, a), (k2, b) in zip(cells, cells[1:], strict=False):
            out |= {(k, i, k2, j) for i in a for j in b}
    return out


def score(want: list[Cells], got: list[Cells]) -> dict[str, float]:
    w, g = links(want), links(got)
    drawn = set(got)
    long = [t for t in want if len(t) > 1]
    return {
        "link_precision": len(w & g) / max(len(g), 1),
        "link_recall": len(w & g) / max(len(w), 1),
        "threads": sum(t in drawn for t in want) / len(want),
        "long_threads": sum(t in drawn for t in long) / max(len(long), 1),
        "labeled": len(want),
        "labeled_long": len(long),
    }


def window(path: Path, embedder: Any = None) -> dict[str, Any]:
    """One labeled window's figures; `embedder` None: the packaged MiniLM."""
    labels = json.loads(path.read_text(encoding="utf-8"))
    documents = compare.read([FOMC / f"{d}.txt" for d in labels["documents"]])
    brief = compare.brief(documents, embedder=embedder)
    want, missing = label_threads(labels, brief)
    return {
        "name": path.name,
        "documents": f"{labels['documents'][0]}-{labels['documents'][-1]}",
        "compare": score(want, compare_threads(brief)),
        "naive": score(want, naive_threads(brief)),
        "missing": missing,
    }


def main() -> None:
    if not FOMC.is_dir():
        sys.exit(f"lineage_threads: {FOMC} not found (needs ../shared/data beside the checkout)")
    paths = [Path(a) for a in sys.argv[1:]] or sorted(LABELS.glob("*.json"))
    print(
        "| labels | statements | link precision | link recall | threads drawn exactly | of threads in 2+ statements |"
    )
    print("|---|---|---|---|---|---|")
    for path in paths:
        r = window(path)
        c, n = r["compare"], r["naive"]
        print(
            f"| {r['name']} | {r['documents']} | {c['link_precision']:.2f} (naive {n['link_precision']:.2f}) | "
            f"{c['link_recall']:.2f} ({n['link_recall']:.2f}) | {c['threads']:.2f} of {c['labeled']} "
            f"({n['threads']:.2f}) | {c['long_threads']:.2f} of {c['labeled_long']} ({n['long_threads']:.2f}) |"
        )
        for m in r["missing"]:
            print(f"  quote not found: {m}", file=sys.stderr)


if __name__ == "__main__":
    main()
