"""Benchmark: peak memory and progress of one large input against one statement.

Builds a text of SIZE MB from the seed statements (each copy's sentences tagged with a number,
so no two sentences repeat), and runs the whole pipeline (load, segment, embed, summarize,
align, classify, lineage, formulations, render to Markdown) on it against one seed statement,
in a child process. The embedder is a hash stand-in of MiniLM's size (384 dimensions): the
real model would take hours of CPU at this size and does not change the memory held between
stages (it embeds in chunks of 5,000 sentences). Prints, for each progress message, the time
since the start and the resident memory then, and at the end the peak RSS beside the naive
baseline (the input text as UTF-8, the floor any run pays once).

    python benchmarks/memory_large.py [--mb 8] [--random] [--keep /tmp/big.txt]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

CHILD = r"""
import hashlib, os, resource, sys, time
from pathlib import Path
import numpy as np
from compare import load, pipeline, render
from compare.summarize import ExtractiveSummarizer
from compare.types import Format

def rss_mib():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")

class HashEmbedder:
    model_id = "hash-384"
    def embed(self, texts):
        out = np.empty((len(texts), 384), dtype=np.float32)
        for k, t in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little")
            v = np.random.default_rng(seed).standard_normal(384)
            out[k] = v / np.linalg.norm(v)
        return out

start = time.monotonic()
def progress(message):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{time.monotonic() - start:8.1f} s {rss_mib():8.0f} MiB now {peak:8.0f} MiB peak  {message}", flush=True)

progress("start")
documents = load.read_all([Path(p) for p in sys.argv[1:]])
progress("loaded")
brief = pipeline.run(documents, HashEmbedder(), ExtractiveSummarizer(), progress=progress)
progress("brief made")
text = render.render(brief, Format.MARKDOWN)
progress(f"rendered {len(text) / 2**20:.1f} MB of Markdown")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"PEAK {peak:.0f}")
"""


def build_random(size_mb: float, path: Path) -> None:
    """SIZE MB of sentences of 15-30 words drawn at random from the vocabulary of the seeds and
    the FOMC statements (when ../shared is there): the worst case for phrase counting, where
    nearly every 3-8-word sequence is new, as in a large archive of unrelated articles."""
    import random

    sources = [*SEEDS, *sorted((ROOT.parent / "shared" / "data" / "fomc").glob("*.txt"))]
    vocab = sorted({w for p in sources for w in re.findall(r"[a-z]+", p.read_text("utf-8").lower())})
    rng = random.Random(0)
    target = int(size_mb * 2**20) - 64
    with open(path, "w", encoding="utf-8") as fh:
        written = fh.write("date 2024-01-01\n")
        while True:
            line = " ".join(rng.choice(vocab) for _ in range(rng.randrange(15, 31))).capitalize() + ". "
            if written + len(line) > target:
                break
            written += fh.write(line)
    print(f"vocabulary: {len(vocab)} words")


def build(size_mb: float, path: Path) -> None:
    """SIZE MB of seed sentences, each copy's sentences tagged so that none repeats."""
    bodies = [re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", p.read_text("utf-8")) for p in SEEDS]
    target = int(size_mb * 2**20)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("date 2024-01-01\n")
        written, k = 0, 0
        while True:
            body = bodies[k % len(bodies)].replace(". ", f" (copy {k}). ") + "\n"
            if written + len(body.encode()) > target - 64:  # stay under the input limit at --mb 64
                break
            fh.write(body)
            written += len(body.encode())
            k += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=8.0, help="size of the large input (the input limit is 64)")
    ap.add_argument("--keep", type=Path, help="write the large input here and keep it")
    ap.add_argument("--random", action="store_true", help="random words (every phrase new) instead of seed copies")
    ap.add_argument(
        "--limit-gib",
        type=float,
        default=8.0,
        help="address-space limit of the child, so that a runaway run fails instead of starving the machine",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = args.keep or Path(tmp) / "big-2024-01-01.txt"
        (build_random if args.random else build)(args.mb, big)
        size = big.stat().st_size
        print(f"input: {big} ({size / 2**20:.1f} MB) against {SEEDS[0].name}")
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "OMP_NUM_THREADS": "1"}
        t = time.monotonic()
        limit = int(args.limit_gib * 2**30)

        def cap() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        cmd = [sys.executable, "-c", CHILD, str(SEEDS[0]), str(big)]
        proc = subprocess.run(cmd, env=env, text=True, capture_output=True, preexec_fn=cap)
        wall = time.monotonic() - t
        print(proc.stdout, end="")
        if proc.returncode:
            print(proc.stderr, file=sys.stderr)
            sys.exit(proc.returncode)
        peak = next(float(line.split()[1]) for line in proc.stdout.splitlines() if line.startswith("PEAK"))
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"peak RSS {max(peak, child):.0f} MiB for a {size / 2**20:.1f} MB input "
            f"({max(peak, child) / (size / 2**20):.0f}x the input; naive floor: the text once, "
            f"{size / 2**20:.1f} MiB); wall {wall:.0f} s"
        )


if __name__ == "__main__":
    main()
