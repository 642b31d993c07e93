"""Summaries carry each document's message (issue 17): content checks that fail when the
summarizer picks the wrong sentences, whatever the sentences' form.

- FOMC (../shared, skipped without it): the statement's policy-decision sentence is in its
  summary, for at least 95% of the statements that have one (the evaluation's definition,
  evaluation/summaries.py `is_decision`);
- seeds: each summary holds the key message written in tests/fixtures/seeds_key_facts.json;
- an extractive summary of a series document prefers what its neighbours do not say.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from compare import load, segment
from compare.summarize import ExtractiveSummarizer, Segmented, Weights, features
from compare.types import Brief, Document
from conftest import ROOT
from evaluation.summaries import is_decision

KEY_FACTS = json.loads((ROOT / "tests" / "fixtures" / "seeds_key_facts.json").read_text("utf-8"))["documents"]


def test_seed_summaries_carry_their_key_messages(seeds_brief: Brief) -> None:
    for entry in seeds_brief.documents:
        name = Path(entry.document.path).name
        summary = " ".join(p.text for p in entry.summary.points)
        for group in KEY_FACTS[name]["groups"]:
            assert any(phrase in summary for phrase in group), (name, KEY_FACTS[name]["message"], summary)


@pytest.fixture(scope="module")
def fomc(shared_data: Path, embedder) -> list[tuple[Segmented, list[np.ndarray]]]:  # type: ignore[no-untyped-def]
    """Every FOMC statement with its neighbours' vectors, as pipeline.run passes them."""
    documents = load.read_all(sorted((shared_data / "fomc").glob("*.txt")), {})
    sentences = [segment.segment(d) for d in documents]
    flat = embedder.embed([s.text for g in sentences for s in g])
    bounds = np.cumsum([0] + [len(g) for g in sentences])
    segs = [Segmented(g, flat[bounds[k] : bounds[k + 1]]) for k, g in enumerate(sentences)]
    return [(s, [segs[j].vectors for j in (k - 1, k + 1) if 0 <= j < len(segs)]) for k, s in enumerate(segs)]


@pytest.mark.shared
def test_fomc_summaries_hold_the_policy_decision(fomc: list[tuple[Segmented, list[np.ndarray]]]) -> None:
    summarizer = ExtractiveSummarizer()
    have = [(s, c) for s, c in fomc if any(is_decision(x.text) for x in s.sentences)]
    assert len(have) > 150
    missed = [
        s.sentences[0].text[:80]
        for s, c in have
        if not any(is_decision(p.text) for p in summarizer.summarize(s, 3, c).points)
    ]
    assert len(missed) <= 0.05 * len(have), f"{len(missed)} of {len(have)} summaries miss the decision: {missed[:5]}"


def test_novelty_is_what_the_neighbours_do_not_say(embedder) -> None:  # type: ignore[no-untyped-def]
    """The series cue itself: a sentence a neighbour repeats scores ~0 novelty, a new one high;
    a summarizer weighting novelty picks the new one."""
    boiler = [
        "The Committee seeks to foster maximum employment and price stability over the longer run.",
        "The Committee will continue to monitor the implications of incoming information for the outlook.",
    ]
    fresh = "Severe flooding in the Midwest has disrupted rail freight and farm deliveries."
    texts = [*boiler, fresh]
    doc = Document("d", "d", dt.date(2020, 1, 1), None, " ".join(texts))
    seg = Segmented(segment.segment(doc), embedder.embed(texts))
    assert [x.text for x in seg.sentences] == texts
    novelty = features(seg, [embedder.embed(boiler)])["novelty"]
    assert novelty[0] < 0.05 and novelty[1] < 0.05 and novelty[2] > 0.3
    assert (features(seg)["novelty"] == 0).all(), "no context, no novelty"
    summarizer = ExtractiveSummarizer(series=Weights(lead=0.0, novelty=1.0))
    assert [p.text for p in summarizer.summarize(seg, 1, [embedder.embed(boiler)]).points] == [fresh]


@pytest.fixture(scope="module")
def readouts(shared_data: Path, embedder) -> dict[str, tuple[Segmented, list[np.ndarray]]]:  # type: ignore[no-untyped-def]
    documents = load.read_all(sorted((shared_data / "readouts" / "netanyahu").glob("*.md")), {})
    segs = [_segmented(d, embedder) for d in documents]
    return {
        d.id: (s, [segs[j].vectors for j in (k - 1, k + 1) if 0 <= j < len(segs)])
        for k, (d, s) in enumerate(zip(documents, segs, strict=True))
    }


def _segmented(d: Document, embedder) -> Segmented:  # type: ignore[no-untyped-def]
    sentences = segment.segment(d)
    return Segmented(sentences, embedder.embed([s.text for s in sentences]))


@pytest.mark.shared
def test_readout_summaries_carry_a_labeled_message_more_often_than_lead3(readouts) -> None:  # type: ignore[no-untyped-def]
    """Blind labels (L16r, tests/fixtures/readout_messages_L16r.json): the summary holds a
    message quote, not only the "spoke today with ... discussed" framing."""
    from evaluation.summaries import _label_items, overlaps

    labels = _label_items(json.loads((ROOT / "tests" / "fixtures" / "readout_messages_L16r.json").read_text("utf-8")))
    ours = lead = 0
    for name, lab in labels:
        seg, context = readouts[name]
        picked = [p.text for p in ExtractiveSummarizer().summarize(seg, 3, context).points]
        first = [s.text for s in seg.sentences[:3]]
        ours += any(overlaps(t, q) for t in picked for q in lab["message"])
        lead += any(overlaps(t, q) for t in first for q in lab["message"])
    assert len(labels) >= 20
    assert ours >= 0.8 * len(labels) and ours > lead, (ours, lead, len(labels))
