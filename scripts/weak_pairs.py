"""python scripts/weak_pairs.py: how often a changed pair, by its pair probability, is a pair a
blind labeler makes (the same claim, edited), per genre and label role.

A brief marks a changed pair under 0.5 ("weak pair", "paired by place") and says in its header
how often such a pair joins two messages; this prints the figures it quotes. A pair counts as
right when every later sentence of it is paired by the labeler with one of its earlier sentences.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the repository root: the evaluation package

from compare import pipeline  # noqa: E402
from compare.embed import TransformerEmbedder  # noqa: E402
from compare.types import WEAK_PAIR, Status  # noqa: E402
from evaluation import fomc, labels, readouts  # noqa: E402

BANDS = (0.0, 0.2, 0.35, WEAK_PAIR, 1.01)


def band(p: float) -> str:
    lo = max(b for b in BANDS if b <= p)
    hi = min(b for b in BANDS if b > p)
    return f"{lo:.2f}-{min(hi, 1.0):.2f}"


def main() -> None:
    embedder = TransformerEmbedder()
    model = pipeline.pair_model()
    print("| genre | labels | pair probability | changed pairs a labeler makes |")
    print("|---|---|---|--:|")
    for genre in ("fomc", "readouts"):
        for role in ("tuning", "held-out"):
            tally: dict[str, list[int]] = {}
            for name in labels.files(genre, role):
                raw = json.loads((ROOT / "tests" / "fixtures" / name).read_text("utf-8"))
                if genre == "fomc":
                    items = [
                        (p, {k: set(v[1]) for k, v in p.want.items()}) for p in fomc.prepare(raw, fomc.FOMC, embedder)
                    ]
                else:
                    folder = readouts.READOUTS / readouts.series(raw)
                    items = [(i.pair, dict(i.partners)) for i in readouts.read_labels(raw, folder, embedder)]
                for p, partners in items:
                    for c in pipeline.compare(p.before, p.after, p.before_words, p.after_words, model, embedder):
                        if c.status is not Status.CHANGED or c.pair_probability is None:
                            continue
                        right = all(set(partners.get(("after", j), ())) & set(c.before) for j in c.after)
                        t = tally.setdefault(band(c.pair_probability), [0, 0])
                        t[0] += right
                        t[1] += 1
            for key in sorted(tally):
                print(f"| {genre} | {role} | {key} | {tally[key][0]} of {tally[key][1]} |")


if __name__ == "__main__":
    main()
