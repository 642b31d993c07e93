"""The CLI as a user runs it: exit codes, formats, -o, one-line errors, no torch for --help."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, cli_process


def run(*args: str, cwd: Path = ROOT, fake: bool = False) -> subprocess.CompletedProcess[str]:
    return cli_process(*args, cwd=cwd, env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home())}, fake=fake)


def test_every_option_in_help_is_documented_in_the_readme() -> None:
    r = run("--help")
    assert r.returncode == 0
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", r.stdout)) - {"--help"}
    assert {"--format", "--output", "--baseline", "--summary-sentences", "--date", "--template", "--quiet"} <= options
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert sorted(o for o in options if o not in readme) == []


@pytest.mark.parametrize("modules", ["compare.cli", "compare.cli, compare.cache, compare.abstractive"])
def test_cli_and_backends_import_without_torch(modules: str) -> None:
    code = f"import sys, {modules}; sys.exit('torch' in sys.modules or 'transformers' in sys.modules)"
    probe = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(ROOT / "src")})
    assert probe.returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_formats_to_stdout_and_to_file(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"brief.{fmt}"
    r = run(*map(str, SEEDS), "--format", fmt, "-o", str(out), "--quiet")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "" and r.stderr == ""
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert data["schema"] == "compare.brief/2"
        assert {c["status"] for c in data["comparisons"][0]["claims"]} <= {"repeated", "changed", "new", "dropped"}
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "<del>" in text and "<ins>" in text
    else:
        assert text.startswith("# Comparative brief") and "~~" in text


@pytest.mark.slow
@pytest.mark.parametrize(("name", "start"), [("brief.HTML", "<!DOCTYPE html>"), ("b.json", "{"), ("b.txt", "# ")])
def test_format_follows_the_output_extension_unless_given(name: str, start: str, tmp_path: Path) -> None:
    out = tmp_path / name
    assert run(*map(str, SEEDS), "-o", str(out), "--quiet").returncode == 0
    assert out.read_text(encoding="utf-8").startswith(start)
    assert run(*map(str, SEEDS), "-f", "markdown", "-o", str(out), "--quiet").returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# Comparative brief")


def test_markdown_is_the_default_on_stdout_with_progress_on_stderr() -> None:
    # where the brief and the progress go, not what the brief says: the fake embedder is enough
    # (the real model's subprocess runs are the slow tests above)
    r = run(*map(str, SEEDS), fake=True)
    assert r.returncode == 0
    assert r.stdout.startswith("# Comparative brief")
    assert "compare:" in r.stderr and "compare:" not in r.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["missing.txt", str(SEEDS[0])], 3, "missing.txt: no such file"),
        (["src/compare/templates"], 3, "src/compare/templates: has no text, Markdown, HTML, PDF or DOCX file"),
        (["nothing-*.txt"], 3, "nothing-*.txt: the pattern matched no file"),
        ([str(SEEDS[0])], 2, "need at least two documents"),
        ([*map(str, SEEDS), "--format", "pdf"], 2, "pdf"),
        ([*map(str, SEEDS), "-o", str(SEEDS[0])], 5, "is one of the input files"),
    ],
)
def test_user_mistakes_give_one_line_and_an_exit_code(args: list[str], code: int, message: str) -> None:
    r = run(*args)
    assert r.returncode == code, r.stderr
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_failed_run_leaves_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text("previous brief", encoding="utf-8")
    r = run(str(SEEDS[0]), "missing.txt", "-o", str(out))
    assert r.returncode == 3
    assert out.read_text(encoding="utf-8") == "previous brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]
