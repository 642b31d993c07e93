"""formulations: the set phrases ("key formulations") that enter, leave or shift in a series.

Analysts track set phrases ("considerable period", "patient", "self-reliance and strength in
science and technology"). A formulation matters when it enters or leaves while the text around
it stays, so candidates (1 to 5 words within a clause, neither beginning nor ending on a
function word or a preposition) are ranked by how sharply their presence switches across the series: the bits saved by
describing the phrase's presence as a few runs rather than as a constant rate (a phrase in every
document, or in one, saves nothing), weighted by how much of the sentence around it is repeated
across each switch. Names and titles (words the texts capitalize mid-sentence), amounts (a phrase
whose number is what varies, or units only) and single stop words are not formulations; a
single word needs a sharper switch than a phrase. A phrase mostly cut before a content word or a
conjunction (a window onto a longer wording) weighs less, and of phrases that occur exactly in
the same places the shortest whole wording names the formulation. Watched phrases are always
tracked, and listed first.

A shift is computed at each exit: where the sentence that carried the phrase is repeated in
the next document with the phrase's words replaced, the replacing words are what it shifted to
("accommodation can be maintained for a considerable period" -> "... for some time"); failing
that, a phrase of that sentence (or, for a phrase of three words or more, of a new sentence)
that shares the phrase's first or last words ("self-reliance and strength" -> "self-reliance
and self-improvement"). The replacement must be new there, bring a word of its own and be a
whole wording, not a window cut from one (or be the phrase in place without its modifier:
"nearly balanced" -> "balanced"); a phrase whose words are still together in the next
document (reordered, inflected) has not left.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections import Counter
from collections.abc import Collection, Sequence

from .frames import FRAMING, RELATED, REPORTING, TIME, VOTE
from .quantities import WORD_NUMBERS
from .segment import STEM, STOP, same_word
from .segment import words as tokens
from .types import Formulation, Shift

MAX_WORDS = 5
LIMIT = 30
"""Automatically found phrases listed (watched phrases come on top of these)."""

MIN_GAIN = 1.0
"""The least switch listed: a phrase in two documents in a row and in no other scores 1.58."""
WORD_BAR = 2.0
"""A single word is listed only when it switches this sharply (used in all of 7 documents in a
row and in none other, say)."""
CONTEXT_FLOOR = 0.25
"""Weight of a switch whose sentence is not repeated at all (a whole new passage)."""
LENGTH = 0.1
"""Score lost per extra word: a long window onto a sentence is rarely the set phrase."""
STEADY = 0.8
"""Word overlap (Jaccard) at which a sentence counts as repeated from one document to the next."""
STEADY_FLOOR = 0.25
"""Weight of a phrase whose sentence is rewritten every time it is used."""
ACTOR_SHARE = 0.5
"""Share of the documents a capitalized word must appear in to be one of the series' actors."""
ACTOR_FLOOR = 0.5
"""Weight of a phrase whose sentences never name the series' actor."""
AROUND_FLOOR = 1.0
"""Weight of a phrase whose sentence is not kept across its switches (the kept share adds to it)."""
AROUND = 0.0
FRAMED = 0.7
"""Weight lost by a phrase whose sentences are all framing ("spoke today with") or votes."""
ERA = 0.7
"""Weight kept for each listed phrase whose main run coincides with a candidate's: a series
whose later documents are longer must not fill the list from their years alone."""
WHOLE_FLOOR = 0.25
"""Weight of a phrase never used as a whole wording (always a window cut from a longer one);
one always used whole weighs 1 + this."""
SIMILAR = 0.6
"""Two overlapping phrases whose presence sets agree this much (Jaccard) are one formulation."""
UNITS = frozenset("percent percentage basis points point billion million trillion".split())
MOVES = frozenset(
    "decide decided decides raise raised raises increase increased lower lowered cut cuts reduce reduced decrease "
    "decreased ease eased "
    "tighten tightened keep kept maintain maintained unchanged rate target taking action actions".split()
)
"""Words of a policy decision and its move."""
_GLUE = frozenset("a an the of to in on at by for with and or that as is are be it its".split())
"""Words trimmed from the edges of a replacement ("some time" keeps its "some")."""
_CLAUSE = re.compile(r"[,;:()\[\]\"“”?!]|\s[-–—]+\s|\.(?:\s|$)")
_CASED = re.compile(r"[A-Za-z][\w'’.-]*")

Gram = tuple[str, ...]


def _clauses(sentence: str) -> list[list[str]]:
    return [w for w in (tokens(c) for c in _CLAUSE.split(sentence)) if w]


def _content(w: str) -> bool:
    return w not in _EDGE and any(ch.isalpha() for ch in w)


def _ngrams(sentences: Sequence[str]) -> Counter[Gram]:
    """Counts of candidate phrases; a phrase never crosses a comma, colon or quote mark."""
    grams: Counter[Gram] = Counter()
    for words in (c for s in sentences for c in _clauses(s)):
        for n in range(1, MAX_WORDS + 1):
            for i in range(len(words) - n + 1):
                g = tuple(words[i : i + n])
                if _content(g[0]) and _content(g[-1]) and (n == 1 or sum(w not in STOP for w in g) >= 2):
                    grams[g] += 1
    return grams


