"""The redline (compare.redline): the later document in its own order with every edit in place,
rebuilding both texts exactly. Synthetic comparisons are built from hand-made beads and the real
`classify`, so no model is needed; the seeds and the FOMC series use the real pipeline."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import classify, load, pipeline, redline, render
from compare.diff import word_diff
from compare.summarize import ExtractiveSummarizer
from compare.types import Bead, Claim, Document, Format, Op, RedlineSegment, Sentence, Status, View
from conftest import examples
from fakes import FakeEmbedder

B = Bead


def doc(
    sentences: list[str], seps: list[str] | None = None, head: str = "", doc_id: str = "d"
) -> tuple[Document, tuple[Sentence, ...]]:
    """A document of `sentences` with `seps[k]` after sentence k (a space by default) and
    `head` (a title or front matter) before the first."""
    seps = seps or [" "] * len(sentences)
    text, out = head, []
    for k, s in enumerate(sentences):
        out.append(Sentence(k, s, len(text), len(text) + len(s)))
        text += s + seps[k]
    document = Document(doc_id, f"{doc_id}.txt", dt.date(2024, 1, 1), None, text)
    SENTENCES[document] = tuple(out)
    return document, tuple(out)


SENTENCES: dict[Document, tuple[Sentence, ...]] = {}
"""The sentences `doc` made of each document it built."""


def build(before: list[str], after: list[str], beads: list[Bead], **kw: object):
    a, sa = doc(before, kw.get("seps_before"), kw.get("head_before", ""), "a")  # type: ignore[arg-type]
    b, sb = doc(after, kw.get("seps_after"), kw.get("head_after", ""), "b")  # type: ignore[arg-type]
    claims = classify.claims(beads, sa, sb, versions=True)
    return claims, redline.redline(claims, a, sa, b, sb), a, b


def covered(document: Document, sentences) -> str:
    start, end = redline.span(document, sentences)
    return document.text[start:end]


def contract(segments, a: Document, b: Document) -> None:
    assert redline.rebuild(segments, Op.DELETE) == covered(a, SENTENCES[a])
    assert redline.rebuild(segments, Op.INSERT) == covered(b, SENTENCES[b])
    assert all(s.text for s in segments)
    assert not any(s.moved and s.op is Op.EQUAL for s in segments)


def ops(segments, claim: int) -> list[tuple[str, str]]:
    return [(s.op.value, s.text) for s in segments if s.claim == claim]


S1 = "The Committee decided today to keep its target rate at 5 percent."
S2 = "Inflation has moderated somewhat."
S3 = "The labor market remains strong."
S4 = "Voting for the action were all members."


def test_dropped_sentence_is_struck_after_the_sentence_before_it() -> None:
    claims, segs, a, b = build([S1, S2, S3], [S1, S3], [B((0,), (0,)), B((1,), ()), B((2,), (1,))])
    contract(segs, a, b)
    texts = [(s.op, s.claim) for s in segs if s.text.strip()]
    assert texts == [(Op.EQUAL, 0), (Op.DELETE, 1), (Op.EQUAL, 2)]
    assert claims[1].status is Status.DROPPED


def test_new_sentence_is_inserted_where_it_stands() -> None:
    claims, segs, a, b = build([S1, S3], [S1, S2, S3], [B((0,), (0,)), B((), (1,)), B((1,), (2,))])
    contract(segs, a, b)
    assert [(s.op, s.claim) for s in segs if s.text.strip()] == [(Op.EQUAL, 0), (Op.INSERT, 1), (Op.EQUAL, 2)]
    assert ops(segs, 1) == [("insert", S2)]


def test_a_dropped_sentence_comes_before_the_new_one_that_took_its_place() -> None:
    claims, segs, a, b = build([S1, S2, S4], [S1, S3, S4], [B((0,), (0,)), B((1,), ()), B((), (1,)), B((2,), (2,))])
    contract(segs, a, b)
    assert [(s.op, s.claim) for s in segs if s.text.strip()] == [
        (Op.EQUAL, 0), (Op.DELETE, 1), (Op.INSERT, 2), (Op.EQUAL, 3)
    ]  # fmt: skip


def test_changed_sentence_shows_its_word_diff_in_place() -> None:
    edited = S1.replace("keep", "raise").replace("5 percent", "5-1/4 percent")
    claims, segs, a, b = build([S1, S3], [edited, S3], [B((0,), (0,)), B((1,), (1,))])
    contract(segs, a, b)
    mine = ops(segs, 0)
    assert ("delete", "keep") in mine and ("insert", "raise") in mine
    assert mine[0] == ("equal", "The Committee decided today to ")
    assert not any(s.moved for s in segs)


def test_moved_sentence_is_struck_where_it_was_and_inserted_where_it_is() -> None:
    claims, segs, a, b = build(
        [S1, S2, S3, S4], [S2, S3, S1, S4], [B((0,), (2,)), B((1,), (0,)), B((2,), (1,)), B((3,), (3,))]
    )
    contract(segs, a, b)
    moved = [s for s in segs if s.moved]
    assert {s.claim for s in moved} == {0}
    assert [(s.op, s.text) for s in moved] == [(Op.DELETE, S1), (Op.INSERT, S1)]
    # struck first (where it stood, at the top), inserted after S3 (where it stands)
    order = [(s.op, s.claim) for s in segs if s.text.strip()]
    assert order == [(Op.DELETE, 0), (Op.EQUAL, 1), (Op.EQUAL, 2), (Op.INSERT, 0), (Op.EQUAL, 3)]


def test_the_longer_text_keeps_its_place_when_two_swap() -> None:
    long = S1 + " It also noted that longer-term inflation expectations have remained well anchored."
    claims, segs, a, b = build([long, S2], [S2, long], [B((0,), (1,)), B((1,), (0,))])
    contract(segs, a, b)
    assert {s.claim for s in segs if s.moved} == {1}


def test_split_reads_as_one_edit_in_place() -> None:
    whole = "The Committee decided to raise its target, and it expects further gradual increases."
    halves = ["The Committee decided to raise its target.", "It expects further gradual increases."]
    claims, segs, a, b = build([S3, whole], [S3, *halves], [B((0,), (0,)), B((1,), (1, 2))])
    contract(segs, a, b)
    mine = ops(segs, 1)
    assert mine[0] == ("equal", "The Committee decided to raise its target")
    assert ("equal", " expects further gradual increases.") in mine
    assert not any(s.moved for s in segs)


def test_merge_reads_as_one_edit_in_place() -> None:
    halves = ["The Committee decided to raise its target.", "It expects further gradual increases."]
    whole = "The Committee decided to raise its target, and it expects further gradual increases."
    claims, segs, a, b = build([*halves, S3], [whole, S3], [B((0, 1), (0,)), B((2,), (1,))])
    contract(segs, a, b)
    assert all(s.claim == 0 for s in segs[:-2] if s.text.strip())
    assert ops(segs, 0)[0] == ("equal", "The Committee decided to raise its target")


def test_split_with_a_new_sentence_between_its_halves() -> None:
    whole = "The Committee decided to raise its target, and it expects further gradual increases."
    after = ["The Committee decided to raise its target.", S2, "It expects further gradual increases."]
    claims, segs, a, b = build([whole], after, [B((0,), (0, 2)), B((), (1,))])
    contract(segs, a, b)
    order = [s.claim for s in segs if s.op is Op.INSERT or s.op is Op.EQUAL]
    assert order.index(1) > order.index(0) and 0 in order[order.index(1) :]
    assert not any(s.moved for s in segs)


def test_text_between_sentences_is_kept_and_the_page_around_them_left_out() -> None:
    # the date line and "FOMC statement" above the first sentence are the page, not the
    # statement; the paragraph break between the sentences is kept
    claims, segs, a, b = build(
        [S1, S2],
        [S1, S2],
        [B((0,), (0,)), B((1,), (1,))],
        head_before="date 2024-01-31\nFOMC statement\n\n",
        head_after="date 2024-03-20\nFOMC statement\n\n",
        seps_before=["\n\n", "\nImplementation Note issued January 31, 2024\n"],
        seps_after=["\n\n", "\n"],
    )
    contract(segs, a, b)
    assert ops(segs, None) == [("equal", "\n\n")]
    assert all(s.op is Op.EQUAL for s in segs)
    assert [s for s in segs if s.claim is not None] == [
        RedlineSegment(Op.EQUAL, S1, 0),
        RedlineSegment(Op.EQUAL, S2, 1),
    ]


def test_identical_documents_are_all_equal() -> None:
    claims, segs, a, b = build(
        [S1, S2], [S1, S2], [B((0,), (0,)), B((1,), (1,))], seps_before=["\n\n", "\n"], seps_after=["\n\n", "\n"]
    )
    contract(segs, a, b)
    assert {s.op for s in segs} == {Op.EQUAL}


def test_a_claim_diff_of_normalized_text_is_redone_on_the_text_as_written() -> None:
    """Another stage may diff typographically normalized texts; the redline stays exact."""
    a, sa = doc(["The Committee’s view — unchanged."], head="")
    b, sb = doc(["The Committee's view - now changed."], head="")
    norm = word_diff(classify.normalized(sa[0].text), classify.normalized(sb[0].text))
    claim = Claim(Status.CHANGED, (0,), (0,), 0.9, norm)
    segs = redline.redline([claim], a, sa, b, sb)
    contract(segs, a, b)
    assert ("delete", "Committee’s") in ops(segs, 0) and ("insert", "- now changed") in ops(segs, 0)


def test_a_line_break_in_another_place_is_no_edit() -> None:
    """Netanyahu readouts 2023-10-20 -> 10-22: the same name wrapped at another place showed
    "~~Benjamin~~ **Benjamin**" to a blind reader."""
    before = "President Biden spoke this morning with Prime Minister\nBenjamin Netanyahu of Israel."
    after = "President Biden spoke today with Prime Minister Benjamin\nNetanyahu of Israel to discuss Gaza."
    claims, segs, a, b = build([before], [after], [B((0,), (0,), 0.9)])
    contract(segs, a, b)  # the segments stay exact: each document rebuilds from them
    # the break before the name in one document and after it in the other (2023-10-22 -> 10-23)
    _, other, c, d = build(
        [before.replace("Minister\nBenjamin ", "Minister Benjamin\n")],
        [after.replace("Benjamin\n", "\nBenjamin ")],
        [B((0,), (0,), 0.9)],
    )
    contract(other, c, d)
    segs = [*segs, *other]
    shown = [p for para in redline.paragraphs(segs) for p in para] + [
        p for row in redline.rows(segs) for p in row.left + row.right
    ]
    assert {p.text.strip() for p in shown if p.op is Op.DELETE} == {"this morning"}
    assert {p.text.strip() for p in shown if p.op is Op.INSERT} == {"today", "to discuss Gaza"}


def test_empty_documents() -> None:
    a, sa = doc([])
    b, sb = doc([S1])
    claims = classify.claims([B((), (0,))], sa, sb)
    segs = redline.redline(claims, a, sa, b, sb)
    contract(segs, a, b)
    assert redline.redline((), a, sa, a, sa) == ()


# --- views -------------------------------------------------------------------------------


def test_paragraphs_follow_the_later_document_and_mark_a_struck_break() -> None:
    claims, segs, a, b = build(
        [S1, S2, S3],
        [S1, S3],
        [B((0,), (0,)), B((1,), ()), B((2,), (1,))],
        seps_before=["\n\n", "\n\n", "\n"],
        seps_after=["\n\n", "\n"],
    )
    paras = redline.paragraphs(segs)
    assert len(paras) == 2
    assert "".join(p.text for p in paras[1]).startswith(S2)  # struck where it stood: before S3
    assert any(p.op is Op.DELETE and "¶" in p.text for p in paras[1])


def test_rows_align_earlier_and_later_by_claim() -> None:
    edited = S1.replace("keep", "raise")
    claims, segs, a, b = build(
        [S1, S2, S3, S4], [S2, edited, S3, S4], [B((0,), (1,)), B((1,), (0,)), B((2,), (2,)), B((3,), (3,))]
    )
    rows = redline.rows(segs)
    for row in rows:
        left = "".join(p.text for p in row.left)
        right = "".join(p.text for p in row.right)
        if (
            row.claim is not None
            and claims[row.claim].before
            and claims[row.claim].after
            and not any(p.moved for p in row.left + row.right)
        ):
            assert "raise" in right or left == right
    moved = [r for r in rows if any(p.moved for p in r.left + r.right)]
    assert moved and all(not r.left or not r.right for r in moved)
    assert [p.place for r in moved for p in r.left + r.right if p.place] in (["was", "at"], ["at", "was"])


# --- property ----------------------------------------------------------------------------

WORDS = "committee inflation rate policy labor market growth prices economy remains strong weak decided today".split()
sentence = st.lists(st.sampled_from(WORDS), min_size=2, max_size=9).map(lambda w: " ".join(w).capitalize() + ".")
separator = st.sampled_from([" ", "\n", "\n\n", "  \n\n", "\n\n\n"])


@st.composite
def versions(draw):
    """An earlier document and a later one made from it by keeps, edits, drops, inserts, moves,
    splits and merges, with the beads that say which became which."""
    before = draw(st.lists(sentence, min_size=0, max_size=8))
    units: list[tuple[tuple[int, ...], list[str]]] = []  # (earlier indices, later sentences)
    i = 0
    while i < len(before):
        kind = draw(st.sampled_from(["keep", "keep", "edit", "drop", "split", "merge"]))
        if kind == "merge" and i + 1 < len(before):
            units.append(((i, i + 1), [before[i][:-1] + " and " + before[i + 1].lower()]))
            i += 2
            continue
        if kind == "drop":
            units.append(((i,), []))
        elif kind == "split":
            units.append(((i,), [before[i], draw(sentence)]))
        elif kind == "edit":
            units.append(((i,), [draw(sentence)[:-1] + " " + before[i]]))
        else:
            units.append(((i,), [before[i]]))
        i += 1
    for _ in range(draw(st.integers(0, 3))):
        units.insert(draw(st.integers(0, len(units))), ((), [draw(sentence)]))
    if len(units) > 1 and draw(st.booleans()):  # a move
        x = draw(st.integers(0, len(units) - 1))
        unit = units.pop(x)
        units.insert(draw(st.integers(0, len(units))), unit)
    after, beads = [], []
    for idx, texts in units:
        js = tuple(range(len(after), len(after) + len(texts)))
        after += texts
        beads.append(B(idx, js))
    beads = [bd for bd in beads if bd.before or bd.after]
    return before, after, beads


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(versions(), st.data())
def test_redline_rebuilds_both_texts_on_generated_versions(v, data) -> None:
    before, after, beads = v
    sb = data.draw(st.lists(separator, min_size=len(before), max_size=len(before)))
    sa = data.draw(st.lists(separator, min_size=len(after), max_size=len(after)))
    heads = data.draw(
        st.tuples(
            st.sampled_from(["", "Title\n\n", "date 2024-01-01\n"]),
            st.sampled_from(["", "Title\n\n", "date 2024-02-02\n"]),
        )
    )
    claims, segs, a, b = build(
        before, after, beads, seps_before=sb, seps_after=sa, head_before=heads[0], head_after=heads[1]
    )
    contract(segs, a, b)
    # every sentence's characters carry its claim, on both sides
    da, sents_a = doc(before, sb, heads[0])
    db, sents_b = doc(after, sa, heads[1])
    for which, d, sents, side in ((Op.DELETE, da, sents_a, "before"), (Op.INSERT, db, sents_b, "after")):
        owner: list[int | None] = []
        for s in segs:
            if s.op is Op.EQUAL or s.op is which:
                owner += [s.claim] * len(s.text)
        start = redline.span(d, sents)[0]  # the redline's first character
        for k, c in enumerate(claims):
            for i in getattr(c, side):
                assert set(owner[sents[i].start - start : sents[i].end - start]) == {k}
    # a moved claim is struck once where it was and inserted where it is
    moved = {s.claim for s in segs if s.moved}
    for k in moved:
        assert {s.op for s in segs if s.claim == k} == {Op.DELETE, Op.INSERT}
    # the claims shown in place (with text kept equal) are in the same order in both documents
    placed = sorted({s.claim for s in segs if s.op is Op.EQUAL and s.claim is not None})
    for x in placed:
        for y in placed:
            cx, cy = claims[x], claims[y]
            assert (min(cx.before) < min(cy.before)) == (min(cx.after) < min(cy.after)) or x == y


# --- the real pipeline ---------------------------------------------------------------------


def assert_contract(brief) -> None:
    for c in brief.comparisons:
        a, b = brief.entry(c.before).document, brief.entry(c.after).document
        assert c.redline, (c.before, c.after)
        sa, sb = brief.entry(c.before).sentences, brief.entry(c.after).sentences
        assert redline.rebuild(c.redline, Op.DELETE) == covered(a, sa), (c.before, c.after)
        assert redline.rebuild(c.redline, Op.INSERT) == covered(b, sb), (c.before, c.after)
        assert all(s.claim is None or 0 <= s.claim < len(c.claims) for s in c.redline)


def test_seeds_redline_contract_and_json(seeds_brief) -> None:
    assert_contract(seeds_brief)
    data = json.loads(render.render(seeds_brief, Format.JSON))
    for c, d in zip(seeds_brief.comparisons, data["comparisons"], strict=True):
        segs = d["redline"]
        after, before = seeds_brief.entry(c.after), seeds_brief.entry(c.before)
        assert "".join(s["text"] for s in segs if s["op"] != "delete") == covered(after.document, after.sentences)
        assert "".join(s["text"] for s in segs if s["op"] != "insert") == covered(before.document, before.sentences)


@pytest.mark.slow
@pytest.mark.shared
def test_fomc_series_redline_contract(shared_data: Path, embedder) -> None:
    """Every consecutive pair of the FOMC statements (about 190 pairs): both texts rebuilt exactly."""
    paths = sorted((shared_data / "fomc").glob("*.txt"))
    brief = pipeline.run(load.read_all(paths), embedder, ExtractiveSummarizer())
    assert len(brief.comparisons) >= len(paths) - 5  # a series outlier may be left out (a note says so)
    assert_contract(brief)
    # moves are found, and every moved claim is a paired one shown in both places
    moved = [(c, s.claim) for c in brief.comparisons for s in c.redline if s.moved]
    assert moved
    assert all(c.claims[k].before and c.claims[k].after for c, k in moved)


# --- rendering ---------------------------------------------------------------------------


def test_markdown_redline_view_has_only_the_header_and_redlines(seeds_brief) -> None:
    full = render.render(seeds_brief, Format.MARKDOWN)
    only = render.render(seeds_brief, Format.MARKDOWN, view=View.REDLINE)
    assert "## Redline " in full and full.index("## What changed") < full.index("## Redline ") < full.index(
        "## Summaries"
    )
    assert "## Redline " in only and "## What changed" not in only and "## Summaries" not in only
    assert "## Full texts" not in only and "| Comparison |" in only
    section = only.split("## Redline ", 1)[1]
    assert "~~" in section and "**" in section
    assert "strengthening basic research is **not only** an urgent requirement" in section


def test_markdown_redline_escapes_document_text() -> None:
    a, sa = doc(["Rates *rose* to #1 [see] <b>x</b>."])
    b, sb = doc(["Rates *fell* to #1 [see] <b>x</b>."])
    claims = classify.claims([B((0,), (0,))], sa, sb)
    segs = redline.redline(claims, a, sa, b, sb)
    out = render.md_redline(redline.paragraphs(segs)[0])
    assert "\\*" in out and "\\#1" in out and "\\<b\\>" in out and "~~rose~~" in out or "~~rose\\*~~" in out


def test_html_redline_sections_and_lede_links(seeds_brief) -> None:
    page = render.render(seeds_brief, Format.HTML)
    assert page.index('id="lede"') < page.index('id="redline-0"') < page.index('id="summaries"')
    assert '<details class="sbs">' in page
    for claim in re.findall(r'href="#rl-0-(\d+)"', page):
        assert f'id="rl-0-{claim}"' in page
    only = render.render(seeds_brief, Format.HTML, view=View.REDLINE)
    assert 'id="redline-0"' in only and 'id="lede"' not in only and 'id="texts"' not in only
    assert render.render(seeds_brief, Format.JSON, view=View.REDLINE) == render.render(seeds_brief, Format.JSON)


def test_front_matter_is_not_redlined(tmp_path) -> None:
    # a readout's YAML front matter (URL, publication time) is the file's metadata: a reader
    # of the redline sees what the documents say, not that their URLs differ
    import compare

    texts = {
        "a.md": "---\ndate: '2021-05-12'\nsource_url: https://example.org/one\n---\n\nThe President spoke today.\n",
        "b.md": "---\ndate: '2021-05-15'\nsource_url: https://example.org/two\n---\n\nThe President spoke today.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    brief = compare.brief(compare.read(tmp_path / "a.md", tmp_path / "b.md"), embedder=FakeEmbedder())
    segs = brief.comparisons[0].redline
    assert all(s.op is Op.EQUAL for s in segs if s.text.strip())
    assert not any("example.org" in s.text for s in segs)
    assert "source_url" not in render.render(brief, Format.MARKDOWN).split("## Summaries")[0]
