"""The aligner against hand-labeled consecutive FOMC statements (skips without ../shared)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT


def _evaluate_module():
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("name", "floor"), [("fomc_labels.json", 0.95), ("fomc_labels_blind.json", 0.88)])
def test_fomc_labeled_pairs_agree(shared_data, embedder, name: str, floor: float) -> None:
    """Regression guard at the measured level (README: 0.969 and 0.897)."""
    ev = _evaluate_module()
    labels = json.loads((ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8"))
    result = ev.evaluate(labels, shared_data / "fomc", embedder)
    assert result["sentences"] >= 120
    assert result["agreement"] >= floor, result["errors"]
    assert result["per_status"]["repeated"]["precision"] == 1.0
