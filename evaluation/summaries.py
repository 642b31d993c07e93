"""Measure and calibrate the extractive summarizer on three genres, on one pipeline.

    PYTHONPATH=src python scripts/summaries.py evaluate    # held-out figures (README, docs/summaries.md)
    PYTHONPATH=src python scripts/summaries.py calibrate   # grid search on the tuning halves; writes
                                                           # calibration.json "summarizer"

Data (../shared/data, read only when run):
- news: the 100 SummEval CNN/DM articles (`reference`) and the 109 Zhang-2023 articles (mean F1
  over each article's writer summaries); ROUGE-1 and ROUGE-Lsum (points joined by newlines),
  rouge-score with stemming, F1 x 100. Tuning half: CNN/DM 1-50 and Zhang articles 1-55 (in
  file order); held out: the rest.
- FOMC: the 194 statements as a series (each summary sees its previous and next statement, as in
  `compare` runs). A statement's decision sentences are the sentences that name a policy
  instrument (federal funds rate, target range, discount rate, reserve positions, stance of
  policy) together with a decision word (decided, voted, agreed, announced, approved,
  reaffirmed, no change, maintain/keep/lower/raise...), not "In determining ..." / "Voting
  for ...". Score: the share of statements having one whose summary contains one. Tuning half:
  even positions in date order; held out: odd.
- readouts: the 36 Netanyahu readouts as a series; the share of summaries with no framing sentence,
  and, when the blind labels /work/labels/readout_messages_L16r.json (copied to
  tests/fixtures/) are present, the share whose summary contains a labeled message quote and
  the share that holds fewer framing sentences than Lead-3. The readouts are never tuned on.

Every figure is printed beside Lead-3 and the previous default (centroid + lead, no cues).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import pickle
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from compare import load, segment  # noqa: E402
from compare.summarize import ExtractiveSummarizer, Segmented, Weights  # noqa: E402
from compare.types import Document  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
CALIBRATION = ROOT / "src" / "compare" / "calibration.json"
READOUT_LABELS = [
    ROOT / "tests" / "fixtures" / "readout_messages_L16r.json",
    Path("/work/labels/readout_messages_L16r.json"),
]
POINTS = 3
PREVIOUS = ExtractiveSummarizer(Weights(lead=0.5, long=0.5), Weights(lead=0.5, long=0.5))
"""The default before issue 17: centroid + lead prior + MMR, the same in every genre."""

INSTRUMENT = re.compile(
    r"\b(?:federal funds rate|funds rate|discount rate|reserve positions|pressure on reserve|target range|"
    r"stance of (?:monetary )?policy|monetary policy actions?)\b",
    re.IGNORECASE,
)
DECISION = re.compile(
    r"\b(?:decided|decision|voted|agreed|announced|approved|reaffirmed|made no change|no change|take action|"
    r"maintain|to keep|to leave|lower(?:ed)?|rais(?:e|ed)|reduc(?:e|ed|tion)|increase(?:d)?|cut|eased|firming)\b",
    re.IGNORECASE,
)


def is_decision(text: str) -> bool:
    """A sentence that states the FOMC's policy decision (the evaluation's definition)."""
    head = text.lstrip().lower()
    if head.startswith(("in determining", "in taking", "voting", "in assessing")):
        return False
    return bool(INSTRUMENT.search(text) and DECISION.search(text))


def is_dissent(text: str) -> bool:
    """A sentence that names an FOMC dissent: "Voting against the action was/were ...", not
    "Voting against the action: none." (the evaluation's definition)."""
    head = " ".join(text.lower().split())
    return head.startswith("voting against") and not re.match(r"voting against[^.]*?:?\s*none\b", head)


# ---------------------------------------------------------------- data


@dataclass
class Doc:
    name: str
    seg: Segmented
    refs: list[str]
    context: list[np.ndarray]
    previous: list[str] | None = None
    """In a series, the previous document's sentences (None for the first)."""


def _embed_all(groups: list[list[str]]) -> list[np.ndarray]:
    from compare.embed import TransformerEmbedder

    flat = [t for g in groups for t in g]
    key = hashlib.sha256("\n".join(flat).encode()).hexdigest()[:16]
    cache = Path.home() / ".cache" / "compare" / "eval" / f"summaries-{key}.pkl"
    if cache.is_file():
        vectors = pickle.loads(cache.read_bytes())
    else:
        print(f"embedding {len(flat)} sentences with MiniLM...", file=sys.stderr)
        vectors = TransformerEmbedder().embed(flat) if flat else np.zeros((0, 384))
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(vectors))
    bounds = np.cumsum([0] + [len(g) for g in groups])
    return [vectors[bounds[k] : bounds[k + 1]] for k in range(len(groups))]


