"""pipeline: the only module that knows the order of the stages.

files -> load -> segment -> embed -> summarize / align -> classify (+ diff) -> Brief
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from . import load, segment
from .embed import Embedder
from .errors import UsageError
from .summarize import Segmented, Summarizer
from .types import Baseline, Brief, Claim, Comparison, DocumentEntry, Thread

if TYPE_CHECKING:
    from . import align

Progress = Callable[[str], None]


def _silent(_: str) -> None:
    return None


@dataclass(frozen=True)
class Options:
    baseline: Baseline = Baseline.PREVIOUS
    summary_sentences: int = 3
    dates: Mapping[str, dt.date] = field(default_factory=dict)
    watch: tuple[str, ...] = ()


def calibration() -> dict[str, Any]:
    """The calibration file shipped with the package: the pair model and the figures it was
    fitted with (scripts/calibrate.py writes it)."""
    raw: dict[str, Any] = json.loads(resources.files("compare").joinpath("calibration.json").read_text("utf-8"))
    return raw


def pair_model() -> align.PairModel:
    """The calibrated pair model shipped with the package."""
    from . import align

    return align.PairModel(**calibration()["pair_model"])


def run(
    paths: Sequence[Path],
    embedder: Embedder,
    summarizer: Summarizer,
    options: Options = Options(),
    progress: Progress = _silent,
) -> Brief:
    """Read, compare and summarize `paths` into one `Brief`."""
    if options.summary_sentences < 1:
        raise UsageError("--summary-sentences must be at least 1")
    documents = load.read_all(paths, options.dates)
    if len(documents) < 2:
        raise UsageError(
            f"need at least two documents to compare, got {len(documents)} "
            f"({', '.join(d.path for d in documents) or 'none'})"
        )
    # imported once the inputs are known good: a bad-input error stays instant (align pulls
    # in scipy.optimize, ~0.3 s)
    from . import align, align_bounded, formulations, lineage

    sentences = [segment.segment(d) for d in documents]
    progress(f"embedding {sum(map(len, sentences))} sentences from {len(documents)} documents")
    flat = [s.text for group in sentences for s in group]
    vectors = embed_in_chunks(embedder, flat, progress)
    bounds = np.cumsum([0] + [len(g) for g in sentences])
    segmented = [Segmented(g, vectors[bounds[k] : bounds[k + 1]]) for k, g in enumerate(sentences)]
    progress(f"summarizing ({summarizer.method})")
    # each summary sees its neighbours' vectors, so that it can prefer what this document adds
    entries = tuple(
        DocumentEntry(
            d,
            s.sentences,
            summarizer.summarize(
                s, options.summary_sentences, [segmented[j].vectors for j in (k - 1, k + 1) if 0 <= j < len(segmented)]
            ),
        )
        for k, (d, s) in enumerate(zip(documents, segmented, strict=True))
    )
    model = pair_model()
    words = [[segment.words(s.text) for s in g] for g in sentences]
    comparisons = []
    notes = empty_notes(entries) + truncation_notes(entries)
    for before, after in pairs(len(documents), options.baseline):
        claims = compare(segmented[before], segmented[after], words[before], words[after], model)
        if align_bounded.needed(len(words[before]), len(words[after])):
            notes.append(
                f"{documents[before].id} → {documents[after].id}: {len(words[before])} × {len(words[after])} "
                "sentences is too large for the global aligner; sentences were paired by nearest "
                "candidates (rewrites in their place between kept sentences, slots, not searched)."
            )
        comparisons.append(Comparison(documents[before].id, documents[after].id, claims))
    threads: tuple[Thread, ...] = ()
    if options.baseline is Baseline.PREVIOUS and len(documents) >= 3:

        def revives(k: int, a: tuple[int, ...], m: int, b: tuple[int, ...]) -> float:
            z = align.group_logit(model, (segmented[k].vectors, words[k], a), (segmented[m].vectors, words[m], b))
            return float(1 / (1 + np.exp(-z)))

        threads = lineage.lineage([d.id for d in documents], comparisons, revives, model.threshold)
    phrases = formulations.formulations([[s.text for s in g] for g in sentences], options.watch)
    return Brief(
        entries,
        tuple(comparisons),
        options.baseline,
        embedder.model_id,
        tuple(notes),
        lineage=threads,
        formulations=phrases,
    )


def compare(
    before: Segmented,
    after: Segmented,
    before_words: Sequence[Sequence[str]],
    after_words: Sequence[Sequence[str]],
    model: align.PairModel,
) -> tuple[Claim, ...]:
    """One document pair's claims: aligned (globally, or by nearest candidates when the pair is
    too large), then classified."""
    from . import align, align_bounded, classify

    aligner = align_bounded.align if align_bounded.needed(len(before_words), len(after_words)) else align.align
    alignment = aligner(before.vectors, after.vectors, before_words, after_words, model)
    return classify.claims(alignment.beads, before.sentences, after.sentences, alignment.versions)


EMBED_CHUNK = 5000
"""Sentences per embedding call in a large run, so that progress can be reported."""


def embed_in_chunks(embedder: Embedder, texts: list[str], progress: Progress) -> np.ndarray:
    """All vectors, in order; a run larger than EMBED_CHUNK reports progress after each chunk."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    if len(texts) <= EMBED_CHUNK:
        return embedder.embed(texts)
    parts = []
    for start in range(0, len(texts), EMBED_CHUNK):
        parts.append(embedder.embed(texts[start : start + EMBED_CHUNK]))
        progress(f"embedded {min(start + EMBED_CHUNK, len(texts))} of {len(texts)} sentences")
    return np.concatenate(parts)


def empty_notes(entries: Sequence[DocumentEntry]) -> list[str]:
    """One note per document that has text but no claim sentence (only a title or residue)."""
    return [
        f"{e.document.id}: no sentence to compare (only a title, a date line or page residue)"
        for e in entries
        if not e.sentences
    ]


def truncation_notes(entries: Sequence[DocumentEntry]) -> list[str]:
    """One note per document in which an over-long run of text was cut into pieces."""
    notes = []
    for e in entries:
        cut = sum(s.truncated for s in e.sentences)
        if cut:
            notes.append(
                f"{e.document.id}: {cut} sentence pieces come from text with no sentence end for more "
                f"than {segment.MAX_SENTENCE_CHARS} characters, cut into pieces (marked truncated)."
            )
    return notes


def pairs(count: int, baseline: Baseline) -> list[tuple[int, int]]:
    """Which documents are compared: each with the previous one, or each with the first."""
    if baseline is Baseline.FIRST:
        return [(0, k) for k in range(1, count)]
    return [(k - 1, k) for k in range(1, count)]
