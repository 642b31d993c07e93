"""align: two documents' sentences -> beads, chosen globally for the pair.

Pure numeric functions. Shapes: `before` has n sentences, `after` has m; vectors are
(n, d) and (m, d) unit rows; similarity matrices are (n, m).

1. Each sentence pair gets the probability that it states the same claim, from a calibrated
   logistic model over embedding cosine and word overlap (`PairModel`).
2. One-to-one pairs are chosen by optimal assignment (Hungarian), so order does not matter
   and no greedy choice steals a better partner; pairs below the model's threshold are cut.
3. Splits and merges: an unpaired sentence joins a neighbour when the joined text explains
   the other side's sentence better than the neighbour alone.
4. What is left unpaired is a one-sided bead (new or dropped).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix

from .types import Bead

NEAREST = 4
"""A sentence is tried as half of a split only next to its few most similar sentences."""

JOIN_MARGIN = 1.0
"""A join must raise the pair's log-odds by this much over the neighbour's own pair."""


Beads = dict[tuple[int, ...], tuple[tuple[int, ...], float]]
"""Earlier-document indices -> (later-document indices, pair log-odds)."""


@dataclass(frozen=True)
class PairModel:
    """P(same claim) = sigmoid(w_cos * cosine + w_lex * overlap + bias); pair if >= threshold."""

    w_cos: float
    w_lex: float
    bias: float
    threshold: float = 0.5

    def logit(self, cosine: np.ndarray, overlap: np.ndarray) -> np.ndarray:
        return np.asarray(self.w_cos * cosine + self.w_lex * overlap + self.bias)

    def probability(self, cosine: np.ndarray, overlap: np.ndarray) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-self.logit(cosine, overlap))))


def overlap_matrix(before: Sequence[set[str]], after: Sequence[set[str]]) -> np.ndarray:
    """Dice overlap of word sets, (n, m): 2|A & B| / (|A| + |B|)."""
    if not before or not after:
        return np.zeros((len(before), len(after)))
    vocab: dict[str, int] = {}
    a, b = _binary(before, vocab), _binary(after, vocab)
    width = len(vocab)
    a.resize((a.shape[0], width))
    b.resize((b.shape[0], width))
    inter = np.asarray((a @ b.T).todense(), dtype=np.float64)
    sizes = np.add.outer(np.array([len(s) for s in before]), np.array([len(s) for s in after]))
    return np.asarray(np.divide(2 * inter, sizes, out=np.zeros_like(inter), where=sizes > 0))


def _binary(sets: Sequence[set[str]], vocab: dict[str, int]) -> csr_matrix:
    rows, cols = [], []
    for i, s in enumerate(sets):
        for w in s:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    data = np.ones(len(rows))
    return csr_matrix((data, (rows, cols)), shape=(len(sets), max(len(vocab), 1)))


def dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def align(
    before_vectors: np.ndarray,
    after_vectors: np.ndarray,
    before_words: Sequence[set[str]],
    after_words: Sequence[set[str]],
    model: PairModel,
) -> list[Bead]:
    """Beads covering every sentence of both sides exactly once, ordered by position."""
    n, m = len(before_words), len(after_words)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    cosine = before_vectors @ after_vectors.T
    logits = model.logit(cosine, overlap_matrix(before_words, after_words))
    prob = 1.0 / (1.0 + np.exp(-logits))
    rows, cols = linear_sum_assignment(prob, maximize=True)
    pairs = {int(i): int(j) for i, j in zip(rows, cols, strict=True) if prob[i, j] >= model.threshold}
    beads: Beads = {(i,): ((j,), float(logits[i, j])) for i, j in pairs.items()}
    sides = _Sides(before_vectors, after_vectors, before_words, after_words, model, cosine)
    beads = _joins(beads, sides, n, m)
    paired = [Bead(b, a, float(1 / (1 + np.exp(-z)))) for b, (a, z) in beads.items()]
    return reading_order(paired, n, m)


@dataclass(frozen=True)
class _Sides:
    bv: np.ndarray
    av: np.ndarray
    bw: Sequence[set[str]]
    aw: Sequence[set[str]]
    model: PairModel
    cosine: np.ndarray

    def score(self, before: tuple[int, ...], after: tuple[int, ...]) -> float:
        """Pair log-odds for groups of sentences, the group's vector being the
        word-count-weighted mean of its sentences' vectors."""
        return group_logit(self.model, (self.bv, self.bw, before), (self.av, self.aw, after))