def _edged(documents: Sequence[Sequence[str]], candidates: set[Gram]) -> Counter[Gram]:
    """How often each candidate ends as a whole wording: at its clause's end or before a
    function word that is neither a conjunction nor a reflexive ("nearly balanced." and "for a
    considerable period of" do; "right to defend" cut from "right to defend itself", "strength in
    science" cut from "science and technology" do not)."""
    edged: Counter[Gram] = Counter()
    bound = _EDGE - _CONJUNCTION
    for words in (c for d in documents for s in d for c in _clauses(s)):
        for n in range(1, MAX_WORDS + 1):
            for i in range(len(words) - n + 1):
                if i + n == len(words) or words[i + n] in bound:
                    g = tuple(words[i : i + n])
                    if g in candidates:
                        edged[g] += 1
    return edged


def count(phrase: str, sentences: Sequence[str]) -> int:
    """Occurrences of `phrase` (case-insensitive, whole words) in `sentences`."""
    words = tokens(phrase)
    if not words:
        return 0
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    return sum(len(pattern.findall(s.replace("’", "'"))) for s in sentences)


VARIANT_WORDS = 3
"""Content words a watched phrase needs before its variants count (two words in any order
would match too much)."""


def variants(phrase: str, sentences: Sequence[str]) -> int:
    """Occurrences of `phrase` or a variant of it: its content words in another order or
    inflection within one clause ("manage competition responsibly" = "responsibly manage the
    competition"), for a phrase of VARIANT_WORDS content words or more."""
    exact = count(phrase, sentences)
    want = [w[:STEM] for w in tokens(phrase) if w not in STOP]
    if len(want) < VARIANT_WORDS:
        return exact
    loose = 0
    for sentence in sentences:
        for clause in _clauses(sentence):
            have = {w[:STEM] for w in clause}
            loose += all(w in have for w in want)
    return max(exact, loose)


def formulations(
    documents: Sequence[Sequence[str]], watch: Sequence[str] = (), limit: int = LIMIT
) -> tuple[Formulation, ...]:
    """Key formulations of `documents` (each a list of sentence texts), watched phrases first."""
    n = len(documents)
    per_doc = [_ngrams(d) for d in documents]
    total: Counter[Gram] = Counter()
    for grams in per_doc:
        total.update(grams)
    profile, uses = _profiles(per_doc, {g for g, c in total.items() if c >= 2})
    # of phrases used in exactly the same places, the shortest whole wording of two words or
    # more names the formulation ("considerable period", not "maintained for a considerable
    # period"; "in the amounts needed" keeps "amounts needed" out, a window cut from it); a
    # single word used exactly where a phrase is, is that phrase
    edged = _edged(documents, set(profile))
    total_of = {g: sum(c for _, c in uses[profile[g]]) for g in profile}

    def whole(g: Gram) -> float:
        return edged[g] / max(total_of[g], 1)

    folded: set[Gram] = set()
    for g in profile:
        for i in range(len(g)):
            for j in range(i + 2, len(g) + 1):
                h = g[i:j]
                if j - i < len(g) and profile.get(h, -1) == profile[g]:
                    folded.add(g if whole(h) >= whole(g) else h)
        if len(g) == 1 and any(profile.get(h, -1) == profile[g] for h in _around(g, per_doc, uses[profile[g]])):
            folded.add(g)
    proper, names = _proper_words(documents)
    persons = _persons(documents, proper)
    watched_words = {tuple(tokens(p)) for p in watch}
    sents = [[tokens(s) for s in d] for d in documents]
    vocab = [{w for s in d for w in s} for d in sents]
    actors = _actors(sents, proper - names)
    gains = [_gain(tuple(k for k, _ in u), n) for u in uses]
    pool = [
        g
        for g in profile
        if g not in folded
        and g not in watched_words
        and gains[profile[g]] >= MIN_GAIN
        and not _named(g, proper, actors)
        and not _two_constituents(g)
        and (len(g) > 1 or gains[profile[g]] >= WORD_BAR)
    ]
    shapes = _numbered(per_doc)
    pool = [g for g in pool if not _amount(g, shapes, uses[profile[g]])]
    # the context weight needs the sentences: worth it only for the best candidates by gain
    pool.sort(key=lambda g: (gains[profile[g]], len(g), g), reverse=True)
    said = (g for g in pool if not _speaker(g, uses[profile[g]], persons, proper, sents))
    scored = sorted(
        (
            (
                gains[profile[g]]
                * _context(g, uses[profile[g]], sents, actors)
                * (WHOLE_FLOOR + whole(g))
                / (1 + LENGTH * (len(g) - 1)),
                g,
            )
            for g in itertools.islice(said, 20 * limit)
        ),
        key=lambda t: (t[0], -len(t[1]), t[1]),
        reverse=True,
    )
    kept: list[Gram] = []
    held: dict[Gram, tuple[int, ...]] = {}
    places: list[set[tuple[int, int]]] = []
    spans: list[tuple[int, int]] = []
    candidates = [(score, g, _span(uses[profile[g]])) for score, g in scored]
    while candidates and len(kept) < limit:
        # each era gets its turn: a phrase loses weight for every listed phrase of its years
        score, g, span = max(
            candidates, key=lambda c: (c[0] * ERA ** sum(_overlap(c[2], s) for s in spans), sum(map(len, c[1])), c[1])
        )
        candidates.remove((score, g, span))
        if g[0] in REPORTING or (len(g) == 1 and not _wording(g, documents, persons)):
            # a verb frame; a single word used in no one wording has several senses ("outcomes":
            # "future economic outcomes" in 2015, "the most likely outcomes" in 2019)
            continue
        held[g] = _held(g, _dense(uses[profile[g]], n), sents, vocab)
        if _gain(tuple(k for k, c in enumerate(held[g]) if c), n) < MIN_GAIN:
            continue  # it switched only where punctuation cut it
        where = _where(g, uses[profile[g]], sents)
        if not any(_same_formulation(where, h) for h in places) and not any(
            _same_family(g, h, span, s) for h, s in zip(kept, spans, strict=True)
        ):
            kept.append(g)
            places.append(where)
            spans.append(span)
    found = [
        Formulation(
            " ".join(g),
            _one_sense(g, held[g], sents),
            wording=_wording(g, documents, persons),
        )
        for g in kept
    ]
    watched = [
        Formulation(
            p,
            tuple(variants(p, d) for d in documents),
            watched=True,
            wording=_wording(tuple(tokens(p)), documents, persons),
        )
        for p in watch
        if p.strip()
    ]
    return tuple(_with_shifts(f, per_doc, documents) for f in watched + found)


