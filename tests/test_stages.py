"""Table tests for the pure stages: load (parse), segment, diff, classify, align."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from compare import align, classify, load, segment
from compare.diff import side, word_diff
from compare.errors import DateError, InputError
from compare.types import Bead, Op, Sentence, Status


@pytest.mark.parametrize(
    ("name", "text", "date", "body"),
    [
        ("x.txt", " date 2023-02-26 BEIJING, Feb. 26 — body", dt.date(2023, 2, 26), "BEIJING, Feb. 26 — body"),
        ("x.txt", "date 2023-08-05 Headline\n\nBody.", dt.date(2023, 8, 5), "Headline\n\nBody."),
        ("x.txt", "---\ndate: 2021-03-04\ntitle: T\n---\nBody.", dt.date(2021, 3, 4), "Body."),
        ("2023-02-26-x.txt", "Body.", dt.date(2023, 2, 26), "Body."),
        ("20230226.txt", "Body.", dt.date(2023, 2, 26), "Body."),
        ("x_2023-02-26.md", "Body.", dt.date(2023, 2, 26), "Body."),
    ],
)
def test_parse_finds_the_date_and_body(name: str, text: str, date: dt.date, body: str) -> None:
    doc = load.parse(text, Path(name))
    assert doc.date == date
    assert doc.text[doc.body_start :] == body
    assert doc.text == text


@pytest.mark.parametrize(
    ("name", "text", "error"),
    [
        ("x.txt", "no date here.", DateError),
        ("x.txt", "date 2023-02-30 impossible", DateError),
        ("2023-13-01.txt", "Body.", DateError),
        ("x.txt", "   \n ", InputError),
        ("x.txt", "date 2023-02-01\n  ", InputError),
    ],
)
def test_parse_rejects_with_the_file_named(name: str, text: str, error: type[Exception]) -> None:
    with pytest.raises(error, match=name):
        load.parse(text, Path(name))


def test_front_matter_title_and_headline() -> None:
    assert load.parse("---\ndate: 2021-03-04\ntitle: T\n---\nBody.", Path("a")).title == "T"
    assert load.parse("date 2021-03-04 Big News Today\nBody text here.", Path("a")).title == "Big News Today"
    assert load.parse("date 2021-03-04 One sentence only.", Path("a")).title is None


def test_documents_are_ordered_by_date_then_name(tmp_path: Path) -> None:
    for name, text in [
        ("b.txt", "date 2020-01-02 B."),
        ("a.txt", "date 2020-01-02 A."),
        ("c.txt", "date 2019-05-05 C."),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    docs = load.read_all(sorted(tmp_path.iterdir()))
    assert [d.id for d in docs] == ["c", "a", "b"]


def _doc(text: str) -> load.Document:
    return load.parse(text, Path("2020-01-01.txt"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BEIJING, Feb. 26, 2023 /PRNewswire/ — China met on Feb. 26, 2023 in Beijing. It rained.",
            ["China met on Feb. 26, 2023 in Beijing.", "It rained."],
        ),
        ("The U.S. economy grew. Prices rose...", ["The U.S. economy grew.", "Prices rose..."]),
        (
            "Headline Without Stop\nFirst line of body. Second one.\n\nNew paragraph",
            ["First line of body.", "Second one.", "New paragraph"],
        ),
        ('He said "No. Never." and left. Then he came back.', ['He said "No. Never." and left.', "Then he came back."]),
        (
            "\n\nOctober 28, 2015\n\nFederal Reserve issues FOMC statement\n\nShare\n\n  The Committee met.",
            ["The Committee met."],
        ),
    ],
)
def test_segment_sentences_and_offsets(text: str, expected: list[str]) -> None:
    doc = _doc(text)
    sentences = segment.segment(doc)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert doc.text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("before", "after", "deleted", "inserted"),
    [
        ("has improved somewhat further.", "has improved further.", ["somewhat "], []),
        ("at 0 to 1/4 percent.", "at 1/4 to 1/2 percent.", ["0", "1/4"], ["1/4", "1/2"]),
        ("a world leader in science", "a world scientific power", ["leader in science"], ["scientific power"]),
        ("same text", "same text", [], []),
    ],
)
def test_word_diff_strikes_whole_words(before: str, after: str, deleted: list[str], inserted: list[str]) -> None:
    ops = word_diff(before, after)
    assert side(ops, Op.DELETE) == before
    assert side(ops, Op.INSERT) == after
    assert [d.text for d in ops if d.op is Op.DELETE] == deleted
    assert [d.text for d in ops if d.op is Op.INSERT] == inserted


def _sents(*texts: str) -> list[Sentence]:
    return [Sentence(i, t, 0, len(t)) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("old", "new", "status", "mechanical"),
    [
        ("The Committee met in June.", "The Committee met in June.", Status.REPEATED, False),
        ("The Committee’s view.", "The Committee's  view.", Status.REPEATED, False),
        ("The Committee met in June.", "The Committee met in July.", Status.CHANGED, True),
        ("Growth was moderate.", "Growth was moderate;", Status.CHANGED, True),
        ("Growth improved somewhat further.", "Growth improved further.", Status.CHANGED, False),
    ],
)
def test_classify_pairs(old: str, new: str, status: Status, mechanical: bool) -> None:
    claim = classify.classify(Bead((0,), (0,), 0.9), _sents(old), _sents(new))
    assert claim.status is status
    assert claim.mechanical is mechanical
    assert (claim.diff == ()) is (status is Status.REPEATED)


def test_classify_one_sided_and_numbers() -> None:
    assert classify.classify(Bead((0,), ()), _sents("a"), []).status is Status.DROPPED
    assert classify.classify(Bead((), (0,)), [], _sents("a")).status is Status.NEW
    claim = classify.classify(
        Bead((0,), (0,), 0.9),
        _sents("the target range at 0 to 1/4 percent."),
        _sents("the target range at 1/4 to 1/2 percent."),
    )
    assert [(n.before, n.after) for n in claim.numbers] == [("0 to 1/4 percent", "1/4 to 1/2 percent")]


def _unit(rows: list[list[float]]) -> np.ndarray:
    m = np.array(rows, dtype=np.float64)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


MODEL = align.PairModel(w_cos=10.0, w_lex=6.0, bias=-8.5, threshold=0.5)


def test_align_is_global_and_order_free() -> None:
    # before 0 is close to after 1 and 0; a greedy pass would give before 0 its best (after 0)
    # and leave before 1 unpaired; assignment pairs both.
    bv = _unit([[1, 0.3, 0], [1, 0, 0]])
    av = _unit([[1, 0.05, 0], [1, 0.5, 0]])
    words = [["a", "b"], ["a", "b"]]
    beads = align.align(bv, av, words, words, MODEL).beads
    pairs = {(b.before, b.after) for b in beads}
    assert pairs == {((0,), (1,)), ((1,), (0,))}


def test_align_covers_every_sentence_once_and_leaves_unrelated_alone() -> None:
    bv = _unit([[1, 0, 0], [0, 1, 0]])
    av = _unit([[0, 1, 0], [0, 0, 1]])
    beads = align.align(bv, av, [["x"], ["y"]], [["y"], ["z"]], MODEL).beads
    assert sorted(i for b in beads for i in b.before) == [0, 1]
    assert sorted(j for b in beads for j in b.after) == [0, 1]
    assert {(b.before, b.after) for b in beads} == {((1,), (0,)), ((0,), ()), ((), (1,))}


def test_align_joins_a_split_sentence() -> None:
    # one sentence (a+b) became two sentences (a) and (b)
    bv = _unit([[1, 1, 0]])
    av = _unit([[1, 0.1, 0], [0.1, 1, 0]])
    bw = [["alpha", "beta", "gamma", "delta"]]
    aw = [["alpha", "beta"], ["gamma", "delta"]]
    beads = align.align(bv, av, bw, aw, MODEL).beads
    assert [(b.before, b.after) for b in beads] == [((0,), (0, 1))]


def test_a_total_rewrite_is_a_dropped_and_a_new_claim() -> None:
    before = _sents("Xi urged the strengthening of basic research, according to Xinhua.", "Rates held.")
    after = _sents("An article published in August sheds light on this significance.", "Rates held!")
    got = classify.claims([Bead((0,), (0,), 0.7), Bead((1,), (1,), 0.9)], before, after)
    assert [(c.status, c.before, c.after) for c in got] == [
        (Status.DROPPED, (0,), ()),
        (Status.NEW, (), (0,)),
        (Status.CHANGED, (1,), (1,)),
    ]


def test_large_runs_embed_in_chunks_with_progress() -> None:
    from compare import pipeline

    class Counting:
        model_id = "counting"
        calls: list[int] = []

        def embed(self, texts: list[str]) -> np.ndarray:
            self.calls.append(len(texts))
            return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)

    messages: list[str] = []
    e = Counting()
    out = pipeline.embed_in_chunks(e, ["x"] * (pipeline.EMBED_CHUNK + 3), messages.append)
    assert out.shape == (pipeline.EMBED_CHUNK + 3, 2)
    assert e.calls == [pipeline.EMBED_CHUNK, 3]
    assert messages[-1] == f"embedded {pipeline.EMBED_CHUNK + 3} of {pipeline.EMBED_CHUNK + 3} sentences"


def test_a_document_without_claim_sentences_gets_a_note(tmp_path: Path) -> None:
    from compare import pipeline
    from compare.summarize import ExtractiveSummarizer

    class Flat:
        model_id = "flat"

        def embed(self, texts: list[str]) -> np.ndarray:
            return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)

    a, b = tmp_path / "2020-01-01-a.txt", tmp_path / "2020-02-01-b.txt"
    a.write_text("Big Headline Here\n\nShare\n", encoding="utf-8")
    b.write_text("The Committee met. Rates held.", encoding="utf-8")
    brief = pipeline.run(load.read_all([a, b]), Flat(), ExtractiveSummarizer())
    assert brief.notes == ("2020-01-01-a: no sentence to compare (only a title, a date line or page residue)",)
    assert [c.status for c in brief.comparisons[0].claims] == [Status.NEW, Status.NEW]


@pytest.mark.parametrize(
    ("ending", "cut"),
    [
        ("building a systemic, high-level platform for…", True),  # the seed report's last line
        ("and called for efforts to solve key problems from the", True),
        ("and called for efforts to solve key problems.", False),
        # a heading left at the end of a page is no cut-off sentence (FOMC 2020-03-15)
        ("Coordinated central bank action to enhance the provision of U.S. dollar liquidity", False),
    ],
)
def test_a_text_that_ends_mid_sentence_gets_a_note(ending: str, cut: bool) -> None:
    from compare import pipeline
    from render_builders import entry

    notes = pipeline.cut_off_notes([entry("a", "2020-01-01", ["The Committee met today.", ending])])
    assert len(notes) == cut and all(n.startswith("a: its text ends mid-sentence") for n in notes)


def test_slot_pairs_a_rewritten_sentence_between_the_same_neighbours() -> None:
    # three sentences kept, the middle one rewritten (similar topic, low similarity): in two
    # versions of one text the middle pair is the same claim changed, not dropped + new
    bv = _unit([[1, 0, 0, 0], [0, 1, 0.3, 0], [0, 0, 0, 1]])
    av = _unit([[1, 0, 0, 0], [0, 0.45, 1, 0], [0, 0, 0, 1]])
    words = [["alpha"], ["beta"], ["gamma"]]
    model = align.PairModel(w_cos=10.0, w_lex=0.0, bias=-8.0, threshold=0.5, slot_threshold=0.01)
    assert model.probability(np.array(bv[1] @ av[1]), np.array(0.0)) < 0.5
    pairs = {(b.before, b.after) for b in align.align(bv, av, words, words, model).beads}
    assert ((1,), (1,)) in pairs
    # without a shared frame (too few pairs: not versions of one text) there is no slot
    unrelated = _unit([[0, 0, 1, 0.1], [0, 0.45, 1, 0], [0.2, 0.2, 1, 0]])
    lone = {(b.before, b.after) for b in align.align(bv[1:2], unrelated, words[:1], words, model).beads}
    assert ((0,), ()) in lone


def test_slot_leaves_unrelated_sentences_apart() -> None:
    bv = _unit([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1]])
    av = _unit([[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
    words = [["alpha"], ["beta"], ["gamma"]]
    model = align.PairModel(w_cos=10.0, w_lex=0.0, bias=-8.0, threshold=0.5, slot_threshold=0.01)
    pairs = {(b.before, b.after) for b in align.align(bv, av, words, words, model).beads}
    assert ((1,), ()) in pairs and ((), (1,)) in pairs


def test_merge_found_by_content_folded_into_the_later_sentence() -> None:
    # before: "job gains solid" + "payrolls rose in march"; after: one sentence saying both.
    # The joined vector scores a little lower than the main pair, but the later sentence holds
    # the second sentence's content words, so it is one claim (a merge), not a drop.
    bv = _unit([[1, 0.2, 0], [0.3, 1, 0]])
    av = _unit([[1, 0.25, 0]])
    bw = [["job", "gains", "solid"], ["payrolls", "rose", "in", "march"]]
    aw = [["job", "gains", "solid", "as", "payrolls", "rose"]]
    base = align.PairModel(w_cos=10.0, w_lex=2.0, bias=-8.5, threshold=0.5, join_margin=1.0)
    joined = dataclasses.replace(base, join_slack=1.5, join_cover=0.3)  # joining costs 1.41 here
    assert [(b.before, b.after) for b in align.align(bv, av, bw, aw, base).beads] == [((0,), (0,)), ((1,), ())]
    assert [(b.before, b.after) for b in align.align(bv, av, bw, aw, joined).beads] == [((0, 1), (0,))]


def test_a_total_rewrite_within_versions_of_one_text_stays_changed() -> None:
    before = _sents("Core inflation remains somewhat elevated.")
    after = _sents("Readings on core inflation have improved modestly in recent months.")
    bead = [Bead((0,), (0,), 0.5)]
    assert [c.status for c in classify.claims(bead, before, after)] == [Status.DROPPED, Status.NEW]
    assert [c.status for c in classify.claims(bead, before, after, versions=True)] == [Status.CHANGED]


def test_non_breaking_hyphen_is_style_not_a_change() -> None:
    claim = classify.classify(
        Bead((0,), (0,), 0.99), _sents("Survey-based measures held."), _sents("Survey\u2011based measures held.")
    )
    assert claim.status is Status.REPEATED


def test_split_with_a_new_sentence_between_its_halves_is_one_claim(embedder) -> None:
    # FOMC, January -> March 2008: one inflation sentence became two, and a new sentence on
    # uncertainty was put between the halves. Both halves pair with it; the inserted one is new.
    from compare import pipeline, segment

    before = [
        "Today's policy action should help to promote moderate growth over time.",
        "The Committee expects inflation to moderate in coming quarters, but it will be necessary to "
        "continue to monitor inflation developments carefully.",
        "However, downside risks to growth remain.",
    ]
    after = [
        "Today's policy action should help to promote moderate growth over time.",
        "The Committee expects inflation to moderate in coming quarters, reflecting a projected leveling-out "
        "of energy and other commodity prices and an easing of pressures on resource utilization.",
        "Still, uncertainty about the inflation outlook has increased.",
        "It will be necessary to continue to monitor inflation developments carefully.",
        "However, downside risks to growth remain.",
    ]
    beads = align.align(
        embedder.embed(before),
        embedder.embed(after),
        [segment.words(t) for t in before],
        [segment.words(t) for t in after],
        pipeline.pair_model(),
    ).beads
    assert {(b.before, b.after) for b in beads} == {((0,), (0,)), ((1,), (1, 3)), ((), (2,)), ((2,), (4,))}


def test_bounded_aligner_joins_a_split_sentence_too() -> None:
    # the aligner for very large pairs searches splits and merges like the dense one
    from compare import align_bounded

    bv = _unit([[1, 1, 0], [0, 0, 1]])
    av = _unit([[1, 0.1, 0], [0.1, 1, 0], [0, 0, 1]])
    bw = [["alpha", "beta", "gamma", "delta"], ["omega"]]
    aw = [["alpha", "beta"], ["gamma", "delta"], ["omega"]]
    want = [((0,), (0, 1)), ((1,), (2,))]
    assert [(b.before, b.after) for b in align.align(bv, av, bw, aw, MODEL).beads] == want
    assert [(b.before, b.after) for b in align_bounded.align(bv, av, bw, aw, MODEL).beads] == want


def test_dissent_with_a_new_dissenter_is_the_same_sentence_changed(embedder) -> None:
    # FOMC, December 2007 -> January 2008: the vote-against sentence keeps its frame with a new
    # dissenter and reason. Watchers read it as the dissent sentence, changed; the frame bonus
    # pairs it where the words alone would not.
    from compare import pipeline, segment

    before = [
        "The Federal Open Market Committee decided today to lower its target for the federal funds rate "
        "25 basis points to 4-1/4 percent.",
        "Recent developments, including the deterioration in financial market conditions, have increased "
        "the uncertainty surrounding the outlook for economic growth and inflation.",
        "Voting against was Eric S. Rosengren, who preferred to lower the target for the federal funds rate "
        "by 50 basis points at this meeting.",
    ]
    after = [
        "The Federal Open Market Committee decided today to lower its target for the federal funds rate "
        "75 basis points to 3-1/2 percent.",
        "Recent developments, including the deterioration in financial market conditions, have increased "
        "the uncertainty surrounding the outlook for economic growth.",
        "Voting against was William Poole, who did not believe that current conditions justified policy "
        "action before the next regularly scheduled meeting.",
    ]
    args = (
        embedder.embed(before),
        embedder.embed(after),
        [segment.words(t) for t in before],
        [segment.words(t) for t in after],
    )
    model = pipeline.pair_model()
    assert model.frame_bonus > 0
    shipped = align.align(*args, model)
    assert shipped.versions
    assert ((2,), (2,)) in {(b.before, b.after) for b in shipped.beads}
    plain = align.align(*args, dataclasses.replace(model, frame_bonus=0.0)).beads
    assert ((2,), ()) in {(b.before, b.after) for b in plain}


def test_documents_that_share_a_few_sentences_are_not_versions(embedder) -> None:
    # the two seed articles pair 2 of their 8 and 11 sentences one to one: not versions of one text, so a
    # total rewrite between them is a dropped and a new claim (classify), not a change
    from compare import pipeline
    from conftest import ROOT

    docs = [load.read(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sentences = [segment.segment(d) for d in docs]
    alignment = align.align(
        *(embedder.embed([s.text for s in side]) for side in sentences),
        *([segment.words(s.text) for s in side] for side in sentences),
        pipeline.pair_model(),
    )
    assert not alignment.versions


def test_a_sentence_folded_word_for_word_into_a_distant_one_is_not_dropped(embedder) -> None:
    # FOMC, June -> August 2012: the twist sentence went on, word for word, as the first clause
    # of the reinvestment sentence three sentences further on; the two between were dropped.
    from compare import pipeline

    before = [
        "The Committee also decided to continue through the end of the year its program to extend the "
        "average maturity of its holdings of securities.",
        "Specifically, the Committee intends to purchase Treasury securities with remaining maturities of "
        "6 years to 30 years at the current pace and to sell or redeem an equal amount of Treasury securities "
        "with remaining maturities of approximately 3 years or less.",
        "This continuation of the maturity extension program should put downward pressure on longer-term "
        "interest rates and help to make broader financial conditions more accommodative.",
        "The Committee is maintaining its existing policy of reinvesting principal payments from its "
        "holdings of agency debt and agency mortgage-backed securities in agency mortgage-backed securities.",
    ]
    after = [
        "The Committee also decided to continue through the end of the year its program to extend the "
        "average maturity of its holdings of securities as announced in June, and it is maintaining its "
        "existing policy of reinvesting principal payments from its holdings of agency debt and agency "
        "mortgage-backed securities in agency mortgage-backed securities.",
    ]
    beads = align.align(
        embedder.embed(before),
        embedder.embed(after),
        [segment.words(t) for t in before],
        [segment.words(t) for t in after],
        pipeline.pair_model(),
    ).beads
    assert {(b.before, b.after) for b in beads} == {((0, 3), (0,)), ((1,), ()), ((2,), ())}
