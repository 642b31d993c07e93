"""Evaluate the aligner on labeled document pairs: per-sentence agreement and precision /
recall per status, for compare's aligner and for the naive one (cosine threshold plus
assignment), and how often two human labelers agree.

A sentence counts as right when its status matches the label and, for a paired sentence,
its partner sentences match too ("status only" columns: when its status matches). Labels
(consecutive FOMC statements from ../shared/data/fomc, every sentence labeled;
`scripts/label_sheet.py` prints the sheets the labelers worked from):

- fomc_labels.json: 3 pairs labeled while looking at the aligner's output;
- fomc_labels_blind.json, fomc_labels_dev.json: 4 + 11 pairs labeled blind;
- fomc_labels_test1.json: 9 pairs labeled blind and held out until one version of the aligner
  was measured on them (0.939); since then used for tuning like the three files above;
- fomc_labels_test1_second.json: 5 of those pairs labeled again by another labeler;
- fomc_labels_test2.json: 12 pairs labeled blind afterwards, held out until the next version
  was measured on them (0.951); since then used for tuning (scripts/calibrate.py fits the slot
  and join settings on the tuning files: TUNING);
- fomc_labels_test3.json: 12 pairs labeled blind afterwards, held out until the next version
  was measured on them (0.900); since then used for tuning;
- fomc_labels_test3_second.json: all 12 of those pairs labeled again by two other labelers;
- fomc_labels_test4.json: 12 pairs labeled blind afterwards, held out until the next version
  was measured on them (0.946; 0.978 status only); since then used for tuning;
- fomc_labels_test5.json: 12 pairs labeled blind afterwards, held out until the next version
  was measured on them (0.873; 0.909 status only); since then used for tuning;
- fomc_labels_test6.json, fomc_labels_test7.json: 12 + 12 pairs labeled blind afterwards,
  held out until the aligner of commit 62d9f0c was measured on them (0.927 and 0.868; 0.963
  and 0.930 status only); since then used for tuning;
- fomc_labels_test8.json: 12 pairs labeled blind afterwards, held out until the aligner
  calibrated with test6 and test7 in tuning was measured on them (0.868; 0.932 status only);
  since then used for tuning;
- fomc_labels_test9.json: 12 pairs labeled blind afterwards, held out until the aligner
  calibrated with test8 in tuning was measured on them (0.917; 0.942 status only); since then
  used for tuning;
- fomc_labels_test10.json, fomc_labels_test11.json: 12 + 12 pairs labeled blind afterwards,
  never used for fitting or tuning: the test (HELD_OUT), each measured once on the aligner
  calibrated with test9 in tuning (0.977 and 0.954; 0.980 and 0.977 status only).

Run: python scripts/evaluate.py [LABELS.json ...]   (default: all of the above; the last row of
the table pools the files given)
"""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from compare import align, classify, load, pipeline, segment  # noqa: E402
from compare.embed import Embedder, TransformerEmbedder  # noqa: E402
from compare.summarize import Segmented  # noqa: E402
from compare.types import Sentence  # noqa: E402
from evaluation import labels  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
# the label sets and their roles: tests/fixtures/labels.json
TUNING = labels.files("fomc", "tuning")
HELD_OUT = labels.files("fomc", "held-out")
SECOND = labels.second_labelings("fomc")
"""Label files of which some or all pairs were labeled again by other labelers."""
FOMC = ROOT.parent / "shared" / "data" / "fomc"
STATUSES = ("repeated", "changed", "new", "dropped")

Labels = dict[tuple[str, int], tuple[str, tuple[int, ...]]]


def sentence_labels(claims: list[dict[str, Any]]) -> Labels:
    """(side, index) -> (status, partner indices on the other side)."""
    out = {}
    for c in claims:
        for i in c["before"]:
            out[("before", i)] = (c["status"], tuple(c["after"]))
        for j in c["after"]:
            out[("after", j)] = (c["status"], tuple(c["before"]))
    return out


@dataclass(frozen=True)
class Pair:
    """A labeled document pair, segmented and embedded once."""

    name: str
    before: Segmented
    after: Segmented
    before_words: list[list[str]]
    after_words: list[list[str]]
    want: Labels


def read_side(path: Path, embedder: Embedder) -> tuple[Segmented, list[list[str]]]:
    """One document as the aligner takes it: its sentences with their vectors, and their words."""
    sentences = segment.segment(load.read(path))
    return Segmented(sentences, embedder.embed([s.text for s in sentences])), [segment.words(s.text) for s in sentences]


def prepare(labels: dict[str, Any], folder: Path, embedder: Embedder) -> list[Pair]:
    out = []
    for pair in labels["pairs"]:
        (before, before_words), (after, after_words) = (
            read_side(folder / name, embedder) for name in (pair["before"], pair["after"])
        )
        want = sentence_labels(pair["claims"])
        have = {("before", k) for k in range(len(before_words))} | {("after", k) for k in range(len(after_words))}
        if set(want) != have:
            raise SystemExit(
                f"evaluate: segmentation of {pair['before']} / {pair['after']} no longer matches the labels"
            )
        out.append(Pair(f"{pair['before']}->{pair['after']}", before, after, before_words, after_words, want))
    return out


