"""Helpers shared by the benchmark scripts: run a command in a child process and report its
wall time and peak resident memory (from the child's own rusage, so runs do not mix)."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
SHARED = ROOT.parent / "shared"
FOMC = SHARED / "data" / "fomc"
PYTHON = sys.executable


@dataclass(frozen=True)
class Measure:
    wall: float
    cpu: float
    """user + system CPU seconds of the child: less disturbed by other load than wall time"""
    peak_rss_mib: float
    returncode: int
    stdout: bytes
    stderr: bytes


def env(**extra: str) -> dict[str, str]:
    """The environment for a child run: our src on the path, offline model loading."""
    out = dict(os.environ)
    out["PYTHONPATH"] = str(SRC) + (os.pathsep + out["PYTHONPATH"] if out.get("PYTHONPATH") else "")
    out.setdefault("HF_HUB_OFFLINE", "1")
    out.update(extra)
    return out


def run(cmd: list[str], environ: dict[str, str] | None = None, cwd: Path = ROOT) -> Measure:
    """Run `cmd` once; wall time, the child's peak RSS (MiB), exit code and output."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=environ or env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # read the pipes while the child runs, then reap it with wait4 to get its own rusage
    out, err = _drain(proc)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return Measure(wall, usage.ru_utime + usage.ru_stime, rss, proc.returncode, out, err)


def _drain(proc: subprocess.Popen[bytes]) -> tuple[bytes, bytes]:
    import threading

    chunks: dict[str, bytes] = {}

    def read(name: str, stream: object) -> None:
        chunks[name] = stream.read()  # type: ignore[attr-defined]

    threads = [
        threading.Thread(target=read, args=("out", proc.stdout)),
        threading.Thread(target=read, args=("err", proc.stderr)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return chunks["out"], chunks["err"]


def checked(m: Measure, what: str) -> Measure:
    if m.returncode != 0:
        sys.stderr.write(m.stderr.decode(errors="replace"))
        sys.exit(f"{what} failed with exit code {m.returncode}")
    return m


def compare_cmd(*args: str) -> list[str]:
    return [PYTHON, "-m", "compare", *args]


def machine() -> str:
    """One line describing where the figures come from."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {cores} usable cores, "
        f"Python {platform.python_version()}, load average {load:.2f} at start"
    )


def need_fomc() -> Path:
    if not FOMC.is_dir() or not any(FOMC.glob("*.txt")):
        sys.exit(
            f"this benchmark needs the FOMC statements in {FOMC} (../shared/data/fomc beside the checkout); not found"
        )
    return FOMC


def fomc_corpus(count: int, folder: Path, distinct: bool = False) -> list[Path]:
    """`count` real FOMC statements copied into `folder`, cycling through the corpus; a copy
    beyond the first cycle gets a distinct name with a later date so ordering stays defined.
    With `distinct`, every sentence of a later copy is tagged (" c2." for cycle 2) so that no
    embedding is shared with an earlier cycle: the embedder's de-duplication and the cache
    cannot make a cycled corpus look cheaper than a real one of that size."""
    sources = sorted(need_fomc().glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(count):
        src = sources[k % len(sources)]
        cycle = k // len(sources)
        year = int(src.stem[:4]) + 40 * cycle  # 1994 -> 2034 -> 2074 ...: later cycles sort later
        name = f"{year}{src.stem[4:8]}.txt" if cycle else src.name
        dst = folder / name
        if distinct and cycle:
            dst.write_text(_tag(src.read_text(encoding="utf-8"), cycle + 1), encoding="utf-8")
        else:
            shutil.copyfile(src, dst)
        out.append(dst)
    return out


_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)]{3})([.!?])(?=\s+(?:[A-Z\"“(]|$)|\s*$)", re.MULTILINE)


def _tag(text: str, cycle: int) -> str:
    """Put " cN" before each sentence-final stop (after a lower-case word or a number, before a
    capital or a line end), leaving abbreviations ("U.S.", "St. Louis", "a.m.") alone."""
    return _SENTENCE_END.sub(rf" c{cycle}\1", text)


def fresh_cache(folder: Path) -> dict[str, str]:
    """Environment with an empty private embedding cache in `folder`."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return env(COMPARE_CACHE_DIR=str(folder))
