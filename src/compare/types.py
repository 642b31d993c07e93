"""Plain data that crosses module boundaries. Nothing here does I/O or imports a model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

SCHEMA_ID = "compare.brief/1"


class Status(StrEnum):
    REPEATED = "repeated"
    CHANGED = "changed"
    NEW = "new"
    DROPPED = "dropped"


class Baseline(StrEnum):
    PREVIOUS = "previous"
    FIRST = "first"


class Format(StrEnum):
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"


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


def joined(sentences: Sequence[Sentence], idx: Iterable[int]) -> str:
    """The text of the sentences at `idx`, joined by spaces (a split or merged claim's text)."""
    return " ".join(sentences[i].text for i in idx)


@dataclass(frozen=True)
class SummaryPoint:
    text: str
    sources: tuple[int, ...]
    support: float = 1.0
    supported: bool = True
    reason: str | None = None
    """Why an abstractive point is not supported ("number 179 not in s3"), or why an extractive
    sentence fills an abstractive summary."""
    extractive_fill: bool = False
    """A source sentence put in an abstractive summary because too few generated points held."""


@dataclass(frozen=True)
class Summary:
    points: tuple[SummaryPoint, ...]
    method: str
    model_id: str | None = None
    prompt: str | None = None
    withheld: tuple[SummaryPoint, ...] = ()
    """Generated points that failed the faithfulness check (each with its `reason`): listed in
    JSON, shown in Markdown/HTML only when asked (--show-unsupported)."""


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
class Alignment:
    """Two documents' beads, in reading order, and whether the aligner read the documents as
    versions of one text (`align.versions`), which decides how a total rewrite is classified."""

    beads: tuple[Bead, ...]
    versions: bool


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
class Cell:
    """A thread's state in one document: status and the sentences that carry the claim."""

    status: str
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True)
class Thread:
    """One claim across the timeline: a cell per document, in document order."""

    id: str
    cells: tuple[Cell, ...]

    @property
    def eventful(self) -> bool:
        """Changed, dropped, revived or new after the first document at some point."""
        return any(c.status in {"changed", "dropped", "revived", "new"} for c in self.cells)


@dataclass(frozen=True)
class Formulation:
    phrase: str
    counts: tuple[int, ...]
    """Occurrences in each document, in document order."""
    watched: bool = False
    shifted_to: tuple[str, ...] = ()

    @property
    def first(self) -> int | None:
        """Index of the first document that uses the phrase (None: no document does)."""
        return next((i for i, c in enumerate(self.counts) if c), None)

    @property
    def gone(self) -> int | None:
        """Index of the document from which the phrase no longer appears, if it stops."""
        last = max((i for i, c in enumerate(self.counts) if c), default=None)
        return last + 1 if last is not None and last + 1 < len(self.counts) else None


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
    lineage: tuple[Thread, ...] = ()
    formulations: tuple[Formulation, ...] = ()
    schema: str = SCHEMA_ID

    @cached_property
    def _by_id(self) -> dict[str, DocumentEntry]:
        return {e.document.id: e for e in self.documents}

    def entry(self, document_id: str) -> DocumentEntry:
        return self._by_id[document_id]
