"""render: one `Brief` -> Markdown, standalone HTML or JSON text. No file access beyond the
templates; the CLI writes the result."""

from __future__ import annotations

import dataclasses
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from . import formulations
from . import lede as lede_module
from . import redline as redline_module
from . import timeline as timeline_module
from .errors import TemplateError
from .types import (
    Brief,
    Cell,
    Claim,
    Comparison,
    DiffOp,
    DocumentEntry,
    Format,
    Formulation,
    Grid,
    LedeItem,
    Op,
    RedlineSegment,
    Status,
    SummaryPoint,
    Thread,
    View,
    joined,
)

STATUS_ORDER = (Status.CHANGED, Status.NEW, Status.DROPPED, Status.REPEATED)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_MD_LEADING = re.compile(r"^(\d+)([.)])|^([-=])")


_MD_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=\bwww)(\.)")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def md(text: object) -> str:
    """Escape text so it stays plain text inside Markdown (tables and lists included): every
    punctuation mark Markdown or HTML could read, and a leading "1." or "-" that would start a
    list when the text begins a line. Bare URLs and ``www.`` names, which GitHub would turn
    into live links, are broken by an escaped ``:`` or ``.`` (they read the same); bidi
    embeddings and overrides (U+202A-U+202E, U+2066-U+2069), which can make a line read
    backwards, become U+FFFD."""
    s = _BIDI.sub("\ufffd", " ".join(str(text).split()))
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _MD_AUTOLINK.sub(lambda m: "\\" + m[0], s)
    return _MD_LEADING.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", s)


def md_diff(ops: tuple[DiffOp, ...]) -> str:
    """A diff as Markdown: ~~struck~~ and **inserted** words, markers hugging the words.

    GitHub only honours a marker that "flanks" its words: an opening marker before
    punctuation must follow a space, a closing one after punctuation must precede a space or
    punctuation. Where a change starts or ends with punctuation glued to a word
    (``indicators**, on balance,**``) a space is added so the marker still counts."""
    pieces: list[tuple[str, str, bool, bool]] = []  # (mark, escaped core, space before, after)
    for d in ops:
        core = " ".join(d.text.split())
        if not core:
            if d.text and pieces:
                m, c, before, _ = pieces[-1]
                pieces[-1] = (m, c, before, True)
            continue
        mark = {Op.DELETE: "~~", Op.INSERT: "**", Op.EQUAL: ""}[d.op]
        pieces.append((mark, md(core), d.text[:1].isspace(), d.text[-1:].isspace()))
    out = ""
    for k, (mark, core, before, _) in enumerate(pieces):
        prev_after = pieces[k - 1][3] if k else False
        if out and (before or prev_after):
            out += " "
        elif out and mark and not core[0].isalnum() and out[-1].isalnum():
            out += " "  # opening marker before punctuation, glued to a word
        elif out and pieces[k - 1][0] and not pieces[k - 1][1][-1].isalnum() and core[0].isalnum():
            out += " "  # closing marker after punctuation, glued to a word
        elif out and mark and pieces[k - 1][0]:
            out += " "  # two markers in a row: ~~old~~ **new**
        out += f"{mark}{core}{mark}"
    return out


def md_redline(pieces: list[redline_module.Piece]) -> str:
    """A redline paragraph as Markdown: `md_diff` of its pieces, a moved sentence followed by
    where it went or came from in italics."""
    out: list[str] = []
    run: list[DiffOp] = []
    for p in pieces:
        if p.moved:
            out.append(md_diff(tuple(run)))
            run = []
            note = f"moved from {p.toward}" if p.op is Op.INSERT else f"moved {p.toward}"
            out.append(md_diff((DiffOp(p.op, p.text),)) + (f" _({note})_" if p.place and p.toward else ""))
        else:
            run.append(DiffOp(p.op, p.text))
    out.append(md_diff(tuple(run)))
    return " ".join(x for x in out if x)


def spaced(text: str) -> tuple[str, str, str]:
    """`text` as (leading space, words, trailing space), so markup can hug the words."""
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


