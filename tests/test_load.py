"""load: encodings from real bytes, dates, and one clear error for every bad file."""

from __future__ import annotations

import codecs
import datetime as dt
import os
from pathlib import Path

import pytest

from compare import load, segment
from compare.errors import DateError, InputError, UsageError

ENGLISH = "date 2023-02-26\nCafé owners in Zürich said prices rose. “Déjà vu,” one said — again.\n"
CHINESE = "date 2023-02-26\n中国科技自立自强。基础研究是整个科学体系的源头！用AI技术，2023年2月。\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (ENGLISH.encode("utf-8"), ENGLISH),
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH),
        (ENGLISH.encode("utf-16"), ENGLISH),  # with BOM, native order
        (codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), ENGLISH),
        (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), ENGLISH),
        (ENGLISH.encode("utf-32"), ENGLISH),
        (ENGLISH.encode("utf-16-le"), ENGLISH),  # no BOM: found by its zero bytes
        (ENGLISH.encode("utf-16-be"), ENGLISH),
        (ENGLISH.replace("\n", "\r\n").encode("utf-8"), ENGLISH.replace("\n", "\r\n")),
        (ENGLISH.encode("cp1252"), ENGLISH),
        (
            "date 2023-02-26\nÇa va? Élysée, naïve résumé.\n".encode("latin-1"),
            "date 2023-02-26\nÇa va? Élysée, naïve résumé.\n",
        ),
        (CHINESE.encode("utf-8"), CHINESE),
        (CHINESE.encode("gb18030"), CHINESE),
        (codecs.BOM_UTF8 + CHINESE.encode("utf-8"), CHINESE),
        (CHINESE.encode("utf-16"), CHINESE),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf32-bom",
        "utf16le-nobom",
        "utf16be-nobom",
        "crlf",
        "cp1252",
        "latin1",
        "zh-utf8",
        "zh-gb18030",
        "zh-utf8-bom",
        "zh-utf16",
    ],
)
def test_decode_reads_real_bytes_exactly(raw: bytes, expected: str) -> None:
    assert load.decode(raw, "f.txt") == expected


@pytest.mark.parametrize(
    "text",
    ["Ça va? Élysée", "Élysée", "naïve façade, résumé", "Müller’s “quoted” café"],
)
def test_latin_text_is_never_read_as_gb18030_mojibake(text: str) -> None:
    """GB18030 decodes most Latin-1 byte strings; the plausibility check must refuse that."""
    assert load.decode(text.encode("cp1252"), "f.txt") == text


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        (os.urandom(0) + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 20, "re-save it as UTF-8"),
        (codecs.BOM_UTF8 + b"ok \xff\xfe bad", "not valid utf-8"),
        (b"\x01\x02\x03\x04text" * 50, "binary"),
    ],
    ids=["all-bytes", "png", "undecodable", "bom-then-garbage", "control-heavy"],
)
def test_decode_refuses_binary_and_undecodable(raw: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as e:
        load.decode(raw, "some/file.bin")
    assert str(e.value).startswith("some/file.bin: ")


def test_random_bytes_never_decode_to_mojibake() -> None:
    import random

    rng = random.Random(7)
    for _ in range(200):
        raw = bytes(rng.randrange(128, 256) for _ in range(rng.randrange(20, 400)))
        try:
            text = load.decode(raw, "r")
        except InputError:
            continue
        # accepted only as plausible Windows-1252 letters or runs of common CJK
        assert not any(0x80 <= ord(c) <= 0x9F for c in text)


def test_stray_control_characters_are_replaced_one_for_one() -> None:
    text = "date 2023-01-01\nA \x1b[31mred\x1b[0m word and a bell\x07 here." + " padding" * 200
    out = load.decode(text.encode(), "f")
    assert len(out) == len(text)
    assert "\x1b" not in out and "\x07" not in out and "\ufffd" in out


# ---- dates ----


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("x.txt", "date 2023-02-26 Body runs on.", dt.date(2023, 2, 26)),
        ("x.txt", "Date: 2023-02-26\nBody.", dt.date(2023, 2, 26)),
        ("x.txt", "---\ndate: 2023-02-26\ntitle: T\n---\nBody.", dt.date(2023, 2, 26)),
        ("x.txt", "---\r\ndate: '2023-02-26'\r\n---\r\nBody.", dt.date(2023, 2, 26)),
        ("2023-02-26-x.txt", "Body.", dt.date(2023, 2, 26)),
        ("20230226.txt", "Body.", dt.date(2023, 2, 26)),
        ("x_2023-02-26.md", "Body.", dt.date(2023, 2, 26)),
        ("id_99999999_2023-02-26.txt", "Body.", dt.date(2023, 2, 26)),  # digits that are no date
    ],
)
def test_dates(name: str, text: str, expected: dt.date) -> None:
    assert load.parse(text, Path(name)).date == expected


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("x.txt", "date 2023-02-30 Body.", "impossible date 2023-02-30"),
        ("x.txt", "---\ndate: 2023-13-01\n---\nBody.", "impossible date 2023-13-01"),
        ("x.txt", "---\ndate: Feb 26 2023\n---\nBody.", "is not YYYY-MM-DD"),
        ("2023-02-30-x.txt", "Body.", "the file name has an impossible date"),
        ("x.txt", "Body with no date.", "--date x.txt=YYYY-MM-DD"),
        ("report_12345678.txt", "Body.", "has no date"),
    ],
)
def test_date_errors_say_what_and_how(name: str, text: str, message: str) -> None:
    with pytest.raises(DateError, match=message) as e:
        load.parse(text, Path(name))
    assert str(e.value).startswith(f"{name}: ")
    assert e.value.exit_code == 4


