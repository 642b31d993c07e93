"""align: two documents' sentences -> beads, chosen globally for the pair.

Pure numeric functions. Shapes: `before` has n sentences, `after` has m; vectors are
(n, d) and (m, d) unit rows; similarity matrices are (n, m). Each sentence's words come as its
lower-cased tokens in order (`segment.words`).

1. Each sentence pair gets the probability that it states the same claim, from a calibrated
   logistic model over embedding cosine and word overlap (`PairModel`).
2. One-to-one pairs are chosen by optimal assignment (Hungarian) on the summed log-odds above
   the model's threshold, so order does not matter, no greedy choice steals a better partner,
   and no pair is given up to make room for a pair that is then cut (a restatement keeps the
   sentence it restates).
3. Slots: when the two documents are versions of one text (`versions`: enough sentences pair
   one-to-one and enough of their wording is carried over, `reuse`), unpaired sentences
   boxed in between the same two pairs on both sides hold the same place in the text, as when
   a statement's inflation sentence is rewritten; there they pair at a lower probability
   (`PairModel.slot_threshold`), by assignment within the slot, except a pair less probable
   than `PairModel.changed_floor` one of whose sentences pairs by meaning with another sentence
   (it restates that one), unless the two open alike ("Information received since ..."), nor
   in a slot open at the start or end of both documents (place vouches only between pairs).
   Two sentences of a slot that open with the same words (`FRAME`: "Voting against the action
   was ...") are the same sentence frame with new filler; their log-odds gain
   `PairModel.frame_bonus` there.
4. Splits and merges: an unpaired sentence joins a paired neighbour when the joined text
   explains the other side's sentence clearly better than the neighbour alone, or about as
   well while the other side holds a good share of its content words that the neighbour
   lacks (its content was folded in: `PairModel.join_margin`, `join_slack`, `join_cover`;
   outside close versions, words in several sentences of both documents do not count);
   a sentence one further away joins only on the full margin (a split whose halves have a
   new sentence between them). A sentence that pairs better with an unpaired sentence of the
   other side (among its nearest) than with the pair it would join does not join: it restates
   that sentence, and pairs with it when that pair is at least `PairModel.changed_floor`
   probable (a support line next to a condemnation, restating last time's support line).
   A sentence still unpaired that a sentence of the other side carries word for word joins
   that sentence wherever it stands (`_contained`: folded in, not dropped). Two adjacent
   unpaired sentences pair with one of the other side when together they pass the threshold.
   The line each document closes on, that they will stay in touch, pairs with the other's when
   both are left over (`_closing`: one message in other words).
5. What is left unpaired is a one-sided bead (new or dropped).
6. Replaced in place: an unpaired sentence of the later document that sits in the slot of an
   unpaired one of the earlier document (assignment within the slot, pair probability at least
   `PairModel.replace_floor`) took its place; the pair is recorded (`Alignment.replaced`) so
   that the new claim can say which dropped one it replaces, without calling them one claim.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix

from .frames import CONTACT
from .segment import content
from .types import Alignment, Bead

FRAME = 3
"""Sentences opening with the same this many words share a frame (see the module notes)."""

REACH = 2
"""A split's or merge's other half is looked for up to this many sentences away."""

NEAREST = 4
"""A sentence is tried as half of a split only next to its few most similar sentences."""


Beads = dict[tuple[int, ...], tuple[tuple[int, ...], float]]
"""Earlier-document indices -> (later-document indices, pair log-odds)."""


Words = Sequence[str]
"""One sentence's lower-cased word tokens, in order."""


def probability(logit: np.ndarray | float) -> np.ndarray:
    """The pair model's log-odds as a probability (the one sigmoid of the package)."""
    return np.asarray(1.0 / (1.0 + np.exp(-np.asarray(logit))))


