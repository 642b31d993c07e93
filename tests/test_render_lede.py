"""lede: which claims a reader sees first, and in what order. Tables over tiny briefs."""

from __future__ import annotations

import pytest

from compare import lede
from compare.lede import Kind
from compare.types import DiffOp, Op
from render_builders import B, brief, entry

RATE_OLD = "The Committee decided to keep the target range at 0 to 1/4 percent."
RATE_NEW = "The Committee decided to raise the target range to 1/4 to 1/2 percent."
RISK_OLD = "The Committee sees the risks to the outlook as nearly balanced."
RISK_NEW = "The Committee sees the risks to the outlook as balanced."
DATE_OLD = "Information received since the Committee met in July shows growth."
DATE_NEW = "Information received since the Committee met in September shows growth."
WORD_OLD = "Household spending has been rising and business investment has grown."
WORD_NEW = "Household spending has been rising and business investment has increased."
SAME = "The Committee seeks to foster maximum employment and price stability."
DROP = "It is imperative to relieve the stranglehold on core technologies."
NEW = "The article names six key areas of basic research."
PLAIN_NEW = "A new sentence appears here."


def one(old: str | None, new: str | None) -> tuple[Kind, str] | None:
    """Kind and reason of the single claim made of `old` and/or `new`."""
    before = [old] if old else []
    after = [new] if new else []
    bead = B((0,) if old else (), (0,) if new else (), 0.9)
    b = brief(entry("a", "2020-01-01", before), entry("b", "2020-02-01", after), beads=[[bead]])
    claim = b.comparisons[0].claims[0]
    got = lede.classify_claim(claim, new or old or "")
    return None if got is None else (got[0], got[2])


@pytest.mark.parametrize(
    ("old", "new", "kind", "reason"),
    [
        (RATE_OLD, RATE_NEW, Kind.SHIFT, "0 to 1/4 percent → 1/4 to 1/2 percent"),
        (RISK_OLD, RISK_NEW, Kind.SHIFT, "intensity words: nearly"),
        (DATE_OLD, DATE_NEW, Kind.MECHANICAL, "only dates or punctuation changed"),
        (WORD_OLD, WORD_NEW, Kind.REWORDED, ""),
        (DROP, None, Kind.DROPPED, "intensity words: imperative, stranglehold"),
        (None, NEW, Kind.NEW, "intensity words: key"),
        (None, PLAIN_NEW, Kind.NEW, ""),
        (
            "The cat sat on the mat today.",
            "Markets rallied on strong earnings news.",
            Kind.REWRITTEN,
            "intensity words: strong",
        ),
    ],
)
def test_kind_and_reason(old: str | None, new: str | None, kind: Kind, reason: str) -> None:
    assert one(old, new) == (kind, reason)


def test_plain_repeats_never_enter_the_lede() -> None:
    assert one(SAME, SAME) is None


def test_ranking_order_and_limit() -> None:
    before = [SAME, WORD_OLD, DATE_OLD, RISK_OLD, DROP, RATE_OLD]
    after = [SAME, WORD_NEW, DATE_NEW, RISK_NEW, RATE_NEW, PLAIN_NEW, NEW]
    beads = [
        B((0,), (0,), 1.0),  # repeated
        B((1,), (1,), 0.9),  # reworded
        B((2,), (2,), 0.9),  # mechanical
        B((3,), (3,), 0.9),  # shift: intensity
        B((4,), (), None),  # dropped
        B((5,), (4,), 0.8),  # shift: numbers
        B((), (5,), None),  # new, plain
        B((), (6,), None),  # new, salient
    ]
    b = brief(entry("a", "2020-01-01", before), entry("b", "2020-02-01", after), beads=[beads])
    ranked = [(i.claim, i.kind) for i in lede.rank_comparison(b, 0)]
    assert ranked == [
        (5, Kind.SHIFT),  # numbers outweigh wording
        (3, Kind.SHIFT),
        (4, Kind.DROPPED),  # two intensity words
        (7, Kind.NEW),  # one
        (6, Kind.NEW),
        (1, Kind.REWORDED),
        (2, Kind.MECHANICAL),  # mechanical last
    ]
    assert [i.claim for i in lede.rank_comparison(b, 0, limit=3)] == [5, 3, 4]
    assert len(lede.lede(b)) == 1


def test_ties_put_dropped_before_new_then_document_order() -> None:
    b = brief(
        entry("a", "2020-01-01", ["First old point.", "Second old point."]),
        entry("b", "2020-02-01", ["First new point."]),
        beads=[[B((0,), (), None), B((), (0,), None), B((1,), (), None)]],
    )
    assert [i.claim for i in lede.rank_comparison(b, 0)] == [0, 2, 1]


@pytest.mark.parametrize(
    ("ops", "context", "expected"),
    [
        (
            [
                ("equal", "one two three four five six seven eight "),
                ("delete", "nine"),
                ("insert", "ten"),
            ],
            2,
            [("equal", "… seven eight "), ("delete", "nine"), ("insert", "ten")],
        ),
        (
            [("delete", "a"), ("equal", " b c d e f g h i "), ("insert", "z")],
            1,
            [("delete", "a"), ("equal", " b … i "), ("insert", "z")],
        ),
        ([("equal", "short run "), ("insert", "x")], 4, [("equal", "short run "), ("insert", "x")]),
        ([("insert", "x"), ("equal", " a b c d e f.")], 2, [("insert", "x"), ("equal", " a b …")]),
    ],
)
def test_compact(ops: list[tuple[str, str]], context: int, expected: list[tuple[str, str]]) -> None:
    got = lede.compact(tuple(DiffOp(Op(o), t) for o, t in ops), context)
    assert [(d.op.value, d.text) for d in got] == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [("a b c", 3, "a b c"), ("a b c d", 3, "a b c …"), ("", 3, "")],
)
def test_shorten(text: str, words: int, expected: str) -> None:
    assert lede.shorten(text, words) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Risks are NEARLY balanced, nearly.", ["risks", "nearly", "balanced"]),
        ("No such words here.", []),
        ("It is urgent—the only way.", ["urgent", "only"]),
    ],
)
def test_intensity_words(text: str, expected: list[str]) -> None:
    assert lede.intensity_words(text) == expected


def test_watched_and_shifted_formulations_lead() -> None:
    import dataclasses

    from compare.types import Formulation, Shift

    b = brief(
        entry("a", "2020-01-01", ["Risks are nearly balanced.", "Policy is patient."]),
        entry("b", "2020-02-01", ["Risks are balanced.", "Policy is data dependent."]),
        beads=[[B((0,), (0,), 0.9), B((1,), (1,), 0.7)]],
    )
    b = dataclasses.replace(
        b,
        formulations=(
            Formulation("nearly balanced", (1, 0), watched=True),
            Formulation("is patient", (1, 0), shifts=(Shift(1, ("data dependent",)),)),
            Formulation("data dependent", (0, 1), watched=True),
            Formulation("policy is", (1, 1)),  # steady: not news
            Formulation("risks are", (1, 0)),  # stops, neither watched nor replaced
        ),
    )
    items = lede.rank_comparison(b, 0)
    got = [(i.kind, i.phrase, i.before, i.after, i.reason) for i in items if i.phrase]
    assert got == [
        (Kind.PHRASE_DROPPED, "nearly balanced", (0,), (), "watched"),
        (Kind.PHRASE_DROPPED, "is patient", (1,), (1,), "shifted to “data dependent”"),
        (Kind.PHRASE_NEW, "data dependent", (), (1,), "watched"),
    ]
    assert [i.phrase is None for i in items] == [False, False, False, True, True]
