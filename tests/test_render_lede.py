"""lede: which claims a reader sees first, and in what order. Tables over tiny briefs."""

from __future__ import annotations

import pytest

from compare import lede
from compare.types import DiffOp, Kind, Op
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


PURCHASE = "The Committee decided today to purchase agency securities at a pace of $40 billion per month."
GUIDE_OLD = "Rates are likely to stay exceptionally low at least through mid-2013."
GUIDE_NEW = "Rates are likely to stay exceptionally low at least through late 2014."
HEDGE_OLD = "The Committee expects somewhat further improvement in labor markets."
HEDGE_NEW = "The Committee expects further improvement in labor markets."
TONE_OLD = "The President raised concerns about attacks on civilians."
TONE_NEW = "The President condemned attacks on civilians."
MAY_OLD = "Risks to the outlook have increased."
MAY_NEW = "Risks to the outlook may have increased."


def one(old: str | None, new: str | None) -> tuple[Kind, str, str] | None:
    """Kind, reason and direction of the single claim made of `old` and/or `new`."""
    before = [old] if old else []
    after = [new] if new else []
    bead = B((0,) if old else (), (0,) if new else (), 0.9)
    b = brief(entry("a", "2020-01-01", before), entry("b", "2020-02-01", after), beads=[[bead]])
    claim = b.comparisons[0].claims[0]
    got = lede.describe(claim, b.documents[0].sentences, b.documents[1].sentences)
    return None if got is None else (got[0], got[2], got[3])


@pytest.mark.parametrize(
    ("old", "new", "kind", "reason", "direction"),
    [
        (RATE_OLD, RATE_NEW, Kind.ACTION, "0 to 1/4 percent → 1/4 to 1/2 percent (up 25 basis points)", ""),
        (RISK_OLD, RISK_NEW, Kind.SHIFT, "stronger wording: dropped “nearly”", "stronger"),
        (HEDGE_OLD, HEDGE_NEW, Kind.SHIFT, "stronger wording: dropped “somewhat”", "stronger"),
        (TONE_OLD, TONE_NEW, Kind.SHIFT, "stronger wording: added “condemned”", "stronger"),
        (MAY_OLD, MAY_NEW, Kind.SHIFT, "hedged wording: added “may”", "hedged"),
        (GUIDE_OLD, GUIDE_NEW, Kind.GUIDANCE, "", ""),
        (DATE_OLD, DATE_NEW, Kind.MECHANICAL, "only dates or punctuation changed", ""),
        (WORD_OLD, WORD_NEW, Kind.REWORDED, "", ""),
        (DROP, None, Kind.DROPPED, "", ""),
        (None, PURCHASE, Kind.ACTION, "$40 billion per month", ""),
        (None, PLAIN_NEW, Kind.NEW, "", ""),
        ("The cat sat on the mat today.", "Markets rallied on strong earnings news.", Kind.REWRITTEN, "", ""),
    ],
)
def test_kind_reason_and_direction(old: str | None, new: str | None, kind: Kind, reason: str, direction: str) -> None:
    assert one(old, new) == (kind, reason, direction)


def test_plain_repeats_never_enter_the_lede() -> None:
    assert one(SAME, SAME) is None


def test_generic_words_are_not_a_shift_of_tone() -> None:
    got = one("The key risks are in housing.", "The key risks are in trade.")
    assert got is not None and got[0] is Kind.REWORDED


def test_ranking_order_and_limit() -> None:
    """Policy actions first (a rate move, then a purchase program announced in a new
    sentence), then guidance, tone, dropped and new claims, rewordings; mechanical last."""
    before = [SAME, WORD_OLD, DATE_OLD, HEDGE_OLD, DROP, RATE_OLD, GUIDE_OLD]
    after = [SAME, WORD_NEW, DATE_NEW, HEDGE_NEW, RATE_NEW, PLAIN_NEW, PURCHASE, GUIDE_NEW]
    beads = [
        B((0,), (0,), 1.0),  # repeated
        B((1,), (1,), 0.9),  # reworded
        B((2,), (2,), 0.9),  # mechanical
        B((3,), (3,), 0.9),  # shift: stronger
        B((4,), (), None),  # dropped
        B((5,), (4,), 0.8),  # action: the rate
        B((), (5,), None),  # new, plain
        B((), (6,), None),  # new: a purchase program
        B((6,), (7,), 0.9),  # guidance
    ]
    b = brief(entry("a", "2020-01-01", before), entry("b", "2020-02-01", after), beads=[beads])
    ranked = [(i.claim, i.kind) for i in lede.rank_comparison(b, 0, lede.DEFAULT_WEIGHTS)]
    assert ranked == [
        (5, Kind.ACTION),
        (7, Kind.ACTION),
        (8, Kind.GUIDANCE),
        (4, Kind.DROPPED),  # emphatic: "imperative", "stranglehold"
        (3, Kind.SHIFT),
        (6, Kind.NEW),
        (1, Kind.REWORDED),
    ]
    everything = [i.claim for i in lede.rank_comparison(b, 0, lede.DEFAULT_WEIGHTS, limit=20)]
    assert everything[-1] == 2  # mechanical last
    assert len(lede.lede(b)) == 1


