"""readers: inputs that are not plain text -> `Document`. Part of reading (load calls it).

One reader per kind behind one call: web pages (trafilatura, htmldate), PDFs (pypdf) and Word
files (python-docx) give their main text, paragraphs kept, and the title and date the file's
metadata holds. Each extractor is an optional extra; a missing one is a one-line error naming
the pip command. Plain text and Markdown stay with load (`extract` returns None for them).
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import quantities
from ..errors import DateError, InputError
from ..types import Document

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".mkd"})
KIND_SUFFIXES = {**dict.fromkeys(HTML_SUFFIXES, "html"), ".pdf": "pdf", ".docx": "docx"}
SUPPORTED = TEXT_SUFFIXES | KIND_SUFFIXES.keys()
"""What a folder given on the command line contributes; other files are skipped with a note."""

EXTRAS = {"html": ("trafilatura", "htmldate"), "pdf": ("pypdf",), "docx": ("docx",)}


@dataclass(frozen=True)
class Extracted:
    """What a reader found: the main text (paragraphs separated by a blank line), and the
    title and date the file's own metadata gives, with where the date came from."""

    text: str
    extractor: str
    title: str | None = None
    date: dt.date | None = None
    date_source: str | None = None


_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


def kind(path: Path, raw: bytes) -> str | None:
    """'html', 'pdf' or 'docx' by extension, else by content (a PDF's magic number, a Word
    file's zip entry, a page that opens with <!DOCTYPE html> or <html>); None for text."""
    by_suffix = KIND_SUFFIXES.get(path.suffix.lower())
    if by_suffix:
        return by_suffix
    if raw.startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04") and b"word/document.xml" in raw[:65536]:
        return "docx"
    if _HTML_START.match(raw[:4096]):
        return "html"
    return None


def extract(path: Path, raw: bytes, name: str) -> Extracted | None:
    """The main text and metadata of a web page, PDF or Word file; None for text files.
    Raises `InputError` for an input with no main text, a broken or locked file, or a
    missing extra."""
    found = kind(path, raw)
    if found is None:
        return None
    reader = _reader(found, name)
    return reader(raw, name)


def _reader(found: str, name: str) -> Callable[[bytes, str], Extracted]:
    try:
        if found == "html":
            from . import web

            return web.extract
        if found == "pdf":
            from . import pdf

            return pdf.extract
        from . import word

        return word.extract
    except ImportError as e:
        missing = (e.name or "").split(".")[0]
        if missing not in EXTRAS[found] and missing not in {"lxml", "htmldate", "trafilatura"}:
            raise
        raise InputError(
            f"{name}: reading {found.upper()} files needs an optional extra: pip install 'compare[{found}]'"
        ) from None


def version(dist: str) -> str:
    """'name version' of an installed distribution, recorded as the brief's extractor."""
    try:
        return f"{dist} {importlib.metadata.version(dist)}"
    except importlib.metadata.PackageNotFoundError:
        return dist


def is_url(arg: str) -> bool:
    """An http(s) address given where a file name may stand."""
    return bool(re.match(r"(?i)https?://", arg))


def fetch_all(urls: list[str], folder: Path | None, progress: Callable[[str], None]) -> dict[Path, str]:
    """`fetch.fetch_all`, importing urllib only when there is a URL to fetch."""
    if not urls:
        return {}
    from .fetch import fetch_all as fetch

    return fetch(urls, folder, progress)


def folder_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(supported, skipped): the regular files directly inside `folder`, by name. Hidden files
    (.DS_Store, editor backups) are neither."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as e:
        raise InputError(f"{folder}: cannot be listed ({e.strerror or e})") from None
    files = [p for p in entries if not p.name.startswith(".") and p.is_file()]
    return [p for p in files if p.suffix.lower() in SUPPORTED], [p for p in files if p.suffix.lower() not in SUPPORTED]


