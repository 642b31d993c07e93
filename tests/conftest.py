"""Shared fixtures. Tests that read ../shared/data skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

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


@pytest.fixture(scope="session")
def embedder():
    """The real packaged MiniLM embedder, loaded once per test session."""
    from compare.embed import TransformerEmbedder

    return TransformerEmbedder()


@pytest.fixture(scope="session")
def seeds_brief(embedder):
    from compare import load, pipeline
    from compare.summarize import ExtractiveSummarizer

    return pipeline.run(load.read_all(SEEDS), embedder, ExtractiveSummarizer())
