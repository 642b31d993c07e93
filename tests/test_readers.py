"""Web pages, PDFs, Word files and folders read as a user has them (tests/fixtures/inputs/,
built by scripts/make_input_fixtures.py): the statement's sentences and nothing of the page's
furniture, the right date and where it came from, one-line errors for unreadable inputs."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compare import load, readers, segment
from compare.errors import DateError, InputError
from conftest import cli_process

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "tests" / "fixtures" / "inputs"


def sentences(path: Path) -> list[str]:
    return [s.text for s in segment.segment(load.read(path))]


def clean_statement(fomc: Path, day: str) -> list[str]:
    """The saved statement's sentences without the residue lines of the saved page."""
    lines = [" ".join(x.split()) for x in (fomc / f"{day}.txt").read_text("utf-8").splitlines()]
    doc = load.parse("\n\n".join(x for x in lines if len(x.split()) > 12), Path(f"{day}.txt"))
    return [s.text for s in segment.segment(doc)]


FURNITURE = ("Share", "Page 1", "Board of Governors", "Related Information", "Last Update", "Twitter", "Skip to")


@pytest.mark.parametrize(
    ("name", "date", "source", "extractor"),
    [
        ("fomc-statement-september.html", "2019-09-18", "page metadata", "trafilatura"),  # <meta published_time>
        ("fomc-statement-october.htm", "2019-10-30", "page metadata", "trafilatura"),  # <time datetime>
        ("readout-call.html", "2021-04-02", "page metadata", "trafilatura"),  # JSON-LD datePublished
        ("news-article.html", "2021-02-17", "page metadata", "trafilatura"),
        ("fomc-statement-october.pdf", "2019-10-30", "pdf metadata", "pypdf"),
        ("readout-december.docx", "2021-12-09", "docx metadata", "python-docx"),
    ],
)
def test_dates_titles_and_extractor_come_from_the_file(name: str, date: str, source: str, extractor: str) -> None:
    doc = load.read(INPUTS / name)
    assert (doc.date.isoformat(), doc.date_source) == (date, source)
    assert doc.extractor and doc.extractor.startswith(extractor)
    assert doc.title and "|" not in doc.title and "World News Daily" not in doc.title
    text = " ".join(s.text for s in segment.segment(doc))
    assert not [f for f in FURNITURE if f in text]


@pytest.mark.parametrize("day", ["20190918", "20191030"])
def test_web_page_and_pdf_give_the_clean_statement(shared_data: Path, day: str) -> None:
    month = {"20190918": "september", "20191030": "october"}[day]
    page = next(INPUTS.glob(f"fomc-statement-{month}.htm*"))
    clean = clean_statement(shared_data / "fomc", day)
    assert len(clean) == 13
    assert sentences(page) == clean
    assert sentences(INPUTS / f"fomc-statement-{month}.pdf") == clean


def test_pdf_reads_as_the_web_page_does() -> None:
    """Without ../shared too: the two formats of one statement agree sentence for sentence."""
    assert sentences(INPUTS / "fomc-statement-october.pdf") == sentences(INPUTS / "fomc-statement-october.htm")


def test_pdf_paragraphs_headers_and_hyphenation() -> None:
    text = load.read(INPUTS / "fomc-statement-october.pdf").text
    # the fixture breaks 'infor-' 'mation' and 'Sep-' 'tember' at line ends; compounds keep the hyphen
    assert "incoming information for" in text and "met in September indicates" in text
    assert "infor-" not in text and "Sep-" not in text
    assert "longer-term" in text and "survey-based" in text and "1-1/2" in text
    assert "Page " not in text and "Board of Governors" not in text and "Press Release" not in text
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 5  # the title and the statement's four paragraphs
    assert paragraphs[-1].startswith("Voting for") and paragraphs[-1].endswith("2 percent.")