def _segmented(documents: list[Document]) -> list[Segmented]:
    sentences = [segment.segment(d) for d in documents]
    vectors = _embed_all([[s.text for s in g] for g in sentences])
    return [Segmented(g, v) for g, v in zip(sentences, vectors, strict=True)]


def _series(documents: list[Document], refs: list[list[str]] | None = None) -> list[Doc]:
    segs = _segmented(documents)
    out = []
    for k, (d, s) in enumerate(zip(documents, segs, strict=True)):
        context = [segs[j].vectors for j in (k - 1, k + 1) if 0 <= j < len(segs)]
        previous = [x.text for x in segs[k - 1].sentences] if k else None
        out.append(Doc(d.id, s, refs[k] if refs else [], context, previous))
    return out


def news() -> tuple[list[Doc], list[Doc]]:
    """(CNN/DM, Zhang-2023) documents, each read alone."""
    rows = [
        json.loads(x)
        for x in (DATA / "summarization" / "summeval_cnndm_test100.jsonl").read_text("utf-8").splitlines()
        if x.strip()
    ]
    zhang: dict[str, dict] = {}
    for r in json.loads((DATA / "summarization" / "zhang2023_writer_summaries.json").read_text("utf-8")):
        zhang.setdefault(r["article_id"], {"article": r["article"], "refs": []})["refs"].append(_writer(r))

    def docs(items: list[tuple[str, str, list[str]]]) -> list[Doc]:
        documents = [Document(n, n, load.dt.date(2015, 1, 1), None, text) for n, text, _ in items]
        segs = _segmented(documents)
        return [Doc(n, s, refs, []) for (n, _, refs), s in zip(items, segs, strict=True)]

    cnn = docs([(r["id"], r["article"], [r["reference"]]) for r in rows])
    zh = docs([(k, v["article"], v["refs"]) for k, v in zhang.items()])
    return cnn, zh


def _writer(row: dict) -> str:
    for key in ("writer_summary", "summary", "reference"):
        if isinstance(row.get(key), str):
            return str(row[key])
    raise SystemExit(f"summaries.py: no writer summary field in {sorted(row)}")


def fomc() -> list[Doc]:
    return _series(load.read_all(sorted((DATA / "fomc").glob("*.txt")), {}))


def seeds() -> list[tuple[Doc, list[list[str]]]]:
    """The two seed articles as a series of two, each with its key-message phrase groups
    (tests/fixtures/seeds_key_facts.json: each group must have a phrase in the summary)."""
    facts = json.loads((ROOT / "tests" / "fixtures" / "seeds_key_facts.json").read_text("utf-8"))["documents"]
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    docs = _series(load.read_all(paths, {}))
    return [(d, facts[p.name]["groups"]) for d, p in zip(docs, paths, strict=True)]


def seeds_kept(items: Sequence[tuple[Doc, list[list[str]]]], pick: Picker) -> bool:
    """Every seed summary carries its key message (what tests/test_summary_content.py checks)."""
    for d, groups in items:
        text = " ".join(d.seg.sentences[i].text for i in pick(d))
        if not all(any(phrase in text for phrase in group) for group in groups):
            return False
    return True


def readouts(who: str) -> list[Doc]:
    return _series(load.read_all(sorted((DATA / "readouts" / who).glob("*.md")), {}))


# ---------------------------------------------------------------- metrics

