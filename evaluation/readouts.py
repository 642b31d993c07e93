"""Statuses beyond FOMC statements: agreement with quote-based labels of readout pairs, per
genre, with the naive aligner beside it.

Readout labels (tests/fixtures/readout_claims_*.json, written blind by labelers working from the
raw Markdown): for each document pair, the claim pairs a reader sees (`pairs`: a quote of 6-20
words from each side, wrapped lines joined by single spaces, relation `same`, `edited` or
`restated`) and the messages that took another's place (`replaced_in_place`: two claims, not
one). Every sentence no quote of `pairs` touches is new or dropped by the label.

A sentence counts as right ("status") when it is paired (repeated / changed) exactly when its
label gives it a partner, and ("strict") when moreover every partner the aligner gives it is one
the label gives and at least one is. Also printed: restatements paired with what they restate,
label replacements shown as dropped + new with a `replaces` link, and changed claims the labels
call two claims.

Other genres, for the same aligner:
- FOMC statements (versions of one text): scripts/evaluate.py on the held-out label files;
- the seed articles (a report and a commentary): whether they read as versions of one text;
- arXiv revisions (../shared/data/versions/arxivedits, every pair one sentence edited between
  two versions of a paper): the share of edited sentences kept as one claim (paired and not
  split into dropped + new), and the share of papers whose edited sentences, in order, read as
  versions of one text.

Run: python scripts/evaluate_readouts.py [LABELS.json ...]
     (default: tests/fixtures/readout_claims_L16r.json, Netanyahu readouts, the labels tuned on;
     tests/fixtures/readout_claims_L16z.json, Zelenskyy readouts, is held out)
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from compare import align, classify, pipeline, segment  # noqa: E402
from compare.embed import Embedder, TransformerEmbedder  # noqa: E402
from compare.types import Bead, Claim, Sentence, Status  # noqa: E402
from evaluation import fomc as ev  # noqa: E402
from evaluation import labels  # noqa: E402

READOUTS = ROOT.parent / "shared" / "data" / "readouts"
ARXIV = ROOT.parent / "shared" / "data" / "versions" / "arxivedits"
DEFAULT = labels.files("readouts", "tuning")  # tests/fixtures/labels.json

Key = tuple[str, int]
"""("before" | "after", sentence index)."""


@dataclass(frozen=True)
class Labeled:
    """A readout pair with its quote labels resolved to sentence indices."""

    pair: ev.Pair
    partners: dict[Key, frozenset[int]]
    """Every sentence of both sides -> the other side's sentences the label pairs it with."""
    restated: tuple[tuple[frozenset[int], frozenset[int]], ...]
    replaced: tuple[tuple[frozenset[int], frozenset[int]], ...]
    missing: tuple[str, ...]
    """Quotes found in no sentence (segmentation or label problem), reported, not scored."""


def squash(text: str) -> str:
    return classify.normalized(text)


def locate(quote: str, sentences: Sequence[Sentence]) -> frozenset[int]:
    """The sentences a quote falls in (whitespace and quote style ignored)."""
    pieces = [squash(s.text) for s in sentences]
    text, starts = "", []
    for p in pieces:
        starts.append(len(text))
        text += p + " "
    q = squash(quote).strip(" .,;")
    at = text.find(q)
    if at < 0 or not q:
        return frozenset()
    end = at + len(q)
    return frozenset(k for k, s in enumerate(starts) if s < end and s + len(pieces[k]) > at)


def read_labels(labels: dict[str, Any], folder: Path, embedder: Embedder) -> list[Labeled]:
    out = []
    for item in labels["pairs"]:
        (before, bw), (after, aw) = (ev.read_side(folder / f"{item[k]}.md", embedder) for k in ("before", "after"))
        partners: dict[Key, set[int]] = {("before", i): set() for i in range(len(bw))}
        partners.update({("after", j): set() for j in range(len(aw))})
        missing, restated, replaced = [], [], []
        for kind in ("pairs", "replaced_in_place"):
            for p in item.get(kind, []):
                b, a = locate(p["before_quote"], before.sentences), locate(p["after_quote"], after.sentences)
                missing += [
                    f"{item['before']} {q!r}" for q, s in ((p["before_quote"], b), (p["after_quote"], a)) if not s
                ]
                if not b or not a:
                    continue
                if kind == "replaced_in_place":
                    replaced.append((b, a))
                    continue
                for i in b:
                    partners[("before", i)] |= a
                for j in a:
                    partners[("after", j)] |= b
                if p.get("relation") == "restated":
                    restated.append((b, a))
        pair = ev.Pair(f"{item['before']}->{item['after']}", before, after, bw, aw, {})
        frozen = {k: frozenset(v) for k, v in partners.items()}
        out.append(Labeled(pair, frozen, tuple(restated), tuple(replaced), tuple(missing)))
    return out


