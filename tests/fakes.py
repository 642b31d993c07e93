"""The plumbing-only fake embedder, in a module of its own so that a CLI subprocess can use
it without importing pytest (conftest re-exports it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np


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
