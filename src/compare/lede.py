"""lede: a `Brief` -> the few changes a reader should see first, ranked, per comparison.

A pure function of the brief (no models, no I/O), so every renderer shows the same lede and a
test can pin its order with a table. The ranking, most significant first:

1. ``changed`` claims whose numbers changed on both sides ("0 to 1/4 percent" -> "1/4 to 1/2
   percent"); then key formulations that stop (watched ones, or one another phrase replaced)
   or start (watched ones); then other ``changed`` claims whose numbers changed, or whose
   struck or inserted words carry intensity ("nearly balanced" -> "balanced", "urgent",
   "only", "must");
2. ``dropped`` and ``new`` claims (a dropped claim first when the scores tie: a statement that
   stops saying something is usually the news);
3. other ``changed`` claims (reworded);
4. ``repeated`` claims whose wording still differs (reworded repeats);
5. ``mechanical`` changes (only dates, years or punctuation changed), last.

Within a tier, claims with more numbers and intensity words come first, then claims nearer the
top of their document. Plain repeats never enter the lede.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .types import Brief, Claim, Comparison, DiffOp, Op, Sentence, Status, joined

LIMIT = 7
"""Items per comparison in the lede."""

INTENSITY = frozenset(
    """
    urgent urgently imperative imperatively must only never always crucial critical vital essential
    key major priority significant significantly substantial substantially considerable considerably
    strong strongly stronger solid robust firm firmly resolute resolutely unwavering
    sharp sharply rapid rapidly strongest greatly greater highly fully full
    nearly almost roughly somewhat slightly slight modest modestly moderate moderately gradual
    gradually further appreciably markedly elevated soft weak weaker subdued low lower high higher
    balanced accommodative patient patience stranglehold threat threats risk risks risky concern
    concerned cautious caution decisive decisively immediately prompt promptly
    """.split()
)
"""Words that set how strongly a claim is made; a change in them is news even with no number."""

_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_NUMERAL = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|dozen|hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)
_QUOTE = re.compile('["“”]')


class Kind(StrEnum):
    """Why a claim is in the lede; the order of the members is the order of the tiers."""

    PHRASE_DROPPED = "formulation-dropped"  # a watched or shifted key formulation stops
    PHRASE_NEW = "formulation-new"  # a watched key formulation starts
    SHIFT = "shift"  # changed: numbers or intensity words moved
    REWRITTEN = "rewritten"  # changed, but few words kept: reads as a new claim in its place
    DROPPED = "dropped"
    NEW = "new"
    REWORDED = "reworded"  # changed, otherwise
    REPEATED = "reworded-repeat"  # repeated, wording differs
    MECHANICAL = "mechanical"


_TIER = {
    Kind.PHRASE_DROPPED: 0,
    Kind.PHRASE_NEW: 0,
    Kind.SHIFT: 0,
    Kind.REWRITTEN: 1,
    Kind.DROPPED: 1,
    Kind.NEW: 1,
    Kind.REWORDED: 2,
    Kind.REPEATED: 3,
    Kind.MECHANICAL: 4,
}


@dataclass(frozen=True)
class LedeItem:
    """One lede line: a claim (by position in its comparison) or a key formulation (`phrase`,
    with `claim` None), why it is there, and the sentences that show it on each side."""

    comparison: int
    claim: int | None
    kind: Kind
    score: float
    reason: str  # numbers and intensity words that put it there; "" when its kind says it all
    before: tuple[int, ...] = ()
    after: tuple[int, ...] = ()
    phrase: str | None = None


def intensity_words(text: str) -> list[str]:
    """The intensity words in `text`, lower-cased, in order, each once."""
    seen: list[str] = []
    for w in _WORD.findall(text):
        lw = w.lower()
        if lw in INTENSITY and lw not in seen:
            seen.append(lw)
    return seen


def changed_text(ops: Sequence[DiffOp]) -> str:
    """The struck and inserted words of a diff, joined."""
    return " ".join(d.text for d in ops if d.op is not Op.EQUAL)


PHRASE_SCORE = 5.0
"""Where key formulations rank among shifts: below a number changed on both sides (10)."""

SHIFTED = 2
"""Unwatched formulations that shifted, per comparison, longest first (watched ones: all)."""

REWRITE = 0.3
"""A changed claim keeping less than this share of its words, and no phrase of `PHRASE` words,
is shown as rewritten: it reads as a new claim in the old one's place."""
PHRASE = 3


