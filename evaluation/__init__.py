"""The evaluation code: the aligner and the summarizer against labeled data, the calibration
that writes src/compare/calibration.json, the labeling sheets and the checked-in examples.

Importable from the repository root (pytest puts it on the path; the scripts in scripts/ are
thin command lines over these modules). It reads ../shared/data and tests/fixtures, so it is
not part of the installed package, which never reads either. Every label set, its role, the
command that measures it and (for the aligner) its figures are listed once, in
tests/fixtures/labels.json (`labels`)."""
