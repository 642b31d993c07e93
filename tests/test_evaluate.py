"""The aligner against blind-labeled consecutive FOMC statements (skips without ../shared)."""

from __future__ import annotations

import json
from types import ModuleType

import pytest

from conftest import ROOT
from evaluation import labels


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    from evaluation import fomc

    return fomc


def floors(genre: str) -> list[tuple[str, dict[str, float]]]:
    """The label sets with a regression floor (a little under the measured figure), from the
    manifest tests/fixtures/labels.json: tuning and held-out sets alike."""
    return [(e["file"], e["floor"]) for e in labels.sets(genre, task="alignment") if "floor" in e]


@pytest.mark.parametrize(("name", "floor"), floors("fomc"))
def test_fomc_labeled_pairs_agree(shared_data, embedder, ev: ModuleType, name: str, floor: dict[str, float]) -> None:
    given = json.loads((ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8"))
    pairs = ev.prepare(given, shared_data / "fomc", embedder)
    ours = ev.evaluate(pairs, ev.ours(ev.pipeline.pair_model()))
    naive = ev.evaluate(pairs, ev.naive)
    assert ours["sentences"] >= 120
    assert ours["agreement"] >= floor["agreement"], ours["errors"]
    assert ours["status_agreement"] >= floor["status_agreement"], ours["errors"]
    # never below the naive aligner; on the three pairs labeled first (near-verbatim 2015-16
    # statements) the two tie, on every other file compare is ahead (README)
    assert ours["agreement"] >= naive["agreement"]
    # every sentence compare calls repeated is repeated to the labelers, or differs from its
    # partner only in typography ("1 3/4" -> "1-3/4"), which issue 16 made a repeat
    for p in pairs:
        got = ev.ours(ev.pipeline.pair_model())(p)
        for (side, i), (status, partners) in got.items():
            if side == "before" and status == "repeated" and p.want[(side, i)][0] != "repeated":
                old = p.before.sentences[i].text
                new = " ".join(p.after.sentences[j].text for j in partners)
                assert ev.classify.normalized(old) == ev.classify.normalized(new), (p.name, i)


# JSON under tests/fixtures that is not a label set: the manifest itself (tests/fixtures/inputs
# holds the readers' test inputs, none of them JSON). Every other JSON file there is labels.
NOT_LABELS = {"labels.json"}


def test_the_manifest_lists_every_label_file_and_the_docs_quote_it() -> None:
    """tests/fixtures/labels.json is the one list of label sets: every label file under
    tests/fixtures is in it (subfolders too) with its task, genre, role, labelers and the
    command that measures it; each floor sits under its measured figure, and
    docs/evaluation.md's table quotes its figures (compare, naive, status only) as they are there."""
    fixtures = ROOT / "tests" / "fixtures"
    entries = labels.sets()
    listed = [e["file"] for e in entries]
    assert len(listed) == len(set(listed))
    on_disk = {
        p.relative_to(fixtures).as_posix()
        for p in fixtures.rglob("*.json")
        if p.relative_to(fixtures).parts[0] != "inputs" and p.name not in NOT_LABELS
    }
    assert on_disk == set(listed)
    for e in entries:
        assert {"task", "genre", "role", "labelers", "measured_by"} <= e.keys(), e["file"]
        assert e["role"] in {"tuning", "held-out", "second labeling", "split"}, e["file"]
        # the command that measures it runs a script (or test) of this repository on it
        programs = [w for w in e["measured_by"].split() if w.endswith(".py")]
        assert programs and (ROOT / programs[0]).is_file(), e["file"]
        if e["role"] == "second labeling":
            assert e["of"] in listed, e["file"]
    for e in entries:
        if "floor" in e:
            for key in ("agreement", "status_agreement"):
                assert e["floor"][key] <= e["measured"]["compare"][key], (e["file"], key)
    docs = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    for e in labels.sets("fomc", task="alignment"):
        if "measured" not in e:
            continue
        row = next(line for line in docs.splitlines() if line.startswith(f"| `{e['file']}`"))
        cells = [c.strip().strip("*") for c in row.strip("|").split("|")][-4:]
        m = e["measured"]
        want = [m["compare"]["agreement"], m["naive"]["agreement"], m["compare"]["status_agreement"]]
        want.append(m["naive"]["status_agreement"])
        assert [float(c) for c in cells] == want, e["file"]


def test_label_files_cover_every_sentence_once(shared_data) -> None:
    from evaluation import label_sheet as sheet

    for path in sorted((ROOT / "tests" / "fixtures").glob("fomc_labels*.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        assert sheet.problems(labels, shared_data / "fomc") == [], path.name


def test_pooled_agreement_weighs_files_by_sentences(ev: ModuleType) -> None:
    def run(strict: float, status: float) -> dict[str, float]:
        return {"agreement": strict, "status_agreement": status}

    rows = [("a.json", 300, run(1.0, 1.0), run(0.9, 0.9)), ("b.json", 100, run(0.6, 0.8), run(0.5, 0.7))]
    count, ours, naive = ev.pooled(rows)
    assert count == 400
    assert ours == pytest.approx({"agreement": 0.9, "status_agreement": 0.95})
    assert naive == pytest.approx({"agreement": 0.8, "status_agreement": 0.85})


@pytest.fixture(scope="module")
def er() -> ModuleType:
    from evaluation import readouts

    return readouts


def _readouts(shared_data, embedder, er: ModuleType, name: str) -> list:
    labels = json.loads((ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8"))
    items = er.read_labels(labels, shared_data / "readouts" / er.series(labels), embedder)
    assert not [m for it in items for m in it.missing]  # every labeled quote is found in a sentence
    return items


@pytest.mark.parametrize(("name", "floor"), floors("readouts"))
def test_readout_labels_agree(shared_data, embedder, er: ModuleType, name: str, floor: dict[str, float]) -> None:
    ours = er.score(_readouts(shared_data, embedder, er, name), er.ours(er.pipeline.pair_model()))
    assert ours["agreement"] >= floor["agreement"], ours["errors"]
    assert ours["status_agreement"] >= floor["status_agreement"], ours["errors"]
    assert ours["changed_two_claims"] <= floor["changed_two_claims"] * ours["changed"]


def test_readouts_beat_the_naive_aligner_over_all_labels(shared_data, embedder, er: ModuleType) -> None:
    # per file the naive aligner wins some (7 to 20 pairs a file); over all 720 labeled sentences
    # compare pairs more of what the labelers pair and keeps more restatements with their partner
    items = [it for name, _ in floors("readouts") for it in _readouts(shared_data, embedder, er, name)]
    ours, naive = er.score(items, er.ours(er.pipeline.pair_model())), er.score(items, er.naive)
    assert ours["status_agreement"] > naive["status_agreement"] + 0.01
    assert ours["restated_paired"][0] > naive["restated_paired"][0] * 1.3
