"""`import compare` as a library user meets it: read, brief, render, with the real model."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

import compare
from compare.errors import DateError, InputError, UsageError
from compare.render import render
from compare.types import Format, Status
from conftest import ROOT, SEEDS

HELD = "The Committee decided to maintain the target range for the federal funds rate at 0 to 1/4 percent."
RAISED = "The Committee decided to raise the target range for the federal funds rate to 1/4 to 1/2 percent."
LABOR = "Labor market conditions improved further, with solid job gains."


def test_import_is_light_and_documents_itself() -> None:
    code = (
        "import sys, compare; "
        "sys.exit('torch' in sys.modules or 'transformers' in sys.modules or 'scipy' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(ROOT / "src")}).returncode == 0
    assert {"read", "brief", "Brief", "Document", "CompareError", "__version__"} <= set(compare.__all__)
    assert "compare.read" in compare.__doc__ and "to_markdown" in compare.__doc__


def test_brief_from_paths_is_the_cli_brief(embedder, seeds_brief) -> None:
    brief = compare.brief(compare.read(*SEEDS), embedder=embedder)
    assert isinstance(brief, compare.Brief)
    assert brief.to_json() == render(seeds_brief, Format.JSON)
    assert brief.to_markdown() == render(seeds_brief, Format.MARKDOWN)
    assert brief.to_html() == render(seeds_brief, Format.HTML)
    # paths may be given straight to brief, in any order
    assert compare.brief(list(reversed(SEEDS)), embedder=embedder).to_json() == brief.to_json()


def test_texts_with_dates_are_ordered_by_date_and_compared(embedder) -> None:
    later = (f"{RAISED} {LABOR}", "2015-12-16")
    earlier = (f"{HELD} {LABOR}", dt.date(2015, 10, 28))
    documents = compare.read(later, earlier)
    assert [(d.id, d.date) for d in documents] == [("text-2", dt.date(2015, 10, 28)), ("text-1", dt.date(2015, 12, 16))]
    brief = compare.brief(documents, embedder=embedder, summary_sentences=1)
    claims = brief.comparisons[0].claims
    statuses = sorted(c.status.value for c in claims)
    assert statuses == ["changed", "repeated"]
    changed = next(c for c in claims if c.status is Status.CHANGED)
    assert [(n.before, n.after) for n in changed.numbers] == [("0 to 1/4 percent", "1/4 to 1/2 percent")]
    data = json.loads(brief.to_json())
    assert [d["path"] for d in data["documents"]] == ["text-2", "text-1"]
    assert "~~" in brief.to_markdown() and "<ins>" in brief.to_html()


def test_a_text_may_carry_its_own_date_line(embedder) -> None:
    documents = compare.read((f"date 2016-01-27 {HELD}", None), (HELD, "2015-01-01"))
    assert [d.date for d in documents] == [dt.date(2015, 1, 1), dt.date(2016, 1, 27)]
    brief = compare.brief(documents, embedder=embedder)
    assert [c.status for c in brief.comparisons[0].claims] == [Status.REPEATED]


def test_jupyter_shows_the_html_brief_in_a_frame(embedder, seeds_brief) -> None:
    shown = seeds_brief._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and "&lt;del&gt;" in shown and "<del>" not in shown
    assert repr(seeds_brief) == "<Brief: 2 documents, 2023-02-26 to 2023-08-05, 1 comparison>"


@pytest.mark.parametrize(
    ("sources", "error", "message"),
    [
        ([(HELD, "2015-02-30")], DateError, "text-1: date '2015-02-30' is not a real YYYY-MM-DD date"),
        ([(HELD, None)], DateError, "text-1: has no date; pass (text, 'YYYY-MM-DD')"),
        ([("   ", "2015-01-01")], InputError, "text-1: is empty"),
        ([ROOT / "no-such.txt"], InputError, "no-such.txt: no such file"),
    ],
)
def test_bad_sources_are_one_sentence_errors(sources: list[object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        compare.read(*sources)


def test_one_document_is_not_a_brief(embedder) -> None:
    with pytest.raises(UsageError, match="need at least two documents"):
        compare.brief([SEEDS[0]], embedder=embedder)
    with pytest.raises(UsageError, match="need summarizer='abstractive'"):
        compare.brief(SEEDS, embedder=embedder, model="x")
    with pytest.raises(UsageError, match="baseline must be 'previous' or 'first', not 'last'"):
        compare.brief(SEEDS, embedder=embedder, baseline="last")


def test_duplicate_names_get_the_ids_the_cli_gives(tmp_path) -> None:
    from compare import load

    paths = []
    for folder, name in (("one", "x"), ("two", "x"), ("one", "x-2")):
        (tmp_path / folder).mkdir(exist_ok=True)
        p = tmp_path / folder / f"{name}.txt"
        p.write_text("date 2023-01-01\nRates held.\n", encoding="utf-8")
        paths.append(p)
    documents = compare.read(load.read(p) for p in paths)
    assert [d.id for d in documents] == [d.id for d in load.read_all(paths)]
    assert len({d.id for d in documents}) == 3
