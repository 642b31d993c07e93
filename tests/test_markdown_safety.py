"""Markdown from untrusted document text: no live links, no reordered lines."""

from __future__ import annotations

import pytest

from compare.render import md


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see https://evil.example/x now", "see https\\://evil.example/x now"),
        ("FTP://a.b/c and http://x.y", "FTP\\://a.b/c and http\\://x.y"),
        ("visit www.evil.com today", "visit www\\.evil.com today"),
        ("rates rose 1.5% (see http://x.y)", "rates rose 1.5% \\(see http\\://x.y\\)"),
        ("the ratio 3:1 and 10:30 am", "the ratio 3:1 and 10:30 am"),  # other colons untouched
    ],
)
def test_bare_urls_are_not_links(text: str, expected: str) -> None:
    assert md(text) == expected


def test_urls_are_not_links_on_github() -> None:
    """Checked against GitHub's own renderer when it is installed (cmarkgfm)."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    html = cmarkgfm.github_flavored_markdown_to_html(md("go to https://evil.example/x or www.evil.com"))
    assert "<a " not in html and "https://evil.example/x" in html


@pytest.mark.parametrize(
    "mark", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)
def test_bidi_controls_are_neutralized(mark: str) -> None:
    out = md(f"invoice{mark}fdp.exe")
    assert mark not in out and out == "invoice\ufffdfdp.exe"