_SCORER = None
_MEMO: dict[tuple[str, tuple[int, ...]], tuple[float, float]] = {}


def rouge(doc: Doc, picks: tuple[int, ...]) -> tuple[float, float]:
    """(ROUGE-1, ROUGE-Lsum) F1 x 100 of the picked sentences against the references (mean)."""
    global _SCORER
    key = (doc.name, picks)
    if key not in _MEMO:
        if _SCORER is None:
            from rouge_score import rouge_scorer

            _SCORER = rouge_scorer.RougeScorer(["rouge1", "rougeLsum"], use_stemmer=True)
        hyp = "\n".join(doc.seg.sentences[i].text for i in picks)
        s = [_SCORER.score("\n".join(segment_lines(r)), hyp) for r in doc.refs]
        _MEMO[key] = (
            100 * float(np.mean([x["rouge1"].fmeasure for x in s])),
            100 * float(np.mean([x["rougeLsum"].fmeasure for x in s])),
        )
    return _MEMO[key]


def segment_lines(text: str) -> list[str]:
    return [s.text for s in segment.segment(Document("r", "r", load.dt.date(2015, 1, 1), None, text))] or [text]


Picker = Callable[[Doc], tuple[int, ...]]


def picker(s: ExtractiveSummarizer) -> Picker:
    return lambda d: tuple(p.sources[0] for p in s.summarize(d.seg, POINTS, d.context).points)


_PARTS: dict[tuple[int, float], dict[str, np.ndarray]] = {}


def fast_picker(s: ExtractiveSummarizer) -> Picker:
    """The same picks as `picker`, with each document's score components computed once (the
    grid search only reweights them)."""
    from compare.summarize import combine, components, select

    def pick(d: Doc) -> tuple[int, ...]:
        if not d.seg.sentences:
            return ()
        w = s.weights(d.context)
        key = (id(d), w.centroid_decay)
        if key not in _PARTS:
            _PARTS[key] = components(d.seg, d.context, w.centroid_decay, s.lead_decay)
        return tuple(select(combine(w, _PARTS[key]), d.seg.vectors, POINTS, s.redundancy))

    return pick


def lead3(d: Doc) -> tuple[int, ...]:
    return tuple(range(min(POINTS, len(d.seg.sentences))))


def last3(d: Doc) -> tuple[int, ...]:
    n = len(d.seg.sentences)
    return tuple(range(max(0, n - POINTS), n))


def news_scores(docs: Sequence[Doc], pick: Picker) -> tuple[float, float]:
    r = [rouge(d, pick(d)) for d in docs]
    return float(np.mean([x[0] for x in r])), float(np.mean([x[1] for x in r]))


def decision_rate(docs: Sequence[Doc], pick: Picker) -> tuple[float, int]:
    """Share of statements with a decision sentence whose summary holds one; how many have one."""
    have = [d for d in docs if any(is_decision(s.text) for s in d.seg.sentences)]
    hits = sum(any(is_decision(d.seg.sentences[i].text) for i in pick(d)) for d in have)
    return hits / max(1, len(have)), len(have)


def dissent_rate(docs: Sequence[Doc], pick: Picker) -> tuple[float, int]:
    """Share of statements naming a dissent whose summary holds the dissent; how many name one."""
    have = [d for d in docs if any(is_dissent(s.text) for s in d.seg.sentences)]
    hits = sum(any(is_dissent(d.seg.sentences[i].text) for i in pick(d)) for d in have)
    return hits / max(1, len(have)), len(have)


def guidance_rate(docs: Sequence[Doc], pick: Picker) -> tuple[float, int]:
    """Share of statements with forward guidance (a sentence about the policy instrument that
    looks ahead, `lede.is_guidance`, not the decision) whose summary holds such a sentence; how
    many have one. A Fed watcher reads a statement for its decision, its guidance and its
    dissents."""
    from compare.lede import is_guidance

    def guiding(text: str) -> bool:
        return is_guidance(text) and not is_decision(text)

    have = [d for d in docs if any(guiding(s.text) for s in d.seg.sentences)]
    hits = sum(any(guiding(d.seg.sentences[i].text) for i in pick(d)) for d in have)
    return hits / max(1, len(have)), len(have)