def ours(model: align.PairModel, embedder: Embedder | None = None) -> Callable[[Pair], Labels]:
    """compare's aligner and classifier; with the `embedder`, fillers of one frame are judged too
    (as the CLI does)."""

    def run(p: Pair) -> Labels:
        claims = pipeline.compare(p.before, p.after, p.before_words, p.after_words, model, embedder)
        return sentence_labels([{"status": c.status.value, "before": c.before, "after": c.after} for c in claims])

    return run


def naive(p: Pair) -> Labels:
    """Cosine threshold plus assignment; a pair is repeated when the texts are the same."""
    from scipy.optimize import linear_sum_assignment

    cos = p.before.vectors @ p.after.vectors.T
    threshold = naive_threshold()
    rows, cols = linear_sum_assignment(cos, maximize=True) if cos.size else ([], [])
    pairs = {int(i): int(j) for i, j in zip(rows, cols, strict=True) if cos[i, j] >= threshold}
    claims: list[dict[str, Any]] = []
    for i, j in pairs.items():
        same = classify.normalized(p.before.sentences[i].text) == classify.normalized(p.after.sentences[j].text)
        claims.append({"status": "repeated" if same else "changed", "before": [i], "after": [j]})
    claims += [
        {"status": "dropped", "before": [i], "after": []} for i in range(len(p.before.sentences)) if i not in pairs
    ]
    paired = set(pairs.values())
    claims += [{"status": "new", "before": [], "after": [j]} for j in range(len(p.after.sentences)) if j not in paired]
    return sentence_labels(claims)


def evaluate(pairs: list[Pair], aligner: Callable[[Pair], Labels]) -> dict[str, Any]:
    """Agreement of `aligner` with the labels, per sentence, and precision / recall per status."""
    return score([(p.name, p.want, aligner(p)) for p in pairs])


def score(runs: list[tuple[str, Labels, Labels]]) -> dict[str, Any]:
    right = total = status_right = 0
    predicted: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    errors = []
    for name, want, got in runs:
        for key, (status, partners) in want.items():
            total += 1
            gold[status] += 1
            predicted[got[key][0]] += 1
            status_right += got[key][0] == status
            if got[key] == (status, partners):
                right += 1
                hit[status] += 1
            else:
                errors.append(f"{name} {key}: want {status} {partners}, got {got[key]}")
    return {
        "sentences": total,
        "agreement": right / total if total else 0.0,
        "status_agreement": status_right / total if total else 0.0,
        "per_status": {
            s: {
                "precision": hit[s] / predicted[s] if predicted[s] else None,
                "recall": hit[s] / gold[s] if gold[s] else None,
                "gold": gold[s],
            }
            for s in STATUSES
        },
        "errors": errors,
    }


