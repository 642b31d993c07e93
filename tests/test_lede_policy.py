"""lede: what a Fed or readout watcher leads with. Real sentences (FOMC statements 2008 and
2015-16, White House readouts 2021; public domain), each case from a blind review of the lede."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import pytest

from compare import lede, pipeline, render
from compare.render import Format
from compare.types import DiffOp, Kind, Op, Status
from render_builders import B, brief, entry


def shipped() -> Mapping[str, float]:
    return {**lede.DEFAULT_WEIGHTS, **pipeline.calibration()["significance"]["weights"]}


def one(
    old: str | None, new: str | None, before: tuple[str, ...] = (), after: tuple[str, ...] = ()
) -> tuple[Kind, str, str]:
    """Kind, reason and direction of the claim `old` -> `new`, with other sentences of each
    document (`before`, `after`) beside it."""
    first = [old] if old else []
    second = [new] if new else []
    bead = B((0,) if old else (), (0,) if new else (), 0.9)
    b = brief(
        entry("a", "2020-01-01", first + list(before)), entry("b", "2020-02-01", second + list(after)), beads=[[bead]]
    )
    got = lede.describe(b.comparisons[0].claims[0], b.documents[0].sentences, b.documents[1].sentences)
    assert got is not None
    return got[0], got[2], got[3]


HOLD_OLD = (
    "Given the economic outlook, and recognizing the time it takes for policy actions to affect future economic "
    "outcomes, the Committee decided to raise the target range for the federal funds rate to 1/4 to 1/2 percent."
)
HOLD_NEW = (
    "Given the economic outlook, the Committee decided to maintain the target range for the "
    "federal funds rate at 1/4 to 1/2 percent."
)
NEXT_OLD = (
    "In determining how long to maintain this target range, the Committee will assess progress--both realized "
    "and expected--toward its objectives of maximum employment and 2 percent inflation."
)
NEXT_NEW = (
    "In determining whether it will be appropriate to raise the target range at its next meeting, the Committee "
    "will assess progress--both realized and expected--toward its objectives of maximum "
    "employment and 2 percent inflation."
)
TIMELY_OLD = (
    "The Committee will act in a timely manner as needed to promote sustainable economic growth and price stability."
)
TIMELY_NEW = (
    "The Committee will continue to monitor economic and financial developments and will act as needed to "
    "promote sustainable economic growth and price stability."
)
DISSENT_OLD = (
    "Voting against were Richard W. Fisher and Charles I. Plosser, who preferred no change in the target for "
    "the federal funds rate at this meeting."
)
DISSENT_NEW = (
    "Voting against was Richard W. Fisher, who preferred an increase in the target for the "
    "federal funds rate at this meeting."
)


@pytest.mark.parametrize(
    ("old", "new", "kind", "reason"),
    [
        # a hike, then a hold at the same level: the decision changed though no amount did
        (HOLD_OLD, HOLD_NEW, Kind.ACTION, "raise → hold; 1/4 to 1/2 percent unchanged"),
        # forward guidance reworded is guidance, not a rewording
        (NEXT_OLD, NEXT_NEW, Kind.GUIDANCE, ""),
        (TIMELY_OLD, TIMELY_NEW, Kind.GUIDANCE, ""),
        # a dissenter who wanted no change now wants a hike
        (DISSENT_OLD, DISSENT_NEW, Kind.VOTE, "dissenters: before, Fisher, Plosser; now, Fisher; dissent changed"),
    ],
)
def test_policy_sentences_are_read_as_policy(old: str, new: str, kind: Kind, reason: str) -> None:
    assert one(old, new)[:2] == (kind, reason)


def test_slightly_sizes_a_move_and_is_no_hedge() -> None:
    got = one(
        "Market-based measures of inflation compensation moved lower; survey-based measures of "
        "longer-term inflation expectations have remained stable.",
        "Market-based measures of inflation compensation moved slightly lower; survey-based "
        "measures of longer-term inflation expectations have remained stable.",
    )
    assert got[2] == ""


def test_tone_ignores_sideways_words_and_words_moved_from_another_sentence() -> None:
    got = one(
        "The President reaffirmed his strong support for Israel’s right to defend itself against "
        "rocket attacks from Hamas and other terrorist groups in Gaza.",
        "The President reiterated his firm support for Israel’s right to defend itself against "
        "indiscriminate rocket attacks.",
        before=("He condemned these indiscriminate attacks against towns and cities across Israel.",),
    )
    assert got[2] == ""
    # the same edit with a word new to the pair still reads as stronger
    assert (
        one("Risks to the outlook have increased.", "Risks to the outlook have increased significantly.")[2]
        == "stronger"
    )


@pytest.mark.parametrize(
    ("old", "new", "slight"),
    [
        (
            "President Biden spoke today with Israeli Prime Minister Benjamin Netanyahu.",
            "The President spoke today with Israeli Prime Minister Netanyahu.",
            True,
        ),
        ("Inflation rose.", "Unemployment rose.", False),
        # nor the time of day (readouts 2023-10-25 -> 10-29, blind readout watcher: ranked above
        # the dropped line on a pathway to a permanent peace)
        (
            "President Joseph R. Biden, Jr. spoke this afternoon with Prime Minister Benjamin Netanyahu of Israel.",
            "President Joseph R. Biden, Jr. spoke this morning with Prime Minister Benjamin Netanyahu of Israel.",
            True,
        ),
        # how the call was held is no news (readouts 2024-04-04 -> 2024-04-28)
        (
            "President Biden spoke by telephone with Prime Minister Netanyahu.",
            "President Biden spoke earlier today with Prime Minister Netanyahu.",
            True,
        ),
        (
            "The President spoke today with Israeli Prime Minister Netanyahu.",
            "President Biden spoke with Israeli Prime Minister Netanyahu today.",
            True,
        ),
        (
            "The Committee expects that, with appropriate policy accommodation, economic activity will "
            "expand at a moderate pace.",
            "Nonetheless, the Committee expects that, with appropriate policy accommodation, economic "
            "activity will expand at a moderate pace.",
            True,
        ),
        (
            "Household spending and business fixed investment have been increasing moderately.",
            "Household spending and business fixed investment have been increasing at solid rates in recent months.",
            False,
        ),
        # the same word inflected (2013-12 -> 2014-01, blind Fed watcher: "filler" at third)
        (
            "The Committee now anticipates that it will likely be appropriate to maintain the current target range.",
            "The Committee continues to anticipate that it will likely be appropriate to maintain the current "
            "target range.",
            True,
        ),
        (
            "The Committee anticipates that it will likely be appropriate to maintain the current target range.",
            "The Committee doubts that it will be appropriate to maintain the current target range.",
            False,
        ),
        # a title and name for a pronoun (Zelenskyy readouts 2022-02-13: ranked second, a blind
        # readout watcher's "no"); a sentence's own first word is no title without a name after it
        (
            "He also underscored the commitment of the United States to Ukraine’s sovereignty.",
            "President Biden reaffirmed the commitment of the United States to Ukraine’s sovereignty.",
            True,
        ),
        (
            "He also underscored the commitment of the United States to Ukraine’s sovereignty.",
            "Sanctions reaffirmed the commitment of the United States to Ukraine’s sovereignty.",
            False,
        ),
        # a connective of consequence (2001-12-11 -> 2002-01-30: "~~The~~ **Hence, the** Committee
        # continues to believe", second for a blind Fed watcher, who found it trivia)
        (
            "The Committee continues to believe that the risks are weighted mainly toward economic weakness.",
            "Hence, the Committee continues to believe that the risks are weighted mainly toward economic weakness.",
            True,
        ),
        # how two leaders met (Zelenskyy readouts 2023-06-25, 2023-09-21: third and second for a
        # blind readout watcher)
        (
            "President Biden met today with President Zelenskyy of Ukraine to discuss support for Ukraine.",
            "President Biden spoke today with President Zelenskyy of Ukraine to discuss support for Ukraine.",
            True,
        ),
    ],
)
def test_slight_edits(old: str, new: str, slight: bool) -> None:
    b = brief(entry("a", "2020-01-01", [old]), entry("b", "2020-02-01", [new]), beads=[[B((0,), (0,), 0.9)]])
    assert lede.is_slight(b.comparisons[0].claims[0].diff) is slight


def test_the_decision_leads_and_the_discount_rate_follows() -> None:
    """2008-03-18 -> 2008-04-30: the cut leads; the discount rate moving with it is not #2,
    below the dropped risk line and the guidance change."""
    before = [
        "The Federal Open Market Committee decided today to lower its target for the federal funds "
        "rate 75 basis points to 2-1/4 percent.",
        "However, downside risks to growth remain.",
        TIMELY_OLD,
        "In a related action, the Board of Governors unanimously approved a 75-basis-point "
        "decrease in the discount rate to 2-1/2 percent.",
    ]
    after = [
        "The Federal Open Market Committee decided today to lower its target for the federal funds "
        "rate 25 basis points to 2 percent.",
        TIMELY_NEW,
        "In a related action, the Board of Governors unanimously approved a 25-basis-point "
        "decrease in the discount rate to 2-1/4 percent.",
    ]
    beads = [B((0,), (0,), 0.9), B((1,), (), None), B((2,), (1,), 0.8), B((3,), (2,), 0.9)]
    b = brief(entry("a", "2008-03-18", before), entry("b", "2008-04-30", after), beads=[beads])
    items = lede.rank_comparison(b, 0, shipped())
    ranked = [i.claim for i in items]
    assert ranked[0] == 0
    # said on the decision's line, in the place of its own item below the risk and guidance lines
    assert 3 not in ranked and {1, 2} <= set(ranked)
    assert "discount rate: 2-1/2 percent → 2-1/4 percent" in items[0].reason


def test_a_hold_after_a_hike_leads_over_trivia() -> None:
    """2015-12-16 -> 2016-01-27: the hold is in the lede, ahead of a struck "continue to"."""
    before = [
        "The Committee currently expects that, with gradual adjustments in the stance of monetary "
        "policy, economic activity will continue to expand at a moderate pace.",
        "The Committee continues to monitor inflation developments closely.",
        HOLD_OLD,
    ]
    after = [
        "The Committee currently expects that, with gradual adjustments in the stance of monetary "
        "policy, economic activity will expand at a moderate pace.",
        HOLD_NEW,
    ]
    beads = [B((0,), (0,), 0.9), B((1,), (), None), B((2,), (1,), 0.8)]
    b = brief(entry("a", "2015-12-16", before), entry("b", "2016-01-27", after), beads=[beads])
    ranked = [i.claim for i in lede.rank_comparison(b, 0, shipped())]
    assert ranked[0] == 2 and ranked[-1] == 0


def test_a_boilerplate_opener_ranks_below_a_real_drop() -> None:
    """Readouts 2021-05-17 -> 2021-05-19: "~~The President spoke today~~ **President Biden
    spoke**" is not news; dropping the call for protection of civilians is."""
    before = [
        "The President spoke today with Israeli Prime Minister Netanyahu.",
        "He encouraged Israel to make every effort to ensure the protection of innocent civilians.",
    ]
    after = ["President Biden spoke with Israeli Prime Minister Netanyahu today."]
    b = brief(
        entry("a", "2021-05-17", before),
        entry("b", "2021-05-19", after),
        beads=[[B((0,), (0,), 0.9), B((1,), (), None)]],
    )
    assert [i.claim for i in lede.rank_comparison(b, 0, shipped())] == [1, 0]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # 2014-09-17 -> 10-29: the hold first stated in the "reaffirmed its view" sentence led
        # the lede as a policy action
        (
            "To support continued progress toward maximum employment and price stability, the Committee today "
            "reaffirmed its view that a highly accommodative stance of monetary policy remains appropriate.",
            "To support continued progress toward maximum employment and price stability, the Committee today "
            "reaffirmed its view that the current 0 to 1/4 percent target range for the federal funds rate remains "
            "appropriate.",
        ),
    ],
)
def test_a_hold_first_stated_in_a_sentence_is_no_policy_action(old: str, new: str) -> None:
    earlier = (
        "The Committee continues to anticipate that it likely will be appropriate to maintain the current 0 to "
        "1/4 percent target range for the federal funds rate for a considerable time.",
    )
    assert one(old, new, before=earlier)[0] is not Kind.ACTION


