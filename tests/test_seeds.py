"""The seeds end to end, with the real MiniLM: the brief says what a careful reader would."""

from __future__ import annotations

from compare.types import Brief, Op, Status


def _find(brief: Brief, status: Status, needle: str) -> list[str]:
    """Texts of claims with `status` whose sentence contains `needle`."""
    c = brief.comparisons[0]
    b, a = brief.entry(c.before).sentences, brief.entry(c.after).sentences
    out = []
    for claim in c.with_status(status):
        text = " ".join([b[i].text for i in claim.before] + [a[j].text for j in claim.after])
        if needle in text:
            out.append(text)
    return out


def test_seeds_are_two_dated_documents(seeds_brief: Brief) -> None:
    assert [e.document.date.isoformat() for e in seeds_brief.documents] == ["2023-02-26", "2023-08-05"]
    assert len(seeds_brief.comparisons) == 1


def test_urgent_requirement_claim_changed_with_words_struck_and_inserted(seeds_brief: Brief) -> None:
    c = seeds_brief.comparisons[0]
    changed = [x for x in c.with_status(Status.CHANGED) if any("urgent requirement" in d.text for d in x.diff)]
    assert len(changed) == 1
    deleted = " ".join(d.text for d in changed[0].diff if d.op is Op.DELETE)
    inserted = " ".join(d.text for d in changed[0].diff if d.op is Op.INSERT)
    assert "world leader in science and technology" in deleted
    assert "world scientific and technological power" in inserted
    assert "only path forward" in inserted


def test_stranglehold_dropped_and_qiushi_article_new(seeds_brief: Brief) -> None:
    assert _find(seeds_brief, Status.DROPPED, "stranglehold")
    assert _find(seeds_brief, Status.NEW, "Seeking Truth")
    assert _find(seeds_brief, Status.NEW, "six key areas")


def test_every_sentence_has_exactly_one_status(seeds_brief: Brief) -> None:
    c = seeds_brief.comparisons[0]
    before = sorted(i for x in c.claims for i in x.before)
    after = sorted(j for x in c.claims for j in x.after)
    assert before == list(range(len(seeds_brief.entry(c.before).sentences)))
    assert after == list(range(len(seeds_brief.entry(c.after).sentences)))


def test_summaries_cite_verbatim_sentences(seeds_brief: Brief) -> None:
    for e in seeds_brief.documents:
        assert 1 <= len(e.summary.points) <= 3
        for p in e.summary.points:
            assert p.text == " ".join(e.sentences[i].text for i in p.sources)


def test_the_lede_says_the_new_wording_was_already_in_the_report(seeds_brief: Brief) -> None:
    # a blind China watcher: "self-reliance and self-improvement" already titles the February
    # study session (s2), so the shift is a choice between two wordings, not a new coinage
    reasons = [item.reason for item in seeds_brief.lede[0] if item.phrase == "self-reliance and strength"]
    assert reasons == ["shifted to “self-reliance and self-improvement” (also in the earlier document, s2)"]


def test_the_cut_off_report_is_noted(seeds_brief: Brief) -> None:
    # the February report stops mid-sentence ("...a systemic, high-level platform for…")
    assert [n for n in seeds_brief.notes if "ends mid-sentence" in n] == [
        "000_5e902f7cddc8c7f3: its text ends mid-sentence (“…systemic, high-level platform for…”): the file may "
        "be cut off: a claim it seems to lack may only be missing from the file."
    ]


def test_a_phrase_of_one_document_reads_as_one_date(seeds_brief: Brief) -> None:
    from compare import render
    from compare.types import Format

    rows = [r for r in render.render(seeds_brief, Format.MARKDOWN).splitlines() if "self-reliance and strength”" in r]
    assert rows and "| 2023-02-26 only |" in rows[-1] and "2023-02-26 → 2023-02-26" not in rows[-1]
