"""classify: a bead (and, for a pair, its word diff) -> a `Claim` with one status.

- one-sided bead: `new` (later document only) or `dropped` (earlier only); a new sentence that
  took a dropped one's place (`Alignment.replaced`) `replaces` it: two claims, linked;
- pair whose texts are the same up to spacing and quote/dash style: `repeated`;
- a pair whose word diff keeps no word of the earlier sentence in place (everything struck,
  everything inserted) and whose pair probability is below `REWRITE_CONFIDENCE` is not one
  claim reworded but two claims: `dropped` + `new`, so that "changed" means "the same
  sentence, edited" (scripts/calibrate.py and scripts/evaluate.py print what this costs),
  unless the two documents are versions of one text, where the sentence's place says it is
  the same claim; the new claim `replaces` the dropped one;
- any other pair: `changed`, flagged `mechanical` when the diff touches only dates,
  month or weekday names, years, punctuation or spacing; numbers that changed are listed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .diff import word_diff
from .types import Bead, Claim, DiffOp, NumberChange, Op, Sentence, Status, joined

REWRITE_CONFIDENCE = 0.9
"""A total rewrite stays one changed claim only when the pair model is at least this sure."""

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_WORD = re.compile(r"\w+(?:[-'’/.]\w+)*")
_NUMBER = re.compile(
    r"(?<![\w/.-])(?:\$\s?)?\d+(?:[.,/-]\d+)*(?![\w/])(?:\s*%)?"
    r"(?:\s+(?:to|and)\s+(?:\$\s?)?\d+(?:[.,/-]\d+)*(?:\s*%)?)?"
    r"(?:\s+(?:percent|percentage points?|basis points?|billion|million|trillion))?"
)
_STYLE = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "\u00a0": " "}
    | dict.fromkeys(["\u2010", "\u2011", "\u2012"], "-")
    | {"\u00ad": None}
)
"""Typographic variants of a quote, dash, hyphen or space, to their plain form."""


def normalized(text: str) -> str:
    """Text up to spacing and typographic style of quotes and dashes."""
    return " ".join(text.translate(_STYLE).split())


def claims(
    beads: Sequence[Bead],
    before: Sequence[Sentence],
    after: Sequence[Sentence],
    versions: bool = False,
    replaced: Sequence[Bead] = (),
) -> tuple[Claim, ...]:
    """One claim per bead, except a total rewrite between two documents that are not versions
    of one text (`align.versions`), which becomes a dropped and a new claim that replaces it.
    Within versions of one text a rewritten sentence in its place is the same claim changed.
    A new sentence in a dropped one's place (`replaced`) is a new claim that replaces it."""
    links = {r.after: r for r in replaced}
    out: list[Claim] = []
    for bead in beads:
        claim = classify(bead, before, after)
        confident = versions or (bead.probability or 0.0) >= REWRITE_CONFIDENCE
        if claim.status is Status.CHANGED and not confident and not keeps_words(claim.diff):
            out += [
                Claim(Status.DROPPED, bead.before, ()),
                Claim(Status.NEW, (), bead.after, bead.probability, replaces=bead.before),
            ]
        elif claim.status is Status.NEW and (link := links.get(bead.after)) is not None:
            out.append(Claim(Status.NEW, (), bead.after, link.probability, replaces=link.before))
        else:
            out.append(claim)
    return tuple(out)


def keeps_words(ops: Sequence[DiffOp]) -> bool:
    """True when some word survives the edit in place (an equal run holds a word)."""
    return any(d.op is Op.EQUAL and _WORD.search(d.text) for d in ops)


def classify(bead: Bead, before: Sequence[Sentence], after: Sequence[Sentence]) -> Claim:
    if not bead.after:
        return Claim(Status.DROPPED, bead.before, ())
    if not bead.before:
        return Claim(Status.NEW, (), bead.after)
    old, new = joined(before, bead.before), joined(after, bead.after)
    if normalized(old) == normalized(new):
        return Claim(Status.REPEATED, bead.before, bead.after, bead.probability)
    ops = word_diff(old, new)
    return Claim(
        Status.CHANGED,
        bead.before,
        bead.after,
        bead.probability,
        ops,
        mechanical=is_mechanical(ops),
        numbers=number_changes(old, new),
    )


def is_mechanical(ops: Sequence[DiffOp]) -> bool:
    """True when every struck or inserted word is a date part (month, weekday, day number,
    year) or there are no struck or inserted words at all (punctuation, spacing)."""
    changed = [w for d in ops if d.op is not Op.EQUAL for w in _WORD.findall(d.text)]
    return all(_is_date_word(w) for w in changed)


def _is_date_word(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in _MONTHS or w in _DAYS or bool(_ORDINAL.match(w) or _YEAR.match(w))


def quantities(text: str) -> list[str]:
    """Numeric expressions in `text`, leaving out ordinals ("20th"), years and days of a date
    ("August 1"), which are not quantities a reader tracks."""
    out = []
    for m in _NUMBER.finditer(text):
        before = text[: m.start()].split()
        if before and before[-1].lower().rstrip(".,") in _MONTHS or _YEAR.match(m.group().strip()):
            continue
        out.append(m.group().strip())
    return out


def number_changes(old: str, new: str) -> tuple[NumberChange, ...]:
    """Numeric expressions that differ, paired in order: ("0 to 1/4 percent" -> "1/4 to 1/2
    percent"). A number only on one side pairs with the empty string."""
    a, b = quantities(old), quantities(new)
    only_a = [x for x in a if x not in b]
    only_b = [x for x in b if x not in a]
    pairs = [NumberChange(x, y) for x, y in zip(only_a, only_b, strict=False)]
    pairs += [NumberChange(x, "") for x in only_a[len(only_b) :]]
    pairs += [NumberChange("", y) for y in only_b[len(only_a) :]]
    return tuple(pairs)