def test_the_outlook_premised_on_policy_is_no_guidance() -> None:
    # 2014-01-29 -> 03-19 (blind Fed watcher): the outlook sentence, tagged guidance, ranked
    # above the end of the 6-1/2 percent threshold
    got = one(
        "The Committee expects that, with appropriate policy accommodation, economic activity will expand at a "
        "moderate pace and the unemployment rate will gradually decline toward levels the Committee judges "
        "consistent with its dual mandate.",
        "The Committee expects that, with appropriate policy accommodation, economic activity will expand at a "
        "moderate pace and labor market conditions will continue to improve gradually, moving toward those the "
        "Committee judges consistent with its dual mandate.",
    )
    assert got[0] is Kind.REWORDED


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # 2012-01-25 -> 03-13 (blind Fed watcher): the purpose that opens it was edited, the
        # guidance ("expects to maintain a highly accommodative stance") was not
        (
            "To support a stronger economic recovery and to help ensure that inflation, over time, is at levels "
            "consistent with the dual mandate, the Committee expects to maintain a highly accommodative stance "
            "for monetary policy.",
            "To support a stronger economic recovery and to help ensure that inflation, over time, is at the rate "
            "most consistent with its dual mandate, the Committee expects to maintain a highly accommodative "
            "stance for monetary policy.",
        ),
        # 2012-08-01 -> 09-13: a program carried forward ("decided to" -> "will") guides nothing new
        (
            "The Committee also decided to continue through the end of the year its program to extend the "
            "average maturity of its holdings of securities as announced in June.",
            "The Committee also will continue through the end of the year its program to extend the average "
            "maturity of its holdings of securities as announced in June.",
        ),
    ],
)
def test_an_edit_outside_what_the_guidance_says_is_no_guidance(old: str, new: str) -> None:
    assert lede.is_guidance(new)
    assert one(old, new)[0] is not Kind.GUIDANCE


def test_thresholds_added_to_a_held_rate_are_guidance_not_a_policy_action() -> None:
    # 2012-10-24 -> 12-12 (blind Fed watcher): "tagged policy action, but it is a guidance
    # change; the rate did not move"
    kind, reason, _ = one(
        "In particular, the Committee also decided today to keep the target range for the federal funds rate at "
        "0 to 1/4 percent and currently anticipates that exceptionally low levels for the federal funds rate are "
        "likely to be warranted at least through mid-2015.",
        "In particular, the Committee decided to keep the target range for the federal funds rate at 0 to 1/4 "
        "percent and currently anticipates that this exceptionally low range for the federal funds rate will be "
        "appropriate at least as long as the unemployment rate remains above 6-1/2 percent, inflation between one "
        "and two years ahead is projected to be no more than a half percentage point above the Committee's 2 "
        "percent longer-run goal, and longer-term inflation expectations continue to be well anchored.",
    )
    assert kind is Kind.GUIDANCE
    assert "6-1/2 percent" in reason and "a half percentage point" in reason


def test_a_rate_moved_in_a_sentence_with_thresholds_is_still_a_policy_action() -> None:
    kind, _, _ = one(
        "The Committee decided today to keep the target range for the federal funds rate at 0 to 1/4 percent "
        "and anticipates that it will be appropriate at least as long as the unemployment rate remains above "
        "6-1/2 percent.",
        "The Committee decided today to raise the target range for the federal funds rate to 1/4 to 1/2 percent "
        "and anticipates that it will be appropriate at least as long as the unemployment rate remains above "
        "6-1/2 percent.",
    )
    assert kind is Kind.ACTION


def test_the_economy_graded_up_is_an_assessment_change() -> None:
    # 2012-01-25 -> 03-13 (blind Fed watcher): "the growth outlook moved from 'modest' to
    # 'moderate' ... does not appear anywhere in the brief's 7 items"
    old = (
        "The Committee expects economic growth over coming quarters to be modest and consequently anticipates "
        "that the unemployment rate will decline only gradually toward levels that the Committee judges to be "
        "consistent with its dual mandate."
    )
    new = (
        "The Committee expects moderate economic growth over coming quarters and consequently anticipates that "
        "the unemployment rate will decline gradually toward levels that the Committee judges to be consistent "
        "with its dual mandate."
    )
    decision = "The Committee decided today to keep the target range for the federal funds rate at 0 to 1/4 percent."
    b = brief(
        entry("a", "2012-01-25", [old, decision]),
        entry("b", "2012-03-13", [new, decision]),
        beads=[[B((0,), (0,), 0.9), B((1,), (1,), 1.0)]],
    )
    ranked = lede.lede(b, {"assessment": 3.0})[0]
    assert ranked[0].features["assessment"] == 1.0
    assert ranked[0].reason.startswith("assessment: modest, only → moderate")
    # the same sentences where nothing is decided (a readout, an article) grade nothing
    plain = brief(entry("a", "2012-01-25", [old]), entry("b", "2012-03-13", [new]), beads=[[B((0,), (0,), 0.9)]])
    assert not lede.lede(plain)[0][0].features.get("assessment")


def test_a_hyphen_is_no_grade() -> None:
    assert lede._pace([DiffOp(Op.DELETE, "still robust"), DiffOp(Op.INSERT, "still-robust")]) == ""


def test_a_replacement_and_what_it_replaced_are_one_lede_item() -> None:
    # readouts of 17 and 19 May 2021: "expected a significant de-escalation today on the path to
    # a ceasefire" took the place of "expressed his support for a ceasefire"; listing the old
    # line apart as "dropped" told a skimming reader the ceasefire was dropped
    from compare.lede import one_per_replacement
    from compare.types import Claim, Comparison, Kind, LedeItem, Sentence, Status

    old = "The President expressed his support for a ceasefire and discussed U.S. engagement with Egypt."
    new = "The President conveyed that he expected a significant de-escalation today on the path to a ceasefire."
    other = "The President reiterated his firm support for Israel's right to defend itself."
    before = (Sentence(0, old, 0, len(old)), Sentence(1, other, 0, len(other)))
    after = (Sentence(0, new, 0, len(new)),)
    c = Comparison(
        "a",
        "b",
        (
            Claim(Status.DROPPED, (0,), ()),
            Claim(Status.NEW, (), (0,), 0.3, replaces=(0,)),
            Claim(Status.DROPPED, (1,), ()),
        ),
    )
    ranked = [
        ((3.0,), LedeItem(0, 1, Kind.NEW, 3.0, "", (), (0,))),
        ((2.0,), LedeItem(0, 2, Kind.DROPPED, 2.0, "", (1,), ())),
        ((1.0,), LedeItem(0, 0, Kind.DROPPED, 1.0, "", (0,), ())),
    ]
    out = [item for _, item in one_per_replacement(ranked, c, before, after)]
    assert [item.claim for item in out] == [1, 2]
    assert "support for a ceasefire" in out[0].reason and "dropped claim" not in out[0].reason
    # ranked above its replacement, the dropped claim gives the pair its rank, but the later
    # document's words lead, quoting it (2014-10-29, blind Fed watcher: "decided to conclude its
    # asset purchase program" stood only in a note on the dropped purchase pace)
    out = [item for _, item in one_per_replacement([ranked[2], ranked[1], ranked[0]], c, before, after)]
    assert [item.claim for item in out] == [1, 2] and "support for a ceasefire" in out[0].reason


