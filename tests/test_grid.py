"""Watch-list groups: the file syntax, the grid of which elements each document carries (with
variants), its omissions, and how Markdown, HTML and JSON show it. The grid is string matching,
so small inline texts suffice; the CLI runs end to end with the real packaged model."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from compare import render
from compare.errors import InputError
from compare.grid import grids
from compare.load import parse_watch
from compare.types import Format, WatchGroup
from render_builders import brief, entry

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------- the watch-file syntax


def test_groups_and_single_phrases_in_one_file() -> None:
    text = """# a comment
considerable period
[Taiwan formula]
one China policy
# a comment inside a group keeps it open
peaceful means

patient
[US support]
as long as it takes
[Empty-free]
unwavering
"""
    phrases, groups = parse_watch(text)
    assert phrases == ("considerable period", "patient")
    assert groups == (
        WatchGroup("Taiwan formula", ("one China policy", "peaceful means")),
        WatchGroup("US support", ("as long as it takes",)),
        WatchGroup("Empty-free", ("unwavering",)),
    )


def test_a_list_without_groups_reads_as_before() -> None:
    assert parse_watch("patient\n\n  considerable period  \n") == (("patient", "considerable period"), ())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[Taiwan formula]\n\npeaceful means\n", "line 1: group [Taiwan formula] has no elements"),
        ("patient\n[Taiwan formula]\n", "line 2: group [Taiwan formula] has no elements"),
        ("[ ]\npeaceful means\n", "line 1: a group header needs a name"),
        ("[Taiwan formula\npeaceful means\n", "line 1: a group header is a name in brackets"),
        ("[A]\nx\n[A]\ny\n", "line 3: group [A] is given twice"),
    ],
)
def test_a_malformed_group_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_watch(text, "w.txt")


# ---------------------------------------------------------------- the grid

TAIWAN = WatchGroup("Taiwan formula", ("one China policy", "strongly", "either side", "peaceful means"))


def test_each_document_carries_its_own_elements() -> None:
    docs = [
        ["The US remains committed to its one China policy.", "It strongly opposes changes by either side."],
        ["The US strongly opposes unilateral changes.", "Differences must be resolved by peaceful means."],
        ["The one-China policy is unchanged."],
    ]
    (grid,) = grids(docs, [TAIWAN])
    assert grid.name == "Taiwan formula"
    assert {f.phrase: f.counts for f in grid.elements} == {
        "one China policy": (1, 0, 1),
        "strongly": (1, 1, 0),
        "either side": (1, 0, 0),
        "peaceful means": (0, 1, 0),
    }


def test_an_element_matches_its_variants() -> None:
    docs = [
        ["The two sides will manage competition responsibly."],
        ["They agreed to responsibly manage the competition between them."],
        ["They discussed competition in technology."],
    ]
    (grid,) = grids(docs, [WatchGroup("Guardrails", ("manage competition responsibly",))])
    assert grid.elements[0].counts == (1, 1, 0)


# ---------------------------------------------------------------- rendering


SUPPORT = WatchGroup("US support", ("as long as it takes", "unwavering", "hold Russia accountable"))


def support_brief(n: int = 5):
    """`n` readouts: the first n-1 pledge support "as long as it takes", the latest does not."""
    texts = [
        [
            "The President reaffirmed unwavering support for Ukraine.",
            "The United States will stand with Ukraine for as long as it takes."
            if k < n - 1
            else "They discussed defense.",
        ]
        for k in range(n)
    ]
    days = [f"{2023 + k // 12}-{k % 12 + 1:02d}-15" for k in range(n)]
    b = brief(*(entry(f"r{k}", days[k], t) for k, t in enumerate(texts)), beads=[[] for _ in range(n - 1)])
    return dataclasses.replace(b, grids=grids(texts, [SUPPORT]))


def test_markdown_grid_has_a_column_per_document_and_names_the_omission() -> None:
    text = render.render(support_brief(), Format.MARKDOWN)
    assert "## Watched formulas" in text and "### US support" in text
    assert "| Element | 2023-01-15 | 2023-02-15 | 2023-03-15 | 2023-04-15 | 2023-05-15 |" in text
    assert "| “unwavering” | ● | ● | ● | ● | ● |" in text
    assert "| “as long as it takes” (not named since 2023-04-15) | ● | ● | ● | ● |  |" in text
    assert "| “hold Russia accountable” |  |  |  |  |  |" in text
    assert "**Not named now:** “as long as it takes”, not named since 2023-04-15." in text


def test_a_long_series_grid_reads_in_short() -> None:
    text = render.render(support_brief(20), Format.MARKDOWN)
    assert "| Element | Carried | First named | Last named |" in text
    assert "| “as long as it takes” | in 19 of 20 | 2023-01-15 | 2024-07-15 (not named since) |" in text
    assert "| “unwavering” | in 20 of 20 | 2023-01-15 | 2024-08-15 |" in text
    assert "| “hold Russia accountable” | in 0 of 20 | never | never |" in text
    assert "| 2023-02-15 |" not in text.split("## Watched formulas")[1].split("## Full texts")[0]


def test_html_grid_is_a_plain_table_that_prints_in_grey() -> None:
    page = render.render(support_brief(), Format.HTML)
    section = page.split('<section id="grids">')[1].split("</section>")[0]
    assert "<script" not in page.lower()
    assert section.count('<td class="on">●</td>') == 5 + 4
    assert "not named since 2023-04-15" in section and 'href="#grids"' in page


def test_json_grid_validates_and_rejects_an_empty_group() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(render.schema()))
    data = json.loads(render.render(support_brief(), Format.JSON))
    validator.validate(data)
    assert data["grids"][0]["name"] == "US support"
    first = data["grids"][0]["elements"][0]
    assert first == {"phrase": "as long as it takes", "counts": [1, 1, 1, 1, 0], "omitted_since": 3}
    assert data["grids"][0]["elements"][1]["omitted_since"] is None
    data["grids"][0]["elements"] = []
    assert not validator.is_valid(data)


# ---------------------------------------------------------------- the CLI


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "compare", "-q", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


def _readouts(d: Path) -> None:
    (d / "2023-01-10.md").write_text("The President reaffirmed unwavering support for Ukraine.\n", encoding="utf-8")
    (d / "2023-02-10.md").write_text(
        "The President pledged to stand with Ukraine for as long as it takes.\n", encoding="utf-8"
    )


def test_cli_refuses_a_group_with_no_elements_in_one_line(tmp_path: Path) -> None:
    _readouts(tmp_path)
    (tmp_path / "w.txt").write_text("patient\n[US support]\n\nunwavering\n", encoding="utf-8")
    p = run("--watch", "w.txt", "2023-01-10.md", "2023-02-10.md", cwd=tmp_path)
    assert p.returncode == 3 and p.stdout == ""
    assert p.stderr.strip().splitlines() == [
        "compare: w.txt line 2: group [US support] has no elements; list them on the lines after it, one a line"
    ]


@pytest.mark.slow
def test_cli_prints_the_grid(tmp_path: Path) -> None:
    _readouts(tmp_path)
    (tmp_path / "w.txt").write_text("[US support]\nunwavering\nas long as it takes\n", encoding="utf-8")
    p = run("--watch", "w.txt", "-f", "json", "2023-01-10.md", "2023-02-10.md", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    elements = json.loads(p.stdout)["grids"][0]["elements"]
    assert [(e["phrase"], e["counts"]) for e in elements] == [("unwavering", [1, 0]), ("as long as it takes", [0, 1])]


# ---------------------------------------------------------------- the lede


def _lede_of(texts: list[list[str]]) -> list[tuple[str | None, str]]:
    """The last comparison's lede (phrase, reason) for readouts `texts`, with the SUPPORT group."""
    from compare import lede

    days = [f"2023-{k + 1:02d}-15" for k in range(len(texts))]
    b = brief(*(entry(f"r{k}", days[k], t) for k, t in enumerate(texts)), beads=[[] for _ in texts[1:]])
    b = dataclasses.replace(b, grids=grids(texts, [SUPPORT]))
    return [(i.phrase, i.reason) for i in lede.rank_comparison(b, len(texts) - 2, lede.DEFAULT_WEIGHTS)]


