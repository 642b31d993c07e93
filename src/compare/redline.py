"""redline: a comparison's claims -> the later document in its own order, every edit in place.

A pure stage after classify. The result is a list of segments (`RedlineSegment`) whose
``equal`` and ``insert`` texts, joined, are the later document's text from its first
sentence to the end of its last (`span`) character for character, and whose ``equal`` and
``delete`` texts, joined, are the earlier document's.

How it is built, from the alignment rather than from a plain diff of the two texts:

1. Every paired claim (changed or repeated, splits and merges included) gets a word diff of
   its exact original texts (the claim's own diff when it rebuilds them, else recomputed);
   its equal runs are candidate anchors, each a (earlier offset, later offset, length).
2. The anchors kept are the heaviest set in order in both documents (a weighted longest
   increasing subsequence, weight = characters). A paired claim that keeps less than `KEEP`
   of its equal text this way, or that has none and whose two places lie between different
   anchors, has moved: it is struck where it stood and inserted where it stands, both
   marked `moved`.
3. Between two consecutive anchors lie the rest: struck and inserted words of a claim,
   dropped and new sentences, moved sentences, and the text between sentences (paragraph
   breaks, headings, residue lines). Each sentence piece is one token of its own (it
   never matches anything), text between sentences is matched line by line, so identical
   breaks and headings stay equal, and lines that differ are word-diffed among themselves,
   never with sentence text. Deletions
   come before insertions in each change, so a dropped sentence stands just after the
   sentence that preceded it in the earlier document.

`paragraphs` and `rows` are the two ways a template shows the segments: the later document
with edits in place, and side by side, rows aligned by claim.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .diff import side, word_diff
from .types import Claim, DiffOp, Document, Op, RedlineSegment, Sentence

KEEP = 0.5
"""A paired claim stays in place when at least this share of its equal text is in order."""

Chunk = tuple[int, int, int, int]
"""An anchor candidate: (earlier offset, later offset, length, claim index)."""

Interval = tuple[int, int, int]
"""Text owned by a claim: (start, end, claim index); a split's inner gap belongs to it."""

_GAP_TOKEN = re.compile(r"\s+|\S+(?:[^\S\n]+\S+)*")
"""Text between sentences, as whitespace runs and line contents."""
_BREAK = re.compile(r"[^\S\n]*\n[^\S\n]*\n\s*")
"""A paragraph break: a blank line."""


def redline(
    claims: Sequence[Claim],
    before: Document,
    before_sentences: Sequence[Sentence],
    after: Document,
    after_sentences: Sequence[Sentence],
) -> tuple[RedlineSegment, ...]:
    """The redline of one comparison (see the module notes)."""
    owners_b = _owners(claims, before_sentences, lambda c: c.before)
    owners_a = _owners(claims, after_sentences, lambda c: c.after)
    chunks: list[Chunk] = []
    for k, c in enumerate(claims):
        if c.before and c.after:
            chunks += _chunks(k, c, before.text, before_sentences, after.text, after_sentences)
    kept = _in_order(chunks)
    total: dict[int, int] = defaultdict(int)
    held: dict[int, int] = defaultdict(int)
    for ch in chunks:
        total[ch[3]] += ch[2]
    for ch in kept:
        held[ch[3]] += ch[2]
    anchors = [ch for ch in kept if held[ch[3]] >= KEEP * total[ch[3]]]
    placed = {ch[3] for ch in anchors}
    b_starts, a_starts = [ch[0] for ch in anchors], [ch[1] for ch in anchors]
    moved = {
        k
        for k, c in enumerate(claims)
        if c.before
        and c.after
        and k not in placed
        and bisect.bisect(b_starts, min(before_sentences[i].start for i in c.before))
        != bisect.bisect(a_starts, min(after_sentences[j].start for j in c.after))
    }
    out: list[tuple[Op, str, int | None]] = []
    (pb, b_end), (pa, a_end) = span(before, before_sentences), span(after, after_sentences)
    for b, a, n, k in anchors:
        out += _region(before.text, pb, b, owners_b, after.text, pa, a, owners_a)
        out.append((Op.EQUAL, before.text[b : b + n], k))
        pb, pa = b + n, a + n
    out += _region(before.text, pb, b_end, owners_b, after.text, pa, a_end, owners_a)
    segments: list[RedlineSegment] = []
    for op, text, owner in out:
        if not text:
            continue
        mv = op is not Op.EQUAL and owner in moved
        last = segments[-1] if segments else None
        if last and (last.op, last.claim, last.moved) == (op, owner, mv):
            segments[-1] = RedlineSegment(op, last.text + text, owner, mv)
        else:
            segments.append(RedlineSegment(op, text, owner, mv))
    return tuple(segments)


