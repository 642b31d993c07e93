"""The label sets, listed once: tests/fixtures/labels.json (file, task, genre, role, labelers,
the command that measures them, measured figures, test floors). The scripts,
tests/test_evaluate.py and the docs read it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
MANIFEST = FIXTURES / "labels.json"


def sets(genre: str | None = None, role: str | None = None, task: str | None = None) -> list[dict[str, Any]]:
    """The manifest's entries, in its order, of one genre ("fomc", "readouts", "seeds", "news"),
    role ("tuning", "held-out", "second labeling", "split") and task ("alignment",
    "significance", "formulations", "lineage", "summaries", "faithfulness") when given."""
    entries: list[dict[str, Any]] = json.loads(MANIFEST.read_text(encoding="utf-8"))["sets"]
    return [
        e
        for e in entries
        if (genre is None or e["genre"] == genre)
        and (role is None or e["role"] == role)
        and (task is None or e["task"] == task)
    ]


def files(genre: str, role: str, task: str = "alignment") -> tuple[str, ...]:
    """File names (paths under tests/fixtures) of one genre, role and task."""
    return tuple(e["file"] for e in sets(genre, role, task))


def by_genre(task: str, role: str) -> dict[str, list[str]]:
    """{genre: file paths under tests/fixtures} of one task and role, genres and files in the
    manifest's order."""
    grouped: dict[str, list[str]] = {}
    for e in sets(role=role, task=task):
        grouped.setdefault(e["genre"], []).append(e["file"])
    return grouped


def second_labelings(genre: str) -> dict[str, str]:
    """{first labels' file: the second labeling's file} of the aligner's labels."""
    return {e["of"]: e["file"] for e in sets(genre, "second labeling", "alignment")}
