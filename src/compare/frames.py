"""frames: the words around a message rather than the message. Who spoke with whom and that
they will stay in touch (a readout's frame), what an opener says the call was for, who reports
("underscored", "reiterated"), votes and related actions (a statement's frame), and the calendar
and connective words an edit may touch without saying anything new.

Patterns and word lists, no state: `lede` ranks by them, `summarize` keeps frames out of
summaries, `formulations` keeps them out of the key formulations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set

from . import quantities
from .segment import STOP, words
from .types import Sentence

REPORTING = frozenset(
    "made clear noted stressed underscored reiterated reaffirmed emphasized discussed said expressed "
    "welcomed highlighted spoke updated agreed today evening morning earlier also according reported "
    # the same verbs uninflected: "… Zelenskyy to discuss the …" took the place of "commitment"
    "discuss reaffirm reiterate underscore emphasize highlight express update agree speak say welcome".split()
)
"""Words that report a statement rather than make it: a phrase of only these, or one that
begins on one ("underscored the need", "discussed ongoing efforts", "according to xinhua"), is
who says, not what is said: the words after the verb change while it stays."""
TIME = frozenset(
    "coming days weeks months years ahead past recent recently next last week month year hours again soon".split()
)
"""Words of a time ("in the coming days", "in recent months"): a phrase of only these is no formula."""
_CONTACT = (
    r"(?:stay|remain|keep|maintain)\b[^.]{0,40}?\b(?:touch|contact|consultation|communication)|"
    r"(?:agreed|committed) to (?:speak|meet)|(?:speak|meet) again"
)
CONTACT = re.compile(rf"\b(?:{_CONTACT})\b", re.IGNORECASE)
"""The line a readout closes on: they will stay in touch ("agreed to stay in close touch",
"agreed to speak again in the coming days")."""
FRAMING = re.compile(
    r"\b(?:spoke (?:earlier |again |by phone |by telephone )?(?:today |this \w+ |tonight )?with|"
    r"met (?:today )?with|hosted|"
    rf"the (?:two )?leaders (?:discussed|reviewed|spoke|also discussed)|{_CONTACT}|thanked|"
    r"information received since|(?:continue to be|will be|was|were|(?:had|has) (?:just )?been) briefed|reviewed|"
    r"joined (?:the|this) (?:call|meeting))\b",
    re.IGNORECASE,
)
"""Framing: who spoke with whom, that they will stay in touch. Not what changed."""
DISCUSSED = re.compile(
    r"\b(?:the (?:two )?leaders (?:also )?(?:discussed|reviewed)|(?:they|and) (?:also )?reviewed)\b", re.IGNORECASE
)
"""Frames that may carry a message: what the leaders discussed or reviewed."""
FRAME_REST = 3
"""Content words a discussion frame may have beside it and still be only a frame."""


def is_frame(text: str) -> bool:
    """Whether a sentence is framing (`FRAMING`). Who spoke with whom, that they will stay in
    touch, thanks and the FOMC's "Information received since" are frames whatever follows them.
    What the leaders discussed is a frame only with at most `FRAME_REST` content words beside it,
    names, times and reporting words aside: "The two leaders discussed the possibility of
    tactical pauses to provide civilians with opportunities to safely depart" is a message told
    in a frame (a blind readout watcher: ranked below an opener, 2023-11-06)."""
    return frame_only(text, FRAMING, DISCUSSED)


def frame_only(text: str, frames: re.Pattern[str], discussed: re.Pattern[str]) -> bool:
    """Whether `text` is only a frame: a match of `frames`, and, when every match is one of
    `discussed` (what the leaders discussed), at most `FRAME_REST` content words beside them."""
    found = list(frames.finditer(text))
    if not found:
        return False
    if counted(text):
        # a count is a fact, whatever frames it: "spoke today with … to welcome the deal for
        # the release of at least 50 hostages" is the 2023-11-22 readout's news
        return False
    if any(not discussed.match(text, m.start()) for m in found):
        return True
    return len(said(frames.sub(" ", text))) <= FRAME_REST


def said(text: str) -> list[str]:
    """The content words of `text` beyond names, reporting, calendar and connective words."""
    return [w for w in WORD_CASED.findall(text) if not w[:1].isupper() and w.lower() not in UNSAID]


VAGUE = frozenset(
    "broad range variety number global regional bilateral issues matters topics mutual concern interest "
    "latest recent ongoing developments situation events efforts relationship cooperation "
    "people country way best make itself him her them ahead anniversary months since".split()
)
"""What any call is for: "to discuss a broad range of global and regional issues of mutual
concern" (2023-07-17) is an opener, not a message."""


