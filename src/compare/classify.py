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
- outside close versions, a pair that keeps a frame (it opens with the same words) while the
  words struck and the words inserted (the filler) share no content word is judged by its
  filler: when the pair model does not pair the two fillers (`filler`), one purpose was
  dropped and another added in the same frame ("spoke today with X to discuss A" -> "spoke
  with X this evening to receive an update on B"), a dropped and a new claim that replaces it;
- any other pair: `changed`, flagged `mechanical` when the diff touches only calendar words
  (dates, meeting-date ranges) or punctuation and no quantity changed; quantities that changed
  are listed, paired by place (`quantities`); edits of typography alone are not shown as edits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from . import quantities
from .diff import word_diff
from .segment import WORD, content, words
from .types import Bead, Claim, DiffOp, NumberChange, Op, Sentence, Status, joined

REWRITE_CONFIDENCE = 0.9
"""A total rewrite stays one changed claim only when the pair model is at least this sure."""

_STYLE = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "\u00a0": " "}
    | dict.fromkeys(["\u2010", "\u2011", "\u2012"], "-")
    | dict.fromkeys(["\u2007", "\u2009", "\u200a", "\u202f"], " ")
    | dict.fromkeys(["\u00ad", "\u200b", "\u2060", "\ufeff"])
)
"""Typographic variants of a quote, dash, hyphen or space, to their plain form."""
_MIXED_FRACTION = re.compile(r"(?<![\d/])(\d+) (\d+/\d+)(?![\d/])")


def normalized(text: str) -> str:
    """Text up to spacing and typographic style of quotes, dashes and mixed fractions
    ("1 3/4" = "1-3/4")."""
    return _MIXED_FRACTION.sub(r"\1-\2", " ".join(text.translate(_STYLE).split()))


def claims(
    beads: Sequence[Bead],
    before: Sequence[Sentence],
    after: Sequence[Sentence],
    versions: bool = False,
    replaced: Sequence[Bead] = (),
    floor: float = 0.0,
    fillers: Callable[[str, str], float] | None = None,
    filler_pair: float = 0.5,
) -> tuple[Claim, ...]:
    """One claim per bead, except a total rewrite between two documents that are not versions
    of one text (`align.versions`), which becomes a dropped and a new claim that replaces it.
    Within versions of one text a rewritten sentence in its place is the same claim changed.
    A new sentence in a dropped one's place (`replaced`) is a new claim that replaces it, and so
    is the later side of a changed pair less probable than `floor` (`PairModel.changed_floor`,
    given outside close versions of one text). `fillers`, given outside close versions, is the
    pair probability of two texts: a changed pair in one frame whose fillers (`filler`) it finds
    less probable than `filler_pair` (the pair model's threshold: fillers it would not pair) is
    split the same way, carrying the fillers' probability."""
    links = {r.after: r for r in replaced}
    out: list[Claim] = []
    for bead in beads:
        claim = classify(bead, before, after)
        confident = versions or (bead.probability or 0.0) >= REWRITE_CONFIDENCE
        weak = (bead.probability or 0.0) < floor
        probability = bead.probability
        if claim.status is Status.CHANGED and not weak and fillers is not None and (fill := filler(claim.diff)):
            judged = fillers(*fill)
            weak, probability = judged < filler_pair, (judged if judged < filler_pair else probability)
        if claim.status is Status.CHANGED and (weak or (not confident and not keeps_words(claim.diff))):
            out += [
                Claim(Status.DROPPED, bead.before, ()),
                Claim(Status.NEW, (), bead.after, probability, replaces=bead.before),
            ]
        elif claim.status is Status.NEW and (link := links.get(bead.after)) is not None:
            out.append(Claim(Status.NEW, (), bead.after, link.probability, replaces=link.before))
        else:
            out.append(claim)
    return with_document_numbers(out, before, after)


def with_document_numbers(
    claims: Sequence[Claim], before: Sequence[Sentence], after: Sequence[Sentence]
) -> tuple[Claim, ...]:
    """Quantities judged against the whole other document, as a watcher reads them: a new or
    dropped sentence lists the amounts that appear nowhere in the other document ("" -> "$600
    billion"); a changed claim drops a one-sided amount that the other document states
    elsewhere (the 2 percent objective moved to another sentence is not news)."""
    values = [{q.value for s in side for q in quantities.parse(s.text)} for side in (before, after)]
    out = []
    for c in claims:
        if c.status is Status.NEW or c.status is Status.DROPPED:
            sentences, idx, other = (
                (after, c.after, values[0]) if c.status is Status.NEW else (before, c.before, values[1])
            )
            found = [q for q in quantities.parse(joined(sentences, idx)) if q.value not in other]
            found = list({q.value: q for q in found}.values())
            pairs = [NumberChange("", q.text) if c.status is Status.NEW else NumberChange(q.text, "") for q in found]
            out.append(replace(c, numbers=tuple(pairs)))
        elif c.numbers:
            kept = tuple(
                n
                for n in c.numbers
                if (n.before and n.after)
                or (n.before and not _values(n.before) <= values[1])
                or (n.after and not _values(n.after) <= values[0])
            )
            out.append(replace(c, numbers=kept, mechanical=c.mechanical and not kept))
        else:
            out.append(c)
    return tuple(out)


