"""ROUGE-1/2/L/Lsum of our summarizers beside published baselines, on one pipeline.

    python benchmarks/rouge.py                 # the table in README ("Summary quality")
    python benchmarks/rouge.py --calibrate-support   # + the support bar for generated points
    python benchmarks/rouge.py --abstractive   # + the abstractive default (slow: ~1 min/article);
                                               #   its row is labeled with the date and command

The extractive weights are fitted by `scripts/summaries.py calibrate` (news, FOMC, readouts);
this table is the news view of them.

Data: the 100 CNN/DailyMail test articles that SummEval annotated
(../shared/data/summarization/summeval_cnndm_test100.jsonl, PTB-tokenized), scored against
their `reference` highlights with rouge-score (stemming on), F1 x 100. Every system that
selects sentences (ours, Lead-3, LexRank, TextRank) uses our own segmenter, so the rows differ
only in which sentences they pick; M0 (Lead-3), M22 (BART) and M23 (PEGASUS) are SummEval's
bundled outputs. ROUGE-L is computed on the summary as one string; ROUGE-Lsum (the figure
papers usually report as "ROUGE-L" for CNN/DM) on its sentences joined by newlines, every
summary and reference split by our segmenter.

This is a benchmark, not part of the package: it reads ../shared only when run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from compare import segment  # noqa: E402
from compare.summarize import ExtractiveSummarizer, Segmented, Weights  # noqa: E402
from compare.types import Document  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "summarization" / "summeval_cnndm_test100.jsonl"
POINTS = 3
_FLAT = Weights(lead=0.0, long=0.0, centroid_decay=0.0)
CENTROID_ONLY = ExtractiveSummarizer(_FLAT, _FLAT, redundancy=0.0)


def load_articles(path: Path = DATA) -> list[dict]:
    if not path.is_file():
        sys.exit(
            f"rouge.py: {path} not found. This benchmark needs the shared data folder "
            "(../shared/data beside the checkout); it is not part of the package."
        )
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def as_document(row: dict) -> Document:
    return Document(row["id"], row["id"], dt.date(2015, 1, 1), None, row["article"])


def segmented(rows: Sequence[dict]) -> list[Segmented]:
    from compare.embed import TransformerEmbedder

    embedder = TransformerEmbedder()
    out = []
    for row in rows:
        sentences = segment.segment(as_document(row))
        out.append(Segmented(sentences, embedder.embed([s.text for s in sentences])))
    return out


def scorer():  # type: ignore[no-untyped-def]
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)


def lines(text: str) -> str:
    """The text's sentences (our segmenter) joined by newlines, as ROUGE-Lsum expects."""
    return "\n".join(s.text for s in segment.segment(as_document({"id": "x", "article": text}))) or text


def rouge(summaries: Sequence[str], references: Sequence[str]) -> tuple[float, float, float, float]:
    """(ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-Lsum) F1 x 100, averaged over the articles."""
    s = scorer()
    scores = [s.score(lines(ref), lines(hyp)) for hyp, ref in zip(summaries, references, strict=True)]
    return tuple(  # type: ignore[return-value]
        100 * float(np.mean([x[k].fmeasure for x in scores])) for k in ("rouge1", "rouge2", "rougeL", "rougeLsum")
    )


def ours(docs: Sequence[Segmented], summarizer: ExtractiveSummarizer) -> list[str]:
    return ["\n".join(p.text for p in summarizer.summarize(d, POINTS).points) for d in docs]


def lead3(docs: Sequence[Segmented]) -> list[str]:
    return ["\n".join(s.text for s in d.sentences[:POINTS]) for d in docs]