def test_docx_paragraphs() -> None:
    doc = load.read(INPUTS / "readout-december.docx")
    assert doc.text.split("\n\n")[0] == doc.title
    said = sentences(INPUTS / "readout-december.docx")
    assert said[0].startswith("President Joseph R. Biden, Jr. spoke today with President Volodymyr Zelenskyy")
    assert "THE WHITE HOUSE" not in doc.text  # the page header is not the text
    assert len(said) == 6


def test_a_date_in_the_file_name_or_given_wins_over_metadata(tmp_path: Path) -> None:
    named = tmp_path / "statement-2020-01-29.pdf"
    shutil.copy(INPUTS / "fomc-statement-october.pdf", named)
    doc = load.read(named)
    assert (doc.date, doc.date_source) == (dt.date(2020, 1, 29), "file name")
    doc = load.read(named, dt.date(2021, 5, 5))
    assert (doc.date, doc.date_source) == (dt.date(2021, 5, 5), "--date")


def test_text_files_say_where_their_date_came_from(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2023-01-01\nThe council met.\n", encoding="utf-8")
    (tmp_path / "2023-02-01.md").write_text("---\ntitle: T\n---\nThe council met.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ndate: 2023-03-01\n---\nThe council met.\n", encoding="utf-8")
    got = [(d.date_source, d.extractor) for d in load.read_all(sorted(tmp_path.iterdir()))]
    assert got == [("header", "text"), ("file name", "markdown"), ("front matter", "markdown")]


def test_html_is_sniffed_whatever_the_extension(tmp_path: Path) -> None:
    saved = tmp_path / "statement.txt"
    shutil.copy(INPUTS / "fomc-statement-october.htm", saved)
    doc = load.read(saved)
    assert doc.extractor and doc.extractor.startswith("trafilatura") and doc.date == dt.date(2019, 10, 30)


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("no-main-text.html", "no article text found in this web page"),
        ("encrypted.pdf", "is an encrypted PDF that needs a password"),
        ("scanned.pdf", "has no text layer (a scanned PDF?)"),
        ("truncated.pdf", "is a truncated PDF"),
    ],
)
def test_unreadable_inputs_are_one_error(name: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        load.read(INPUTS / name)


def test_broken_word_file(tmp_path: Path) -> None:
    bad = tmp_path / "readout.docx"
    bad.write_bytes((INPUTS / "readout-december.docx").read_bytes()[:5000])
    with pytest.raises(InputError, match="readout.docx: is not a readable Word"):
        load.read(bad)


def test_no_date_anywhere_is_a_date_error(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article>"
        + "".join(
            f"<p>The committee decided in its {n} meeting to keep the rate unchanged after a long discussion.</p>"
            for n in ("first", "second", "third", "fourth")
        )
        + "</article></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(DateError, match="page.html: has no date .* --date page.html=YYYY-MM-DD"):
        load.read(page)


@pytest.mark.parametrize(("kind", "module"), [("html", "trafilatura"), ("pdf", "pypdf"), ("docx", "docx")])
def test_a_missing_extra_names_the_pip_command(monkeypatch: pytest.MonkeyPatch, kind: str, module: str) -> None:
    sub = {"html": "web", "pdf": "pdf", "docx": "word"}[kind]
    monkeypatch.delitem(sys.modules, f"compare.readers.{sub}", raising=False)
    monkeypatch.delattr(readers, sub, raising=False)
    monkeypatch.setitem(sys.modules, module, None)  # import fails as when not installed
    path = next(p for p in INPUTS.iterdir() if readers.kind(p, p.read_bytes()) == kind)
    with pytest.raises(InputError, match=rf"needs an optional extra: pip install 'compare\[{kind}\]'"):
        load.read(path)


def test_folder_expands_to_supported_files_with_a_note(tmp_path: Path) -> None:
    for name in ("readout-call.html", "readout-december.docx"):
        shutil.copy(INPUTS / name, tmp_path / name)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".DS_Store").write_bytes(b"x")
    notes: list[str] = []
    paths = readers.expand([tmp_path], notes.append)
    assert [p.name for p in paths] == ["readout-call.html", "readout-december.docx"]
    assert notes == [f"{tmp_path}: skipped 1 file(s) that are not text, Markdown, HTML, PDF or DOCX (photo.png)"]
    (tmp_path / "readout-call.html").unlink()
    (tmp_path / "readout-december.docx").unlink()
    with pytest.raises(InputError, match="has no text, Markdown, HTML, PDF or DOCX file"):
        readers.expand([tmp_path], notes.append)


def run(*args: str, cwd: Path, fake: bool = False) -> subprocess.CompletedProcess[str]:
    return cli_process(*args, cwd=cwd, env={"OMP_NUM_THREADS": "1"}, fake=fake)


@pytest.mark.slow  # a subprocess that imports every reader: about 12 s
def test_a_folder_of_mixed_formats_is_one_brief_in_date_order(tmp_path: Path) -> None:
    folder = tmp_path / "statements"
    folder.mkdir()
    for name in ("fomc-statement-october.pdf", "fomc-statement-september.html"):
        shutil.copy(INPUTS / name, folder / name)
    shutil.copy(INPUTS / "readout-december.docx", folder / "readout-december.docx")
    (folder / "2019-07-31.txt").write_text(
        "date 2019-07-31\nIn light of the implications of global developments for the economic outlook as well as "
        "muted inflation pressures, the Committee decided to lower the target range for the federal funds rate "
        "to 2 to 2-1/4 percent.\n",
        encoding="utf-8",
    )
    (folder / "notes.xlsx").write_bytes(b"PK\x03\x04")
    # reading only (dates, extractors, offsets): the fake embedder is enough
    p = run("statements", "-f", "json", "-o", "brief.json", "--no-cache", cwd=tmp_path, fake=True)
    assert p.returncode == 0, p.stderr
    assert "skipped 1 file(s)" in p.stderr and "notes.xlsx" in p.stderr
    brief = json.loads((tmp_path / "brief.json").read_text("utf-8"))
    docs = [(d["date"], d["id"], d["date_source"], d["extractor"].split()[0]) for d in brief["documents"]]
    assert docs == [
        ("2019-07-31", "2019-07-31", "header", "text"),
        ("2019-09-18", "fomc-statement-september", "page metadata", "trafilatura"),
        ("2019-10-30", "fomc-statement-october", "pdf metadata", "pypdf"),
        ("2021-12-09", "readout-december", "docx metadata", "python-docx"),
    ]
    for d in brief["documents"]:
        assert all(d["text"][s["start"] : s["end"]] == s["text"] for s in d["sentences"])
    md = run("statements", "--no-cache", "-q", cwd=tmp_path).stdout
    assert "fomc-statement-october: statements/fomc-statement-october.pdf read with pypdf" in md
    assert "date 2019-10-30 from the pdf metadata" in md


@pytest.mark.parametrize("name", ["no-main-text.html", "encrypted.pdf", "scanned.pdf", "truncated.pdf"])
def test_cli_bad_input_is_one_line_exit_3_nothing_written(tmp_path: Path, name: str) -> None:
    shutil.copy(INPUTS / name, tmp_path / name)
    shutil.copy(INPUTS / "readout-call.html", tmp_path / "readout-call.html")
    p = run("-q", name, "readout-call.html", "-o", "brief.md", cwd=tmp_path)
    assert p.returncode == 3
    assert p.stderr.count("\n") == 1 and p.stderr.startswith(f"compare: {name}: ") and "Traceback" not in p.stderr
    assert not (tmp_path / "brief.md").exists()


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["measures of longer-", "term inflation"], "measures of longer-term inflation"),
        (["incoming infor-", "mation for the"], "incoming information for the"),
        (["President Zelen-", "skyy of Ukraine"], "President Zelenskyy of Ukraine"),
        (["demand is mode-", "rating toward"], "demand is moderating toward"),  # 'mode' and 'rating' are words too
        (["the federal funds rate to 1-", "1/2 percent"], "the federal funds rate to 1-1/2 percent"),
        (["the United States-", "Ukraine partnership"], "the United States-Ukraine partnership"),
    ],
)
def test_line_end_hyphens(lines: list[str], joined: str) -> None:
    from compare.readers import pdf

    assert pdf._join(lines) == joined


