"""Benchmark 1: wall time of `compare --help` and of a bad-input error, and proof that
neither imports torch. Prints the median of several runs.

    python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from _common import PYTHON, checked, compare_cmd, env, machine, run

TORCH_PROBE = (
    "import sys\nfrom compare import cli\nsys.argv = ['compare', *sys.argv[1:]]\n"
    "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
    "print('torch imported:', 'torch' in sys.modules, file=sys.stderr)"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        missing = str(Path(tmp) / "missing.txt")
        cases = {
            "compare --help": (compare_cmd("--help"), ["--help"], 0),
            "compare missing.txt missing.txt (exit 3)": (
                compare_cmd(missing, missing),
                [missing, missing],
                3,
            ),
        }
        for name, (cmd, probe_args, code) in cases.items():
            walls = []
            for _ in range(args.runs):
                m = run(cmd)
                if m.returncode != code:
                    sys.stderr.write(m.stderr.decode(errors="replace"))
                    sys.exit(f"{name}: expected exit code {code}, got {m.returncode}")
                walls.append(m.wall)
            probe = checked(run([PYTHON, "-c", TORCH_PROBE, *probe_args], env()), name)
            torch = probe.stderr.decode().strip().splitlines()[-1]
            print(
                f"{name:45s} median {statistics.median(walls):6.3f} s"
                f"  (min {min(walls):.3f}, {args.runs} runs)  {torch}"
            )


if __name__ == "__main__":
    main()