PLEDGE = "The United States will stand with Ukraine for as long as it takes."


def test_an_element_the_readouts_had_settled_on_is_news_when_it_goes() -> None:
    items = _lede_of([["Support."], [PLEDGE], [PLEDGE], [PLEDGE], ["They discussed defense."]])
    assert ("as long as it takes", "watched: US support") in items
    # said once, it comes and goes with its claim: the grid shows it, the lede does not
    items = _lede_of([["Support."], ["Support."], ["Support."], [PLEDGE], ["They discussed defense."]])
    assert not any(p == "as long as it takes" for p, _ in items)


def test_the_latest_lede_names_an_element_not_named_for_several_readouts() -> None:
    texts = [[PLEDGE]] * 5 + [["They discussed defense."], ["They discussed energy."]]
    items = _lede_of(texts)
    assert (
        "as long as it takes",
        "watched: US support; not named since 2023-05-15 (named in 5 of the 6 earlier documents)",
    ) in items
    # an earlier comparison's lede is about that comparison only
    from compare import lede

    days = [f"2023-{k + 1:02d}-15" for k in range(len(texts))]
    b = brief(*(entry(f"r{k}", days[k], t) for k, t in enumerate(texts)), beads=[[] for _ in texts[1:]])
    b = dataclasses.replace(b, grids=grids(texts, [SUPPORT]))
    for k in range(len(texts) - 2):
        assert not any("not named since" in i.reason for i in lede.rank_comparison(b, k, lede.DEFAULT_WEIGHTS))
