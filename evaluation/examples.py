"""Regenerate examples/: the seeds' brief and an FOMC multi-document brief in Markdown, HTML
and JSON, plus screenshots of the HTML when chromium is installed.

    python scripts/make_examples.py            # from the repository root

The FOMC examples read consecutive statements from ../shared/data/fomc (five, and eleven;
they are not copied into this repository); without ../shared they are left as they are.
tests/test_render_examples.py fails when the checked-in briefs differ from what the code
produces now.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOMC_DATA = Path("..") / "shared" / "data" / "fomc"
FOMC_SERIES = {
    # the December 2015 lift-off, five statements
    "fomc": (
        ("20150917", "20151028", "20151216", "20160127", "20160316"),
        ("nearly balanced", "gradual adjustments", "closely monitoring", "considerable improvement"),
    ),
    # eleven statements, March 2014 to June 2015: "considerable time" leaves in January 2015,
    # "patient" enters in December 2014 and leaves in March 2015
    "fomc-2014": (
        (
            "20140319", "20140430", "20140618", "20140730", "20140917", "20141029",
            "20141217", "20150128", "20150318", "20150429", "20150617",
        ),
        ("considerable time", "patient", "underutilization of labor resources", "nearly balanced"),
    ),
}  # fmt: skip
"""Example name -> (statement dates, phrases an analyst would watch: what `--watch FILE` passes)."""
FOMC_GROUPS = {
    # the lift-off guidance as a watcher follows it, element by element: "considerable time"
    # and the asset purchases leave, "patient" comes and goes, the two conditions arrive
    "fomc-2014": (
        (
            "Lift-off guidance",
            (
                "considerable time",
                "asset purchase program",
                "patient",
                "further improvement in the labor market",
                "reasonably confident",
            ),
        ),
    ),
}
"""Example name -> watch-list groups ([Name] and its elements in a `--watch FILE`)."""
FORMATS = {"md": "markdown", "html": "html", "json": "json"}
CHROMIUM_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars"
).split()


def inputs() -> dict[str, list[Path]]:
    """Example name -> input paths, relative to the repository root (so the briefs record the
    same paths on every machine). FOMC only when ../shared is present."""
    out = {"seeds": sorted(Path("seeds").glob("*.txt"))}
    if (ROOT / FOMC_DATA).is_dir():
        out.update({name: [FOMC_DATA / f"{d}.txt" for d in dates] for name, (dates, _) in FOMC_SERIES.items()})
    return out


def generate(embedder: object | None = None, only: str | None = None) -> dict[str, str]:
    """Relative output path -> text, for every example (or `only` one). Must run with the
    repository root as working directory."""
    from compare import load, pipeline, render
    from compare.embed import TransformerEmbedder
    from compare.summarize import ExtractiveSummarizer
    from compare.types import WatchGroup

    embedder = embedder or TransformerEmbedder()
    out: dict[str, str] = {}
    for name, paths in inputs().items():
        if only and name != only:
            continue
        options = pipeline.Options(
            watch=FOMC_SERIES[name][1] if name in FOMC_SERIES else (),
            groups=tuple(WatchGroup(group, elements) for group, elements in FOMC_GROUPS.get(name, ())),
        )
        brief = pipeline.run(load.read_all(paths), embedder, ExtractiveSummarizer(), options)  # type: ignore[arg-type]
        for ext, fmt in FORMATS.items():
            out[f"examples/{name}/brief.{ext}"] = render.render(brief, render.Format(fmt))
    return out


def screenshot(html: Path, png: Path, width: int = 1280, height: int = 2200) -> bool:
    """A screenshot of the top of `html` with headless chromium; False when there is none."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return False
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={png}",
                html.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return True


SERIES_SECTIONS = ("formulations", "lineage")
"""The sections of the whole FOMC series' brief shown in examples/fomc-all/ (its HTML, 5 MB, is
not kept: `compare ../shared/data/fomc/*.txt -f html` makes it)."""


def series_screenshots(log: Callable[[str], None]) -> None:
    """examples/fomc-all/{formulations,lineage}.png: the key formulations' timeline and the
    lineage of all 194 statements, as a reader scans them (needs ../shared, chromium, playwright)."""

    if not (ROOT / FOMC_DATA).is_dir() or not shutil.which("chromium"):
        return
    from playwright.sync_api import sync_playwright

    from compare import load, pipeline, render
    from compare.cache import CachedEmbedder
    from compare.embed import TransformerEmbedder
    from compare.summarize import ExtractiveSummarizer

    paths = sorted((ROOT / FOMC_DATA).glob("*.txt"))
    brief = pipeline.run(load.read_all(paths), CachedEmbedder(TransformerEmbedder()), ExtractiveSummarizer())
    out = ROOT / "examples" / "fomc-all"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_path = Path(tmp) / "brief.html"
        page_path.write_text(render.render(brief, render.Format.HTML), encoding="utf-8")
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(page_path.as_uri())
        for section in SERIES_SECTIONS:
            page.locator(f"#{section}").screenshot(path=str(out / f"{section}.png"))
            log(f"wrote examples/fomc-all/{section}.png")
        browser.close()


def main(log: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> None:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT / "src"))
    for rel, text in generate().items():
        path = ROOT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        log(f"wrote {rel}")
        if rel.endswith(".html") and screenshot(path, path.with_suffix(".png")):
            log(f"wrote {path.with_suffix('.png').relative_to(ROOT)}")
    series_screenshots(log)


if __name__ == "__main__":
    main()
