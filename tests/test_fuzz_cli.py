"""The whole CLI over generated files: every run ends with a correct brief or with one line on
stderr and a documented exit code; no traceback, no partial output, inputs untouched. The
real packaged model is loaded once (session fixture `embedder`) and handed to the CLI through
its embedder seam (fixture `run_cli`)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import load, pipeline, render
from compare.summarize import ExtractiveSummarizer
from conftest import CLI
from fakes import FakeEmbedder

DOCUMENTED = {0, 2, 3, 4, 5}


sentence = st.one_of(
    st.sampled_from(
        [
            "The council raised the fee to 5 percent.",
            "The council kept the fee at 4 percent.",
            "<script>alert(1)</script> was posted | twice.",
            "Use `code` and {{ brief }} and {% raw %} here.",
            "# Not a heading",
            "1. Not a list",
            "中国科技自立自强。基础研究是源头！",
            "Çà et là, naïve résumé.",
            "x" * 2500,
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=80),
)
header = st.sampled_from(["date 2023-0{}-1{}\n", "---\ndate: 2023-0{}-1{}\n---\n", "", "date 2023-02-30\n"])
encoding = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "cp1252", "binary"])
name = st.sampled_from(["a{}.txt", "2023-03-0{}-b.txt", "notes{}.md", "c {} ü.txt"])


@st.composite
def files(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    out = []
    for k in range(draw(st.integers(1, 4))):
        text = draw(header).format(k + 1, k) + " ".join(draw(st.lists(sentence, min_size=0, max_size=5)))
        enc = draw(encoding)
        if enc == "binary":
            raw = bytes(draw(st.binary(min_size=1, max_size=64))) + b"\x00"
        else:
            try:
                raw = text.encode(enc)
            except UnicodeEncodeError:
                raw = text.encode("utf-8")
        out.append((draw(name).format(k), raw))
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(generated=files(), fmt=st.sampled_from(["markdown", "html", "json"]), existing_output=st.booleans())
def test_cli_on_generated_files(
    generated: list[tuple[str, bytes]],
    fmt: str,
    existing_output: bool,
    run_cli: CLI,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        paths = []
        for n, raw in generated:
            p = d / n
            p.write_bytes(raw)
            paths.append(p)
        out = d / "out" / f"brief.{fmt}"
        out.parent.mkdir()
        if existing_output:
            out.write_text("previous", encoding="utf-8")
        stamps = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}
        code, stdout, err = run_cli("-q", "-f", fmt, "-o", str(out), *map(str, paths))
        assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths} == stamps
        assert sorted(x.name for x in out.parent.iterdir()) == (
            ["brief." + fmt] if existing_output or code == 0 else []
        )
        assert stdout == ""
        assert code in DOCUMENTED, err
        if code != 0:
            assert len(err.strip().splitlines()) == 1 and err.startswith("compare: "), err
            if existing_output:
                assert out.read_text("utf-8") == "previous"
            return
        text = out.read_text("utf-8")
        if fmt == "json":
            data = json.loads(text)
            assert len(data["documents"]) >= 2
        elif fmt == "html":
            assert "<script>alert" not in text


def test_stdout_output_and_dash(tmp_path: Path, run_cli: CLI) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("date 2023-01-01\n<b>Rates</b> rose to 5 percent | sharply.\n", encoding="utf-8")
    b.write_text("date 2023-02-01\n<b>Rates</b> rose to 6 percent | sharply.\n", encoding="utf-8")
    code, out, err = run_cli("-q", "-o", "-", "-f", "json", str(a), str(b))
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["documents"][0]["sentences"][0]["text"] == "<b>Rates</b> rose to 5 percent | sharply."


@pytest.mark.slow
def test_five_hundred_small_documents(tmp_path: Path, embedder: object) -> None:
    paths = []
    for k in range(500):
        p = tmp_path / f"2020-01-01-{k:03}.txt"
        p.write_text(f"Statement {k}. The rate stays at {k % 7} percent. Officials met on day {k}.", encoding="utf-8")
        paths.append(p)
    brief = pipeline.run(load.read_all(paths), embedder, ExtractiveSummarizer())
    assert len(brief.documents) == 500 and len(brief.comparisons) == 499
    assert json.loads(render.render(brief, render.Format.JSON))["comparisons"][498]["after"] == "2020-01-01-499"


def test_long_unpunctuated_sentence_is_noted(tmp_path: Path, embedder: object) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("date 2023-01-01\n" + "word " * 20000, encoding="utf-8")
    b.write_text("date 2023-02-01\nA short statement.", encoding="utf-8")
    brief = pipeline.run(load.read_all([a, b]), embedder, ExtractiveSummarizer())
    assert any("cut into pieces" in n for n in brief.notes)
    assert "cut into pieces" in render.render(brief, render.Format.MARKDOWN)
    assert all(s.truncated for s in brief.documents[0].sentences)


def test_large_pair_uses_bounded_alignment(tmp_path: Path, embedder: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from compare import align_bounded

    monkeypatch.setattr(align_bounded, "DENSE_LIMIT", 10)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("date 2023-01-01\nRates rose. Jobs grew. Prices fell. Wages rose.", encoding="utf-8")
    b.write_text("date 2023-02-01\nRates rose. Jobs shrank. Prices fell. Exports rose.", encoding="utf-8")
    brief = pipeline.run(load.read_all([a, b]), embedder, ExtractiveSummarizer())
    assert any("too large for the global aligner" in n for n in brief.notes)
    claims = brief.comparisons[0].claims
    assert sorted(i for c in claims for i in c.before) == [0, 1, 2, 3]
    assert sorted(j for c in claims for j in c.after) == [0, 1, 2, 3]
    assert [c.status.value for c in claims if c.before == (0,)] == ["repeated"]


@pytest.mark.slow
def test_two_one_megabyte_documents(tmp_path: Path) -> None:
    """~1 MB against ~1 MB (9,500 x 9,500 sentences): bounded alignment, memory bounded,
    every sentence accounted for. (Size limits: docs/how-it-works.md, "Size".)"""
    import resource

    paras = [
        f"Paragraph {k}: the committee judged that economic activity expanded at a moderate pace in district {k}."
        for k in range(9500)
    ]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("date 2023-01-01\n" + "\n\n".join(paras), encoding="utf-8")
    changed = [p.replace("moderate", "solid") if k % 10 == 0 else p for k, p in enumerate(paras)]
    b.write_text("date 2023-02-01\n" + "\n\n".join(changed[100:] + ["A new closing sentence."]), encoding="utf-8")
    assert a.stat().st_size > 1_000_000
    brief = pipeline.run(load.read_all([a, b]), FakeEmbedder(dim=32), ExtractiveSummarizer())
    assert any("too large for the global aligner" in n for n in brief.notes)
    claims = brief.comparisons[0].claims
    assert sorted(i for c in claims for i in c.before) == list(range(9500))
    assert sorted(j for c in claims for j in c.after) == list(range(9401))
    status = {c.before: c.status.value for c in claims if c.before}
    assert status[(101,)] == "repeated"
    out = render.render(brief, render.Format.JSON)
    assert len(out) > 2_000_000
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 4 * 2**20  # KiB: under 4 GB
