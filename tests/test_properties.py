"""Property-based tests (hypothesis): arbitrary input never crashes load, segment, diff or
render; a diff rebuilds both texts; every sentence lands in exactly one bead; document text
never turns into markup."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from compare import align, align_bounded, load, pipeline, segment
from compare.diff import side, word_diff
from compare.errors import CompareError
from compare.render import Format, render
from compare.types import (
    Baseline,
    Bead,
    Brief,
    Claim,
    Comparison,
    Document,
    DocumentEntry,
    Op,
    Sentence,
    Status,
    Summary,
    SummaryPoint,
)
from conftest import examples

FAST = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# printable text of any script, no control characters or lone surrogates
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=0, max_size=200)
hostile_pieces = st.sampled_from(
    [
        "<script>alert('x')</script>",
        "<b>bold</b>",
        "<!-- c -->",
        "&amp;",
        "&lt;",
        "| a | b |",
        "`code`",
        "```",
        "{{ brief }}",
        "{% for x in y %}",
        "{#",
        "# head",
        "> quote",
        "1. item",
        "- item",
        "* item",
        "+ item",
        "**bold**",
        "~~gone~~",
        "[link](javascript:alert(1))",
        "![img](x.png)",
        "\\",
        "<",
        ">",
        '"',
        "'",
        "x" * 3000,
        "中文。",
        "\u202e",
        "\u200b",
        "---",
        "===",
        "\t",
        "  ",
        "\r\n",
        "\n\n",
    ]
)
hostile = st.lists(st.one_of(hostile_pieces, printable), min_size=1, max_size=6).map("".join)


# ---- load ----


@FAST
@given(st.binary(max_size=2000))
def test_decode_any_bytes_gives_text_or_one_error(raw: bytes) -> None:
    try:
        text = load.decode(raw, "f")
    except CompareError as e:
        assert str(e).startswith("f: ")
        return
    assert not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", text)


@FAST
@given(printable)
def test_utf8_text_round_trips(text: str) -> None:
    # a text that itself opens with U+FEFF reads as a byte-order mark: that mark is not text
    assume(not text.startswith("\ufeff"))
    for raw in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("utf-16")):
        assert load.decode(raw, "f") == text


@pytest.mark.slow
@FAST
@given(st.text(max_size=300), st.sampled_from(["x.txt", "2023-02-26.txt", "a_20230230.md", "ünï 2023-01-01.txt"]))
def test_parse_never_crashes(text: str, name: str) -> None:
    try:
        d = load.parse(text, Path(name))
    except CompareError:
        return
    assert d.text == text and 0 <= d.body_start <= len(text)


# ---- segment ----


@FAST
@given(st.one_of(printable, hostile, st.text(max_size=400)))
def test_segment_offsets_are_exact(body: str) -> None:
    d = Document("x", "x.txt", dt.date(2023, 1, 1), None, "date 2023-01-01\n" + body, 16)
    last = d.body_start
    for k, s in enumerate(segment.segment(d)):
        assert s.index == k
        assert d.text[s.start : s.end] == s.text and s.text.strip() == s.text
        assert s.start >= last and s.end > s.start
        assert len(s.text) <= segment.MAX_SENTENCE_CHARS
        last = s.end


# ---- diff ----


@FAST
@given(st.one_of(printable, hostile), st.one_of(printable, hostile))
def test_diff_rebuilds_both_texts(before: str, after: str) -> None:
    ops = word_diff(before, after)
    assert side(ops, Op.DELETE) == before
    assert side(ops, Op.INSERT) == after
    assert all(op.text for op in ops)


# ---- align: every sentence in exactly one bead ----


def unit_rows(rng: np.random.Generator, n: int, dim: int = 8) -> np.ndarray:
    v = rng.normal(size=(n, dim))
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@st.composite
def sides(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, list[list[str]], list[list[str]]]:
    n, m = draw(st.integers(0, 25)), draw(st.integers(0, 25))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    bv = unit_rows(rng, n)
    # some after-sentences are near copies of before-sentences, so pairs, splits and merges occur
    av = unit_rows(rng, m)
    for j in range(min(n, m)):
        if draw(st.booleans()):
            av[j] = bv[draw(st.integers(0, n - 1))] + 0.05 * rng.normal(size=bv.shape[1])
            av[j] /= np.linalg.norm(av[j])
    vocab = [f"w{i}" for i in range(12)]
    words = st.lists(st.sampled_from(vocab), max_size=6)
    return bv, av, [draw(words) for _ in range(n)], [draw(words) for _ in range(m)]


def covers_once(beads: list[Bead], n: int, m: int) -> None:
    assert sorted(i for b in beads for i in b.before) == list(range(n))
    assert sorted(j for b in beads for j in b.after) == list(range(m))
    assert all(b.before or b.after for b in beads)


@FAST
@given(sides())
def test_align_covers_every_sentence_once(s: tuple[np.ndarray, np.ndarray, list[list[str]], list[list[str]]]) -> None:
    bv, av, bw, aw = s
    covers_once(align.align(bv, av, bw, aw, pipeline.pair_model()).beads, len(bw), len(aw))


@FAST
@given(sides())
def test_bounded_align_covers_every_sentence_once(
    s: tuple[np.ndarray, np.ndarray, list[list[str]], list[list[str]]],
) -> None:
    bv, av, bw, aw = s
    beads = align_bounded.align(bv, av, bw, aw, pipeline.pair_model()).beads
    covers_once(beads, len(bw), len(aw))
    after = [b.after[0] for b in beads if b.after]
    assert after == sorted(after)  # reading order of the later document


def test_bounded_align_agrees_with_dense_on_clear_pairs() -> None:
    rng = np.random.default_rng(3)
    bv = unit_rows(rng, 60, 32)
    perm = rng.permutation(60)
    av = bv[perm] + 0.01 * rng.normal(size=(60, 32))
    av /= np.linalg.norm(av, axis=1, keepdims=True)
    bw = [[f"w{i}", f"v{i}"] for i in range(60)]
    aw = [bw[p] for p in perm]
    model = pipeline.pair_model()
    pairs = {(b.before, b.after) for b in align.align(bv, av, bw, aw, model).beads}
    assert pairs == {(b.before, b.after) for b in align_bounded.align(bv, av, bw, aw, model).beads}
    assert pairs == {((int(p),), (j,)) for j, p in enumerate(perm)}


# ---- render: text stays text ----


def entry(doc_id: str, title: str | None, texts: list[str], day: int) -> DocumentEntry:
    text, sentences = "", []
    for k, t in enumerate(texts):
        start = len(text)
        text += t + "\n"
        sentences.append(Sentence(k, t, start, start + len(t)))
    d = Document(doc_id, f"{doc_id}.txt", dt.date(2023, 1, day), title, text)
    return DocumentEntry(d, tuple(sentences), Summary((SummaryPoint(texts[0], (0,)),), "extractive", "x"))


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    sentence = st.one_of(hostile, printable).filter(lambda t: t.strip() != "")
    b_texts = draw(st.lists(sentence, min_size=2, max_size=4))
    a_texts = draw(st.lists(sentence, min_size=2, max_size=4))
    ids = draw(
        st.lists(
            st.one_of(hostile, st.just("doc")).filter(lambda t: t.strip() != ""), min_size=2, max_size=2, unique=True
        )
    )
    title = draw(st.one_of(st.none(), hostile.filter(lambda t: t.strip() != "")))
    b, a = entry(ids[0], title, b_texts, 1), entry(ids[1], None, a_texts, 2)
    claims = [
        Claim(Status.CHANGED, (0,), (0,), 0.8, word_diff(b_texts[0], a_texts[0])),
        Claim(Status.REPEATED, (1,), (1,), 0.99),
        *[Claim(Status.DROPPED, (i,), ()) for i in range(2, len(b_texts))],
        *[Claim(Status.NEW, (), (j,)) for j in range(2, len(a_texts))],
    ]
    note = draw(hostile)
    return Brief((b, a), (Comparison(ids[0], ids[1], tuple(claims)),), Baseline.PREVIOUS, "<emb>", (note,))


def user_strings(brief: Brief) -> list[str]:
    out = list(brief.notes)
    for e in brief.documents:
        out += [e.document.id, e.document.title or ""] + [s.text for s in e.sentences]
    return [s for s in out if s]


TEMPLATE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "main",
    "section",
    "article",
    "footer",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "code",
    "ul",
    "ol",
    "li",
    "span",
    "del",
    "ins",
    "strong",
    "em",
    "details",
    "summary",
    "div",
    "small",
    "mark",
    "sup",
    "abbr",
    "time",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "br",
}


@pytest.mark.slow
@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_html_never_contains_unescaped_input(brief: Brief) -> None:
    from lxml import html as lxml_html

    out = render(brief, Format.HTML)
    # the page without the template's own markup, where a raw "<s" of the input could hide
    # inside "<span"
    text = re.sub(r"<!DOCTYPE html>|</?(?:{})\b[^<>]*>".format("|".join(TEMPLATE_TAGS)), "", out)
    for s in user_strings(brief):
        if re.search(r"<[A-Za-z/!?]", s):  # could open a tag if left raw
            assert s not in text
        compact = " ".join(s.split())
        assert str(escape(s)) in out or str(escape(compact)) in out or compact == ""
    tree = lxml_html.document_fromstring(out)
    assert {el.tag for el in tree.iter() if isinstance(el.tag, str)} <= TEMPLATE_TAGS
    assert not tree.xpath("//script") and not tree.xpath("//@*[starts-with(name(), 'on')]")


@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_json_carries_the_exact_text(brief: Brief) -> None:
    data = json.loads(render(brief, Format.JSON))
    for d, e in zip(data["documents"], brief.documents, strict=True):
        assert d["id"] == e.document.id and d["title"] == e.document.title
        assert [s["text"] for s in d["sentences"]] == [s.text for s in e.sentences]
    assert data["notes"] == list(brief.notes)


@pytest.mark.slow
@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_markdown_structure_holds(brief: Brief) -> None:
    """Rendered by a CommonMark parser, the brief keeps its skeleton: each full-text sentence is
    one list item whose text is the sentence (whitespace collapsed), and no input becomes an
    HTML tag, heading, link, image or code span."""
    markdown_it = pytest.importorskip("markdown_it")
    from lxml import html as lxml_html

    out = render(brief, Format.MARKDOWN)
    page = markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough").render(out)
    tree = lxml_html.fragment_fromstring(page, create_parent="div")
    assert not tree.xpath("//script|//img|//a|//code|//pre|//h4|//h5|//h6")
    assert len(tree.xpath("//blockquote")) == len(brief.notes)
    h1 = tree.xpath("//h1")
    assert len(h1) == 1
    lists = tree.xpath("//h2[normalize-space()='Full texts']/following-sibling::ol")
    assert len(lists) == len(brief.documents)
    for ol, e in zip(lists, brief.documents, strict=True):
        items = [_text(li) for li in ol.xpath("./li")]
        assert items == [_norm(s.text) for s in e.sentences]
    rows = tree.xpath("(//table)[1]/tbody/tr")  # the documents table
    assert len(rows) == len(brief.documents)
    for tr, e in zip(rows, brief.documents, strict=True):
        cells = [_text(td) for td in tr.xpath("./td")]
        assert len(cells) == 5 and cells[2] == _norm(e.document.id) and cells[3] == _norm(e.document.title or "")


def _norm(s: str) -> str:
    # what a CommonMark reader shows: whitespace runs as one space, NUL as U+FFFD; bidi
    # embeddings and overrides are U+FFFD in our Markdown (docs/output-safety.md)
    return " ".join(re.sub("[\u202a-\u202e\u2066-\u2069]", "\ufffd", s.replace("\x00", "\ufffd")).split())


def _text(el: object) -> str:
    return " ".join(el.text_content().split())  # type: ignore[attr-defined]