def kept(ops: Sequence[DiffOp]) -> float:
    """Share of words left unchanged: equal words / words on the longer side."""
    equal = sum(len(d.text.split()) for d in ops if d.op is Op.EQUAL)
    old = equal + sum(len(d.text.split()) for d in ops if d.op is Op.DELETE)
    new = equal + sum(len(d.text.split()) for d in ops if d.op is Op.INSERT)
    return equal / max(old, new, 1)


def longest_kept(ops: Sequence[DiffOp]) -> int:
    """Words in the longest unchanged run."""
    return max((len(d.text.split()) for d in ops if d.op is Op.EQUAL), default=0)


def _words(found: Sequence[str]) -> str:
    return f"intensity words: {', '.join(found)}" if found else ""


def _salience(text: str) -> tuple[float, list[str]]:
    found = intensity_words(text)
    score = len(found) + (1.0 if _NUMERAL.search(text) else 0.0) + (1.0 if _QUOTE.search(text) else 0.0)
    return score, found


def classify_claim(claim: Claim, text: str) -> tuple[Kind, float, str] | None:
    """Kind, score and reason of one claim, or None when it does not belong in a lede.
    `text` is the claim's sentence text (the later document's words when it has them)."""
    if claim.status is Status.CHANGED:
        if claim.mechanical:
            return Kind.MECHANICAL, 0.0, "only dates or punctuation changed"
        if claim.diff and kept(claim.diff) < REWRITE and longest_kept(claim.diff) < PHRASE:
            score, found = _salience(text)
            return Kind.REWRITTEN, score, _words(found)
        moved = intensity_words(changed_text(claim.diff))
        numbers = [n for n in claim.numbers if n.before or n.after]
        if numbers or moved:
            parts = []
            if numbers:
                parts.append("; ".join(f"{n.before or 'none'} → {n.after or 'none'}" for n in numbers))
            if moved:
                parts.append(_words(moved))
            # a number changed on both sides outweighs any wording; one side only, less so
            weight = sum(10.0 if n.before and n.after else 4.0 for n in numbers)
            return Kind.SHIFT, weight + len(moved), "; ".join(parts)
        return Kind.REWORDED, 0.0, ""
    if claim.status in (Status.NEW, Status.DROPPED):
        score, found = _salience(text)
        kind = Kind.NEW if claim.status is Status.NEW else Kind.DROPPED
        return kind, score, _words(found)
    if claim.status is Status.REPEATED and claim.diff and any(d.op is not Op.EQUAL for d in claim.diff):
        return Kind.REPEATED, 0.0, ""
    return None


def rank_comparison(brief: Brief, k: int, limit: int = LIMIT) -> list[LedeItem]:
    """The lede of comparison `k`: at most `limit` items, most significant first."""
    c: Comparison = brief.comparisons[k]
    before, after = brief.entry(c.before).sentences, brief.entry(c.after).sentences
    scored: list[tuple[tuple[float, ...], LedeItem]] = []
    for j, claim in enumerate(c.claims):
        text = joined(after, claim.after) if claim.after else joined(before, claim.before)
        got = classify_claim(claim, text)
        if got is None:
            continue
        kind, score, reason = got
        # position in its document, 0 at the top: earlier sentences lead a statement
        position = min(claim.after) / max(len(after), 1) if claim.after else min(claim.before) / max(len(before), 1)
        dropped_first = 0 if kind is Kind.DROPPED else 1
        key = (_TIER[kind], -score, dropped_first, position, j)
        scored.append((key, LedeItem(k, j, kind, score, reason, claim.before, claim.after)))
    for n, item in enumerate(phrase_items(brief, k)):
        # after a number changed on both sides (score >= 10), before any other shift
        key = (
            _TIER[item.kind],
            -PHRASE_SCORE,
            0 if item.kind is Kind.PHRASE_DROPPED else 1,
            -1.0,
            n,
        )
        scored.append((key, dataclasses.replace(item, score=PHRASE_SCORE)))
    scored.sort(key=lambda t: t[0])
    return [item for _, item in scored[:limit]]


