"""The help and version as users of git, ripgrep and llm expect them: metavars, not Python
types; `--version`; shell completion offered and documented."""

from __future__ import annotations

import re
import subprocess

import compare
from conftest import ROOT, cli_process


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return cli_process(*args, env={"PATH": "/usr/bin:/bin"})


def test_version() -> None:
    r = run("--version")
    assert (r.returncode, r.stdout, r.stderr) == (0, f"compare {compare.__version__}\n", "")


def test_help_shows_metavars_not_python_types() -> None:
    r = run("--help")
    assert r.returncode == 0
    assert r.stdout.startswith("Usage: compare [OPTIONS] FILES...\n")
    assert not re.search(r"<(list\[|int|str|path|float)", r.stdout), r.stdout
    for shown in ("-o, --output FILE", "--summary-sentences N", "--date FILE=YYYY-MM-DD", "--watch FILE",
                  "--template FILE", "--model ID", "--prompt FILE", "--embedder ID", "--version"):  # fmt: skip
        assert shown in r.stdout


def test_shell_completion_is_offered_and_documented() -> None:
    r = run("--help")
    readme = (ROOT / "README.md").read_text("utf-8")
    for option in ("--install-completion", "--show-completion"):
        assert option in r.stdout and f"`{option}`" in readme
    script = run("--show-completion", "bash")
    assert script.returncode == 0 and "complete -o default -F _compare_completion compare" in script.stdout