def aim(text: str) -> set[str]:
    """The message words of an opener's purpose (`purpose`), vague ones and ceremonies aside
    (`VAGUE`, `CEREMONY`)."""
    clauses = _CLAUSE.split(purpose(text))
    return {w.lower() for c in clauses if not _ceremony(c) for w in said(c)} - VAGUE


CEREMONY = re.compile(r"(?:congratulat|commemorat|celebrat|mark|wish|greet)\w*\b", re.IGNORECASE)
"""A greeting: a purpose clause that opens with one and names an occasion (`OCCASION`) is a
ceremony, not a message."""
HOLIDAY = re.compile(r"\b[A-Z][\w'’]*\s+Day\b|\b(?:[Aa]nniversary|[Bb]irthday|[Hh]olidays?|New Year)\b")
"""A day a call marks: "Independence Day", "Yom HaShoah, Holocaust Remembrance Day", an
anniversary. A readout line that names one is a ceremony, not a new message ("The President
reaffirmed his message on Yom HaShoah, Holocaust Remembrance Day" was second, above the
President's statement with 17 world leaders, for a blind readout watcher)."""
OCCASION = re.compile(rf"{HOLIDAY.pattern}|\b(?:days?|weeks?|months?|years?)\s+since\b")
"""An occasion: "to congratulate him on Ukraine's Independence Day and commemorate eighteen
months since Russia's brutal invasion" (2023-08-24) led its comparison, a blind readout
watcher's "the occasion for the call, not a headline". "To congratulate him on the mission …
that killed Hamas leader Yahya Sinwar" names none."""
_CLAUSE = re.compile(r"[,;]|\s+and\s+")


def _ceremony(clause: str) -> bool:
    return bool(CEREMONY.match(clause.strip())) and bool(OCCASION.search(clause))


USUAL_SHARE = 1 / 3
"""Share of a series' documents that use a word for it to be the series' common language
("support", "aggression", "defend" in the Zelenskyy readouts), in a series of `USUAL_SERIES`
or more."""
USUAL_SERIES = 6


STEM_LETTERS = 5
"""Words compare on their first five letters here, so that inflections match ("supporting",
"support")."""


def stems(ws: Iterable[str]) -> set[str]:
    """The words' first `STEM_LETTERS` letters, lower-cased."""
    return {w.lower()[:STEM_LETTERS] for w in ws}


def document_stems(sentences: Sequence[Sentence]) -> set[str]:
    """The `stems` of every word of a document."""
    return stems(w for s in sentences for w in words(s.text))


def series_words(documents: Sequence[Sequence[Sentence]]) -> frozenset[str]:
    """The `stems` of the words used in `USUAL_SHARE` of the documents or more; none in a series
    shorter than `USUAL_SERIES`."""
    n = len(documents)
    if n < USUAL_SERIES:
        return frozenset()
    seen: dict[str, int] = {}
    for sentences in documents:
        for stem in document_stems(sentences):
            seen[stem] = seen.get(stem, 0) + 1
    return frozenset(w for w, c in seen.items() if c >= USUAL_SHARE * n)


def aim_is_news(
    old: str,
    new: str,
    before: Sequence[Sentence],
    after: Sequence[Sentence],
    usual: Set[str] = frozenset(),
    rest: int = FRAME_REST,
) -> bool:
    """Whether an opener's purpose carries a message the other document does not state: more
    than `rest` of its message words (`aim`, by their `stems`) are nowhere in the other
    document. "… to underscore that the United States will never recognize Russia's purported
    annexation of Ukrainian territory" (2022-10-04, ranked sixth as a greeting by a blind readout
    watcher) does; "… to underscore ongoing U.S. support for Ukraine's defense" does not: those
    are the series' common words (`usual`), or stated in the other document. `rest`:
    `FRAME_REST` for an opener new or dropped; an edited one is read with a lower bar
    (`lede.EDITED_AIM`)."""
    if not OPENER.search(new or old):
        return False
    gained = stems(aim(new)) - document_stems(before) - usual if new else set()
    lost = stems(aim(old)) - document_stems(after) - usual if old else set()
    return max(len(gained), len(lost)) > rest


