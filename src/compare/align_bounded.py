"""align_bounded: alignment for very large document pairs in bounded memory and time.

`align.align` builds dense (n, m) matrices and solves an optimal assignment, which is right
for documents of normal size but needs O(n·m) memory and more than O(n²) time: two 10 MB
documents (~56,000 sentences each) would need tens of gigabytes. Above `DENSE_LIMIT` cells
the pipeline uses this module instead:

1. candidates: for every sentence on each side, its `TOP_K` most similar sentences on the
   other side by embedding cosine, computed `BLOCK` rows at a time (memory O(BLOCK·m));
2. each candidate pair gets the same calibrated probability as in `align` (`PairModel`);
3. pairs are taken greedily, most probable first, when both sentences are still free and the
   probability passes the model's threshold;
4. splits and merges are searched as in `align` (`align.finish`), with each sentence's
   nearest candidates standing in for its row of the similarity matrix. Slots (rewritten
   sentences between kept ones) and replacements in place are not searched here.

The result has the shape `align.align` returns: beads covering every sentence of both sides
exactly once, in reading order, and whether the two documents read as versions of one text
(decided on the one-to-one pairs, as there). Shapes: `before_vectors` (n, d), `after_vectors`
(m, d), unit rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .align import NEAREST, Beads, PairModel, Sides, Words, finish, log_odds, pair_logit, reuse, versions
from .types import Alignment

DENSE_LIMIT = 1_000_000
"""Pairs with more than this many sentence pairs (n·m) are aligned here, not by `align.align`."""
TOP_K = 8
BLOCK = 256


def needed(n: int, m: int) -> bool:
    """Whether a pair of n and m sentences is too large for the dense aligner."""
    return n * m > DENSE_LIMIT


def candidates(before_vectors: np.ndarray, after_vectors: np.ndarray, k: int = TOP_K) -> np.ndarray:
    """Candidate pairs, shape (c, 2), sorted and unique: (i, j) where j is among i's k nearest
    after-sentences or i among j's k nearest before-sentences; never more than BLOCK rows of
    the similarity matrix in memory."""
    n, m = len(before_vectors), len(after_vectors)
    if n == 0 or m == 0:
        return np.zeros((0, 2), dtype=np.int64)
    k_row, k_col = min(k, m), min(k, n)
    keys = []
    col_val = np.full((0, m), -np.inf, dtype=np.float32)  # running best k per column
    col_idx = np.zeros((0, m), dtype=np.int64)
    for start in range(0, n, BLOCK):
        sims = (before_vectors[start : start + BLOCK] @ after_vectors.T).astype(np.float32)
        rows = np.arange(start, start + len(sims), dtype=np.int64)
        top = np.argpartition(sims, m - k_row, axis=1)[:, m - k_row :]
        keys.append((rows[:, None] * m + top).ravel())
        val = np.concatenate([col_val, sims])
        idx = np.concatenate([col_idx, np.broadcast_to(rows[:, None], sims.shape)])
        if len(val) > k_col:
            keep = np.argpartition(val, len(val) - k_col, axis=0)[len(val) - k_col :]
            val = np.take_along_axis(val, keep, axis=0)
            idx = np.take_along_axis(idx, keep, axis=0)
        col_val, col_idx = val, idx
    keys.append((col_idx * m + np.arange(m, dtype=np.int64)[None, :]).ravel())
    flat = np.unique(np.concatenate(keys))
    return np.stack([flat // m, flat % m], axis=1)


GATHER = 16384
"""Candidate pairs whose vectors are gathered at a time: a 64 MB input against a statement has
2.5 million candidates, whose vectors gathered at once took 3.7 GiB."""


def _cosines(before: np.ndarray, after: np.ndarray, i_idx: np.ndarray, j_idx: np.ndarray) -> np.ndarray:
    """Cosine of each candidate pair (rows are unit vectors), in bounded memory."""
    out = np.empty(len(i_idx), dtype=np.result_type(before.dtype, after.dtype))
    for s in range(0, len(i_idx), GATHER):
        e = s + GATHER
        out[s:e] = np.einsum("ij,ij->i", before[i_idx[s:e]], after[j_idx[s:e]])
    return out


def align(
    before_vectors: np.ndarray,
    after_vectors: np.ndarray,
    before_words: Sequence[Words],
    after_words: Sequence[Words],
    model: PairModel,
) -> Alignment:
    """Beads covering every sentence of both sides exactly once, ordered by position."""
    n, m = len(before_words), len(after_words)
    pairs = candidates(before_vectors, after_vectors)
    i_idx, j_idx = pairs[:, 0], pairs[:, 1]
    cosine = _cosines(before_vectors, after_vectors, i_idx, j_idx)
    logits = [
        pair_logit(model, c, before_words[i], after_words[j])
        for c, i, j in zip(cosine.tolist(), i_idx.tolist(), j_idx.tolist(), strict=True)
    ]
    z = np.array(logits, dtype=np.float64)
    order = np.argsort(-z, kind="stable")
    beads: Beads = {}
    used_after: set[int] = set()
    cut = log_odds(model.threshold)
    for c in order.tolist():
        if z[c] < cut:
            break
        i, j = int(i_idx[c]), int(j_idx[c])
        if (i,) in beads or j in used_after:
            continue
        beads[(i,)] = ((j,), float(z[c]))
        used_after.add(j)
    after_near, before_near = _nearest(i_idx, j_idx, cosine, n), _nearest(j_idx, i_idx, cosine, m)
    near = (after_near.__getitem__, before_near.__getitem__)
    sides = Sides(before_vectors, after_vectors, before_words, after_words, model, near)
    reused = reuse(before_words, after_words)
    same_text = versions(model, len(beads), n, m, reused)
    return finish(beads, sides, n, m, same_text, close=same_text and reused >= model.close_reuse)


def _nearest(rows: np.ndarray, cols: np.ndarray, cosine: np.ndarray, count: int) -> list[list[int]]:
    """Per row 0..count-1, its NEAREST candidate columns of highest cosine."""
    out: list[list[int]] = [[] for _ in range(count)]
    for k in np.lexsort((-cosine, rows)).tolist():
        if len(out[rows[k]]) < NEAREST:
            out[rows[k]].append(int(cols[k]))
    return out
