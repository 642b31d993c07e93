"""render: one `Brief` -> Markdown, standalone HTML or JSON text. No file access beyond the
templates; the CLI writes the result."""

from __future__ import annotations

import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Any

import jinja2

from .errors import TemplateError
from .types import Brief, Claim, Comparison, DiffOp, DocumentEntry, Op, Status

STATUS_ORDER = (Status.CHANGED, Status.NEW, Status.DROPPED, Status.REPEATED)


class Format(StrEnum):
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_MD_LEADING = re.compile(r"^(\d+)([.)])|^([-=])")


def md(text: object) -> str:
    """Escape text so it stays plain text inside Markdown (tables and lists included): every
    punctuation mark Markdown or HTML could read, and a leading "1." or "-" that would start a
    list when the text begins a line."""
    s = " ".join(str(text).split())
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return _MD_LEADING.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", s)


def md_diff(ops: tuple[DiffOp, ...]) -> str:
    """A diff as Markdown: ~~struck~~ and **inserted** words, markers hugging the words."""
    out = []
    for d in ops:
        text = " ".join(d.text.split(" "))
        core = text.strip()
        if not core:
            out.append(" " if text else "")
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        mark = {Op.DELETE: "~~", Op.INSERT: "**", Op.EQUAL: ""}[d.op]
        out.append(f"{' ' if lead else ''}{mark}{md(core)}{mark}{' ' if trail else ''}")
    joined = "".join(out)
    return re.sub(r"(~~|\*\*)(~~|\*\*)", r"\1 \2", " ".join(joined.split()))


def _environment(html: bool, search: list[str] | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
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
    env.globals.update(Status=Status, Op=Op, STATUS_ORDER=STATUS_ORDER, claim_text=claim_text)
    return env


def claim_text(brief: Brief, comparison: Comparison, claim: Claim) -> str:
    """The claim's sentence text: the later document's words when it has them."""
    side, idx = (comparison.after, claim.after) if claim.after else (comparison.before, claim.before)
    sentences = brief.entry(side).sentences
    return " ".join(sentences[i].text for i in idx)


def render(brief: Brief, fmt: Format, template: Path | None = None) -> str:
    """Render `brief`. With `template`, that jinja2 file is used instead of the packaged one
    (HTML-escaped when its name ends in .html or .htm)."""
    if fmt is Format.JSON and template is None:
        return json.dumps(to_dict(brief), ensure_ascii=False, indent=2) + "\n"
    if template is not None:
        env = _environment(template.suffix.lower() in {".html", ".htm", ".j2html"}, [str(template.parent)])
        name = template.name
    else:
        env = _environment(fmt is Format.HTML)
        name = "brief.html.j2" if fmt is Format.HTML else "brief.md.j2"
    try:
        return env.get_template(name).render(brief=brief)
    except jinja2.UndefinedError as e:
        raise TemplateError(f"{template or name}: {e.message}") from None
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"{e.filename or name}:{e.lineno}: {e.message}") from None
    except jinja2.TemplateNotFound as e:
        raise TemplateError(f"template {e.name} not found") from None


def to_dict(brief: Brief) -> dict[str, Any]:
    """The JSON contract `compare.brief/1` (README, "JSON output")."""
    return {
        "schema": brief.schema,
        "baseline": brief.baseline.value,
        "embedder": brief.embedder,
        "notes": list(brief.notes),
        "documents": [_document(e) for e in brief.documents],
        "comparisons": [
            {"before": c.before, "after": c.after, "claims": [_claim(x) for x in c.claims]}
            for c in brief.comparisons
        ],
    }


def _document(e: DocumentEntry) -> dict[str, Any]:
    d = e.document
    return {
        "id": d.id,
        "path": d.path,
        "date": d.date.isoformat(),
        "title": d.title,
        "sentences": [
            {"index": s.index, "text": s.text, "start": s.start, "end": s.end, "truncated": s.truncated}
            for s in e.sentences
        ],
        "summary": [
            {"text": p.text, "sources": list(p.sources), "support": round(p.support, 4), "supported": p.supported}
            for p in e.summary.points
        ],
        "summarizer": {"method": e.summary.method, "model": e.summary.model_id, "prompt": e.summary.prompt},
    }


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "status": c.status.value,
        "before": list(c.before),
        "after": list(c.after),
        "similarity": None if c.similarity is None else round(c.similarity, 4),
        "diff": [_op(d) for d in c.diff],
        "mechanical": c.mechanical,
        "numbers": [{"before": n.before, "after": n.after} for n in c.numbers],
    }


def _op(d: DiffOp) -> dict[str, str]:
    return {"op": d.op.value, "text": d.text}
