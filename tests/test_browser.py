"""The HTML brief in a real headless Chromium: what a reader sees and clicks.

Marker `browser`; skipped when chromium or playwright is missing. Playwright drives the
system's /usr/bin/chromium (no `playwright install`, nothing downloaded). Screenshots go to
the test's tmp folder; `python scripts/make_examples.py` refreshes examples/*/brief.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compare import render
from compare.render import Format

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seeds_page(seeds_brief, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "seeds.html"
    path.write_text(render.render(seeds_brief, Format.HTML), encoding="utf-8")
    return path


@pytest.fixture
def page(browser, seeds_page: Path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(seeds_page.as_uri())
    pg.requests = requests  # type: ignore[attr-defined]
    yield pg
    context.close()


def test_page_fetches_nothing_and_runs_no_script(page) -> None:
    assert page.requests == [page.url]
    assert page.locator("script, link[rel=stylesheet], img, iframe").count() == 0
    assert page.title().startswith("Comparative brief: 2 documents")


def test_lede_comes_first_and_names_the_news(page) -> None:
    headings = page.locator("main h2").all_inner_texts()
    assert headings[0] == "What changed"
    items = page.locator("#lede ol.lede > li")
    assert 1 <= items.count() <= 7
    lede = page.locator("#lede").inner_text()
    assert "urgent requirement" in lede and "stranglehold" in lede and "self-reliance and strength" in lede
    shift = page.locator("#lede ol.lede > li", has_text="urgent requirement").first
    assert "urgent requirement" in shift.inner_text()
    assert shift.locator("del").count() and shift.locator("ins").count()
    # struck words are struck in the rendering, not only coloured
    deco = shift.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in deco


def test_every_lede_link_lands_on_a_highlighted_sentence(page) -> None:
    links = page.locator("#lede a.ev")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs and all(h and h.startswith("#d") for h in hrefs)
    for i, href in enumerate(hrefs):
        links.nth(i).click()
        assert page.evaluate("location.hash") == href
        target = page.locator(":target")
        assert target.count() == 1
        assert target.evaluate("e => e.closest('#texts') !== null")
        bg = target.evaluate("e => getComputedStyle(e).backgroundColor")
        assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
        assert target.is_visible() and target.bounding_box()["y"] >= 0  # scrolled into view
        page.go_back()


def test_claim_links_and_full_text_anchors_agree(page) -> None:
    missing = page.evaluate(
        """() => [...document.querySelectorAll('a[href^="#"]')]
              .map(a => a.getAttribute('href').slice(1))
              .filter(id => !document.getElementById(id))"""
    )
    assert missing == []
    # every sentence of both documents is in the full-text view once
    assert page.locator("#doc-0 .s").count() == 8
    assert page.locator("#doc-1 .s").count() == 11


def test_readable_on_a_narrow_screen_and_in_print(browser, seeds_page: Path, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 420, "height": 800})
    pg = context.new_page()
    pg.goto(seeds_page.as_uri())
    overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 2
    pg.screenshot(path=str(tmp_path / "narrow.png"), full_page=False)
    pg.emulate_media(media="print")
    assert pg.locator("nav").evaluate("e => getComputedStyle(e).display") == "none"
    assert pg.locator("ins").first.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    pdf = pg.pdf(path=str(tmp_path / "brief.pdf"))
    assert pdf[:4] == b"%PDF"
    context.close()


def test_screenshot(page, tmp_path: Path) -> None:
    png = page.screenshot(path=str(tmp_path / "seeds.png"), full_page=True)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("name", ["seeds", "fomc"])
def test_checked_in_example_pages(browser, name: str) -> None:
    """The example pages (kept current by test_render_examples.py): every link lands, each
    comparison has a short lede, and the FOMC lede opens 2015-12 with the rate decision."""
    page_path = EXAMPLES / name / "brief.html"
    if not page_path.is_file():
        pytest.skip(f"{page_path} not generated")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.goto(page_path.as_uri())
    missing = pg.evaluate(
        """() => [...document.querySelectorAll('a[href^="#"]')]
              .map(a => a.getAttribute('href').slice(1))
              .filter(id => !document.getElementById(id))"""
    )
    assert missing == []
    ledes = pg.locator("#lede ol.lede")
    assert ledes.count() == pg.locator("section.comparison").count()
    for i in range(ledes.count()):
        assert 1 <= ledes.nth(i).locator(":scope > li").count() <= 7
    if name == "fomc":
        december = ledes.nth(1).locator(":scope > li").first.inner_text()
        assert "1/4 to 1/2 percent" in december
    context.close()


def test_a_long_series_reads_in_a_screen_or_two(browser, tmp_path: Path) -> None:
    from render_builders import long_series

    path = tmp_path / "long.html"
    path.write_text(render.render(long_series(120), Format.HTML), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.goto(path.as_uri())
    for section in ("#formulations", "#lineage"):
        box = pg.locator(section).bounding_box()
        assert box and box["height"] < 1800 and box["width"] <= 1280
        bars = pg.locator(f"{section} svg rect")
        assert bars.count() >= 1 and bars.first.is_visible()
    assert pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 2
    # grey print: bars keep their fill when printed without colour
    pg.emulate_media(media="print")
    fill = pg.locator("#formulations svg rect").first.evaluate("e => getComputedStyle(e).fill")
    assert fill not in ("none", "rgb(255, 255, 255)")
    pg.screenshot(path=str(tmp_path / "long.png"), full_page=True)
    context.close()
