"""load: one file -> `Document`. The only stage that reads input files (read-only)."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from . import markup, quantities
from .errors import DateError, InputError, TemplateError, UsageError
from .types import Document, WatchGroup

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
MAX_AUX_BYTES = 2**20
"""The limit for a template, prompt or watch list (``/dev/zero`` must not be read forever)."""


def decode(raw: bytes, path: str) -> str:
    """Bytes -> text (see `decode_noting`; its notes are dropped)."""
    return decode_noting(raw, path)[0]


def decode_noting(raw: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    """Bytes -> (text, notes for the brief). UTF-8 (with or without BOM), UTF-16 and UTF-32
    with a BOM, and UTF-16 without one (most bytes of one parity are zero, as in mostly-ASCII
    UTF-16) are read. A file that is UTF-8 but for a few bytes (a stray byte, a character cut
    at the end, one Latin-1 letter among UTF-8 ones) stays UTF-8: each bad run of bytes
    becomes U+FFFD and a note names the byte offsets. Only when the file as a whole is not
    UTF-8 is it tried as GB18030 and then Windows-1252, kept when the result is plausible (no
    control characters; for GB18030, Chinese characters in runs rather than one between two
    Latin letters, which is what Latin-1 bytes read as GB18030 look like). Binary data is
    refused, never guessed."""
    if raw.startswith(codecs.BOM_UTF8):
        text, bad = _utf8_lenient(raw, len(codecs.BOM_UTF8))
        if bad and not (_utf8_evidence(text, bad, raw) or _few(bad, raw)):
            raise InputError(f"{path}: is not valid utf-8 text (bad bytes at offset {bad[0][0]}); re-save it as UTF-8")
        return _checked(text, path), _bad_bytes_note(path, bad, len(raw))
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(_strict(raw[len(bom) :], encoding, path), path), ()
    if b"\x00" in raw and (utf16 := _bomless_utf16(raw)):
        return _checked(_strict(raw, utf16, path), path), ()
    controls = len(_CONTROL_BYTES.findall(raw))
    if controls > max(_MAX_CONTROL_SHARE * len(raw), 2):  # in any 8-bit encoding
        hint = " (UTF-16 needs a byte-order mark)" if b"\x00" in raw else ""
        raise InputError(f"{path}: looks like a binary file, not text{hint}")
    text, bad = _utf8_lenient(raw)
    if not bad:
        return _checked(text, path), ()
    good, wrong = _good_and_bad(text, bad)
    # a short GB18030 text can hold as many UTF-8-shaped pairs as bad bytes: GB18030 first
    # unless UTF-8 clearly dominates
    if _utf8_evidence(text, bad, raw) and (good >= 8 * wrong or not _plausible_gb18030(raw)):
        return _checked(text, path), _bad_bytes_note(path, bad, len(raw))
    for encoding, plausible, label in (
        ("gb18030", _plausible_chinese, "GB18030"),
        # Windows-1252 reads any UTF-8 as mojibake ("comitÃ©"): only when UTF-8 is all but absent
        ("cp1252", lambda t: _plausible_latin(t) and good * 10 <= wrong, "Windows-1252"),
    ):
        try:
            whole = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(whole) == 0 and plausible(whole):
            return whole, (f"{path}: is not UTF-8; read as {label} (the whole file is plausible {label} text).",)
    if _few(bad, raw):
        return _checked(text, path), _bad_bytes_note(path, bad, len(raw))
    raise InputError(f"{path}: is not UTF-8, UTF-16, GB18030 or Windows-1252 text (or is binary); re-save it as UTF-8")


_ESCAPED = re.compile(r"[\udc80-\udcff]+")
_MAX_BAD_SHARE = 0.01
"""A file that no other encoding reads plausibly is UTF-8 with bad bytes up to this share."""
_SHOWN_OFFSETS = 10


def _utf8_lenient(raw: bytes, start: int = 0) -> tuple[str, list[tuple[int, int]]]:
    """`raw[start:]` as UTF-8 with each run of undecodable bytes replaced by one U+FFFD, and
    the (byte offset, length) of each run in `raw`."""
    escaped = raw[start:].decode("utf-8", "surrogateescape")
    bad: list[tuple[int, int]] = []
    parts: list[str] = []
    last, offset = 0, start
    for m in _ESCAPED.finditer(escaped):
        parts.append(escaped[last : m.start()])
        offset += len(escaped[last : m.start()].encode("utf-8", "surrogatepass"))
        bad.append((offset, len(m[0])))
        offset += len(m[0])
        parts.append("\ufffd")
        last = m.end()
    parts.append(escaped[last:])
    return "".join(parts), bad


def _plausible_gb18030(raw: bytes) -> bool:
    try:
        whole = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return _control_share(whole) == 0 and _plausible_chinese(whole)


def _good_and_bad(text: str, bad: list[tuple[int, int]]) -> tuple[int, int]:
    """(well-formed non-ASCII characters, bad bytes) of a lenient UTF-8 reading."""
    return sum(1 for c in text if ord(c) > 0x7F) - len(bad), sum(n for _, n in bad)


def _utf8_evidence(text: str, bad: list[tuple[int, int]], raw: bytes) -> bool:
    """The file is UTF-8 with a few bad bytes: twice as many well-formed non-ASCII characters
    as bad bytes (GB18030 or Windows-1252 read as UTF-8 gives far fewer), or its
    only bad bytes are a character cut at the end."""
    good, wrong = _good_and_bad(text, bad)
    if good >= 2 * wrong:
        return True
    offset, length = bad[-1]
    # cut by `head -c` or a byte-counting tool: a lead byte and part of its tail
    return len(bad) == 1 and offset + length == len(raw) and length < 4 and 0xC2 <= raw[offset] <= 0xF4


def _few(bad: list[tuple[int, int]], raw: bytes) -> bool:
    """Bad bytes are under 1% of the file (one is always allowed)."""
    return sum(n for _, n in bad) <= max(_MAX_BAD_SHARE * len(raw), 1)


def _bad_bytes_note(path: str, bad: list[tuple[int, int]], size: int) -> tuple[str, ...]:
    if not bad:
        return ()
    offsets = ", ".join(str(o) for o, _ in bad[:_SHOWN_OFFSETS])
    more = f" and {len(bad) - _SHOWN_OFFSETS} more" if len(bad) > _SHOWN_OFFSETS else ""
    cut = "; the file ends in the middle of a character" if bad[-1][0] + bad[-1][1] == size else ""
    count = sum(n for _, n in bad)
    what = "1 byte is" if count == 1 else f"{count} bytes are"
    where = "offset" if len(bad) == 1 else "offsets"
    return (f"{path}: {what} not valid UTF-8 (at byte {where} {offsets}{more}{cut}); shown as U+FFFD (�).",)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
"""Text may carry a stray control character (a terminal escape, a backspace); binary data has
far more than one in a hundred."""


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def _binary(text: str) -> bool:
    """More control characters than stray ones (one in a hundred, at least two allowed)."""
    return len(_CONTROL.findall(text)) > max(_MAX_CONTROL_SHARE * len(text), 2)


def _checked(text: str, path: str) -> str:
    """Refuse binary; replace stray control characters by U+FFFD (one character for one, so
    offsets hold) so that no terminal escape or invalid HTML character reaches a brief."""
    if _binary(text):
        hint = " (UTF-16 needs a byte-order mark)" if "\x00" in text else ""
        raise InputError(f"{path}: looks like a binary file, not text{hint}")
    return _CONTROL.sub("\ufffd", text)


def _strict(raw: bytes, encoding: str, path: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(
            f"{path}: is not valid {encoding} text (bad bytes at offset {e.start}); re-save it as UTF-8"
        ) from None


def _bomless_utf16(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when most bytes of one parity are zero and (almost) none of
    the other, and the bytes decode as that UTF-16 without control characters, as mostly-ASCII
    text saved as UTF-16 without a byte-order mark does; otherwise None. A stray zero byte in
    a UTF-8 file is not enough."""
    if len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) > _UTF16_ZEROS * len(zeros) and other.count(0) <= _MAX_CONTROL_SHARE * len(other):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding if _control_share(text) == 0 else None
    return None


