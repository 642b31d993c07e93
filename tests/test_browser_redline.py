"""The HTML redline in a real headless Chromium (marker `browser`, skipped without chromium or
playwright; same launch as tests/test_browser.py): struck and inserted words show as such in
colour and in grey print, moved-sentence links land on the sentence's other place, the side-by-
side rows line up, and the lede's links land in the redline."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from compare import classify, redline, render
from compare.types import Baseline, Bead, Brief, Comparison, Document, DocumentEntry, Format, Sentence, Summary, View

pytestmark = pytest.mark.browser

BEFORE = [
    ["The Committee decided today to keep the target range for the federal funds rate at 5 percent."],
    [
        "Inflation has eased over the past year but remains elevated,"
        " and longer-term inflation expectations remain well anchored.",
        "The labor market remains tight.",
    ],
    ["The Committee will keep reducing its Treasury securities.", "Voting for the action were all members."],
]
AFTER = [
    ["The Committee decided today to lower the target range for the federal funds rate to 4-3/4 percent."],
    [
        "The Committee will keep reducing its Treasury securities.",
        "Inflation has eased over the past year, and longer-term inflation expectations remain well anchored.",
    ],
    ["Job gains have slowed.", "Voting for the action were all members."],
]
# before: 0 rate, 1 inflation, 2 labor (dropped), 3 holdings (moved up: the shorter of the two that swap), 4 vote
# after:  0 rate, 1 holdings, 2 inflation, 3 job gains (new), 4 vote
BEADS = [Bead((0,), (0,)), Bead((3,), (1,)), Bead((1,), (2,)), Bead((2,), ()), Bead((), (3,)), Bead((4,), (4,))]


def entry(doc_id: str, day: str, paragraphs: list[list[str]]) -> DocumentEntry:
    text, sentences = f"date {day}\nFOMC statement\n\n", []
    for para in paragraphs:
        for k, s in enumerate(para):
            sentences.append(Sentence(len(sentences), s, len(text), len(text) + len(s)))
            text += s + (" " if k < len(para) - 1 else "\n\n")
    doc = Document(doc_id, f"{doc_id}.txt", dt.date.fromisoformat(day), "FOMC statement", text)
    return DocumentEntry(doc, tuple(sentences), Summary((), "extractive"))


@pytest.fixture(scope="module")
def brief() -> Brief:
    a, b = entry("early", "2024-01-31", BEFORE), entry("late", "2024-03-20", AFTER)
    claims = classify.claims(BEADS, a.sentences, b.sentences, versions=True)
    marked = redline.redline(claims, a.document, a.sentences, b.document, b.sentences)
    return Brief((a, b), (Comparison("early", "late", claims, marked),), Baseline.PREVIOUS, "test")


@pytest.fixture
def page(browser, brief: Brief, tmp_path: Path):
    path = tmp_path / "redline.html"
    path.write_text(render.render(brief, Format.HTML), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.goto(path.as_uri())
    yield pg
    context.close()


def test_struck_and_inserted_words_in_place_in_colour_and_in_grey_print(page) -> None:
    rl = page.locator("#redline-0 div.rl")
    assert rl.locator("del").count() and rl.locator("ins").count()
    text = rl.inner_text()
    # the later document's order: rate, holdings (moved), inflation, labor struck after it, job gains
    order = ["lower", "Treasury securities", "Inflation has eased", "labor market", "Job gains", "Voting"]
    assert [text.index(w) for w in order] == sorted(text.index(w) for w in order)
    assert (
        rl.locator("del", has_text=re.compile("^keep$")).count() == 1
        and rl.locator("ins", has_text="lower").count() == 1
    )
    assert rl.locator("del", has_text="The labor market remains tight.").count() == 1
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        assert "line-through" in rl.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
        assert "underline" in rl.locator("ins").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    # in print the colours are gone and inserted words are also bold
    assert rl.locator("ins").first.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    assert int(rl.locator("ins").first.evaluate("e => getComputedStyle(e).fontWeight")) >= 600


def test_moved_sentence_links_land_on_its_other_place(page) -> None:
    links = page.locator("#redline-0 div.rl a.mv")
    assert links.count() == 2
    texts = links.all_inner_texts()
    assert any("moved from below" in t for t in texts) and any("moved above" in t for t in texts)
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href")
        links.nth(i).click()
        assert page.evaluate("location.hash") == href
        target = page.locator(":target")
        assert target.count() == 1 and "Treasury securities" in target.inner_text()
        assert target.evaluate("e => e.className") == "moved"
        assert target.evaluate("e => e.closest('#redline-0') !== null")
        assert target.is_visible() and target.bounding_box()["y"] >= 0
        page.go_back()


def test_side_by_side_rows_are_aligned_by_claim(page) -> None:
    details = page.locator("#redline-0 details.sbs")
    assert not details.locator("table").is_visible()  # chosen without script: closed by default
    details.locator("summary").click()
    rows = details.locator("tbody tr")
    assert rows.count() >= 6
    for i in range(rows.count()):
        left, right = rows.nth(i).locator("td").nth(0), rows.nth(i).locator("td").nth(1)
        assert abs(left.bounding_box()["y"] - right.bounding_box()["y"]) < 1
        assert abs(left.bounding_box()["width"] - right.bounding_box()["width"]) < 2
    row = rows.filter(has=page.locator("del", has_text=re.compile("^keep$")))
    assert row.count() == 1 and row.locator("td").nth(1).locator("ins", has_text="lower").count() == 1
    dropped = rows.filter(has_text="The labor market remains tight.")
    assert dropped.locator("td").nth(1).inner_text().strip() == ""
    new = rows.filter(has_text="Job gains have slowed.")
    assert new.locator("td").nth(0).inner_text().strip() == ""
    moved = details.locator("a.mv")
    assert moved.count() == 2
    moved.first.click()
    assert page.locator(":target").count() == 1 and "Treasury" in page.locator(":target").inner_text()


def test_every_link_has_a_target_and_lede_items_land_in_the_redline(page) -> None:
    missing = page.evaluate(
        """() => [...document.querySelectorAll('a[href^="#"]')]
              .map(a => a.getAttribute('href').slice(1))
              .filter(id => !document.getElementById(id))"""
    )
    assert missing == []
    links = page.locator('#lede a[href^="#rl-"]')
    assert links.count() >= 3
    for i in range(links.count()):
        links.nth(i).click()
        assert page.locator(":target").evaluate("e => e.closest('#redline-0 div.rl') !== null")
        page.go_back()


def test_redline_view_is_the_header_and_the_redline(browser, brief: Brief, tmp_path: Path) -> None:
    path = tmp_path / "only.html"
    path.write_text(render.render(brief, Format.HTML, view=View.REDLINE), encoding="utf-8")
    context = browser.new_context(viewport={"width": 420, "height": 800})
    pg = context.new_page()
    pg.goto(path.as_uri())
    assert pg.locator("main h2").all_inner_texts() == ["Redline 2024-01-31 → 2024-03-20: early → late"]
    assert pg.locator("#lede, #summaries, #texts").count() == 0
    overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 2
    pg.screenshot(path=str(tmp_path / "redline-narrow.png"), full_page=True)
    context.close()
