"""Benchmark 4: the same 100 FOMC statements twice with one (initially empty) embedding
cache: the cold run computes and stores every vector, the warm run reads them all and never
imports torch. Prints both wall times and the ratio (aim >= 5x).

    python benchmarks/warm.py [--count 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from _common import checked, compare_cmd, fomc_corpus, fresh_cache, machine, need_fomc, run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3, help="warm runs after the one cold run")
    args = ap.parse_args()
    need_fomc()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in fomc_corpus(args.count, Path(tmp) / "corpus")]
        environ = fresh_cache(Path(tmp) / "cache")
        out = str(Path(tmp) / "brief.json")
        cold = checked(run(compare_cmd("-q", "-f", "json", "-o", out, *paths), environ), "cold run")
        first = Path(out).read_bytes()
        warm = []
        for _ in range(args.runs):
            m = checked(run(compare_cmd("-q", "-f", "json", "-o", out, *paths), environ), "warm run")
            if Path(out).read_bytes() != first:
                raise SystemExit("warm run produced a different brief than the cold run")
            warm.append(m.wall)
    w = statistics.median(warm)
    print(f"cold {args.count} docs: {cold.wall:6.2f} s   peak RSS {cold.peak_rss_mib:.0f} MiB")
    print(
        f"warm {args.count} docs: {w:6.2f} s   (median of {args.runs}, min {min(warm):.2f})"
        f"   peak RSS {m.peak_rss_mib:.0f} MiB"
    )
    print(f"cold/warm: {cold.wall / w:.1f}x (aim >= 5x); warm brief identical to cold: yes")


if __name__ == "__main__":
    main()
