"""examples/ holds what the code produces now. When this fails after an intended change,
regenerate with `python scripts/make_examples.py` and review the diff before committing."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _make_examples():
    from evaluation import examples

    return examples


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["seeds", *(pytest.param(name, marks=pytest.mark.shared) for name in ("fomc", "fomc-2014"))]
)
def test_checked_in_examples_are_current(name: str, embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    make = _make_examples()
    if name not in make.inputs():
        pytest.skip("../shared/data/fomc is not beside this checkout")
    monkeypatch.chdir(ROOT)
    produced = make.generate(embedder, only=name)
    assert sorted(produced) == [f"examples/{name}/brief.{ext}" for ext in ("html", "json", "md")]
    stale = [rel for rel, text in produced.items() if (ROOT / rel).read_text(encoding="utf-8") != text]
    assert not stale, f"{stale} differ from what the code produces: run `python scripts/make_examples.py`"
