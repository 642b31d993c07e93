"""Regenerate examples/: the seeds' brief and an FOMC multi-document brief in Markdown, HTML
and JSON, plus screenshots of the HTML when chromium is installed.

    python scripts/make_examples.py            # from the repository root

The FOMC example reads five consecutive statements from ../shared/data/fomc (they are not
copied into this repository); without ../shared it is left as it is. tests/test_render_examples.py
fails when the checked-in briefs differ from what the code produces now.
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
FOMC_DATES = ("20150917", "20151028", "20151216", "20160127", "20160316")
FOMC_WATCH = (
    "nearly balanced",
    "gradual adjustments",
    "closely monitoring",
    "considerable improvement",
)
"""Phrases an analyst would watch in these statements (what `--watch FILE` passes)."""
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
        out["fomc"] = [FOMC_DATA / f"{d}.txt" for d in FOMC_DATES]
    return out


def generate(embedder: object | None = None, only: str | None = None) -> dict[str, str]:
    """Relative output path -> text, for every example (or `only` one). Must run with the
    repository root as working directory."""
    from compare import pipeline, render
    from compare.embed import TransformerEmbedder
    from compare.summarize import ExtractiveSummarizer

    embedder = embedder or TransformerEmbedder()
    out: dict[str, str] = {}
    for name, paths in inputs().items():
        if only and name != only:
            continue
        options = pipeline.Options(watch=FOMC_WATCH if name == "fomc" else ())
        brief = pipeline.run(paths, embedder, ExtractiveSummarizer(), options)  # type: ignore[arg-type]
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


if __name__ == "__main__":
    main()
