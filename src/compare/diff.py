"""diff: two sentences -> word-level operations a person can read.

diff-match-patch runs on word tokens (each token mapped to one code point), then its
semantic cleanup merges small islands of equality, so whole words and phrases are struck and
inserted rather than letters. Joining the equal and delete texts gives the old sentence;
joining the equal and insert texts gives the new one.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from .types import DiffOp, Op

_TOKEN = re.compile(r"\d+(?:[.,/-]\d+)*%?|\w+(?:[-'’]\w+)*|\s+|[^\w\s]", re.UNICODE)
_DMP_OPS = {0: Op.EQUAL, 1: Op.INSERT, -1: Op.DELETE}
_BASE = 0x100000  # supplementary private use area: no clash with real text


def tokens(text: str) -> list[str]:
    """Words, whitespace runs and single punctuation marks; they concatenate to `text`."""
    return _TOKEN.findall(text)


def word_diff(before: str, after: str) -> tuple[DiffOp, ...]:
    """Word-level diff of `before` -> `after`, with deletions before insertions in each change."""
    vocab: dict[str, str] = {}
    table: list[str] = []

    def encode(text: str) -> str:
        out = []
        for t in tokens(text):
            if t not in vocab:
                vocab[t] = chr(_BASE + len(table)) if len(table) < 0xFFFE else chr(0xE000 + len(table) % 0x1900)
                table.append(t)
            out.append(vocab[t])
        return "".join(out)

    a, b = encode(before), encode(after)
    if len(table) >= 0xFFFE:  # absurdly many distinct tokens: fall back to a character diff
        a, b, table = before, after, []
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    raw = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(raw)
    decoded = [(_DMP_OPS[op], _decode(chunk, table)) for op, chunk in raw]
    return tuple(DiffOp(op, text) for op, text in _tidy(decoded))


def _decode(chunk: str, table: list[str]) -> str:
    if not table:
        return chunk
    return "".join(table[ord(c) - _BASE] for c in chunk)


def _tidy(ops: list[tuple[Op, str]]) -> list[tuple[Op, str]]:
    """Absorb whitespace-only equalities between changes, merge neighbours of the same kind,
    and put each change's deletion before its insertion."""
    absorbed: list[tuple[Op, str]] = []
    for i, (op, text) in enumerate(ops):
        between_changes = 0 < i < len(ops) - 1 and ops[i - 1][0] is not Op.EQUAL and ops[i + 1][0] is not Op.EQUAL
        if op is Op.EQUAL and between_changes and not text.strip():
            absorbed += [(Op.DELETE, text), (Op.INSERT, text)]
        else:
            absorbed.append((op, text))
    out: list[tuple[Op, str]] = []
    group: dict[Op, str] = {Op.DELETE: "", Op.INSERT: ""}

    def flush() -> None:
        for kind in (Op.DELETE, Op.INSERT):
            if group[kind]:
                out.append((kind, group[kind]))
                group[kind] = ""

    for op, text in absorbed:
        if not text:
            continue
        if op is Op.EQUAL:
            flush()
            if out and out[-1][0] is Op.EQUAL:
                out[-1] = (Op.EQUAL, out[-1][1] + text)
            else:
                out.append((op, text))
        else:
            group[op] += text
    flush()
    return out


def side(ops: tuple[DiffOp, ...], which: Op) -> str:
    """Rebuild one side of a diff: `Op.DELETE` gives the old text, `Op.INSERT` the new one."""
    return "".join(d.text for d in ops if d.op is Op.EQUAL or d.op is which)
