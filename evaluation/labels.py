"""The label sets, listed once: tests/fixtures/labels.json (file, genre, role, labelers,
measured figures, test floors). The scripts, tests/test_evaluate.py and the docs read it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
MANIFEST = FIXTURES / "labels.json"


def sets(genre: str | None = None, role: str | None = None) -> list[dict[str, Any]]:
    """The manifest's entries, in its order, of one genre ("fomc", "readouts") and role
    ("tuning", "held-out", "second labeling") when given."""
    entries: list[dict[str, Any]] = json.loads(MANIFEST.read_text(encoding="utf-8"))["sets"]
    return [e for e in entries if (genre is None or e["genre"] == genre) and (role is None or e["role"] == role)]


def files(genre: str, role: str) -> tuple[str, ...]:
    """File names (in tests/fixtures) of one genre and role."""
    return tuple(e["file"] for e in sets(genre, role))


def second_labelings(genre: str) -> dict[str, str]:
    """{first labels' file: the second labeling's file}."""
    return {e["of"]: e["file"] for e in sets(genre, "second labeling")}
