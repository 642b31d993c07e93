"""Benchmark 3: 10, 100 and 1,000 real FOMC statements (../shared/data/fomc, cycled to reach
the count, copies renamed to later dates), consecutive comparisons, cold (empty private
embedding cache): wall time, seconds per document and peak RSS of the whole run.

    python benchmarks/scaling.py [--counts 10 100 1000] [--format json]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _common import checked, compare_cmd, fomc_corpus, fresh_cache, machine, need_fomc, run

LIMIT_MIB = 2048


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--counts", type=int, nargs="+", default=[10, 100, 1000])
    ap.add_argument("--format", default="json", choices=["markdown", "html", "json"])
    ap.add_argument(
        "--distinct",
        action="store_true",
        help="tag the sentences of cycled copies so that no sentence repeats across cycles",
    )
    args = ap.parse_args()
    need_fomc()
    print(f"machine: {machine()}")
    how = ", sentences of cycled copies made distinct" if args.distinct else " verbatim"
    print(f"corpus: FOMC statements cycled{how}; format {args.format}")
    print(f"{'docs':>6} {'sentences':>9} {'wall s':>8} {'s/doc':>7} {'marginal s/doc':>14} {'peak RSS MiB':>12}")
    previous: tuple[int, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.counts:
            paths = fomc_corpus(n, Path(tmp) / f"corpus{n}", args.distinct)
            environ = fresh_cache(Path(tmp) / f"cache{n}")
            out = Path(tmp) / f"brief{n}.{args.format}"
            m = checked(
                run(compare_cmd("-f", args.format, "-o", str(out), *map(str, paths)), environ),
                f"{n} documents",
            )
            said = m.stderr.decode(errors="replace")
            count = next((w.split()[2] for w in said.splitlines() if "embedding" in w), "?")
            flag = "" if m.peak_rss_mib < LIMIT_MIB else "  OVER 2 GiB"
            # marginal: the cost of the documents added since the previous count, start-up excluded
            marginal = f"{(m.wall - previous[1]) / (n - previous[0]):.3f}" if previous and n > previous[0] else "-"
            previous = (n, m.wall)
            print(
                f"{n:>6} {count:>9} {m.wall:>8.1f} {m.wall / n:>7.3f} {marginal:>14} {m.peak_rss_mib:>12.0f}{flag}",
                flush=True,
            )


if __name__ == "__main__":
    main()