WORDING_SHARE = 0.8
"""Share of a phrase's uses a word next to it must be the same in to belong to its wording."""
WORDING_WORDS = 10
"""The longest wording shown: beyond it, a set phrase has become a set sentence."""


def _one_sense(g: Gram, counts: tuple[int, ...], sents: Sequence[Sequence[Sequence[str]]]) -> tuple[int, ...]:
    """The counts of a single word without its runs in another sense: a run where the word never
    stands beside the content word it has next to it in most of its uses ("reasonably confident" 2015, then
    "until it is confident that the economy has weathered" 2020: one formulation, not two runs)."""
    if len(g) != 1:
        return counts
    sides: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    near: dict[int, set[tuple[int, str]]] = {}
    for k, c in enumerate(counts):
        for s in sents[k] if c else ():
            for i in (i for i, w in enumerate(s) if w == g[0]):
                # the nearest content word on each side, within three words
                left = next((w for w in reversed(s[max(i - 3, 0) : i]) if w not in STOP), "")
                right = next((w for w in s[i + 1 : i + 4] if w not in STOP), "")
                for side, w in ((0, left), (1, right)):
                    if w:
                        sides[side][w] += 1
                        near.setdefault(k, set()).add((side, w))
    marks = {(side, sides[side].most_common(1)[0][0]) for side in (0, 1) if sides[side]}
    out = list(counts)
    runs: list[list[int]] = []
    for k, c in enumerate(counts):
        if c:
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
    for run in runs:
        if not any(near.get(k, set()) & marks for k in run):
            for k in run:
                out[k] = 0
    return tuple(out) if any(out) else counts


def _wording(g: Gram, documents: Sequence[Sequence[str]], persons: Collection[str] = ()) -> str:
    """The words that stand around `g` in most of its uses (WORDING_SHARE), within its clause, up
    to WORDING_WORDS, not back onto a name or title (`persons`: who speaks is not the wording) and
    without function words at its edges; "" when they are only `g`. A phrase found by how
    its use switches is often the shortest part of a longer set wording ("removed" of "policy
    accommodation can be removed at a pace that is likely to be measured"); the wording shows
    a reader which."""
    clauses = (c for d in documents for sentence in d for c in _clauses(sentence))
    found = [(c, i) for c in clauses for i in [_find(c, g)] if i >= 0]
    if len(found) < 2:
        return ""
    start, end = 0, len(g)  # offsets around each use
    need = WORDING_SHARE * len(found)

    def common(offset: int) -> bool:
        seen = Counter(s[i + offset] for s, i in found if 0 <= i + offset < len(s))
        if not seen:
            return False
        word, times = seen.most_common(1)[0]
        return times >= need and (offset >= 0 or word not in persons)

    while end - start < WORDING_WORDS and (common(start - 1) or common(end)):
        if common(start - 1):
            start -= 1
        if end - start < WORDING_WORDS and common(end):
            end += 1
    s, i = next((s, i) for s, i in found if i + start >= 0 and i + end <= len(s))
    words = list(s[i + start : i + end])
    while words and words[0] in _EDGE:
        words.pop(0)
    while words and words[-1] in _EDGE:
        words.pop()
    return " ".join(words) if len(words) > len(g) else ""


Uses = tuple[tuple[int, int], ...]
"""(document index, count) for each document that uses a phrase, in document order."""