def test_a_page_printed_to_pdf_by_a_browser() -> None:
    """The browser's header and footer (print date, title, file address, '1/2') recur on every
    page and go; the date is the one the release shows, not the day it was printed."""
    path = INPUTS / "fomc-statement-october-printed.pdf"
    doc = load.read(path)
    assert (doc.date, doc.date_source) == (dt.date(2019, 10, 30), "text")
    assert "file:" not in doc.text and "ﬁle:" not in doc.text and " 1/2" not in doc.text
    assert doc.title == "Federal Reserve issues FOMC statement"  # not 'Federal Reserve Board - …'
    clean = sentences(INPUTS / "fomc-statement-october.pdf")
    got = sentences(path)
    assert [s for s in got if s in clean] == clean  # every sentence, in order, none cut at a page end


@pytest.mark.parametrize(
    ("blocks", "day"),
    [
        (["Press release", "October 30, 2019", "Text."], dt.date(2019, 10, 30)),
        (["Wednesday, 30 October 2019"], dt.date(2019, 10, 30)),
        (["Sept. 18, 2019"], None),  # not a month name this reads
        (["2019-09-18"], dt.date(2019, 9, 18)),
        (["The meeting on October 30, 2019 decided."], None),  # a date inside a sentence is not a dateline
        (["February 30, 2019", "March 1, 2019"], dt.date(2019, 3, 1)),
    ],
)
def test_dateline(blocks: list[str], day: dt.date | None) -> None:
    assert readers.dateline(blocks) == day


