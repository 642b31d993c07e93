"""Key formulations: recurring phrases found automatically, watched phrases, wording shifts."""

from __future__ import annotations

from compare.formulations import count, formulations

DOCS = [
    [
        "Xi urged self-reliance and strength in science and technology.",
        "The goal is self-reliance and strength in science and technology, he said.",
        "Rates will stay low for a considerable time.",
    ],
    [
        "Xi urged self-reliance and self-improvement in science and technology.",
        "Rates will stay low for a considerable time.",
    ],
    ["Rates may rise soon."],
]


def test_recurring_phrases_with_counts_per_document() -> None:
    found = {f.phrase: f for f in formulations(DOCS)}
    phrase = found["self-reliance and strength in science and technology"]
    assert phrase.counts == (2, 0, 0)
    assert phrase.first == 0 and phrase.gone == 1
    assert found["rates will stay low for a considerable time"].counts == (1, 1, 0)
    assert found["rates will stay low for a considerable time"].gone == 2
    # a shorter phrase that occurs exactly where a longer one does is not listed twice
    assert "considerable time" not in found
    assert "strength in science" not in found


def test_wording_shift_is_reported() -> None:
    found = {f.phrase: f for f in formulations(DOCS)}
    assert found["self-reliance and strength in science and technology"].shifted_to == (
        "self-reliance and self-improvement in science and technology",
    )


def test_watch_list_phrases_are_tracked_even_when_rare() -> None:
    result = formulations(DOCS, watch=["May rise", "never said"])
    assert (result[0].phrase, result[0].counts, result[0].watched) == ("May rise", (0, 0, 1), True)
    assert result[1].counts == (0, 0, 0) and result[1].first is None and result[1].gone is None


def test_count_is_whole_word_and_case_insensitive() -> None:
    assert count("considerable time", ["A CONSIDERABLE TIME, a considerable timeline."]) == 1
    assert count("world’s best", ["the world's best"]) == 1


def test_phrases_that_enter_or_leave_rank_before_boilerplate() -> None:
    series = [
        ["The Committee seeks to foster maximum employment.", "Rates stay low for a considerable time."],
        ["The Committee seeks to foster maximum employment.", "Rates stay low for a considerable time."],
        ["The Committee seeks to foster maximum employment.", "The Committee can be patient."],
        ["The Committee seeks to foster maximum employment.", "The Committee can be patient."],
    ]
    found = formulations(series)
    order = [f.phrase for f in found]
    moving = order.index("rates stay low for a considerable time")
    assert moving < order.index("committee seeks to foster maximum employment")
    assert found[moving].gone == 2


def test_windows_onto_one_passage_are_listed_once() -> None:
    passage = "especially if projected inflation continues to run below the committee's longer-run goal"
    found = [f.phrase for f in formulations([[passage + "."], [passage + "."], ["Rates held."]])]
    assert len([p for p in found if "inflation continues" in p or "run below" in p]) == 1


def test_a_watched_phrase_is_not_listed_again_as_found() -> None:
    phrases = [f.phrase.lower() for f in formulations(DOCS, watch=["Rates will stay low for a considerable time"])]
    assert phrases.count("rates will stay low for a considerable time") == 1
