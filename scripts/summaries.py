"""python scripts/summaries.py: summary evaluation and the summarizer's calibration.

The code is `evaluation/summaries.py` (importable from tests and other scripts); this file only runs it."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root: the evaluation package
from evaluation.summaries import main  # noqa: E402

if __name__ == "__main__":
    main()
