"""lineage: consecutive comparisons -> each claim's history across the timeline.

A thread follows one claim through the documents: the sentences that carry it in each
document and a status per document: `first` (in the first document), `new` (first seen
later), `repeated`, `changed` (with the pair's probability: a weak pair, `Cell.weak`, may have
carried the thread to another message), `dropped` (gone in this document), `absent` (still
gone), `revived` (back after being dropped). A change that only touched dates, years or punctuation
(classify's `mechanical`) is `repeated`, flagged `mechanical` so that the edit stays one click
away.

When two sentences merge into one, both threads continue and point at the merged sentence
(neither is lost). A revival is a new sentence that the pair model pairs, with a probability
of at least REVIVE, with the last sentences of a thread dropped no more than REVIVE_SPAN
documents earlier: the same claim coming back, not a nearby topic years later. The cell
records across how many documents the claim was absent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .types import Cell, Comparison, Status, Thread

Revives = Callable[[int, tuple[int, ...], int, tuple[int, ...]], float]
"""(earlier doc, its sentences, later doc, its sentences) -> pair probability."""

REVIVE = 0.9
"""Pair probability a returning sentence needs to revive a dropped thread. At the pair
model's own bar (0.4), 155 revivals in the 194 FOMC statements, 31 across more than three
years, many of them a nearby topic; at 0.9 the ones left are the same sentence back."""
REVIVE_SPAN = 12
"""Documents a thread may be absent and still be revived (a year and a half of FOMC
statements); a claim back after longer is a new thread, not a revival."""


def lineage(
    document_ids: Sequence[str],
    comparisons: Sequence[Comparison],
    revives: Revives,
    threshold: float,
) -> tuple[Thread, ...]:
    """Threads for consecutive comparisons (document k-1 -> k), in order of first appearance.
    `threshold` is the pair model's bar; a revival needs at least REVIVE as well."""
    n = len(document_ids)
    bar = max(threshold, REVIVE)
    cells: list[list[Cell]] = []
    open_at: dict[tuple[int, ...], list[int]] = {}  # sentences in the latest document -> threads
    if not comparisons:
        return ()
    # one thread per sentence of the first document, so that two merged in the second
    # document are two threads from the start
    for i in sorted({i for claim in comparisons[0].claims for i in claim.before}):
        open_at[(i,)] = [len(cells)]
        cells.append([Cell("first", (i,))] + [Cell("")] * (n - 1))
    for k, comparison in enumerate(comparisons, start=1):
        nxt: dict[tuple[int, ...], list[int]] = {}
        for claim in comparison.claims:
            if claim.status is Status.NEW:
                t, span = _revived(cells, k, claim.after, revives, bar)
                if t is None:
                    t = len(cells)
                    cells.append([Cell("")] * n)
                    cells[t][k] = Cell("new", claim.after)
                else:
                    cells[t][k] = Cell("revived", claim.after, span=span)
                nxt[claim.after] = [t]
                continue
            threads = _threads(open_at, claim.before)
            for t in threads:
                if claim.status is Status.DROPPED:
                    if not cells[t][k].status:
                        cells[t][k] = Cell("dropped")
                    continue
                status = claim.status.value
                mechanical = claim.status is Status.CHANGED and claim.mechanical
                if mechanical:
                    status = Status.REPEATED.value
                held = cells[t][k]
                p = claim.pair_probability if status == "changed" else None
                if held.sentences:
                    # a thread that was split in two now meets both halves: one cell, both
                    status = "changed" if "changed" in {held.status, status} else status
                    both = max((x for x in (held.probability, p) if x is not None), default=None)
                    cells[t][k] = Cell(status, tuple(sorted(set(held.sentences) | set(claim.after))), probability=both)
                else:
                    cells[t][k] = Cell(status, claim.after, mechanical=mechanical, probability=p)
            if claim.status is not Status.DROPPED and threads:
                nxt[claim.after] = threads
        for row in cells:
            if not row[k].status and any(c.status for c in row[:k]):
                row[k] = Cell("absent")
        open_at = nxt
    return tuple(Thread(f"c{i + 1}", tuple(row)) for i, row in enumerate(cells))


def _threads(open_at: dict[tuple[int, ...], list[int]], before: tuple[int, ...]) -> list[int]:
    """Every thread that holds any of `before`: a merge continues all of them."""
    found: list[int] = []
    for key, threads in open_at.items():
        if set(key) & set(before):
            found += [t for t in threads if t not in found]
    return found


def _revived(
    cells: list[list[Cell]], k: int, after: tuple[int, ...], revives: Revives, bar: float
) -> tuple[int | None, int]:
    """The dropped thread that `after` (in document k) brings back, if any, and across how many
    documents it was absent."""
    best: tuple[float, int, int] | None = None
    for t, row in enumerate(cells):
        if row[k - 1].status not in {"dropped", "absent"}:
            continue
        last = max((j for j in range(k) if row[j].sentences), default=None)
        if last is None or k - last - 1 > REVIVE_SPAN:
            continue
        p = revives(last, row[last].sentences, k, after)
        if p >= bar and (best is None or p > best[0]):
            best = (p, t, k - last - 1)
    return (None, 0) if best is None else (best[1], best[2])


OMISSION_SHARE = 0.6
"""A thread is an omission when the latest document lacks it after it was carried in this
share of the documents before (and in at least three)."""


def omitted(thread: Thread) -> int | None:
    """The last document that carried `thread`, when it ran through most earlier documents and
    the latest one lacks it."""
    cells = thread.cells
    if len(cells) < 4 or cells[-1].sentences:
        return None
    carried = [k for k, c in enumerate(cells[:-1]) if c.sentences]
    if len(carried) >= 3 and len(carried) >= OMISSION_SHARE * (len(cells) - 1):
        return carried[-1]
    return None