def test_a_dropped_claim_behind_a_weak_link_keeps_its_own_lede_item() -> None:
    # readouts of 20 and 22 October 2023: "expressed appreciation for … the release of two
    # American hostages" was linked (0.18) in place of the law-of-war line; as one item the
    # dropped caveat stood only in a note, and a blind reader did not see it go
    from compare.lede import one_per_replacement
    from compare.types import Claim, Comparison, Kind, LedeItem, Sentence, Status

    old = "The President reaffirmed support for Israel's right to defend itself, consistent with the law of war."
    new = "The President expressed appreciation for Israel's support in the release of two American hostages."
    before = (Sentence(0, old, 0, len(old)),)
    after = (Sentence(0, new, 0, len(new)),)
    claims = (Claim(Status.DROPPED, (0,), ()), Claim(Status.NEW, (), (0,), 0.18, replaces=(0,)))
    ranked = [
        ((3.0,), LedeItem(0, 1, Kind.NEW, 3.0, "", (), (0,))),
        ((2.0,), LedeItem(0, 0, Kind.DROPPED, 2.0, "", (0,), ())),
    ]
    out = [item for _, item in one_per_replacement(ranked, Comparison("a", "b", claims), before, after)]
    assert [item.claim for item in out] == [1, 0]
    assert "law of war" not in out[0].reason
    # the floor is the pair model's (`loose_replace_floor`): a refit that lowers it links the pair
    out = [item for _, item in one_per_replacement(ranked, Comparison("a", "b", claims), before, after, 0.1)]
    assert [item.claim for item in out] == [1] and "right to defend" in out[0].reason


def test_the_lede_lists_a_replaced_claim_once(seeds_brief) -> None:
    # every claim of a replacement pair appears at most once among the lede's items
    pairs = 0
    for k, c in enumerate(seeds_brief.comparisons):
        shown = {item.claim for item in seeds_brief.lede[k] if item.claim is not None}
        for j, claim in enumerate(c.claims):
            if claim.status is Status.NEW and claim.replaces:
                gone = {
                    i
                    for i, o in enumerate(c.claims)
                    if o.status is Status.DROPPED and set(o.before) <= set(claim.replaces)
                }
                assert not (j in shown and gone & shown)
                pairs += 1
    assert pairs  # the seeds have replacements in place
    # and says it once: "in place of before s1–s2", then the replaced words, not "in the place of" again
    lede_lines = [line for line in render.render(seeds_brief, Format.MARKDOWN).splitlines() if "*in place of" in line]
    assert lede_lines and all(line.count("place of") == 1 for line in lede_lines)


def test_a_changed_dissent_names_preferences_without_a_direction(embedder) -> None:
    # 31 July -> 18 September 2019: two hawks who wanted no cut, then a dove who wanted 50 points
    # beside the same two hawks; "2-1/4 to 2-1/2 percent -> 1-1/2 to 1-3/4 percent (down)" told
    # a Fed watcher that one dissenter's preference moved down
    import compare

    decision = "the Committee decided to lower the target range for the federal funds rate to {}."
    july = (
        "In light of the implications of global developments, "
        + decision.format("2 to 2-1/4 percent")
        + " Voting against the action were Esther L. George and Eric S. Rosengren, who preferred at this "
        "meeting to maintain the target range for the federal funds rate at 2-1/4 to 2-1/2 percent."
    )
    september = (
        "In light of the implications of global developments, "
        + decision.format("1-3/4 to 2 percent")
        + " Voting against the action were James Bullard, who preferred at this meeting to lower the target "
        "range for the federal funds rate to 1-1/2 to 1-3/4 percent; and Esther L. George and Eric S. "
        "Rosengren, who preferred to maintain the target range at 2 percent to 2-1/4 percent."
    )
    brief = compare.brief([(july, "2019-07-31"), (september, "2019-09-18")], embedder=embedder, cache=False)
    votes = [item for item in brief.lede[0] if "Voting against" in brief.documents[1].sentences[item.after[0]].text]
    assert votes and votes[0].kind is Kind.VOTE
    reason = votes[0].reason
    assert "(down)" not in reason and "→" not in reason and "unchanged" not in reason, reason
    assert reason.index("2-1/4 to 2-1/2 percent") < reason.index("1-1/2 to 1-3/4 percent")


def _held(before: list[str], after: list[str], beads: list) -> int | None:
    b = brief(entry("a", "2015-09-17", before), entry("b", "2015-10-28", after), beads=[beads])
    b = dataclasses.replace(b, lede=lede.lede(b, shipped()))
    return lede.unchanged_decision(b, 0)


REAFFIRMED = (
    "To support continued progress toward maximum employment and price stability, the Committee today "
    "reaffirmed its view that the current 0 to 1/4 percent target range for the federal funds rate remains appropriate."
)


def test_a_repeated_hold_is_named_and_a_move_is_not() -> None:
    """2015-09-17 -> 2015-10-28: a lede of edits left a Fed watcher to guess whether the rate held;
    the repeated decision is named. A hike is a lede item, not "unchanged"; so is a new decision."""
    assert _held([REAFFIRMED, NEXT_OLD], [REAFFIRMED, NEXT_NEW], [B((0,), (0,), 0.99), B((1,), (1,), 0.8)]) == 0
    assert _held([REAFFIRMED], [HOLD_OLD], [B((0,), (0,), 0.8)]) is None
    assert _held([HOLD_OLD], [HOLD_NEW], [B((0,), (0,), 0.8)]) is None
    # 2009-2011 stated the hold without a decision verb
    keep = "The Committee will maintain the target range for the federal funds rate at 0 to 1/4 percent."
    assert _held([NEXT_OLD, keep], [NEXT_NEW, keep], [B((0,), (0,), 0.8), B((1,), (1,), 0.99)]) == 1
    # a repeated sentence that is not the decision (guidance) is not named
    assert _held([NEXT_OLD], [NEXT_OLD], [B((0,), (0,), 0.99)]) is None


def test_an_unchanged_decision_is_shown_above_the_lede() -> None:
    b = brief(
        entry("a", "2015-09-17", [REAFFIRMED, NEXT_OLD]),
        entry("b", "2015-10-28", [REAFFIRMED, NEXT_NEW]),
        beads=[[B((0,), (0,), 0.99), B((1,), (1,), 0.8)]],
    )
    b = dataclasses.replace(b, lede=lede.lede(b, shipped()))
    md = render.render(b, Format.MARKDOWN)
    held = md.index("**Decision unchanged:** To support continued progress")
    assert held < md.index("1. *guidance*")
    assert "Decision unchanged:</strong> To support" in render.render(b, Format.HTML)
    assert render.to_dict(b)["comparisons"][0]["unchanged_decision"] == 0


def test_a_count_of_things_does_not_make_an_edit_a_policy_action() -> None:
    """Readouts 2024-06-07 -> 2024-07-11: "a shared pledge among more than 20 countries" came out
    as a policy action; a dollar amount still does."""
    old = "The leaders discussed the upcoming Peace Summit on Ukraine in Switzerland."
    kind, _, _ = one(old, "The leaders reviewed the outcomes, a shared pledge among more than 20 countries.")
    assert kind is not Kind.ACTION
    kind, reason, _ = one(old, "The leaders reviewed the outcomes, a package valued at $225 million.")
    assert kind is Kind.ACTION and "$225 million" in reason


def test_guidance_tied_to_the_next_meeting_leads_over_a_reworded_risk_line() -> None:
    """2015-09-17 -> 2015-10-28: a Fed watcher leads with "at its next meeting" (guidance in
    time, as "through mid-2013" is), not with "developments abroad" reworded in the risk line."""
    risk_old = (
        "The Committee continues to see the risks to the outlook for economic activity and the labor market as "
        "nearly balanced but is monitoring developments abroad."
    )
    risk_new = (
        "The Committee continues to see the risks to the outlook for economic activity and the labor market as "
        "nearly balanced but is monitoring global economic and financial developments."
    )
    b = brief(
        entry("a", "2015-09-17", [risk_old, NEXT_OLD]),
        entry("b", "2015-10-28", [risk_new, NEXT_NEW]),
        beads=[[B((0,), (0,), 0.95), B((1,), (1,), 0.9)]],
    )
    ranked = lede.rank_comparison(b, 0, shipped())
    assert ranked[0].claim == 1 and ranked[0].features["date_guidance"] == 1.0


