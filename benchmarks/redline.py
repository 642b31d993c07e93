"""How much text the redline marks as changed, beside a plain word diff of the two full texts
(`diff.word_diff` on whole documents: the naive baseline), over every consecutive pair of the
FOMC statements; and how many moved sentences the redline shows as moves where the plain diff
shows a deletion and an unrelated insertion.

    PYTHONPATH=src python benchmarks/redline.py [FILES...]   (default: ../shared/data/fomc/*.txt)

Marked text is counted in non-space characters, struck plus inserted, and broken down by what
it belongs to in the redline (the claim's status; `moved`; text between sentences), for both
the redline and the plain diff, so that where the redline marks more one sees where.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from compare import load, pipeline
from compare.cache import CachedEmbedder
from compare.diff import word_diff
from compare.embed import TransformerEmbedder
from compare.summarize import ExtractiveSummarizer
from compare.types import Comparison, Op

ROOT = Path(__file__).resolve().parents[1]
FOMC = ROOT.parent / "shared" / "data" / "fomc"
MOSTLY = 0.5
"""A moved sentence counts as "deleted and inserted, unrelated" in the plain diff when at least
this share of its words are struck on the earlier side and inserted on the later side."""


def owners(c: Comparison, which: Op) -> list[str]:
    """Per character of one document (`Op.DELETE`: the earlier), what it belongs to."""
    out: list[str] = []
    for s in c.redline:
        if s.op is Op.EQUAL or s.op is which:
            out += [label(c, s.claim, s.moved)] * len(s.text)
    return out


def label(c: Comparison, claim: int | None, moved: bool) -> str:
    return "moved" if moved else "between sentences" if claim is None else c.claims[claim].status.value


def marked(text: str) -> int:
    return sum(not ch.isspace() for ch in text)


def main(paths: list[Path]) -> None:
    brief = pipeline.run(load.read_all(paths), CachedEmbedder(TransformerEmbedder()), ExtractiveSummarizer())
    ours: Counter[str] = Counter()
    plain: Counter[str] = Counter()
    moves = moves_split = 0
    total = 0
    for c in brief.comparisons:
        a, b = brief.entry(c.before).document.text, brief.entry(c.after).document.text
        total += marked(a) + marked(b)
        own = {Op.DELETE: owners(c, Op.DELETE), Op.INSERT: owners(c, Op.INSERT)}
        for s in c.redline:
            if s.op is not Op.EQUAL:
                ours[label(c, s.claim, s.moved)] += marked(s.text)
        # the plain diff's marks, by what the same characters belong to in the redline
        struck = {Op.DELETE: [False] * len(a), Op.INSERT: [False] * len(b)}
        pos = {Op.DELETE: 0, Op.INSERT: 0}
        for d in word_diff(a, b):
            for side in (Op.DELETE, Op.INSERT):
                if d.op is Op.EQUAL or d.op is side:
                    start = pos[side]
                    pos[side] += len(d.text)
                    if d.op is side:
                        for x in range(start, pos[side]):
                            struck[side][x] = True
                            if not (a if side is Op.DELETE else b)[x].isspace():
                                plain[own[side][x]] += 1
        # moved claims: does the plain diff strike the old place and insert the new one?
        seen: set[int] = set()
        for s in c.redline:
            if s.moved and s.claim is not None and s.claim not in seen:
                seen.add(s.claim)
                moves += 1
                claim = c.claims[s.claim]
                sides = [
                    (brief.entry(c.before).sentences, claim.before, Op.DELETE, a),
                    (brief.entry(c.after).sentences, claim.after, Op.INSERT, b),
                ]
                shares = []
                for sentences, idx, side, text in sides:
                    chars = [
                        x for i in idx for x in range(sentences[i].start, sentences[i].end) if not text[x].isspace()
                    ]
                    shares.append(sum(struck[side][x] for x in chars) / max(len(chars), 1))
                moves_split += all(share >= MOSTLY for share in shares)
    pairs = len(brief.comparisons)
    print(f"{pairs} consecutive pairs, {total:,} non-space characters (both documents of each pair)")
    print(f"{'marked as changed (struck + inserted)':<42}{'redline':>10}{'plain diff':>12}")
    keys = ["changed", "repeated", "new", "dropped", "moved", "between sentences"]
    for k in keys:
        name = k if k in ("moved", "between sentences") else f"in {k} claims"
        print(f"  {name:<40}{ours[k]:>10,}{plain[k]:>12,}")
    so, sp = sum(ours.values()), sum(plain.values())
    print(f"  {'total':<40}{so:>10,}{sp:>12,}")
    print(f"  {'share of all text':<40}{so / total:>10.1%}{sp / total:>12.1%}")
    print(
        f"moved sentences shown as moves: {moves} (plain diff: 0); of these the plain diff strikes and "
        f"re-inserts as unrelated text (>= {MOSTLY:.0%} of their words on both sides): {moves_split}"
    )


if __name__ == "__main__":
    args = [Path(p) for p in sys.argv[1:]] or sorted(FOMC.glob("*.txt"))
    if len(args) < 2:
        sys.exit(f"benchmarks/redline.py: need at least two documents (is {FOMC} there?)")
    main(args)
