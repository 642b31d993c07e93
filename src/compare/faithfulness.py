"""faithfulness: is a generated summary point backed by the sentences it cites?

A point is supported only if
- every number (digits or number words: "two-year-old" = "2-year-old"), proper name, and quoted
  phrase in it appears in its cited sentences;
- most of its content words appear there (`coverage`, prefix-stemmed);
- its best MiniLM cosine with a sentence reaches the bar (`summarize.SUPPORT_BAR` by default);
- it is not chat filler ("The above summary provides a concise overview…"), a repetition loop,
  or a sentence cut off by the token limit.

Invented points reuse the article's wording, so cosine alone passes them (issue 17: it caught 1
of 20); the entity check catches wrong ages, counts and people, coverage catches the rest.
Sources are the sentences closest in meaning (`summarize.evidence`) plus, for a number or name
the point states, the sentence of the document that holds it (a point may join two
sentences); a point is then checked against exactly what it cites, and the reason names them:
"number 179 not in s3, s5". The bars are fitted on hand-labeled points by
`scripts/faithfulness.py` and shipped in calibration.json ("summarizer" → "faithfulness").
Pure functions of text and vectors: no model is loaded here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

from .summarize import MAX_SOURCES, SUPPORT_BAR, evidence

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_NUMBER = re.compile(
    r"\b(" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:[- ](" + "|".join(_UNITS[1:10]) + r"))?\b"
    r"|\b(" + "|".join(_UNITS[2:]) + r")\b",
    re.IGNORECASE,
)
"""Number words from two to ninety-nine ("one" is left alone: it is mostly a pronoun)."""
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_QUOTED = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]")
_CAPITALIZED = re.compile(r"\b[A-Z][a-zA-Z'’.-]*[a-zA-Z]\b|\b[A-Z]\b")
FILLER = re.compile(
    r"\b(?:the above (?:summary|text|points?|bullet)|this summary|summary (?:provides|captures|highlights)|"
    r"(?:concise|brief|quick) overview|i hope (?:this|these|that)|let me know|feel free|as an ai|"
    r"here (?:is|are) (?:a |the |some )?(?:summary|points?|bullet|key)|in summary,|to summarize,)",
    re.IGNORECASE,
)
STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even ever every few for from
    further had has have having he her here hers herself him himself his how however i if in into is it its
    itself just least less let like made make many may me might more most much must my myself near neither no
    nor not now of off often on once one only or other our ours ourselves out over own per perhaps rather
    same shall she should since so some such than that the their theirs them themselves then there these they
    this those though through thus to too under until up upon us very via was we were what when where whether
    which while who whom whose why will with within without would yet you your yours yourself yourselves
    despite meanwhile moreover overall furthermore additionally instead still already later today yesterday
    tomorrow recently recent new said says say says according mr mrs ms dr sir""".split()
)
"""Function words: skipped by coverage, and a capitalized one is not taken for a name."""


@dataclass(frozen=True)
class Rule:
    """The fitted bars: a point needs cosine >= `cosine` and content coverage >= `coverage`."""

    cosine: float = SUPPORT_BAR
    coverage: float = 0.6


def calibrated_rule() -> Rule:
    """The rule shipped in calibration.json ("summarizer" → "faithfulness"), or the default."""
    try:
        raw: dict[str, Any] = json.loads(resources.files("compare").joinpath("calibration.json").read_text("utf-8"))
        fitted = raw.get("summarizer", {}).get("faithfulness", {}).get("rule", {})
        return Rule(**{k: float(v) for k, v in fitted.items() if k in ("cosine", "coverage")})
    except (OSError, ValueError, TypeError):
        return Rule()


@dataclass(frozen=True)
class Check:
    """One point's verdict: what it cites, its best cosine, its content coverage, and why it is
    not supported (None: supported)."""

    sources: tuple[int, ...]
    support: float
    coverage: float
    reason: str | None

    @property
    def supported(self) -> bool:
        return self.reason is None