@dataclass(frozen=True)
class PairModel:
    """P(same claim) = sigmoid(w_cos * cosine + w_lex * overlap + bias); pair if >= threshold.
    The other fields steer slots and joins (see the module notes); scripts/calibrate.py fits
    them all."""

    w_cos: float
    w_lex: float
    bias: float
    threshold: float = 0.5
    versions: float = 0.4
    """Two documents are versions of one text when at least this share of the shorter one's
    sentences pair one-to-one. Consecutive FOMC statements pair 0.25 to 1.0 of theirs (under 0.4
    only the top-to-bottom rewrites of 1998-99); the two seed articles (a report and a
    commentary on one subject) pair 0.25, 2 of 8. scripts/calibrate.py fits it above that
    share (0.3)."""
    versions_reuse: float = 0.0
    """...and at least this share of the shorter one's word 4-grams (within sentences) recur in
    the other (`reuse`): a text edited into the next version keeps most of its wording, two
    texts written afresh on one subject (diplomatic readouts, a report and a commentary) share
    little beyond stock phrases, however many of their sentences pair by meaning."""
    close_reuse: float = 0.0
    """Versions of one text that carry over at least this share of wording (`reuse`) are close
    versions (consecutive policy statements), where a sentence's place alone vouches for a pair:
    a low-probability pair in its place stays one claim, edited."""
    changed_floor: float = 0.0
    """Outside close versions a pair less probable than this is not one claim edited but a
    dropped and a new claim, linked "in place of" (readouts restate and replace lines freely)."""
    slot_threshold: float = 1.0
    replace_floor: float = 1.0
    """A slot's leftover pair at least this probable is a replacement in place (module notes, 6)."""
    loose_replace_floor: float = 0.0
    """The same outside close versions (readouts), where a place says little: there most links
    at `replace_floor` joined unrelated messages ("the call on Hamas replaced by Holocaust
    remembrance"). 0.0: as `replace_floor`."""
    frame_bonus: float = 0.0
    join_margin: float = 1.0
    join_slack: float = 0.0
    join_cover: float = 1.0

    def logit(self, cosine: np.ndarray, overlap: np.ndarray) -> np.ndarray:
        return np.asarray(self.w_cos * cosine + self.w_lex * overlap + self.bias)

    def probability(self, cosine: np.ndarray, overlap: np.ndarray) -> np.ndarray:
        return np.asarray(probability(self.logit(cosine, overlap)))


def overlap_matrix(before: Sequence[Words], after: Sequence[Words]) -> np.ndarray:
    """Dice overlap of word sets, (n, m): 2|A & B| / (|A| + |B|)."""
    return dice_matrix([set(w) for w in before], [set(w) for w in after])


def dice_matrix(before: Sequence[set[Any]], after: Sequence[set[Any]]) -> np.ndarray:
    """2|A & B| / (|A| + |B|) for every pair of sets, (n, m), through one sparse product."""
    if not before or not after:
        return np.zeros((len(before), len(after)))
    vocab: dict[Any, int] = {}
    a, b = _binary(before, vocab), _binary(after, vocab)
    width = len(vocab)
    a.resize((a.shape[0], width))
    b.resize((b.shape[0], width))
    inter = np.asarray((a @ b.T).todense(), dtype=np.float64)
    sizes = np.add.outer(np.array([len(s) for s in before]), np.array([len(s) for s in after]))
    return np.asarray(np.divide(2 * inter, sizes, out=np.zeros_like(inter), where=sizes > 0))


def _binary(sets: Sequence[set[Any]], vocab: dict[Any, int]) -> csr_matrix:
    rows, cols = [], []
    for i, s in enumerate(sets):
        for w in s:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    data = np.ones(len(rows))
    return csr_matrix((data, (rows, cols)), shape=(len(sets), max(len(vocab), 1)))


def log_odds(p: float) -> float:
    """The logit at which the pair probability equals `p`."""
    return float(np.log(p / (1 - p)))