def phrase_items(brief: Brief, k: int) -> list[LedeItem]:
    """Key formulations that stop or start at comparison `k`: a phrase that stops when it is
    watched or another took its place (the `SHIFTED` longest of those); a phrase that starts
    when it is watched. Other recurring phrases come and go with their claims."""
    c = brief.comparisons[k]
    ids = [e.document.id for e in brief.documents]
    i, j = ids.index(c.before), ids.index(c.after)
    before, after = brief.entry(c.before).sentences, brief.entry(c.after).sentences
    out = []
    shifted = sorted(
        (f for f in brief.formulations if not f.watched and f.shifted_at(j) and f.counts[i] and not f.counts[j]),
        key=lambda f: -len(f.phrase.split()),
    )[:SHIFTED]
    for f in brief.formulations:
        if f.counts[i] and not f.counts[j] and (f.watched or f in shifted):
            replaced = "; ".join(f"“{p}”" for p in f.shifted_at(j))
            reason = ("watched" if f.watched else "") + (
                f"{'; ' if f.watched else ''}shifted to {replaced}" if replaced else ""
            )
            where = _containing(before, f.phrase)
            now = tuple(x for p in f.shifted_at(j) for x in _containing(after, p))[:1]
            out.append(LedeItem(k, None, Kind.PHRASE_DROPPED, 0.0, reason, where, now, f.phrase))
        elif f.watched and f.counts[j] and not f.counts[i]:
            where = _containing(after, f.phrase)
            out.append(LedeItem(k, None, Kind.PHRASE_NEW, 0.0, "watched", (), where, f.phrase))
    return out


def _containing(sentences: Sequence[Sentence], phrase: str) -> tuple[int, ...]:
    """The first sentence that contains `phrase` (case and spacing aside), as a 1-tuple."""
    want = " ".join(_WORD.findall(phrase.lower()))
    for s in sentences:
        if want and want in " ".join(_WORD.findall(s.text.lower())):
            return (s.index,)
    return ()


def lede(brief: Brief, limit: int = LIMIT) -> list[list[LedeItem]]:
    """The lede of every comparison, in comparison order."""
    return [rank_comparison(brief, k, limit) for k in range(len(brief.comparisons))]


def compact(ops: Sequence[DiffOp], context: int = 4) -> tuple[DiffOp, ...]:
    """A diff shortened for a one-line lede: each run of unchanged words keeps `context` words
    next to a change and the rest becomes "…"."""
    out: list[DiffOp] = []
    n = len(ops)
    for i, d in enumerate(ops):
        if d.op is not Op.EQUAL:
            out.append(d)
            continue
        words = d.text.split()
        has_prev, has_next = i > 0, i < n - 1
        keep_head = context if has_prev else 0
        keep_tail = context if has_next else 0
        if len(words) <= keep_head + keep_tail + 1:
            out.append(d)
            continue
        lead = " " if d.text[:1].isspace() else ""
        trail = " " if d.text[-1:].isspace() else ""
        head = " ".join(words[:keep_head])
        tail = " ".join(words[len(words) - keep_tail :]) if keep_tail else ""
        text = (lead + head + " " if head else "") + "…" + (" " + tail + trail if tail else "")
        out.append(DiffOp(Op.EQUAL, text))
    return tuple(out)


def shorten(text: str, words: int = 40) -> str:
    """`text` cut to at most `words` words, with "…" when cut."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"