Run = tuple[dict[Key, tuple[str, tuple[int, ...]]], set[tuple[int, int]]]
"""Per sentence (status, partners), and the (before, after) sentence links of `replaces`."""


def ours(model: align.PairModel, embedder: Embedder | None = None) -> Callable[[ev.Pair], Run]:
    def run(p: ev.Pair) -> Run:
        claims = pipeline.compare(p.before, p.after, p.before_words, p.after_words, model, embedder)
        return _labels(claims), {(i, j) for c in claims for i in c.replaces for j in c.after}

    return run


def naive(p: ev.Pair) -> Run:
    return ev.naive(p), set()


def _labels(claims: Sequence[Claim]) -> dict[Key, tuple[str, tuple[int, ...]]]:
    return ev.sentence_labels([{"status": c.status.value, "before": c.before, "after": c.after} for c in claims])


PAIRED = {Status.REPEATED.value, Status.CHANGED.value}


def _link(key: Key, partner: int, links: set[tuple[int, int]]) -> bool:
    return (key[1], partner) in links if key[0] == "before" else (partner, key[1]) in links


def score(items: list[Labeled], aligner: Callable[[ev.Pair], Run]) -> dict[str, Any]:
    n = status = strict = shown = 0
    restated = [0, 0]
    replaced = [0, 0]
    two_claims = changed = 0
    links_shown = links_right = 0
    errors = []
    for it in items:
        got, links = aligner(it.pair)
        # a link a reader can follow: a labeled replacement, or the same claim the pairing missed
        links_shown += len(links)
        links_right += sum(
            any(i in b and j in a for b, a in it.replaced) or j in it.partners.get(("before", i), set())
            for i, j in links
        )
        for key, want in it.partners.items():
            have_status, have = got[key]
            n += 1
            ok = (have_status in PAIRED) == bool(want)
            status += ok
            right = ok and (not want or (set(have) <= want and bool(set(have) & want)))
            strict += right
            # shown as two claims but linked in place to its labeled partner: the reader sees the link
            shown += right or (have_status not in PAIRED and any(_link(key, x, links) for x in want))
            if not right:
                errors.append(f"{it.pair.name} {key}: want {sorted(want) or 'unpaired'}, got {have_status} {have}")
        for b, a in it.restated:
            restated[1] += 1
            restated[0] += any(got[("after", j)][0] in PAIRED and set(got[("after", j)][1]) & b for j in a)
        for b, a in it.replaced:
            replaced[1] += 1
            replaced[0] += any((i, j) in links for i in b for j in a)
        seen = set()
        for key, (st, have) in got.items():
            if key[0] != "after" or st != Status.CHANGED.value or (have, key[1]) in seen:
                continue
            seen.add((have, key[1]))
            changed += 1
            # the label pairs none of these sentences with each other: a reader sees two claims
            two_claims += not any(it.partners[("before", i)] & {key[1]} for i in have)
    return {
        "sentences": n,
        "status_agreement": status / n,
        "agreement": strict / n,
        "shown": shown / n,
        "restated_paired": restated,
        "replaced_linked": replaced,
        "changed": changed,
        "changed_two_claims": two_claims,
        "links": (links_right, links_shown),
        "errors": errors,
    }


_ARXIV: dict[str, Any] = {}


def _arxiv_rows(
    embedder: Embedder,
) -> tuple[list[dict[str, Any]], np.ndarray, np.ndarray, list[list[str]], list[list[str]]]:
    """The arXiv edit pairs with their vectors and words, read and embedded once."""
    if not _ARXIV:
        rows = [
            r
            for split in ("train", "dev", "test")
            for r in json.loads((ARXIV / f"edits_{split}.json").read_text()).values()
        ]
        a, b = [r["sentence-1"] for r in rows], [r["sentence-2"] for r in rows]
        _ARXIV["data"] = (
            rows,
            embedder.embed(a),
            embedder.embed(b),
            [segment.words(t) for t in a],
            [segment.words(t) for t in b],
        )
    data: tuple[list[dict[str, Any]], np.ndarray, np.ndarray, list[list[str]], list[list[str]]] = _ARXIV["data"]
    return data


