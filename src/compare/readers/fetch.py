"""URLs given on the command line -> files on disk (the read stage then treats them as files).

Plain urllib: a total deadline per URL (not only per socket read, so a server that trickles
bytes cannot hold a run), a size limit checked before and while reading, at most five
redirects and only to http(s), a User-Agent that says what is asking. Each failure is one
line naming the URL."""

from __future__ import annotations

import atexit
import re
import shutil
import socket
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, OutputError
from . import kind

TIMEOUT = 30.0
"""Seconds for one URL, from connecting to the last byte."""
MAX_BYTES = 64 * 2**20
"""The same limit as for files (load.MAX_FILE_BYTES)."""
MAX_REDIRECTS = 5
USER_AGENT = "compare/0.1 (comparative summarization of dated documents; fetches only the URLs a user gives)"
_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def http_error_302(self, req: Any, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage) -> Any:
        target = headers.get("Location") or headers.get("URI")
        if target:
            scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, target)).scheme.lower()
            if scheme not in {"http", "https"}:
                raise InputError(f"{req.full_url}: redirects to a non-HTTP address ({scheme}:), which is not followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> tuple[bytes, str]:
    """(body, file extension) of one URL, or an `InputError` naming it."""
    opener = urllib.request.build_opener(_Redirects)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(_TYPES)})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(f"{url}: is {int(length) // 2**20} MB; the limit is {max_bytes // 2**20} MB")
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url}: is larger than {max_bytes // 2**20} MB, the limit")
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunks.append(chunk)
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as e:
        if e.code in {301, 302, 303, 307, 308}:
            raise InputError(f"{url}: too many redirects (a redirect loop?)") from None
        raise InputError(f"{url}: HTTP {e.code} {e.reason}") from None
    except TimeoutError:
        raise InputError(f"{url}: no complete answer within {timeout:g} s (timed out)") from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, TimeoutError | socket.timeout):
            raise InputError(f"{url}: no answer within {timeout:g} s (timed out)") from None
        raise InputError(f"{url}: cannot be fetched ({e.reason})") from None
    except (OSError, ValueError) as e:  # a connection reset mid-body, a malformed URL or header
        raise InputError(f"{url}: cannot be fetched ({e})") from None
    body = b"".join(chunks)
    suffix = _TYPES.get(content_type) or {"pdf": ".pdf", "docx": ".docx", "html": ".html"}.get(
        kind(Path("x"), body) or ""
    )
    if suffix is None:
        raise InputError(f"{url}: is {content_type}, not a web page, PDF or Word file")
    return body, suffix


def fetch_all(
    urls: Iterable[str], folder: Path | None, progress: Callable[[str], None] = lambda _: None
) -> dict[Path, str]:
    """Fetch every URL into `folder` (a temporary one, removed at exit, when None), each under
    the last part of its path; {saved file: URL}. Nothing is saved until all have come."""
    urls = list(dict.fromkeys(urls))
    bodies = []
    for url in urls:
        progress(f"fetching {url}")
        bodies.append(fetch(url))
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="compare-inputs-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{folder}: cannot be created for --save-inputs ({e.strerror or e})") from None
    out: dict[Path, str] = {}
    for url, (body, suffix) in zip(urls, bodies, strict=True):
        path = _free(folder, _stem(url), suffix, taken=set(out))
        try:
            path.write_bytes(body)
        except OSError as e:
            raise OutputError(f"{path}: cannot be written ({e.strerror or e})") from None
        out[path] = url
    return out


def _stem(url: str) -> str:
    """'https://host/a/monetary20191030a.htm?x=1' -> 'monetary20191030a' (host when no path)."""
    parts = urllib.parse.urlsplit(url)
    last = [p for p in parts.path.split("/") if p]
    stem = Path(urllib.parse.unquote(last[-1])).stem if last else parts.hostname or "page"
    return re.sub(r"[^\w.-]+", "-", stem).strip("-.")[:80] or "page"


def _free(folder: Path, stem: str, suffix: str, taken: set[Path]) -> Path:
    """A name in `folder` not used by an earlier file: stem, stem-2, stem-3, …"""
    path, n = folder / f"{stem}{suffix}", 1
    while path in taken or path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path
