"""A document of another kind inside a series of versions (a technical note between two
statements) is left out, and the next document is compared with the last of the series."""

from __future__ import annotations

from pathlib import Path

from compare import load, pipeline
from compare.summarize import ExtractiveSummarizer
from compare.types import Claim, Comparison, Kind, Status


def comp(a: str, b: str, repeated: int, new: int) -> Comparison:
    claims = [Claim(Status.REPEATED, (i,), (i,)) for i in range(repeated)]
    claims += [Claim(Status.NEW, (), (repeated + i,)) for i in range(new)]
    claims += [Claim(Status.DROPPED, (repeated + i,), ()) for i in range(new)]
    return Comparison(a, b, tuple(claims))


def test_an_outlier_is_skipped_and_its_neighbours_compared() -> None:
    series = [comp("a", "b", 8, 1), comp("b", "c", 0, 5), comp("c", "d", 0, 6), comp("d", "e", 7, 1)]
    asked = []

    def pair(i: int, j: int) -> Comparison:
        asked.append((i, j))
        return comp("b", "d", 8, 1)

    out, skipped = pipeline.skip_outliers(series, pair)
    assert asked == [(1, 3)]
    assert [(c.before, c.after) for c in out] == [("a", "b"), ("b", "d"), ("d", "e")]
    assert [i for i, _ in skipped] == [2]


def test_loosely_related_series_are_left_alone() -> None:
    series = [comp("a", "b", 0, 5), comp("b", "c", 0, 5), comp("c", "d", 0, 5)]
    out, skipped = pipeline.skip_outliers(series, lambda i, j: comp("x", "y", 9, 0))
    assert out == series and skipped == []


def test_the_2019_technical_note_does_not_hide_the_october_cut(shared_data: Path, embedder) -> None:
    days = ["20190731", "20190918", "20191011", "20191030"]
    docs = load.read_all([shared_data / "fomc" / f"{d}.txt" for d in days])
    brief = pipeline.run(docs, embedder, ExtractiveSummarizer())
    assert [(c.before, c.after) for c in brief.comparisons] == [("20190731", "20190918"), ("20190918", "20191030")]
    assert any("20191011 is not a version" in n for n in brief.notes)
    first = brief.lede[1][0]
    assert first.kind is Kind.ACTION
    assert "1-1/2 to 1-3/4 percent" in first.reason
