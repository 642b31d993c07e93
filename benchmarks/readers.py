"""How close the readers come to a clean text copy, sentence by sentence.

For each fixture in tests/fixtures/inputs/ (web pages, PDFs, a Word file built by
scripts/make_input_fixtures.py from ../shared/data), the clean statement's sentences (segment
over its paragraphs) are compared with the sentences segment finds in what an extractor gave:
`found` = clean sentences recovered word for word, `residue` = extra sentences that are not in
the clean copy (navigation, link lists, footers). Web pages are read by every candidate
extractor, a naive one (all text of <body>) as the baseline.

    PYTHONPATH=src python benchmarks/readers.py          # the committed fixtures
    PYTHONPATH=src python benchmarks/readers.py --all    # every FOMC statement as a page and a PDF

`--all` builds each of the 194 statements in ../shared/data/fomc as a press-release page and as
a hyphenated two-column-free PDF with running headers (the fixtures' builders), reads them back
and pools the agreement: it exercises line-end hyphenation on far more words than the fixtures.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "inputs"
sys.path.insert(0, str(ROOT / "src"))

from compare import load, segment  # noqa: E402
from compare.types import Document  # noqa: E402

spec = importlib.util.spec_from_file_location("fixtures", ROOT / "scripts" / "make_input_fixtures.py")
assert spec and spec.loader
fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixtures)

CLEAN: dict[str, Callable[[], list[str]]] = {
    "fomc-statement-september.html": lambda: fixtures.fomc_paragraphs("20190918"),
    "fomc-statement-october.htm": lambda: fixtures.fomc_paragraphs("20191030"),
    "readout-call.html": lambda: fixtures.readout(fixtures.DATA / "readouts/zelenskyy/2021-04-02.md")[2],
    "news-article.html": lambda: fixtures.readout(fixtures.DATA / "readouts/netanyahu/2021-02-17.md")[2],
    "fomc-statement-september.pdf": lambda: fixtures.fomc_paragraphs("20190918"),
    "fomc-statement-october.pdf": lambda: fixtures.fomc_paragraphs("20191030"),
    "fomc-statement-october-printed.pdf": lambda: fixtures.fomc_paragraphs("20191030"),
    "readout-december.docx": lambda: fixtures.readout(fixtures.DATA / "readouts/zelenskyy/2021-12-09.md")[2],
}


def sentences(text: str, title: str | None = None) -> Counter[str]:
    doc = Document("x", "x", dt.date(2000, 1, 1), title, text)
    # U+2011 (non-breaking hyphen) is not in the fixtures' PDF font: it prints as a box there
    return Counter(
        " ".join(s.text.replace("\u2011", "-").replace(" \u25a0 ", "-").split()) for s in segment.segment(doc)
    )


def naive(raw: bytes) -> tuple[str, str | None]:
    """Every text node of <body>, one block element a paragraph: what copy-and-paste gives."""
    import lxml.html

    tree = lxml.html.fromstring(raw)
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    blocks = [" ".join(e.text_content().split()) for e in tree.xpath("//body//*[not(*)] | //body//p")]
    return "\n\n".join(dict.fromkeys(b for b in blocks if b)), None


def naive_pdf(raw: bytes) -> str:
    """pypdf's own text, page after page: what copying out of a PDF viewer gives."""
    import io

    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(raw)).pages)


def readability(raw: bytes) -> tuple[str, str | None]:
    import lxml.html
    from readability import Document as Readable

    r = Readable(raw.decode("utf-8"))
    tree = lxml.html.fromstring(r.summary())
    paras = [" ".join(e.text_content().split()) for e in tree.xpath("//p|//li|//h1|//h2|//h3|//h4")]
    return "\n\n".join(p for p in paras if p), r.short_title()


def justext_(raw: bytes) -> tuple[str, str | None]:
    import justext

    paras = justext.justext(raw, justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paras if not p.is_boilerplate), None


def trafilatura_(precision: bool) -> Callable[[bytes], tuple[str, str | None]]:
    from compare.readers import web

    return lambda raw: web.main_text(raw, precision=precision)