def test_a_dissent_without_an_amount_is_said_in_its_own_words(embedder) -> None:
    # 31 October -> 11 December 2007 and 11 December 2007 -> 22 January 2008: Hoenig wanted no
    # change, Rosengren a 50-point cut, Poole no action between meetings; "before, none; now,
    # 50 basis points" told a Fed watcher there was no dissent before (blind review)
    import compare

    decision = "The Federal Open Market Committee decided today to lower its target for the federal funds rate {}."
    october = (
        decision.format("25 basis points to 4-1/2 percent")
        + " Voting against was Thomas M. Hoenig, who preferred no change in the federal funds rate at this meeting."
    )
    december = (
        decision.format("25 basis points to 4-1/4 percent")
        + " Voting against was Eric S. Rosengren, who preferred to lower the target for the federal funds rate by "
        "50 basis points at this meeting."
    )
    january = (
        decision.format("75 basis points to 3-1/2 percent")
        + " Voting against was William Poole, who did not believe that current conditions justified policy action "
        "before the regularly scheduled meeting next week."
    )
    brief = compare.brief(
        [(october, "2007-10-31"), (december, "2007-12-11"), (january, "2008-01-22")], embedder=embedder, cache=False
    )
    reasons = [
        item.reason
        for k in (0, 1)
        for item in brief.lede[k]
        if item.after and "Voting against" in brief.documents[k + 1].sentences[item.after[0]].text
    ]
    assert len(reasons) == 2 and not any("none" in r for r in reasons), reasons
    assert "preferred no change in the federal funds rate" in reasons[0] and "50 basis points" in reasons[0]
    assert "did not believe" in reasons[1]


def test_a_statement_without_a_decision_does_not_read_as_a_rate_change(embedder) -> None:
    # 7 -> 17 August 2007: the unscheduled statement took no rate decision; "dropped: ... to keep
    # its target at 5-1/4 percent; no longer states 5-1/4 percent" read as a rate change
    import compare

    august_7 = (
        "The Federal Open Market Committee decided today to keep its target for the federal funds rate at 5-1/4 "
        "percent. Economic growth was moderate during the first half of the year."
    )
    august_17 = (
        "Financial market conditions have deteriorated, and tighter credit conditions and increased uncertainty "
        "have the potential to restrain economic growth going forward. The Committee is monitoring the situation "
        "and is prepared to act as needed."
    )
    september = (
        "The Federal Open Market Committee decided today to lower its target for the federal funds rate 50 basis "
        "points to 4-3/4 percent. Economic growth was moderate during the first half of the year."
    )
    brief = compare.brief(
        [(august_7, "2007-08-07"), (august_17, "2007-08-17"), (september, "2007-09-18")], embedder=embedder, cache=False
    )
    dropped = [i for i in brief.lede[0] if i.kind is Kind.DROPPED and i.before == (0,)]
    assert dropped and "no longer states" not in dropped[0].reason
    assert dropped[0].reason == "no policy decision in the later document; last stated: 5-1/4 percent"


def test_the_main_action_names_where_the_discount_rate_moved(embedder) -> None:
    # 18 September -> 31 October 2007: the discount rate cut sat below seven items and out of the
    # lede (blind Fed watcher); a watcher reads it with the funds rate
    import compare

    rate = "The Federal Open Market Committee decided today to lower its target for the federal funds rate {}."
    related = "In a related action, the Board of Governors approved a {} decrease in the discount rate to {}."
    september = (
        rate.format("50 basis points to 4-3/4 percent") + " " + related.format("50-basis-point", "5-1/4 percent")
    )
    october = rate.format("25 basis points to 4-1/2 percent") + " " + related.format("25-basis-point", "5 percent")
    brief = compare.brief([(september, "2007-09-18"), (october, "2007-10-31")], embedder=embedder, cache=False)
    first = brief.lede[0][0]
    assert first.kind is Kind.ACTION and first.after == (0,)
    assert "discount rate: 5-1/4 percent → 5 percent" in first.reason, first.reason


def test_a_stated_move_that_does_not_add_up_is_flagged(embedder) -> None:
    # 30 January -> 18 March 2008: "a 75-basis-point decrease in the discount rate to 2-1/2
    # percent" from 3-1/2 percent: the 16 March cut is in no file of the series, and a blind Fed
    # watcher worked out 100 basis points beside the stated 75
    import compare

    rate = "The Federal Open Market Committee decided today to lower its target for the federal funds rate {}."
    related = "In a related action, the Board of Governors approved a {} decrease in the discount rate to {}."
    january = rate.format("50 basis points to 3 percent") + " " + related.format("50-basis-point", "3-1/2 percent")
    march = rate.format("75 basis points to 2-1/4 percent") + " " + related.format("75-basis-point", "2-1/2 percent")
    brief = compare.brief([(january, "2008-01-30"), (march, "2008-03-18")], embedder=embedder, cache=False)
    reason = brief.lede[0][0].reason
    assert "discount rate: 3-1/2 percent → 2-1/2 percent" in reason
    assert "levels are 100 basis points apart" in reason, reason
    # the funds rate's own 75 basis points add up: nothing said of it
    assert reason.count("apart") == 1


def test_what_policy_is_made_conditional_on_leads_a_readout() -> None:
    """Readouts 2024-03-18 -> 2024-04-04 (blind readout watcher): the first time US policy was
    made conditional on Israel's conduct ranked fifth, below routine new lines."""
    before = [
        "President Joseph R. Biden, Jr. spoke this morning with Prime Minister Benjamin Netanyahu of Israel.",
        "The President and the Prime Minister discussed ongoing hostage negotiations taking place in Qatar.",
    ]
    after = [
        "President Biden spoke by telephone with Prime Minister Netanyahu.",
        "The two leaders also discussed public Iranian threats against Israel and the Israeli people.",
        "President Biden made clear that the United States strongly supports Israel in the face of those threats.",
        "He made clear that U.S. policy with respect to Gaza will be determined by our assessment of Israel's "
        "immediate action on these steps.",
        "President Biden emphasized that the strikes on humanitarian workers and the overall humanitarian "
        "situation are unacceptable.",
    ]
    beads = [
        B((0,), (0,), 0.9),
        B((1,), (), None),
        B((), (1,), None),
        B((), (2,), None),
        B((), (3,), None),
        B((), (4,), None),
    ]
    b = brief(entry("a", "2024-03-18", before), entry("b", "2024-04-04", after), beads=[beads])
    items = lede.rank_comparison(b, 0, shipped())
    assert items[0].after == (3,), [(i.kind, i.after) for i in items]
    # "unacceptable" is strong wording, as "strongly" is
    emphatic = {i.after: i.features.get("emphatic", 0.0) for i in items}
    assert emphatic[(4,)] >= 1 and emphatic[(1,)] == 0


def test_a_formulation_in_an_edited_line_above_it_is_said_on_that_line() -> None:
    # 2014-07-30 -> 09-17 (blind Fed watcher): "'future meetings' shifted to 'next meeting'"
    # was a line of its own two lines below the guidance edit it came from
    from compare.lede import _phrases_into_claims
    from compare.types import Claim, Comparison, Kind, LedeItem, Status

    c = Comparison("a", "b", (Claim(Status.CHANGED, (16,), (15,), 0.9), Claim(Status.NEW, (), (20,))))
    guidance = LedeItem(0, 0, Kind.GUIDANCE, 5.0, "", (16,), (15,))
    new = LedeItem(0, 1, Kind.NEW, 4.5, "", (), (20,))
    phrase = LedeItem(0, None, Kind.PHRASE_DROPPED, 4.0, "shifted to “next meeting”", (16,), (15,), "future meetings")
    out = [item for _, item in _phrases_into_claims([((1,), guidance), ((2,), new), ((3,), phrase)], c)]
    assert [i.claim for i in out] == [0, 1]
    assert out[0].reason == "“future meetings” left (shifted to “next meeting”)"
    # ranked above its sentence's line, the formulation keeps its own line
    out = [item for _, item in _phrases_into_claims([((1,), phrase), ((2,), guidance)], c)]
    assert [i.phrase for i in out] == ["future meetings", None] and out[1].reason == ""


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        # readout of 2023-11-06 (blind readout watcher): a message told in a frame
        (
            "The two leaders discussed the possibility of tactical pauses to provide civilians with opportunities "
            "to safely depart from ongoing areas of fighting.",
            False,
        ),
        ("The two leaders discussed regional developments.", True),
        ("President Biden spoke today with Prime Minister Netanyahu to discuss the situation in Gaza.", True),
        ("The two leaders agreed to remain in close contact directly and through their national security teams.", True),
        ("He condemned the rocket attacks by Hamas.", False),
        # readout of 2023-11-22 (blind readout watcher): the deal was missing from the summary
        # and ranked below the sentences around it; a count is a fact, whatever frames it
        (
            "President Joseph R. Biden, Jr. spoke today with Prime Minister Benjamin Netanyahu of Israel to welcome "
            "the deal for the release of at least 50 hostages held by Hamas.",
            False,
        ),
        ("They agreed to speak again in the coming days.", True),
        ("The two leaders agreed to speak again in the next 24 hours.", True),
        # readout of 2023-10-10 (blind readout watcher: third, above the military support listed)
        ("The President explained that he had just been briefed by his national security team.", True),
        # Zelenskyy readout of 2024-06-07 (blind readout watcher: second, above the Peace Summit)
        ("The leaders committed to meet again at the upcoming G7 Summit in Italy.", True),
    ],
)
def test_a_message_told_in_a_frame_is_no_frame(text: str, frame: bool) -> None:
    assert lede.is_frame(text) is frame


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        # 2014-09 -> 10 (blind Fed watcher): a hawk's dissent then a dove's is not one dissent changed
        (
            "President Plosser objected to the guidance indicating that it likely will be appropriate to maintain "
            "the current target range for the federal funds rate for a considerable time.",
            "Voting against the action was Narayana Kocherlakota, who believed that the Committee should commit to "
            "keeping the current target range for the federal funds rate at least until the one-to-two-year "
            "ahead inflation outlook has returned to 2 percent.",
            "dissenters: before, Plosser; now, Kocherlakota",
        ),
        (
            "Voting against the action was James Bullard, who believed that the Committee should signal more "
            "strongly its willingness to defend its inflation goal, and Esther L. George, who was concerned "
            "about imbalances.",
            "Voting against the action was Esther L. George, who was concerned about imbalances and inflation "
            "expectations.",
            "dissenters: before, Bullard, George; now, George; dissent changed",
        ),
    ],
)
def test_a_dissent_by_other_people_names_them(old: str, new: str, reason: str) -> None:
    got = one(old, new)
    assert got[0] is Kind.VOTE and got[1].startswith(reason), got