def dice(a: set[Any], b: set[Any]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def pair_logit(model: PairModel, cosine: float, a: Words, b: Words) -> float:
    """Pair log-odds of two word sequences whose vectors have this cosine."""
    return float(model.logit(np.array(cosine), np.array(dice(set(a), set(b)))))


def align(
    before_vectors: np.ndarray,
    after_vectors: np.ndarray,
    before_words: Sequence[Words],
    after_words: Sequence[Words],
    model: PairModel,
) -> Alignment:
    """Beads covering every sentence of both sides exactly once, ordered by position."""
    n, m = len(before_words), len(after_words)
    if n == 0 or m == 0:
        return Alignment(tuple([Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]), False)
    cosine = before_vectors @ after_vectors.T
    logits = model.logit(cosine, overlap_matrix(before_words, after_words))
    beads = one_to_one(logits, model)
    near = (lambda i: _nearest(cosine[i]), lambda j: _nearest(cosine[:, j]))
    sides = Sides(before_vectors, after_vectors, before_words, after_words, model, near)
    reused = reuse(before_words, after_words)
    same_text = versions(model, len(beads), n, m, reused)
    if same_text:
        beads = _slots(beads, logits, sides, n, m)
    return finish(beads, sides, n, m, same_text, logits, close=same_text and reused >= model.close_reuse)


def one_to_one(logits: np.ndarray, model: PairModel) -> Beads:
    """The one-to-one pairs: optimal assignment on the pair log-odds above the threshold."""
    # summed log-odds, not probabilities: a sure pair is not traded for two middling ones
    # (0.96 + 0.21 loses to 0.67 + 0.53 as probabilities; as log-odds 3.2 - 1.3 wins over 0.7 + 0.1).
    # Only the part above the cut counts: a full assignment would otherwise give up a good pair
    # to spare another row a hopeless partner, and that pair is cut anyway.
    cut = log_odds(model.threshold)
    rows, cols = linear_sum_assignment(np.maximum(logits - cut, 0.0), maximize=True)
    return {(int(i),): ((int(j),), float(logits[i, j])) for i, j in zip(rows, cols, strict=True) if logits[i, j] >= cut}


def finish(
    beads: Beads,
    sides: Sides,
    n: int,
    m: int,
    same_text: bool,
    logits: np.ndarray | None = None,
    close: bool = False,
) -> Alignment:
    """Splits and merges around the one-to-one `beads`, then every sentence left over as a
    one-sided bead, in reading order, and the replacements in place among those (when the full
    `logits` matrix is at hand)."""
    # in close versions a sentence folded into its neighbour shares the text's usual words
    # (FOMC labelers join them); between loosely related texts those words pair any two lines
    beads = _grow(beads, sides, n, m, frozenset() if close else common(sides.bw, sides.aw))
    beads = _contained(beads, sides, n, m)
    beads = _groups(beads, sides, n, m)
    beads = _closing(beads, sides)
    paired = [Bead(b, a, float(probability(z))) for b, (a, z) in beads.items()]
    replaced = () if logits is None else in_place(beads, logits, sides.model, n, m, close)
    return Alignment(tuple(reading_order(paired, n, m)), same_text, replaced, close)


def in_place(
    beads: Beads, logits: np.ndarray, model: PairModel, n: int, m: int, close: bool = True
) -> tuple[Bead, ...]:
    """Unpaired sentences that took the place of an unpaired one of the earlier document: the
    assignment within each slot, pairs at least `model.replace_floor` probable (module notes, 6)
    in close versions, where a place vouches for a pair, and `loose_replace_floor` elsewhere."""
    floor = model.replace_floor if close else max(model.replace_floor, model.loose_replace_floor)
    if floor >= 1.0:
        return ()
    cut = log_odds(floor)
    taken = {j for a, _ in beads.values() for j in a}
    out = []
    for b, run in slots(beads, n, m):
        a = [j for j in run if j not in taken]
        if not a:
            continue
        sub = logits[np.ix_(b, a)]
        rows, cols = linear_sum_assignment(np.maximum(sub - cut, 0.0), maximize=True)
        out += [
            Bead((b[r],), (a[c],), float(probability(sub[r, c])))
            for r, c in zip(rows, cols, strict=True)
            if sub[r, c] >= cut
        ]
    return tuple(sorted(out, key=lambda x: x.after))


def _nearest(cosines: np.ndarray) -> list[int]:
    """The NEAREST positions of highest cosine (asked for only for sentences left unpaired)."""
    return [int(k) for k in np.argsort(-cosines, kind="stable")[:NEAREST]]


def slots(beads: Beads, n: int, m: int) -> list[tuple[list[int], list[int]]]:
    """Runs of sentences that sit between the same two pairs in both documents (or before the
    first pair / after the last one in both): (before indices, after indices). Where pairs cross
    (reordered text), a later-document run may hold paired sentences and lie in more than one
    slot."""
    anchors = sorted((min(b), max(b), min(a), max(a)) for b, (a, _) in beads.items())
    bounds = [(-1, -1, -1, -1), *anchors, (n, n, m, m)]
    out = []
    for (_, b_end, _, a_end), (b_next, _, a_next, _) in zip(bounds, bounds[1:], strict=False):
        if a_end < a_next:
            out.append((list(range(b_end + 1, b_next)), list(range(a_end + 1, a_next))))
    return [(b, a) for b, a in out if b and a]


def versions(model: PairModel, pairs: int, n: int, m: int, reused: float = 1.0) -> bool:
    """Whether two documents of n and m sentences, `pairs` of them paired one-to-one, read as
    two versions of one text: at least `model.versions` of the shorter one's sentences paired,
    and at least `model.versions_reuse` of its wording carried over (`reused`, from `reuse`)."""
    return pairs > 0 and pairs >= model.versions * min(n, m) and reused >= model.versions_reuse


GRAM = 4
"""Wording carried over is counted in runs of this many words (`reuse`)."""


def reuse(before: Sequence[Words], after: Sequence[Words]) -> float:
    """Share of the shorter side's distinct word GRAM-grams (within sentences) that the other
    side also has: near 1 for a text and its edited version, low for two texts written apart."""
    a, b = _grams(before), _grams(after)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _grams(sentences: Sequence[Words]) -> set[tuple[str, ...]]:
    return {tuple(w[k : k + GRAM]) for w in sentences for k in range(len(w) - GRAM + 1)}


def _slots(beads: Beads, logits: np.ndarray, sides: Sides, n: int, m: int) -> Beads:
    """Pair the unpaired sentences of each slot by assignment, at the slot threshold, with
    the frame bonus for sentences that open alike."""
    if sides.model.slot_threshold >= 1.0:
        return beads
    cut = log_odds(sides.model.slot_threshold)
    taken = {j for a, _ in beads.values() for j in a}
    for b, run in slots(beads, n, m):
        a = [j for j in run if j not in taken]
        if not a:
            continue
        frames = [[_frame(sides.bw[i], sides.aw[j]) for j in a] for i in b]
        # a place vouches for a weak pair only between two pairs: a run left over at the start
        # or end of both documents is where a short text adds and drops its lines
        boxed = 0 < min(b) and max(b) < n - 1 and 0 < min(run) and max(run) < m - 1
        sub = logits[np.ix_(b, a)] + sides.model.frame_bonus * np.array(frames, dtype=np.float64)
        rows, cols = linear_sum_assignment(sub, maximize=True)
        for r, c in zip(rows, cols, strict=True):
            z = float(logits[b[r], a[c]])
            vouched = boxed or not _weak(z, sides.model)
            if sub[r, c] >= cut and (
                frames[r][c] or (vouched and not _restates_elsewhere(logits, b[r], a[c], sides.model))
            ):
                beads[(b[r],)] = ((a[c],), z)
                taken.add(a[c])
    return beads


def _weak(z: float, model: PairModel) -> bool:
    """Whether pair log-odds `z` are under `model.changed_floor` (never, with no floor set)."""
    return bool(model.changed_floor) and z < log_odds(model.changed_floor)


def _restates_elsewhere(logits: np.ndarray, i: int, j: int, model: PairModel) -> bool:
    """Whether a slot pair less probable than `model.changed_floor` has a sentence that pairs by
    meaning (at the threshold) with another sentence of the other side: it restates that one
    (a line whose message moved into the opener), and place does not make it the same claim
    as the weak partner it was left with."""
    z = logits[i, j]
    if not _weak(z, model):
        return False
    bar = max(z, log_odds(model.threshold))
    elsewhere = max(np.delete(logits[i], j).max(initial=-np.inf), np.delete(logits[:, j], i).max(initial=-np.inf))
    return bool(elsewhere >= bar)


@dataclass(frozen=True)
class Sides:
    bv: np.ndarray
    av: np.ndarray
    bw: Sequence[Words]
    aw: Sequence[Words]
    model: PairModel
    near: tuple[Callable[[int], Sequence[int]], Callable[[int], Sequence[int]]]
    """For a sentence of the earlier / later document, its few most similar sentences on the
    other side."""

    def score(self, before: tuple[int, ...], after: tuple[int, ...]) -> float:
        """Pair log-odds for groups of sentences, the group's vector being the
        word-count-weighted mean of its sentences' vectors."""
        return group_logit(self.model, (self.bv, self.bw, before), (self.av, self.aw, after))


Side = tuple[np.ndarray, Sequence[Words], tuple[int, ...]]
"""A document's vectors, its sentences' word sets, and the sentence indices of one group."""


def group_logit(model: PairModel, a: Side, b: Side) -> float:
    """Pair log-odds of two groups of sentences, possibly from any two documents."""
    av, aw = _group(*a)
    bv, bw = _group(*b)
    return pair_logit(model, float(av @ bv), aw, bw)


def _group(vectors: np.ndarray, words: Sequence[Words], idx: tuple[int, ...]) -> tuple[np.ndarray, list[str]]:
    weights = np.array([max(len(words[i]), 1) for i in idx], dtype=np.float64)
    v = (vectors[list(idx)] * weights[:, None]).sum(0)
    norm = np.linalg.norm(v)
    return (v / norm if norm > 0 else v), [w for i in idx for w in words[i]]


def _grow(beads: Beads, sides: Sides, n: int, m: int, usual: Set[str] = frozenset()) -> Beads:
    """Grow one-to-one beads by a nearby unpaired sentence on either side when that explains
    the pair better (a split or a merge). An adjacent sentence joins by `_joins_in`; one a
    sentence further away (the halves of a split with a new sentence put between them) only
    when the log-odds rise by the full join margin."""
    used_b = {i for k in beads for i in k}
    used_a = {j for v, _ in beads.values() for j in v}
    for key in sorted(beads, key=lambda k: -beads[k][1]):
        after, p = beads[key]
        if len(key) != 1 or len(after) != 1:
            continue
        (i,), (j,) = key, after
        # (joined before, joined after, share of the neighbour's content the other side holds, adjacent)
        joins: list[tuple[tuple[int, ...], tuple[int, ...], float, bool]] = [
            (key, tuple(sorted((j, x))), _cover(sides.aw[x], sides.aw[j], sides.bw[i], usual), abs(x - j) == 1)
            for x in _reach(j, used_a, m)
        ]
        joins += [
            (tuple(sorted((i, x))), after, _cover(sides.bw[x], sides.bw[i], sides.aw[j], usual), abs(x - i) == 1)
            for x in _reach(i, used_b, n)
        ]
        best: tuple[float, tuple[int, ...], tuple[int, ...]] = (-np.inf, key, after)
        rivals: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
        for b, a, cover, adjacent in joins:
            z = sides.score(b, a)
            if not _joins_in(sides.model, z - p, cover if adjacent else 0.0):
                continue
            rival = _rival(sides, b, a, key, after, used_b, used_a)
            if rival is None:
                best = max(best, (z, b, a))
            else:
                rivals.append(rival)
        if best[1] != key or best[2] != after:
            del beads[key]
            beads[best[1]] = (best[2], best[0])
            used_b.update(best[1])
            used_a.update(best[2])
        elif rivals:
            z, b, a = max(rivals)
            if z >= log_odds(sides.model.changed_floor or sides.model.threshold):
                beads[b] = (a, z)
                used_b.update(b)
                used_a.update(a)
    return beads


def _rival(
    sides: Sides,
    b: tuple[int, ...],
    a: tuple[int, ...],
    key: tuple[int, ...],
    after: tuple[int, ...],
    used_b: set[int],
    used_a: set[int],
) -> tuple[float, tuple[int, ...], tuple[int, ...]] | None:
    """The pair a joining sentence would rather make: an unpaired sentence of the other side
    (among its nearest) that it pairs with better than with the pair it would join, as
    (log-odds, before, after); None when the join stands."""
    if len(a) > len(after):
        (x,) = set(a) - set(after)
        own = sides.score(key, (x,))
        options = [(sides.score((y,), (x,)), (y,), (x,)) for y in sides.near[1](x) if y not in used_b]
    else:
        (x,) = set(b) - set(key)
        own = sides.score((x,), after)
        options = [(sides.score((x,), (y,)), (x,), (y,)) for y in sides.near[0](x) if y not in used_a]
    found = max(options, default=None)
    return found if found is not None and found[0] > own else None


def _reach(k: int, used: set[int], count: int) -> list[int]:
    """Unpaired sentences up to REACH positions from sentence k."""
    return [x for d in range(1, REACH + 1) for x in (k - d, k + d) if 0 <= x < count and x not in used]


def _groups(beads: Beads, sides: Sides, n: int, m: int) -> Beads:
    """Pair two adjacent unpaired sentences with an unpaired one on the other side when
    together they pass the threshold."""
    thr = log_odds(sides.model.threshold)
    used_b = {i for k in beads for i in k}
    used_a = {j for v, _ in beads.values() for j in v}
    for i in range(n):
        if i in used_b:
            continue
        starts = _near_starts(sides.near[0](i), m)
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
        starts = _near_starts(sides.near[1](j), n)
        options = [(sides.score((i, i + 1), (j,)), i) for i in starts if i not in used_b and i + 1 not in used_b]
        if options:
            p, i = max(options)
            if p >= thr:
                beads[(i, i + 1)] = ((j,), p)
                used_b.update((i, i + 1))
                used_a.add(j)
    return beads


def _contained(beads: Beads, sides: Sides, n: int, m: int) -> Beads:
    """Join an unpaired sentence to the sentence of the other side that carries it word for
    word (`CONTAINED` of its words in one run), however far away: it was folded into that
    sentence, not dropped or added. "The Committee also decided to continue ... its program to
    extend the average maturity" was shown dropped while the next statement says it, as one
    clause of its reinvestment sentence (FOMC, 2012-06-20 -> 08-01)."""
    for side in (0, 1):
        own, other = (sides.bw, sides.aw) if side == 0 else (sides.aw, sides.bw)
        for k in range(len(own)):
            taken = {i for key, (a, _) in beads.items() for i in (key if side == 0 else a)}
            if k in taken or len(own[k]) < CONTAINED_MIN:
                continue
            host = next((x for x in range(len(other)) if _carries(other[x], own[k])), None)
            if host is None:
                continue
            bead = next(((b, a) for b, (a, _) in beads.items() if host in (a if side == 0 else b)), None)
            b: tuple[int, ...]
            a: tuple[int, ...]
            if bead is None:
                b, a = ((k,), (host,)) if side == 0 else ((host,), (k,))
            elif side == 0:
                del beads[bead[0]]
                b, a = tuple(sorted((*bead[0], k))), bead[1]
            else:
                del beads[bead[0]]
                b, a = bead[0], tuple(sorted((*bead[1], k)))
            beads[b] = (a, sides.score(b, a))
    return beads


CLOSING = 0.9
"""Pair probability of the two closing lines (`_closing`): of the 16 such pairs in the tuning
readout labels, the labelers pair all 16; the words alone give some of them 0.04."""


def _closing(beads: Beads, sides: Sides) -> Beads:
    """Pair the line each document closes on, that they will stay in touch (`frames.CONTACT`:
    "agreed to stay in close touch" -> "agreed to speak again in the coming days"), when each
    document has one and both are left unpaired: one message in other words, not one dropped
    and one new."""
    ends = [[k for k, w in enumerate(side) if CONTACT.search(" ".join(w))] for side in (sides.bw, sides.aw)]
    if len(ends[0]) != 1 or len(ends[1]) != 1:
        return beads
    (i,), (j,) = ends
    if any(i in b or j in a for b, (a, _) in beads.items()):
        return beads
    beads[(i,)] = ((j,), max(sides.score((i,), (j,)), log_odds(CLOSING)))
    return beads


CONTAINED = 0.85
"""Share of a sentence's words, in one run, that another sentence must carry to hold it."""

CONTAINED_MIN = 6
"""Words a sentence needs before being carried word for word says more than a shared phrase."""


def _carries(host: Words, guest: Words) -> bool:
    """Whether `host` is longer than `guest` and holds at least CONTAINED of its words in one run."""
    if len(host) <= len(guest):
        return False
    run = SequenceMatcher(None, host, guest, autojunk=False).find_longest_match(0, len(host), 0, len(guest))
    return run.size >= CONTAINED * len(guest)


def _joins_in(model: PairModel, gain: float, cover: float) -> bool:
    """Whether a neighbour joins a pair: the log-odds rise by the margin, or stay within the
    slack while the neighbour's content words show up on the other side (`_cover`)."""
    return gain >= model.join_margin or (gain >= -model.join_slack and cover >= model.join_cover)


def _cover(extra: Words, partner: Words, other: Words, usual: Set[str] = frozenset()) -> float:
    """Share of `extra`'s content words found in `other` but not in `partner`: how much of the
    neighbour the other side says that its own partner does not. Words `usual` in the two
    documents do not count as found: "ongoing U.S. support" folded a deterrence line into an aid
    line (Netanyahu readouts, 23 -> 25 October 2023)."""
    own = content(extra)
    if not own:
        return 0.0
    return len((own & content(other)) - content(partner) - usual) / len(own)


USUAL = 4
"""Sentences (of both documents together) a content word must be in to be usual there."""


def common(before: Sequence[Words], after: Sequence[Words]) -> set[str]:
    """The content words (stems) in at least USUAL sentences of the two documents together."""
    seen = Counter(w for s in (*before, *after) for w in content(s))
    return {w for w, k in seen.items() if k >= USUAL}


def _frame(a: Words, b: Words) -> bool:
    """Whether two sentences open with the same FRAME words."""
    return len(a) >= FRAME and len(b) >= FRAME and list(a[:FRAME]) == list(b[:FRAME])


def _near_starts(near: Sequence[int], count: int) -> list[int]:
    """Start positions of the adjacent pairs worth trying as the other half of a split: those
    holding one of the `near` sentences, the NEAREST most similar (bounds the search to
    O(NEAREST) per sentence instead of every position)."""
    return sorted({k + d for k in near for d in (-1, 0) if 0 <= k + d < count - 1})


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