def expand(paths: Iterable[Path], note: Callable[[str], None]) -> list[Path]:
    """Folders replaced by the supported files inside them (not recursive); the rest skipped
    with a note. Files stay as given."""
    out: list[Path] = []
    for p in paths:
        if not p.is_dir():
            out.append(p)
            continue
        files, skipped = folder_files(p)
        if skipped:
            names = ", ".join(s.name for s in skipped[:5]) + (", …" if len(skipped) > 5 else "")
            note(f"{p}: skipped {len(skipped)} file(s) that are not text, Markdown, HTML, PDF or DOCX ({names})")
        if not files:
            raise InputError(f"{p}: has no text, Markdown, HTML, PDF or DOCX file")
        out.extend(files)
    return out


def document(path: Path, raw: bytes, date: dt.date | None, name: str) -> Document | None:
    """A web page, PDF or Word file as a `Document`; None for a text file (load reads those).
    The date is ``--date``, else one in the file name (unless a date stands alone in the first
    blocks of the text: what the document shows wins, noted), else the file's own metadata: a
    name is chosen by the user, while metadata may be the day a file was re-saved."""
    from ..load import _date_from_name as date_from_name  # the same rule as for text files
    from ..load import dated_by_its_text, display, headline

    found = extract(path, raw, name)
    if found is None:
        return None
    named = date_from_name(path, name)
    blocks = [b.strip() for b in found.text.split("\n\n")[:_TOP_BLOCKS]]
    said = dateline(blocks)
    # a page's markup states its publication date; a PDF's or Word file's metadata is only the
    # day the file was made (a browser's print date, a re-save), so a date the text shows wins
    day, source = (date, "--date") if date else (named, "file name") if named else (None, None)
    if day is None and said and (found.date_source != "page metadata" or found.date is None):
        day, source = said, "text"
    if day is None:
        day, source = found.date, found.date_source
    if day is None:
        raise DateError(
            f"{name}: has no date in its metadata or file name; put YYYY-MM-DD in the file name "
            f"or pass --date {path.name}=YYYY-MM-DD"
        )
    title = _shown_title(found.title, blocks) or headline(found.text, 0)
    # a date the text shows above its words wins over the file name's, as for a text file
    return dated_by_its_text(
        Document(
            id=display(Path(path.stem)),
            path=name,
            date=day,
            title=title,
            text=found.text,
            date_source=source,
            extractor=found.extractor,
        )
    )


_TOP_BLOCKS = 20
_MONTHS = "|".join(m.lower() for m in quantities.MONTHS[:12])
_DATELINES = (
    (re.compile(rf"^(?:\w+day,?\s+)?({_MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})$", re.I), (3, 1, 2)),
    (re.compile(rf"^(?:\w+day,?\s+)?(\d{{1,2}})\s+({_MONTHS})\s+(\d{{4}})$", re.I), (3, 2, 1)),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), (1, 2, 3)),
)


def dateline(blocks: list[str]) -> dt.date | None:
    """The first block near the top that is a date and nothing else ('October 30, 2019',
    'Wednesday, 30 October 2019', '2019-10-30'): the date a release shows above its text."""
    for block in blocks:
        for pattern, (y, m, d) in _DATELINES:
            if match := pattern.match(" ".join(block.split())):
                month = match.group(m)
                number = int(month) if month.isdigit() else _MONTHS.split("|").index(month.lower()) + 1
                try:
                    return dt.date(int(match.group(y)), number, int(match.group(d)))
                except ValueError:
                    continue
    return None


def _shown_title(title: str | None, blocks: list[str]) -> str | None:
    """The metadata title as the text shows it: 'Site - Headline' becomes 'Headline' when the
    headline stands alone near the top (segment then knows it is the title, not a claim)."""
    if not title or title in blocks:
        return title
    parts = [p.strip() for p in re.split(r"\s+[-|–—:]\s+", title)]
    return next((p for p in parts if p in blocks), title)
