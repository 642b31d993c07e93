"""Generate SmolLM2 summary points to label by hand (faithful / invented / filler).

    PYTHONPATH=src python scripts/abstractive_points.py --out /tmp/points.json [--articles 50:62]

Writes one row per generated point: the document (a SummEval CNN/DM article or a seed), the
point's text and the text of its document, so that labels can be written beside them and
`scripts/faithfulness.py` can refit and score the support rule without re-generating (SmolLM2
takes about a minute an article on two cores). Reads ../shared when it is beside the checkout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from compare import segment  # noqa: E402
from compare.summarize import Segmented  # noqa: E402
from compare.types import Document  # noqa: E402

CNNDM = ROOT.parent / "shared" / "data" / "summarization" / "summeval_cnndm_test100.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--articles", default="50:62", help="slice of the SummEval articles, e.g. 50:62")
    parser.add_argument("--points", type=int, default=3)
    parser.add_argument("--no-seeds", action="store_true")
    args = parser.parse_args()
    from compare.abstractive import AbstractiveSummarizer
    from compare.embed import TransformerEmbedder

    embedder = TransformerEmbedder()
    summarizer = AbstractiveSummarizer(embedder, progress=lambda m: print(m, file=sys.stderr))
    docs: list[tuple[str, str]] = []
    if not args.no_seeds:
        docs += [(p.name, p.read_text("utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    a, b = (int(x) for x in args.articles.split(":"))
    rows = [json.loads(line) for line in CNNDM.read_text("utf-8").splitlines() if line.strip()][a:b]
    docs += [(f"cnndm:{r['id']}", r["article"]) for r in rows]
    out: list[dict] = []
    for name, text in docs:
        sentences = segment.segment(Document(name, name, dt.date(2020, 1, 1), None, text))
        doc = Segmented(sentences, embedder.embed([s.text for s in sentences]))
        raw = summarizer.generate_points(doc, args.points) if hasattr(summarizer, "generate_points") else None
        summary = summarizer.summarize(doc, args.points)
        texts = raw if raw is not None else [p.text for p in summary.points]
        for t in texts:
            out.append({"document": name, "point": t, "label": None})
        print(f"{name}: {len(texts)} points", file=sys.stderr)
        args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