def test_mechanical_ranks_last_whatever_the_weights() -> None:
    b = brief(
        entry("a", "2020-01-01", [DATE_OLD, "First old point."]),
        entry("b", "2020-02-01", [DATE_NEW]),
        beads=[[B((0,), (0,), 0.9), B((1,), (), None)]],
    )
    weights = dict.fromkeys(lede.DEFAULT_WEIGHTS, -1.0)
    assert [i.kind for i in lede.rank_comparison(b, 0, weights)][-1] is Kind.MECHANICAL


def test_ties_put_earlier_sentences_first() -> None:
    b = brief(
        entry("a", "2020-01-01", ["First old point.", "Second old point.", "Third old point."]),
        entry("b", "2020-02-01", ["First new point."]),
        beads=[[B((0,), (), None), B((1,), (), None), B((2,), (), None), B((), (0,), None)]],
    )
    ranked = lede.rank_comparison(b, 0, lede.DEFAULT_WEIGHTS)
    assert [i.claim for i in ranked if i.kind is Kind.DROPPED] == [0, 1, 2]


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
    items = lede.rank_comparison(b, 0, lede.DEFAULT_WEIGHTS)
    got = [(i.kind, i.phrase, i.before, i.after, i.reason) for i in items if i.phrase]
    assert got == [
        (Kind.PHRASE_DROPPED, "nearly balanced", (0,), (), "watched"),
        (Kind.PHRASE_DROPPED, "is patient", (1,), (1,), "shifted to “data dependent”"),
        (Kind.PHRASE_NEW, "data dependent", (), (1,), "watched"),
    ]
    assert [i.phrase is None for i in items] == [False, False, False, True, True]


def test_tone_is_read_edit_by_edit() -> None:
    """A hedge struck in one place and an intensifier inserted in another are two edits; a word
    that describes the economy is not a tone."""
    got = one(
        "Strains in markets eased somewhat, and growth remains weak.",
        "Strains in markets eased, and growth continues to expand.",
    )
    assert got == (Kind.SHIFT, "stronger wording: dropped “somewhat”", "stronger")
    assert one("Growth was weak.", "Growth was strong.")[0] is Kind.REWORDED


@pytest.mark.parametrize(
    ("old", "new", "kind", "reason"),
    [
        (  # a hold after a cut: the level that stayed is said
            "The Committee decided to lower its target by 25 basis points to 2 percent.",
            "The Committee decided to leave its target unchanged at 2 percent.",
            Kind.ACTION,
            "no longer states 25 basis points; 2 percent unchanged",
        ),
        (  # a larger cut is larger, not "up"
            "The Committee decided to lower its target by 25 basis points to 3 percent.",
            "The Committee decided to lower its target by 75 basis points to 2-1/4 percent.",
            Kind.ACTION,
            "25 basis points → 75 basis points (larger); 3 percent → 2-1/4 percent (down)",
        ),
        (
            "Voting against the action was Mr. Poole, who preferred to lower the target by 25 basis points.",
            "Voting against the action was Mr. Poole, who preferred to lower the target by 50 basis points.",
            Kind.VOTE,
            "dissent: 25 basis points → 50 basis points (larger)",
        ),
    ],
)
def test_number_reasons_read_as_a_desk_reads_them(old: str, new: str, kind: Kind, reason: str) -> None:
    assert one(old, new)[:2] == (kind, reason)


def test_a_dropped_action_is_not_an_action() -> None:
    got = one(
        "In a related action, the Board approved a 25-basis-point decrease in the discount rate to 2-1/4 percent.", None
    )
    assert got[0] is Kind.DROPPED and got[1].startswith("no longer states")


