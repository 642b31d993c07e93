"""quantities: amounts with their units in a sentence, normalized, and paired old -> new by
their place in the word diff.

"0 to 1/4 percent", "1-3/4", "1 3/4", "1‑1/2" (U+2011), "$85 billion", "$1.25 trillion",
"25 basis points", "25-basis-point", "1/2 percentage point", "3%" and vote counts ("10 to 2")
become `Quantity(low, high, unit)`. Two quantities are the same when their values and units
are, however they are written, so a restyled number is never a change. Days, years and
ordinals in dates are calendar, not quantities (see `calendar_spans`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .types import DiffOp, NumberChange, Op

_DASH = "-\u2010\u2011\u2012\u2013"
_NUM = rf"\d+(?:,\d{{3}})*(?:\.\d+)?(?:[ {_DASH}]\d+/\d+)?|\d+/\d+"
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_UNIT = (
    r"(?P<unit>%|percent(?:age(?:\s+|-)points?)?|per ?cent|basis(?:\s+|-)points?|bps?\b|"
    r"(?:thousand|million|billion|trillion)\b)"
)
_QUANTITY = re.compile(
    r"(?:(?:nearly|about|approximately|almost|roughly|more than|less than|at least|up to|over|some)\s+)?"
    rf"(?<![\w/.$])(?P<cur>\$\s?)?(?P<a>{_NUM})(?P<au>\s?%)?"
    rf"(?:(?:\s+percent)?\s*(?:to|and|-|–|‑)\s*(?P<cur2>\$\s?)?(?P<b>{_NUM})(?P<bu>\s?%)?)?"
    # any run of spaces between a number and its unit ("a 25          basis point increase",
    # 2004-12-14: read as a count of "25 basis", and the move shown as new)
    rf"(?![\w/])(?:(?:\s+|[{_DASH}])?{_UNIT}(?:(?:\s+|[{_DASH}])(?P<unit2>basis(?:\s+|-)points?|percent))?)?"
    r"(?:(?:\s+|-)point\b)?(?:\s+(?:per|a)\s+(?:month|week|day|year|quarter)\b)?"
)
WORD_NUMBERS = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"dozens": 24.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6}
_COUNTED = re.compile(
    r"(?<![\w$/.\-])(?P<n>\d+(?:,\d{3})*(?:\.\d+)?|" + "|".join(WORD_NUMBERS) + r")\b"
    r"(?:\s+(?P<scale>thousand|million|billion))?"
    r"\s+(?:of\s+)?(?:(?:[a-z][a-z-]*|[A-Z][a-z]+)\s+){0,2}?(?P<noun>[a-z][a-z-]*[a-z]s|people|children)\b",
    re.IGNORECASE,
)
"""A count of things: "50 hostages", "two convoys", "more than one million people"."""
_DOLLARS = re.compile(
    r"(?<![\w$/.\-])(?:(?P<half>half\s+an?)|an?|(?P<n>\d+(?:\.\d+)?|" + "|".join(WORD_NUMBERS) + r"))"
    r"\s+(?P<scale>thousand|million|billion|trillion)\s+dollars\b",
    re.IGNORECASE,
)
"""Money in words: "over half a billion dollars", "two billion dollars" (a readout's aid, which
a blind readout watcher missed when it was dropped without a note)."""
_WORD_POINTS = re.compile(
    r"(?<![\w$/.\-])(?:(?:a|one)[ -])?(?P<frac>half|quarter|three-quarters)(?:\s+of)?(?:\s+an?)?"
    r"\s+percentage(?:\s+|-)points?\b",
    re.IGNORECASE,
)
"""A fraction of a point in words: "no more than a half percentage point above the Committee's 2
percent longer-run goal" (the 2012-12-12 inflation threshold, which a blind Fed watcher found
missing from the amounts)."""
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "three-quarters": 0.75}
MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTH = "|".join(MONTHS)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_CALENDAR = re.compile(
    rf"\b(?:{_MONTH})\.?(?:\s+{_DAY}(?:\s*[{_DASH}/]\s*(?:(?:{_MONTH})\.?\s+)?{_DAY})?)?(?:,?\s+(?:19|20)\d\d)?\b"
    rf"|\b{_DAY}\s+(?:{_MONTH})\b(?:,?\s+(?:19|20)\d\d)?"
    rf"|\b(?:{'|'.join(WEEKDAYS)})\b"
    # the time of a call: "spoke ~~this morning~~ **today**" is a calendar edit, not news
    r"|\b(?i:(?:(?:earlier|later)\s+)?(?:today|tonight|yesterday)|this\s+(?:morning|afternoon|evening))\b"
)
_BEFORE_MONTH = re.compile(r"\b(?:in|of|since|until|through|early|late|mid|from|by)\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """An amount as written (`text` at `start:end` of its sentence) and its value: a range
    `low`..`high` (equal for one number) in `unit` ("percent", "percentage point", "usd",
    "count"); basis points are read as hundredths of a percentage point."""

    text: str
    start: int
    end: int
    low: float
    high: float
    unit: str

    @property
    def value(self) -> tuple[float, float, str]:
        return (round(self.low, 6), round(self.high, 6), self.unit)


def _number(text: str) -> float:
    text = text.replace(",", "")
    mixed = re.fullmatch(rf"(\d+)[ {_DASH}](\d+)/(\d+)", text)
    if mixed:
        whole, num, den = (int(g) for g in mixed.groups())
        return whole + num / den if den else float(whole)
    if "/" in text:
        num, den = (int(g) for g in text.split("/"))
        return num / den if den else float(num)
    return float(text)


def _unit(m: re.Match[str]) -> tuple[str, float]:
    unit = (m["unit2"] or m["unit"] or "").lower().replace("-", " ")
    if m["au"] or m["bu"] or unit in {"%", "percent", "per cent"}:
        return "percent", 1.0
    if unit.startswith("percentage"):
        return "percentage point", 1.0
    if unit.startswith("basis") or unit.startswith("bp"):
        return "percentage point", 0.01
    if unit in _SCALE:
        return ("usd" if m["cur"] or m["cur2"] else "count"), _SCALE[unit]
    if m["cur"] or m["cur2"]:
        return "usd", 1.0
    return "count", 1.0


def calendar_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates: month names with their days and years, meeting-date ranges ("March
    19-20", "April 30-May 1"), weekdays. "may" the modal verb is not a month; a bare year
    ("through mid-2013") is not calendar either: date-based guidance is news."""
    spans = []
    for m in _CALENDAR.finditer(text):
        # a month name alone (no day or year) is a month only after "in", "since", ...: a
        # sentence-initial "May" is the verb
        if m.group() in MONTHS and not _BEFORE_MONTH.search(text, max(0, m.start() - 12), m.start()):
            continue
        spans.append((m.start(), m.end()))
    return spans