def arxiv(model: align.PairModel, embedder: Embedder) -> dict[str, float]:
    """Edited sentences kept as one claim, and papers read as versions of one text."""
    rows, va, vb, wa, wb = _arxiv_rows(embedder)
    a, b = [r["sentence-1"] for r in rows], [r["sentence-2"] for r in rows]
    prob = model.probability(
        np.einsum("ij,ij->i", va, vb), np.array([align.dice(set(x), set(y)) for x, y in zip(wa, wb, strict=True)])
    )
    kept = 0
    for k, (x, y) in enumerate(zip(a, b, strict=True)):
        sx, sy = (Sentence(0, x, 0, len(x)),), (Sentence(0, y, 0, len(y)),)
        claims = classify.claims([Bead((0,), (0,), float(prob[k]))], sx, sy) if prob[k] >= model.threshold else ()
        kept += any(c.status in (Status.CHANGED, Status.REPEATED) for c in claims)
    papers: dict[str, list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        papers[r["arxiv-id"]].append(k)
    versions = total = 0
    for idx in papers.values():
        if len(idx) < 4:
            continue
        idx.sort(key=lambda k: rows[k]["sentence-pair-index"])
        total += 1
        alignment = align.align(va[idx], vb[idx], [wa[k] for k in idx], [wb[k] for k in idx], model)
        versions += alignment.versions
    return {"edits": len(rows), "edits_kept": kept / len(rows), "papers": total, "papers_versions": versions / total}


def seeds(model: align.PairModel, embedder: Embedder) -> dict[str, Any]:
    (before, bw), (after, aw) = (ev.read_side(p, embedder) for p in sorted((ROOT / "seeds").glob("*.txt")))
    alignment = align.align(before.vectors, after.vectors, bw, aw, model)
    claims = pipeline.compare(before, after, bw, aw, model, embedder)
    return {"versions": alignment.versions, "statuses": dict(Counter(c.status.value for c in claims))}


def series(labels: dict[str, Any]) -> str:
    """The readout series (folder) a label file is about: its `series`, else the one folder that
    holds every labeled readout."""
    if "series" in labels:
        return str(labels["series"])
    dates = {item[k] for item in labels["pairs"] for k in ("before", "after")}
    found = [d.name for d in sorted(READOUTS.iterdir()) if all((d / f"{x}.md").exists() for x in dates)]
    if len(found) != 1:
        sys.exit(f"evaluate_readouts: cannot tell which series the labels are about ({found or 'none'})")
    return found[0]


def main() -> None:
    names = [a for a in sys.argv[1:] if a != "-v"] or list(DEFAULT)
    if not READOUTS.is_dir():
        sys.exit(f"evaluate_readouts: {READOUTS} not found (needs ../shared/data beside the checkout)")
    embedder = TransformerEmbedder()
    model = pipeline.pair_model()
    print(
        "| labels | sentences | compare strict | naive strict | compare status | naive status | "
        "restatements paired | replacements linked | changed a reader calls two claims | "
        "links a reader can follow |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in names:
        path = Path(name) if Path(name).exists() else ev.FIXTURES / name
        labels = json.loads(path.read_text(encoding="utf-8"))
        items = read_labels(labels, READOUTS / series(labels), embedder)
        a, b = score(items, ours(model, embedder)), score(items, naive)
        c = score(items, ours(dataclasses.replace(model, versions_reuse=0.0), embedder))
        for m in (x for it in items for x in it.missing):
            print(f"  quote not found: {m}", file=sys.stderr)
        ra, rb = a["restated_paired"], b["restated_paired"]
        print(
            f"| {path.name} | {a['sentences']} | {a['agreement']:.3f} | {b['agreement']:.3f} | "
            f"{a['status_agreement']:.3f} | {b['status_agreement']:.3f} | {ra[0]}/{ra[1]} (naive {rb[0]}) | "
            f"{a['replaced_linked'][0]}/{a['replaced_linked'][1]} | {a['changed_two_claims']} of {a['changed']} "
            f"(naive {b['changed_two_claims']} of {b['changed']}) | {a['links'][0]} of {a['links'][1]} |"
        )
        print(
            f"|   (compare with versions decided by pair share alone, no wording bar) | | {c['agreement']:.3f} | | "
            f"{c['status_agreement']:.3f} | | {c['restated_paired'][0]}/{c['restated_paired'][1]} | | "
            f"{c['changed_two_claims']} of {c['changed']} | |"
        )
        if "-v" in sys.argv or len(names) == 1:
            for e in a["errors"]:
                print("  miss:", e, file=sys.stderr)
    s = seeds(model, embedder)
    print(
        f"\nSeeds (a report and a commentary): read as versions of one text: {s['versions']}; statuses {s['statuses']}"
    )
    if ARXIV.is_dir():
        x = arxiv(model, embedder)
        print(
            f"arXiv revisions: {x['edits_kept']:.3f} of {x['edits']} edited sentences kept as one claim; "
            f"{x['papers_versions']:.3f} of {x['papers']} papers (4+ edited sentences, in order) "
            "read as versions of one text"
        )


if __name__ == "__main__":
    main()