OPENER = re.compile(r"\b(?:(?:spoke|met|meets|speaks)\b[^.;]*?\bwith|called|hosted)\b", re.IGNORECASE)
PURPOSE = re.compile(r"\bto\s+(?=[a-z])")


def purpose(text: str) -> str:
    """What an opener says it was for: the words after "to" that follows "spoke ... with"
    ("… with Prime Minister Netanyahu to discuss the latest developments"), or ""."""
    opener = OPENER.search(text)
    found = PURPOSE.search(text, opener.end()) if opener else None
    return text[found.end() :] if found else ""


def counted(text: str) -> bool:
    """Whether `text` states an amount or a count of things, durations ("the next few days",
    "eighteen months") aside."""
    return any(not duration(q.text, pace=True) for q in quantities.parse(text))


def duration(amount: str, pace: bool = False) -> bool:
    """Whether an amount is a span of time ("three weeks", "24 hours"). A pace ("$40 billion per
    month") is one only with `pace`: a frame that states one is still only a frame."""
    ws = words(amount)
    return bool(ws) and ws[-1] in TIME and (pace or all(q.unit == "count" for q in quantities.parse(amount)))


RELATED = re.compile(
    r"\bin (?:a )?related actions?\b|\bin taking (?:the|this|these) (?:discount (?:rate )?)?actions?\b", re.IGNORECASE
)
"""An action that follows the main one (the discount rate after the funds rate)."""
VOTE = re.compile(r"\b(?:voting (?:for|against)|voted (?:for|against)|preferred|dissent(?:ed|ing|s)?)\b", re.IGNORECASE)
"""A vote or a dissent: news, but not the decision itself."""
SLIGHT = frozenset(
    "continue continues continued continuing currently now nonetheless however still moreover overall meanwhile "
    "hence thus therefore accordingly consequently nevertheless furthermore "
    "telephone phone video videoconference virtually met hosted".split()
)
"""Connectives and aspect words, and how a call was held ("spoke ~~by telephone~~ **earlier
today**"): an edit of only these (and function words, names, reporting
and calendar words) says nothing new ("~~continue to~~", "~~The~~ **Nonetheless, the**")."""


LEANS = re.compile(
    r"^\W*(?:[\w'’-]+\W+){0,6}?(?:these|those)\b|\b(?:as a (?:consequence|result)(?! of)|since then)\b", re.IGNORECASE
)
"""A sentence that leans on the one before: "Through the integration of these six aspects, ...",
"Since then, the country has built ...", "Business and household spending as a consequence are
being further damped" (2001-10-02: a point a blind Fed watcher found dangling without the
attacks the sentence before names); not "as a result of congressional inaction"."""
THAT_OCCASION = re.compile(
    r"^\W*(?:during|at|in|after) (?:the|this|that) (?:session|meeting|call|article|visit|talks|speech|conference)\b",
    re.IGNORECASE,
)
"""A sentence set in the occasion the one before names: "During the session, Xi also stressed
... the stranglehold" after "... held, on January 31, a group study session on ..." (read
without it, a blind China watcher pinned the line on the wrong meeting); "In this article, the
General Secretary emphasizes ..." after the article's title and issue."""


WORD_CASED = re.compile(r"\w+(?:[-'’./]\w+)*")
CALENDAR = frozenset(w.lower() for w in quantities.MONTHS + quantities.WEEKDAYS) | frozenset(
    "today tonight yesterday week month year morning afternoon evening night".split()
)
UNSAID = STOP | SLIGHT | REPORTING | CALENDAR
"""Words that say nothing of their own: function, connective, reporting and calendar words."""