def test_a_goal_is_no_amount_a_dropped_sentence_no_longer_states() -> None:
    # 2020-01-29 -> 03-03 (unscheduled): leaving out the sentence that names the objective
    # read "no longer states 2 percent", as if the target had gone
    kind, reason, _ = one(
        "The Committee judges that the current stance of monetary policy is appropriate to support sustained "
        "expansion of economic activity, strong labor market conditions, and inflation returning to the "
        "Committee's symmetric 2 percent objective.",
        None,
    )
    assert kind is Kind.DROPPED and "2 percent" not in reason
    # a level the later document no longer states still is one
    kind, reason, _ = one("Unemployment was 5 percent.", None)
    assert reason == "no longer states 5 percent"


@pytest.mark.parametrize(
    ("sentence", "guidance"),
    [
        # 2003-08-12 and 2003-12-09 (blind Fed watcher): the guidance of the period
        (
            "In these circumstances, the Committee believes that policy accommodation can be maintained for a "
            "considerable period.",
            True,
        ),
        (
            "The Committee believes that policy accommodation can be removed at a pace that is likely to be measured.",
            True,
        ),
        # 2003-03-18: policy as the cause of an outlook is no guidance
        (
            "The Committee believes that as those uncertainties lift, the accommodative stance of monetary policy, "
            "coupled with ongoing growth in productivity, will provide support to an improving economic climate "
            "over time.",
            False,
        ),
    ],
)
def test_guidance_is_what_the_committee_will_do_with_policy(sentence: str, guidance: bool) -> None:
    assert lede.is_guidance(sentence) is guidance


def test_a_meeting_looked_back_on_is_no_date_guidance() -> None:
    # 2003-03-18 -> 05-06: "incoming data since the January meeting" ranked an outlook first
    assert not lede._DATE_GUIDANCE.search("While incoming economic data since the January meeting have been mixed")
    assert lede._DATE_GUIDANCE.search("a rate increase at its next meeting")


def test_words_only_moved_within_a_sentence_are_a_slight_edit() -> None:
    got = one(
        "The Committee perceives that over the next few quarters the risks to growth are roughly equal.",
        "The Committee perceives that the risks to growth for the next few quarters are roughly equal.",
    )
    assert got[0] is not Kind.GUIDANCE and got[1] == ""
    from compare.diff import word_diff
    from compare.lede import _moved_only

    assert _moved_only(
        word_diff("over the next few quarters risks are equal", "risks are equal over the next few quarters")
    )
    assert not _moved_only(word_diff("risks are roughly equal", "risks are equal"))


def test_a_related_action_first_stated_is_named_on_the_main_line() -> None:
    # 2003-05-06 -> 06-25 (blind Fed watcher): the discount rate cut to 2 percent was in no item
    old = "The Committee decided today to keep its target for the federal funds rate unchanged at 1-1/4 percent."
    new = "The Committee decided today to lower its target for the federal funds rate by 25 basis points to 1 percent."
    related = (
        "In a related action, the Board of Governors approved a 25 basis point reduction in the discount rate to "
        "2 percent."
    )
    b = brief(
        entry("a", "2003-05-06", [old]),
        entry("b", "2003-06-25", [new, related]),
        beads=[[B((0,), (0,), 0.9), B((), (1,), 0.0)]],
    )
    items = lede.rank_comparison(b, 0, shipped())
    assert items[0].kind is Kind.ACTION and "discount rate: now 2 percent" in items[0].reason
    assert [i.claim for i in items] == [0]


def test_a_move_not_stated_is_measured_and_the_last_move_is_not_shown_gone() -> None:
    # 2020-03-03 -> 03-15 (blind Fed watcher): "gone: 1/2 percentage point" beside the cut to 0 to
    # 1/4 percent was the last cut's size; the 100-point cut was said nowhere
    kind, reason, _ = one(
        "The Committee decided today to lower the target range for the federal funds rate by 1/2 percentage "
        "point, to 1 to 1-1/4 percent.",
        "The Committee decided to lower the target range for the federal funds rate to 0 to 1/4 percent.",
    )
    assert kind is Kind.ACTION and reason == "1 to 1-1/4 percent → 0 to 1/4 percent (down 100 basis points)"


def test_state_contingent_guidance_is_stance_and_monitoring_is_no_decision() -> None:
    # 2020-03-15 (blind Fed watcher): the guidance "until it is confident that the economy has
    # weathered recent events" was not among the seven items; "will continue to monitor" above it
    # counted as a decision
    assert lede._STANCE.search(
        "The Committee expects to maintain this target range until it is confident that the economy has "
        "weathered recent events."
    )
    assert not lede._DECISION.search("The Committee will continue to monitor the implications of incoming information.")
    assert lede._DECISION.search("The Committee will continue its purchases of Treasury securities.")


def test_a_dissent_restated_in_another_frame_is_no_dissent_changed() -> None:
    # 2014-07-30 -> 09-17 (blind Fed watcher): Plosser's objection, word for word, moved from
    # "Voting against was Charles I. Plosser who objected" to "President Plosser objected" when
    # Fisher joined him; "dissent changed" read as a new objection
    reason = (
        "objected to the guidance indicating that it likely will be appropriate to maintain the current target range "
        'for the federal funds rate for "a considerable time after the asset purchase program ends."'
    )
    kind, why, _ = one(f"Voting against was Charles I. Plosser who {reason}", f"President Plosser {reason}")
    assert kind is Kind.REWORDED and "dissent" not in why
    # another objection by the same man, or another man with the same words, is still news
    kind, why, _ = one(
        f"Voting against was Charles I. Plosser who {reason}", "President Plosser preferred to raise the rate."
    )
    assert kind is Kind.VOTE and "dissent changed" in why
    kind, why, _ = one(f"Voting against was Charles I. Plosser who {reason}", f"President Fisher {reason}")
    assert kind is Kind.VOTE and "dissenters: before, Plosser; now, Fisher" in why


def test_a_rate_hold_is_named_beside_a_taper_step() -> None:
    """2013-12-18 -> 2014-01-29 (blind Fed watcher): the lede led with the taper step, and
    "decision unchanged" named the rate hold for only three of ten taper comparisons; a
    decision on purchases does not say whether the rate held, one on the rate does."""
    hold = (
        "The Committee also reaffirmed its expectation that the current exceptionally low target range for the "
        "federal funds rate of 0 to 1/4 percent will be appropriate at least as long as the unemployment rate "
        "remains above 6-1/2 percent."
    )
    pace_old = (
        "Beginning in January, the Committee decided to add to its holdings of agency mortgage-backed securities "
        "at a pace of $35 billion per month rather than $40 billion per month."
    )
    pace_new = (
        "Beginning in February, the Committee decided to add to its holdings of agency mortgage-backed securities "
        "at a pace of $30 billion per month rather than $35 billion per month."
    )
    beads = [B((0,), (0,), 0.9), B((1,), (1,), 0.99)]
    assert _held([pace_old, hold], [pace_new, hold], beads) == 1
    # a rate move in the lede is no hold, whatever else repeats
    cut_old = "The Committee decided to keep its target for the federal funds rate at 2 percent."
    cut_new = "The Committee decided to lower its target for the federal funds rate to 1-3/4 percent."
    assert _held([cut_old, hold], [cut_new, hold], beads) is None


OPENER = "President Joseph R. Biden, Jr. spoke today with President Volodymyr Zelenskyy of Ukraine."
ANNEXATION = (
    "President Joseph R. Biden, Jr., joined by Vice President Kamala Harris, spoke today with President "
    "Volodymyr Zelenskyy of Ukraine to underscore that the United States will never recognize Russia’s "
    "purported annexation of Ukrainian territory."
)
GRAIN = "He welcomed the success of the agreement that has allowed the safe export of Ukrainian grain."


def _opener_brief(old: str, new: str, *docs_before: list[str]) -> tuple[lede.Brief, int]:
    """A series: `docs_before` (each a document), then [old, GRAIN] and [new, GRAIN + ...]."""
    series = [*docs_before, [old, GRAIN], [new, GRAIN.replace("grain", "grain to global markets")]]
    entries = [entry(f"d{k}", f"2022-{k + 1:02d}-01", d) for k, d in enumerate(series)]
    beads = [
        [B((0,), (0,), 0.9)]
        + [B((i,), (), None) for i in range(1, len(a))]
        + [B((), (j,), None) for j in range(1, len(b))]
        for a, b in zip(series, series[1:], strict=False)
    ]
    return brief(*entries, beads=beads), len(series) - 2


def _opener_framing(old: str, new: str, *docs_before: list[str]) -> float:
    """The framing feature of the opener `old` -> `new` (`_opener_brief`)."""
    b, k = _opener_brief(old, new, *docs_before)
    return {i.claim: i for i in lede.rank_comparison(b, k, shipped())}[0].features["framing"]


