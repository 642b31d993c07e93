"""Screenshots of one FOMC pair's HTML redline for docs/redline.md: October 29 -> December 17,
2014 (the "patient" statement, where the reinvestment paragraph moved below the guidance), in
the inline view and side by side. Needs ../shared/data, chromium and playwright.

    PYTHONPATH=src python scripts/redline_screenshot.py [OUT_DIR]   (default: docs/img)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from compare import load, pipeline, render
from compare.cache import CachedEmbedder
from compare.embed import TransformerEmbedder
from compare.summarize import ExtractiveSummarizer
from compare.types import Format, View

ROOT = Path(__file__).resolve().parents[1]
PAIR = ("20141029", "20141217")
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"]


def main(out: Path) -> None:
    paths = [ROOT.parent / "shared" / "data" / "fomc" / f"{d}.txt" for d in PAIR]
    brief = pipeline.run(load.read_all(paths), CachedEmbedder(TransformerEmbedder()), ExtractiveSummarizer())
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "redline.html"
        page_path.write_text(render.render(brief, Format.HTML, view=View.REDLINE), encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=FLAGS)  # a fresh profile each launch
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(page_path.as_uri())
            page.locator("#redline-0 div.rl").screenshot(path=str(out / "redline-fomc-2014-12.png"))
            page.locator("#redline-0 details.sbs summary").click()
            page.locator("#redline-0 details.sbs").screenshot(path=str(out / "redline-fomc-2014-12-side-by-side.png"))
            browser.close()
    print(f"wrote {out / 'redline-fomc-2014-12.png'} and {out / 'redline-fomc-2014-12-side-by-side.png'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img")