_UTF16_ZEROS = 0.5
"""BOM-less UTF-16 is recognised when more than half the bytes of one parity are zero."""


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
    if "ÿ" in odd:  # byte 0xFF: a stray byte far more often than a letter (L'Haÿ-les-Roses)
        return False
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


_MONTHS = "|".join(quantities.MONTHS[:12])
_RESIDUE = re.compile(
    rf"^\s*(?:(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|share|print|email|"
    r"for (?:immediate )?release(?: at [\d:.apm ]+(?:e[sd]t)?)?|home|menu|search|back to top|advertisement)\s*$",
    re.IGNORECASE,
)


_NAVIGATION = re.compile(
    r"\(\d+ ?KB (?:PDF|XLS|ZIP)\)|\bfor media inquiries\b|"
    r"\bavailable (?:at|on) the following (?:web ?sites?|links?)\b|\bcan be found on the\b.*\bwebsite\b|"
    r"^(?:related information|related links?|implementation note issued\b|last update:?\b|skip to\b|"
    r"back to\b|return to (?:text|top)\b|read more\b|see also\b|download\b|click here\b|subscribe\b|follow us\b)",
    re.IGNORECASE,
)
_INNER_END = re.compile(r"[.!?][\"'”’)\]]*\s+[A-Z“\"]")
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")  # link texts run together: "FacilityTerms and conditions"
ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"'”’)\]]*\s*$")
"""Text that ends a sentence (closing quotes and brackets aside)."""
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
    words = text.split()
    if is_navigation(text):
        # a paragraph of several sentences is sifted sentence by sentence (`segment`): "In a
        # related set of actions ... the Federal Reserve announced measures ... More information
        # can be found on the Federal Reserve Board's website." keeps its first sentence
        # (2020-03-15: a blind Fed watcher missed the discount window and swap lines)
        return len(words) <= _MAX_RESIDUE_WORDS or not _INNER_END.search(text)
    if not words or len(words) > _MAX_RESIDUE_WORDS or ENDS_SENTENCE.search(text):
        return False
    if _GLUED.search(text):
        return True
    content = [w for w in words if w.lower() not in _MINOR]
    if re.fullmatch(r"(?:19|20)\d\d", words[0]) and len(words) <= 6:
        return True
    return len(content) >= 2 and all(_CAPITALIZED.match(w) for w in content)


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def display(path: Path | str) -> str:
    """The path as printable text: bytes of a non-UTF-8 file name become U+FFFD, and control
    characters (ESC, BEL, CR, an OSC title sequence) and bidi controls are shown escaped
    (``\\x1b``, ``\\u202e``), so a file name can never drive a terminal or reorder a line."""
    return printable(str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def printable(text: str) -> str:
    """`text` with control and bidi characters shown escaped."""
    return _UNSAFE_NAME.sub(lambda m: repr(m[0])[1:-1] if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def _read_bytes(path: Path, limit: int | None = None, what: str = "") -> bytes:
    """The file's bytes, after checking it is a readable regular file (or, with `what`, a pipe
    such as ``<(cat t.j2)``) of at most `limit` bytes. `what` names an auxiliary file (a
    template, prompt or watch list) in messages."""
    name = display(path)
    limit = MAX_FILE_BYTES if limit is None else limit
    label = f"{name}: {what}" if what else f"{name}:"
    try:
        info = path.stat()
    except FileNotFoundError:
        gone = "a broken symbolic link" if path.is_symlink() else f"{what} not found" if what else "no such file"
        raise InputError(f"{name}: {gone}") from None
    except OSError as e:
        raise InputError(f"{label} cannot be read ({e.strerror or e})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name}: is a directory, not a {what or 'file'}")
    pipe = bool(what) and stat.S_ISFIFO(info.st_mode)
    if not stat.S_ISREG(info.st_mode) and not pipe:
        if what:
            raise InputError(f"{name}: is a device or socket, not a {what}; save it to a file first")
        raise InputError(f"{name}: is not a regular file (a pipe, socket or device); save it to a file first")
    if info.st_size > limit:
        raise InputError(f"{label} is {_size(info.st_size)}; the limit is {_size(limit)}")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)  # the file may have grown since stat, a pipe has no size
    except OSError as e:
        raise InputError(f"{label} cannot be read ({e.strerror or e})") from None
    if len(raw) > limit:
        raise InputError(f"{label} is larger than the limit of {_size(limit)}")
    return raw


def _size(n: int) -> str:
    return f"{n // 2**20} MB" if n >= 2**20 else f"{n // 2**10} KB" if n >= 2**10 else f"{n} bytes"


def read(path: Path, date: dt.date | None = None, origin: str | None = None) -> Document:
    """Read one file (opened read-only) and parse it. `origin`: the URL it was fetched from.
    Notes on its decoding travel on the Document."""
    name = origin or display(path)
    raw = _read_bytes(path)
    if not raw.strip():
        raise InputError(f"{name}: is empty")
    from . import readers  # web pages, PDFs, Word files; their libraries load only when needed

    if (doc := readers.document(path, raw, date, name)) is not None:
        return doc
    text, notes = decode_noting(raw, name)
    doc = dated_by_its_text(parse(text, path, date))
    return replace(doc, notes=(*notes, *doc.notes)) if notes else doc


DATELINE_BLOCKS = 5
"""A date standing alone in one of the body's first blocks is the date the text shows."""


def dated_by_its_text(doc: Document) -> Document:
    """A document dated by its file name that shows another date above its words takes the
    text's date, with a note ('20070618.txt' holds the statement of June 28, 2007: a blind Fed
    watcher distrusted a brief that dated it ten days early, note or not). Text files and the
    files `readers` reads alike."""
    from .readers import dateline

    if doc.date_source != "file name":
        return doc
    blocks = [b.strip() for b in doc.text[doc.body_start :].split("\n\n") if b.strip()][:DATELINE_BLOCKS]
    said = dateline(blocks)
    if said is None or said == doc.date:
        return doc
    note = (
        f"{doc.path}: dated {said} by the date line at the top of its text; the file name says {doc.date} "
        f"(pass --date {Path(doc.path).name}={doc.date} to use the name's)"
    )
    return replace(doc, date=said, date_source="text", notes=(*doc.notes, note))


def identity(path: Path) -> tuple[object, ...]:
    """What makes two paths the same input: the file they resolve to (device and inode, so
    ``a.txt``, ``./a.txt``, ``$PWD/a.txt``, a symbolic or a hard link are one file)."""
    try:
        info = path.stat()
    except OSError:
        return ("unresolved", str(path))
    return (info.st_dev, info.st_ino)


def read_all(
    paths: Iterable[Path], dates: Mapping[str, dt.date] | None = None, origins: Mapping[str, str] | None = None
) -> list[Document]:
    """Read every file once; order by date, then name. `dates` maps a path, file name or URL to
    a date; `origins` a fetched file to its URL. The same file under several spellings is read
    once, with a note naming them. Ids are the file stems, made unique: a second ``x`` becomes
    ``x-2`` (or ``x-3`` when another file is called ``x-2``)."""
    dates, origins = dates or {}, origins or {}
    given = list(paths)
    known = {str(p) for p in given} | {p.name for p in given} | set(origins.values())
    for key in dates:
        if key not in known:
            raise UsageError(f"--date {display(key)}=...: {display(key)} is not one of the input files")
        named = {identity(p): p for p in given if p.name == key and str(p) != key}
        if len(named) > 1 and key not in {str(p) for p in given}:
            which = " and ".join(display(p) for p in named.values())
            raise UsageError(f"--date {display(key)}=...: {display(key)} names {which}; give the path instead")
    first: dict[tuple[object, ...], Path] = {}
    spellings: dict[Path, list[Path]] = {}
    for p in given:
        kept = first.setdefault(identity(p), p)
        if str(p) not in map(str, spellings.setdefault(kept, [kept])):
            spellings[kept].append(p)
    docs = []
    for p, names in spellings.items():
        keys = [k for n in names for k in (str(n), n.name, origins.get(str(n), ""))]
        day = next((dates[k] for k in keys if k in dates), None)
        doc = read(p, day, origins.get(str(p)))
        if len(names) > 1:
            others = ", ".join(display(n) for n in names[1:])
            note = f"{doc.path}: also given as {others} (the same file); compared once."
            doc = replace(doc, notes=(*doc.notes, note))
        docs.append(doc)
    docs.sort(key=lambda d: (d.date, Path(d.path).name, d.path))
    return unique_ids(docs)


def unique_ids(docs: list[Document]) -> list[Document]:
    """Each document keeps its id unless an earlier one has it; then it gets the first free
    ``id-N`` that no document has as its own id (so ``x``, ``x``, ``x-2`` -> x, x-3, x-2)."""
    natural = {d.id for d in docs}
    taken: set[str] = set()
    out = []
    for d in docs:
        new = d.id
        k = 1
        while new in taken:
            k += 1
            new = f"{d.id}-{k}"
            if new in natural:
                new = d.id  # the other document's own id: try the next number
        taken.add(new)
        out.append(d if new == d.id else replace(d, id=new))
    return out


def watch_list(path: Path) -> tuple[str, ...]:
    """The single watched phrases of a watch list (its groups are `watch_file`'s)."""
    return watch_file(path)[0]


def watch_file(path: Path) -> tuple[tuple[str, ...], tuple[WatchGroup, ...]]:
    """A watch list: phrases to track, one a line, and groups of elements of one formula.

    Blank lines and lines starting with # are skipped. A line ``[Name]`` starts a group; the
    lines after it are its elements, until a blank line or the next group header. Every other
    line is one watched phrase, as before groups existed::

        considerable period
        [US support formula]
        sovereignty and territorial integrity
        as long as it takes
    """
    name = display(path)
    text = decode(_read_bytes(path, MAX_AUX_BYTES, "watch list"), name)
    return parse_watch(text, name)


def parse_watch(text: str, name: str = "watch list") -> tuple[tuple[str, ...], tuple[WatchGroup, ...]]:
    """`watch_file` on text; `name` is the file named in error messages."""
    phrases: list[str] = []
    groups: list[tuple[int, str, list[str]]] = []  # (header line, name, elements)
    open_group: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            open_group = None
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                raise InputError(f"{name} line {number}: a group header is a name in brackets, as in [Taiwan formula]")
            label = " ".join(line[1:-1].split())
            if not label:
                raise InputError(f"{name} line {number}: a group header needs a name, as in [Taiwan formula]")
            if any(g[1] == label for g in groups):
                raise InputError(f"{name} line {number}: group [{label}] is given twice; merge its elements")
            open_group = []
            groups.append((number, label, open_group))
        elif open_group is not None:
            if line not in open_group:
                open_group.append(line)
        else:
            phrases.append(line)
    for number, label, elements in groups:
        if not elements:
            raise InputError(
                f"{name} line {number}: group [{label}] has no elements; list them on the lines after it, one a line"
            )
    return tuple(phrases), tuple(WatchGroup(label, tuple(elements)) for _, label, elements in groups)


def read_aux(path: Path, kind: str) -> str:
    """A template or prompt (`kind`) file as UTF-8 text, size-limited, read once (so a pipe
    such as ``<(cat t.j2)`` works)."""
    raw = _read_bytes(path, MAX_AUX_BYTES, f"{kind} file")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise TemplateError(f"{display(path)}: {kind} is not UTF-8 text (bad byte at offset {e.start})") from None