def normalize(text: str) -> str:
    """Lower case, number words as digits ("Two-year-old" -> "2-year-old"), thousands
    separators dropped ("33,000" -> "33000"), curly quotes straightened."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')

    def digits(m: re.Match[str]) -> str:
        if m.group(3):
            return str(_UNITS.index(m.group(3).lower()))
        return str(_TENS[m.group(1).lower()] + (_UNITS.index(m.group(2).lower()) if m.group(2) else 0))

    text = _WORD_NUMBER.sub(digits, text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return text.lower()


def numbers(text: str) -> list[str]:
    """Numbers as written after `normalize` ("15th" -> "15", "£400,000" -> "400000")."""
    return list(dict.fromkeys(n.rstrip(".,") for n in _NUMBER.findall(normalize(text))))


def names(text: str) -> list[str]:
    """Capitalized words that are not function words: names of people, places, bodies, months.
    Runs of them are kept together ("Dirk Hoogstra") so that a reason quotes the whole name."""
    runs: list[list[str]] = []
    last_end = -2
    for m in _CAPITALIZED.finditer(text):
        word = m.group(0).rstrip(".").replace("’", "'")
        word = re.sub(r"'s$", "", word)
        if word.lower() in STOPWORDS or len(word) < 2 or re.search(r"\d", normalize(word)):
            last_end = -2
            continue
        if runs and m.start() == last_end + 1:
            runs[-1].append(word)
        else:
            runs.append([word])
        last_end = m.end()
    return list(dict.fromkeys(" ".join(r) for r in runs))


_NUMBERED = re.compile(r"\b(\d+(?:st|nd|rd|th)?)\s+((?:[A-Z][a-zA-Z'’-]+)(?:\s+(?:of\s+)?[A-Z][a-zA-Z'’-]+)*)")


def numbered_names(text: str) -> list[str]:
    """A number bound to the name after it ("15th National Congress", "20 Downing Street"):
    each part may be in the source while the pair is not (the magazine's 15th issue and the
    18th National Congress)."""
    return [f"{m.group(1)} {m.group(2)}" for m in _NUMBERED.finditer(text) if m.group(2).lower() not in STOPWORDS]


def _plain(text: str) -> str:
    """Words of the normalized text, ordinal suffixes dropped ("15th" -> "15")."""
    return " ".join(re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", w) for w in re.findall(r"[a-z0-9]+", normalize(text)))


def quoted(text: str) -> list[str]:
    return [q.strip() for q in _QUOTED.findall(text) if len(q.split()) >= 2]


def _stem(word: str) -> str:
    return word[:5]


def content_words(text: str) -> list[str]:
    return [
        w for w in (m.lower().strip("'") for m in _WORD.findall(normalize(text))) if len(w) > 2 and w not in STOPWORDS
    ]


def _tokens(text: str) -> set[str]:
    norm = normalize(text)
    return set(re.findall(r"[a-z0-9]+", norm)) | {n.rstrip(".,") for n in _NUMBER.findall(norm)}


def coverage(point: str, sources: Sequence[str]) -> float:
    """Share of the point's content words whose 5-letter stem occurs in the sources."""
    words = content_words(point)
    if not words:
        return 0.0
    have = {_stem(w) for s in sources for w in content_words(s)}
    return sum(_stem(w) in have for w in words) / len(words)


def _missing(point: str, sources: Sequence[str]) -> list[str]:
    """The point's numbers, names and quoted phrases that the sources do not hold."""
    tokens = set().union(*(_tokens(s) for s in sources)) if sources else set()
    joined = " ".join(normalize(s) for s in sources)
    joined_words = " ".join(re.findall(r"[a-z0-9]+", joined))
    out = [f"number {n}" for n in numbers(point) if n not in tokens]
    for name in names(point):
        parts = re.findall(r"[a-z0-9]+", normalize(name))
        if parts and not all(p in tokens for p in parts):
            out.append(f"name '{name}'")
    plain = f" {' '.join(_plain(s) for s in sources)} "
    for pair in numbered_names(point):
        if f" {_plain(pair)} " not in plain and not any(o.endswith(pair.split()[0]) for o in out):
            out.append(f"'{pair}'")
    for q in quoted(point):
        if " ".join(re.findall(r"[a-z0-9]+", normalize(q))) not in joined_words:
            out.append(f'quote "{q}"')
    return out


def looping(text: str) -> bool:
    """A repetition loop: some three-word run said three times, or few distinct words."""
    words = re.findall(r"\w+", text.lower())
    grams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
    if grams and max(grams.count(g) for g in set(grams)) >= 3:
        return True
    return len(words) >= 15 and len(set(words)) / len(words) < 0.45


def cut_off(text: str) -> bool:
    """The model stopped mid-sentence (token limit): no closing punctuation."""
    return not re.search(r"[.!?]['\"”’)]*\s*$", text.strip())


def refs(sources: Sequence[int]) -> str:
    return ", ".join(f"s{i + 1}" for i in sources)


def check(
    point: str, vector: np.ndarray, sentences: Sequence[str], vectors: np.ndarray, rule: Rule | None = None
) -> Check:
    """Sources and verdict for one generated point. `vector` is the point's unit vector, shape
    (dim,); `vectors` the document's sentence unit vectors, shape (len(sentences), dim)."""
    rule = rule or calibrated_rule()
    cited, support, _ = evidence(vector, vectors, rule.cosine)
    if not sentences:
        return Check((), 0.0, 0.0, "no source sentence")
    sources = list(cited)
    # a number or name missing from the closest sentences may sit in another: cite that one too
    for item in _missing(point, [sentences[i] for i in sources]):
        if len(sources) >= MAX_SOURCES + 2:
            break
        holders = [i for i, s in enumerate(sentences) if i not in sources and not _missing_item(item, s)]
        if holders:
            sources.append(max(holders, key=lambda i: float(vectors[i] @ vector)))
    sources.sort()
    texts = [sentences[i] for i in sources]
    cover = round(coverage(point, texts), 4)
    return Check(tuple(sources), support, cover, _reason(point, texts, sources, support, cover, rule))


def _missing_item(item: str, sentence: str) -> bool:
    if item.startswith("'"):
        return f" {_plain(item.strip(chr(39)))} " not in f" {_plain(sentence)} "
    kind, _, value = item.partition(" ")
    probe = {"number": value, "name": value.strip("'"), "quote": value.strip('"')}[kind]
    sample = f'"{probe}"' if kind == "quote" else probe
    return bool(_missing(sample, [sentence]))


def _reason(
    point: str, texts: Sequence[str], sources: Sequence[int], support: float, cover: float, rule: Rule
) -> str | None:
    if FILLER.search(point):
        return "filler, not a statement from the source"
    if looping(point):
        return "repetition loop"
    if cut_off(point):
        return "cut off mid-sentence"
    missing = _missing(point, texts)
    if missing:
        return f"{', '.join(missing[:3])} not in {refs(sources)}"
    if cover < rule.coverage:
        return f"only {cover:.0%} of its content words are in {refs(sources)}"
    if support < rule.cosine:
        return f"closest source sentence is too far in meaning (cosine {support:.2f} < {rule.cosine:.2f})"
    return None