def test_an_opener_whose_purpose_carries_a_message_is_no_frame() -> None:
    # Zelenskyy readouts 2022-08-25 -> 10-04: "… to underscore that the United States will never
    # recognize Russia's purported annexation …" was ranked sixth as a greeting rewritten (a blind
    # readout watcher: the news of that call)
    b, k = _opener_brief(OPENER, ANNEXATION)
    items = lede.rank_comparison(b, k, shipped())
    order = [i.claim for i in items]
    assert order.index(0) < 2 and items[order.index(0)].features["framing"] == 0
    assert not items[order.index(0)].features.get("roster")  # names and commas, but no list
    # the same opener edited in its greeting only ("hosted" -> "spoke with", a time) stays a frame,
    # below the new message
    b, k = _opener_brief(OPENER.replace("spoke today with", "hosted"), OPENER)
    items = lede.rank_comparison(b, k, shipped())
    order = [i.claim for i in items]
    assert order.index(0) > order.index(2) and items[order.index(0)].features["framing"] == 1.0


def test_an_opener_in_the_series_common_words_stays_a_frame() -> None:
    # Zelenskyy readouts 2024: "… to underscore the United States' lasting commitment to supporting
    # Ukraine as it defends its freedom against Russian aggression" led the call where the
    # administration promised new packages: support, defence and aggression are in most readouts
    common = "The United States will support Ukraine as it defends its freedom against Russian aggression."
    purpose = OPENER.replace(
        "Ukraine.", "Ukraine to underscore lasting support as Ukraine defends its freedom against aggression."
    )
    assert _opener_framing(OPENER, purpose, *[[OPENER, common]] * 6) == 1.0
    # outside a series (two documents), those words are the other document's news
    assert _opener_framing(OPENER, purpose) == 0.0


def test_a_readout_line_that_marks_a_day_is_no_new_message() -> None:
    # Netanyahu readouts 2024-04-28 -> 05-06 (a blind readout watcher): "The President reaffirmed
    # his message on Yom HaShoah, Holocaust Remembrance Day" was second, above the statement with
    # 17 world leaders the earlier readout carried
    day = "The President reaffirmed his message on Yom HaShoah, Holocaust Remembrance Day."
    news = "The President welcomed the opening of the Kerem Shalom crossing for humanitarian deliveries."
    before = [OPENER, "The leaders discussed the hostages."]
    after = [OPENER.replace("today", "this morning"), day, news]
    beads = [[B((0,), (0,), 0.9), B((1,), (), None), B((), (1,), None), B((), (2,), None)]]
    items = {
        i.after: i
        for i in lede.rank_comparison(
            brief(entry("a", "2024-04-28", before), entry("b", "2024-05-06", after), beads=beads), 0, shipped(), limit=9
        )
    }
    assert "new_message" not in items[(1,)].features and items[(2,)].features["new_message"] > 0


def test_a_package_announced_once_is_stated_earlier_not_withdrawn() -> None:
    # Zelenskyy readouts 2023-05-21 -> 06-25 (a blind readout watcher): "no longer states $375
    # million" and "gone: $225 million" read as aid withdrawn or cut; the package was announced once
    package = "The President announced an additional $375 million in ammunition and equipment for Ukraine."
    before = [OPENER, package, "The leaders discussed air defense."]
    after = [OPENER.replace("today", "this morning"), "The leaders discussed recent events in Russia."]
    beads = [[B((0,), (0,), 0.9), B((1,), (), None), B((2,), (), None), B((), (1,), None)]]
    items = lede.rank_comparison(
        brief(entry("a", "2023-05-21", before), entry("b", "2023-06-25", after), beads=beads), 0, shipped(), limit=10
    )
    dropped = next(i for i in items if i.claim is not None and i.before == (1,))
    assert dropped.reason == "stated earlier: $375 million"
    # a policy statement's amount is a level: the later statement no longer states it
    decided = [s.replace("The President announced", "The Committee decided to purchase") for s in before]
    items = lede.rank_comparison(
        brief(entry("a", "2023-05-21", decided), entry("b", "2023-06-25", after), beads=beads), 0, shipped(), limit=10
    )
    dropped = next(i for i in items if i.claim is not None and i.before == (1,))
    assert dropped.reason == "no longer states $375 million"
    # an edited line that leaves the sum out (2024-06-07 -> 07-11: "gone: $225 million")
    old = "The President announced a new package of security assistance valued at $225 million."
    new = "The President announced an additional package of security assistance with a Patriot system."
    edited = brief(
        entry("a", "2024-06-07", [OPENER, old, "The leaders discussed air defense."]),
        entry("b", "2024-07-11", [OPENER.replace("today", "this morning"), new, "They discussed energy."]),
        beads=[[B((0,), (0,), 0.9), B((1,), (1,), 0.8), B((2,), (), None), B((), (2,), None)]],
    )
    item = next(i for i in lede.rank_comparison(edited, 0, shipped(), limit=10) if i.before == (1,))
    assert "stated earlier: $225 million" in item.reason and "gone" not in item.reason


def test_an_opener_edited_in_two_purpose_words_is_edited_in_its_frame() -> None:
    # Zelenskyy readouts 2023-05-21 -> 06-25: "~~met~~ **spoke** … to ~~reaffirm the U.S.
    # commitment to supporting the people of Ukraine~~ **discuss support for Ukraine …**" stood
    # second, above the F-16 line dropped and "recent events in Russia" (a blind readout watcher)
    old = OPENER.replace("Ukraine.", "Ukraine to reaffirm U.S. support.")
    new = OPENER.replace("spoke today with", "met with")
    new = new.replace("Ukraine.", "Ukraine to discuss support for air defense.")
    b, k = _opener_brief(old, new)
    items = lede.rank_comparison(b, k, shipped())
    order = [i.claim for i in items]
    assert items[order.index(0)].features["slight"] == 1.0 and order.index(0) > order.index(2)
    # three purpose words the earlier document lacks are a message the opener carries
    more = new.replace("air defense.", "air defense and fighter jets.")
    b, k = _opener_brief(old, more)
    items = lede.rank_comparison(b, k, shipped())
    assert items[[i.claim for i in items].index(0)].features["slight"] == 0.0


def test_an_opener_that_greets_on_an_occasion_is_a_frame() -> None:
    # Zelenskyy readouts 2023-07-12 -> 08-24: "… to congratulate him on Ukraine's Independence Day
    # and commemorate eighteen months since Russia's brutal invasion of Ukraine" led (a blind
    # readout watcher: the occasion for the call, not a headline)
    greeting = OPENER.replace(
        "Ukraine.",
        "Ukraine to congratulate him on Ukraine’s Independence Day and commemorate eighteen months since "
        "Russia’s brutal invasion of Ukraine.",
    )
    assert _opener_framing(OPENER, greeting) == 1.0
    # a congratulation on an act, not an occasion, is the news (Netanyahu 2024-10-17: Sinwar)
    act = OPENER.replace(
        "Ukraine.", "Ukraine to congratulate him on the mission that killed the enemy's top commander."
    )
    assert _opener_framing(OPENER, act) == 0.0


def test_a_new_line_in_the_series_common_words_is_no_new_message() -> None:
    # Zelenskyy readouts 2023-09-21 -> 10-19: "The leaders discussed Ukraine's ongoing fight to
    # defend its freedom and independence from Russian aggression" led (a blind readout watcher:
    # boilerplate), above the last use of "as long as it takes"
    usual = "The leaders discussed Ukraine's fight to defend its freedom and independence from Russian aggression."
    line = "The leaders discussed Ukraine's ongoing fight to defend its freedom from Russian aggression."
    news = "The leaders discussed the corridor in the Black Sea to export grain to global markets."
    series = [[OPENER, usual, GRAIN]] * 4 + [[OPENER, GRAIN, "He thanked the people."]] * 4
    # the last readout edits every line it keeps: loosely related, as readouts are
    series += [[OPENER.replace("today", "this morning"), GRAIN.replace("grain.", "grain and corn."), line, news]]
    entries = [entry(f"d{k}", f"2023-{k + 1:02d}-01", d) for k, d in enumerate(series)]
    beads = [[B((i,), (i,), 1.0) for i in range(3)] for _ in series[:-2]]
    beads += [[B((0,), (0,), 1.0), B((1,), (1,), 1.0), B((2,), (), None), B((), (2,), None), B((), (3,), None)]]
    b = brief(*entries, beads=beads)
    items = {i.claim: i for i in lede.rank_comparison(b, len(series) - 2, shipped(), limit=10)}
    line_at = next(j for j, c in enumerate(b.comparisons[-1].claims) if c.after == (2,))
    news_at = next(j for j, c in enumerate(b.comparisons[-1].claims) if c.after == (3,))
    assert "new_message" not in items[line_at].features and items[news_at].features["new_message"] > 0
    # compared alone, the two documents have no common words: the line is new to the earlier one
    alone = brief(entries[-2], entries[-1], beads=beads[-1:])
    assert lede.rank_comparison(alone, 0, shipped(), limit=10)[0].features.get("new_message")


def test_two_amounts_of_loosely_related_readouts_are_not_one_amount_changed() -> None:
    # Zelenskyy readouts 2022-08-25 -> 10-04: "nearly $3 billion → $625 million" read as an aid cut
    # (a blind readout watcher); they are two packages
    old = "He provided an update on yesterday’s announcement of nearly $3 billion to support Ukraine’s defense."
    new = "He announced today a new $625 million security assistance package to support Ukraine’s defense."
    claim = (
        brief(entry("a", "2022-08-25", [old]), entry("b", "2022-10-04", [new]), beads=[[B((0,), (0,), 0.8)]])
        .comparisons[0]
        .claims[0]
    )
    before, after = (entry("a", "2022-08-25", [old]).sentences, entry("b", "2022-10-04", [new]).sentences)
    loose = lede.describe(claim, before, after, loose=True)
    assert loose is not None and loose[2] == "$625 million (earlier: nearly $3 billion)"
    close = lede.describe(claim, before, after, loose=False)
    assert close is not None and "nearly $3 billion → $625 million" in close[2]


