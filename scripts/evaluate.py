"""Evaluate the aligner on labeled document pairs: per-sentence agreement and precision /
recall per status.

A sentence counts as right when its status matches the label and, for a paired sentence,
its partner sentences match too. Labels: tests/fixtures/fomc_labels.json (consecutive FOMC
statements from ../shared/data/fomc, every sentence labeled).

Run: python scripts/evaluate.py [LABELS.json]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from compare import pipeline  # noqa: E402
from compare.embed import Embedder, TransformerEmbedder  # noqa: E402
from compare.summarize import ExtractiveSummarizer  # noqa: E402

LABELS = ROOT / "tests" / "fixtures" / "fomc_labels.json"
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
        got = sentence_labels([
            {"status": c.status.value, "before": list(c.before), "after": list(c.after)} for c in comparison.claims
        ])
        want = sentence_labels(pair["claims"])
        if set(got) != set(want):
            raise SystemExit(f"evaluate: segmentation of {pair['before']} / {pair['after']} no longer matches the labels")
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
            s: {"precision": hit[s] / predicted[s] if predicted[s] else None,
                "recall": hit[s] / gold[s] if gold[s] else None, "gold": gold[s]}
            for s in STATUSES
        },
        "errors": errors,
    }


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else LABELS
    if not FOMC.is_dir():
        sys.exit(f"evaluate: {FOMC} not found (needs ../shared/data beside the checkout)")
    result = evaluate(json.loads(path.read_text(encoding="utf-8")), FOMC, TransformerEmbedder())
    print(f"sentences: {result['sentences']}  agreement: {result['agreement']:.3f}")
    print("| status | precision | recall | gold sentences |\n|---|---|---|---|")
    for s, r in result["per_status"].items():
        fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
        print(f"| {s} | {fmt(r['precision'])} | {fmt(r['recall'])} | {r['gold']} |")
    for e in result["errors"]:
        print("  miss:", e)


if __name__ == "__main__":
    main()
