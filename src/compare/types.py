"""Plain data that crosses module boundaries. Nothing here does I/O or imports a model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

SCHEMA_ID = "compare.brief/2"


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


class View(StrEnum):
    FULL = "full"
    REDLINE = "redline"


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
    notes: tuple[str, ...] = ()
    """What the reader had to do to read the file (bad bytes replaced, another encoding, the
    same file given twice); the pipeline adds them to the brief's notes."""
    date_source: str | None = None
    """Where the date came from: '--date', 'header', 'front matter', 'file name', 'text' (a
    date line near the top), 'page metadata', 'pdf metadata' or 'docx metadata'."""
    extractor: str | None = None
    """What turned the file into `text`: 'text', 'markdown', or a reader library and version."""


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
    probability (the calibrated P(same claim), `align.PairModel`). Every sentence of both
    documents lands in exactly one bead."""

    before: tuple[int, ...]
    after: tuple[int, ...]
    probability: float | None = None


@dataclass(frozen=True)
class Alignment:
    """Two documents' beads, in reading order, and whether the aligner read the documents as
    versions of one text (`align.versions`), which decides how a total rewrite is classified."""

    beads: tuple[Bead, ...]
    versions: bool
    replaced: tuple[Bead, ...] = ()
    """Pairs of a dropped and a new sentence, the new one in the dropped one's place (`align.in_place`),
    with their pair probability: two claims, linked."""
    close: bool = False
    """Close versions of one text (`PairModel.close_reuse`): a pair's place vouches for it."""


WEAK_PAIR = 0.5
"""A pair the pair model gives less than these odds of being one claim is shown as weak ("paired
by place, p 0.21")."""


def is_weak(probability: float | None) -> bool:
    return probability is not None and probability < WEAK_PAIR


@dataclass(frozen=True)
class Claim:
    status: Status
    before: tuple[int, ...]
    after: tuple[int, ...]
    pair_probability: float | None = None
    """P(same claim) of a repeated or changed pair; for a new claim that `replaces` a dropped
    one, of that pair (too low to call them one claim); None otherwise."""
    diff: tuple[DiffOp, ...] = ()
    mechanical: bool = False
    numbers: tuple[NumberChange, ...] = ()
    replaces: tuple[int, ...] = ()
    """For a new claim: the earlier document's sentences (a dropped claim) whose place it took."""

    @property
    def low_confidence(self) -> bool:
        """A changed pair the pair model gives less than even odds of being one claim."""
        return self.status is Status.CHANGED and is_weak(self.pair_probability)


@dataclass(frozen=True)
class RedlineSegment:
    """A run of the redline (`compare.redline`): `equal` text is in both documents, `delete`
    only in the earlier, `insert` only in the later; `claim` indexes the comparison's claims
    (None: text between sentences); `moved` marks a claim shown at its new place (insert) and
    struck where it was (delete)."""

    op: Op
    text: str
    claim: int | None = None
    moved: bool = False


@dataclass(frozen=True)
class Comparison:
    before: str
    after: str
    claims: tuple[Claim, ...]
    redline: tuple[RedlineSegment, ...] = ()
    """The later document in its own order with every edit in place (empty when not built)."""

    def with_status(self, status: Status) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.status is status)

    @property
    def carried(self) -> tuple[int, int]:
        """(sentences carried over, sentences) of the shorter document: those in repeated or
        changed claims. Few carried over means the later document is about something else
        as much as it changes the line."""
        paired = (Status.REPEATED, Status.CHANGED)
        sides = [
            (
                sum(len(getattr(c, side)) for c in self.claims if c.status in paired),
                sum(len(getattr(c, side)) for c in self.claims),
            )
            for side in ("before", "after")
        ]
        return min(sides, key=lambda x: (x[1], x[0]))


@dataclass(frozen=True)
class Cell:
    """A thread's state in one document: status and the sentences that carry the claim."""

    status: str
    sentences: tuple[int, ...] = ()
    mechanical: bool = False
    """A `repeated` cell whose sentence changed only in dates, years or punctuation."""
    span: int = 0
    """For `revived`: the documents the claim was absent from before it came back."""
    probability: float | None = None
    """For `changed`: the pair probability of the pair that carried the claim here."""

    @property
    def weak(self) -> bool:
        """A change the pair model gives less than even odds of being the same claim: the thread
        may have passed to another message here ("the upcoming Peace Summit" -> "outcomes ... at
        the NATO Summit", 0.21, read as one claim by a blind readout watcher)."""
        return self.status == "changed" and is_weak(self.probability)


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
class Shift:
    """At document `at` (the first without the phrase), the phrases that took its place."""

    at: int
    to: tuple[str, ...]