def _values(text: str) -> set[tuple[float, float, str]]:
    return {q.value for q in quantities.parse(text)} or {(-1.0, -1.0, "?")}


FRAME = 3
"""A frame is a run of at least this many words kept in place (names and a reporting verb:
"President Joseph R. Biden, Jr. spoke", "with Prime Minister Benjamin Netanyahu of Israel")."""

FRAME_WORDS = 2
"""A frame says who spoke with whom: besides names and titles (capitalized) and function words,
the words kept in place hold at most this many others (a reporting verb, "today"). A pair that
keeps more of its words in place keeps part of its claim, and its tail is an elaboration."""

FILLER_WORDS = 2
"""A filler is judged on its own only when each side holds at least this many content words:
a purpose, not a date or an amount, was struck and another inserted."""


def filler(ops: Sequence[DiffOp]) -> tuple[str, str] | None:
    """The two sentences' text after their frame (the last run of at least FRAME words kept in
    place; the words kept are names, titles and at most FRAME_WORDS others), when those two
    tails share no content word and each holds at least FILLER_WORDS of them; None for any other
    pair (a claim kept in place with an elaboration edited, a tail restated in part). A pair
    with no frame but as few words kept is judged by all it struck and all it inserted, when
    each holds more than FILLER_WORDS content words: "He also updated President Zelenskyy on the
    actions the United States is taking … to further raise the costs on Russia" -> "President
    Zelenskyy updated President Biden on the status of Ukraine's negotiations with Russia"
    (Zelenskyy readouts 2022-03-30, a blind readout watcher: two claims), while "They also
    discussed the humanitarian crisis in Gaza" -> "The two leaders discussed the situation in
    Gaza" stays one."""
    frames = [k for k, d in enumerate(ops) if d.op is Op.EQUAL and len(words(d.text)) >= FRAME]
    kept = {w.lower() for d in ops if d.op is Op.EQUAL for w in WORD.findall(d.text) if not w[0].isupper()}
    if len(content(kept)) > FRAME_WORDS:
        return None
    tail = ops[frames[-1] + 1 :] if frames else [d for d in ops if d.op is not Op.EQUAL]
    old = "".join(d.text for d in tail if d.op is not Op.INSERT).strip()
    new = "".join(d.text for d in tail if d.op is not Op.DELETE).strip()
    a, b = content(words(old)), content(words(new))
    least = FILLER_WORDS if frames else FILLER_WORDS + 1
    if len(a) < least or len(b) < least or a & b:
        return None
    return old, new


def keeps_words(ops: Sequence[DiffOp]) -> bool:
    """True when some word survives the edit in place (an equal run holds a word)."""
    return any(d.op is Op.EQUAL and WORD.search(d.text) for d in ops)


def classify(bead: Bead, before: Sequence[Sentence], after: Sequence[Sentence]) -> Claim:
    if not bead.after:
        return Claim(Status.DROPPED, bead.before, ())
    if not bead.before:
        return Claim(Status.NEW, (), bead.after)
    old, new = joined(before, bead.before), joined(after, bead.after)
    if normalized(old) == normalized(new):
        return Claim(Status.REPEATED, bead.before, bead.after, bead.probability)
    ops = word_diff(old, new)
    numbers = quantities.changes(old, new, ops)
    return Claim(
        Status.CHANGED,
        bead.before,
        bead.after,
        bead.probability,
        without_typography(ops),
        mechanical=not numbers and _calendar_only(old, new, ops),
        numbers=numbers,
    )


def is_mechanical(old: str, new: str, ops: Sequence[DiffOp]) -> bool:
    """True when every struck or inserted word is calendar (a month or weekday name in a date,
    a day next to its month, a meeting-date range, the year of a full date) and no quantity
    changed; an edit of punctuation or spacing alone is mechanical too. A modal "may", a bare
    year ("through mid-2013") or any changed amount makes the change substantive."""
    return not quantities.changes(old, new, ops) and _calendar_only(old, new, ops)


def _calendar_only(old: str, new: str, ops: Sequence[DiffOp]) -> bool:
    """The words struck and inserted are calendar, letter case or punctuation (amounts aside)."""
    if normalized(old).lower() == normalized(new).lower():
        return True  # letter case alone ("banks" -> "Banks")
    # with the dates blanked, no struck or inserted word is left
    return not any(WORD.search(d.text) for d in quantities.undated(ops) if d.op is not Op.EQUAL)


def without_typography(ops: Sequence[DiffOp]) -> tuple[DiffOp, ...]:
    """The diff with edits of typography alone ("1 3/4" -> "1-3/4", a hyphen variant, a
    non-breaking space) shown as unchanged text (in the later document's form): they are not
    news, and a reader should see only the real edits."""
    out: list[DiffOp] = []
    i = 0
    while i < len(ops):
        d = ops[i]
        nxt = ops[i + 1] if i + 1 < len(ops) else None
        if d.op is Op.DELETE and nxt is not None and nxt.op is Op.INSERT and normalized(d.text) == normalized(nxt.text):
            text = nxt.text
            i += 2
            if out and out[-1].op is Op.EQUAL:
                text = out.pop().text + text
            if i < len(ops) and ops[i].op is Op.EQUAL:
                text += ops[i].text
                i += 1
            out.append(DiffOp(Op.EQUAL, text))
            continue
        out.append(d)
        i += 1
    return tuple(out)