def undated(ops: Sequence[DiffOp]) -> list[DiffOp]:
    """The word diff with the dates of its struck and inserted text blanked to spaces, each op
    read against its own side's text ("met in ~~May~~ **June**": the month, not the modal)."""
    old = "".join(d.text for d in ops if d.op is not Op.INSERT)
    new = "".join(d.text for d in ops if d.op is not Op.DELETE)
    dated = {Op.DELETE: calendar_spans(old), Op.INSERT: calendar_spans(new)}
    at = {Op.DELETE: 0, Op.INSERT: 0}
    out = []
    for d in ops:
        if d.op is Op.EQUAL:
            at = {k: v + len(d.text) for k, v in at.items()}
            out.append(d)
            continue
        start = at[d.op]
        text = "".join(" " if any(a <= start + i < b for a, b in dated[d.op]) else c for i, c in enumerate(d.text))
        at[d.op] += len(d.text)
        out.append(DiffOp(d.op, text))
    return out


def _scaled(word: str, scale: str | None) -> float:
    """A number in digits or words times its scale word ("two" "billion")."""
    value = WORD_NUMBERS[word] if word in WORD_NUMBERS else _number(word)
    return value * _SCALE.get((scale or "").lower(), 1.0)


def _squash(text: str) -> str:
    """An amount as a reader quotes it: one space between its words ("25 basis point", not the
    run of spaces a converted page left)."""
    return " ".join(text.split())


def parse(text: str) -> list[Quantity]:
    """The quantities in `text`, in order. Numbers inside dates, ordinals and bare years are
    left out; a number with no unit counts only in a range or tally ("10 to 2")."""
    dates = calendar_spans(text)
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in " -\u2011":
            e -= 1
        if any(a <= s < b for a, b in dates):
            continue
        unit, scale = _unit(m)
        low = _number(m["a"]) * scale
        high = _number(m["b"]) * scale if m["b"] else low
        if unit == "count":
            whole = m.group().strip()
            if re.fullmatch(r"(?:19|20)\d\d", whole) or not m["b"]:
                # a bare number: a year, an id or a count a reader does not track, unless it
                # is a tally ("by a vote of 10 to 2")
                if not re.search(r"\b(?:vote|votes|voted|tally)\b[^.]{0,20}$", text[:s]):
                    continue
        if m["b"] and unit == "count" and not re.search(r"\bto\b", m.group()):
            continue  # "1999-2000": a span of years, not a range
        if m["b"] and re.search(r"\bfrom\s+$", text[max(0, s - 6) : s]):
            # "from 3 percent to 3-1/2 percent" is a move between two values, not a range
            cut = s + text[s:e].index(m["b"], m.end("a") - s)
            first = re.sub(r"\s*(?:to|and|[-–‑])\s*$", "", text[s:cut])
            out.append(Quantity(_squash(first), s, s + len(first), low, low, unit))
            out.append(Quantity(_squash(text[cut:e]), cut, e, high, high, unit))
            continue
        out.append(Quantity(_squash(text[s:e]), s, e, low, high, unit))
    for m in _DOLLARS.finditer(text):
        s, e = m.start(), m.end()
        if any(q.start <= s < q.end or s <= q.start < e for q in out):
            continue
        value = _scaled((m["n"] or "1").lower(), m["scale"]) * (0.5 if m["half"] else 1.0)
        out.append(Quantity(text[s:e], s, e, value, value, "usd"))
    for m in _WORD_POINTS.finditer(text):
        s, e = m.start(), m.end()
        if not any(q.start <= s < q.end or s <= q.start < e for q in out):
            value = _FRACTIONS[m["frac"].lower()]
            out.append(Quantity(text[s:e], s, e, value, value, "percentage point"))
    for m in _COUNTED.finditer(text):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in dates) or any(q.start <= s < q.end or s <= q.start < e for q in out):
            continue
        word = m["n"].lower()
        if re.fullmatch(r"(?:19|20)\d\d", word) or (word in ("one", "zero") and not m["scale"]):
            continue
        if re.search(r"\bthe\s+$", text[max(0, s - 5) : s], re.IGNORECASE):
            continue  # "the two leaders": a known set, not an amount
        value = _scaled(word, m["scale"])
        out.append(Quantity(text[s:e], s, e, value, value, "count"))
    out.sort(key=lambda q: q.start)
    return out


