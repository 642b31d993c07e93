"""load: one file -> `Document`. The only stage that reads input files (read-only)."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import stat
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from . import markup
from .errors import DateError, InputError, UsageError
from .types import Document

_ISO = r"(\d{4})-(\d{2})-(\d{2})"
_HEADER = re.compile(r"\A\s*date[:\s]\s*" + _ISO + r"[ \t]*\r?\n?", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_NAME_DATES = (
    re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})_(\d{2})_(\d{2})(?!\d)"),
)
_MAX_TITLE_WORDS = 25
MAX_FILE_BYTES = 64 * 2**20
"""Larger inputs are refused up front rather than exhausting memory half-way."""


def decode(raw: bytes, path: str) -> str:
    """Bytes -> text. UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, and UTF-16
    without one (recognised by its zero bytes) are read; other text is tried as GB18030 and
    then Windows-1252 and kept only when the result is plausible (no control characters; for
    GB18030, Chinese characters in runs rather than one between two Latin letters, which is
    what Latin-1 bytes read as GB18030 look like). Binary data is refused, never guessed."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(_strict(raw[len(bom) :], encoding, path), path)
    if b"\x00" in raw:
        utf16 = _bomless_utf16(raw)
        if utf16 is None:
            raise InputError(f"{path}: looks like a binary file, not text (UTF-16 needs a byte-order mark)")
        return _checked(_strict(raw, utf16, path), path)
    try:
        return _checked(raw.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    for encoding, plausible in (("gb18030", _plausible_chinese), ("cp1252", _plausible_latin)):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) == 0 and plausible(text):
            return text
    raise InputError(f"{path}: is not UTF-8, UTF-16, GB18030 or Windows-1252 text (or is binary); re-save it as UTF-8")


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
_MAX_CONTROL_SHARE = 0.01
"""Text may carry a stray control character (a terminal escape, a backspace); binary data has
far more than one in a hundred."""


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def _checked(text: str, path: str) -> str:
    """Refuse binary; replace stray control characters by U+FFFD (one character for one, so
    offsets hold) so that no terminal escape or invalid HTML character reaches a brief."""
    if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{path}: looks like a binary file, not text")
    return _CONTROL.sub("\ufffd", text)


