"""The CLI's input and output paths under faults: stdout full, gone, closed or unbuffered;
stderr closed; signals during `-o`; files the run reads; file names with control characters.

The cases about the process (its streams, pipes and signals) run `compare.cli.main` in a
subprocess, as a user does; the checks of what `-o`, `--watch` and `--template` accept and of
file names run it in the test's process (`run_cli`, the same `main`, its exit code and its
stderr line), which costs no interpreter start. The embedding model is a `FakeEmbedder`
(tests/fakes.py) handed to the CLI through its embedder seam (plumbing only: nothing here
checks what the brief says, only that it is whole, in the right place and with the documented
exit code).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CLI, PYTHONPATH, cli_code
from fakes import FakeEmbedder

ROOT = Path(__file__).resolve().parents[1]

RUNNER = r"""
import os, time
if os.environ.get("SLOW_FSYNC"):  # stand in for a slow disk: signal the test, then wait for it
    real = os.fsync
    def fsync(fd):
        open(os.environ["SLOW_FSYNC"], "w").close()
        time.sleep(30)
        real(fd)
    os.fsync = fsync
""" + cli_code(fake=True)


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return {**base, "PYTHONPATH": PYTHONPATH, **extra}


def run(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess[bytes]:  # type: ignore[no-untyped-def]
    extra = kwargs.pop("env", {})
    return subprocess.run([sys.executable, "-c", RUNNER, *args], cwd=cwd, env=env(**extra), timeout=60, **kwargs)


def write_pair(folder: Path, sentences: int) -> None:
    body = " ".join(f"The council reviewed item {k} of the budget in detail." for k in range(sentences))
    (folder / "a.txt").write_text(f"date 2023-01-01\n{body} The council met on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text(f"date 2023-02-01\n{body} The council met on Tuesday.\n", encoding="utf-8")


@pytest.fixture()
def d(tmp_path: Path) -> Path:
    write_pair(tmp_path, 3)
    return tmp_path


@pytest.fixture()
def cli(d: Path, run_cli: CLI, monkeypatch: pytest.MonkeyPatch) -> CLI:
    """`compare ARGS` in this process, in the folder `d`, with the fake embedder."""
    monkeypatch.chdir(d)
    return lambda *args: run_cli(*args, model=FakeEmbedder())


# ---- stdout: every byte written, or the documented error ----


def quiet_run(d: Path, stdout: object, unbuffered: bool) -> subprocess.CompletedProcess[bytes]:
    """`compare -q a.txt b.txt` in `d`, writing the brief to `stdout`."""
    return run(
        "-q",
        "a.txt",
        "b.txt",
        cwd=d,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={"PYTHONUNBUFFERED": "1"} if unbuffered else {},
    )


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "PYTHONUNBUFFERED=1"])
def test_full_disk_on_stdout_is_exit_5(d: Path, unbuffered: bool) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        p = quiet_run(d, full, unbuffered)
    assert p.returncode == 5, p.stderr
    assert p.stderr.decode().strip() == "compare: standard output: cannot write the brief (No space left on device)"


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "PYTHONUNBUFFERED=1"])
def test_reader_gone_is_exit_141_and_quiet(d: Path, unbuffered: bool) -> None:
    r, w = os.pipe()
    os.close(r)  # the reader has gone before the brief is written
    try:
        p = quiet_run(d, w, unbuffered)
    finally:
        os.close(w)
    assert p.returncode == 141, p.stderr
    assert p.stderr == b""


def test_non_blocking_pipe_gets_the_whole_brief(d: Path) -> None:
    """A slow reader on a non-blocking pipe (as some CI runners and Docker log drivers set up):
    the brief arrives whole, even unbuffered, where a plain write() stops at the pipe's size."""
    write_pair(d, 400)
    r, w = os.pipe()
    os.set_blocking(w, False)
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, "-q", "-f", "json", "a.txt", "b.txt"],
        cwd=d,
        env=env(PYTHONUNBUFFERED="1"),
        stdout=w,
        stderr=subprocess.PIPE,
    )
    os.close(w)
    chunks = []
    with os.fdopen(r, "rb") as reader:
        time.sleep(0.5)  # let the pipe fill while nobody reads
        while chunk := reader.read(4096):
            chunks.append(chunk)
            time.sleep(0.001)
    assert proc.wait(60) == 0, proc.stderr.read() if proc.stderr else ""
    data = b"".join(chunks)
    assert len(data) > 65536  # more than a pipe holds
    assert json.loads(data)["documents"]


def test_closed_stdout_is_one_error_not_a_traceback(d: Path) -> None:
    p = run(
        "-q", "a.txt", "b.txt", cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1)
    )
    assert p.returncode == 5
    assert p.stderr.decode().strip() == "compare: standard output is closed; write the brief to a file with -o FILE"


def test_closed_stdout_with_output_file_works(d: Path) -> None:
    p = run(
        "-q",
        "-o",
        "out.md",
        "a.txt",
        "b.txt",
        cwd=d,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
    )
    assert p.returncode == 0, p.stderr
    assert (d / "out.md").read_text("utf-8").startswith("#")