def changes(old: str, new: str, ops: Sequence[DiffOp]) -> tuple[NumberChange, ...]:
    """Quantities that changed from `old` to `new`, paired by their place in the word diff
    `ops` (a quantity in the earlier text is matched with the one standing in its place in the
    later text, of the same unit), not by order of appearance. Equal values written differently
    are not a change; a quantity with no counterpart pairs with the empty string."""
    a = [q for q in parse(old) if not _REFERENCE.search(old, 0, q.start)]
    b = [q for q in parse(new) if not _REFERENCE.search(new, 0, q.start)]
    mapping = _position_map(ops)
    used: set[int] = set()
    out: list[NumberChange] = []
    for q in a:
        lo, hi = _mapped(mapping, q.start), _mapped(mapping, q.end)
        candidates = [
            (j, r)
            for j, r in enumerate(b)
            if j not in used and r.start < hi + 2 and r.end > lo - 2 and r.unit == q.unit
        ]
        if candidates:
            j, r = min(candidates, key=lambda c: abs(c[1].start - lo))
            used.add(j)
            if r.value != q.value:
                out.append(NumberChange(q.text, r.text))
        elif not any(r.value == q.value for r in b):
            out.append(NumberChange(q.text, ""))
    for j, r in enumerate(b):
        if j not in used and not any(q.value == r.value for q in a):
            out.append(NumberChange("", r.text))
    return _pair_leftovers(out, a, b)


_REFERENCE = re.compile(r"\b(?:rather than|instead of)\W*$", re.IGNORECASE)
"""What stands before an amount that only recalls the one it replaces ("$35 billion per month
rather than $40 billion per month"): the amount stated is the change, the recalled one is not
a second change."""


def _pair_leftovers(out: list[NumberChange], a: list[Quantity], b: list[Quantity]) -> tuple[NumberChange, ...]:
    """A quantity that left one place and one of the same unit that came in another place of
    the same claim ("the current 0 to 1/4 percent target range" -> "raise the target range to
    1/4 to 1/2 percent") are one change when each is the only one of its unit."""
    unit = {q.text: q.unit for q in a + b}
    gone = [n for n in out if n.before and not n.after]
    came = [n for n in out if n.after and not n.before]
    for u in {unit[n.before] for n in gone}:
        g = [n for n in gone if unit[n.before] == u]
        c = [n for n in came if unit[n.after] == u]
        if len(g) == 1 and len(c) == 1 and u != "count":
            k = out.index(g[0])
            out[k] = NumberChange(g[0].before, c[0].after)
            out.remove(c[0])
    return tuple(out)


def _position_map(ops: Sequence[DiffOp]) -> tuple[list[int], list[int], list[bool]]:
    """Breakpoints mapping an offset in the old text to one in the new text."""
    olds, news, equal = [], [], []
    i = j = 0
    for d in ops:
        olds.append(i)
        news.append(j)
        equal.append(d.op is Op.EQUAL)
        if d.op is not Op.INSERT:
            i += len(d.text)
        if d.op is not Op.DELETE:
            j += len(d.text)
    olds.append(i)
    news.append(j)
    equal.append(True)
    return olds, news, equal


def _mapped(mapping: tuple[list[int], list[int], list[bool]], pos: int) -> int:
    olds, news, equal = mapping
    k = max(0, bisect.bisect_right(olds, pos) - 1)
    # inside an equal run the offset moves along; inside a change it lands where the change does
    return news[k] + (pos - olds[k] if equal[k] else 0)


def direction(change: NumberChange) -> str:
    """'up', 'down' or '' (a quantity appeared, went, or changed unit)."""
    a, b = parse(change.before), parse(change.after)
    if len(a) != 1 or len(b) != 1 or a[0].unit != b[0].unit:
        return ""
    before, after = (a[0].low + a[0].high) / 2, (b[0].low + b[0].high) / 2
    return "up" if after > before else "down" if after < before else ""