@dataclass(frozen=True)
class Formulation:
    phrase: str
    counts: tuple[int, ...]
    """Occurrences in each document, in document order."""
    watched: bool = False
    shifts: tuple[Shift, ...] = ()
    """What replaced the phrase at each of its exits that has a replacement."""
    wording: str = ""
    """The words around the phrase in most of its uses, when they are more than the phrase
    ("policy accommodation can be removed at a pace" for "removed"): what it is a part of."""

    @property
    def first(self) -> int | None:
        """Index of the first document that uses the phrase (None: no document does)."""
        return next((i for i, c in enumerate(self.counts) if c), None)

    @property
    def last(self) -> int | None:
        """Index of the last document that uses the phrase (None: no document does)."""
        return max((i for i, c in enumerate(self.counts) if c), default=None)

    @property
    def gone(self) -> int | None:
        """Index of the document from which the phrase no longer appears, if it stops."""
        last = self.last
        return last + 1 if last is not None and last + 1 < len(self.counts) else None

    @property
    def documents(self) -> int:
        """How many documents use the phrase."""
        return sum(1 for c in self.counts if c)

    @property
    def runs(self) -> tuple[tuple[int, int], ...]:
        """(first, last) document index of each run of documents that use the phrase; the
        gaps are between runs."""
        out: list[tuple[int, int]] = []
        for i, c in enumerate(self.counts):
            if c and out and out[-1][1] == i - 1:
                out[-1] = (out[-1][0], i)
            elif c:
                out.append((i, i))
        return tuple(out)

    def shifted_at(self, k: int) -> tuple[str, ...]:
        """What replaced the phrase in document `k`, if it stopped there."""
        return next((s.to for s in self.shifts if s.at == k), ())

    @property
    def shifted_to(self) -> tuple[str, ...]:
        """Every phrase that replaced this one at some exit, in order, once each."""
        return tuple(dict.fromkeys(p for s in self.shifts for p in s.to))


@dataclass(frozen=True)
class WatchGroup:
    """The elements of one formula a watcher follows together (a watch-list group: the
    policy's label, the documents it cites, "peaceful means"), under the group's name."""

    name: str
    elements: tuple[str, ...]


@dataclass(frozen=True)
class Grid:
    """Which elements of a watch-list group each document carries: one watched `Formulation`
    per element (its counts count variants), in the order of the watch list."""

    name: str
    elements: tuple[Formulation, ...]


class Kind(StrEnum):
    """Why a lede item is there: what kind of change a reader is shown."""

    ACTION = "policy-action"  # quantities changed, or a new/dropped decision with quantities
    GUIDANCE = "guidance"  # date-based guidance moved ("through mid-2013" -> "late 2014")
    PHRASE_DROPPED = "formulation-dropped"  # a watched or shifted key formulation stops
    PHRASE_NEW = "formulation-new"  # a watched key formulation starts
    VOTE = "vote"  # a vote or dissent changed ("dissent: 50 basis points -> none")
    SHIFT = "shift"  # a wording shift with a direction (stronger, weaker, hedged)
    REWRITTEN = "rewritten"  # changed, few words kept: reads as a new claim in its place
    DROPPED = "dropped"
    NEW = "new"
    REWORDED = "reworded"  # changed, otherwise
    REPEATED = "reworded-repeat"  # repeated, wording differs in typography only
    MECHANICAL = "mechanical"  # calendar or punctuation only


@dataclass(frozen=True)
class LedeItem:
    """One line of a comparison's "What changed": a claim (by its position in the comparison)
    or a key formulation (`phrase`, with `claim` None); why it is there (`kind`, `reason`, the
    tone `direction`), its significance `score` and the `features` that gave it; the sentences
    that show it on each side."""

    comparison: int
    claim: int | None
    kind: Kind
    score: float
    reason: str
    before: tuple[int, ...] = ()
    after: tuple[int, ...] = ()
    phrase: str | None = None
    direction: str = ""
    features: Mapping[str, float] = field(default_factory=dict, compare=False)

    @property
    def shows_diff(self) -> bool:
        """A claim with words on both sides is shown as its word diff; others as text."""
        return self.phrase is None and bool(self.before) and bool(self.after)


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
    lede: tuple[tuple[LedeItem, ...], ...] = ()
    """Per comparison, the changes a reader should see first, most significant first."""
    schema: str = SCHEMA_ID
    grids: tuple[Grid, ...] = ()
    """Per watch-list group, which of its elements each document carries."""

    @cached_property
    def _by_id(self) -> dict[str, DocumentEntry]:
        return {e.document.id: e for e in self.documents}

    def entry(self, document_id: str) -> DocumentEntry:
        return self._by_id[document_id]

    def __repr__(self) -> str:
        # the generated repr would print every sentence of every document
        dates = [e.document.date for e in self.documents]
        span = f", {min(dates)} to {max(dates)}" if dates else ""
        n, m = len(self.documents), len(self.comparisons)
        return f"<Brief: {n} document{'s' * (n != 1)}{span}, {m} comparison{'s' * (m != 1)}>"

    def to_markdown(self) -> str:
        """The brief as Markdown, as `compare` prints it."""
        from .render import render

        return render(self, Format.MARKDOWN)

    def to_html(self) -> str:
        """The brief as one self-contained HTML page."""
        from .render import render

        return render(self, Format.HTML)

    def to_json(self) -> str:
        """The brief as JSON (the compare.brief/2 contract; `compare schema` prints its schema)."""
        from .render import render

        return render(self, Format.JSON)

    def _repr_html_(self) -> str:
        """Jupyter shows the HTML brief in a frame, so its page styles stay out of the notebook."""
        from html import escape

        return (
            f'<iframe srcdoc="{escape(self.to_html(), quote=True)}" style="width:100%;height:40em;border:0"></iframe>'
        )