def boilerplate_share(docs: Sequence[Doc], pick: Picker) -> float:
    """Share of summary points, over statements with a previous statement and at least as many
    sentences that are not in it verbatim as points, that repeat a sentence of the previous
    statement verbatim and are neither the decision nor a dissent (a repeated decision is
    still the decision)."""
    points = repeated = 0
    for d in docs:
        if d.previous is None:
            continue
        before = {_norm(t) for t in d.previous}
        fresh = [i for i, s in enumerate(d.seg.sentences) if _norm(s.text) not in before]
        if len(fresh) < POINTS:
            continue
        for i in pick(d):
            t = d.seg.sentences[i].text
            points += 1
            repeated += _norm(t) in before and not is_decision(t) and not is_dissent(t)
    return repeated / max(1, points)


def same_as_previous(docs: Sequence[Doc], pick: Picker) -> float:
    """Share of statements whose summary is word for word the previous statement's summary,
    among those whose text differs from the previous statement's."""
    same = pairs = 0
    for a, b in itertools.pairwise(docs):
        if b.previous is None or [_norm(x.text) for x in b.seg.sentences] == [_norm(x) for x in b.previous]:
            continue
        pairs += 1
        same += [_norm(a.seg.sentences[i].text) for i in pick(a)] == [_norm(b.seg.sentences[i].text) for i in pick(b)]
    return same / max(1, pairs)


def framing_free(docs: Sequence[Doc], pick: Picker) -> float:
    from compare.summarize import is_framing

    return float(np.mean([not any(is_framing(d.seg.sentences[i].text) for i in pick(d)) for d in docs]))


# ---------------------------------------------------------------- calibrate / evaluate


def halves(docs: Sequence[Doc], alternate: bool) -> tuple[list[Doc], list[Doc]]:
    if alternate:
        return list(docs[0::2]), list(docs[1::2])
    half = (len(docs) + 1) // 2
    return list(docs[:half]), list(docs[half:])


ALONE_GRID = {
    "lead": (0.3, 0.5, 0.8),
    "action": (0.0, 0.05, 0.1),
    "quantity": (0.0, 0.05, 0.1),
    "decision": (0.0, 0.05, 0.1),
    "framing": (0.0, 0.3),
}
BEFORE_GUIDANCE = {
    "decision": 0.4,
    "framing": 0.2,
    "novelty": 0.25,
    "dissent": 0.7,
    "repeat": 0.2,
    "lead": 0.0,
    "long": 0.0,
    "centroid_decay": 0.0,
}
"""The series weights shipped before the guidance cue (2026-12-02): their decision and dissent
shares are the floor the search keeps."""
SERIES_GRID = {
    "guidance": (0.0, 0.2, 0.3, 0.4),
    "action": (0.0, 0.1),
    "decision": (0.2, 0.4, 0.7, 1.0),
    "framing": (0.2, 0.4),
    "novelty": (0.0, 0.25, 0.5),
    "dissent": (0.0, 0.4, 0.7, 1.0),
    "repeat": (0.2, 0.4),
}
"""lead, quantity, long and centroid_decay stay at the values the earlier, wider search chose
(0, 0, 0, 0): the cues added since (dissent, repeat) are searched against the ones they interact with."""