def test_rosters_are_not_news() -> None:
    b = brief(
        entry("a", "2020-01-01", []),
        entry(
            "b",
            "2020-02-01",
            [
                "The Board approved requests submitted by the Federal Reserve Banks of New York, "
                "Boston, Chicago, Dallas, and San Francisco.",
                "The Committee sees upside risks to inflation.",
            ],
        ),
        beads=[[B((), (0,), None), B((), (1,), None)]],
    )
    assert [i.claim for i in lede.rank_comparison(b, 0, lede.DEFAULT_WEIGHTS)] == [1, 0]


def test_wrapped_framing_is_framing() -> None:
    got = one(None, "The President will continue to be\nbriefed regularly.")
    assert got is not None and got[0] is Kind.NEW
    b = brief(
        entry("a", "2020-01-01", []),
        entry("b", "2020-02-01", ["The President will continue to be\nbriefed regularly."]),
        beads=[[B((), (0,), None)]],
    )
    assert lede.rank_comparison(b, 0, lede.DEFAULT_WEIGHTS)[0].features["framing"] == 1.0


def test_a_phrase_of_two_calls_is_no_set_formulation() -> None:
    # in four readouts, "close consultation" used in the first two calls and then not: a wording
    # varied from call to call, not a formula whose exit leads the brief; in two articles, a
    # phrase of the first that the second drops is (the seeds' "self-reliance and strength")
    from compare.lede import _established
    from compare.types import Formulation

    assert not _established(Formulation("close consultation", (1, 1, 0, 0)), 1)
    assert _established(Formulation("close consultation", (1, 1, 1, 0)), 2)
    assert _established(Formulation("self-reliance and strength", (1, 0)), 0)


@pytest.mark.parametrize(
    ("old", "new", "direction"),
    [
        # 2007-08-07 (blind Fed watcher): the first word of downside risks to growth was read as
        # "hedged wording: added 'somewhat'"; a clause replaced is a change of substance
        (
            "In these circumstances, the Committee's predominant policy concern remains the risk that inflation will "
            "fail to moderate as expected.",
            "Although the downside risks to growth have increased somewhat, the Committee's predominant policy "
            "concern remains the risk that inflation will fail to moderate as expected.",
            "",
        ),
        # 9 May -> 28 June 2007 (blind Fed watcher): "growth slowed" -> "appears to have been
        # moderate" is an upgrade, not "hedged wording: added appears"
        (
            "Economic growth slowed in the first part of this year and the adjustment in the housing sector is "
            "ongoing.",
            "Economic growth appears to have been moderate during the first half of this year, despite the ongoing "
            "adjustment in the housing sector.",
            "",
        ),
        # the word itself edited still reads as tone
        (
            "Economic growth has slowed somewhat in recent months.",
            "Economic growth has slowed in recent months.",
            "stronger",
        ),
        # 19 June -> 31 July 2013: the month May is no modal "may" ("stronger wording: dropped
        # 'may'" was read beside the edit of growth)
        (
            "Information received since the Federal Open Market Committee met in May suggests that economic "
            "activity has been expanding at a moderate pace.",
            "Information received since the Federal Open Market Committee met in June suggests that economic "
            "activity expanded at a modest pace during the first half of the year.",
            "",
        ),
        # a word of force beside another change keeps its reading (2016-11-02)
        (
            "Household spending has been growing strongly but business fixed investment has remained soft.",
            "Household spending has been rising moderately but business fixed investment has remained soft.",
            "weaker",
        ),
    ],
)
def test_tone_is_read_only_where_the_edit_is_of_tone(old: str, new: str, direction: str) -> None:
    got = one(old, new)
    assert got is not None and got[2] == direction, got
    assert (got[0] is Kind.SHIFT) == bool(direction) and ("wording" in got[1]) == bool(direction), got


def test_the_end_of_a_tightening_bias_is_guidance() -> None:
    # 31 January -> 21 March 2007 (blind Fed watcher): the biggest guidance change of early 2007
    # was labelled "reworded", while later one-word edits of guidance read "guidance"
    got = one(
        "The extent and timing of any additional firming that may be needed to address these risks will depend on "
        "the evolution of the outlook for both inflation and economic growth, as implied by incoming information.",
        "Future policy adjustments will depend on the evolution of the outlook for both inflation and economic "
        "growth, as implied by incoming information.",
    )
    assert got is not None and got[0] is Kind.GUIDANCE, got
