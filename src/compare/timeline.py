"""timeline: what the formulation and lineage sections of a brief show, as plain rows.

Pure functions of a `Brief`, so the Markdown and HTML templates draw the same thing and a test
can check it without a browser. A long series (more than WIDE documents) is drawn on a time
axis (one row per phrase or thread, a bar where it is present) instead of a column per
document; a lineage shows its most eventful threads and folds the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import formulations, lineage
from .types import Brief, Cell, Formulation, Grid, Thread, joined

WIDE = 12
"""Documents above which lineage is drawn on a time axis rather than as a column per document."""
SHOWN_THREADS = 40
"""Threads drawn in a long lineage; the others are listed under a fold."""
LABEL = 330.0
"""SVG units for the row labels; the plot runs from LABEL to WIDTH."""
WIDTH = 990.0
ROW = 15.0


@dataclass(frozen=True)
class Bar:
    """A stretch of documents [start, end] on the axis, drawn in `kind`, with a hover text."""

    start: int
    end: int
    kind: str
    title: str
    x: float
    width: float


@dataclass(frozen=True)
class PhraseRow:
    formulation: Formulation
    y: float
    bars: tuple[Bar, ...]
    first: str
    last: str
    runs: tuple[str, ...]
    """Each run of use as "from – to" (a single date when the run is one document)."""
    shifts: tuple[tuple[str, str], ...]
    """(date of the exit, what took the phrase's place) at each exit with a replacement."""
    omitted: str | None
    """The date it was last used, when the latest document drops a phrase most earlier used."""


@dataclass(frozen=True)
class ThreadRow:
    thread: Thread
    title: str
    """The claim in its first wording."""
    y: float
    bars: tuple[Bar, ...]
    first: str
    last: str
    events: tuple[str, ...]
    """Changes, drops and revivals with their dates ("changed 2004-01-28")."""
    omitted: str | None


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


def _x(k: int, n: int) -> float:
    return LABEL + (WIDTH - LABEL) * k / max(n, 1)


def _bar(start: int, end: int, n: int, kind: str, title: str) -> Bar:
    x = _x(start, n)
    return Bar(start, end, kind, title, x, max(_x(end + 1, n) - x - 0.6, 1.2))


def _dates(brief: Brief) -> list[str]:
    return [e.document.date.isoformat() for e in brief.documents]


def _span(dates: list[str], a: int, b: int) -> str:
    return dates[a] if a == b else f"{dates[a]} – {dates[b]}"


def ticks(brief: Brief) -> list[Tick]:
    """A label at the first document of each year, thinned so that labels do not collide."""
    n = len(brief.documents)
    out: list[Tick] = []
    year = None
    for k, e in enumerate(brief.documents):
        y = e.document.date.year
        if y != year:
            year = y
            x = _x(k, n)
            if not out or x - out[-1].x >= 34:
                out.append(Tick(x, str(y)))
    return out


def phrase_rows(brief: Brief) -> list[PhraseRow]:
    """One row per key formulation: its runs of use as bars, first and last use, gaps, and what
    it shifted to at each exit."""
    dates = _dates(brief)
    n = len(dates)
    rows = []
    # watched phrases first, as given; the found ones in order of first use, to read as a history
    order = [f for f in brief.formulations if f.watched] + sorted(
        (f for f in brief.formulations if not f.watched),
        key=lambda f: (f.first if f.first is not None else n, f.phrase),
    )
    for i, f in enumerate(order):
        runs = f.runs
        bars = tuple(
            _bar(a, b, n, "watched" if f.watched else "on", f"“{f.phrase}”: {_span(dates, a, b)}") for a, b in runs
        )
        gone = formulations.omitted(f)
        rows.append(
            PhraseRow(
                f,
                ROW * i,
                bars,
                dates[runs[0][0]] if runs else "",
                dates[runs[-1][1]] if runs else "",
                tuple(_span(dates, a, b) for a, b in runs),
                tuple((dates[s.at], "; ".join(s.to)) for s in f.shifts),
                None if gone is None else dates[gone],
            )
        )
    return rows


@dataclass(frozen=True)
class GridRow:
    """One element of a watch-list group: whether each document carries it, and in short."""

    element: Formulation
    carried: tuple[bool, ...]
    documents: int
    first: str
    last: str
    """The date of the last document that carries it ("" when none does)."""
    omitted: str | None
    """The date it was last named, when the latest document drops an element most earlier carried."""


@dataclass(frozen=True)
class GridView:
    name: str
    rows: tuple[GridRow, ...]
    wide: bool
    """More than WIDE documents: each row in short ("carried in N of M, last DATE"), not a
    column per document."""


def grids(brief: Brief) -> list[GridView]:
    """Per watch-list group, a row per element: which documents carry it."""
    dates = _dates(brief)
    return [_grid(g, dates) for g in brief.grids]


def _grid(g: Grid, dates: list[str]) -> GridView:
    rows = []
    for f in g.elements:
        gone = formulations.omitted(f)
        rows.append(
            GridRow(
                f,
                tuple(bool(c) for c in f.counts),
                f.documents,
                "" if f.first is None else dates[f.first],
                "" if f.last is None else dates[f.last],
                None if gone is None else dates[gone],
            )
        )
    return GridView(g.name, tuple(rows), len(dates) > WIDE)


def thread_title(brief: Brief, thread: Thread) -> str:
    """A thread's claim in its first wording: titled by a later wording, a row would make the
    earlier documents seem to say what they never said."""
    for k, cell in enumerate(thread.cells):
        if cell.sentences:
            return joined(brief.documents[k].sentences, cell.sentences)
    return ""


def thread_now(brief: Brief, thread: Thread) -> tuple[str, str] | None:
    """("now", its wording in the latest document) or, for a thread dropped since, ("last", its
    last wording), when a change (not a date or punctuation one) made it differ from the first;
    None otherwise. Titled by its first wording alone, a row read "decided to raise …" and then
    "repeated" through the holds that followed, as if they were hikes."""
    carried = [(k, c) for k, c in enumerate(thread.cells) if c.sentences]
    if len(carried) < 2 or not any(c.status == "changed" and not c.mechanical for _, c in carried[1:]):
        return None
    k, last = carried[-1]
    now = cell_text(brief, k, last)
    if " ".join(now.split()) == " ".join(thread_title(brief, thread).split()):
        return None
    return ("now" if k == len(thread.cells) - 1 else "last", now)


def cell_text(brief: Brief, k: int, cell: Cell) -> str:
    """The words that carry a thread in document `k` (empty when it is not carried there)."""
    return joined(brief.documents[k].sentences, cell.sentences) if cell.sentences else ""


_EVENTS = {"changed", "dropped", "revived"}


EVENTS_SHOWN = 4
"""Drops and revivals named in a thread's summary; the rest are counted."""


def events(brief: Brief, thread: Thread) -> tuple[str, ...]:
    """A thread's events, short: how many documents changed it (and the first and last
    change), then its weak pairs, drops and revivals with their dates."""
    dates = _dates(brief)
    changed = [k for k, c in enumerate(thread.cells) if c.status == "changed"]
    out: list[str] = []
    weak = [(dates[k], c.probability or 0.0) for k, c in enumerate(thread.cells) if c.weak]
    if len(changed) == 1:
        note = f" (a weak pair, p {weak[0][1]:.2f}: maybe another claim)" if weak else ""
        out.append(f"changed {dates[changed[0]]}{note}")
    elif changed:
        out.append(f"changed in {len(changed)} documents, {dates[changed[0]]} to {dates[changed[-1]]}")
        if weak:
            shown = "; ".join(f"{d}, p {p:.2f}" for d, p in weak[:EVENTS_SHOWN])
            out.append(f"weak pairs, maybe another claim ({shown}{'; …' if len(weak) > EVENTS_SHOWN else ''})")
    others = []
    for k, c in enumerate(thread.cells):
        if c.status == "revived":
            others.append(f"revived {dates[k]} (absent from {c.span} document{'s' * (c.span != 1)})")
        elif c.status == "dropped":
            others.append(f"dropped {dates[k]}")
    out += others[:EVENTS_SHOWN]
    if len(others) > EVENTS_SHOWN:
        out.append(f"{len(others) - EVENTS_SHOWN} more drops and revivals")
    return tuple(out)


def _weight(thread: Thread) -> tuple[int, int]:
    carried = sum(1 for c in thread.cells if c.sentences)
    return sum(c.status in _EVENTS for c in thread.cells), carried


def thread_rows(brief: Brief, limit: int = SHOWN_THREADS) -> tuple[list[ThreadRow], list[ThreadRow]]:
    """Eventful threads as rows, in order of first appearance: the `limit` with most events
    (then longest carried) to draw, and the rest to fold."""
    dates = _dates(brief)
    n = len(dates)
    threads = [t for t in brief.lineage if t.eventful]
    ranked = sorted(range(len(threads)), key=lambda i: _weight(threads[i]), reverse=True)
    shown = set(ranked[:limit])
    out: tuple[list[ThreadRow], list[ThreadRow]] = ([], [])
    for i, t in enumerate(threads):
        carried = [k for k, c in enumerate(t.cells) if c.sentences]
        side = out[0] if i in shown else out[1]
        gone = lineage.omitted(t)
        side.append(
            ThreadRow(
                t,
                thread_title(brief, t),
                ROW * len(side),
                _thread_bars(brief, t, n),
                dates[carried[0]] if carried else "",
                dates[carried[-1]] if carried else "",
                events(brief, t),
                None if gone is None else dates[gone],
            )
        )
    return out


def _thread_bars(brief: Brief, t: Thread, n: int) -> tuple[Bar, ...]:
    """Runs of unchanged repeats as one light bar; each change, first use or revival as its own
    dark bar (its hover text is that document's wording)."""
    dates = _dates(brief)
    bars: list[Bar] = []
    run: int | None = None
    for k, c in enumerate([*t.cells, Cell("")]):
        if run is not None and c.status != "repeated":
            bars.append(_bar(run, k - 1, n, "repeated", f"repeated {_span(dates, run, k - 1)}"))
            run = None
        if c.status == "repeated":
            run = k if run is None else run
        elif c.sentences:
            weak = f" (a weak pair, p {c.probability:.2f})" if c.weak else ""
            bars.append(_bar(k, k, n, c.status, f"{c.status}{weak} {dates[k]}: {cell_text(brief, k, c)}"))
    return tuple(bars)


def collapsed(thread: Thread) -> list[tuple[Cell, int]]:
    """A thread's cells with each run of `absent` (and of not-yet-seen) folded into one, as
    (cell, documents it covers), for a table with a column per document."""
    out: list[tuple[Cell, int]] = []
    for c in thread.cells:
        if out and not c.sentences and c.status in {"absent", ""} and out[-1][0].status == c.status:
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((c, 1))
    return out
