"""Lineage tables: a claim followed across three or more documents."""

from __future__ import annotations

from compare.lineage import lineage
from compare.types import Claim, Comparison, Status

R, C, N, D = Status.REPEATED, Status.CHANGED, Status.NEW, Status.DROPPED


def _cmp(*claims: tuple[Status, tuple[int, ...], tuple[int, ...]]) -> Comparison:
    return Comparison("x", "y", tuple(Claim(s, b, a) for s, b, a in claims))


def test_threads_follow_claims_and_revive_dropped_ones() -> None:
    comparisons = [
        _cmp((R, (0,), (0,)), (D, (1,), ()), (N, (), (1,))),
        _cmp((C, (0,), (0,)), (R, (1,), (1,))),
        _cmp((R, (0,), (0,)), (D, (1,), ()), (N, (), (1,))),
    ]
    # document 3's new sentence 1 brings back the claim dropped in document 1
    revives = lambda k, a, m, b: 0.9 if (k, a, m, b) == (0, (1,), 3, (1,)) else 0.1  # noqa: E731
    threads = lineage(["a", "b", "c", "d"], comparisons, revives, 0.5)
    table = [[c.status for c in t.cells] for t in threads]
    assert table == [
        ["first", "repeated", "changed", "repeated"],
        ["first", "dropped", "absent", "revived"],
        ["", "new", "repeated", "dropped"],
    ]
    assert threads[1].cells[3].sentences == (1,)
    assert [t.eventful for t in threads] == [True, True, True]


def test_a_repeated_claim_is_not_eventful() -> None:
    threads = lineage(["a", "b", "c"], [_cmp((R, (0,), (0,))), _cmp((R, (0,), (0,)))], lambda *a: 0.0, 0.5)
    assert [[c.status for c in t.cells] for t in threads] == [["first", "repeated", "repeated"]]
    assert not threads[0].eventful
