"""markup: Markdown as people save it -> its plain text, and YAML front matter -> fields.

Part of reading a file (load calls it): emphasis, links, inline HTML and backslash escapes are
reduced to the words they mark, so "Xi Jinping of\\_\\" or "<sup>st</sup>" never reach a claim.
Headings and list items keep their line (segment drops the marks). Line structure is kept, so
wrapped paragraphs are joined by segment as in plain text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import yaml

_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\n]|\([^)\n]*\))*\)|\[([^\]\n]+)\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_EMPH = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`([^`\n]+)`")
_HARD_BREAK = re.compile(r"\\(?=\r?\n)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'])")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as written, so an impossible one is reported by load as such."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(text: str) -> tuple[dict[str, Any], int] | None:
    """The front matter's fields (keys lower-cased) and where the body starts, or None when
    the text has no front matter. Invalid YAML raises ValueError with the parser's reason."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None
    try:
        data = yaml.load(m.group(1), Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as e:
        reason = str(getattr(e, "problem", None) or e).splitlines()[0]
        raise ValueError(f"front matter is not valid YAML ({reason})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ValueError("front matter is not a list of 'key: value' fields")
    return {str(k).lower(): v for k, v in data.items()}, m.end()


def field_text(value: Any) -> str | None:
    """A front-matter value as one line of text (titles may carry escapes, NBSPs and breaks)."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return " ".join(str(value).split()) or None


def markdown_text(body: str) -> str:
    """The words of Markdown `body`, line structure kept."""
    text = _REF_DEF.sub("", body)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPH.sub(lambda m: m.group(1) or m.group(2), text)
    text = _ESCAPE.sub(r"\1", _HARD_BREAK.sub("", text))
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)
