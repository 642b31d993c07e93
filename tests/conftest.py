"""Shared fixtures: the repository's paths, the real packaged model (loaded once, each distinct
sentence embedded once per test run), a plumbing-only fake embedder, and the seeds' brief.

Tests that read ../shared/data skip cleanly when it is absent. Tests marked `slow` (the
evaluation against labeled data, whole-series and example briefs, the CLI in a subprocess,
language-model generation) are left out by the everyday loop, ``pytest -m "not slow"``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip the test when this checkout has no ../shared beside it."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside this checkout")
    return SHARED_DATA


class MemoEmbedder:
    """An embedder that computes each distinct text once for its lifetime and remembers the
    vector: the FOMC statements of the evaluation files, the seeds and the example series
    recur across tests. Everything else (model_id, model_files, recipe) is the inner model's,
    so the disk cache fingerprints it as the real model."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self._vectors: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            self._vectors.update(zip(missing, np.asarray(self.inner.embed(missing), dtype=np.float32), strict=True))
        if not texts:
            return np.asarray(self.inner.embed([]), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])

    def __getattr__(self, name: str) -> Any:
        if name == "inner":  # not set yet (copy, pickle): no recursion
            raise AttributeError(name)
        return getattr(self.inner, name)


@pytest.fixture(scope="session")
def model():
    """The real packaged MiniLM embedder, loaded once per test session. Use it where the test
    is about the embedder itself (batching, the disk cache); elsewhere use `embedder`."""
    from compare.embed import TransformerEmbedder

    return TransformerEmbedder()


@pytest.fixture(scope="session")
def embedder(model):
    """The real packaged MiniLM, each distinct sentence embedded once per test session."""
    return MemoEmbedder(model)


@pytest.fixture(scope="session")
def seeds_brief(embedder):
    from compare import load, pipeline
    from compare.summarize import ExtractiveSummarizer

    return pipeline.run(load.read_all(SEEDS), embedder, ExtractiveSummarizer())


CLI = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], embedder: Any) -> CLI:
    """``run_cli(*ARGS, model=None)``: `compare ARGS` in this process, as the console script
    runs it, with the session's real model (or `model`, e.g. a `FakeEmbedder`) handed to the
    CLI through its embedder seam (`compare.cli.main(embedder=...)`). Returns (exit code,
    stdout, stderr)."""
    from compare import cli

    def run(*args: str, model: Any = None) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["compare", *args])
        code = 0
        try:
            cli.main(embedder=lambda _id: embedder if model is None else model)
        except SystemExit as e:
            code = int(e.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def cli_code(fake: bool = False) -> str:
    """Python source that runs `compare` as the console script does (``python -c CODE ARGS``,
    with src and tests on PYTHONPATH); `fake` hands it a `FakeEmbedder`."""
    code = "import sys; sys.argv[0] = 'compare'; from compare.cli import main; "
    return code + ("from fakes import FakeEmbedder; main(embedder=FakeEmbedder)" if fake else "main()")


PYTHONPATH = os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")])
"""What a test subprocess that runs `compare` needs on its path: this checkout's src, and
tests for `fakes.FakeEmbedder`."""


def cli_process(
    *args: str,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    fake: bool = False,
    timeout: float = 300,
    text: bool = True,
    **kwargs: Any,
) -> subprocess.CompletedProcess[Any]:
    """`compare ARGS` in a subprocess, as a user runs it (the console script's `main`), with
    this checkout's src on the path. `env` is added to os.environ (or replaces it when it has
    PATH); `fake=True` hands the CLI a `FakeEmbedder` through its embedder seam (plumbing
    tests: each run well under a second)."""
    code = cli_code(fake)
    given = dict(env or {})
    base = {} if "PATH" in given else {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    full = {**base, **given, "PYTHONPATH": PYTHONPATH}
    if "capture_output" not in kwargs and not {"stdout", "stderr"} & kwargs.keys():
        kwargs["capture_output"] = True
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=full, timeout=timeout, text=text, **kwargs)


EVERYDAY = False
"""True when the run leaves the slow tests out (``-m "not slow"``, the everyday loop)."""


def pytest_configure(config: pytest.Config) -> None:
    global EVERYDAY
    EVERYDAY = "not slow" in (config.getoption("markexpr", "") or "")


def examples(n: int) -> int:
    """How many inputs a property test draws: `n` in the full suite (as CI runs it), a third
    (at least 30) in the everyday loop, where the drawing of examples was a fifth of the time.
    Test modules are imported after `pytest_configure`, so a decorator may call this."""
    return n if not EVERYDAY else max(30, n // 3)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests on the team's evaluation data (they use `shared_data`) and browser tests are
    slow by nature; other slow tests carry ``@pytest.mark.slow`` themselves."""
    for item in items:
        if "shared_data" in getattr(item, "fixturenames", ()) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Debian's chromium, started as root on a machine with no network to speak of."""


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the browser tests; skipped without chromium or playwright."""
    if not CHROMIUM:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()