def pooled(rows: list[tuple[str, int, dict[str, Any], dict[str, Any]]]) -> tuple[int, dict[str, Any], dict[str, Any]]:
    """Sentence-weighted agreement of compare and of the naive aligner over several label files."""
    total = sum(count for _, count, _, _ in rows)

    def mean(results: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
        return {key: sum(count * r[key] for count, r in results) / total for key in ("agreement", "status_agreement")}

    return total, mean([(count, a) for _, count, a, _ in rows]), mean([(count, b) for _, count, _, b in rows])


def human_agreement(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """How often a second labeler gives a sentence the first labeler's status and partners."""
    theirs = {(p["before"], p["after"]): sentence_labels(p["claims"]) for p in second["pairs"]}
    runs = [
        (f"{p['before']}->{p['after']}", sentence_labels(p["claims"]), theirs[(p["before"], p["after"])])
        for p in first["pairs"]
        if (p["before"], p["after"]) in theirs
    ]
    return score(runs)


def report(title: str, result: dict[str, Any], misses: bool = True) -> None:
    print(f"\n{title}: sentences: {result['sentences']}  agreement: {result['agreement']:.3f}")
    print("| status | precision | recall | gold sentences |\n|---|---|---|---|")
    for s, r in result["per_status"].items():
        fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
        print(f"| {s} | {fmt(r['precision'])} | {fmt(r['recall'])} | {r['gold']} |")
    for e in result["errors"] if misses else ():
        print("  miss:", e)


def main() -> None:
    names = sys.argv[1:] or [*TUNING, *HELD_OUT]
    if not FOMC.is_dir():
        sys.exit(f"evaluate: {FOMC} not found (needs ../shared/data beside the checkout)")
    embedder = TransformerEmbedder()
    model = pipeline.pair_model()
    summary: list[tuple[str, int, dict[str, Any], dict[str, Any] | None]] = []
    for name in names:
        path = Path(name) if Path(name).exists() else FIXTURES / name
        labels = json.loads(path.read_text(encoding="utf-8"))
        pairs = prepare(labels, FOMC, embedder)
        result, simple = evaluate(pairs, ours(model, embedder)), evaluate(pairs, naive)
        report(f"{path.name} (compare)", result)
        report(f"{path.name} (naive)", simple, misses=False)
        summary.append((path.name, result["sentences"], result, simple))
        if second := SECOND.get(path.name):
            humans = human_agreement(labels, json.loads((FIXTURES / second).read_text(encoding="utf-8")))
            summary.append((f"{second} (two labelers)", humans["sentences"], humans, None))
    print(
        "\n| labels | sentences | compare | naive | compare, status only | naive, status only |"
        "\n|---|---|---|---|---|---|"
    )
    labeled = [(name, count, a, b) for name, count, a, b in summary if b is not None]
    if len(labeled) > 1:
        summary.append((f"all {len(labeled)} files above, pooled", *pooled(labeled)))
    for name, count, a, b in summary:
        cells = [a["agreement"], b and b["agreement"], a["status_agreement"], b and b["status_agreement"]]
        print(f"| {name} | {count} | " + " | ".join("-" if v is None else f"{v:.3f}" for v in cells) + " |")
    print("\nParaphrase (MRPC test paraphrase pairs as restated facts, other stories as new facts):")
    print("| aligner | restated facts paired right | new facts left new |\n|---|---|---|")
    figures = paraphrase_eval(embedder, mrpc_paraphrases(FOMC.parent / "similarity"))
    for name, r in figures.items():
        print(f"| {name} | {r['restated_paired']:.3f} (of {r['restated']}) | {r['new_kept_new']:.3f} (of {r['new']}) |")


def paraphrase_documents(
    rows: list[tuple[str, str]], seed: int = 7, docs: int = 40, restated: int = 6, dropped: int = 2, new: int = 3
) -> list[dict[str, Any]]:
    """Synthetic document pairs from MRPC paraphrase pairs (the same fact told by two news
    writers): the earlier document holds restated + dropped facts, the later one the
    paraphrases of the restated facts, shuffled, plus new facts from other stories."""
    import random

    rng = random.Random(seed)
    pool = rows[:]
    rng.shuffle(pool)
    out = []
    take = restated + dropped + new
    for k in range(docs):
        chunk = pool[k * take : (k + 1) * take]
        if len(chunk) < take:
            break
        kept, gone, fresh = chunk[:restated], chunk[restated : restated + dropped], chunk[restated + dropped :]
        before = [a for a, _ in kept + gone]
        after_items = [(b, i) for i, (_, b) in enumerate(kept)] + [(b, None) for _, b in fresh]
        rng.shuffle(after_items)
        out.append({"before": before, "after": [t for t, _ in after_items], "partner": [i for _, i in after_items]})
    return out


def paraphrase_eval(embedder: Embedder, rows: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Restated facts paired with the right sentence, and new facts left `new`, for the
    calibrated aligner and for the naive one (cosine threshold + assignment)."""
    aligners = {"ours": ours(pipeline.pair_model(), embedder), "naive": naive}
    counts = {name: [0, 0, 0, 0] for name in aligners}  # restated right, restated, new right, new
    for k, d in enumerate(paraphrase_documents(rows)):
        sides = [Segmented(_sentences(d[s]), embedder.embed(d[s])) for s in ("before", "after")]
        words = [[segment.words(t) for t in d[s]] for s in ("before", "after")]
        pair = Pair(f"paraphrase {k}", sides[0], sides[1], words[0], words[1], {})
        for name, aligner in aligners.items():
            got, c = aligner(pair), counts[name]
            for j, partner in enumerate(d["partner"]):
                status, partners = got[("after", j)]
                if partner is None:
                    c[3] += 1
                    c[2] += status == "new"
                else:
                    c[1] += 1
                    c[0] += partners == (partner,)
    return {
        n: {"restated_paired": c[0] / c[1], "new_kept_new": c[2] / c[3], "restated": c[1], "new": c[3]}
        for n, c in counts.items()
    }


def _sentences(texts: list[str]) -> tuple[Sentence, ...]:
    return tuple(Sentence(i, t, 0, len(t)) for i, t in enumerate(texts))


@functools.cache
def naive_threshold() -> float:
    """The cosine at which the calibrated cosine-only model says 'same claim'."""
    naive = pipeline.calibration()["figures"]["cosine only (naive)"]
    w, b = naive["weights"]
    t = naive["threshold"]
    return (align.log_odds(t) - b) / w


def mrpc_paraphrases(folder: Path) -> list[tuple[str, str]]:
    import csv

    with open(folder / "mrpc" / "msr_paraphrase_test.txt", encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        return [(r[3], r[4]) for r in reader if len(r) == 5 and r[0] == "1"]


if __name__ == "__main__":
    main()