def _search(
    grid: dict[str, tuple[float, ...]],
    judge: Callable[[Weights], tuple[bool, float, str]],
    series: bool,
    tolerance: Callable[[Weights], float] | None = None,
) -> tuple[Weights, list]:
    """The best weights on the grid; with `tolerance` (the standard error of the best
    weights' objective), the simplest weights (smallest sum of cue weights, the lead prior
    aside) within one standard error of the best, so that a cue is used only where it earns
    more than the noise of the tuning set."""
    rows = []
    for values in itertools.product(*grid.values()):
        w = Weights(**dict(zip(grid, values, strict=True)))
        ok, objective, shown = judge(w)
        rows.append((ok, objective, -sum(abs(v) for v in values), w, shown))
    rows.sort(key=lambda r: (r[0], r[1], r[2]), reverse=True)
    print("| qualifies | objective | " + " | ".join(grid) + " | figures |")
    print("|---" * (len(grid) + 3) + "|")
    for ok, obj, _, w, shown in rows[:8]:
        print(f"| {ok} | {obj:.3f} | " + " | ".join(str(getattr(w, k)) for k in grid) + f" | {shown} |")
    print()
    chosen = rows[0]
    if tolerance is not None:
        se = tolerance(chosen[3])
        near = [r for r in rows if r[0] and r[1] >= chosen[1] - se]
        chosen = max(near, key=lambda r: (-sum(getattr(r[3], k) for k in grid if k != "lead"), r[1]))
        print(
            f"one-standard-error rule: best {rows[0][1]:.3f}, standard error {se:.3f}; chosen (simplest within): "
            + ", ".join(f"{k}={getattr(chosen[3], k)}" for k in grid)
            + f" ({chosen[4]})\n"
        )
    return chosen[3], chosen


def standard_error(w: Weights, *sets: Sequence[Doc]) -> float:
    """The largest standard error, over the news sets and the two ROUGE figures, of the mean
    per-article margin over Lead-3."""
    p = fast_picker(ExtractiveSummarizer(w, Weights()))
    out = []
    for docs in sets:
        diff = np.array([np.subtract(rouge(d, p(d)), rouge(d, lead3(d))) for d in docs])
        out += list(diff.std(0, ddof=1) / np.sqrt(len(docs)))
    return float(max(out))


def calibrate(args: argparse.Namespace) -> None:
    """Two independent grid searches on the tuning halves.
    Alone (news): the largest smallest margin over Lead-3 among ROUGE-1 and ROUGE-Lsum on both
    news sets (the requirement is "at or above Lead-3 on each", so the worst margin is what
    to protect). Series (FOMC, readouts): the highest FOMC decision share + dissent share + (1 -
    boilerplate share) + 0.5 x
    the share of Zelenskyy readout summaries free of framing sentences, among the weights whose
    summaries of the two seed articles (a series of two) keep their key messages. Ties: smaller
    weights."""
    cnn, zh = news()
    cnn_t, zh_t = halves(cnn, False)[0], halves(zh, False)[0]
    base = [news_scores(cnn_t, lead3), news_scores(zh_t, lead3)]

    def judge_alone(w: Weights) -> tuple[bool, float, str]:
        p = fast_picker(ExtractiveSummarizer(w, Weights()))
        got = [news_scores(cnn_t, p), news_scores(zh_t, p)]
        margins = [a - b for g, r in zip(got, base, strict=True) for a, b in zip(g, r, strict=True)]
        return (
            min(margins) >= 0,
            min(margins),
            "CNN R-1/R-Lsum, Zhang R-1/R-Lsum over Lead-3: " + " / ".join(f"{m:+.2f}" for m in margins),
        )

    fed_t = halves(fomc(), True)[0]
    zel = readouts("zelenskyy")
    seed_docs = seeds()

    # the decision and the dissents come first: a cue may add guidance to a summary only where
    # it loses neither, nor gives more statements the summary of the one before (the figures of
    # the weights without the guidance cue)
    plain = fast_picker(ExtractiveSummarizer(Weights(), Weights(**{**asdict(Weights()), **BEFORE_GUIDANCE})))
    must = decision_rate(fed_t, plain)[0], dissent_rate(fed_t, plain)[0], same_as_previous(fed_t, plain)

    def judge_series(w: Weights) -> tuple[bool, float, str]:
        w = Weights(**{**asdict(w), "lead": 0.0, "quantity": 0.0, "long": 0.0, "centroid_decay": 0.0})
        p = fast_picker(ExtractiveSummarizer(Weights(), w))
        rate, dissent = decision_rate(fed_t, p)[0], dissent_rate(fed_t, p)[0]
        guided = guidance_rate(fed_t, p)[0]
        boiler, free = boilerplate_share(fed_t, p), framing_free(zel, p)
        return (
            seeds_kept(seed_docs, p)
            and rate >= must[0]
            and dissent >= must[1]
            and same_as_previous(fed_t, p) <= must[2],
            rate + dissent + guided + (1.0 - boiler) + 0.5 * free,
            f"FOMC decision {rate:.3f}, dissent {dissent:.3f}, guidance {guided:.3f}, boilerplate points "
            f"{boiler:.3f}; Zelenskyy framing-free {free:.3f}",
        )

    raw = json.loads(CALIBRATION.read_text("utf-8"))
    old = raw.get("summarizer", {})
    weights = dict(old.get("weights", {}))
    tuning = dict(old.get("tuning", {}))
    if args.only in (None, "alone"):
        print("Alone (news, tuning halves):\n")
        alone, a_row = _search(ALONE_GRID, judge_alone, False, lambda w: standard_error(w, cnn_t, zh_t))
        if not a_row[0]:
            sys.exit(
                "summaries.py: no weights stay at or above Lead-3 on the news tuning halves; calibration not written"
            )
        weights["alone"], tuning["alone"] = asdict(alone), a_row[4]
    if args.only in (None, "series"):
        print("Series (FOMC even positions, Zelenskyy readouts):\n")
        series, s_row = _search(SERIES_GRID, judge_series, True)
        fixed = {"lead": 0.0, "quantity": 0.0, "long": 0.0, "centroid_decay": 0.0}
        weights["series"], tuning["series"] = {**asdict(series), **fixed}, s_row[4]
    if args.write:
        raw["summarizer"] = {
            **old,
            "weights": weights,
            "fitted_by": "scripts/summaries.py calibrate --write: alone on CNN/DM 1-50 and Zhang-2023 1-55 "
            "(ROUGE vs Lead-3); series on FOMC statements at even positions (decision and dissent sentences "
            "in summary, boilerplate points) and Zelenskyy readouts (no framing sentence)",
            "tuning": tuning,
        }
        CALIBRATION.write_text(json.dumps(raw, indent=2) + "\n", "utf-8")
        print(f'wrote {CALIBRATION.relative_to(ROOT)} "summarizer"')


