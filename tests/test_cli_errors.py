"""Every user mistake: one line on stderr naming the problem, the documented exit code, no
traceback, no output file. Run through the console entry point (`python -m compare`), the
path a user takes. None of these cases loads a model."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest

from compare import cli
from compare.errors import (
    CompareError,
    DateError,
    InputError,
    ModelError,
    OutputError,
    TemplateError,
    UsageError,
)
from conftest import cli_process

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return cli_process("-q", *args, cwd=cwd, timeout=120)


def one_line(p: subprocess.CompletedProcess[str], code: int, *fragments: str) -> None:
    assert p.returncode == code, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert lines[0].startswith("compare: ")
    assert "Traceback" not in p.stderr
    for f in fragments:
        assert f in lines[0]
    assert p.stdout == ""


@pytest.fixture()
def d(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("date 2023-01-01\nThe council met on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 2023-02-01\nThe council met on Tuesday.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "code", "fragments"),
    [
        (["missing.txt", "a.txt"], 3, ["missing.txt: no such file"]),
        (["sub", "a.txt"], 3, ["sub: has no text, Markdown, HTML, PDF or DOCX file"]),
        (["*.nothing", "a.txt"], 3, ["*.nothing: the pattern matched no file"]),
        (["empty.txt", "a.txt"], 3, ["empty.txt: is empty"]),
        (["blank.txt", "a.txt"], 3, ["blank.txt: is empty"]),
        (["bin.dat", "a.txt"], 3, ["bin.dat: looks like a binary file"]),
        (["nodate.txt", "a.txt"], 4, ["nodate.txt: has no date", "--date nodate.txt=YYYY-MM-DD"]),
        (["bad-date.txt", "a.txt"], 4, ["bad-date.txt: the date header has an impossible date 2023-02-30"]),
        (["--date", "a.txt=2023-02-30", "a.txt", "b.txt"], 4, ["2023-02-30 is not a real date"]),
        (["--date", "a.txt=yesterday", "a.txt", "b.txt"], 2, ["expected FILE=YYYY-MM-DD"]),
        (["--date", "c.txt=2023-01-01", "a.txt", "b.txt"], 2, ["c.txt is not one of the input files"]),
        (["a.txt"], 2, ["need at least two documents", "a.txt"]),
        (["a.txt", "a.txt"], 2, ["need at least two documents"]),
        (["-f", "xml", "a.txt", "b.txt"], 2, ["'xml' is not one of 'markdown', 'html', 'json'"]),
        (["--summary-sentences", "0", "a.txt", "b.txt"], 2, ["--summary-sentences"]),
        (["--no-such-option", "a.txt", "b.txt"], 2, ["No such option"]),
        ([], 2, ["Missing argument"]),
        (["-o", "a.txt", "a.txt", "b.txt"], 5, ["a.txt: is one of the input files"]),
        (["-o", "./b.txt", "a.txt", "b.txt"], 5, ["is one of the input files"]),
        (["-o", "nofolder/out.md", "a.txt", "b.txt"], 5, ["nofolder/out.md: folder", "does not exist"]),
        (["-o", ".", "a.txt", "b.txt"], 5, [".: is a directory"]),
        (["--template", "none.j2", "a.txt", "b.txt"], 3, ["none.j2: template file not found"]),
        (["--template", "latin.j2", "a.txt", "b.txt"], 7, ["latin.j2: template is not UTF-8"]),
        (["-o", "a.j2", "--template", "a.j2", "a.txt", "b.txt"], 5, ["a.j2: is one of the input files"]),
        (["/dev/null", "a.txt"], 3, ["/dev/null: is not a regular file"]),
    ],
)
def test_user_mistakes(d: Path, args: list[str], code: int, fragments: list[str]) -> None:
    (d / "sub").mkdir()
    (d / "sub" / "photo.png").write_bytes(b"\x89PNG")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n \t ")
    (d / "bin.dat").write_bytes(bytes(range(256)) * 8)
    (d / "nodate.txt").write_text("A text with no date at all.\n", encoding="utf-8")
    (d / "bad-date.txt").write_text("date 2023-02-30\nSome text.\n", encoding="utf-8")
    (d / "latin.j2").write_bytes("Caf\xe9 {{ brief }}".encode("latin-1"))
    (d / "a.j2").write_text("{{ brief.schema }}", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()}
    one_line(run(*args, cwd=d), code, *fragments)
    after = {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()}
    assert after == before  # nothing written, nothing changed


def test_help_is_instant_and_clean() -> None:
    p = run("--help")
    assert p.returncode == 0 and "--date" in p.stdout and p.stderr == ""


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_output_folder(d: Path) -> None:
    locked = d / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        one_line(run("-o", "locked/out.md", "a.txt", "b.txt", cwd=d), 5, "permission denied")
    finally:
        locked.chmod(0o700)


def test_exit_codes_are_distinct_and_documented() -> None:
    codes = {c: c.exit_code for c in (InputError, DateError, OutputError, ModelError, TemplateError, UsageError)}
    assert len(set(codes.values())) == len(codes)
    assert all(issubclass(c, CompareError) for c in codes)
    table = (ROOT / "README.md").read_text("utf-8")
    for c, code in codes.items():
        assert f"| {code} |" in table, c


# ---- write_atomically: nothing lost ----


def test_write_atomically_replaces_and_keeps_mode(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    cli.write_atomically(out, "new ✓", [])
    assert out.read_text("utf-8") == "new ✓"
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_new_output_gets_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "new.md"
    cli.write_atomically(out, "x", [])
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_failed_write_leaves_previous_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    out = tmp_path / "brief.md"
    out.write_text("previous brief", encoding="utf-8")

    def boom(fd: int) -> None:
        raise failure

    monkeypatch.setattr(cli.os, "fsync", boom)
    with pytest.raises(OutputError if isinstance(failure, OSError) else KeyboardInterrupt) as e:
        cli.write_atomically(out, "half-written" * 1000, [])
    if isinstance(failure, OSError):
        assert "No space left on device" in str(e.value)
    assert out.read_text("utf-8") == "previous brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_output_through_a_symlink_replaces_the_target(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    cli.write_atomically(link, "new", [])
    assert link.is_symlink() and real.read_text("utf-8") == "new"


def test_output_to_a_device_is_written_directly(tmp_path: Path) -> None:
    cli.write_atomically(Path("/dev/null"), "x", [])
    assert Path("/dev/null").exists() and not Path("/dev/null").is_file()


def test_output_to_a_full_device_is_one_error() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with pytest.raises(OutputError, match="No space left"):
        cli.write_atomically(Path("/dev/full"), "x" * 100000, [])


def test_symlinked_input_as_output_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "a.txt"
    real.write_text("date 2023-01-01 x", encoding="utf-8")
    link = tmp_path / "alias.md"
    link.symlink_to(real)
    with pytest.raises(OutputError, match="is one of the input files"):
        cli.check_output(link, [real])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("model", "fragment"),
    [
        ("no-such-org/no-such-model", "huggingface-cli download no-such-org/no-such-model"),
        (".", "does not hold a transformers model"),
    ],
)
def test_embedding_model_that_cannot_be_loaded_offline(d: Path, model: str, fragment: str) -> None:
    one_line(run("--embedder", model, "a.txt", "b.txt", cwd=d), 6, f"cannot load embedding model {model!r}", fragment)