def _environment(
    html: bool, search: list[str] | None = None, sources: dict[str, tuple[str, str]] | None = None
) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if sources:  # a user template already read (once: it may be a pipe): name -> (text, file)
        known = dict(sources)
        loaders.append(jinja2.FunctionLoader(lambda n: (*known[n], lambda: True) if n in known else None))
    if search:
        loaders.append(jinja2.FileSystemLoader(search))
    loaders.append(jinja2.PackageLoader("compare", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["md_diff"] = md_diff
    env.filters["md_redline"] = md_redline
    env.filters["spaced"] = spaced
    env.filters["compact"] = lede_module.compact
    env.filters["shorten"] = lede_module.shorten
    env.globals.update(
        Status=Status,
        Op=Op,
        STATUS_ORDER=STATUS_ORDER,
        claim_text=claim_text,
        item_text=item_text,
        ledes=_ledes,
        lede=_ledes,  # the name user templates of compare.brief/1 used
        paragraphs=paragraphs,
        thread_text=thread_text,
        timeline=timeline_module,
        sentence_ref=sentence_ref,
        input_notes=input_notes,
        status_count=status_count,
        comparison_note=comparison_note,
        weak_pairs=weak_pairs,
        weak_pair_note=weak_pair_note,
        unchanged_decision=lede_module.unchanged_decision,
        unchanged_risks=lede_module.unchanged_risks,
        unchanged_label=lede_module.unchanged_label,
        redline_paragraphs=redline_module.paragraphs,
        redline_rows=redline_module.rows,
    )
    return env


def status_count(c: Comparison, status: Status, named: bool = False) -> str:
    """How many claims of `c` have `status` ("3", or with `named` "3 changed"); changed ones
    edited only in dates say so ("3 (1 only dates)"): a reader counting edits should not count
    the time of a call."""
    claims = c.with_status(status)
    dated = sum(1 for x in claims if x.mechanical)
    count = f"{len(claims)} {status.value}" if named else str(len(claims))
    return f"{count} ({dated} only dates)" if dated else count


FEW_CARRIED = 0.25
"""A comparison whose shorter document carries at most this share of its sentences over is
said to be about another subject as much as a change of line."""
SHORTER = 2
"""A later document with at most 1/SHORTER of the earlier one's sentences (and the earlier at
least `LONG` of them) is said to be much shorter. Not the reverse: what a much longer document
adds may be the news (2020-03-15 after the short statement of 03-03)."""
LONG = 6


def weak_pairs(brief: Brief) -> bool:
    """Whether the brief marks a weak pair anywhere (a changed claim or a lineage cell), so that
    its header says what "p" is (a blind reader: "p is never defined")."""
    return any(x.low_confidence for c in brief.comparisons for x in c.claims) or any(
        cell.weak for t in brief.lineage for cell in t.cells
    )


WEAK_PAIR_SHARE = {
    True: "in policy statements labeled blind to test the tool, about 4 in 5 such pairs are one claim edited, "
    "against 49 in 50 above 0.5",
    False: "in readouts labeled blind to test the tool, about 3 in 5 such pairs are one claim restated, "
    "against 4 in 5 above 0.5",
}
"""How often a marked pair is right, by genre (a deciding body's statements or not), from
`python scripts/weak_pairs.py` over all label sets (docs/statuses.md): a blind Fed watcher read
the marks as false alarms, 4 of 5 of them right, with "p 0.29" taken for the odds."""


def _risks(found: tuple[int, str] | None) -> dict[str, Any] | None:
    return {"claim": found[0], "text": found[1]} if found else None


def weak_pair_note(brief: Brief) -> str:
    """What a marked pair's odds are in the brief's genre (`WEAK_PAIR_SHARE`)."""
    return WEAK_PAIR_SHARE[lede_module.decides([s for e in brief.documents for s in e.sentences])]


def comparison_note(c: Comparison) -> str:
    """Warnings over a comparison, or "": two documents that share few messages (a crisis call
    after a policy call: what is dropped there is mostly a change of subject), and a later one
    much shorter (a three-sentence call after a six- or fifteen-sentence visit: blind readout
    watchers read its drops as lines withdrawn)."""
    notes = []
    carried, total = c.carried
    if total >= 3 and carried <= FEW_CARRIED * total:
        carry = "carries" if carried == 1 else "carry"
        notes.append(
            f"Few messages in common: {carried} of the {total} sentences of the shorter document {carry} over; "
            "much of what is new and dropped here may be a change of subject, or a line restated in other words "
            "that compare does not pair."
        )
    before = len({i for x in c.claims for i in x.before})
    after = len({j for x in c.claims for j in x.after})
    if before >= LONG and after * SHORTER <= before:
        notes.append(
            f"The later document is much shorter ({after} sentences against {before}): what it leaves out is "
            "unsaid there, not necessarily withdrawn."
        )
    return " ".join(notes)


def input_notes(brief: Brief) -> tuple[str, ...]:
    """For each input that was not a text file: what read it, and where its date came from."""
    notes = []
    for e in brief.documents:
        d = e.document
        if d.extractor in {None, "text", "markdown"}:
            continue
        when = "given with --date" if d.date_source == "--date" else f"from the {d.date_source}"
        notes.append(f"{d.id}: {d.path} read with {d.extractor}; date {d.date} {when}.")
    return tuple(notes)


def thread_text(brief: Brief, thread: Thread) -> str:
    """A lineage thread's claim in its first wording (timeline.thread_title)."""
    return timeline_module.thread_title(brief, thread)


def sentence_ref(side: str, indices: tuple[int, ...]) -> str:
    """Sentence numbers as a reader sees them (1-based), runs collapsed: ``before s2``,
    ``after s3–s4``, ``s1, s5``; empty when there are none."""
    if not indices:
        return ""
    runs: list[list[int]] = []
    for i in sorted(set(indices)):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    spans = ", ".join(f"s{r[0] + 1}" if len(r) == 1 else f"s{r[0] + 1}–s{r[-1] + 1}" for r in runs)
    return f"{side} {spans}" if side else spans


def paragraphs(entry: DocumentEntry) -> list[list[tuple[str, int | None]]]:
    """The document's text from its body on, as paragraphs of pieces ``(text, sentence index
    or None)``: each sentence a piece of its own (so it can be linked and highlighted), the
    text between sentences (datelines, boilerplate) pieces with None. Blank lines split
    paragraphs; whitespace-only pieces are dropped."""
    text = entry.document.text
    pieces: list[tuple[str, int | None]] = []
    pos = entry.document.body_start
    for s in sorted(entry.sentences, key=lambda s: s.start):
        if s.start > pos:
            pieces.append((text[pos : s.start], None))
        pieces.append((text[s.start : s.end], s.index))
        pos = max(pos, s.end)
    if pos < len(text):
        pieces.append((text[pos:], None))
    out: list[list[tuple[str, int | None]]] = [[]]
    for piece, index in pieces:
        if index is not None:
            out[-1].append((" ".join(piece.split()), index))
            continue
        chunks = re.split(r"\n\s*\n", piece)
        for k, chunk in enumerate(chunks):
            if k:
                out.append([])
            if chunk.strip():
                out[-1].append((" ".join(chunk.split()), None))
    return [p for p in out if p]


def claim_text(brief: Brief, comparison: Comparison, claim: Claim) -> str:
    """The claim's sentence text: the later document's words when it has them."""
    side, idx = (comparison.after, claim.after) if claim.after else (comparison.before, claim.before)
    return joined(brief.entry(side).sentences, idx)


def item_text(brief: Brief, comparison: Comparison, item: LedeItem) -> str:
    """A lede item's text, shortened: its later sentences when it has them, else its earlier
    ones. An item read with the lines its own line leans on (`lede.with_antecedents`) shortens
    each line on its own, so that the line ranked is read whole ("During the session, Xi also
    stressed ... the stranglehold")."""
    side, idx = (comparison.after, item.after) if item.after else (comparison.before, item.before)
    sentences = brief.entry(side).sentences
    claim = comparison.claims[item.claim] if item.claim is not None else None
    if claim is None or set(idx) <= set(claim.after or claim.before):
        return lede_module.shorten(joined(sentences, idx))
    return " ".join(lede_module.shorten(joined(sentences, (i,))) for i in idx)


def render(
    brief: Brief,
    fmt: Format,
    template: Path | None = None,
    view: View = View.FULL,
    show_unsupported: bool = False,
    source: str | None = None,
) -> str:
    """Render `brief`. With `template`, that jinja2 file is used instead of the packaged one;
    it is HTML-escaped when `fmt` is HTML or its name has .html or .htm in it, and it may
    ``{% extends "brief.html.j2" %}`` (or ``brief.md.j2``) to replace single blocks.
    `source` is the template's text when the caller has read it already.

    The context is ``brief`` (a `compare.types.Brief`), ``view`` ("full", or "redline": the
    header and the redlines only; JSON is always the full brief), ``show_unsupported``
    (list withheld abstractive points) and the helpers in `_environment`.
    A variable the context lacks is a `TemplateError` naming it and its line."""
    if not brief.lede and brief.comparisons:
        # a brief built by hand, not by `pipeline`: give it its lede (default weights)
        brief = dataclasses.replace(brief, lede=lede_module.lede(brief))
    if fmt is Format.JSON and template is None:
        return _json(to_dict(brief))
    if template is not None:
        lowered = template.name.lower()
        html = fmt is Format.HTML or ".html" in lowered or ".htm" in lowered
        given = {template.name: (source, str(template))} if source is not None else None
        env = _environment(html, [str(template.parent)], given)
        name = template.name
    else:
        env = _environment(fmt is Format.HTML)
        name = "brief.html.j2" if fmt is Format.HTML else "brief.md.j2"
    try:
        return env.get_template(name).render(brief=brief, view=view.value, show_unsupported=show_unsupported)
    except jinja2.UndefinedError as e:
        raise TemplateError(f"{_where(e, template or name)}: {e.message}") from None
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"{e.filename or name}:{e.lineno}: {e.message}") from None
    except jinja2.TemplateNotFound as e:
        raise TemplateError(f"template {e.name} not found") from None


JSON_BATCH = 65536
"""Encoder pieces joined at a time by `_json`."""


def _json(obj: dict[str, Any]) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)`` plus a newline, in bounded memory:
    with an indent the encoder yields one small string per token, and `json.dumps` holds them
    all before joining (about 0.5 GB for a 1,000-document brief of 54 MB); here they are
    joined a batch at a time."""
    pieces: list[str] = []
    batch: list[str] = []
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(obj):
        batch.append(piece)
        if len(batch) >= JSON_BATCH:
            pieces.append("".join(batch))
            batch.clear()
    pieces.append("".join(batch))
    pieces.append("\n")
    return "".join(pieces)


def _where(error: BaseException, template: Path | str) -> str:
    """``file:line`` of the innermost template frame of `error` (jinja2 rewrites tracebacks
    so that template frames carry the template's file name and line)."""
    import traceback

    frames = [f for f in traceback.extract_tb(error.__traceback__) if not f.filename.endswith(".py")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else str(template)


def schema() -> str:
    """The JSON Schema of `to_dict` output (compare.brief/2), as shipped in the package."""
    return resources.files("compare").joinpath("brief.schema.json").read_text("utf-8")


def to_dict(brief: Brief) -> dict[str, Any]:
    """The JSON contract `compare.brief/2` (docs/output.md, "Reading a brief")."""
    return {
        "schema": brief.schema,
        "baseline": brief.baseline.value,
        "embedder": brief.embedder,
        "notes": list(brief.notes),
        "documents": [_document(e) for e in brief.documents],
        "comparisons": [
            {
                "before": c.before,
                "after": c.after,
                "claims": [_claim(x) for x in c.claims],
                "unchanged_decision": lede_module.unchanged_decision(brief, k) if brief.lede else None,
                "unchanged_risks": _risks(lede_module.unchanged_risks(brief, k)) if brief.lede else None,
                "lede": [_lede(x) for x in items],
                "redline": [_segment(x) for x in c.redline],
            }
            for k, (c, items) in enumerate(zip(brief.comparisons, _ledes(brief), strict=True))
        ],
        "lineage": [_thread(t) for t in brief.lineage],
        "formulations": [_formulation(f) for f in brief.formulations],
        "grids": [_grid(g) for g in brief.grids],
    }


def _grid(g: Grid) -> dict[str, Any]:
    return {
        "name": g.name,
        "elements": [
            {"phrase": f.phrase, "counts": list(f.counts), "omitted_since": formulations.omitted(f)} for f in g.elements
        ],
    }


def _thread(t: Thread) -> dict[str, Any]:
    return {
        "id": t.id,
        "cells": [_cell(c) for c in t.cells],
    }


def _cell(c: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {"status": c.status, "sentences": list(c.sentences)}
    if c.mechanical:
        out["mechanical"] = True
    if c.status == "revived":
        out["absent_for"] = c.span
    if c.probability is not None:
        out["pair_probability"] = round(c.probability, 3)
    return out


def _formulation(f: Formulation) -> dict[str, Any]:
    return {
        "phrase": f.phrase,
        "counts": list(f.counts),
        "watched": f.watched,
        "wording": f.wording,
        "shifted_to": list(f.shifted_to),
        "shifts": [{"at": s.at, "to": list(s.to)} for s in f.shifts],
    }


def _ledes(brief: Brief) -> tuple[tuple[LedeItem, ...], ...]:
    """The brief's lede (pipeline computes it; `render` gives a hand-built brief one)."""
    return brief.lede or tuple(() for _ in brief.comparisons)


def _lede(item: LedeItem) -> dict[str, Any]:
    out: dict[str, Any] = {
        "claim": item.claim,
        "kind": item.kind.value,
        "reason": item.reason,
        "direction": item.direction,
        "score": round(item.score, 3),
    }
    if item.phrase is not None:
        out.update(phrase=item.phrase)
    return {**out, "before": list(item.before), "after": list(item.after)}


def _document(e: DocumentEntry) -> dict[str, Any]:
    d = e.document
    return {
        "id": d.id,
        "path": d.path,
        "date": d.date.isoformat(),
        "title": d.title,
        "date_source": d.date_source,
        "extractor": d.extractor,
        "text": d.text,
        "sentences": [
            {
                "index": s.index,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "truncated": s.truncated,
            }
            for s in e.sentences
        ],
        "summary": [_point(p) for p in e.summary.points],
        "withheld": [_point(p) for p in e.summary.withheld],
        "summarizer": {
            "method": e.summary.method,
            "model": e.summary.model_id,
            "prompt": e.summary.prompt,
        },
    }


def _point(p: SummaryPoint) -> dict[str, Any]:
    return {
        "text": p.text,
        "sources": list(p.sources),
        "support": round(p.support, 4),
        "supported": p.supported,
        "reason": p.reason,
        "extractive_fill": p.extractive_fill,
    }


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "status": c.status.value,
        "before": list(c.before),
        "after": list(c.after),
        "pair_probability": None if c.pair_probability is None else round(c.pair_probability, 4),
        "diff": [_op(d) for d in c.diff],
        "mechanical": c.mechanical,
        "numbers": [{"before": n.before, "after": n.after} for n in c.numbers],
        "replaces": list(c.replaces),
    }


def _segment(s: RedlineSegment) -> dict[str, Any]:
    return {"op": s.op.value, "text": s.text, "claim": s.claim, "moved": s.moved}


def _op(d: DiffOp) -> dict[str, str]:
    return {"op": d.op.value, "text": d.text}
