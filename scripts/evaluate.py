"""Evaluate the aligner on labeled document pairs: per-sentence agreement and precision /
recall per status.

A sentence counts as right when its status matches the label and, for a paired sentence,
its partner sentences match too. Labels: tests/fixtures/fomc_labels.json (consecutive FOMC
statements from ../shared/data/fomc, every sentence labeled).

Run: python scripts/evaluate.py [LABELS.json ...]   (default: both label files below)
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from compare import classify, pipeline  # noqa: E402
from compare.embed import Embedder, TransformerEmbedder  # noqa: E402
from compare.summarize import ExtractiveSummarizer  # noqa: E402
from compare.types import Sentence  # noqa: E402

LABELS = (
    ROOT / "tests" / "fixtures" / "fomc_labels.json",  # labeled while looking at the aligner's output
    ROOT / "tests" / "fixtures" / "fomc_labels_blind.json",  # labeled without seeing it: held out
)
FOMC = ROOT.parent / "shared" / "data" / "fomc"
STATUSES = ("repeated", "changed", "new", "dropped")


def sentence_labels(claims: list[dict[str, Any]]) -> dict[tuple[str, int], tuple[str, tuple[int, ...]]]:
    """(side, index) -> (status, partner indices on the other side)."""
    out = {}
    for c in claims:
        for i in c["before"]:
            out[("before", i)] = (c["status"], tuple(c["after"]))
        for j in c["after"]:
            out[("after", j)] = (c["status"], tuple(c["before"]))
    return out


def evaluate(labels: dict[str, Any], folder: Path, embedder: Embedder) -> dict[str, Any]:
    right = total = 0
    predicted: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    errors = []
    for pair in labels["pairs"]:
        brief = pipeline.run([folder / pair["before"], folder / pair["after"]], embedder, ExtractiveSummarizer())
        comparison = brief.comparisons[0]
        got = sentence_labels(
            [{"status": c.status.value, "before": list(c.before), "after": list(c.after)} for c in comparison.claims]
        )
        want = sentence_labels(pair["claims"])
        if set(got) != set(want):
            raise SystemExit(
                f"evaluate: segmentation of {pair['before']} / {pair['after']} no longer matches the labels"
            )
        for key, (status, partners) in want.items():
            total += 1
            gold[status] += 1
            predicted[got[key][0]] += 1
            if got[key] == (status, partners):
                right += 1
                hit[status] += 1
            else:
                errors.append(f"{pair['before']}->{pair['after']} {key}: want {status} {partners}, got {got[key]}")
    return {
        "sentences": total,
        "agreement": right / total,
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


def main() -> None:
    paths = [Path(a) for a in sys.argv[1:]] or list(LABELS)
    if not FOMC.is_dir():
        sys.exit(f"evaluate: {FOMC} not found (needs ../shared/data beside the checkout)")
    embedder = TransformerEmbedder()
    for path in paths:
        result = evaluate(json.loads(path.read_text(encoding="utf-8")), FOMC, embedder)
        print(f"\n{path.name}: sentences: {result['sentences']}  agreement: {result['agreement']:.3f}")
        print("| status | precision | recall | gold sentences |\n|---|---|---|---|")
        for s, r in result["per_status"].items():
            fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
            print(f"| {s} | {fmt(r['precision'])} | {fmt(r['recall'])} | {r['gold']} |")
        for e in result["errors"]:
            print("  miss:", e)
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
    from scipy.optimize import linear_sum_assignment

    from compare import align
    from compare.segment import words

    model = pipeline.pair_model()
    naive = _naive_threshold()
    counts = {"ours": [0, 0, 0, 0], "naive": [0, 0, 0, 0]}  # restated right, restated, new right, new
    for d in paraphrase_documents(rows):
        bv, av = embedder.embed(d["before"]), embedder.embed(d["after"])
        bw = [set(words(t)) for t in d["before"]]
        aw = [set(words(t)) for t in d["after"]]
        beads = align.align(bv, av, bw, aw, model)
        ours = {
            c.after[0]: c.before
            for c in classify.claims(beads, _sentences(d["before"]), _sentences(d["after"]))
            if len(c.after) == 1 and c.before
        }
        cos = bv @ av.T
        rows_, cols = linear_sum_assignment(cos, maximize=True)
        simple = {int(j): (int(i),) for i, j in zip(rows_, cols, strict=True) if cos[i, j] >= naive}
        for name, pairing in (("ours", ours), ("naive", simple)):
            c = counts[name]
            for j, partner in enumerate(d["partner"]):
                got = pairing.get(j, ())
                if partner is None:
                    c[3] += 1
                    c[2] += got == ()
                else:
                    c[1] += 1
                    c[0] += got == (partner,)
    return {
        n: {"restated_paired": c[0] / c[1], "new_kept_new": c[2] / c[3], "restated": c[1], "new": c[3]}
        for n, c in counts.items()
    }


def _sentences(texts: list[str]) -> list[Sentence]:
    return [Sentence(i, t, 0, len(t)) for i, t in enumerate(texts)]


def _naive_threshold() -> float:
    """The cosine at which the calibrated cosine-only model says 'same claim'."""
    import math
    from importlib import resources

    raw = json.loads(resources.files("compare").joinpath("calibration.json").read_text("utf-8"))
    naive = raw["figures"]["cosine only (naive)"]
    w, b = naive["weights"]
    t = naive["threshold"]
    return (math.log(t / (1 - t)) - b) / w


def mrpc_paraphrases(folder: Path) -> list[tuple[str, str]]:
    import csv

    with open(folder / "mrpc" / "msr_paraphrase_test.txt", encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        return [(r[3], r[4]) for r in reader if len(r) == 5 and r[0] == "1"]


if __name__ == "__main__":
    main()
