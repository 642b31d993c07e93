"""The real embedder with the cache, end to end: batching gives the same vectors as one
sentence at a time, a warm run does not load torch, --no-cache writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from compare.cache import DB_NAME, CachedEmbedder
from compare.embed import TransformerEmbedder, _batches

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize(
    ("lengths", "size", "tokens", "expected"),
    [
        ([1, 2, 3], 10, 100, [[0, 1, 2]]),
        ([1, 2, 3], 2, 100, [[0, 1], [2]]),
        ([10, 10, 50], 10, 60, [[0, 1], [2]]),  # 3 x 50 padded tokens > 60
        ([200], 1, 10, [[0]]),  # one long item is still a batch
        ([], 4, 10, []),
    ],
)
def test_batches(lengths: list[int], size: int, tokens: int, expected: list[list[int]]) -> None:
    assert _batches(list(range(len(lengths))), lengths, size, tokens) == expected


def test_batched_equals_one_by_one_and_dedupes(model: TransformerEmbedder) -> None:
    embedder = model  # the model itself, not the test run's memo of it
    texts = [
        "Short one.",
        "A much longer sentence about the federal funds rate and inflation.",
        "Short one.",
    ]
    together = embedder.embed(texts)
    alone = np.vstack([embedder.embed([t]) for t in texts])
    assert together.shape == (3, 384)
    assert np.allclose(together, alone, atol=1e-5)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)


def test_real_model_is_fingerprinted_without_torch() -> None:
    code = (
        "import sys; from compare.embed import TransformerEmbedder\n"
        "files = TransformerEmbedder().model_files(); names = {p.name for p in files}\n"
        "print('model.safetensors' in names, 'config.json' in names, 'torch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert out.stdout.split() == ["True", "True", "False"]


def test_cached_real_vectors_match(tmp_path: Path, model: TransformerEmbedder) -> None:
    embedder = model
    texts = ["The Committee decided to keep the target range.", "Inflation moved up."]
    first = CachedEmbedder(embedder, tmp_path).embed(texts)
    second = CachedEmbedder(embedder, tmp_path)
    again = second.embed(texts)
    assert second.hits == 2 and np.array_equal(first, again)


def _cli(args: list[str], cache: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; from compare import cli\ntry:\n    cli.main()\n"
        "finally:\n    print('torch' in sys.modules, file=sys.stderr)"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "COMPARE_CACHE_DIR": str(cache)},
    )


@pytest.mark.slow
def test_cli_no_cache_writes_nothing_and_warm_run_skips_torch(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    off = _cli(["--no-cache", "-q", *map(str, SEEDS)], cache)
    assert off.returncode == 0, off.stderr
    assert not cache.exists()
    cold = _cli(["-q", *map(str, SEEDS)], cache)
    assert cold.returncode == 0 and (cache / DB_NAME).exists()
    assert cold.stderr.split()[-1] == "True"
    warm = _cli(["-q", *map(str, SEEDS)], cache)
    assert warm.returncode == 0
    assert warm.stderr.split()[-1] == "False"  # every vector came from the cache
    assert warm.stdout == cold.stdout == off.stdout


@pytest.mark.slow
def test_cli_survives_a_damaged_cache_and_says_so(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / DB_NAME).write_bytes(b"garbage" * 1000)
    run = _cli([*map(str, SEEDS)], cache)
    assert run.returncode == 0, run.stderr
    assert "embedding cache:" in run.stderr and "damaged" in run.stderr
    assert run.stdout.startswith("# ")