def test_closed_stderr_keeps_progress_and_errors_out_of_the_brief(d: Path) -> None:
    ok = run("-f", "json", "a.txt", "b.txt", cwd=d, stdout=subprocess.PIPE, preexec_fn=lambda: os.close(2))
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["documents"]  # no "compare: embedding ..." line mixed in
    bad = run("-f", "json", "a.txt", "missing.txt", cwd=d, stdout=subprocess.PIPE, preexec_fn=lambda: os.close(2))
    assert bad.returncode == 3 and bad.stdout == b""


# ---- -o: nothing the run reads is replaced; signals leave no temporary file ----


@pytest.mark.parametrize("option", ["--watch", "--template"])
def test_output_may_not_replace_a_file_the_run_reads(d: Path, cli: CLI, option: str) -> None:
    (d / "w.txt").write_text("council\n", encoding="utf-8")
    code, _, err = cli("-q", option, "w.txt", "-o", "w.txt", "a.txt", "b.txt")
    assert code == 5 and "choose another output path" in err
    assert (d / "w.txt").read_text("utf-8") == "council\n"


def test_output_may_not_replace_the_prompt(d: Path, cli: CLI) -> None:
    (d / "p.j2").write_text("Summarize {{ text }}", encoding="utf-8")
    code, _, err = cli("-q", "--summarizer", "abstractive", "--prompt", "p.j2", "-o", "./p.j2", "a.txt", "b.txt")
    assert code == 5 and "choose another output path" in err
    assert (d / "p.j2").read_text("utf-8") == "Summarize {{ text }}"


def test_output_may_not_replace_an_input_through_a_hard_link(d: Path, cli: CLI) -> None:
    os.link(d / "a.txt", d / "hard.md")
    code, _, err = cli("-q", "-o", "hard.md", "a.txt", "b.txt")
    assert code == 5 and "is one of the input files" in err


def test_output_ending_in_a_separator_is_a_folder(d: Path, cli: CLI) -> None:
    code, _, err = cli("-q", "-o", "newdir/", "a.txt", "b.txt")
    assert code == 5 and "newdir/: folder newdir does not exist" in err
    assert not (d / "newdir").exists()
    (d / "there").mkdir()
    code, _, err = cli("-q", "-o", "there/", "a.txt", "b.txt")
    assert code == 5 and "is a directory" in err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_during_output_write_leaves_previous_file_and_no_temporary(d: Path, signum: int) -> None:
    (d / "out.md").write_text("previous brief", encoding="utf-8")
    flag = d.parent / f"writing-{signum}"
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, "-q", "-o", "out.md", "a.txt", "b.txt"],
        cwd=d,
        env=env(SLOW_FSYNC=str(flag)),
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not flag.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert flag.exists(), "the write never started"
    proc.send_signal(signum)
    assert proc.wait(30) == 128 + signum
    assert sorted(p.name for p in d.iterdir()) == ["a.txt", "b.txt", "out.md"]
    assert (d / "out.md").read_text("utf-8") == "previous brief"


# ---- limits on the template, prompt and watch files ----


def test_template_from_dev_zero_is_refused_at_once(cli: CLI) -> None:
    start = time.monotonic()
    code, _, err = cli("-q", "--template", "/dev/zero", "a.txt", "b.txt")
    assert code == 3 and "/dev/zero: is a device" in err
    assert time.monotonic() - start < 20


def test_oversized_watch_list_is_refused(d: Path, cli: CLI) -> None:
    (d / "w.txt").write_bytes(b"council\n" * 200_000)  # 1.6 MB
    code, _, err = cli("-q", "--watch", "w.txt", "a.txt", "b.txt")
    assert code == 3 and "w.txt: watch list is 1 MB; the limit is 1 MB" in err


def test_template_through_a_pipe_is_read_once(d: Path) -> None:
    """`--template <(cat t.j2)` passes /dev/fd/N, a pipe that can be read only once."""
    template = '<(printf "{{ brief.documents|length }} documents")'
    code = f'{sys.executable} -c "$RUNNER" -q --template {template} a.txt b.txt'
    p = subprocess.run(["bash", "-c", code], cwd=d, env=env(RUNNER=RUNNER), capture_output=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout == b"2 documents"


def test_watch_list_through_a_pipe(d: Path) -> None:
    code = f'{sys.executable} -c "$RUNNER" -q -f json --watch <(printf "council met\\n") a.txt b.txt'
    p = subprocess.run(["bash", "-c", code], cwd=d, env=env(RUNNER=RUNNER), capture_output=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "council met" in json.dumps(json.loads(p.stdout)["formulations"])


# ---- file names that try to drive the terminal ----

EVIL = "e\x1b]0;pwned\x07vil\r\u202e.txt"


def test_control_characters_in_file_names_are_escaped_in_errors(cli: CLI) -> None:
    code, _, line = cli("-q", EVIL, "a.txt")
    assert code == 3
    assert line == "compare: e\\x1b]0;pwned\\x07vil\\r\\u202e.txt: no such file\n"


def test_control_characters_in_file_names_are_escaped_in_the_brief(d: Path, cli: CLI) -> None:
    (d / EVIL).write_bytes((d / "a.txt").read_bytes())
    for fmt in ("markdown", "html", "json"):
        code, out, err = cli("-q", "-f", fmt, EVIL, "b.txt")
        assert code == 0, err
        assert not any(c in out for c in "\x1b\x07\r\u202e"), fmt
        assert "pwned" in out