def _profiles(per_doc: Sequence[Counter[Gram]], candidates: set[Gram]) -> tuple[dict[Gram, int], list[Uses]]:
    """Each candidate's profile, as an id into the distinct profiles: two phrases have the same
    id exactly when they occur the same number of times in every document. Sparse and shared,
    because most phrases of a long series occur in few documents and the sub-phrases of one
    passage share its profile (1,000 FOMC statements: peak 389 -> 200 MiB, 24 -> 12 s)."""
    uses: dict[Gram, list[tuple[int, int]]] = {g: [] for g in candidates}
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


def _held(
    g: Gram, counts: tuple[int, ...], sents: Sequence[Sequence[Sequence[str]]], vocab: Sequence[set[str]]
) -> tuple[int, ...]:
    """The counts of a found phrase in each document, its words in a row across punctuation too,
    as a watched phrase is counted: "believe that, against the background" (2001-10-02) still
    uses "believe that against the background", which a comma had shown leaving (a blind Fed
    watcher). `vocab`: each document's words."""
    return tuple(c or (_uses(g, sents[k]) if set(g) <= vocab[k] else 0) for k, c in enumerate(counts))


def _bits(m: int, length: int) -> float:
    """Bits to code `m` presences among `length` documents at their own rate."""
    if m in (0, length):
        return 0.0
    p = m / length
    return -length * (p * math.log2(p) + (1 - p) * math.log2(1 - p))


SATURATE = 6
"""Documents in a run beyond which a longer run adds nothing: forward guidance often lasts
three to five statements ("considerable period", 2003), and a phrase used for four years is
not more of a formulation than one used for one."""
SHORT_SERIES = 6
"""In a series this long or longer, a phrase used in one document only is not a formulation;
in a shorter one (two or three speeches) it may be the one that shifted."""
MAX_RUNS = 40
"""A phrase used in more separate runs than this flickers; it is not a formulation."""


def _gain(present: Sequence[int], n: int) -> float:
    """How sharply a phrase present in documents `present` (of n) switches: over the stretch of
    documents that best separates it from the rest, the rate of use inside minus the rate
    outside, times log2 of the shorter of inside and outside (saturating at SATURATE). A phrase
    in every document, or in one, scores nothing; one used throughout a stretch and nowhere
    else scores most."""
    runs: list[tuple[int, int]] = []  # (first, last) document of each run of use
    for k in present:
        if runs and runs[-1][1] == k - 1:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    shortest = 2 if n >= SHORT_SERIES else 1
    if len(runs) > MAX_RUNS or len(present) < shortest or len(present) == n:
        return 0.0
    m = len(present)
    best = 0.0
    used = 0
    for i, (a, _) in enumerate(runs):
        used = 0
        for j in range(i, len(runs)):
            used += runs[j][1] - runs[j][0] + 1
            inside = runs[j][1] - a + 1
            outside = n - inside
            if inside < shortest or outside < 1:
                continue
            rate = used / inside - (m - used) / outside
            score = rate * math.log2(1 + min(inside, outside, SATURATE))
            best = max(best, score)
    return best


def _proper_words(documents: Sequence[Sequence[str]]) -> tuple[set[str], set[str]]:
    """Words the texts capitalize where a sentence does not begin (names, titles, institutions),
    and among them personal names: words that stand next to an initial ("Jerome H. Powell")."""
    upper: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    initialled: Counter[str] = Counter()
    for sentence in (s for d in documents for s in d):
        found = _CASED.findall(sentence)
        for i, w in enumerate(found):
            key = tokens(w)
            if i == 0 or len(key) != 1:
                continue
            seen[key[0]] += 1
            upper[key[0]] += w[0].isupper()
            near = found[max(i - 1, 0) : i] + found[i + 1 : i + 2]
            initialled[key[0]] += any(len(x.rstrip(".")) == 1 and x[0].isupper() for x in near)
    proper = {w for w, c in seen.items() if upper[w] >= 0.8 * c}
    return proper, {w for w in proper if initialled[w] >= 0.3 * seen[w] and len(w) > 1}


PERSON_SHARE = 0.5
"""Share of its uses in which a capitalized word stands next to another for it to be part of a
name or title ("President Biden", "Prime Minister Netanyahu")."""


def _persons(documents: Sequence[Sequence[str]], proper: set[str]) -> set[str]:
    """Words of names and titles: capitalized words that mostly stand next to another
    (PERSON_SHARE), as "President Biden" and "Prime Minister Netanyahu" do and "the Committee"
    does not. A phrase that begins or ends on one is who speaks or is spoken to ("the President
    reiterated", "welcomed President"), not what is said."""
    seen: Counter[str] = Counter()
    paired: Counter[str] = Counter()
    for sentence in (s for d in documents for s in d):
        found = list(_CASED.finditer(sentence))
        keys = [tokens(m[0]) for m in found]
        for i, m in enumerate(found):
            if len(keys[i]) != 1 or keys[i][0] not in proper:
                continue
            seen[keys[i][0]] += 1
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(found)]
            paired[keys[i][0]] += any(
                len(keys[j]) == 1
                and keys[j][0] in proper
                and found[j][0][0].isupper()
                and not sentence[min(m.end(), found[j].end()) : max(m.start(), found[j].start())].strip()
                for j in near
            )
    return {w for w, c in seen.items() if paired[w] >= PERSON_SHARE * c}


