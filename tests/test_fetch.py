"""URLs against a local HTTP server on 127.0.0.1 started here (never the internet): pages and
PDFs are fetched and read, and every failure is one line naming the URL."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from compare.errors import InputError
from compare.readers import fetch
from conftest import CLI, cli_process
from fakes import FakeEmbedder

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "tests" / "fixtures" / "inputs"
HUNDRED_MB = 100 * 2**20


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # a body without Content-Length ends when the connection closes
    agents: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def send(self, code: int, body: bytes, ctype: str, **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        Handler.agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/press/monetary20190918a.htm":
            self.send(200, (INPUTS / "fomc-statement-september.html").read_bytes(), "text/html; charset=utf-8")
        elif path == "/files/statement.pdf":
            self.send(200, (INPUTS / "fomc-statement-october.pdf").read_bytes(), "application/pdf")
        elif path == "/moved":
            self.send(301, b"", "text/plain", Location="/files/statement.pdf")
        elif path == "/loop":
            self.send(302, b"", "text/plain", Location="/loop")
        elif path == "/to-file":
            self.send(302, b"", "text/plain", Location="file:///etc/passwd")
        elif path == "/to-ftp":
            self.send(302, b"", "text/plain", Location="ftp://127.0.0.1/statement.pdf")
        elif path == "/image.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif path == "/slow":
            time.sleep(3)
            self.send(200, b"<html></html>", "text/html")
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):  # a byte every 0.1 s: each read is quick, the whole is not
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(HUNDRED_MB))
            self.end_headers()
        elif path == "/huge":  # 100 MB with no length announced
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            block = b"<p>" + b"x" * 65530 + b"</p>"
            try:
                for _ in range(HUNDRED_MB // len(block) + 1):
                    self.wfile.write(block)
            except OSError:  # the client stopped reading at its limit
                pass
        else:
            self.send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")


def test_fetches_a_page_and_a_pdf_with_a_descriptive_user_agent(server: str) -> None:
    body, suffix = fetch.fetch(f"{server}/press/monetary20190918a.htm")
    assert suffix == ".html" and body == (INPUTS / "fomc-statement-september.html").read_bytes()
    body, suffix = fetch.fetch(f"{server}/moved")  # a redirect to http is followed
    assert suffix == ".pdf" and body.startswith(b"%PDF-")
    assert Handler.agents[-1].startswith("compare/")


@pytest.mark.parametrize(
    ("path", "fragment", "kwargs"),
    [
        ("/missing", "HTTP 404 Not Found", {}),
        ("/loop", "too many redirects (a redirect loop?)", {}),
        ("/to-file", "redirects to a non-HTTP address (file:), which is not followed", {}),
        ("/to-ftp", "redirects to a non-HTTP address (ftp:), which is not followed", {}),
        ("/image.png", "is image/png, not a web page, PDF or Word file", {}),
        ("/slow", "within 1 s (timed out)", {"timeout": 1.0}),
        ("/trickle", "within 1 s (timed out)", {"timeout": 1.0}),
        ("/huge-declared", "is 100 MB; the limit is 64 MB", {}),
        ("/huge", "is larger than 64 MB, the limit", {}),
    ],
)
def test_each_failure_is_one_error_naming_the_url(server: str, path: str, fragment: str, kwargs: dict) -> None:
    started = time.monotonic()
    with pytest.raises(InputError) as info:
        fetch.fetch(server + path, **kwargs)
    assert str(info.value) == f"{server}{path}: {fragment}" or str(info.value).startswith(f"{server}{path}: ")
    assert fragment in str(info.value) and "\n" not in str(info.value)
    assert time.monotonic() - started < 15


def test_unreachable_server_is_one_error() -> None:
    with pytest.raises(InputError, match=r"http://127.0.0.1:9/x: cannot be fetched"):
        fetch.fetch("http://127.0.0.1:9/x", timeout=2)


def run(*args: str, cwd: Path, fake: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "no_proxy": "127.0.0.1"}
    env = {k: v for k, v in env.items() if k.lower() not in {"http_proxy", "https_proxy", "all_proxy"}}
    return cli_process(*args, cwd=cwd, env=env, fake=fake)


def test_compare_urls_and_save_inputs(
    server: str, tmp_path: Path, run_cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, pdf = f"{server}/press/monetary20190918a.htm", f"{server}/files/statement.pdf"
    monkeypatch.chdir(tmp_path)
    # fetching and reading only: the fake embedder is enough, in this process (the CLI's
    # failure in a subprocess is the next test)
    code, _, err = run_cli(
        pdf, page, "--save-inputs", "fetched", "-f", "json", "-o", "brief.json", "--no-cache", model=FakeEmbedder()
    )
    assert code == 0, err
    brief = json.loads((tmp_path / "brief.json").read_text("utf-8"))
    got = [(d["path"], d["date"], d["date_source"]) for d in brief["documents"]]
    # the page's date comes from its URL's file name; the PDF's from its metadata
    assert got == [(page, "2019-09-18", "file name"), (pdf, "2019-10-30", "pdf metadata")]
    saved = sorted(f.name for f in (tmp_path / "fetched").iterdir())
    assert saved == ["monetary20190918a.html", "statement.pdf"]
    # the saved inputs reproduce it
    _, again, _ = run_cli("fetched", "-f", "json", "--no-cache", "-q", model=FakeEmbedder())
    assert [s["sentences"] for s in json.loads(again)["documents"]] == [s["sentences"] for s in brief["documents"]]


def test_a_failed_url_writes_nothing(server: str, tmp_path: Path) -> None:
    p = run(
        f"{server}/files/statement.pdf", f"{server}/missing", "--save-inputs", "fetched", "-o", "b.md", cwd=tmp_path
    )
    assert p.returncode == 3
    assert p.stderr.strip().splitlines()[-1] == f"compare: {server}/missing: HTTP 404 Not Found"
    assert not (tmp_path / "b.md").exists() and not (tmp_path / "fetched").exists()
