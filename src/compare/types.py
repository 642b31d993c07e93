"""Plain data that crosses module boundaries. Nothing here does I/O or imports a model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

SCHEMA_ID = "compare.brief/1"


class Status(StrEnum):
    REPEATED = "repeated"
    CHANGED = "changed"
    NEW = "new"
    DROPPED = "dropped"


class Baseline(StrEnum):
    PREVIOUS = "previous"
    FIRST = "first"


class SummarizerKind(StrEnum):
    EXTRACTIVE = "extractive"
    ABSTRACTIVE = "abstractive"


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Document:
    """One input file. `text` is the decoded file; `body_start` is where the body begins
    (after a ``date`` header or front matter). Offsets everywhere index into `text`."""

    id: str
    path: str
    date: dt.date
    title: str | None
    text: str
    body_start: int = 0


@dataclass(frozen=True)
class Sentence:
    """A claim-bearing sentence: `text == document.text[start:end]`."""

    index: int
    text: str
    start: int
    end: int
    truncated: bool = False


@dataclass(frozen=True)
class SummaryPoint:
    text: str
    sources: tuple[int, ...]
    support: float = 1.0
    supported: bool = True


@dataclass(frozen=True)
class Summary:
    points: tuple[SummaryPoint, ...]
    method: str
    model_id: str | None = None
    prompt: str | None = None


@dataclass(frozen=True)
class DiffOp:
    op: Op
    text: str


@dataclass(frozen=True)
class NumberChange:
    before: str
    after: str


@dataclass(frozen=True)
class Bead:
    """An alignment unit: sentence indices on each side (either may be empty) and the pair
    score. Every sentence of both documents lands in exactly one bead."""

    before: tuple[int, ...]
    after: tuple[int, ...]
    similarity: float | None = None


@dataclass(frozen=True)
class Claim:
    status: Status
    before: tuple[int, ...]
    after: tuple[int, ...]
    similarity: float | None = None
    diff: tuple[DiffOp, ...] = ()
    mechanical: bool = False
    numbers: tuple[NumberChange, ...] = ()


@dataclass(frozen=True)
class Comparison:
    before: str
    after: str
    claims: tuple[Claim, ...]

    def with_status(self, status: Status) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.status is status)


@dataclass(frozen=True)
class DocumentEntry:
    """A document as it appears in a brief: its sentences and its summary."""

    document: Document
    sentences: tuple[Sentence, ...]
    summary: Summary


@dataclass(frozen=True)
class Brief:
    """Everything a renderer needs, and nothing else."""

    documents: tuple[DocumentEntry, ...]
    comparisons: tuple[Comparison, ...]
    baseline: Baseline
    embedder: str
    notes: tuple[str, ...] = ()
    schema: str = SCHEMA_ID

    def entry(self, document_id: str) -> DocumentEntry:
        for e in self.documents:
            if e.document.id == document_id:
                return e
        raise KeyError(document_id)
