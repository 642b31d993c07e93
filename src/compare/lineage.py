"""lineage: consecutive comparisons -> each claim's history across the timeline.

A thread follows one claim through the documents: the sentences that carry it in each
document and a status per document: `first` (in the first document), `new` (first seen
later), `repeated`, `changed`, `dropped` (gone in this document), `absent` (still gone),
`revived` (back after being dropped). A revival is a new sentence that the pair model pairs
with the last sentences of a dropped thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .types import Cell, Comparison, Status, Thread

Revives = Callable[[int, tuple[int, ...], int, tuple[int, ...]], float]
"""(earlier doc, its sentences, later doc, its sentences) -> pair probability."""


def lineage(
    document_ids: Sequence[str],
    comparisons: Sequence[Comparison],
    revives: Revives,
    threshold: float,
) -> tuple[Thread, ...]:
    """Threads for consecutive comparisons (document k-1 -> k), in order of first appearance."""
    n = len(document_ids)
    cells: list[list[Cell]] = []
    open_at: dict[tuple[int, ...], int] = {}  # sentences in the latest document -> thread
    if not comparisons:
        return ()
    first = comparisons[0]
    for claim in first.claims:
        if claim.before:
            open_at[claim.before] = len(cells)
            cells.append([Cell("first", claim.before)] + [Cell("")] * (n - 1))
    for k, comparison in enumerate(comparisons, start=1):
        nxt: dict[tuple[int, ...], int] = {}
        for claim in comparison.claims:
            if claim.status is Status.NEW:
                t = _revived(cells, k, claim.after, revives, threshold)
                if t is None:
                    t = len(cells)
                    cells.append([Cell("")] * n)
                    cells[t][k] = Cell("new", claim.after)
                else:
                    cells[t][k] = Cell("revived", claim.after)
                nxt[claim.after] = t
                continue
            t = _thread(open_at, claim.before)
            if t is None:
                continue
            if claim.status is Status.DROPPED:
                cells[t][k] = Cell("dropped")
            else:
                cells[t][k] = Cell(claim.status.value, claim.after)
                nxt[claim.after] = t
        for row in cells:
            if not row[k].status and any(c.status for c in row[:k]):
                row[k] = Cell("absent")
        open_at = nxt
    return tuple(Thread(f"c{i + 1}", tuple(row)) for i, row in enumerate(cells))


def _thread(open_at: dict[tuple[int, ...], int], before: tuple[int, ...]) -> int | None:
    """The thread that holds any of `before` (a merge joins threads: the first one wins)."""
    for key, t in open_at.items():
        if set(key) & set(before):
            return t
    return None


def _revived(cells: list[list[Cell]], k: int, after: tuple[int, ...], revives: Revives, threshold: float) -> int | None:
    """The dropped thread that `after` (in document k) brings back, if any."""
    best: tuple[float, int] | None = None
    for t, row in enumerate(cells):
        if row[k - 1].status not in {"dropped", "absent"}:
            continue
        last = max((j for j in range(k) if row[j].sentences), default=None)
        if last is None:
            continue
        p = revives(last, row[last].sentences, k, after)
        if p >= threshold and (best is None or p > best[0]):
            best = (p, t)
    return None if best is None else best[1]