def test_a_sentence_running_over_a_page_break_stays_whole() -> None:
    from compare.readers import pdf

    body = "Information received since the Committee met indicates that the labor market remains"
    full = "Voting for the action were Jerome H. Powell, Chair; Lael Brainard; Elizabeth A."
    assert len(body) >= len(full) >= 0.8 * len(body)
    page1 = [pdf._Line(body, 700, 10), pdf._Line(body, 686, 10), pdf._Line("strong.", 672, 10)]
    page1 += [pdf._Line(body, 650, 10), pdf._Line(full, 636, 10)]  # a wider gap: a new paragraph
    page2 = [pdf._Line("Duke; and Randal K. Quarles.", 700, 10)]
    page3 = [pdf._Line(body, 700, 10), pdf._Line("strong.", 686, 10)]
    paragraphs = pdf._paragraphs([page1, page2, page3])
    # a full line ending 'A.' runs on over the page break; a short last line with a full stop ends its paragraph
    assert paragraphs == [f"{body} {body} strong.", f"{body} {full} Duke; and Randal K. Quarles.", f"{body} strong."]


def test_a_chinese_page_in_gb2312() -> None:
    """Encoding from the page's meta tag; no source or editor line; sentences end at 。"""
    doc = load.read(INPUTS / "chinese-article.html")
    assert (doc.date, doc.date_source, doc.title) == (dt.date(2024, 10, 30), "page metadata", "习近平会见外国领导人")
    said = sentences(INPUTS / "chinese-article.html")
    assert said[0] == "新华社北京10月30日电 国家主席习近平30日在人民大会堂会见来访的外国领导人。"
    assert said[-1] == "双方一致同意，加强经贸、人文等领域交流合作，共同维护地区和平稳定。"
    assert len(said) == 4 and not any("来源" in s or "责任编辑" in s for s in said)


def test_a_page_that_shows_another_date_than_its_name_takes_the_shown_one(tmp_path: Path) -> None:
    page = tmp_path / "release-2020-01-29.html"
    page.write_text(
        "<html><body><p>October 30, 2019</p><p>The Federal Open Market Committee decided today to lower "
        "the target range for the federal funds rate to 1-1/2 to 1-3/4 percent.</p></body></html>",
        encoding="utf-8",
    )
    doc = load.read(page)
    assert (doc.date, doc.date_source) == (dt.date(2019, 10, 30), "text")
    assert any("the file name says 2020-01-29" in n for n in doc.notes)
