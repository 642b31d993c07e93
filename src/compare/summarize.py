"""summarize: a segmented document -> `Summary` whose points cite their source sentences.

`ExtractiveSummarizer` (the default) picks the sentences that best cover the document:
closeness to the document's centroid, a lead bonus (early sentences of news and statements
carry the message), and redundancy removal (maximal marginal relevance); the picks are
returned in document order, verbatim, each citing itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .types import Sentence, Summary, SummaryPoint

MIN_WORDS = 6
"""Sentences shorter than this are bylines or fragments; they are picked only as a last resort."""


@dataclass(frozen=True)
class Segmented:
    """A document's sentences with their unit vectors, shape (len(sentences), dim)."""

    sentences: tuple[Sentence, ...]
    vectors: np.ndarray


class Summarizer(Protocol):
    model_id: str
    method: str

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
    """Centroid coverage + lead position + redundancy removal. Weights are set in
    benchmarks/rouge.py's measurements (README, "Summary quality")."""

    lead_weight: float = 0.25
    redundancy: float = 0.5
    model_id: str = "extractive:centroid-lead-mmr"
    method: str = "extractive"

    def scores(self, document: Segmented) -> np.ndarray:
        v = document.vectors
        centroid = v.mean(0)
        norm = np.linalg.norm(centroid)
        coverage = v @ (centroid / norm) if norm > 0 else np.zeros(len(v))
        lead = self.lead_weight / np.sqrt(1.0 + np.arange(len(v)))
        short = np.array([len(s.text.split()) < MIN_WORDS for s in document.sentences])
        return np.asarray(coverage + lead - 10.0 * short)

    def summarize(self, document: Segmented, points: int) -> Summary:
        if not document.sentences:
            return Summary((), self.method, self.model_id)
        picks = select(self.scores(document), document.vectors, points, self.redundancy)
        return Summary(tuple(_verbatim(document.sentences, i) for i in picks), self.method, self.model_id)


def _verbatim(sentences: Sequence[Sentence], i: int) -> SummaryPoint:
    return SummaryPoint(sentences[i].text, (i,), support=1.0, supported=True)
