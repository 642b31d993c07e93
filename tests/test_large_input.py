"""Large inputs stay linear: a long block of text is segmented in time proportional to it."""

from __future__ import annotations

import random
import time
from pathlib import Path

from compare import load, segment

ROOT = Path(__file__).resolve().parents[1]


def test_segmenting_one_long_block_is_not_quadratic(tmp_path: Path) -> None:
    """400 KB of sentences in one paragraph: about 0.3 s; it took 16 s when each sentence
    boundary searched the whole block before it for "a.m."."""
    vocab = "the committee decided to raise target range rates inflation remains elevated policy".split()
    rng = random.Random(0)
    body = "".join(
        " ".join(rng.choice(vocab) for _ in range(rng.randrange(15, 31))).capitalize() + ". " for _ in range(2600)
    )
    doc = load.parse("date 2024-01-01\n" + body, tmp_path / "big.txt")
    segment.segment(load.parse("date 2024-01-01\nWarm up the segmenter.", tmp_path / "w.txt"))
    start = time.process_time()
    sentences = segment.segment(doc)
    assert len(sentences) == 2600
    assert time.process_time() - start < 5