def _strict(raw: bytes, encoding: str, path: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(
            f"{path}: is not valid {encoding} text (bad bytes at offset {e.start}); re-save it as UTF-8"
        ) from None


def _bomless_utf16(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every zero byte sits at odd (or every one at even)
    positions and the bytes decode as that UTF-16 without control characters, as text saved
    as UTF-16 without a byte-order mark does; otherwise None (binary)."""
    if len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) and not other.count(0):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding if _control_share(text) == 0 else None
    return None


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string. Real Chinese is mostly the 3,755 common
    characters (GB2312 level 1) and full-width punctuation, in runs; other bytes read as
    GB18030 give rare characters, or one character alone between Latin letters ('Ça va' ->
    '莂 va')."""
    runs = re.findall(r"[^\x00-\x7f]+", text)
    if not runs:
        return False
    chars = "".join(runs)
    common = sum(_common_chinese(c) for c in chars)
    if common < 0.8 * len(chars):
        return False
    lonely = len(re.findall(r"(?:^|[A-Za-z])[^\x00-\x7f](?=[A-Za-z]|$)", text, re.MULTILINE))
    return lonely <= 0.2 * len(runs)


def _common_chinese(c: str) -> bool:
    """A GB2312 symbol (rows 1-9: punctuation, full-width forms) or level-1 character."""
    try:
        lead = c.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xA1 <= lead <= 0xA9 or 0xB0 <= lead <= 0xD7


def _plausible_latin(text: str) -> bool:
    """Windows-1252 text: letters dominate its non-ASCII characters."""
    odd: list[str] = re.findall(r"[^\x00-\x7f]", text)
    return sum(c.isalpha() or c in "’‘“”–—…€°£§©®«»·×÷±µ¿¡" for c in odd) >= 0.8 * len(odd)


def _make_date(y: str, m: str, d: str, path: str, where: str) -> dt.date:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        raise DateError(f"{path}: {where} has an impossible date {y}-{m}-{d}") from None


def _date_from_name(path: Path, name: str) -> dt.date | None:
    """YYYY-MM-DD or YYYY_MM_DD in the file name (an impossible one is an error), else eight
    digits YYYYMMDD that make a real date (other digit runs, such as ids, are ignored)."""
    for pattern in _NAME_DATES:
        for m in pattern.finditer(path.stem):
            y, mo, d = m.groups()
            if pattern is _NAME_DATES[1]:
                if not 1000 <= int(y) <= 2999:
                    continue
                try:
                    return dt.date(int(y), int(mo), int(d))
                except ValueError:
                    continue
            return _make_date(y, mo, d, path=name, where="the file name")
    return None


def is_markdown(path: Path, text: str) -> bool:
    """A Markdown file: by its extension, or by front matter at its top."""
    return path.suffix.lower() in {".md", ".markdown", ".mdown", ".mkd"} or bool(_FRONT_MATTER.match(text))


def parse(text: str, path: Path, date: dt.date | None = None) -> Document:
    """Text of one file -> `Document`. `date` (from ``--date``) wins over everything else."""
    name = display(path)
    if not text.strip():
        raise InputError(f"{name}: is empty")
    body_start = 0
    found: dt.date | None = None
    title: str | None = None
    if m := _HEADER.match(text):
        found = _make_date(m[1], m[2], m[3], path=name, where="the date header")
        body_start = m.end()
    else:
        try:
            fm = markup.front_matter(text)
        except ValueError as e:
            raise InputError(f"{name}: {e}") from None
        if fm is not None:
            fields, body_start = fm
            raw_date = fields.get("date")
            if raw_date is not None:
                iso = re.match(_ISO, markup.field_text(raw_date) or "")
                if not iso:
                    raise DateError(f"{name}: front-matter date {raw_date!r} is not YYYY-MM-DD")
                found = _make_date(iso[1], iso[2], iso[3], path=name, where="the front matter")
            title = markup.field_text(fields.get("title"))
    if markdown := is_markdown(path, text):
        # the body is read as Markdown: its words, not its markup, are what the brief quotes
        text = text[:body_start] + markup.markdown_text(text[body_start:])
    source = "--date" if date else ("header" if m else "front matter") if found else "file name"
    found = date or found or _date_from_name(path, name)
    if found is None:
        raise DateError(
            f"{name}: has no date; start the file with 'date YYYY-MM-DD', add a 'date:' "
            f"front-matter line, put YYYY-MM-DD in the file name, or pass --date {display(Path(path.name))}=YYYY-MM-DD"
        )
    if not text[body_start:].strip():
        raise InputError(f"{name}: has a date but no text")
    return Document(
        id=display(Path(path.stem)),
        path=name,
        date=found,
        title=title or headline(text, body_start),
        text=text,
        body_start=body_start,
        date_source=source,
        extractor="markdown" if markdown else "text",
    )


_SENTENCE_END = re.compile(r"[.!?:;…。！？：；][\"'”’)\]」』]*\s*$")


def headline(text: str, start: int) -> str | None:
    """The first line of the body when it reads as a headline (short, no final full stop,
    more text follows), skipping web-page residue such as a bare date or 'Share'."""
    for line in _lines(text, start):
        if is_navigation(line):
            continue
        words = line.split()
        rest = text[text.find(line, start) + len(line) :]
        if len(words) <= _MAX_TITLE_WORDS and not _SENTENCE_END.search(line) and rest.strip():
            return line.strip()
        return None
    return None


def _lines(text: str, start: int) -> Iterable[str]:
    for line in text[start:].splitlines():
        if line.strip():
            yield line


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_RESIDUE = re.compile(
    rf"^\s*(?:(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|share|print|email|"
    r"for (?:immediate )?release(?: at [\d:.apm ]+(?:e[sd]t)?)?|home|menu|search|back to top|advertisement)\s*$",
    re.IGNORECASE,
)


_NAVIGATION = re.compile(
    r"\(\d+ ?KB (?:PDF|XLS|ZIP)\)|\bfor media inquiries\b|\bavailable (?:at|on) the following (?:web ?sites?|links?)\b|\bcan be found on the\b.*\bwebsite\b|"
    r"^(?:related information|related links?|implementation note issued\b|last update:?\b|skip to\b|"
    r"back to\b|read more\b|see also\b|download\b|click here\b|subscribe\b|follow us\b)",
    re.IGNORECASE,
)
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")  # link texts run together: "FacilityTerms and conditions"
_END = re.compile(r"[.!?…。！？][\"'”’)\]]*\s*$")
_CAPITALIZED = re.compile(r"[A-Z0-9(]")
_MINOR = frozenset("a an the and or but of to in on at by for with from as vs via nor per its".split())
_MAX_RESIDUE_WORDS = 20


def is_navigation(line: str) -> bool:
    """A page's furniture: a bare date line, 'Share', 'For immediate release', link lists."""
    text = " ".join(line.split())
    return bool(_RESIDUE.match(text) or _NAVIGATION.search(text))


def is_residue(line: str) -> bool:
    """Web-page residue that is not a claim: a bare date line, 'Share', 'For immediate release',
    navigation and link lists ("Related Information", "Swiss National Bank (60 KB PDF)"), and a
    short line with no sentence end that reads as a label rather than a claim (Title Case words
    only, or a year before a label: "2001 Monetary policy")."""
    text = " ".join(line.split())
    if is_navigation(text):
        return True
    words = text.split()
    if not words or len(words) > _MAX_RESIDUE_WORDS or _END.search(text):
        return False
    if _GLUED.search(text):
        return True
    content = [w for w in words if w.lower() not in _MINOR]
    if re.fullmatch(r"(?:19|20)\d\d", words[0]) and len(words) <= 6:
        return True
    return len(content) >= 2 and all(_CAPITALIZED.match(w) for w in content)


def display(path: Path) -> str:
    """The path as printable text: bytes of a non-UTF-8 file name become U+FFFD, so messages
    and briefs can always be written."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, after checking it is a readable regular file of sane size."""
    name = display(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        what = "a broken symbolic link" if path.is_symlink() else "no such file"
        raise InputError(f"{name}: {what}") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name}: is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{name}: is not a regular file (a pipe, socket or device); save it to a file first")
    if info.st_size > MAX_FILE_BYTES:
        raise InputError(f"{name}: is {info.st_size // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB")
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None


def read(path: Path, date: dt.date | None = None, origin: str | None = None) -> Document:
    """Read one file (opened read-only) and parse it. `origin`: the URL it was fetched from."""
    name = origin or display(path)
    raw = _read_bytes(path)
    if not raw.strip():
        raise InputError(f"{name}: is empty")
    from . import readers  # web pages, PDFs, Word files; their libraries load only when needed

    if (doc := readers.document(path, raw, date, name)) is not None:
        return doc
    return parse(decode(raw, name), path, date)


def read_all(
    paths: Iterable[Path], dates: Mapping[str, dt.date] | None = None, origins: Mapping[str, str] | None = None
) -> list[Document]:
    """Read every file once; order by date, then name. `dates` maps a path, file name or URL to
    a date; `origins` a fetched file to its URL. Two files with the same stem get ids ``stem``
    and ``stem-2``."""
    dates, origins = dates or {}, origins or {}
    unique = list(dict.fromkeys(paths))
    known = {str(p) for p in unique} | {p.name for p in unique} | set(origins.values())
    for key in dates:
        if key not in known:
            raise UsageError(f"--date {key}=...: {key} is not one of the input files")
    docs = [
        read(p, dates.get(str(p)) or dates.get(p.name) or dates.get(origins.get(str(p), "")), origins.get(str(p)))
        for p in unique
    ]
    docs.sort(key=lambda d: (d.date, Path(d.path).name, d.path))
    counts: Counter[str] = Counter()
    out: list[Document] = []
    for d in docs:
        counts[d.id] += 1
        out.append(d if counts[d.id] == 1 else replace(d, id=f"{d.id}-{counts[d.id]}"))
    return out


def watch_list(path: Path) -> tuple[str, ...]:
    """Phrases to track, one a line; blank lines and lines starting with # are skipped."""
    text = decode(_read_bytes(path), display(path))
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
