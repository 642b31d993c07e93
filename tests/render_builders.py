"""Tiny in-test brief builders: documents from lists of sentences, claims from short specs."""

from __future__ import annotations

import datetime as dt

from compare.classify import classify, with_document_numbers
from compare.types import (
    Baseline,
    Bead,
    Brief,
    Claim,
    Comparison,
    Document,
    DocumentEntry,
    Sentence,
    Summary,
    SummaryPoint,
)


def entry(doc_id: str, day: str, sentences: list[str], title: str | None = None) -> DocumentEntry:
    """A document whose text is its sentences joined by spaces (title line first, if any)."""
    text = f"{title}\n\n" if title else ""
    out = []
    for k, s in enumerate(sentences):
        start = len(text)
        text += s + " "
        out.append(Sentence(k, s, start, start + len(s)))
    doc = Document(doc_id, f"{doc_id}.txt", dt.date.fromisoformat(day), title, text)
    summary = Summary((SummaryPoint(sentences[0], (0,)),), "extractive") if sentences else Summary((), "extractive")
    return DocumentEntry(doc, tuple(out), summary)


def brief(*docs: DocumentEntry, beads: list[list[Bead]]) -> Brief:
    """A brief whose comparisons (each document against the previous) come from `beads`,
    classified by the real `classify` so diffs and numbers are the real ones."""
    comparisons = []
    for k, bs in enumerate(beads):
        a, b = docs[k], docs[k + 1]
        claims = with_document_numbers([classify(x, a.sentences, b.sentences) for x in bs], a.sentences, b.sentences)
        comparisons.append(Comparison(a.document.id, b.document.id, claims))
    return Brief(tuple(docs), tuple(comparisons), Baseline.PREVIOUS, "test-embedder")


def claims_of(b: Brief, k: int = 0) -> tuple[Claim, ...]:
    return b.comparisons[k].claims


B = Bead
