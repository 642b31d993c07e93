"""python scripts/label_sheet.py: a labeling sheet (show) or a check of a label file (check).

The code is `evaluation/label_sheet.py` (importable from tests and other scripts); this file only runs it."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root: the evaluation package
from evaluation.label_sheet import main  # noqa: E402

if __name__ == "__main__":
    main()
