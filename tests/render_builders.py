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


def long_series(n: int = 60) -> Brief:
    """A statement series of `n` documents, one a month from 2010: boilerplate, a guidance
    sentence whose phrase enters and leaves, and a description rewritten each time; with its
    lineage (no revivals) and formulations computed by the real stages."""
    import dataclasses

    from compare.formulations import formulations
    from compare.lineage import lineage

    words = ["rose", "fell", "was flat", "edged up", "slowed"]
    docs = []
    for k in range(n):
        guidance = "for a considerable period" if n // 4 <= k < n // 2 else "for some time"
        docs.append(
            entry(
                f"d{k:03}",
                f"{2010 + k // 12}-{k % 12 + 1:02}-15",
                [
                    "The Committee seeks to foster maximum employment and price stability.",
                    f"The Committee judges that policy accommodation can be maintained {guidance}.",
                    f"Business spending {words[k % 5]} and housing {words[(3 * k + 1) % 5]} in month {k}.",
                ],
            )
        )
    beads = [[Bead((0,), (0,), 1.0), Bead((1,), (1,), 0.9), Bead((2,), (2,), 0.6)] for _ in range(n - 1)]
    b = brief(*docs, beads=beads)
    threads = lineage([d.document.id for d in docs], b.comparisons, lambda *a: 0.0, 0.5)
    phrases = formulations([[s.text for s in d.sentences] for d in docs])
    return dataclasses.replace(b, lineage=threads, formulations=phrases)