def _speaker(
    g: Gram, uses: Uses, persons: set[str], proper: set[str], sents: Sequence[Sequence[Sequence[str]]]
) -> bool:
    """Whether `g` names who speaks or is spoken to rather than what is said: it ends on a name
    or title ("welcomed President", "with Prime Minister Netanyahu"), begins on one or on the
    name that opens its sentences ("The President reiterated", "President Biden highlighted"),
    or shares words with the frame of most of its sentences ("the two leaders discussed"), or
    says who reports: it ends on a reporting word, or one follows it ("the two leaders agreed",
    listed for the 2023 Netanyahu readouts until 2026-12-03)."""
    if g[0] in persons or g[-1] in persons:
        return True
    opening = framing = reporting = held = 0
    for s in (s for k, _ in uses for s in sents[k]):
        i = _find(s, g)
        if i < 0:
            continue
        held += 1
        opening += g[0] in proper and all(w in STOP or w in proper for w in s[:i])
        reporting += g[-1] in REPORTING or any(w in REPORTING for w in s[i + len(g) : i + len(g) + 1])
        # the phrase's words overlap the frame's ("the two leaders discussed", "spoke today with"),
        # or it sits in a related action's sentence ("In taking the discount rate action, ...")
        text = " ".join(s)
        start = len(" ".join(s[:i])) + (i > 0)
        end = start + len(" ".join(g))
        framing += any(m.start() < end and start < m.end() for m in FRAMING.finditer(text)) or bool(
            RELATED.search(text)
        )
    return held > 0 and 2 * max(opening, framing, reporting) > held


def _shape(g: Gram) -> Gram:
    return tuple("#" if any(ch.isdigit() for ch in w) else w for w in g)


def _numbered(per_doc: Sequence[Counter[Gram]]) -> dict[Gram, set[int]]:
    """The documents that use each phrase shape with numbers ("rate at # percent")."""
    shapes: dict[Gram, set[int]] = {}
    for k, grams in enumerate(per_doc):
        for h in grams:
            if any(ch.isdigit() for w in h for ch in w):
                shapes.setdefault(_shape(h), set()).add(k)
    return shapes


def _amount(g: Gram, shapes: dict[Gram, set[int]], uses: Uses) -> bool:
    """Whether `g` is an amount (a rate level, a sum), a count or a time, or the decision's own
    words: all its content words are numbers (in digits or words: "one million") or units,
    times, or words of a move ("raise its target"), it ends on a number word, or its number is
    what varies (the same words with another number are used in documents that do not use
    `g`)."""
    if all(w in UNITS for w in g if w not in STOP):  # "basis points"
        return True
    if g[-1] in WORD_NUMBERS or all(w in TIME for w in g if w not in STOP):
        # a count ("release of two") or a time ("in the coming days") is no formula
        return True
    if all(w in MOVES or w in UNITS or w in WORD_NUMBERS or any(ch.isdigit() for ch in w) for w in g if w not in STOP):
        # the decision's own words ("raise", "rate unchanged", "taking" of "In taking the
        # discount rate action"): the lede reads the decision, with its amounts
        return True
    if not any(ch.isdigit() for w in g for ch in w):
        return False
    if all(any(ch.isdigit() for ch in w) or w in UNITS for w in g if w not in STOP):
        return True
    return bool(shapes.get(_shape(g), set()) - {k for k, _ in uses})


def _switches(uses: Uses) -> list[tuple[int, int]]:
    """(document with the phrase, neighbour without it) at each switch of presence."""
    on = [k for k, _ in uses]
    out = []
    for a, b in zip(on, on[1:], strict=False):
        if b > a + 1:
            out += [(a, a + 1), (b, b - 1)]
    if on:
        out = [(on[0], on[0] - 1)] * (on[0] > 0) + out + [(on[-1], on[-1] + 1)]
    return out


def _find(words: Sequence[str], g: Gram) -> int:
    return next((i for i in range(len(words) - len(g) + 1) if tuple(words[i : i + len(g)]) == g), -1)


def _kept_sentence(g: Gram, a: Sequence[Sequence[str]], b: Sequence[Sequence[str]]) -> tuple[float, int, int]:
    """How much of the sentence of `a` that holds `g` is repeated in a sentence of `b`: (share of
    its other content words, the sentence in `a`, the best sentence in `b`)."""
    best = (0.0, 0.0, -1, -1)
    for i, s in enumerate(a):
        if _find(s, g) < 0:
            continue
        rest = {w for w in s if w not in STOP} - set(g)
        for j, t in enumerate(b):
            share = len(rest & set(t)) / len(rest) if rest else 0.5
            whole = len(set(s) & set(t)) / len(set(s) | set(t))  # of equal shares, the closer
            if (share, whole) > best[:2] or best[2] < 0:
                best = (share, whole, i, j)
    return best[0], best[2], best[3]