def test_a_new_message_of_a_readout_leads_an_edited_restatement() -> None:
    # Netanyahu readouts 2023-10-29 -> 11-06 (headline labels L17n): "discussed ongoing efforts
    # to secure the release of hostages …", edited, led the tactical pauses the labeler put first
    before = [
        "President Biden spoke this morning with Prime Minister Netanyahu.",
        "The leaders discussed ongoing efforts to secure the release of hostages held by Hamas.",
    ]
    after = [
        "President Biden spoke today with Prime Minister Netanyahu.",
        "The leaders discussed ongoing efforts to secure the release of all hostages held by Hamas, including "
        "Americans.",
        "The two leaders discussed the possibility of tactical pauses to provide civilians with opportunities to "
        "safely depart areas of ongoing fighting.",
    ]
    beads = [[B((0,), (0,), 0.9), B((1,), (1,), 0.8), B((), (2,), None)]]
    items = lede.rank_comparison(
        brief(entry("a", "2023-10-29", before), entry("b", "2023-11-06", after), beads=beads), 0, shipped()
    )
    assert items[0].claim == 2 and items[0].features["new_message"] == 1.0
    # in a policy statement (the Committee decides) the decision and its edits lead, not every new line
    statement = [s.replace("The leaders discussed", "The Committee decided to discuss") for s in after]
    old = [s.replace("The leaders discussed", "The Committee decided to discuss") for s in before]
    items = lede.rank_comparison(
        brief(entry("a", "2023-10-29", old), entry("b", "2023-11-06", statement), beads=beads), 0, shipped()
    )
    assert all("new_message" not in i.features for i in items)


def test_a_document_mostly_new_weighs_each_new_line_less() -> None:
    # the seeds' commentary: ten new sentences, of which the news is a dropped one
    before = ["It is imperative to relieve the stranglehold on core technologies.", "Basic research matters."]
    after = ["Basic research matters a great deal."] + [
        f"China will pursue research priority number {k}." for k in range(8)
    ]
    beads = [[B((1,), (0,), 0.6), B((0,), (), None)] + [B((), (j,), None) for j in range(1, 9)]]
    items = lede.rank_comparison(
        brief(entry("a", "2023-02-26", before), entry("b", "2023-08-05", after), beads=beads), 0, shipped(), limit=20
    )
    assert {i.features.get("new_message") for i in items if i.kind is Kind.NEW} == {0.5}


def test_a_new_dissent_ranks_among_the_first_four() -> None:
    # 2005-08-09 -> 2005-09-20 (a blind Fed watcher): "Voting against was Mark W. Olson, who
    # preferred no change" stood seventh of seven, below a reworded connective
    before = [
        "The Federal Open Market Committee decided today to raise its target for the federal funds rate by 25 basis "
        "points to 3-1/2 percent.",
        "The Committee believes that, even after this action, the stance of monetary policy remains accommodative.",
        "Aggregate spending appears to have strengthened since late winter.",
        "Core inflation has been relatively low in recent months.",
        "The Committee perceives that the upside and downside risks should be kept roughly equal.",
        "Policy accommodation can be removed at a pace that is likely to be measured.",
    ]
    after = [
        "The Federal Open Market Committee decided today to raise its target for the federal funds rate by 25 basis "
        "points to 3-3/4 percent.",
        "Rather, monetary policy accommodation is providing ongoing support to economic activity.",
        "Output appeared poised to continue growing at a good pace before the tragic toll of Hurricane Katrina.",
        "However, core inflation has been relatively low in recent months.",
        "The Committee perceives that, with appropriate monetary policy action, the upside and downside risks should "
        "be kept roughly equal.",
        "Policy accommodation can be removed at a pace that is likely to be measured, the Committee judges.",
        "Voting against was Mark W. Olson, who preferred no change in the federal funds rate target at this meeting.",
    ]
    beads = [[B((i,), (i,), 0.8) for i in range(6)] + [B((), (6,), None)]]
    b = brief(entry("a", "2005-08-09", before), entry("b", "2005-09-20", after), beads=beads)
    ranked = [i.claim for i in lede.rank_comparison(b, 0, shipped())]
    assert 6 in ranked[:4], ranked
    everything = [i.claim for _, i in lede.candidates(b, 0, shipped())]
    assert everything.index(6) >= 4  # its score alone would not earn the place: the rule gives it


@pytest.mark.parametrize(
    ("text", "dissent"),
    [
        ("Voting against the action: none.", False),
        ("Voting against the action were: Edward M. Gramlich and Robert D. McTeer, Jr.", True),
        ("Voting against was Mark W. Olson, who preferred no change.", True),
    ],
)
def test_a_roster_of_no_dissenters_is_no_dissent(text: str, dissent: bool) -> None:
    # "Voting against the action: none." (2002) had been moved into the first three as a dissent
    b = brief(entry("a", "2002-01-30", []), entry("b", "2002-03-19", [text]), beads=[[B((), (0,), None)]])
    assert bool(lede.rank_comparison(b, 0, shipped())[0].features.get("dissent")) is dissent


@pytest.mark.parametrize(
    ("old", "new", "slight"),
    [
        # 2023-07-17 -> 10-08 (blind readout watcher): fifth, above the hostages
        (
            "President Joseph R. Biden, Jr. spoke today with Prime Minister Benjamin Netanyahu of Israel to discuss a "
            "broad range of global and regional issues of mutual concern.",
            "President Biden spoke this morning with Prime Minister Netanyahu of Israel.",
            True,
        ),
        (
            "President Biden spoke this morning with Prime Minister Netanyahu of Israel.",
            "President Biden spoke with Prime Minister Netanyahu of Israel to congratulate him on the mission "
            "conducted in Gaza that killed Hamas leader Yahya Sinwar.",
            False,
        ),
    ],
)
def test_an_opener_that_says_nothing_either_way_is_edited_slightly(old: str, new: str, slight: bool) -> None:
    b = brief(entry("a", "2023-07-17", [old]), entry("b", "2023-10-08", [new]), beads=[[B((0,), (0,), 0.9)]])
    got = lede.describe(b.comparisons[0].claims[0], b.documents[0].sentences, b.documents[1].sentences)
    assert got is not None and bool(got[1].get("slight")) is slight


def test_a_span_of_time_is_no_amount_a_dropped_line_no_longer_states() -> None:
    # 2004-12-14 -> 2005-02-02 (a blind Fed watcher): "no longer states three weeks" read as the
    # faster release of the minutes reversed, where the one-off announcement was not repeated
    minutes = (
        "Beginning with this meeting, the minutes of regularly scheduled meetings will be released three weeks "
        "after the date of the policy decision."
    )
    assert one(minutes, None)[1] == ""
    # a pace is an amount, however it ends
    pace = "The Committee will purchase agency securities at a pace of $40 billion per month."
    assert "$40 billion per month" in one(pace, None)[1]


def test_a_new_frame_is_no_new_message() -> None:
    # Zelenskyy readouts 2023-06-25 -> 07-12 (blind readout watcher): "President Joe Biden met with
    # President Volodymyr Zelenskyy of Ukraine in Vilnius on July 12, 2023" ranked second
    before = ["President Biden spoke today with President Zelenskyy of Ukraine.", "The leaders discussed Crimea."]
    after = [
        "President Joe Biden met with President Volodymyr Zelenskyy of Ukraine in Vilnius on July 12, 2023.",
        "President Biden welcomed the G7 Joint Declaration of Support for Ukraine.",
    ]
    beads = [[B((0,), (), None), B((1,), (), None), B((), (0,), None), B((), (1,), None)]]
    b = brief(entry("a", "2023-06-25", before), entry("b", "2023-07-12", after), beads=beads)
    got = {i.claim: i for i in lede.rank_comparison(b, 0, shipped())}
    opener, message = (next(i for i in got.values() if i.after == (j,)) for j in (0, 1))
    assert "new_message" not in opener.features and opener.features["framing"] == 1.0
    assert message.features["new_message"] == 1.0 and message.score > opener.score


RISKS_2001 = (
    "the Committee continues to believe that against the background of its long-run goals of price stability "
    "and sustainable economic growth and of the information currently available, the risks are weighted mainly "
    "toward conditions that may generate economic weakness in the foreseeable future."
)
RISK_WORDS_MOVED = (
    "Although long-term prospects for productivity growth and the economy remain favorable, the " + RISKS_2001,
    "For the foreseeable future, the " + RISKS_2001.replace(" in the foreseeable future", ""),
)
"""2001-08-21 -> 09-17: a clause dropped and "in the foreseeable future" moved to the front."""
RISK_BALANCE_MOVED = (
    "The " + RISKS_2001,
    "The " + RISKS_2001.replace("economic weakness", "heightened inflation pressures"),
)


