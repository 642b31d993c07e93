"""A long series renders compactly: formulations and lineage on a time axis, not a column per document."""

from __future__ import annotations

import dataclasses
import json
import re

from compare import render, timeline
from compare.types import Format
from render_builders import long_series


def _widest_table(html: str) -> int:
    """Columns of the widest table header in `html`."""
    return max((len(re.findall(r"<th[ >]", head)) for head in re.findall(r"<thead>.*?</thead>", html, re.S)), default=0)


def test_a_long_series_is_drawn_on_a_time_axis_in_html() -> None:
    b = long_series(60)
    page = render.render(b, Format.HTML)
    lineage = page[page.index('<section id="lineage">') : page.index('<section id="formulations">')]
    phrases = page[page.index('<section id="formulations">') : page.index('<section id="texts">')]
    for section in (lineage, phrases):
        assert "<svg" in section and "<script" not in section
        assert _widest_table(section) <= 4
    # the guidance phrase is one row, one bar from its first to its last document, with its dates
    row = next(r for r in timeline.phrase_rows(b) if r.formulation.phrase == "considerable period")
    assert [(bar.start, bar.end) for bar in row.bars] == [(15, 29)]
    assert (row.first, row.last) == ("2011-04-15", "2012-06-15")
    assert row.shifts == (("2012-07-15", "some time"),)
    assert "<title>“considerable period”: 2011-04-15 – 2012-06-15</title>" in phrases
    # thread rows are titled by their first wording
    assert "Business spending rose and housing fell in month 0." in lineage


def test_a_long_series_markdown_has_compact_tables() -> None:
    text = render.render(long_series(60), Format.MARKDOWN)
    tail = text[text.index("## Lineage") : text.index("## Full texts")]
    widest = max(line.count("|") for line in tail.splitlines() if line.startswith("|"))
    assert widest <= 5
    assert (
        "| “considerable period”, in “…policy accommodation can be maintained for a considerable period…” "
        "| 2011-04-15 → 2012-06-15 | 15 | 2012-07-15: “some time” |"
    ) in tail


def test_a_short_series_keeps_a_column_per_document() -> None:
    b = long_series(8)
    page = render.render(b, Format.HTML)
    lineage = page[page.index('<section id="lineage">') : page.index('<section id="formulations">')]
    assert "<svg" not in lineage and _widest_table(lineage) == 9


def test_runs_of_absent_collapse_into_one_cell() -> None:
    from compare.types import Cell, Thread

    gone, on = Cell("absent"), Cell("repeated", (0,))
    t = Thread(
        "c1",
        (Cell(""), Cell(""), Cell("new", (0,)), Cell("dropped"), gone, gone, gone, Cell("revived", (1,), span=4), on),
    )
    assert [(c.status, w) for c, w in timeline.collapsed(t)] == [
        ("", 2),
        ("new", 1),
        ("dropped", 1),
        ("absent", 3),
        ("revived", 1),
        ("repeated", 1),
    ]
    assert timeline.events(render_brief_for(t), t) == (
        "dropped 2010-04-15",
        "revived 2010-08-15 (absent from 4 documents)",
    )


def render_brief_for(t):
    import dataclasses

    b = long_series(len(t.cells))
    return dataclasses.replace(b, lineage=(t,))


def test_a_changed_thread_shows_its_latest_wording_beside_its_first() -> None:
    """Blind Fed watcher, 2019: a row titled "decided to raise …" read "repeated" through the
    holds that followed. A thread whose words changed shows "→ now:" and its latest wording; one
    whose latest wording is its first shows that one wording."""
    b = long_series(6)
    text = render.render(b, Format.MARKDOWN)
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    business = next(r for r in rows if r.startswith("| Business spending rose and housing fell in month 0."))
    assert "→ now: Business spending rose and housing fell in month 5." in business
    # "for some time", then "for a considerable period", then "for some time" again: one wording
    guidance = next(r for r in rows if "policy accommodation can be maintained" in r)
    assert "changed" in guidance and "→ now:" not in guidance
    assert "→ now: Business spending rose and housing fell in month 5." in render.render(b, Format.HTML)


def test_a_thread_dropped_since_shows_its_last_wording_not_now() -> None:
    """Blind readout watcher: a row read "→ now: …" for a line dropped two documents before."""
    import dataclasses

    from compare.types import Cell, Thread

    b = long_series(6)
    t = Thread(
        "c1",
        (
            Cell("first", (1,)),
            Cell("changed", (1,)),
            Cell("repeated", (1,)),
            Cell("dropped"),
            Cell("absent"),
            Cell("absent"),
        ),
    )
    assert timeline.thread_now(dataclasses.replace(b, lineage=(t,)), t) == ("last", b.documents[2].sentences[1].text)
    carried = dataclasses.replace(
        t, cells=(*t.cells[:3], Cell("repeated", (1,)), Cell("repeated", (1,)), Cell("repeated", (1,)))
    )
    assert timeline.thread_now(b, carried) is None  # carried to the end, back in its first wording


def test_a_weak_pair_in_a_thread_is_named_with_its_odds() -> None:
    """A change the pair model gives less than even odds is named as such, in the events of a
    long series, in the cells of a short one and in JSON, not as the claim edited (blind readout
    watchers: "the lineage invents continuity")."""
    long_ = long_series(20)  # its third sentence pairs at 0.6 from document to document
    weak = dataclasses.replace(long_, lineage=tuple(_weakened(t) for t in long_.lineage))
    row = next(r for r in timeline.thread_rows(weak)[0] if any(c.weak for c in r.thread.cells))
    assert any("weak pairs, maybe another claim (" in e and ", p 0.30" in e for e in row.events)
    short = dataclasses.replace(long_series(6), lineage=tuple(_weakened(t) for t in long_series(6).lineage))
    assert "(weak pair, p 0.30)" in render.render(short, Format.MARKDOWN)
    assert "weak pair, p 0.30" in render.render(short, Format.HTML)
    cells = [c for t in json.loads(render.render(short, Format.JSON))["lineage"] for c in t["cells"]]
    assert {c.get("pair_probability") for c in cells if c["status"] == "changed"} >= {0.3}


def _weakened(t):  # type: ignore[no-untyped-def]
    """`t` with each change carried by a pair of 0.3."""
    cells = tuple(dataclasses.replace(c, probability=0.3) if c.status == "changed" else c for c in t.cells)
    return dataclasses.replace(t, cells=cells)
