"""Shared fixtures: the repository's paths, the real packaged model (loaded once, each distinct
sentence embedded once per test run), a plumbing-only fake embedder, and the seeds' brief.

Tests that read ../shared/data skip cleanly when it is absent. Tests marked `slow` (the
evaluation against labeled data, whole-series and example briefs, the CLI in a subprocess,
language-model generation) are left out by the everyday loop, ``pytest -m "not slow"``."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
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


class FakeEmbedder:
    """Plumbing only: deterministic unit vectors seeded by each text (and by the bytes of a
    `weights` file when given, so a changed "model" gives other vectors); equal texts get
    equal vectors. Counts what it computes. Meaning is random: use the real model for any
    test about what is paired or summarized."""

    recipe = "fake/v1"

    def __init__(self, model_id: str = "fake", weights: Path | None = None, dim: int = 8) -> None:
        self.model_id = model_id
        self.weights = weights
        self.dim = dim
        self.computed: list[str] = []

    def model_files(self) -> list[Path] | None:
        return [self.weights] if self.weights is not None else None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.computed.extend(texts)
        salt = self.weights.read_bytes() if self.weights is not None else b""
        rows = []
        for t in texts:
            rng = np.random.default_rng(list(salt + t.encode()) or [0])
            v = rng.standard_normal(self.dim)
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32).reshape(len(texts), self.dim)


@pytest.fixture(scope="session")
def seeds_brief(embedder):
    from compare import load, pipeline
    from compare.summarize import ExtractiveSummarizer

    return pipeline.run(load.read_all(SEEDS), embedder, ExtractiveSummarizer())


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
