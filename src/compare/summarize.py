"""summarize: a segmented document -> `Summary` whose points cite their source sentences.

`ExtractiveSummarizer` (the default) picks the sentences that best cover the document:
closeness to a lead-weighted centroid, a lead bonus (early sentences of news and statements
carry the message), a penalty for run-on "sentences" (captions glued together) and redundancy
removal (maximal marginal relevance); the picks are returned in document order, verbatim,
each citing itself. The abstractive strategy lives in `abstractive` (it loads a language
model); `evidence` here is what both use to tie a point to the sentences that support it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .types import Sentence, Summary, SummaryPoint

MIN_WORDS = 6
"""Sentences shorter than this are bylines or fragments; they are picked only as a last resort."""
MAX_WORDS = 60
"""Longer "sentences" are mostly captions and headlines run together; they are penalized."""
SUPPORT_BAR = 0.49
"""A generated point whose best MiniLM cosine with a source sentence is below this is flagged
unsupported. Calibrated on SummEval CNN/DM (`benchmarks/rouge.py --calibrate-support`): at
0.49, 84.6% of reference-summary sentences pass against their own article and 0.9% against
another article (332 sentences)."""
MAX_SOURCES = 3
SOURCE_MARGIN = 0.05
"""Besides the best sentence, sentences within this cosine of it (and above the bar) are cited."""


@dataclass(frozen=True)
class Segmented:
    """A document's sentences with their unit vectors, shape (len(sentences), dim)."""

    sentences: tuple[Sentence, ...]
    vectors: np.ndarray


class Summarizer(Protocol):
    @property
    def model_id(self) -> str: ...

    @property
    def method(self) -> str: ...

    def summarize(self, document: Segmented, points: int) -> Summary: ...


def select(scores: np.ndarray, vectors: np.ndarray, k: int, redundancy: float) -> list[int]:
    """Maximal marginal relevance: repeatedly take the sentence whose score minus
    `redundancy` x (its highest cosine to a taken sentence) is largest; return indices in
    document order."""
    chosen: list[int] = []
    k = min(k, len(scores))
    while len(chosen) < k:
        penalty = (vectors @ vectors[chosen].T).max(1) if chosen else np.zeros(len(scores))
        gain = scores - redundancy * penalty
        gain[chosen] = -np.inf
        chosen.append(int(np.argmax(gain)))
    return sorted(chosen)


@dataclass(frozen=True)
class ExtractiveSummarizer:
    """Centroid coverage + lead position + redundancy removal. The default weights were
    chosen by `benchmarks/rouge.py --tune` on SummEval CNN/DM articles 1-50 and checked on
    51-100 (README, "Summary quality")."""

    lead_weight: float = 0.5
    lead_decay: float = 1.0
    centroid_decay: float = 1.0
    redundancy: float = 0.6
    long_penalty: float = 0.5
    model_id: str = "extractive:centroid-lead-mmr"
    method: str = "extractive"

    def scores(self, document: Segmented) -> np.ndarray:
        """Per-sentence score, shape (n,): cosine to the centroid whose sentences are weighted
        1/(1+i)^centroid_decay, plus lead_weight/(1+i)^lead_decay, minus length penalties."""
        v = document.vectors
        position = 1.0 + np.arange(len(v))
        centroid = (v / position[:, None] ** self.centroid_decay).sum(0)
        norm = np.linalg.norm(centroid)
        coverage = v @ (centroid / norm) if norm > 0 else np.zeros(len(v))
        lead = self.lead_weight / position**self.lead_decay
        n_words = np.array([len(s.text.split()) for s in document.sentences])
        return np.asarray(coverage + lead - 10.0 * (n_words < MIN_WORDS) - self.long_penalty * (n_words > MAX_WORDS))

    def summarize(self, document: Segmented, points: int) -> Summary:
        if not document.sentences:
            return Summary((), self.method, self.model_id)
        picks = select(self.scores(document), document.vectors, points, self.redundancy)
        return Summary(tuple(_verbatim(document.sentences, i) for i in picks), self.method, self.model_id)


def _verbatim(sentences: Sequence[Sentence], i: int) -> SummaryPoint:
    return SummaryPoint(sentences[i].text, (i,), support=1.0, supported=True)


def evidence(point: np.ndarray, sentences: np.ndarray, bar: float = SUPPORT_BAR) -> tuple[tuple[int, ...], float, bool]:
    """Sources, support and verdict for one generated point. `point` is a unit vector of shape
    (dim,), `sentences` the document's unit vectors, shape (n, dim). The best-matching sentence
    is always cited (so every point has a source to check); sentences within SOURCE_MARGIN of
    it and above the bar are cited too, best first. Support is the best cosine."""
    if len(sentences) == 0:
        return (), 0.0, False
    cos = sentences @ point
    order = [int(i) for i in np.argsort(-cos, kind="stable")[:MAX_SOURCES]]
    best = float(cos[order[0]])
    sources = [order[0]] + [i for i in order[1:] if cos[i] >= max(bar, best - SOURCE_MARGIN)]
    support = round(best, 4)
    return tuple(sorted(sources)), support, support >= bar
