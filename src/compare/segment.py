"""segment: document text -> claim sentences with character offsets into the original text.

Blocks separated by line breaks end sentences (headlines, paragraphs); hard-wrapped lines
are joined first. Inside a block pysbd finds sentence ends, so "Feb. 26, 2023" and "U.S."
stay inside their sentence. Web-page residue, the title line and wire-service datelines
("BEIJING, Feb. 26, 2023 /PRNewswire/ —") stay in the text but are not claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .load import ENDS_SENTENCE, is_navigation, is_residue
from .types import Document, Sentence

MAX_SENTENCE_CHARS = 2000
"""A run of text longer than this with no sentence end is cut into pieces (marked truncated)."""

_DATELINE = re.compile(
    r"\A[A-Z][A-Z .'’-]{1,40},\s+"  # BEIJING,
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?"  # Feb. 26, 2023
    r"(?:/[^/\n]{1,40}/|\([^)\n]{1,40}\))?\s*"  # /PRNewswire/ or (Xinhua)
    r"(?:—|–|--|-)\s*"
)
TRAILING_LABEL_WORDS = 20
"""A block below the last navigation line, this short or shorter, is a link title."""
_WRAPPED_END = re.compile(r"[.!?:;…\"'”’)\]]\s*$")


def segment(document: Document) -> tuple[Sentence, ...]:
    """The claim sentences of `document`, in order, each with ``text == doc.text[start:end]``."""
    spans: list[tuple[int, int, bool]] = []
    title_pending = document.title is not None
    blocks = list(_blocks(document.text, document.body_start))
    # labels below the page's last navigation line, with no sentence after them, are link titles
    # ("Implementation Note issued March 15, 2020" / "Federal Reserve actions to support the flow
    # of credit to households and businesses"), not claims
    navigation = [k for k, (s, e) in enumerate(blocks) if is_navigation(document.text[s:e])]
    last = navigation[-1] if navigation else len(blocks)
    if any(ENDS_SENTENCE.search(document.text[s:e]) for s, e in blocks[last + 1 :]):
        last = len(blocks)
    for k, (start, end) in enumerate(blocks):
        block = document.text[start:end]
        if is_residue(block) or (k > last and len(block.split()) <= TRAILING_LABEL_WORDS):
            continue
        if title_pending and block.strip() == document.title:
            title_pending = False
            continue
        title_pending = False
        if m := _GLUED_HEADING.match(block):
            if _title_case(m.group(1)):  # "Federal Reserve ActionsThe Committee ...": a heading run in
                start += m.end(1)
                block = block[m.end(1) :]
        # a wrapped line break is a space to the sentence splitter (pysbd ends a sentence at
        # every newline); same length, so offsets hold
        for s, e in _sentences(re.sub(r"\r\n?|\n", lambda m: " " * len(m.group()), block)):
            spans.extend(_bounded(document.text, start + s, start + e))
    sentences: list[Sentence] = []
    for s, e, cut in spans:
        s, e = _strip(document.text, s, e)
        # a link left inside a paragraph ("… statement. Return to text") is furniture too
        if s < e and any(c.isalnum() for c in document.text[s:e]) and not is_navigation(document.text[s:e]):
            sentences.append(Sentence(len(sentences), document.text[s:e], s, e, cut))
    if sentences:
        first = sentences[0]
        m = _DATELINE.match(first.text)
        if m and m.end() < len(first.text):
            s = first.start + m.end()
            sentences[0] = Sentence(0, document.text[s : first.end], s, first.end, first.truncated)
    return tuple(sentences)


_MARKER = re.compile(r"(?:[-*+•]|\\?#{1,6})[ \t]+")


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim spacing, and a list bullet or heading mark, which is layout, not claim."""
    while s < e and text[s].isspace():
        s += 1
    if m := _MARKER.match(text, s, e):
        s = m.end()
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _blocks(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Spans of text that end a paragraph. A line break inside a paragraph is a space (hard-
    wrapped text, as pandoc and archives write it), except after a heading, before or after a
    list item, and after a short line or a Title Case line that ends without punctuation
    (a headline above its text). Blank lines always end a paragraph."""
    lines: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text[start:]):
        if m.end() == m.start():
            break
        lines.append((start + m.start(), start + m.end()))
    short, wrapped = _line_width(text, lines)
    block_start: int | None = None
    for i, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if not line:
            if block_start is not None:
                yield block_start, s
                block_start = None
            continue
        if block_start is None:
            block_start = s
        nxt = text[lines[i + 1][0] : lines[i + 1][1]].strip() if i + 1 < len(lines) else ""
        if not nxt or _ends_line(line, nxt, short, wrapped, first=block_start == s):
            yield block_start, e
            block_start = None
    if block_start is not None:
        yield block_start, lines[-1][1]


_GLUED_HEADING = re.compile(
    r"\s*((?:[A-Z][\w'’-]*|of|on|by|the|and|for|to|in|at)"
    r"(?:[ \t]+(?:[A-Z][\w'’-]*|of|on|by|the|and|for|to|in|at)){1,12}?[a-z])(?=[A-Z][a-z])"
)
"""A heading with no break before the text it heads, as copied from a web page."""
_HEADING = re.compile(r"^(?:\\?#{1,6}\s|\\?#{1,6}$|[=\-*_]{3,}$)")
_LIST_ITEM = re.compile(r"^(?:[-*+•]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s)")
_TITLE_WORD = re.compile(r"[A-Z0-9]")
_SMALL = frozenset("a an the and or but of to in on at by for with from as vs via nor".split())


WRAP_WIDTH = 100
"""Text whose lines are mostly at most this long is hard-wrapped (72-80 columns is usual);
one paragraph per line gives far longer lines, and a few short lines say nothing."""
WRAP_MIN = 50


def _line_width(text: str, lines: list[tuple[int, int]]) -> tuple[int, bool]:
    """(short, wrapped): below `short` characters a line that ends without punctuation is a line
    of its own, well under the width the text is set at (the 80th percentile of its line
    lengths); `wrapped` tells whether that width is a hard wrap."""
    lengths = sorted(len(text[s:e].strip()) for s, e in lines if text[s:e].strip())
    if not lengths:
        return 0, False
    width = lengths[min(len(lengths) - 1, int(0.8 * len(lengths)))]
    return max(20, min(int(0.6 * width), 60)), WRAP_MIN <= width <= WRAP_WIDTH


def _ends_line(line: str, nxt: str, short: int, wrapped: bool, first: bool) -> bool:
    """True when the break after `line` ends a paragraph rather than wrapping it; a Title Case
    line is a headline only when it starts its paragraph."""
    if _HEADING.match(line) or _HEADING.match(nxt) or _LIST_ITEM.match(nxt) or _LIST_ITEM.match(line):
        return True
    if _WRAPPED_END.search(line):
        # a sentence ends here; the next line continues the paragraph only in wrapped text,
        # where this line fills the width ("the U.S." / "Government ...")
        return not (wrapped and len(line) >= short)
    if not wrapped:  # lines of their own, unless one plainly runs on into the next
        return not (len(line) >= 40 and nxt[:1].islower())
    if len(line) < short:
        return True
    return first and _title_case(line) and nxt[:1].isupper()


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W_][\w'’-]*", line) if w.lower() not in _SMALL]
    return len(words) >= 2 and all(_TITLE_WORD.match(w) for w in words) and not line.endswith(",")


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


_CONTINUES = re.compile(r"[;,:)\]]|[a-z]")
_TIME = re.compile(r"(?:[ap]\.m\.)$", re.IGNORECASE)
_ZONE = re.compile(r"(?:E|C|M|P)[SD]?T\b|GMT\b|UTC\b|CET\b")


def _sentences(block: str) -> Iterator[tuple[int, int]]:
    """Sentence spans inside one block, located in the block so offsets are exact. A piece that
    cannot start a sentence (a semicolon, comma or lower-case word after "Jr." in a vote list,
    a time zone after "2 p.m.") stays with the piece before it."""
    spans: list[tuple[int, int]] = []
    for s, e in _pieces(block):
        # "[ap].m." is 4 characters: search only those before the piece's end, not the whole
        # block before it (that made segmentation quadratic in the block's length)
        end = spans[-1][1] if spans else 0
        after_time = _TIME.search(block, max(0, end - 4), end) and _ZONE.match(block, s)
        if spans and (_CONTINUES.match(block, s) or after_time):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    yield from spans


def _pieces(block: str) -> Iterator[tuple[int, int]]:
    if len(block) > 50 * MAX_SENTENCE_CHARS:
        # pysbd is quadratic on huge unpunctuated runs; cut at sentence ends ourselves first
        yield from _regex_sentences(block)
        return
    cursor = 0
    # pysbd's own segment() re-finds every sentence with a fresh regex over the whole block
    # (a third of its time); its processor's output is located here with str.find instead
    for piece in _segmenter().processor(block).process():
        stripped = piece.strip()
        if not stripped:
            continue
        at = block.find(stripped, cursor)
        if at < 0:  # pysbd changed the text: fall back to the rest of the block
            yield cursor, len(block)
            return
        yield at, at + len(stripped)
        cursor = at + len(stripped)


def _regex_sentences(block: str) -> Iterator[tuple[int, int]]:
    cursor = 0
    for m in re.finditer(r"[.!?。！？]+[\"'”’)]*\s+", block):
        yield cursor, m.end()
        cursor = m.end()
    if cursor < len(block):
        yield cursor, len(block)


def _bounded(text: str, s: int, e: int) -> Iterator[tuple[int, int, bool]]:
    """Cut a span longer than MAX_SENTENCE_CHARS into pieces, marking them truncated; a cut
    falls after the last space in the second half of a piece when there is one, so words stay
    whole."""
    if e - s <= MAX_SENTENCE_CHARS:
        yield s, e, False
        return
    a = s
    while a < e:
        b = min(a + MAX_SENTENCE_CHARS, e)
        if b < e:
            space = max(
                text.rfind(" ", a + MAX_SENTENCE_CHARS // 2, b), text.rfind("\n", a + MAX_SENTENCE_CHARS // 2, b)
            )
            if space > a:
                b = space + 1
        yield a, b, True
        a = b


STOP = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been being it its "
    "this that these those which who whom whose what when where while has have had do does did "
    "not no nor so than then there their they them he she his her we our you your i me my also "
    "will would shall should can could may might must into over under about after before between "
    "through during such other some any each all both more most very just only up out if".split()
)
"""Function words: they carry no claim of their own."""

WORD = re.compile(r"\w+(?:[-\u2010\u2011'’./]\w+)*")
"""The one word tokenizer of every stage: "self-reliance", "1/4", "u.s." stay whole."""
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "’": "'"})


def words(text: str) -> list[str]:
    """Lower-cased word tokens ("self-reliance", "1/4", "u.s" stay whole); a non-breaking
    hyphen is a hyphen ("12‑month" in the statements of 2019-20 is "12-month")."""
    return [w.lower().translate(_HYPHENS) for w in WORD.findall(text)]


def base(w: str) -> str:
    """A word without its inflection ("expects", "expected" -> "expect"; "policies" ->
    "policy"), not a shorter word that begins it ("strengthen" stays, "mission" is not
    "missile")."""
    if w.endswith(("ies", "ied")) and len(w) >= 6:
        return w[:-3] + "y"  # "policies", "intensified": "policy", "intensify"
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def same_word(w: str, x: str) -> bool:
    """One word inflected ("expects", "expected"), not a longer word that begins with it
    ("strength", "strengthen")."""
    return w == x or base(w) == base(x)


STEM = 6
"""Content words compare on their first letters, so that "moderate" meets "moderation"."""


def content(tokens: Iterable[str]) -> set[str]:
    """The stems of the content words among `tokens` (lower-cased, as `words` gives them)."""
    return {w[:STEM] for w in tokens if w not in STOP}
