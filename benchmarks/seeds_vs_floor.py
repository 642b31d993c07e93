"""Benchmark 2: `compare seeds/*.txt` cold (no embedding cache) against the floor, measured
in the same run: benchmarks/floor.py imports transformers, loads the same MiniLM and embeds
the same sentences, nothing else. Runs alternate (floor, compare, floor, compare, ...) so both
see the same machine load; prints medians and the ratio.

    python benchmarks/seeds_vs_floor.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from _common import PYTHON, ROOT, SRC, checked, compare_cmd, machine, run


def sentences(paths: list[Path]) -> list[str]:
    sys.path.insert(0, str(SRC))
    from compare import load, segment

    return [s.text for d in load.read_all(paths) for s in segment.segment(d)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    if len(seeds) < 2:
        sys.exit(f"no seeds in {ROOT / 'seeds'}")
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sentences.json"
        texts = sentences(seeds)
        listing.write_text(json.dumps(texts), encoding="utf-8")
        floor_cmd = [PYTHON, str(ROOT / "benchmarks" / "floor.py"), str(listing)]
        ours_cmd = compare_cmd("--no-cache", "-q", *map(str, seeds))
        run(floor_cmd)  # warm the OS file cache for both (model files, site-packages)
        run(ours_cmd)
        floor, ours, floor_cpu, ours_cpu = [], [], [], []
        for _ in range(args.runs):
            m = checked(run(floor_cmd), "floor")
            floor.append(m.wall)
            floor_cpu.append(m.cpu)
            m = checked(run(ours_cmd), "compare")
            ours.append(m.wall)
            ours_cpu.append(m.cpu)
    f, o = statistics.median(floor), statistics.median(ours)
    fc, oc = statistics.median(floor_cpu), statistics.median(ours_cpu)
    print(f"sentences embedded: {len(texts)}")
    print(f"floor (import transformers + load MiniLM + embed)  median {f:6.2f} s  (min {min(floor):.2f})")
    print(f"compare --no-cache seeds/*.txt                     median {o:6.2f} s  (min {min(ours):.2f})")
    print(
        f"ratio compare/floor: median {o / f:.2f}x, "
        f"per-pair {statistics.median(b / a for a, b in zip(floor, ours, strict=True)):.2f}x (aim <= 1.3x)"
    )
    print(f"CPU time (user+sys) median: floor {fc:.2f} s, compare {oc:.2f} s, ratio {oc / fc:.2f}x")


if __name__ == "__main__":
    main()
