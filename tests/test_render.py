"""render: Markdown escaping and diffs, the HTML page's links and anchors, user templates,
and JSON against the shipped schema. Small hand-built briefs; the seeds brief where it counts."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare import render
from compare.errors import TemplateError
from compare.render import Format
from compare.types import DiffOp, Op
from render_builders import B, brief, entry

NASTY = "A *bold* claim_with [link](http://x) | pipe <b>tag</b> & `code` # ~~struck~~ \\ end."


def small():
    return brief(
        entry(
            "a",
            "2020-01-01",
            ["Rates stay at 0 to 1/4 percent.", NASTY, "Old point only here."],
            title="Old <title>",
        ),
        entry("b", "2020-02-01", ["Rates rise to 1/4 to 1/2 percent.", NASTY, "Brand new point."]),
        beads=[[B((0,), (0,), 0.8), B((1,), (1,), 1.0), B((2,), (), None), B((), (2,), None)]],
    )


# ---------------------------------------------------------------- Markdown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("a *b* _c_", r"a \*b\* \_c\_"),
        ("x | y", r"x \| y"),
        ("<b>", r"\<b\>"),
        ("AT&T", r"AT\&T"),
        ("line\nbreak  here", "line break here"),
        ("# not a heading", r"\# not a heading"),
    ],
)
def test_md_escapes(text: str, expected: str) -> None:
    assert render.md(text) == expected


@pytest.mark.parametrize(
    ("ops", "expected"),
    [
        (
            [("equal", "rates "), ("delete", "stay"), ("insert", "rise"), ("equal", " now")],
            "rates ~~stay~~ **rise** now",
        ),
        ([("delete", "old words "), ("equal", "kept")], "~~old words~~ kept"),
        ([("equal", "a "), ("insert", "*x*"), ("equal", ".")], r"a **\*x\***."),
    ],
)
def test_md_diff(ops: list[tuple[str, str]], expected: str) -> None:
    assert render.md_diff(tuple(DiffOp(Op(o), t) for o, t in ops)) == expected


@pytest.mark.parametrize(
    ("side", "indices", "expected"),
    [
        ("before", (1,), "before s2"),
        ("after", (2, 3), "after s3–s4"),
        ("", (0, 4, 5), "s1, s5–s6"),
        ("after", (), ""),
    ],
)
def test_sentence_ref(side: str, indices: tuple[int, ...], expected: str) -> None:
    assert render.sentence_ref(side, indices) == expected


def test_markdown_structure_holds_with_hostile_text() -> None:
    text = render.render(small(), Format.MARKDOWN)
    assert "<b>" not in text and "<" not in text.replace(r"\<", "")  # no raw HTML
    assert r"\*bold\*" in text and r"\| pipe" in text
    # every table row has the header's number of cells
    for block in re.findall(r"(?:^\|.*\|\n)+", text, flags=re.M):
        rows = block.strip().splitlines()
        cells = {len(re.split(r"(?<!\\)\|", r)) for r in rows}
        assert len(cells) == 1, block
    assert "## What changed" in text
    assert "~~" in text and "**" in text


def test_markdown_seeds_lede_names_the_news(seeds_brief) -> None:
    text = render.render(seeds_brief, Format.MARKDOWN)
    lede = text.split("## What changed", 1)[1].split("## Summaries", 1)[0]
    items = [line for line in lede.splitlines() if re.match(r"\d+\. ", line)]
    assert 1 <= len(items) <= 7
    assert "urgent requirement" in lede and "~~" in lede and "**" in lede
    # issue 16: the formulation shift, the "only way ... world leader" change and the dropped
    # "stranglehold" sentence lead
    first = "\n".join(items[:4])
    assert "self-reliance and strength in science and technology" in first
    assert "only way to build a world leader" in first
    assert "stranglehold" in first


# ---------------------------------------------------------------- HTML


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.external: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        for key in ("href", "src"):
            v = a.get(key)
            if v is None:
                continue
            if v.startswith("#"):
                self.hrefs.append(v[1:])
            else:
                self.external.append(v)


def test_html_every_link_has_a_target_and_nothing_is_fetched() -> None:
    page = render.render(small(), Format.HTML)
    p = Links()
    p.feed(page)
    assert not p.external
    assert "script" not in p.tags and "link" not in p.tags
    assert set(p.hrefs) <= p.ids
    assert {"lede", "summaries", "cmp-0", "texts", "doc-0", "doc-1", "d0-s1", "d1-s3"} <= p.ids
    assert "<del>" in page and "<ins>" in page
    assert "&lt;b&gt;tag&lt;/b&gt;" in page and "<b>tag" not in page  # autoescaped
    assert "Old &lt;title&gt;" in page


def test_html_full_text_keeps_every_sentence_once() -> None:
    b = small()
    page = render.render(b, Format.HTML)
    for d, e in enumerate(b.documents):
        for s in e.sentences:
            assert page.count(f'id="d{d}-s{s.index + 1}"') == 1


@given(
    st.lists(
        st.text(alphabet="ab .\n", min_size=1, max_size=12).filter(lambda s: s.strip()),
        min_size=1,
        max_size=6,
    )
)
def test_paragraphs_cover_each_sentence_once_in_order(parts: list[str]) -> None:
    sentences = [" ".join(p.split()) for p in parts]
    e = entry("a", "2020-01-01", sentences)
    got = [i for para in render.paragraphs(e) for _, i in para if i is not None]
    assert got == list(range(len(sentences)))


def test_paragraphs_keep_residue_and_blank_line_breaks() -> None:
    e = entry("a", "2020-01-01", ["One.", "Two."], title="Headline")
    paras = render.paragraphs(e)
    assert paras[0] == [("Headline", None)]
    assert [i for _, i in paras[1]] == [0, 1]


# ---------------------------------------------------------------- templates


def test_user_template_gets_the_brief(tmp_path: Path) -> None:
    t = tmp_path / "mine.md.j2"
    t.write_text(
        "{{ brief.schema }} {{ brief.documents | length }} {{ brief.documents[0].document.date }}"
        " {% for c in brief.comparisons %}{{ c.before }}>{{ c.after }}:"
        "{{ c.claims | length }}{% endfor %} {{ brief.lede[0][0].kind.value }} {{ lede(brief)[0][0].kind.value }}"
        " {% set c = brief.comparisons[0] %}{{ claim_text(brief, c, c.claims[2]) }}"
    )
    assert (
        render.render(small(), Format.MARKDOWN, t)
        == "compare.brief/2 2 2020-01-01 a>b:4 policy-action policy-action Old point only here."
    )


def test_user_template_can_extend_the_packaged_one(tmp_path: Path) -> None:
    t = tmp_path / "mine.html.j2"
    t.write_text(
        '{% extends "brief.html.j2" %}{% block lineage %}<section id="lineage">{{ "<x>" }}</section>{% endblock %}'
    )
    page = render.render(small(), Format.HTML, t)
    assert '<section id="lineage">&lt;x&gt;</section>' in page and 'id="lede"' in page


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("ok\n{{ nosuch }}\n", r"mine\.j2:2: 'nosuch' is undefined"),
        ("{{ brief.nosuch }}", r"mine\.j2:1: .*has no attribute 'nosuch'"),
        ("{% for x in %}", r"mine\.j2:1: "),
        ('{% include "missing.j2" %}', r"template missing\.j2 not found"),
    ],
)
def test_template_errors_are_one_line_naming_the_problem(tmp_path: Path, body: str, message: str) -> None:
    t = tmp_path / "mine.j2"
    t.write_text(body)
    with pytest.raises(TemplateError) as info:
        render.render(small(), Format.MARKDOWN, t)
    assert re.search(message, str(info.value)), str(info.value)
    assert "\n" not in str(info.value)
    assert info.value.exit_code == 7


# ---------------------------------------------------------------- JSON


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(render.schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_small_json_validates(validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(render.render(small(), Format.JSON))
    validator.validate(data)
    first = data["comparisons"][0]["lede"][0]
    assert (first["claim"], first["kind"], first["reason"]) == (
        0,
        "policy-action",
        "0 to 1/4 percent → 1/4 to 1/2 percent (up 25 basis points)",
    )


def test_seeds_json_validates(validator: jsonschema.Draft202012Validator, seeds_brief) -> None:
    validator.validate(json.loads(render.render(seeds_brief, Format.JSON)))


def test_json_joined_in_batches_is_the_plain_dump(seeds_brief, monkeypatch: pytest.MonkeyPatch) -> None:
    # a batch far smaller than the brief, so that every join boundary is crossed many times
    monkeypatch.setattr(render, "JSON_BATCH", 7)
    plain = json.dumps(render.to_dict(seeds_brief), ensure_ascii=False, indent=2) + "\n"
    assert render.render(seeds_brief, Format.JSON) == plain


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema",), "compare.brief/1"),  # the contract before pair_probability and replaces
        (("comparisons", 0, "claims", 0, "status"), "moved"),
        (("comparisons", 0, "claims", 2, "after"), [0]),  # a dropped claim with an after side
        (("documents", 0, "date"), "Jan 1"),
    ],
)
def test_schema_rejects_broken_briefs(validator: jsonschema.Draft202012Validator, path: tuple, value: object) -> None:
    data = json.loads(render.render(small(), Format.JSON))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert not validator.is_valid(data)


def test_schema_leaves_room_for_new_fields(validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(render.render(small(), Format.JSON))
    data["comparisons"][0]["claims"][0]["lineage"] = {"first": "a"}
    data["formulations"] = []
    validator.validate(data)


# ---------------------------------------------------------------- Markdown as GitHub reads it


def _gfm(text: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    return str(parser.render(text))


@pytest.mark.parametrize(
    "ops",
    [
        [("equal", "labor market indicators"), ("insert", ", on balance,"), ("equal", " show")],
        [("equal", "rise to "), ("delete", "2%"), ("insert", "3%"), ("equal", "soon")],
        [("delete", "(old)"), ("equal", "x"), ("insert", "“new”"), ("equal", "y")],
        [("equal", "A"), ("insert", "*b*"), ("equal", "."), ("delete", "c.")],
    ],
)
def test_md_diff_markers_survive_a_gfm_parser(ops: list[tuple[str, str]]) -> None:
    html = _gfm(render.md_diff(tuple(DiffOp(Op(o), t) for o, t in ops)))
    shown = re.sub(r"<[^>]+>", "", html)
    assert "~~" not in shown and "**" not in shown, html
    import html as html_lib

    for op, tag in (("delete", "s"), ("insert", "strong")):
        marked = [html_lib.unescape(m) for m in re.findall(rf"<{tag}>(.*?)</{tag}>", html)]
        assert marked == [t.strip() for o, t in ops if o == op], html


def test_markdown_brief_parses_cleanly(seeds_brief) -> None:
    html = _gfm(render.render(seeds_brief, Format.MARKDOWN))
    shown = re.sub(r"<[^>]+>", "", html)
    assert "~~" not in shown and "**" not in shown and "\\\\" not in shown
    assert html.count("<table>") >= 2
    assert "<s>" in html and "<strong>" in html
    h2 = re.findall(r"<h2>(.*?)</h2>", html)
    assert h2[0] == "What changed" and h2[1].startswith("Redline 2023-02-26") and h2[2] == "Summaries"


# ---------------------------------------------------------------- lineage and formulations


def with_tables():
    import dataclasses

    from compare.types import Cell, Formulation, Shift, Thread

    b = small()
    threads = (
        Thread("c1", (Cell("first", (0,)), Cell("changed", (0,)))),
        Thread("c2", (Cell("first", (2,)), Cell("dropped"))),
        Thread("c3", (Cell("first", (1,)), Cell("repeated", (1,)))),
    )
    phrases = (Formulation("target | range", (1, 0), watched=True, shifts=(Shift(1, ("new *range*",)),)),)
    return dataclasses.replace(b, lineage=threads, formulations=phrases)


def test_lineage_and_formulations_in_every_format(
    validator: jsonschema.Draft202012Validator,
) -> None:
    b = with_tables()
    page = render.render(b, Format.HTML)
    p = Links()
    p.feed(page)
    assert {"lineage", "formulations"} <= p.ids and set(p.hrefs) <= p.ids
    assert page.count('<tr id="t-') == 2  # c3 only repeated: not shown
    assert re.search(r'href="#d1-s1" title="[^"]*">changed</a>', page) and "watched" in page
    text = render.render(b, Format.MARKDOWN)
    assert "## Lineage" in text and "## Key formulations" in text
    assert r"| “target \| range” (watched) | 2020-01-01 only | 1 | 2020-02-01: “new \*range\*” |" in text
    html = _gfm(text)
    assert html.count("<table>") == 4
    data = json.loads(render.render(b, Format.JSON))
    validator.validate(data)
    assert data["lineage"][1] == {
        "id": "c2",
        "cells": [{"status": "first", "sentences": [2]}, {"status": "dropped", "sentences": []}],
    }
    assert data["formulations"][0]["shifted_to"] == ["new *range*"]


def test_no_tables_when_the_brief_has_none() -> None:
    page = render.render(small(), Format.HTML)
    assert 'id="lineage"' not in page and 'id="formulations"' not in page
    assert "## Lineage" not in render.render(small(), Format.MARKDOWN)


def test_formulation_lede_items_render() -> None:
    b = with_tables()
    page = render.render(b, Format.HTML)
    assert '<span class="kind">formulation dropped</span>' in page
    text = render.render(b, Format.MARKDOWN)
    assert r"2. *formulation dropped*: “target \| range”. _watched; shifted to “new \*range\*”_" in text
    data = json.loads(render.render(b, Format.JSON))
    assert data["comparisons"][0]["lede"][0]["kind"] == "policy-action"  # the numbers
    item = data["comparisons"][0]["lede"][1]
    assert {k: item[k] for k in ("claim", "kind", "reason", "phrase", "before", "after")} == {
        "claim": None,
        "kind": "formulation-dropped",
        "reason": "watched; shifted to “new *range*”",
        "phrase": "target | range",
        "before": [],
        "after": [],
    }


def test_markdown_lists_one_claim_a_line(seeds_brief) -> None:
    # every new, dropped and changed claim is its own list item: a reader scanning "New (10)"
    # must see ten bullets, not one paragraph
    md = render.render(seeds_brief, Format.MARKDOWN)
    c = seeds_brief.comparisons[0]
    for status, title in (("new", "New"), ("dropped", "Dropped"), ("changed", "Changed")):
        count = sum(x.status.value == status for x in c.claims)
        section = md.split(f"### {title} ({count})", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        bullets = [line for line in section.splitlines() if line.startswith("- ")]
        assert len(bullets) == count, section[:400]
        assert not re.search(r"\)- ", section)


def test_comparison_headings_name_documents_only_when_not_their_dates(tmp_path) -> None:
    import compare
    from fakes import FakeEmbedder

    for name in ("2021-05-12.txt", "2021-05-15.txt"):
        (tmp_path / name).write_text("The President spoke today with the Prime Minister.\n", encoding="utf-8")
    dated = compare.brief(compare.read(sorted(tmp_path.glob("*.txt"))), embedder=FakeEmbedder())
    md = render.render(dated, Format.MARKDOWN)
    assert "## 2021-05-12 → 2021-05-15\n" in md and "2021-05-15: 2021-05-12" not in md
    html = render.render(dated, Format.HTML)
    assert "<h2>2021-05-12 → 2021-05-15</h2>" in html


def test_a_comparison_with_few_messages_in_common_says_so(seeds_brief) -> None:
    # the seeds (a report and a commentary) carry 1 of 8 sentences over: a reader is told that
    # the long new and dropped lists are a change of subject as much as of line
    from compare.types import Claim, Comparison, Status

    note = "Few messages in common: 1 of the 8 sentences of the shorter document carries over"
    assert note in render.render(seeds_brief, Format.MARKDOWN)
    assert note in render.render(seeds_brief, Format.HTML)
    versions = Comparison(
        "a", "b", tuple(Claim(Status.REPEATED, (k,), (k,)) for k in range(3)) + (Claim(Status.NEW, (), (3,)),)
    )
    assert render.comparison_note(versions) == ""


def test_a_much_shorter_later_document_says_its_drops_are_unsaid() -> None:
    # Zelenskyy readouts 2023-09-21 (a visit, 15 sentences) -> 10-19 (a call, 3): a blind readout
    # watcher read the thirteen drops as lines withdrawn
    from compare.types import Claim, Comparison, Status

    visit_to_call = Comparison(
        "a",
        "b",
        (Claim(Status.REPEATED, (0,), (0,)), Claim(Status.CHANGED, (1,), (1,)), Claim(Status.NEW, (), (2,)))
        + tuple(Claim(Status.DROPPED, (k,), ()) for k in range(2, 15)),
    )
    assert "The later document is much shorter (3 sentences against 15)" in render.comparison_note(visit_to_call)

    # 2023-05-21 (a G7 meeting, 6 sentences) -> 06-25 (a call, 3): "dropped … $375 million" and
    # the F-16 line led without a caveat (a blind readout watcher)
    def shrink(before: int, after: int) -> Comparison:
        kept = tuple(Claim(Status.CHANGED, (k,), (k,)) for k in range(after))
        return Comparison("a", "b", kept + tuple(Claim(Status.DROPPED, (k,), ()) for k in range(after, before)))

    assert "much shorter (3 sentences against 6)" in render.comparison_note(shrink(6, 3))
    assert render.comparison_note(shrink(6, 4)) == "" and render.comparison_note(shrink(4, 2)) == ""
    # the reverse is not said: what a much longer document adds may be the news
    call_to_visit = Comparison(
        "a",
        "b",
        tuple(Claim(Status.REPEATED, (k,), (k,)) for k in range(3))
        + tuple(Claim(Status.NEW, (), (k,)) for k in range(3, 9)),
    )
    assert render.comparison_note(call_to_visit) == ""
    even = Comparison(
        "a", "b", tuple(Claim(Status.REPEATED, (k,), (k,)) for k in range(3)) + (Claim(Status.NEW, (), (3,)),)
    )
    assert "much" not in render.comparison_note(even)


def test_counts_say_how_many_changes_are_only_dates() -> None:
    # a blind readout reader: nine openers "changed" only in the time of the call inflated
    # the counts; the count of changed claims says how many of them are only dates
    a = entry("a", "2024-04-28", ["President Biden spoke earlier today with Prime Minister Netanyahu.", "Aid rose."])
    b = entry("b", "2024-05-06", ["President Biden spoke this morning with Prime Minister Netanyahu.", "Aid fell."])
    doc = brief(a, b, beads=[[B((0,), (0,)), B((1,), (1,))]])
    md = render.render(doc, Format.MARKDOWN)
    assert "| 2 (1 only dates) | 0 | 0 | 0 |" in md
    assert "2 changed (1 only dates) · 0 new · 0 dropped · 0 repeated" in md
    assert "2 changed (1 only dates)</span>" in render.render(doc, Format.HTML)