def _context(g: Gram, uses: Uses, sents: Sequence[Sequence[Sequence[str]]], actors: set[str]) -> float:
    """The weight of a phrase's switches: high when its sentence stays word for word while the
    phrase is in use (set language, not a description rewritten at every meeting) and when the
    series' own actor speaks in it ("the Committee judges", "the President reaffirmed")."""
    on = [k for k, _ in uses]
    pairs = [(a, b) for a, b in zip(on, on[1:], strict=False) if b == a + 1][:24]
    steady = sum(_steady(g, sents[a], sents[b]) for a, b in pairs) / len(pairs) if pairs else 0.0
    holding = [s for k in on[:24] for s in sents[k] if _find(s, g) >= 0]
    spoken = sum(1 for s in holding if actors & set(s)) / len(holding) if holding else 0.0
    shares = [_kept_sentence(g, sents[a], sents[b])[0] for a, b in _switches(uses)[:12] if 0 <= b < len(sents)]
    around = sum(shares) / len(shares) if shares else 0.0
    framed = sum(1 for s in holding if _framing(" ".join(s))) / len(holding) if holding else 0.0
    return (STEADY_FLOOR + steady) * (ACTOR_FLOOR + spoken) * (AROUND_FLOOR + AROUND * around) * (1 - FRAMED * framed)


def _framing(text: str) -> bool:
    """Who spoke with whom, that they will stay in touch, who voted: the frame, not a formula
    (the lede's own patterns)."""
    return bool(FRAMING.search(text) or VOTE.search(text))


def _two_constituents(g: Gram) -> bool:
    """Whether `g` runs across a conjunction into the start of another phrase ("citizens and to
    provide"): a conjunction followed by a preposition or "to" joins two clauses or phrases of
    their own, while a formula joins two words or two noun phrases ("self-reliance and
    strength", "the economy and the labor market")."""
    return any(w in ("and", "or") and nxt in _GLUE - _ARTICLES for w, nxt in zip(g, g[1:], strict=False))


_ARTICLES = frozenset({"a", "an", "the"})


def _named(g: Gram, proper: set[str], actors: set[str]) -> bool:
    """Whether `g` is a name or title ("vice chairman", "president joseph r") or holds a name
    that is not one of the series' actors ("voting ... were jerome")."""
    named = [w for w in g if w not in STOP and w in proper]
    return bool(named) and (len(named) == sum(1 for w in g if w not in STOP) or any(w not in actors for w in named))


def _actors(sents: Sequence[Sequence[Sequence[str]]], proper: set[str]) -> set[str]:
    """The series' actors: capitalized words (three letters or more) in most documents."""
    seen: Counter[str] = Counter()
    for d in sents:
        seen.update({w for s in d for w in s if w in proper and len(w) >= 3 and w.isalpha()})
    return {w for w, c in seen.items() if c >= ACTOR_SHARE * len(sents)}


def _steady(g: Gram, a: Sequence[Sequence[str]], b: Sequence[Sequence[str]]) -> bool:
    """Whether a sentence holding `g` in `a` is repeated nearly word for word in `b`."""
    for s in (s for s in a if _find(s, g) >= 0):
        ws = set(s)
        if any(len(ws & set(t)) >= STEADY * len(ws | set(t)) for t in b if _find(t, g) >= 0):
            return True
    return False


def _around(g: Gram, per_doc: Sequence[Counter[Gram]], uses: Uses) -> set[Gram]:
    """The two-word phrases that hold the single word `g` in the first document using it."""
    return {h for h in per_doc[uses[0][0]] if len(h) == 2 and g[0] in h}