HTML_EXTRACTORS = {
    "naive <body> text": naive,
    "readability-lxml": readability,
    "jusText": justext_,
    "trafilatura": trafilatura_(False),
    "trafilatura, precision (used)": trafilatura_(True),
}


def score(clean: Counter[str], got: Counter[str]) -> tuple[int, int, int]:
    found = sum((clean & got).values())
    return found, sum(clean.values()), sum((got - clean).values())


def every_statement() -> None:
    from compare.readers import pdf, web

    totals = {"web page": [0, 0, 0], "PDF": [0, 0, 0], "PDF, naive": [0, 0, 0]}
    worst: list[tuple[str, str, str]] = []
    days = sorted(p.stem for p in (fixtures.DATA / "fomc").glob("*.txt"))
    for day in days:
        clean = sentences("\n\n".join(fixtures.fomc_paragraphs(day)))
        title = "Federal Reserve issues FOMC statement"
        page = fixtures.fomc_page(day, '<meta property="article:published_time" content="{iso}">|{long}').encode()
        made = fixtures.statement_pdf(day, "Board of Governors of the Federal Reserve System", title=title)
        for kind, text in (
            ("web page", web.extract(page, day).text),
            ("PDF", pdf.extract(made, day).text),
            ("PDF, naive", naive_pdf(made)),
        ):
            got = sentences(text, title)
            found, total, residue = score(clean, got)
            t = totals[kind]
            t[0], t[1], t[2] = t[0] + found, t[1] + total, t[2] + residue
            worst += [(day, kind, s) for s in (clean - got) if "naive" not in kind]
    print(f"every FOMC statement ({len(days)}), built as a page and a PDF, read back:")
    for kind, (found, total, residue) in totals.items():
        print(f"  {kind:10} {found}/{total} = {found / total:.4f} clean sentences found; residue {residue}")
    for day, kind, s in worst[:10]:
        print(f"  missed ({kind}, {day}): {s[:110]}")


def main() -> None:
    if not fixtures.DATA.is_dir():
        sys.exit("benchmarks/readers.py: needs ../shared/data beside the checkout")
    if "--all" in sys.argv:
        every_statement()
        return
    print(f"{'fixture':32} {'extractor':32} {'found':>9} {'residue':>7}  date (source)")
    totals: dict[str, list[int]] = {}
    for name, clean_paras in CLEAN.items():
        path = FIXTURES / name
        clean = sentences("\n\n".join(clean_paras()))
        rows: list[tuple[str, Counter[str], str]] = []
        if path.suffix.startswith(".htm"):
            raw = path.read_bytes()
            for label, fn in HTML_EXTRACTORS.items():
                text, title = fn(raw)
                rows.append((label, sentences(text, title), ""))
        if path.suffix == ".pdf":
            rows.append(("naive: pypdf extract_text", sentences(naive_pdf(path.read_bytes())), ""))
        doc = load.read(path)
        rows.append(("compare (load.read)", sentences(doc.text, doc.title), f"{doc.date} ({doc.date_source})"))
        for label, got, note in rows:
            found, total, residue = score(clean, got)
            key = f"{path.suffix.lstrip('.')[:3]}: {label}"
            t = totals.setdefault(key, [0, 0, 0])
            t[0], t[1], t[2] = t[0] + found, t[1] + total, t[2] + residue
            print(f"{name:32} {label:32} {found:>4}/{total:<4} {residue:>7}  {note}")
    print("\na page with no article (navigation and footer only): words each extractor returns")
    raw = (FIXTURES / "no-main-text.html").read_bytes()
    for label, fn in HTML_EXTRACTORS.items():
        print(f"  {label:40} {len(fn(raw)[0].split())}")
    print("\npooled (sentences found / clean sentences; residue sentences)")
    for key, (found, total, residue) in totals.items():
        print(f"  {key:40} {found}/{total} = {found / total:.3f}; residue {residue}")


if __name__ == "__main__":
    main()
