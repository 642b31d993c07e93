"""The whole FOMC series (194 statements) as a Fed watcher runs it: what is read first is
right (issue 16). Skips without ../shared."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compare import load, pipeline, quantities
from compare.summarize import ExtractiveSummarizer
from compare.types import Kind, Status, joined

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def series(shared_data: Path, embedder):
    docs = load.read_all(sorted((shared_data / "fomc").glob("*.txt")))
    return pipeline.run(docs, embedder, ExtractiveSummarizer())


def _text(brief, comparison, claim) -> str:
    if claim.after:
        return joined(brief.entry(comparison.after).sentences, claim.after)
    return joined(brief.entry(comparison.before).sentences, claim.before)


def test_no_quantity_change_is_ever_mechanical(series) -> None:
    for c in series.comparisons:
        for claim in c.claims:
            if claim.status is Status.CHANGED and claim.mechanical:
                old = joined(series.entry(c.before).sentences, claim.before)
                new = joined(series.entry(c.after).sentences, claim.after)
                assert [q.value for q in quantities.parse(old)] == [q.value for q in quantities.parse(new)], (
                    c.after,
                    new,
                )


def test_no_residue_line_in_any_lede(series) -> None:
    for c, items in zip(series.comparisons, series.lede, strict=True):
        for item in items:
            if item.claim is None:
                continue
            text = " ".join(_text(series, c, c.claims[item.claim]).split())
            assert len(text.split()) >= 4 and not re.match(r"(?:19|20)\d\d Monetary policy", text), (c.after, text)
            assert "Related Information" not in text and "KB PDF" not in text, (c.after, text)


@pytest.mark.parametrize(
    ("after", "want", "within"),
    [
        ("20191030", "1-1/2 to 1-3/4 percent", 1),  # the cut after the 2019-10-11 technical note
        ("20151216", "1/4 to 1/2 percent", 1),  # the first rise in nine years
        ("20081216", "0 to 1/4 percent", 1),  # to the zero bound
        ("20120913", "$40 billion per month", 1),  # QE3 launched in new sentences
        # a taper step: among the first items (that meeting also replaced its 6-1/2 percent
        # threshold guidance, which a watcher may lead with)
        ("20140319", "$25 billion per month", 3),
    ],
)
def test_policy_actions_lead_their_comparison(series, after: str, want: str, within: int) -> None:
    k = next(i for i, c in enumerate(series.comparisons) if c.after == after)
    first = series.lede[k][:within]
    assert any(item.kind is Kind.ACTION and want in item.reason for item in first), [i.reason for i in first]


def test_documents_of_another_kind_are_named_and_skipped(series) -> None:
    skipped = {n.split()[0] for n in series.notes if "is not a version" in n}
    assert {"20191011", "20100509"} <= skipped
    assert ("20190918", "20191030") in [(c.before, c.after) for c in series.comparisons]