def _span(uses: Uses) -> tuple[int, int]:
    """First and last document of the phrase's longest run."""
    best = (uses[0][0], uses[0][0])
    start = prev = uses[0][0]
    for k, _ in uses[1:]:
        if k != prev + 1:
            start = k
        prev = k
        if k - start > best[1] - best[0]:
            best = (start, k)
    return best


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two runs mostly coincide (they share half of the shorter)."""
    shared = min(a[1], b[1]) - max(a[0], b[0]) + 1
    return shared > 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0]) + 1


def _where(g: Gram, uses: Uses, sents: Sequence[Sequence[Sequence[str]]]) -> set[tuple[int, int]]:
    """(document, sentence) of each sentence that holds `g`."""
    return {(k, i) for k, _ in uses for i, s in enumerate(sents[k]) if _find(s, g) >= 0}


def _same_family(g: Gram, h: Gram, g_span: tuple[int, int], h_span: tuple[int, int]) -> bool:
    """Whether two phrases of the same years name one formulation by different windows: they
    share two content words in a row ("remaining hostages held", "release of all remaining
    hostages", "hostages held") and their main runs overlap. Phrases of successive years that
    share words ("warrant gradual increases", then "further gradual increases") stay apart."""
    pairs = {p for p in zip(g, g[1:], strict=False) if p[0] not in STOP and p[1] not in STOP}
    shared = any(p in pairs for p in zip(h, h[1:], strict=False))
    single = len(g) == 1 and g[0] in h or len(h) == 1 and h[0] in g
    return (shared or single) and _overlap(g_span, h_span)


def _same_formulation(g: set[tuple[int, int]], h: set[tuple[int, int]]) -> bool:
    """Whether two phrases are windows onto one formulation: they sit in mostly the same
    sentences (SIMILAR, Jaccard)."""
    return len(g & h) >= SIMILAR * len(g | h)


def _with_shifts(f: Formulation, per_doc: list[Counter[Gram]], documents: Sequence[Sequence[str]]) -> Formulation:
    """Attach, at each exit of `f`, what took its place in that document."""
    words = tuple(tokens(f.phrase))
    if not words:
        return f
    shifts = []
    for k in range(1, len(f.counts)):
        if f.counts[k - 1] and not f.counts[k]:
            to = _shift(words, documents[k - 1], documents[k])
            if to:
                shifts.append(Shift(k, (to,)))
    return Formulation(f.phrase, f.counts, f.watched, tuple(shifts), f.wording)


KEPT = 0.6
"""Share of the other content words of the phrase's sentence that a sentence of the next
document must repeat for the words at the phrase's place to be what replaced it."""
PLACE = 0.5
"""The least share for a sentence of the next document to stand in the place of the phrase's
sentence at all: a shift is looked for there and nowhere else ("mandate-consistent levels"
did not shift to "sizable levels" of an unchanged sentence elsewhere)."""
_FUNCTION = STOP | frozenset(
    "itself himself herself themselves ourselves yourself how why whether against toward towards "
    "across among amid around upon within without via per since until unless because although though "
    "like near onto off".split()
)
"""Words a phrase does not end on: "itself against" is a window cut from "defends itself
against Russian aggression", not a wording."""
_CONJUNCTION = frozenset({"and", "or", "nor", "but"})
_EDGE = _FUNCTION - frozenset("itself himself herself themselves ourselves yourself".split())
"""Words a found phrase neither begins nor ends on ("across Israel", "itself against"); a
reflexive may end one ("right to defend itself")."""


def _shift(g: Gram, before: Sequence[str], after: Sequence[str]) -> str | None:
    """What took the place of `g` in `after` (sentence texts), or None. The replacement stands
    in the place of the phrase (in the sentence of `after` that keeps most of the phrase's
    sentence), is new in `after`, brings a word the phrase did not have and is a whole wording,
    not a fragment; and a phrase whose words are all still there (reordered, split, inflected)
    has not left."""
    a = [tokens(s) for s in before]
    b = [tokens(s) for s in after]
    if _still_there(g, after):
        return None
    held = [i for i, s in enumerate(a) if _find(s, g) >= 0]

    def fits(h: Gram | None, clauses: Sequence[Sequence[str]], around: Collection[str]) -> bool:
        return bool(
            h
            and h != g
            and _whole(h, clauses)
            and not _joins_another(h, g)
            and _uses(h, a) < _uses(g, a)
            and any(w not in STOP and not any(same_word(w, x) for x in g) and w not in around for w in h)
            and not _fragment(h)
            # a reporting verb opens a new statement, not a rewording of the phrase ("situation
            # in gaza" -> "president reiterated his clear position", Netanyahu readouts 2024)
            and not any(w in REPORTING for w in h)
            and not any(_find(h, core) >= 0 and sum(w not in STOP for w in core) >= 2 for core in (g[1:], g[:-1]))
        )

    # each sentence that held the phrase, with the sentence of `after` standing in its place
    for share, i, j in sorted(_places(g, a, b), reverse=True):
        if share < PLACE:
            continue
        if _within(g, b[j]):  # its words are still in its place: reworded around it
            return None
        clauses = _clauses(after[j])
        candidates = [_replaced(g, a[i], b[j])] if share >= KEPT else []
        # the phrase kept in place without its modifier ("nearly balanced" -> "balanced"); a
        # part cut with a function word is the phrase's head, not a modifier ("support for
        # israel" -> "israel": the support went, not an adverb)
        bare = candidates[0] if candidates else None
        if bare and len(bare) < len(g) and (at := _find(g, bare)) >= 0:
            cut = g[:at] + g[at + len(bare) :]
            if not _fragment(bare) and _whole(bare, clauses) and not any(w in _FUNCTION for w in cut):
                return " ".join(bare)
        for h in candidates + _sharing(g, clauses):
            if h and fits(h, clauses, a[i]):
                return " ".join(h)
    # a rewritten document: a new sentence that holds the phrase with its edge of two words
    # changed ("self-reliance and strength" -> "self-reliance and self-improvement"); a
    # phrase of two words shares too little to say
    if len(g) < 3:
        return None
    around = {w for i in held for w in a[i]}
    for t in after:
        words = tokens(t)
        if any(len(set(words) & set(s)) >= STEADY * len(set(words) | set(s)) for s in a):
            continue
        clauses = _clauses(t)
        for h in _sharing(g, clauses):
            if fits(h, clauses, around):
                return " ".join(h)
    return None


def _uses(g: Gram, sentences: Sequence[Sequence[str]]) -> int:
    return sum(1 for s in sentences if _find(s, g) >= 0)


def _places(g: Gram, a: Sequence[Sequence[str]], b: Sequence[Sequence[str]]) -> list[tuple[float, int, int]]:
    """For each sentence of `a` holding `g`: (share of its other content words that the best
    sentence of `b` repeats, the sentence, that sentence of `b`)."""
    out = []
    for i, s in enumerate(a):
        if _find(s, g) >= 0:
            share, _, j = _kept_sentence(g, [s], b)
            out.append((share, i, j))
    return out


def _within(g: Gram, words: Sequence[str]) -> bool:
    """Whether every word of `g` but function words is in `words`, inflected or not."""
    want = [w for w in g if w not in STOP]
    return bool(want) and all(any(same_word(w, x) for x in words) for w in want)


def _whole(h: Gram, clauses: Sequence[Sequence[str]]) -> bool:
    """Whether `h` lies within one clause and ends where a constituent can end: at the clause's
    end or before a function word ("close touch.", "events in Gaza,", "self-improvement in"),
    not before a content word ("compensation remain" cut from "compensation remain low") or a
    conjunction ("engagement with Egypt" cut from "engagement with Egypt and other partners")."""
    for c in clauses:
        x = _find(c, h)
        if x >= 0 and (x + len(h) == len(c) or c[x + len(h)] in _FUNCTION - _CONJUNCTION):
            return True
    return False


def _joins_another(h: Gram, g: Gram) -> bool:
    """Whether `h` joins another constituent to what it shares with `g` by a conjunction that
    `g` does not have: "west bank and the need" is not what "underscored the need" became
    ("… the situation in the West Bank and the need to hold settlers accountable")."""
    if any(w in _CONJUNCTION for w in g):
        return False
    shared = {w for w in h if w not in STOP and any(same_word(w, x) for x in g)}
    for c, w in enumerate(h):
        if w in _CONJUNCTION:
            left, right = set(h[:c]), set(h[c + 1 :])
            if shared and (shared <= right) != (shared <= left):
                return True
    return False


def _still_there(g: Gram, after: Sequence[str]) -> bool:
    """Whether the words of `g` (but function words, inflected or not) are together in one
    clause of `after`: reordered or split ("Russian aggression against Ukraine" -> "defends
    itself against Russian aggression"), not gone."""
    return any(_within(g, c) for s in after for c in _clauses(s))


def _fragment(h: Gram) -> bool:
    """A window, not a wording: it ends on a function word ("itself against"), or repeats a
    word across a conjunction ("inflation and inflation", cut from "inflation and inflation
    expectations")."""
    if h[-1] in _FUNCTION or all(w in STOP for w in h):
        return True
    return any(
        h[x] == h[y] and h[x] not in STOP and any(w in _CONJUNCTION for w in h[x + 1 : y])
        for x in range(len(h))
        for y in range(x + 2, len(h))
    )


def _replaced(g: Gram, s: Sequence[str], t: Sequence[str]) -> Gram | None:
    """The words of `t` that stand where `g` stood in `s` (its sentence, mostly repeated in `t`)."""
    start = _find(s, g)
    end = start + len(g)
    lo = hi = None
    gone = 0  # words of `s` replaced or deleted in the hunks that touch the phrase
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, s, t, autojunk=False).get_opcodes():
        if i2 <= start or i1 >= end:
            if not (tag == "insert" and start < i1 < end):
                continue
        if lo is None:
            lo = j1 + (start - i1 if tag == "equal" and start > i1 else 0)
        hi = j1 + (end - i1) if tag == "equal" and end < i2 else j2
        gone += (i2 - i1) if tag != "equal" else 0
    # the phrase went with a whole passage ("to welcome the deal for the release of at least 50
    # hostages held by Hamas" -> "to discuss the situation in Gaza"): nothing took its place
    if lo is None or hi is None or gone > 2 * len(g) + 2:
        return None
    new = list(t[lo:hi])
    while new and new[0] in _GLUE:
        new.pop(0)
    while new and new[-1] in _GLUE:
        new.pop()
    # "close consultation" -> "they": a pronoun or a function word is not a formulation
    if not new or len(new) > len(g) + 4:
        return None
    return tuple(new)


