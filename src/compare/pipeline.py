"""pipeline: the only module that knows the order of the stages: the whole analysis.

Documents -> segment -> embed -> summarize / align -> classify (+ diff, quantities)
          -> lineage, formulations -> lede (significance) -> Brief

Reading files is the caller's (`load`, used by the CLI and `compare.read`); rendering is
`render`'s. Everything a renderer shows is computed here and carried on the `Brief`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from . import lede, redline, segment
from .calibration import calibration, pair_model
from .embed import Embedder
from .errors import UsageError
from .summarize import Segmented, Summarizer
from .types import Baseline, Brief, Cell, Claim, Comparison, Document, DocumentEntry, Status, Thread, WatchGroup

if TYPE_CHECKING:
    from . import align

Progress = Callable[[str], None]


def _silent(_: str) -> None:
    return None


@dataclass(frozen=True)
class Options:
    baseline: Baseline = Baseline.PREVIOUS
    summary_sentences: int = 3
    watch: tuple[str, ...] = ()
    groups: tuple[WatchGroup, ...] = ()
    """Watch-list groups: per group, a grid of which elements each document carries."""


def run(
    documents: Sequence[Document],
    embedder: Embedder,
    summarizer: Summarizer,
    options: Options = Options(),
    progress: Progress = _silent,
) -> Brief:
    """Compare and summarize `documents` (in date order, as `load.read_all` gives them) into
    one `Brief`."""
    if options.summary_sentences < 1:
        raise UsageError(f"a summary needs at least 1 sentence, not {options.summary_sentences}")
    if len(documents) < 2:
        raise UsageError(
            f"need at least two documents to compare, got {len(documents)} "
            f"({', '.join(d.path for d in documents) or 'none'})"
        )
    # imported once the inputs are known good: a bad-input error stays instant (align pulls
    # in scipy.optimize, ~0.3 s)
    from . import align, align_bounded, formulations, grid, lineage

    sentences = []
    for d in documents:
        if len(d.text) > SEGMENT_REPORT_CHARS:  # about 12 s a MB: say what the wait is
            progress(f"segmenting {d.id} ({len(d.text) / 2**20:.1f} M characters)")
        sentences.append(segment.segment(d))
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
    notes = [n for d in documents for n in d.notes] + empty_notes(entries) + truncation_notes(entries)
    notes += cut_off_notes(entries)
    for before, after in pairs(len(documents), options.baseline):
        if align_bounded.needed(len(words[before]), len(words[after])):  # minutes, not seconds
            progress(f"aligning {documents[before].id} → {documents[after].id} (nearest candidates)")
        claims = compare(segmented[before], segmented[after], words[before], words[after], model, embedder)
        if align_bounded.needed(len(words[before]), len(words[after])):
            notes.append(
                f"{documents[before].id} → {documents[after].id}: {len(words[before])} × {len(words[after])} "
                "sentences is too large for the global aligner; sentences were paired by nearest "
                "candidates (rewrites in their place between kept sentences, slots, not searched)."
            )
        # redline (issue 19): the claims laid over the later document's text, in its order
        marked = redline.redline(claims, documents[before], sentences[before], documents[after], sentences[after])
        comparisons.append(Comparison(documents[before].id, documents[after].id, claims, marked))
    skipped: list[tuple[int, tuple[float, float]]] = []
    if options.baseline is Baseline.PREVIOUS:

        def pair(i: int, j: int) -> Comparison:
            claims = compare(segmented[i], segmented[j], words[i], words[j], model, embedder)
            marked = redline.redline(claims, documents[i], sentences[i], documents[j], sentences[j])  # issue 19
            return Comparison(documents[i].id, documents[j].id, claims, marked)

        comparisons, skipped = skip_outliers(comparisons, pair)
        notes += [
            f"{documents[i].id} is not a version of the documents beside it (it shares "
            f"{shares[0]:.0%} of its sentences with {documents[i - 1].id} and {shares[1]:.0%} with "
            f"{documents[i + 1].id}), so it is left out of the comparisons and the lineage: "
            f"{documents[i + 1].id} is compared with {documents[i - 1].id}."
            for i, shares in skipped
        ]
    threads: tuple[Thread, ...] = ()
    if options.baseline is Baseline.PREVIOUS and len(documents) >= 3:
        # the lineage runs over the documents compared; a document left out gets blank cells
        kept = [k for k in range(len(documents)) if k not in {i for i, _ in skipped}]

        def revives(k: int, a: tuple[int, ...], m: int, b: tuple[int, ...]) -> float:
            k, m = kept[k], kept[m]
            z = align.group_logit(model, (segmented[k].vectors, words[k], a), (segmented[m].vectors, words[m], b))
            return float(align.probability(z))

        threads = lineage.lineage([documents[k].id for k in kept], comparisons, revives, model.threshold)
        threads = tuple(_spread(t, kept, len(documents)) for t in threads)
    if len(flat) > EMBED_CHUNK:
        progress("finding key formulations")
    texts = [[s.text for s in g] for g in sentences]
    phrases = formulations.formulations(texts, options.watch)
    brief = Brief(
        entries,
        tuple(comparisons),
        options.baseline,
        embedder.model_id,
        tuple(notes),
        lineage=threads,
        formulations=phrases,
        grids=grid.grids(texts, options.groups),
    )
    weights = calibration().get("significance", {}).get("weights")
    return dataclasses.replace(brief, lede=lede.lede(brief, weights, linked=model.loose_replace_floor))


def compare(
    before: Segmented,
    after: Segmented,
    before_words: Sequence[Sequence[str]],
    after_words: Sequence[Sequence[str]],
    model: align.PairModel,
    embedder: Embedder | None = None,
) -> tuple[Claim, ...]:
    """One document pair's claims: aligned (globally, or by nearest candidates when the pair is
    too large), then classified. With the `embedder`, a changed pair outside close versions that
    keeps its frame is judged by its filler (`classify.filler`)."""
    from . import align, align_bounded, classify

    aligner = align_bounded.align if align_bounded.needed(len(before_words), len(after_words)) else align.align
    alignment = aligner(before.vectors, after.vectors, before_words, after_words, model)
    floor = 0.0 if alignment.close else model.changed_floor
    fillers = None if alignment.close or embedder is None else filler_probability(embedder, model)
    return classify.claims(
        alignment.beads,
        before.sentences,
        after.sentences,
        alignment.versions,
        alignment.replaced,
        floor,
        fillers,
        model.threshold,
    )


def filler_probability(embedder: Embedder, model: align.PairModel) -> Callable[[str, str], float]:
    """The pair model's probability for two short texts (the fillers of one frame)."""
    from . import align

    def probability(a: str, b: str) -> float:
        va, vb = embedder.embed([a, b])
        cosine = float(va @ vb / max(float(np.linalg.norm(va) * np.linalg.norm(vb)), 1e-12))
        return float(align.probability(align.pair_logit(model, cosine, segment.words(a), segment.words(b))))

    return probability


