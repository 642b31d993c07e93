"""api: compare as a library. Read documents, build a brief, render it.

    import compare

    documents = compare.read("a.txt", "b.txt", ("The Committee decided ...", "2024-01-31"))
    brief = compare.brief(documents)
    brief.to_markdown()   # also .to_html(), .to_json(); a brief shows itself in Jupyter

Errors are `compare.CompareError` subclasses with a sentence a user can act on, as in the CLI.
Nothing heavy is imported until a brief is built (torch only when a model is first used).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, Union

from . import load
from .errors import DateError, UsageError
from .types import Baseline, Brief, Document, SummarizerKind, WatchGroup

if TYPE_CHECKING:
    from .abstractive import Prompt
    from .embed import Embedder
    from .summarize import Summarizer

E = TypeVar("E", bound=StrEnum)

Source = Union[str, "os.PathLike[str]", tuple[str, "str | dt.date | None"], Document]
"""A path, a ``(text, date)`` pair (date as ``datetime.date`` or ``"YYYY-MM-DD"``; ``None``
when the text starts with ``date YYYY-MM-DD``), or a `Document` already read."""


def read(*sources: Source | Iterable[Source]) -> list[Document]:
    """Documents from paths or from ``(text, date)`` pairs, ordered by date, then name.

    A text is named ``text-1``, ``text-2``, ... by its position among the sources; a path
    is read as the CLI reads it (encodings, front matter, a date from the file name). Lists
    of sources are flattened, so ``read(sorted(Path("fomc").glob("*.txt")))`` works."""
    documents = []
    for k, source in enumerate(_flat(sources), start=1):
        if isinstance(source, Document):
            documents.append(source)
        elif isinstance(source, tuple):
            documents.append(_from_text(source, f"text-{k}"))
        else:
            documents.append(load.read(Path(source)))
    documents.sort(key=lambda d: (d.date, Path(d.path).name, d.path))
    return load.unique_ids(documents)


def brief(
    documents: Source | Iterable[Source],
    *,
    baseline: Baseline | str = Baseline.PREVIOUS,
    summary_sentences: int = 3,
    watch: Sequence[str] = (),
    groups: Mapping[str, Sequence[str]] | None = None,
    summarizer: Summarizer | SummarizerKind | str = SummarizerKind.EXTRACTIVE,
    model: str | None = None,
    prompt: str | os.PathLike[str] | Prompt | None = None,
    embedder: Embedder | str | None = None,
    cache: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Brief:
    """Compare `documents` (at least two; paths or pairs are read first) into one `Brief`.

    - `baseline`: ``"previous"`` compares each document with the one before, ``"first"``
      each with the first.
    - `summary_sentences`: points in each document's summary.
    - `watch`: phrases to track in the key formulations.
    - `groups`: watch-list groups, name -> elements of one formula (``{"US support":
      ["as long as it takes", "unwavering"]}``); the brief shows which elements each
      document carries (`Brief.grids`).
    - `summarizer`: ``"extractive"`` (source sentences), ``"abstractive"`` (a language model:
      `model` and `prompt` as ``--model`` and ``--prompt``), or any object with the
      `compare.summarize.Summarizer` interface.
    - `embedder`: a model id or folder as ``--embedder``, or any object with
      ``embed(texts) -> array`` and ``model_id`` (`compare.embed.Embedder`); default the
      packaged MiniLM.
    - `cache`: read and write vectors in the embedding cache (only for an embedder that names
      its weights files, as the packaged one does; ``False`` as ``--no-cache``).
    - `progress`: called with each progress message (the CLI prints them on stderr).

    The CLI builds its brief through this function.
    """
    from . import pipeline
    from .cache import CachedEmbedder
    from .embed import DEFAULT_EMBEDDER, TransformerEmbedder
    from .summarize import ExtractiveSummarizer

    docs = read(documents)
    say = progress or _silent
    encoder = (
        TransformerEmbedder(embedder or DEFAULT_EMBEDDER) if embedder is None or isinstance(embedder, str) else embedder
    )
    chosen_embedder: Embedder = (
        CachedEmbedder(encoder, report=progress) if cache and not isinstance(encoder, CachedEmbedder) else encoder
    )
    chosen: Summarizer
    if isinstance(summarizer, str):
        kind = _choice(SummarizerKind, summarizer, "summarizer")
        if kind is SummarizerKind.ABSTRACTIVE:
            from .abstractive import AbstractiveSummarizer, Prompt

            given = prompt if prompt is None or isinstance(prompt, Prompt) else Path(prompt)
            chosen = AbstractiveSummarizer(chosen_embedder, model, given, say)
        else:
            if model is not None or prompt is not None:
                raise UsageError("model and prompt need summarizer='abstractive'")
            chosen = ExtractiveSummarizer()
    else:
        chosen = summarizer
    options = pipeline.Options(
        baseline=_choice(Baseline, baseline, "baseline"),
        summary_sentences=summary_sentences,
        watch=tuple(watch),
        groups=_groups(groups or {}),
    )
    return pipeline.run(docs, chosen_embedder, chosen, options, say)


def _groups(groups: Mapping[str, Sequence[str]]) -> tuple[WatchGroup, ...]:
    out = []
    for name, elements in groups.items():
        listed = (elements,) if isinstance(elements, str) else tuple(e for e in elements if e.strip())
        if not listed:
            raise UsageError(f"watch group {name!r} has no elements; give it a list of phrases")
        out.append(WatchGroup(name, listed))
    return tuple(out)


def _flat(sources: Iterable[Source | Iterable[Source]]) -> list[Source]:
    out: list[Source] = []
    for s in sources:
        if isinstance(s, (str, os.PathLike, tuple, Document)):
            out.append(s)
        else:
            out.extend(s)
    return out


def _from_text(pair: tuple[object, ...], name: str) -> Document:
    text, when = pair if len(pair) == 2 else (None, None)
    if not isinstance(text, str):
        raise UsageError(f"{name}: a text source is a (text, date) pair, got {pair!r:.60}")
    date = _date(when, name)
    try:
        # through the same decoding as a file, so control characters are neutralized alike
        return load.parse(load.decode(text.encode("utf-8"), name), Path(name), date)
    except DateError:
        if date is not None:
            raise
        raise DateError(
            f"{name}: has no date; pass (text, 'YYYY-MM-DD') or start the text with 'date YYYY-MM-DD'"
        ) from None


def _date(when: object, name: str) -> dt.date | None:
    if when is None or isinstance(when, dt.date):
        return when
    if isinstance(when, str):
        try:
            return dt.date.fromisoformat(when.strip())
        except ValueError:
            raise DateError(f"{name}: date {when!r} is not a real YYYY-MM-DD date") from None
    raise UsageError(f"{name}: the date must be a datetime.date or 'YYYY-MM-DD', got {type(when).__name__}")


def _choice(kind: type[E], value: str, name: str) -> E:
    try:
        return kind(value)
    except ValueError:
        allowed = " or ".join(repr(str(k)) for k in kind)
        raise UsageError(f"{name} must be {allowed}, not {value!r}") from None


def _silent(_: str) -> None:
    return None
