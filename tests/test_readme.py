"""README's usage excerpts are what compare prints: each piece of an excerpted lede item is in
the checked-in example brief (which tests/test_render_examples.py keeps current)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def excerpts() -> list[str]:
    """The numbered lede items inside README's ```markdown blocks."""
    blocks = re.findall(r"```markdown\n(.*?)```", README, re.S)
    return [line for block in blocks for line in block.splitlines() if re.match(r"\d+\. \*", line)]


@pytest.mark.parametrize("item", excerpts())
def test_readme_lede_items_come_from_the_example_briefs(item: str) -> None:
    examples = "".join(p.read_text("utf-8") for p in sorted((ROOT / "examples").glob("*/brief.md")))
    pieces = [p.strip() for p in item.split("…") if p.strip()]
    assert pieces and all(p in examples for p in pieces), [p for p in pieces if p not in examples]


def test_there_are_excerpts() -> None:
    assert len(excerpts()) >= 6


def test_readme_json_example_is_the_example_brief() -> None:
    import json

    shown = re.search(r"```json\n(.*?)```", README, re.S)
    assert shown
    brief = json.loads((ROOT / "examples" / "fomc" / "brief.json").read_text("utf-8"))
    expected = [{"after": c["after"], "top": c["lede"][0]["reason"]} for c in brief["comparisons"]]
    assert [json.loads(line) for line in shown[1].splitlines()] == expected


def test_readme_python_runs(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code = re.search(r"```python\n(.*?)```", README, re.S)
    assert code
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path))
    monkeypatch.chdir(ROOT)
    exec(compile(code[1], "README.md", "exec"), {})
    assert capsys.readouterr().out.startswith("# Comparative brief: 2 documents, 2023-02-26 to 2023-08-05")
