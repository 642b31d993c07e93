"""summarize: a segmented document -> `Summary` whose points cite their source sentences.

`ExtractiveSummarizer` (the default) scores each sentence for what a reader needs from it and
keeps the best, verbatim, each citing itself, in document order:

- coverage: closeness to the document's (lead-weighted) centroid, what the text is about;
- action: a decision or stance verb ("decided", "voted", "agreed to", "lowered", "condemned",
  "urged") and a quantity with a unit ("25 basis points", "$3 billion", "2 percent"): what
  was done, not the conditions around it;
- in a series (`context`: the neighbouring documents' sentence vectors): novelty, what this
  document says that its neighbours do not, so that boilerplate every statement repeats falls
  back; the lead prior applies to a document read alone (news, where the opening carries the
  story), with its own, smaller, weight in a series;
- framing: readout formulas ("spoke today with", "the two leaders discussed", "agreed to stay in
  close touch") are lowered;
- length: fragments and run-on captions are lowered; then maximal marginal relevance removes
  repeats.

The weights are fitted by `scripts/summaries.py calibrate` (CNN/DM, Zhang-2023 news and FOMC
statements; tuning halves only) and shipped in `calibration.json` under "summarizer". The
abstractive strategy lives in `abstractive` (it loads a language model); `evidence` here ties a
generated point to the sentences that support it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Protocol

import numpy as np

from .frames import FRAME_REST, LEANS, RELATED, aim, frame_only
from .lede import is_guidance
from .types import Sentence, Summary, SummaryPoint

MIN_WORDS = 6
"""Sentences shorter than this are bylines or fragments; they are picked only as a last resort."""
CONTINUES = re.compile(r"\s*(?:And|But|Or|So|Yet|Nor)\b")
"""A short sentence that opens with a conjunction is the rest of the one before ("And Russia
wanted to break NATO.", a point of a 2025 readout's summary that a blind reader could not
place): like a fragment, it is picked only as a last resort."""
NAMED = re.compile(r"(?<=[\w,;:)“”\"'’] )[A-Z][\w'’-]*|\d+")
"""A name, title or date inside a sentence, or a number: what makes a sentence specific."""
MAX_WORDS = 60
"""Longer "sentences" are mostly captions and headlines run together; they are penalized."""
SUPPORT_BAR = 0.49
"""A generated point whose best MiniLM cosine with a source sentence is below this is flagged
unsupported. Calibrated on SummEval CNN/DM (`benchmarks/rouge.py --calibrate-support`): at
0.49, 84.6% of reference-summary sentences pass against their own article and 0.9% against
another article (332 sentences)."""
MAX_SOURCES = 3
SOURCE_MARGIN = 0.05
"""Besides the best sentence, sentences within this cosine of it (and above the bar) are cited."""

ACTION = re.compile(
    r"\b(?:decided|decides|decision to|voted|votes to|agreed (?:to|that|on)|agrees to|announced|announces|"
    r"approved|approves|adopted|lowered|lowers|raised|raises|cut|cuts|reduced|reduces|increased|"
    r"(?:will|(?<!expected )(?<!likely )(?<!seems )to) "
    r"(?:maintain|keep|lower|raise|increase|reduce|cut|end|begin|continue|provide|send|add to|conclude)|"
    r"maintain(?:s|ed)?|kept|keeps|condemned|condemns|sanctioned|imposed|signed|pledged|committed to|"
    r"launched|ordered|ruled|sentenced|charged|arrested|resigned|urged|urges|called (?:for|on)|"
    r"emphasi[sz]ed|emphasi[sz]es|stressed|underscored|reiterated|(?:re)?affirm(?:ed|s)|welcomed|warned|rejected)\b",
    re.IGNORECASE,
)
"""Decision and stance verbs: what a statement decides, a leader does or asks for; not an outlook
("is expected to keep inflation contained", 2001-08-21: a point of its summary for it, over the
household-demand news, a blind Fed watcher)."""
QUANTITY = re.compile(
    r"(?:[$£€]\s?\d|\d(?:[\d,./-]*\d)?(?:\s|-)?(?:%|percent|per cent|percentage points?|basis points?|"
    r"million|billion|trillion|bn|m\b|dollars?|euros?|pounds|yuan|years?|months?|weeks?|days?|hours?|"
    r"people|troops|tons?|tonnes|barrels|miles|kilomet(?:er|re)s?|km|feet|votes))",
    re.IGNORECASE,
)
"""An amount with its unit (a bare number is as often a date or an issue number)."""
DECISION = re.compile(
    rf"(?:{ACTION.pattern})(?:\W+[\w'’-]+){{0,19}}?\W+(?:{QUANTITY.pattern})(?![\w/-]*\s+(?:inflation|objective|goal))|"
    r"\bdecided to\b(?:\W+[\w'’-]+){0,15}?\W+(?:purchases|purchase program|target range|federal funds rate)\b",
    re.IGNORECASE,
)
"""An action and, within 20 words after it, the amount it sets ("decided to lower its target
... 50 basis points to 3 percent"), not a goal named further on ("to raise the target range
when ... inflation will move back to its 2 percent objective"); or a decision on the policy
instrument that states no amount ("decided to conclude its asset purchase program this
month", "decided to await more evidence ... before adjusting the pace of its purchases": a
blind Fed watcher found neither in the summaries of 2013-09 and 2014-10)."""
FRAMING = re.compile(
    r"\b(?:spoke (?:today |again |this \w+ |by phone |by telephone )?with|held a (?:phone )?call|"
    r"(?:met|meets) (?:today )?with|to discuss\b|(?:leaders|they|the two) (?:also )?discussed|"
    r"discussed (?:a range|the latest|developments|recent|ongoing|regional|bilateral)|"
    r"(?:stay|remain|be|keep|maintain)\b[^.]{0,40}?\b(?:touch|contact|consultation|communication)|"
    r"(?:agreed|committed) to speak|speak again|readout of|review(?:ed)? (?:the )?(?:latest )?developments|"
    r"(?:be|been|being) briefed|(?:joined|participated in) the (?:call|meeting))\b",
    re.IGNORECASE,
)
"""Readout formulas that frame a conversation rather than carry its substance. A summary
takes one only when the document has nothing else to say (`ExtractiveSummarizer.summarize`)."""
_DISCUSSED = re.compile(r"\b(?:leaders|they|the two) (?:also )?discussed\b", re.IGNORECASE)


def is_framing(text: str) -> bool:
    """A framing sentence (`FRAMING`); what the leaders discussed is one only when little else
    is said ("The two leaders discussed the possibility of tactical pauses ..." is the message
    of the 2023-11-06 readout, which its summary left out: a blind readout watcher)."""
    return frame_only(text, FRAMING, _DISCUSSED)


DISSENT = re.compile(
    r"\b(?:voting against (?:the |this )?(?:\w+ )?(?:action |policy )?(?:was|were)\b(?!:? none)"
    r"|voted against|dissent(?:ed|s)?\b)",
    re.IGNORECASE,
)
"""A minority position on a decision: "Voting against the action was ...", "dissented"."""
REPEAT_COSINE = 0.995
"""A sentence whose cosine with a sentence of each neighbouring document reaches this is the
series' standing language (verbatim, up to punctuation); it carries no news of its own."""


@dataclass(frozen=True)
class Weights:
    """How much each cue counts in one setting (a document read alone, or in a series)."""

    lead: float = 0.5
    action: float = 0.0
    quantity: float = 0.0
    decision: float = 0.0
    """An action verb and a quantity in one sentence: "decided to lower the rate to 2 percent"."""
    framing: float = 0.0
    novelty: float = 0.0
    dissent: float = 0.0
    guidance: float = 0.0
    """A sentence about the policy instrument that looks ahead ("the Committee will be patient
    as it determines what future adjustments ..."): what a statement says of the next step;
    not standing guidance that every neighbour repeats word for word."""
    repeat: float = 0.0
    """Standing language: a sentence repeated verbatim in every neighbouring document."""
    long: float = 0.5
    specific: float = 0.0
    """Names, titles, dates and numbers inside the sentence (`NAMED`), up to three; set by hand
    for a series (docs/summaries.md)."""
    dangling: float = 0.2
    """A sentence that leans on the one before (`LEANS`); set by hand on the tuning halves
    (docs/summaries.md), not by the grid."""
    centroid_decay: float = 1.0


def calibrated_weights() -> tuple[Weights, Weights]:
    """(alone, series) weights shipped in calibration.json ("summarizer"), or the defaults."""
    try:
        raw: dict[str, Any] = json.loads(resources.files("compare").joinpath("calibration.json").read_text("utf-8"))
        fitted = raw.get("summarizer", {}).get("weights", {})
        return Weights(**fitted.get("alone", {})), Weights(**fitted.get("series", {}))
    except (OSError, ValueError, TypeError):
        return Weights(), Weights()


_ALONE, _SERIES = calibrated_weights()


@dataclass(frozen=True)
class Segmented:
    """A document's sentences with their unit vectors, shape (len(sentences), dim)."""

    sentences: tuple[Sentence, ...]
    vectors: np.ndarray


class Summarizer(Protocol):
    @property
    def model_id(self) -> str: ...

    @property
    def method(self) -> str: ...

    def summarize(self, document: Segmented, points: int, context: Sequence[np.ndarray] = ()) -> Summary:
        """`context`: the unit sentence vectors (n_k, dim) of the documents beside this one in
        its series (pipeline passes the previous and the next); () for a document read alone."""
        ...


def select(scores: np.ndarray, vectors: np.ndarray, k: int, redundancy: float) -> list[int]:
    """Maximal marginal relevance: repeatedly take the sentence whose score minus
    `redundancy` x (its highest cosine to a taken sentence) is largest; return indices in
    document order."""
    chosen: list[int] = []
    k = min(k, len(scores))
    while len(chosen) < k:
        penalty = (vectors @ vectors[chosen].T).max(1) if chosen else np.zeros(len(scores))
        gain = scores - redundancy * penalty
        gain[chosen] = -np.inf
        chosen.append(int(np.argmax(gain)))
    return sorted(chosen)


def features(document: Segmented, context: Sequence[np.ndarray] = ()) -> dict[str, np.ndarray]:
    """Per-sentence cues, each shape (n,): action, quantity, framing and dissent (0/1), novelty
    (1 - best cosine with any sentence of a neighbouring document; 0 without context), repeat
    (1 if every neighbouring document holds the sentence verbatim, `REPEAT_COSINE`)."""
    texts = [" ".join(s.text.split()) for s in document.sentences]  # hard-wrapped lines: "to be\nbriefed"
    n = len(texts)
    novelty = np.zeros(n)
    repeat = np.zeros(n)
    others = [c for c in context if len(c)]
    if others and n:
        each = np.stack([(document.vectors @ c.T).max(1) for c in others])
        novelty = 1.0 - np.clip(each.max(0), 0.0, 1.0)
        repeat = (each.min(0) >= REPEAT_COSINE).astype(float)
    return {
        "action": np.array([bool(ACTION.search(t)) for t in texts], dtype=float),
        "quantity": np.array([bool(QUANTITY.search(t)) for t in texts], dtype=float),
        "framing": np.array([is_framing(t) for t in texts], dtype=float),
        "dissent": np.array([bool(DISSENT.search(t)) for t in texts], dtype=float),
        "guidance": np.array([is_guidance(t) and not DECISION.search(t) for t in texts], dtype=float),
        "novelty": novelty,
        "repeat": repeat,
    }


def components(
    document: Segmented, context: Sequence[np.ndarray] = (), centroid_decay: float = 1.0, lead_decay: float = 1.0
) -> dict[str, np.ndarray]:
    """The unweighted parts of a sentence's score, each shape (n,): coverage (cosine to the
    centroid whose sentences are weighted 1/(1+i)^centroid_decay), lead (1/(1+i)^lead_decay),
    the `features` cues, decision (an action and the amount it sets, `DECISION`), follows (a
    related action beside the decision, `RELATED`), short/long (0/1)."""
    v = document.vectors
    position = 1.0 + np.arange(len(v))
    centroid = (v / position[:, None] ** centroid_decay).sum(0)
    norm = np.linalg.norm(centroid)
    n_words = np.array([len(s.text.split()) for s in document.sentences])
    cues = features(document, context)
    texts = [" ".join(s.text.split()) for s in document.sentences]
    decision = np.array([bool(DECISION.search(t)) for t in texts])
    # a related action (the discount rate "in a related action") follows the decision another
    # sentence states, and the banks that requested it follow any: it took a second of three
    # points in 2001 (a blind Fed watcher); like a fragment, it is picked only as a last resort
    related = np.array([bool(RELATED.search(t)) for t in texts])
    follows = related & ((cues["quantity"] == 0) | bool((decision & ~related).any()))
    return {
        "coverage": v @ (centroid / norm) if norm > 0 else np.zeros(len(v)),
        "lead": 1.0 / position**lead_decay,
        **cues,
        "decision": decision.astype(float),
        "follows": follows.astype(float),
        "short": np.array(
            [
                n < MIN_WORDS or (n < 2 * MIN_WORDS and bool(CONTINUES.match(s.text)))
                for n, s in zip(n_words, document.sentences, strict=True)
            ],
            dtype=float,
        ),
        "long": (n_words > MAX_WORDS).astype(float),
        "dangling": np.array([bool(LEANS.search(t)) for t in texts], dtype=float),
        "specific": np.array([min(len(NAMED.findall(t)), 3) / 3 for t in texts]),
    }


@dataclass(frozen=True)
class ExtractiveSummarizer:
    """Coverage + cues (action, quantity, decision, novelty) + lead prior, minus framing and
    length penalties, weighted by `alone` for a document read alone (news: the lead prior
    earns its place) and by `series` when neighbours are given; then redundancy removal.
    Defaults are the calibrated weights."""

    alone: Weights = field(default_factory=lambda: _ALONE)
    series: Weights = field(default_factory=lambda: _SERIES)
    lead_decay: float = 1.0
    redundancy: float = 0.6
    model_id: str = "extractive:salience-mmr"
    method: str = "extractive"

    def weights(self, context: Sequence[np.ndarray]) -> Weights:
        return self.series if any(len(c) for c in context) else self.alone

    def scores(self, document: Segmented, context: Sequence[np.ndarray] = ()) -> np.ndarray:
        """Per-sentence score, shape (n,)."""
        w = self.weights(context)
        return combine(w, components(document, context, w.centroid_decay, self.lead_decay))

    def summarize(self, document: Segmented, points: int, context: Sequence[np.ndarray] = ()) -> Summary:
        if not document.sentences:
            return Summary((), self.method, self.model_id)
        w = self.weights(context)
        parts = components(document, context, w.centroid_decay, self.lead_decay)
        scores, framing = combine(w, parts), parts["framing"].astype(bool)
        if not framing.all() and points >= int((~framing).sum()):
            # a short readout has no more sentences than points: its frame ("President Biden
            # spoke today with ...") would be a point of it by default; where there is room, an
            # opener that says what the call was for is one ("… to congratulate him on the mission
            # conducted in Gaza that killed Hamas leader Yahya Sinwar", 2024-10-17, left out of
            # its summary: a blind readout watcher)
            if points > int((~framing).sum()):
                framing &= ~np.array([len(aim(s.text)) > FRAME_REST for s in document.sentences])
            scores = np.where(framing, -np.inf, scores)
            points = min(points, int((~framing).sum()))
        picks = select(scores, document.vectors, points, self.redundancy)
        return Summary(tuple(_verbatim(document.sentences, i) for i in picks), self.method, self.model_id)


def combine(w: Weights, parts: dict[str, np.ndarray]) -> np.ndarray:
    """The weighted sum of `components` (split out so that calibration computes them once)."""
    return np.asarray(
        parts["coverage"]
        + w.lead * parts["lead"]
        + w.action * parts["action"]
        + w.quantity * parts["quantity"]
        + w.decision * parts["decision"]
        - w.framing * parts["framing"]
        + w.novelty * parts["novelty"]
        + w.dissent * parts["dissent"]
        + w.guidance * parts["guidance"] * (1.0 - parts["repeat"])
        - w.repeat * parts["repeat"] * (1.0 - np.maximum(parts["decision"], parts["dissent"]))
        - 10.0 * np.maximum(parts["short"], parts["follows"])
        - w.long * parts["long"]
        - w.dangling * parts["dangling"]
        + w.specific * parts["specific"]
    )


def _verbatim(sentences: Sequence[Sentence], i: int) -> SummaryPoint:
    return SummaryPoint(sentences[i].text, (i,), support=1.0, supported=True)


def evidence(point: np.ndarray, sentences: np.ndarray, bar: float = SUPPORT_BAR) -> tuple[tuple[int, ...], float, bool]:
    """Sources, support and verdict for one generated point. `point` is a unit vector of shape
    (dim,), `sentences` the document's unit vectors, shape (n, dim). The best-matching sentence
    is always cited (so every point has a source to check); sentences within SOURCE_MARGIN of
    it and above the bar are cited too, best first. Support is the best cosine."""
    if len(sentences) == 0:
        return (), 0.0, False
    cos = sentences @ point
    order = [int(i) for i in np.argsort(-cos, kind="stable")[:MAX_SOURCES]]
    best = float(cos[order[0]])
    sources = [order[0]] + [i for i in order[1:] if cos[i] >= max(bar, best - SOURCE_MARGIN)]
    support = round(best, 4)
    return tuple(sorted(sources)), support, support >= bar
