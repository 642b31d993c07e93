"""python scripts/calibrate.py: fit the pair model and the document-structure settings, written
into src/compare/calibration.json.

The code is `evaluation/calibrate.py` (importable from tests and other scripts); this file
only runs it."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root: the evaluation package
from evaluation.calibrate import main, main_genres, main_links  # noqa: E402

if __name__ == "__main__":
    main_links() if "--links" in sys.argv[1:] else main_genres() if "--genres" in sys.argv[1:] else main()