def _sharing(g: Gram, clauses: Sequence[Sequence[str]]) -> list[Gram]:
    """Phrases of the replacing sentence's `clauses` that share `g`'s first or last words and
    most of its words, best first."""
    if len(g) < 2:
        return []
    k = 2 if len(g) >= 3 else 1
    head, tail = g[:k], g[-k:]
    own = set(g)
    scored = []
    for c in clauses:
        for n in range(2, len(g) + 3):
            for x in range(len(c) - n + 1):
                h = tuple(c[x : x + n])
                if (h[:k] == head or h[-k:] == tail) and _content(h[0]) and _content(h[-1]):
                    score = 2 * len(own & set(h)) / (len(own) + len(set(h)))
                    if score >= 0.5 and _find(g, h) < 0 and _find(h, g) < 0:
                        scored.append((score, -len(h), " ".join(h), h))
    return [h for *_, h in sorted(scored, reverse=True)]


OMISSION_SHARE = 0.6
"""An omission: a phrase the latest document lacks after it was used in this share of the
documents before (and in at least OMISSION_MIN of them)."""
OMISSION_MIN = 3


def omitted(f: Formulation) -> int | None:
    """The last document that used `f`, when most earlier documents did and the latest does not."""
    counts = f.counts
    if len(counts) < 4 or counts[-1]:
        return None
    used = [k for k, c in enumerate(counts[:-1]) if c]
    return used[-1] if len(used) >= OMISSION_MIN and len(used) >= OMISSION_SHARE * (len(counts) - 1) else None
