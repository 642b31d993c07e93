"""A saved web page -> its article text (trafilatura), title, and publication date (htmldate)."""

from __future__ import annotations

import datetime as dt
import logging
import re

import htmldate
import trafilatura

from ..errors import InputError
from . import Extracted, version

# trafilatura and htmldate log every page they cannot parse at WARNING; the one-line error
# below says it better
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

MIN_CHARACTERS = 60
"""Fewer letters and digits than this (about a dozen English words, or a Chinese sentence or
two) is a page whose article the extractor did not find (an index page, a login wall)."""


def main_text(raw: bytes | str, *, precision: bool = True) -> tuple[str, str | None]:
    """(text, title): the article's paragraphs, one blank line between them. Favouring
    precision drops link lines and teasers that sit beside the article (benchmarks/readers.py)."""
    doc = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        favor_precision=precision,
        deduplicate=False,
    )
    if doc is None:
        return "", None
    if isinstance(doc, dict):  # as_dict=True in older trafilatura
        text, title = doc.get("text"), doc.get("title")
    else:
        text, title = doc.text, doc.title
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    return "\n\n".join(line for line in lines if line and not _BYLINE.search(line)), title


_BYLINE = re.compile(
    r"^.{0,30}(?:来源|责任编辑|编辑|作者|记者)\s*[:：].{0,30}$"  # 2024-10-30 18:20 来源：新华网
    r"|^[【\[](?:纠错|责任编辑)[^】\]]{0,20}[】\]]$"  # 【责任编辑:王某】
)
"""Chinese news pages keep their source and editor lines inside the article ('来源：新华网',
'【责任编辑:王某】'); they are the page's, not the story's."""


def page_date(raw: bytes | str) -> dt.date | None:
    """The publication date the page's markup states (meta tags, JSON-LD, <time>, the URL in
    a canonical link), not a date guessed from the text."""
    found = htmldate.find_date(raw, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    return dt.date.fromisoformat(found) if found else None


def extract(raw: bytes, name: str) -> Extracted:
    try:
        text, title = main_text(raw)
    except (ValueError, TypeError) as e:
        raise InputError(f"{name}: cannot be read as a web page ({e})") from None
    if sum(c.isalnum() for c in text) < MIN_CHARACTERS:
        raise InputError(f"{name}: no article text found in this web page (navigation or an index page only?)")
    title = _clean_title(title)
    try:
        date = page_date(raw)
    except (ValueError, TypeError):
        date = None
    return Extracted(
        text=text,
        extractor=f"{version('trafilatura')}, {version('htmldate')}",
        title=title,
        date=date,
        date_source="page metadata" if date else None,
    )


_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def _clean_title(title: str | None) -> str | None:
    """The page title without a trailing ' | Site name' (the site is not the headline)."""
    if not title:
        return None
    title = " ".join(title.split())
    return _SITE_SUFFIX.sub("", title) or title