def test_no_date_message_lists_every_way() -> None:
    with pytest.raises(DateError) as e:
        load.parse("Body.", Path("notes.txt"))
    msg = str(e.value)
    for way in ("'date YYYY-MM-DD'", "front-matter", "file name", "--date notes.txt=YYYY-MM-DD"):
        assert way in msg


def test_given_date_wins() -> None:
    assert load.parse("date 2020-01-01 Body.", Path("x.txt"), dt.date(2021, 5, 6)).date == dt.date(2021, 5, 6)


# ---- files ----


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text("date 2023-01-01\nOne sentence here.\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "e.txt", b""), "is empty"),
        (lambda d: _write(d / "w.txt", b" \n\t\r\n  "), "is empty"),
        (lambda d: _write(d / "b.txt", codecs.BOM_UTF8), "is empty"),
        (lambda d: _write(d / "u.txt", "  \n ".encode("utf-16")), "is empty"),
        (lambda d: _write(d / "h.txt", b"date 2023-01-01\n   \n"), "has a date but no text"),
        (lambda d: _write(d / "z.bin", bytes(range(256))), "binary"),
        (lambda d: _symlink(d / "dangling.txt", d / "nowhere"), "broken symbolic link"),
        (lambda d: _fifo(d / "pipe.txt"), "not a regular file"),
        (lambda d: Path("/dev/null"), "not a regular file"),
    ],
    ids=[
        "missing",
        "directory",
        "empty",
        "whitespace",
        "bom-only",
        "utf16-whitespace",
        "header-only",
        "binary",
        "dangling-link",
        "fifo",
        "device",
    ],
)
def test_read_errors_name_the_file(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    with pytest.raises(InputError, match=message) as e:
        load.read(path)
    assert str(e.value).startswith(f"{path}: ")
    assert e.value.exit_code == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(good: Path) -> None:
    good.chmod(0)
    try:
        with pytest.raises(InputError, match="cannot be read"):
            load.read(good)
    finally:
        good.chmod(0o644)


def test_non_utf8_file_name_is_printable(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9-2023-01-01.txt"
    with open(raw, "wb") as fh:
        fh.write(b"Body text here.")
    doc = load.read(Path(os.fsdecode(raw)))
    doc.path.encode("utf-8")  # no lone surrogates
    doc.id.encode("utf-8")
    assert "\ufffd" in doc.id


def test_read_leaves_the_file_untouched(good: Path) -> None:
    before = (good.read_bytes(), good.stat().st_mtime_ns, good.stat().st_mode)
    load.read(good)
    assert (good.read_bytes(), good.stat().st_mtime_ns, good.stat().st_mode) == before


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 10)
    p = _write(tmp_path / "2023-01-01.txt", b"x" * 100)
    with pytest.raises(InputError, match="the limit is"):
        load.read(p)


def test_date_option_for_an_unknown_file_is_an_error(good: Path) -> None:
    with pytest.raises(UsageError, match="not one of the input files"):
        load.read_all([good], {"other.txt": dt.date(2023, 1, 1)})


def test_date_option_by_name_or_path(good: Path) -> None:
    day = dt.date(2022, 2, 2)
    assert load.read_all([good], {good.name: day})[0].date == day
    assert load.read_all([good], {str(good): day})[0].date == day


def _write(path: Path, raw: bytes) -> Path:
    path.write_bytes(raw)
    return path


def _symlink(path: Path, target: Path) -> Path:
    path.symlink_to(target)
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


# ---- round two: a few bad bytes, stray NULs, ids, identity ----

FRENCH = "date 2023-01-01\nLe comité a décidé de maintenir les taux. Les marchés ont réagi à la décision.\n"


@pytest.mark.parametrize(
    ("raw", "offsets"),
    [
        (FRENCH.encode()[:40] + b"\xff" + FRENCH.encode()[40:], [40]),
        (FRENCH.encode() + "Très".encode("latin-1"), [len(FRENCH.encode()) + 2]),
        (FRENCH.encode() + b"\xed\xa0\x80 fin.", [len(FRENCH.encode())]),  # an encoded surrogate
        (FRENCH.encode() + "Fin — ".encode()[:-2], [len(FRENCH.encode()) + 4]),  # cut by head -c
        (b"date 2023-01-01\nThe committee decided\xff to hold rates steady this month.", [37]),
    ],
    ids=["stray-ff", "one-latin1-letter", "encoded-surrogate", "cut-character", "ascii-and-ff"],
)
def test_utf8_with_a_few_bad_bytes_stays_utf8(raw: bytes, offsets: list[int]) -> None:
    text, notes = load.decode_noting(raw, "f.txt")
    assert "comité" in text or "committee" in text  # never "comitÃ©"
    assert "Ã" not in text and "\ufffd" in text
    assert raw.decode("utf-8", "replace").replace("\ufffd", "") == text.replace("\ufffd", "")
    (note,) = notes
    assert note.startswith("f.txt: ") and "not valid UTF-8" in note
    for offset in offsets:
        assert str(offset) in note


def test_bad_byte_note_reaches_the_brief(tmp_path: Path) -> None:
    from compare import pipeline
    from compare.summarize import ExtractiveSummarizer

    class Flat:  # plumbing only: the note is what is checked
        model_id = "flat"

        def embed(self, texts):  # type: ignore[no-untyped-def]
            import numpy as np

            return np.tile(np.eye(1, 4, dtype=np.float32), (len(texts), 1))

    a = _write(tmp_path / "a.txt", FRENCH.encode()[:40] + b"\xff" + FRENCH.encode()[40:])
    b = _write(tmp_path / "b.txt", FRENCH.replace("2023-01-01", "2023-02-01").encode())
    brief = pipeline.run(load.read_all([a, b]), Flat(), ExtractiveSummarizer())
    assert any("a.txt: 1 byte is not valid UTF-8 (at byte offset 40)" in n for n in brief.notes)


def test_whole_file_fallback_is_noted() -> None:
    text, notes = load.decode_noting(ENGLISH.encode("cp1252"), "f.txt")
    assert text == ENGLISH
    assert notes == ("f.txt: is not UTF-8; read as Windows-1252 (the whole file is plausible Windows-1252 text).",)


def test_utf8_mojibake_is_never_chosen_over_utf8() -> None:
    """Windows-1252 reads any UTF-8 byte pair; with UTF-8 letters present it must not win."""
    raw = "date 2023-01-01\nLe comité a décidé. Très bien.".encode().replace("Très".encode(), "Très".encode("latin-1"))
    assert "comité" in load.decode(raw, "f")


def test_short_gb18030_texts_are_not_read_as_utf8() -> None:
    import random

    common = [bytes([a, b]).decode("gb2312") for a in range(0xB0, 0xD7) for b in range(0xA1, 0xFF)]
    rng = random.Random(1)
    for _ in range(300):
        text = "date 2023-01-01\n" + "".join(rng.choice(common) for _ in range(rng.randrange(1, 12))) + "。"
        assert load.decode(text.encode("gb18030"), "f") == text


@pytest.mark.parametrize("where", [17, 18, 40], ids=["odd", "even", "later"])
def test_a_stray_nul_does_not_make_utf16(where: int) -> None:
    """An even-length text whose one NUL sits at an odd (or even) offset is still UTF-8 text."""
    original = "date 2023-01-01\nThe committee decided to hold rates steady.\n"
    raw = bytearray(original.encode())
    raw[where] = 0
    assert len(raw) % 2 == 0
    assert load.decode(bytes(raw), "f") == original[:where] + "\ufffd" + original[where + 1 :]


def test_bomless_utf16_with_some_non_ascii_still_reads() -> None:
    text = "date 2023-01-01\n中国 The committee decided. Zürich.\n"
    assert load.decode(text.encode("utf-16-le"), "f") == text


def _doc(tmp_path: Path, rel: str, day: str) -> Path:
    p = tmp_path / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(f"date {day}\nText of {rel}.\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "days",
    [
        ("2023-01-01", "2023-02-01", "2023-03-01"),
        ("2023-03-01", "2023-02-01", "2023-01-01"),
        ("2023-01-01", "2023-01-01", "2023-01-01"),
    ],
)
def test_ids_are_unique_whatever_the_file_names(tmp_path: Path, days: tuple[str, str, str]) -> None:
    paths = [_doc(tmp_path, rel, day) for rel, day in zip(("a/x.txt", "b/x.txt", "c/x-2.txt"), days, strict=True)]
    docs = load.read_all(paths)
    ids = [d.id for d in docs]
    assert len(set(ids)) == 3, ids
    assert next(d.id for d in docs if d.path.endswith("c/x-2.txt")) == "x-2"  # a file keeps its own name


def test_same_file_under_two_spellings_is_one_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    a = _doc(tmp_path, "A.txt", "2023-01-01")
    b = _doc(tmp_path, "B.txt", "2023-02-01")
    (tmp_path / "link.txt").symlink_to(a)
    os.link(a, tmp_path / "hard.txt")
    docs = load.read_all([Path("A.txt"), a, Path("./A.txt"), Path("link.txt"), Path("hard.txt"), b])
    assert [d.path for d in docs] == ["A.txt", str(b)]
    (note,) = docs[0].notes
    assert note == f"A.txt: also given as {a}, link.txt, hard.txt (the same file); compared once."
    assert docs[1].notes == ()


def test_date_option_applies_through_any_spelling(tmp_path: Path) -> None:
    a = _doc(tmp_path, "A.txt", "2023-01-01")
    (tmp_path / "link.txt").symlink_to(a)
    docs = load.read_all([a, tmp_path / "link.txt"], {"link.txt": dt.date(2020, 5, 5)})
    assert len(docs) == 1 and docs[0].date == dt.date(2020, 5, 5)


def test_control_characters_in_a_file_name_are_escaped(tmp_path: Path) -> None:
    p = _doc(tmp_path, "e\x1b]0;x\x07\u202e-2023.txt", "2023-01-01")
    doc = load.read(p)
    for field in (doc.id, doc.path):
        assert not any(c in field for c in "\x1b\x07\u202e")
        assert "\\x1b]0;x\\x07\\u202e" in field
    with pytest.raises(DateError) as e:
        load.read(_write(tmp_path / "n\x1b[2Jo.txt", b"no date here"))
    assert "\x1b" not in str(e.value) and "n\\x1b[2Jo.txt" in str(e.value)


def test_aux_files_are_limited_and_devices_refused(tmp_path: Path) -> None:
    big = _write(tmp_path / "t.j2", b"x" * (load.MAX_AUX_BYTES + 1))
    with pytest.raises(InputError, match="template file is 1 MB; the limit is 1 MB"):
        load.read_aux(big, "template")
    with pytest.raises(InputError, match="is a device"):
        load.read_aux(Path("/dev/zero"), "template")
    with pytest.raises(InputError, match="watch list not found"):
        load.watch_list(tmp_path / "none.txt")


def test_date_option_by_a_name_two_inputs_share_is_an_error(tmp_path: Path) -> None:
    a, b = _doc(tmp_path, "a/x.txt", "2023-01-01"), _doc(tmp_path, "b/x.txt", "2023-02-01")
    with pytest.raises(UsageError, match="names .*a/x.txt and .*b/x.txt; give the path instead"):
        load.read_all([a, b], {"x.txt": dt.date(2020, 1, 1)})
    docs = load.read_all([a, b], {str(a): dt.date(2020, 1, 1)})
    assert [d.date for d in docs] == [dt.date(2020, 1, 1), dt.date(2023, 2, 1)]


MARKDOWN = """---
date: '2023-10-10'
title: "Readout of President\\_Biden\\u2019s Call with Prime Minister Netanyahu of\\_\\
  Israel"
tags: statements-releases
---

## On the *21<sup>st</sup>* of May

President Biden spoke with the Prime Minister about [the hostages](https://example.gov/x)
held by **Hamas** and the need for an end to the fighting.\\
He reaffirmed U.S. support for Israel&rsquo;s security.

\\###
"""


def test_markdown_front_matter_and_markup_are_read_as_text(tmp_path: Path) -> None:
    f = tmp_path / "readout.md"
    f.write_text(MARKDOWN, encoding="utf-8")
    d = load.read(f)
    assert d.date == dt.date(2023, 10, 10)
    assert d.title == "Readout of President Biden’s Call with Prime Minister Netanyahu of Israel"
    texts = [" ".join(s.text.split()) for s in segment.segment(d)]
    assert (
        "President Biden spoke with the Prime Minister about the hostages held by Hamas "
        "and the need for an end to the fighting." in texts
    )
    assert all(mark not in t for t in texts for mark in ("<sup>", "**", "](", "\\", "###", "*"))
    assert texts[0] == "On the 21st of May"


def test_invalid_front_matter_is_one_line_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.md"
    f.write_text("---\ndate: [2023\ntitle: x\n---\nBody text here.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.md: front matter is not valid YAML"):
        load.read(f)


def test_a_file_name_date_the_text_contradicts_gives_way_to_the_text(tmp_path: Path) -> None:
    # the FOMC file 20070618.txt holds the statement of June 28, 2007: the brief dated it by its
    # name, ten days early, and a blind Fed watcher distrusted it, note or not
    body = "\n\nJune 28, 2007\n\nFOMC statement\n\nThe Committee decided today to keep its target at 5-1/4 percent.\n"
    wrong = tmp_path / "20070618.txt"
    wrong.write_text(body, encoding="utf-8")
    doc = load.read(wrong)
    assert doc.date == dt.date(2007, 6, 28) and doc.date_source == "text"
    assert any("the file name says 2007-06-18" in n and "--date 20070618.txt=2007-06-18" in n for n in doc.notes)
    right = tmp_path / "20070628.txt"
    right.write_text(body, encoding="utf-8")
    assert load.read(right).notes == () and load.read(right).date_source == "file name"
    # --date still wins; a date in the middle of the text is no date line
    assert load.read(wrong, dt.date(2007, 6, 18)).date == dt.date(2007, 6, 18)
    later = tmp_path / "20070101.txt"
    later.write_text("The Committee met.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nJune 28, 2007\n", encoding="utf-8")
    assert load.read(later).date == dt.date(2007, 1, 1) and load.read(later).notes == ()