class _Words:
    """sumy's tokenizer interface over our segmenter (sumy's own needs nltk punkt data)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(segment.words(sentence))


def sumy_summaries(docs: Sequence[Segmented], algorithm: str) -> list[str]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    words = _Words()
    cls = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[algorithm]
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    out = []
    for d in docs:
        model = ObjectDocumentModel([Paragraph([SumySentence(s.text, words) for s in d.sentences])])
        picked = {str(s) for s in summarizer(model, POINTS)}
        out.append(" ".join(s.text for s in d.sentences if s.text in picked))
    return out


def calibrate_support(rows: Sequence[dict], docs: Sequence[Segmented]) -> None:
    """The support bar for generated points. Positives: each reference sentence against its
    own article (a faithful human summary point); negatives: the same sentence against the
    next article (a point the source does not say). Support = best MiniLM cosine with any
    article sentence. An invented claim costs a reader more than a flagged true one, so the
    bar is the smallest at which at most 1% of foreign sentences pass (Youden's J, which
    weighs both errors alike, is printed for comparison)."""
    from compare.embed import TransformerEmbedder
    from compare.summarize import evidence

    embedder = TransformerEmbedder()
    pos: list[float] = []
    neg: list[float] = []
    for k, row in enumerate(rows):
        ref = segment.segment(as_document({"id": "ref", "article": row["reference"]}))
        vectors = embedder.embed([s.text for s in ref])
        for v in vectors:
            pos.append(evidence(v, docs[k].vectors)[1])
            neg.append(evidence(v, docs[(k + 1) % len(docs)].vectors)[1])
    p, n = np.array(pos), np.array(neg)
    bars = np.round(np.arange(0.2, 0.9, 0.01), 2)
    j = [(p >= b).mean() - (n >= b).mean() for b in bars]
    best = float(bars[int(np.argmax(j))])
    strict = float(next(b for b in bars if (n >= b).mean() <= 0.01))
    print(f"\nSupport calibration on {len(p)} reference sentences (own article vs next article):")
    print(f"support quantiles own article  5/25/50%: {np.percentile(p, [5, 25, 50]).round(3)}")
    print(f"support quantiles other article 50/95/99%: {np.percentile(n, [50, 95, 99]).round(3)}")
    for b in sorted({best, strict, 0.5, 0.55, 0.6}):
        print(
            f"bar {b:.2f}: reference sentences supported {100 * (p >= b).mean():.1f}%, "
            f"foreign sentences supported {100 * (n >= b).mean():.1f}%"
        )
    print(f"best balanced-accuracy bar: {best:.2f}; chosen bar (<=1% foreign pass): {strict:.2f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=100, help="Score only the first N articles.")
    parser.add_argument("--abstractive", action="store_true", help="Also score the abstractive default.")
    parser.add_argument(
        "--calibrate-support",
        action="store_true",
        help="Also measure the support bar for generated points.",
    )
    args = parser.parse_args(argv)
    rows = load_articles()[: args.limit]
    refs = [r["reference"] for r in rows]
    print(f"embedding {len(rows)} articles with MiniLM...", file=sys.stderr)
    docs = segmented(rows)
    systems: list[tuple[str, Callable[[], list[str]]]] = [
        ("compare extractive (default)", lambda: ours(docs, ExtractiveSummarizer())),
        (
            "compare centroid only (no lead, no MMR)",
            lambda: ours(docs, CENTROID_ONLY),
        ),
        ("Lead-3 (our segmenter)", lambda: lead3(docs)),
        ("M0 Lead-3 (SummEval output)", lambda: [r["systems"]["M0"]["summary"] for r in rows]),
        ("M22 BART (SummEval output)", lambda: [r["systems"]["M22"]["summary"] for r in rows]),
        ("M23 PEGASUS (SummEval output)", lambda: [r["systems"]["M23"]["summary"] for r in rows]),
        ("sumy LexRank (our segmenter)", lambda: sumy_summaries(docs, "lexrank")),
        ("sumy TextRank (our segmenter)", lambda: sumy_summaries(docs, "textrank")),
    ]
    if args.abstractive:
        command = "python benchmarks/rouge.py --abstractive" + (f" --limit {args.limit}" if args.limit != 100 else "")
        label = (
            f"compare abstractive (SmolLM2-135M, withheld points replaced by extractive fill; "
            f"measured {dt.date.today().isoformat()} by `{command}`)"
        )
        systems.append((label, lambda: abstractive(docs)))
    print(f"\nROUGE F1 x 100 on {len(rows)} SummEval CNN/DM articles vs `reference`, rouge-score with stemming:\n")
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-L | ROUGE-Lsum |")
    print("|---|---|---|---|---|")
    for name, run in systems:
        r1, r2, rl, rlsum = rouge(run(), refs)
        print(f"| {name} | {r1:.1f} | {r2:.1f} | {rl:.1f} | {rlsum:.1f} |", flush=True)
    if args.calibrate_support:
        calibrate_support(rows, docs)


def abstractive(docs: Sequence[Segmented]) -> list[str]:
    from compare.abstractive import AbstractiveSummarizer
    from compare.embed import TransformerEmbedder

    s = AbstractiveSummarizer(TransformerEmbedder(), progress=lambda m: print(m, file=sys.stderr))
    return ["\n".join(p.text for p in s.summarize(d, POINTS).points) for d in docs]


if __name__ == "__main__":
    main()
