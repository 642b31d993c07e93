"""A Word file (.docx) -> its paragraphs and tables in order (python-docx), title and date
from the file's core properties."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table

from ..errors import InputError
from . import Extracted, version


def extract(raw: bytes, name: str) -> Extracted:
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(
            f"{name}: is not a readable Word (.docx) file ({e.__class__.__name__}); save it again"
        ) from None
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            # a table row reads as one line, its cells separated by ' | '
            for row in item.rows:
                cells = list(dict.fromkeys(" ".join(c.text.split()) for c in row.cells))
                if any(cells):
                    blocks.append(" | ".join(c for c in cells if c))
        else:
            text = " ".join(item.text.split())
            if text:
                blocks.append(text)
    text = "\n\n".join(blocks)
    if not any(c.isalnum() for c in text):
        raise InputError(f"{name}: the Word file has no text")
    props = document.core_properties
    date = _day(props.created)
    title = " ".join((props.title or "").split()) or None
    return Extracted(text, version("python-docx"), title, date, "docx metadata" if date else None)


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else None