SEGMENT_REPORT_CHARS = 2**20
"""Documents larger than this are announced before they are segmented."""

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


def cut_off_notes(entries: Sequence[DocumentEntry]) -> list[str]:
    """One note per document whose text ends mid-sentence (on an ellipsis, or on a function word
    with no sentence end; a heading ends on neither): the file is likely cut off, so what it
    does not say may be missing from the file rather than dropped by its author (a blind China
    watcher read the seed report's last line, "...a systemic, high-level platform for…", as a
    drop the brief never qualified)."""
    notes = []
    for e in entries:
        if not e.sentences:
            continue
        last = e.sentences[-1].text.rstrip()
        tail = segment.words(last)[-1:]
        if last.endswith(("…", "...")) or (last[-1:].isalpha() and bool(tail) and tail[0] in segment.STOP):
            notes.append(
                f"{e.document.id}: its text ends mid-sentence (“…{' '.join(last.split()[-4:])}”): the file may "
                f"be cut off: a claim it seems to lack may only be missing from the file."
            )
    return notes


def _spread(thread: Thread, kept: Sequence[int], count: int) -> Thread:
    """A thread over the kept documents, laid over all `count` documents (blank elsewhere)."""
    if len(kept) == count:
        return thread
    cells = [Cell("")] * count
    for cell, k in zip(thread.cells, kept, strict=True):
        cells[k] = cell
    return dataclasses.replace(thread, cells=tuple(cells))


def related(c: Comparison) -> float:
    """Share of the two documents' sentences that carry a repeated or changed claim."""
    paired = sum(len(x.before) + len(x.after) for x in c.claims if x.status in (Status.REPEATED, Status.CHANGED))
    total = sum(len(x.before) + len(x.after) for x in c.claims)
    return paired / max(total, 1)


SERIES_SHARE = 0.5
"""Two documents are versions of one text when they share at least this much; a series is of
versions when a third of its consecutive pairs are."""
OUTLIER_SHARE = 0.2
"""A document sharing less than this with both neighbours, in a series of versions whose
neighbours do share, is of another kind (a technical note, a swap-line release)."""


def skip_outliers(
    comparisons: Sequence[Comparison], pair: Callable[[int, int], Comparison]
) -> tuple[list[Comparison], list[tuple[int, tuple[float, float]]]]:
    """Consecutive comparisons with each outlier document left out: the document after it is
    compared with the one before it. Returns the comparisons and, per outlier, its index and
    its shares with its two neighbours."""
    out = list(comparisons)
    shares = [related(c) for c in comparisons]
    if len(shares) < 2 or sum(x >= SERIES_SHARE for x in shares) < len(shares) / 3:
        return out, []  # not a series of versions (readouts, news): nothing is out of kind
    ids = [comparisons[0].before] + [c.after for c in comparisons]
    skipped: list[tuple[int, tuple[float, float]]] = []
    k = 1
    while k < len(out):
        left, right = out[k - 1], out[k]
        if left.after == right.before and related(left) < OUTLIER_SHARE and related(right) < OUTLIER_SHARE:
            bridged = pair(ids.index(left.before), ids.index(right.after))
            if related(bridged) >= SERIES_SHARE:
                skipped.append((ids.index(right.before), (related(left), related(right))))
                out[k - 1 : k + 1] = [bridged]
                continue
        k += 1
    return out, skipped


def pairs(count: int, baseline: Baseline) -> list[tuple[int, int]]:
    """Which documents are compared: each with the previous one, or each with the first."""
    if baseline is Baseline.FIRST:
        return [(0, k) for k in range(1, count)]
    return [(k - 1, k) for k in range(1, count)]