def readout_labels() -> dict | None:
    for path in READOUT_LABELS:
        if path.is_file():
            return dict(json.loads(path.read_text("utf-8")))
    return None


def evaluate(args: argparse.Namespace) -> None:
    cnn, zh = news()
    cnn_h, zh_h = halves(cnn, False)[1], halves(zh, False)[1]
    fed = fomc()
    fed_h = halves(fed, True)[1]
    net = readouts("netanyahu")
    systems: list[tuple[str, Picker]] = [
        ("compare extractive (calibrated default)", picker(ExtractiveSummarizer())),
        ("previous default (centroid + lead)", picker(PREVIOUS)),
        ("Lead-3", lead3),
        ("last 3 sentences (naive)", last3),
    ]
    print(
        f"Held-out halves: CNN/DM {len(cnn_h)} articles, Zhang-2023 {len(zh_h)} articles, "
        f"FOMC {len(fed_h)} statements (odd positions); Netanyahu readouts {len(net)} (never tuned on).\n"
    )
    print(
        "| system | CNN/DM R-1 | CNN/DM R-Lsum | Zhang R-1 | Zhang R-Lsum "
        "| FOMC decision in summary (held-out / all 194) | readouts free of framing |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, p in systems:
        c, z = news_scores(cnn_h, p), news_scores(zh_h, p)
        rate, n = decision_rate(fed_h, p)
        rate_all, n_all = decision_rate(fed, p)
        print(
            f"| {name} | {c[0]:.1f} | {c[1]:.1f} | {z[0]:.1f} | {z[1]:.1f} "
            f"| {rate:.3f} of {n} / {rate_all:.3f} of {n_all} | {framing_free(net, p):.2f} |"
        )
    print(
        f"\nFOMC statements as a series: held out (odd positions) / all {len(fed)}.\n\n"
        "| system | decision in summary | dissent in summary | boilerplate points (lower is better) "
        "| summary same as previous statement's (all) |"
    )
    print("|---|---|---|---|---|")
    for name, p in systems:
        (dh, ndh), (da, nda) = dissent_rate(fed_h, p), dissent_rate(fed, p)
        print(
            f"| {name} | {decision_rate(fed_h, p)[0]:.3f} / {decision_rate(fed, p)[0]:.3f} "
            f"| {dh:.3f} of {ndh} / {da:.3f} of {nda} "
            f"| {boilerplate_share(fed_h, p):.3f} / {boilerplate_share(fed, p):.3f} | {same_as_previous(fed, p):.3f} |"
        )
    labels = readout_labels()
    if labels is not None:
        readout_table(net, labels, systems)
    if args.show:
        for d in fed_h + net:
            picks = picker(ExtractiveSummarizer())(d)
            print(f"\n{d.name}:\n  " + "\n  ".join(d.seg.sentences[i].text.replace("\n", " ") for i in picks))


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def readout_table(docs: Sequence[Doc], labels: dict, systems: list[tuple[str, Picker]]) -> None:
    """Blind labels: per readout, `message` quotes (the substance) and `framing` quotes. A
    summary carries the message if one of its sentences matches a message quote (`overlaps`)."""
    by_name = {d.name: d for d in docs}
    items = _label_items(labels)
    known = [(by_name[k], v) for k, v in items if k in by_name]
    print(f"\nReadouts with blind labels ({len(known)} Netanyahu readouts, {READOUT_LABELS[0].name}):\n")
    print(
        "| system | summary carries a message quote | holds no framing quote | message and fewer framing than Lead-3 "
        "| message points per summary | framing points per summary |"
    )
    print("|---|---|---|---|---|---|")

    def count(d: Doc, idx: Sequence[int], quotes: Sequence[str]) -> int:
        """How many of the sentences `idx` of `d` match one of the quotes."""
        return sum(any(overlaps(d.seg.sentences[i].text, q) for q in quotes) for i in idx)

    for name, p in systems:
        carry = free = better = messages = framings = 0
        for d, lab in known:
            picks = p(d)
            msg = count(d, picks, lab["message"]) > 0
            frames = count(d, picks, lab["framing"])
            carry += msg
            free += frames == 0
            messages += count(d, picks, lab["message"])
            framings += frames
            better += msg and frames < count(d, lead3(d), lab["framing"]) or (msg and frames == 0)
        n = max(1, len(known))
        print(
            f"| {name} | {carry / n:.2f} | {free / n:.2f} | {better / n:.2f} "
            f"| {messages / n:.2f} | {framings / n:.2f} |"
        )


def _label_items(labels: dict) -> list[tuple[str, dict]]:
    """The label file's readouts as (document id, {"message": [...], "framing": [...]})."""
    return [
        (
            Path(str(r["doc"])).stem,
            {"message": list(r.get("message_quotes", [])), "framing": list(r.get("framing_quotes", []))},
        )
        for r in labels["docs"]
    ]


def overlaps(sentence: str, quote: str) -> bool:
    """A summary sentence matches a labeled quote when they share at least 4 words and at least
    70% of the shorter one's words (quotes are spans; the segmenter may cut a wrapped line)."""
    a, b = set(_norm(sentence).split()), set(_norm(quote).split())
    common = len(a & b)
    return common >= 4 and common >= 0.7 * min(len(a), len(b))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("calibrate", help="grid search on the tuning halves")
    c.add_argument("--write", action="store_true", help="write the winner into calibration.json")
    c.add_argument("--only", choices=["alone", "series"], help="search one setting, keep the other's shipped weights")
    e = sub.add_parser("evaluate", help="held-out figures")
    e.add_argument("--show", action="store_true", help="print the held-out FOMC and readout summaries")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"summaries.py: {DATA} not found; this script needs ../shared/data beside the checkout")
    {"calibrate": calibrate, "evaluate": evaluate}[args.command](args)


if __name__ == "__main__":
    main()