def span(document: Document, sentences: Sequence[Sentence]) -> tuple[int, int]:
    """What the redline covers of a document: from its first sentence to the end of its last.
    The page around them (front matter, a date line, "For immediate release", "Share", an
    "Implementation Note issued ..." link) says nothing the comparison is about; a document
    with no sentence is covered from its body on."""
    if not sentences:
        return document.body_start, len(document.text)
    return sentences[0].start, sentences[-1].end


def rebuild(segments: Sequence[RedlineSegment], which: Op) -> str:
    """One document's text back from the redline: `Op.DELETE` the earlier, `Op.INSERT` the later."""
    return "".join(s.text for s in segments if s.op is Op.EQUAL or s.op is which)


def _runs(indices: Sequence[int], sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """A claim side's text spans: one per run of consecutive sentences (with the text between
    them), so a split whose halves have a sentence between them gives two spans."""
    runs: list[list[int]] = []
    for i in sorted(indices):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [(sentences[r[0]].start, sentences[r[-1]].end) for r in runs]


def _owners(
    claims: Sequence[Claim], sentences: Sequence[Sentence], pick: Callable[[Claim], tuple[int, ...]]
) -> list[Interval]:
    out: list[Interval] = []
    for k, c in enumerate(claims):
        out += [(s, e, k) for s, e in _runs(pick(c), sentences)]
    return sorted(out)


def _side(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The spans' text joined by single spaces, and each character's offset in `text`
    (-1 for a joining space)."""
    parts, where = [], []
    for k, (s, e) in enumerate(spans):
        if k:
            parts.append(" ")
            where.append(-1)
        parts.append(text[s:e])
        where += range(s, e)
    return "".join(parts), where


def _chunks(k: int, c: Claim, before: str, bs: Sequence[Sentence], after: str, as_: Sequence[Sentence]) -> list[Chunk]:
    """Claim k's equal runs as anchor candidates, in document offsets."""
    old, old_at = _side(before, _runs(c.before, bs))
    new, new_at = _side(after, _runs(c.after, as_))
    ops: Sequence[DiffOp]
    if old == new:
        ops = (DiffOp(Op.EQUAL, old),)
    elif c.diff and side(c.diff, Op.DELETE) == old and side(c.diff, Op.INSERT) == new:
        ops = c.diff
    else:  # a diff of joined or normalized texts: redo it on the texts as written
        ops = word_diff(old, new)
    out: list[Chunk] = []
    i = j = 0
    for d in ops:
        n = len(d.text)
        if d.op is Op.EQUAL:
            run: list[int] = []  # [earlier start, later start, length]
            for t in range(n):
                b, a = old_at[i + t], new_at[j + t]
                if run and b == run[0] + run[2] and a == run[1] + run[2]:
                    run[2] += 1
                    continue
                if run:
                    out.append((run[0], run[1], run[2], k))
                run = [b, a, 1] if b >= 0 and a >= 0 else []
            if run:
                out.append((run[0], run[1], run[2], k))
        i += n if d.op is not Op.INSERT else 0
        j += n if d.op is not Op.DELETE else 0
    return out


def _in_order(chunks: list[Chunk]) -> list[Chunk]:
    """The heaviest subset of `chunks` in order in both documents (weighted longest increasing
    subsequence over a max-Fenwick tree, O(n log n)). Chunks never overlap on either side."""
    chunks = sorted(chunks)
    if not chunks:
        return []
    rank = {a: r + 1 for r, a in enumerate(sorted({ch[1] for ch in chunks}))}
    tree: list[tuple[int, int]] = [(0, -1)] * (len(rank) + 1)
    prev = [-1] * len(chunks)
    best: tuple[int, int] = (0, -1)
    for x, (_, a, n, _k) in enumerate(chunks):
        r, top = rank[a] - 1, (0, -1)
        while r > 0:
            top = max(top, tree[r])
            r -= r & -r
        prev[x] = top[1]
        here = (top[0] + n, x)
        best = max(best, here)
        r = rank[a]
        while r < len(tree):
            tree[r] = max(tree[r], here)
            r += r & -r
    out, x = [], best[1]
    while x >= 0:
        out.append(chunks[x])
        x = prev[x]
    return out[::-1]


Token = tuple[object, str, int | None]
"""(what it matches on, text, owning claim)."""


def _tokens(text: str, lo: int, hi: int, owners: list[Interval], tag: str) -> list[Token]:
    """Text `lo:hi` as tokens: each claim's piece one token that matches nothing, the text
    between sentences as whitespace runs and line contents."""
    out: list[Token] = []
    x = max(bisect.bisect(owners, (lo, -1, -1)) - 1, 0)
    pos = lo
    while pos < hi:
        while x < len(owners) and owners[x][1] <= pos:
            x += 1
        if x < len(owners) and owners[x][0] <= pos:
            end = min(owners[x][1], hi)
            out.append(((tag, pos), text[pos:end], owners[x][2]))
        else:
            end = min(owners[x][0], hi) if x < len(owners) else hi
            out += [(m.group(), m.group(), None) for m in _GAP_TOKEN.finditer(text, pos, end)]
        pos = end
    return out


def _region(
    before: str,
    b_lo: int,
    b_hi: int,
    owners_b: list[Interval],
    after: str,
    a_lo: int,
    a_hi: int,
    owners_a: list[Interval],
) -> list[tuple[Op, str, int | None]]:
    """Everything between two anchors: text between sentences matched where identical, the
    rest struck and inserted, each change's deletions first."""
    tb = _tokens(before, b_lo, b_hi, owners_b, "b")
    ta = _tokens(after, a_lo, a_hi, owners_a, "a")
    if not tb or not ta:
        return [(Op.DELETE, t[1], t[2]) for t in tb] + [(Op.INSERT, t[1], t[2]) for t in ta]
    flat: list[tuple[Op, str, int | None]] = []
    matcher = difflib.SequenceMatcher(None, [t[0] for t in tb], [t[0] for t in ta], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            flat += [(Op.EQUAL, t[1], t[2]) for t in tb[i1:i2]]
        elif tag == "replace" and all(t[2] is None for t in tb[i1:i2] + ta[j1:j2]):
            # text between sentences on both sides (a date line, a title): its word diff
            old, new = "".join(t[1] for t in tb[i1:i2]), "".join(t[1] for t in ta[j1:j2])
            flat += [(d.op, d.text, None) for d in word_diff(old, new)]
        else:
            flat += [(Op.DELETE, t[1], t[2]) for t in tb[i1:i2]] + [(Op.INSERT, t[1], t[2]) for t in ta[j1:j2]]
    # a space or line break left equal between two changes reads as part of them
    tidy: list[tuple[Op, str, int | None]] = []
    for x, (op, text, k) in enumerate(flat):
        inside = 0 < x < len(flat) - 1 and flat[x - 1][0] is not Op.EQUAL and flat[x + 1][0] is not Op.EQUAL
        if op is Op.EQUAL and inside and not text.strip():
            tidy += [(Op.DELETE, text, k), (Op.INSERT, text, k)]
        else:
            tidy.append((op, text, k))
    out: list[tuple[Op, str, int | None]] = []
    change: list[tuple[Op, str, int | None]] = []
    for item in [*tidy, (Op.EQUAL, "", None)]:
        if item[0] is Op.EQUAL:
            out += [t for t in change if t[0] is Op.DELETE] + [t for t in change if t[0] is Op.INSERT]
            change = []
            out.append(item)
        else:
            change.append(item)
    return out


@dataclass(frozen=True)
class Piece:
    """A segment as shown: `text` with whitespace collapsed (a struck paragraph break is ¶);
    `place` is "at" on the claim's place in the redline (the lede links there), "was" where a
    moved claim stood; `toward` says where a moved claim's other place is ("above", "below")."""

    op: Op
    text: str
    claim: int | None
    moved: bool
    place: str = ""
    toward: str = ""


@dataclass(frozen=True)
class Row:
    """One row of the side-by-side view: the earlier text (equal and struck) on the left, the
    later (equal and inserted) on the right, for one claim or one run of text between claims."""

    claim: int | None
    left: tuple[Piece, ...]
    right: tuple[Piece, ...]


def _places(segments: Sequence[RedlineSegment]) -> tuple[dict[int, int], dict[int, int]]:
    """Per claim, the segment index of its place (not a moved claim's old place), and of a
    moved claim's old place."""
    at: dict[int, int] = {}
    was: dict[int, int] = {}
    for x, s in enumerate(segments):
        if s.claim is None:
            continue
        if s.moved and s.op is Op.DELETE:
            was.setdefault(s.claim, x)
        else:
            at.setdefault(s.claim, x)
    return at, was


def _unwrapped(segments: Sequence[RedlineSegment]) -> list[RedlineSegment]:
    """`segments` as shown: a struck text and the inserted text after it that differ only in
    where a line breaks (a hard wrap falls anywhere: "Minister\\nBenjamin " -> " Benjamin\\n"
    showed "~~Benjamin~~ **Benjamin**" to a blind reader) are one equal text, the later one's.
    The segments themselves stay exact, so that each document rebuilds from them."""
    out: list[RedlineSegment] = []
    for s in segments:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.op is Op.DELETE
            and s.op is Op.INSERT
            and prev.claim == s.claim
            and not (prev.moved or s.moved)
            and prev.text.split() == s.text.split()
            and not (_BREAK.search(prev.text) or _BREAK.search(s.text))
        ):
            out[-1] = RedlineSegment(Op.EQUAL, s.text, s.claim)
        else:
            out.append(s)
    return out


def _pieces(segments: Sequence[RedlineSegment]) -> list[tuple[RedlineSegment, Piece]]:
    segments = _unwrapped(segments)
    at, was = _places(segments)
    out = []
    for x, s in enumerate(segments):
        place = toward = ""
        if s.claim is not None:
            if at.get(s.claim) == x:
                place = "at"
            elif was.get(s.claim) == x:
                place = "was"
            if s.moved and s.claim in at and s.claim in was:
                toward = "above" if (was[s.claim] < at[s.claim]) == (place != "was") else "below"
        out.append((s, Piece(s.op, s.text, s.claim, s.moved, place, toward)))
    return out


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def paragraphs(segments: Sequence[RedlineSegment]) -> list[list[Piece]]:
    """The redline as the later document's paragraphs (blank lines of equal or inserted text
    start one), each a list of pieces; a struck paragraph break shows as ¶ in its deletion."""
    out: list[list[Piece]] = [[]]
    for s, piece in _pieces(segments):
        if s.op is Op.DELETE:
            parts = [_BREAK.sub(" ¶ ", s.text)]
        else:
            parts = _BREAK.split(s.text)
        for n, part in enumerate(parts):
            if n:
                out.append([])
            text, place = _collapse(part), piece.place if n == 0 else ""
            if not text.strip() and s.op is not Op.EQUAL:  # a struck or inserted space shows as a space
                if place:
                    out[-1].append(Piece(s.op, "", s.claim, s.moved, place, piece.toward))
                text, place = text and " ", ""
                out[-1].append(Piece(Op.EQUAL, text, None, False))
                continue
            out[-1].append(Piece(s.op, text, s.claim, s.moved, place, piece.toward))
    return [_trim(p) for p in out if any(x.text.strip() or x.place for x in p)]


def _trim(pieces: list[Piece]) -> list[Piece]:
    """No space at a paragraph's ends, no doubled space between pieces."""
    out: list[Piece] = []
    for p in pieces:
        text = p.text
        if (not out or out[-1].text.endswith(" ")) and text.startswith(" "):
            text = text[1:]
        if text or p.place:
            out.append(Piece(p.op, text, p.claim, p.moved, p.place, p.toward))
    if out and out[-1].text.endswith(" "):
        last = out[-1]
        out[-1] = Piece(last.op, last.text.rstrip(" "), last.claim, last.moved, last.place, last.toward)
    return out


def rows(segments: Sequence[RedlineSegment]) -> list[Row]:
    """The redline side by side: consecutive segments of one claim (or of the text between
    claims) make a row; rows whose two sides are blank are left out."""
    groups: list[list[tuple[RedlineSegment, Piece]]] = []
    for s, piece in _pieces(segments):
        if groups and groups[-1][0][0].claim == s.claim and groups[-1][-1][0].moved == s.moved:
            groups[-1].append((s, piece))
        else:
            groups.append([(s, piece)])
    out = []
    for g in groups:
        left = tuple(_shown(p) for s, p in g if s.op is not Op.INSERT)
        right = tuple(_shown(p) for s, p in g if s.op is not Op.DELETE)
        if any(p.text.strip() or p.place for p in left + right):
            out.append(Row(g[0][0].claim, _strip(left), _strip(right)))
    return out


def _shown(p: Piece) -> Piece:
    return Piece(p.op, _collapse(p.text), p.claim, p.moved, p.place, p.toward)


def _strip(pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    return tuple(_trim(list(pieces)))
