"""Run the whole benchmark suite, one script after another, printing each one's figures.

python benchmarks/run_all.py            # needs ../shared/data/fomc for 3 and 4
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for script in ("startup.py", "seeds_vs_floor.py", "scaling.py", "warm.py"):
    print(f"\n== {script}", flush=True)
    code = subprocess.call([sys.executable, str(HERE / script)], cwd=HERE.parent)
    if code:
        sys.exit(code)
