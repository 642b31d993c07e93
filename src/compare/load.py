"""load: one file -> `Document`. The only stage that reads input files (read-only)."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from .errors import DateError, InputError
from .types import Document

_ISO = r"(\d{4})-(\d{2})-(\d{2})"
_HEADER = re.compile(r"\A\s*date[:\s]\s*" + _ISO + r"[ \t]*\r?\n?", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FM_FIELD = re.compile(r"^(\w+)\s*:\s*(.*?)\s*$", re.MULTILINE)
_NAME_DATES = (
    re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})_(\d{2})_(\d{2})(?!\d)"),
)
_MAX_TITLE_WORDS = 25


def decode(raw: bytes, path: str) -> str:
    """Bytes -> text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read; text that is
    neither is tried as GB18030 and then Windows-1252; binary data is refused."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[3:], "utf-8", path)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16", path)
    if b"\x00" in raw:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in ("gb18030", "cp1252"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    raise InputError(f"{path}: is not UTF-8, UTF-16, GB18030 or Windows-1252 text; re-save it as UTF-8")


def _strict(raw: bytes, encoding: str, path: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: has a {encoding} byte-order mark but invalid {encoding} at byte {e.start}") from None


def _plausible(text: str) -> bool:
    control = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f")
    return control == 0


def _make_date(y: str, m: str, d: str, path: str, where: str) -> dt.date:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        raise DateError(f"{path}: {where} has an impossible date {y}-{m}-{d}") from None


def _date_from_name(path: Path) -> dt.date | None:
    for pattern in _NAME_DATES:
        m = pattern.search(path.stem)
        if m:
            return _make_date(*m.groups(), path=str(path), where="the file name")
    return None


def parse(text: str, path: Path, date: dt.date | None = None) -> Document:
    """Text of one file -> `Document`. `date` (from ``--date``) wins over everything else."""
    name = str(path)
    if not text.strip():
        raise InputError(f"{name}: is empty")
    body_start = 0
    found: dt.date | None = None
    title: str | None = None
    if m := _HEADER.match(text):
        found = _make_date(*m.groups(), path=name, where="the date header")
        body_start = m.end()
    elif m := _FRONT_MATTER.match(text):
        fields = {k.lower(): v.strip("\"'") for k, v in _FM_FIELD.findall(m.group(1))}
        if "date" in fields:
            iso = re.fullmatch(_ISO, fields["date"][:10])
            if not iso:
                raise DateError(f"{name}: front-matter date {fields['date']!r} is not YYYY-MM-DD")
            found = _make_date(*iso.groups(), path=name, where="the front matter")
        title = fields.get("title") or None
        body_start = m.end()
    found = date or found or _date_from_name(path)
    if found is None:
        raise DateError(
            f"{name}: has no date; start the file with 'date YYYY-MM-DD', add a 'date:' "
            f"front-matter line, put YYYY-MM-DD in the file name, or pass --date {path.name}=YYYY-MM-DD"
        )
    if not text[body_start:].strip():
        raise InputError(f"{name}: has a date but no text")
    return Document(
        id=path.stem,
        path=name,
        date=found,
        title=title or headline(text, body_start),
        text=text,
        body_start=body_start,
    )


def headline(text: str, start: int) -> str | None:
    """The first line of the body when it reads as a headline (short, no final full stop,
    more text follows), skipping web-page residue such as a bare date or 'Share'."""
    for line in _lines(text, start):
        if is_residue(line):
            continue
        words = line.split()
        rest = text[text.find(line, start) + len(line):]
        if len(words) <= _MAX_TITLE_WORDS and not line.rstrip().endswith((".", "!", "?", ":", ";", "…")) and rest.strip():
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


def is_residue(line: str) -> bool:
    """Web-page residue that is not a claim: a bare date line, 'Share', 'For immediate release'."""
    return bool(_RESIDUE.match(line))


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not a file")
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None


def read(path: Path, date: dt.date | None = None) -> Document:
    """Read one file (opened read-only) and parse it."""
    name = str(path)
    raw = _read_bytes(path)
    if not raw.strip():
        raise InputError(f"{name}: is empty")
    return parse(decode(raw, name), path, date)


def read_all(paths: Iterable[Path], dates: Mapping[str, dt.date] | None = None) -> list[Document]:
    """Read every file once; order by date, then name. `dates` maps a path or file name to a
    date. Two files with the same stem get ids ``stem`` and ``stem-2``."""
    dates = dates or {}
    unique = list(dict.fromkeys(paths))
    docs = [read(p, dates.get(str(p)) or dates.get(p.name)) for p in unique]
    docs.sort(key=lambda d: (d.date, Path(d.path).name, d.path))
    counts: Counter[str] = Counter()
    out: list[Document] = []
    for d in docs:
        counts[d.id] += 1
        out.append(d if counts[d.id] == 1 else replace(d, id=f"{d.id}-{counts[d.id]}"))
    return out


def watch_list(path: Path) -> tuple[str, ...]:
    """Phrases to track, one a line; blank lines and lines starting with # are skipped."""
    text = decode(_read_bytes(path), str(path))
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