Side = tuple[np.ndarray, Sequence[set[str]], tuple[int, ...]]
"""A document's vectors, its sentences' word sets, and the sentence indices of one group."""


def group_logit(model: PairModel, a: Side, b: Side) -> float:
    """Pair log-odds of two groups of sentences, possibly from any two documents."""
    av, aw = _group(*a)
    bv, bw = _group(*b)
    return float(model.logit(np.array(av @ bv), np.array(dice(aw, bw))))


def _group(vectors: np.ndarray, words: Sequence[set[str]], idx: tuple[int, ...]) -> tuple[np.ndarray, set[str]]:
    weights = np.array([max(len(words[i]), 1) for i in idx], dtype=np.float64)
    v = (vectors[list(idx)] * weights[:, None]).sum(0)
    norm = np.linalg.norm(v)
    return (v / norm if norm > 0 else v), set().union(*(words[i] for i in idx))


def _joins(beads: Beads, sides: _Sides, n: int, m: int) -> Beads:
    """Grow one-to-one beads by an adjacent unpaired sentence on either side when that
    explains the pair better (a split or a merge); pair two adjacent unpaired sentences with
    an unpaired one on the other side when together they pass the threshold."""
    thr = float(np.log(sides.model.threshold / (1 - sides.model.threshold)))
    used_b = {i for k in beads for i in k}
    used_a = {j for v, _ in beads.values() for j in v}
    for key in sorted(beads, key=lambda k: -beads[k][1]):
        after, p = beads[key]
        if len(key) != 1 or len(after) != 1:
            continue
        (i,), (j,) = key, after
        best: tuple[float, tuple[int, ...], tuple[int, ...]] = (p + JOIN_MARGIN, key, after)
        for jj in (j - 1, j + 1):
            if 0 <= jj < m and jj not in used_a:
                cand = tuple(sorted((j, jj)))
                best = max(best, (sides.score(key, cand), key, cand))
        for ii in (i - 1, i + 1):
            if 0 <= ii < n and ii not in used_b:
                cand = tuple(sorted((i, ii)))
                best = max(best, (sides.score(cand, after), cand, after))
        if best[1] != key or best[2] != after:
            del beads[key]
            beads[best[1]] = (best[2], best[0])
            used_b.update(best[1])
            used_a.update(best[2])
    for i in range(n):
        if i in used_b:
            continue
        starts = _near_starts(sides.cosine[i], m)
        options = [(sides.score((i,), (j, j + 1)), j) for j in starts if j not in used_a and j + 1 not in used_a]
        if options:
            p, j = max(options)
            if p >= thr:
                beads[(i,)] = ((j, j + 1), p)
                used_b.add(i)
                used_a.update((j, j + 1))
    for j in range(m):
        if j in used_a:
            continue
        starts = _near_starts(sides.cosine[:, j], n)
        options = [(sides.score((i, i + 1), (j,)), i) for i in starts if i not in used_b and i + 1 not in used_b]
        if options:
            p, i = max(options)
            if p >= thr:
                beads[(i, i + 1)] = ((j,), p)
                used_b.update((i, i + 1))
                used_a.add(j)
    return beads


def _near_starts(cosines: np.ndarray, count: int) -> list[int]:
    """Start positions of the adjacent pairs worth trying as the other half of a split: those
    holding one of the NEAREST most similar sentences (bounds the search to O(NEAREST) per
    sentence instead of every position)."""
    near = np.argsort(-cosines, kind="stable")[:NEAREST]
    return sorted({int(k) + d for k in near for d in (-1, 0) if 0 <= int(k) + d < count - 1})


def reading_order(paired: Sequence[Bead], n: int, m: int) -> list[Bead]:
    """The paired beads plus a one-sided bead for every unpaired sentence, in reading order:
    by position in the later document, each dropped sentence just after the later position of
    the nearest preceding paired sentence of the earlier one (or at the top). Linear in n + m."""
    owner = {i: b for b in paired for i in b.before}
    keyed: list[tuple[float, int, int, Bead]] = []
    anchor = -0.5
    for i in range(n):
        bead = owner.get(i)
        if bead is None:
            keyed.append((anchor, 1, i, Bead((i,), ())))
            continue
        if i == bead.before[0]:
            keyed.append((bead.after[0], 0, i, bead))
        if i == bead.before[-1]:
            anchor = bead.after[-1] + 0.5
    used_after = {j for b in paired for j in b.after}
    keyed += [(j, 0, -1, Bead((), (j,))) for j in range(m) if j not in used_after]
    keyed.sort(key=lambda t: t[:3])
    return [t[3] for t in keyed]
