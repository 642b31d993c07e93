"""formulations: recurring multi-word phrases ("key formulations") and where they appear.

Analysts track set phrases ("self-reliance and strength in science and technology",
"considerable time"). A phrase is found automatically when it is 2 to 8 words long, begins
and ends with a content word, and occurs at least twice across the documents; of a phrase and
a longer one that occurs exactly where it does, only the longer is kept. Phrases that enter or
leave during the series rank first: a phrase every document repeats is boilerplate. Phrases
from a watch list are always tracked. A shift is a phrase that disappears while a phrase
sharing its first or last two words appears in the same document ("self-reliance and
strength" -> "self-reliance and self-improvement").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .segment import STOP
from .segment import words as tokens
from .types import Formulation

MAX_WORDS = 8
MIN_WORDS = 2
LIMIT = 25


_CLAUSE = re.compile(r"[,;:()\[\]\"“”?!]|\s[-–—]+\s|\.(?:\s|$)")


def _ngrams(sentences: Sequence[str]) -> Counter[tuple[str, ...]]:
    """Counts of candidate phrases; a phrase never crosses a comma, colon or quote mark."""
    grams: Counter[tuple[str, ...]] = Counter()
    for clause in (c for s in sentences for c in _CLAUSE.split(s)):
        words = tokens(clause)
        for n in range(MIN_WORDS, MAX_WORDS + 1):
            for i in range(len(words) - n + 1):
                g = tuple(words[i : i + n])
                if g[0] not in STOP and g[-1] not in STOP and sum(w not in STOP for w in g) >= 2:
                    grams[g] += 1
    return grams


def count(phrase: str, sentences: Sequence[str]) -> int:
    """Occurrences of `phrase` (case-insensitive, whole words) in `sentences`."""
    words = tokens(phrase)
    if not words:
        return 0
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    return sum(len(pattern.findall(s.replace("’", "'"))) for s in sentences)


def formulations(
    documents: Sequence[Sequence[str]], watch: Sequence[str] = (), limit: int = LIMIT
) -> tuple[Formulation, ...]:
    """Key formulations of `documents` (each a list of sentence texts), watched phrases first."""
    per_doc = [_ngrams(d) for d in documents]
    total: Counter[tuple[str, ...]] = Counter()
    for grams in per_doc:
        total.update(grams)
    profile, uses = _profiles(per_doc, {g for g, c in total.items() if c >= 2})
    # a phrase is folded into a longer one that contains it and has the same counts
    folded = {
        part
        for h in profile
        for part in (h[i:j] for i in range(len(h)) for j in range(i + MIN_WORDS, len(h) + 1) if j - i < len(h))
        if profile.get(part, -1) == profile[h]
    }
    watched_words = {tuple(tokens(p)) for p in watch}
    ranked = sorted(
        (g for g in profile if g not in folded and g not in watched_words),
        key=lambda g: _rank(uses[profile[g]], len(documents), g),
        reverse=True,
    )
    kept: list[tuple[str, ...]] = []
    for g in ranked:
        if len(kept) == limit:
            break
        if not any(_same_passage(g, h, profile) for h in kept):
            kept.append(g)
    found = [Formulation(" ".join(g), _dense(uses[profile[g]], len(documents))) for g in kept]
    watched = [Formulation(p, tuple(count(p, d) for d in documents), watched=True) for p in watch if p.strip()]
    return tuple(_with_shifts(f, per_doc) for f in watched + found)


Uses = tuple[tuple[int, int], ...]
"""(document index, count) for each document that uses a phrase, in document order."""


def _profiles(
    per_doc: Sequence[Counter[tuple[str, ...]]], candidates: set[tuple[str, ...]]
) -> tuple[dict[tuple[str, ...], int], list[Uses]]:
    """Each candidate's profile, as an id into the distinct profiles: two phrases have the same
    id exactly when they occur the same number of times in every document. Sparse and shared,
    because most phrases of a long series occur in few documents and the sub-phrases of one
    passage share its profile (1,000 FOMC statements: peak 389 -> 200 MiB, 24 -> 12 s)."""
    uses: dict[tuple[str, ...], list[tuple[int, int]]] = {g: [] for g in candidates}
    for k, grams in enumerate(per_doc):
        for g, c in grams.items():
            if g in uses:
                uses[g].append((k, c))
    ids: dict[Uses, int] = {}
    profile = {g: ids.setdefault(tuple(u), len(ids)) for g, u in uses.items()}
    return profile, list(ids)


def _dense(uses: Uses, documents: int) -> tuple[int, ...]:
    counts = [0] * documents
    for k, c in uses:
        counts[k] = c
    return tuple(counts)


def _rank(uses: Uses, documents: int, g: tuple[str, ...]) -> tuple[bool, int, int, tuple[str, ...]]:
    """Phrases that enter or leave during the series first (what an analyst tracks), then by
    the number of documents that use them, then by how much text they cover."""
    return len(uses) < documents, len(uses), sum(c for _, c in uses) * len(g), g


OVERLAP = 3
"""Two phrases sharing this many words in a row, with the same counts, are one passage."""


def _same_passage(g: tuple[str, ...], h: tuple[str, ...], profile: dict[tuple[str, ...], int]) -> bool:
    """Whether `g` is another window onto the passage `h` already stands for: both occur the
    same number of times in every document and they share a run of OVERLAP words."""
    if profile[g] != profile[h]:
        return False
    n = min(OVERLAP, len(g), len(h))
    return any(_contains(h, g[i : i + n]) for i in range(len(g) - n + 1))


def _contains(h: tuple[str, ...], g: tuple[str, ...]) -> bool:
    return any(h[i : i + len(g)] == g for i in range(len(h) - len(g) + 1))


def _with_shifts(f: Formulation, per_doc: list[Counter[tuple[str, ...]]]) -> Formulation:
    """Attach the phrase that most resembles `f` in the document where `f` disappears: it
    shares `f`'s first or last two words and most of its words."""
    k = f.gone
    words = tuple(tokens(f.phrase))
    if k is None or len(words) < 3:
        return f
    head, tail = words[:2], words[-2:]
    own = set(words)
    scored = [
        (2 * len(own & set(g)) / (len(own) + len(set(g))), -len(g), " ".join(g))
        for g in per_doc[k]
        if not _contains(words, g)
        and not _contains(g, words)
        and abs(len(g) - len(words)) <= 2
        and (g[:2] == head or g[-2:] == tail)
    ]
    best = [p for score, _, p in sorted(scored, reverse=True) if score >= 0.5][:1]
    return Formulation(f.phrase, f.counts, f.watched, tuple(best))