@pytest.mark.parametrize(
    ("old", "new", "stance"),
    [
        # a clause added before an unchanged balance of risks (2001-05-15 -> 06-27), words moved
        # within it (2001-08-21 -> 09-17): second and third for a blind Fed watcher, for whom the
        # balance of risks never changed in 2001
        (
            "The " + RISKS_2001,
            "Although continuing favorable trends bolster long-term prospects for productivity growth and the "
            "economy, the " + RISKS_2001,
            False,
        ),
        (*RISK_WORDS_MOVED, False),
        # the balance itself edited
        (*RISK_BALANCE_MOVED, True),
    ],
)
def test_a_risk_line_moves_the_stance_only_where_its_assessment_is_edited(old: str, new: str, stance: bool) -> None:
    b = brief(entry("a", "2001-05-15", [old]), entry("b", "2001-06-27", [new]), beads=[[B((0,), (0,), 0.9)]])
    got = lede.describe(b.comparisons[0].claims[0], b.documents[0].sentences, b.documents[1].sentences)
    assert got is not None
    assert bool(got[1]["stance"]) is stance


def test_a_running_total_follows_the_decision_and_is_no_policy_action() -> None:
    """2001-06-27 -> 08-21: "275 -> 300 basis points" since January, second as a policy action,
    is to a blind Fed watcher "arithmetic that follows from the cut"."""
    tally = (
        "Today's action by the FOMC brings the decline in the target federal funds rate since the beginning of "
        "the year to {} basis points."
    )
    kind, reason, _ = one(tally.format(275), tally.format(300))
    assert kind is Kind.REWORDED and reason == "running total: 275 basis points → 300 basis points"
    # and, only its sum moved, it is a slight edit: it says nothing the decision does not
    b = brief(
        entry("a", "2001-06-27", [tally.format(275)]),
        entry("b", "2001-08-21", [tally.format(300)]),
        beads=[[B((0,), (0,), 0.9)]],
    )
    got = lede.describe(b.comparisons[0].claims[0], b.documents[0].sentences, b.documents[1].sentences)
    assert got is not None and got[1]["slight"] == 1.0 and not got[1].get("changed")
    # a cut of the same size, said as the decision, is the action
    cut = "The Committee decided today to lower its target for the federal funds rate by 25 basis points to {} percent."
    assert one(cut.format("3-3/4"), cut.format("3-1/2"))[0] is Kind.ACTION


@pytest.mark.parametrize(
    ("old", "new", "held"),
    [
        # its sentence edited elsewhere, or its words moved (2001-08-21 -> 09-17)
        ("The " + RISKS_2001, "Hence, the " + RISKS_2001, True),
        (*RISK_WORDS_MOVED, True),
        # the balance itself moved
        (*RISK_BALANCE_MOVED, False),
    ],
)
def test_an_unchanged_balance_of_risks_is_said_above_the_lede(old: str, new: str, held: bool) -> None:
    """2001: "risks weighted mainly toward ... weakness" held at every meeting while its sentence
    changed; a blind Fed watcher: "the one constant is never stated"."""
    b = brief(entry("a", "2001-11-06", [old]), entry("b", "2001-12-11", [new]), beads=[[B((0,), (0,), 0.9)]])
    b = dataclasses.replace(b, lede=lede.lede(b, shipped()))
    md = render.render(b, Format.MARKDOWN)
    risks = render.to_dict(b)["comparisons"][0]["unchanged_risks"]
    if held:
        clause = "risks are weighted mainly toward conditions that may generate economic weakness"
        assert clause in risks["text"] and risks["claim"] == 0
        assert f"**Balance of risks unchanged:** “the {clause}" in md
        assert "Balance of risks unchanged:</strong>" in render.render(b, Format.HTML)
    else:
        assert risks is None and "Balance of risks unchanged" not in md


def test_a_line_that_leans_on_the_line_before_is_read_with_it(seeds_brief) -> None:
    """A blind China watcher read "six key areas" and "these six aspects", two items of the
    seeds' lede, as one message split in two, and "During the session, Xi also stressed ... the
    stranglehold", quoted alone, as said at the wrong meeting (the line before names the January
    31 session)."""
    c, items = seeds_brief.comparisons[0], seeds_brief.lede[0]
    md = render.render(seeds_brief, Format.MARKDOWN)
    (aspects,) = [
        i
        for i in items
        if i.after and any("these six aspects" in seeds_brief.documents[1].sentences[j].text for j in i.after)
    ]
    assert any("six key areas" in seeds_brief.documents[1].sentences[j].text for j in aspects.after)
    (session,) = [
        i
        for i in items
        if i.before and any("stranglehold" in seeds_brief.documents[0].sentences[j].text for j in i.before)
    ]
    assert any("January 31" in seeds_brief.documents[0].sentences[j].text for j in session.before)
    line = next(x for x in md.splitlines() if "stranglehold" in x and x[:2].rstrip(".").isdigit())
    assert "on January 31" in line and "(before s5–s6)" in line
    assert render.to_dict(seeds_brief)["comparisons"][0]["lede"][items.index(session)]["before"] == [4, 5]
    # each claim still appears in one item only
    assert sum(1 for i in items if set(i.after) & set(aspects.after)) == 1
    assert len({i.claim for i in items}) == len(items) and c.claims


QE3 = (
    "To support a stronger economic recovery, the Committee agreed today to increase policy accommodation by "
    "purchasing additional agency mortgage-backed securities at a pace of $40 billion per month."
)
HOLD_2014 = (
    "The Committee decided today to keep the target range for the federal funds rate at 0 to 1/4 percent and "
    "currently anticipates that exceptionally low levels for the federal funds rate are likely to be warranted "
    "at least through late 2014."
)


def test_a_hold_beside_a_new_program_is_a_rate_held_and_a_hold_ranked_is_not_quoted_unchanged() -> None:
    """2012-08-01 -> 09-13 (a blind Fed watcher): "Decision unchanged" above the first month of
    open-ended purchases read as no news, and it quoted the sentence the lede showed edited
    ("late 2014" -> "mid-2015")."""
    b = brief(
        entry("a", "2012-08-01", [HOLD_2014]),
        entry("b", "2012-09-13", [HOLD_2014, QE3]),
        beads=[[B((0,), (0,), 0.99), B((), (1,), None)]],
    )
    b = dataclasses.replace(b, lede=lede.lede(b, shipped()))
    assert lede.unchanged_decision(b, 0) == 0
    assert "**Rate unchanged:** The Committee decided today" in render.render(b, Format.MARKDOWN)
    moved = HOLD_2014.replace("late 2014", "mid-2015")
    b = brief(
        entry("a", "2012-08-01", [HOLD_2014]),
        entry("b", "2012-09-13", [moved, QE3]),
        beads=[[B((0,), (0,), 0.95), B((), (1,), None)]],
    )
    b = dataclasses.replace(b, lede=lede.lede(b, shipped()))
    assert 0 in {i.claim for i in b.lede[0]} and lede.unchanged_decision(b, 0) is None
    assert "unchanged:**" not in render.render(b, Format.MARKDOWN)
    # beside a taper step, a held stance that names no rate is the stance (2014-03-19 -> 04-30:
    # "Decision unchanged" above a cut in the pace of purchases)
    stance = REAFFIRMED.replace(
        "the current 0 to 1/4 percent target range for the federal funds rate",
        "a highly accommodative stance of monetary policy",
    )
    for held, label in ((stance, "Stance"), (REAFFIRMED, "Rate")):
        b = brief(
            entry("a", "2014-03-19", [held, QE3]),
            entry("b", "2014-04-30", [held, QE3.replace("$40", "$35")]),
            beads=[[B((0,), (0,), 0.99), B((1,), (1,), 0.95)]],
        )
        b = dataclasses.replace(b, lede=lede.lede(b, shipped()))
        assert f"**{label} unchanged:** To support continued progress" in render.render(b, Format.MARKDOWN)


def test_the_guidance_a_dissenter_names_is_no_committee_guidance() -> None:
    """2012-01-25 -> 03-13: Lacker's re-argued dissent ("... through late 2014") led the lede, above
    the economy's news (a blind Fed watcher)."""
    old = (
        "Voting against the action was Jeffrey M. Lacker, who preferred to omit the description of the time period "
        "over which economic conditions are likely to warrant exceptionally low levels of the federal funds rate."
    )
    new = (
        "Voting against the action was Jeffrey M. Lacker, who does not anticipate that economic conditions are "
        "likely to warrant exceptionally low levels of the federal funds rate through late 2014."
    )
    b = brief(entry("a", "2012-01-25", [old]), entry("b", "2012-03-13", [new]), beads=[[B((0,), (0,), 0.9)]])
    got = lede.describe(b.comparisons[0].claims[0], b.documents[0].sentences, b.documents[1].sentences)
    assert got is not None and got[1]["dissent"] == 1.0
    assert not (got[1]["date_guidance"] or got[1]["stance"] or got[1]["guidance"])
    # the Committee's own guidance keeps its weight
    committee = new.replace(
        "Voting against the action was Jeffrey M. Lacker, who does not anticipate", "The Committee anticipates"
    )
    b = brief(
        entry("a", "2012-01-25", [old.replace("Voting against", "Voting for")]),
        entry("b", "2012-03-13", [committee]),
        beads=[[B((0,), (0,), 0.9)]],
    )
    got = lede.describe(b.comparisons[0].claims[0], b.documents[0].sentences, b.documents[1].sentences)
    assert got is not None and got[1]["date_guidance"] == 1.0


def test_a_goal_named_in_an_edit_is_no_policy_action() -> None:
    """2012-09-13: "at or below its 2 percent objective", seventh as a policy action (a blind Fed
    watcher)."""
    kind, reason, _ = one(
        "The Committee anticipates that inflation over the medium term will run at or below the rate that it "
        "judges most consistent with its dual mandate.",
        "The Committee also anticipates that inflation over the medium term likely would run at or below its "
        "2 percent objective.",
    )
    assert kind is not Kind.ACTION
