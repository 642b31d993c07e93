"""CLI manners for briefs: `compare schema`, --template, --quiet, the brief alone on stdout,
no colour codes. Runs use the real packaged model, loaded once per session (fixture `run_cli`)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import jsonschema
import pytest

from compare import render
from conftest import cli_process

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]


def test_schema_command_prints_the_shipped_schema(run_cli) -> None:
    code, out, err = run_cli("schema")
    assert code == 0 and err == ""
    schema = json.loads(out)
    assert schema["title"] == "compare.brief/2"
    assert out == render.schema()
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_command_rejects_arguments(run_cli) -> None:
    code, out, err = run_cli("schema", "extra")
    assert code == 2 and out == ""
    assert err.strip() == "compare: compare schema takes no arguments, got extra"


def test_help_mentions_schema(run_cli) -> None:
    code, out, _ = run_cli("--help")
    assert code == 0 and "compare schema" in out


def test_json_on_stdout_alone_progress_on_stderr(run_cli) -> None:
    code, out, err = run_cli(*SEEDS, "--format", "json")
    assert code == 0
    jsonschema.validate(json.loads(out), json.loads(render.schema()), cls=jsonschema.Draft202012Validator)
    assert err and all(line.startswith("compare: ") for line in err.splitlines())


def test_quiet_silences_progress(run_cli) -> None:
    code, out, err = run_cli(*SEEDS, "--quiet")
    assert code == 0 and err == ""
    assert out.startswith("# Comparative brief")


def test_quiet_silences_library_output_too(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    # a library writing to stderr while the brief is made (the GGUF conversion's progress bar,
    # a warning) is silenced by --quiet and shown without it
    from compare import pipeline

    real = pipeline.run

    def chatty(*args: object, **kwargs: object) -> object:
        print("Converting and de-quantizing GGUF tensors...: 100%", file=sys.stderr)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "run", chatty)
    assert run_cli(*SEEDS, "--quiet")[::2] == (0, "")
    code, _, err = run_cli(*SEEDS)
    assert code == 0 and "de-quantizing" in err


def test_template_context_and_unknown_variable(run_cli, tmp_path: Path) -> None:
    good = tmp_path / "ok.md.j2"
    good.write_text("{{ brief.documents | length }} documents; first {{ brief.documents[0].document.id }}\n")
    code, out, err = run_cli(*SEEDS, "-q", "--template", str(good))
    assert (code, out, err) == (0, "2 documents; first 000_5e902f7cddc8c7f3\n", "")

    bad = tmp_path / "bad.md.j2"
    bad.write_text("{{ brief.documents | length }}\n{{ headline }}\n")
    code, out, err = run_cli(*SEEDS, "-q", "--template", str(bad))
    assert code == 7 and out == ""
    assert err == f"compare: {bad}:2: 'headline' is undefined\n"


def test_missing_template_file(run_cli, tmp_path: Path) -> None:
    code, _, err = run_cli(*SEEDS, "--template", str(tmp_path / "nope.j2"))
    assert code == 3 and "template file not found" in err and err.count("\n") == 1


@pytest.mark.slow
@pytest.mark.parametrize("extra", [{}, {"FORCE_COLOR": "1"}, {"TTY_COMPATIBLE": "1", "FORCE_COLOR": "1"}])
def test_no_colour_codes_with_no_color(extra: dict[str, str]) -> None:
    """NO_COLOR set: neither help nor usage errors carry ANSI escapes, even when something
    asks rich to force colour, and even on a terminal."""
    import pty

    env = {"NO_COLOR": "1", **extra}
    for args in (["--help"], ["--format", "nope", "x.txt"], ["schema", "x"]):
        leader, follower = pty.openpty()
        proc = cli_process(*args, stdout=follower, stderr=follower, env=env, timeout=60, text=False)
        os.close(follower)
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        os.close(leader)
        text = b"".join(chunks).decode()
        assert text.strip(), args
        assert "\x1b[" not in text, (args, text)
        assert proc.returncode in (0, 2), (args, proc.returncode)
