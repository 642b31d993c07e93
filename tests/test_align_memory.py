"""The bounded aligner stays bounded: a long document against a short one does not gather
every candidate pair's vectors at once (a 64 MB input needed 3.7 GiB for that alone)."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from compare import align_bounded, pipeline


@pytest.mark.slow
def test_candidate_cosines_are_computed_in_bounded_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align_bounded, "GATHER", 1024, raising=False)  # the test's pairs are few: gather fewer
    rng = np.random.default_rng(0)
    n, m, dim = 20, 4000, 384
    before = rng.standard_normal((n, dim)).astype(np.float32)
    after = rng.standard_normal((m, dim)).astype(np.float32)
    before /= np.linalg.norm(before, axis=1, keepdims=True)
    after /= np.linalg.norm(after, axis=1, keepdims=True)
    words_b = [["w", str(i)] for i in range(n)]
    words_a = [["w", str(j)] for j in range(m)]
    pairs = align_bounded.candidates(before, after)
    gathered = 2 * len(pairs) * dim * 4  # both sides' vectors for every candidate at once
    tracemalloc.start()
    try:
        align_bounded.align(before, after, words_b, words_a, pipeline.pair_model())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert gathered > 64 * 2**20
    assert peak < gathered / 3, (peak / 2**20, gathered / 2**20)
