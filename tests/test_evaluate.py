"""The aligner against blind-labeled consecutive FOMC statements (skips without ../shared)."""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "floor", "status_floor"),
    [
        # regression guards a little under the measured figures (README: strict 0.969, 0.973, 0.958,
        # 0.957, 0.936, 0.946, 0.883, 0.920, 0.879, 0.876, 0.926, 0.977, 0.954; status only 0.977, 0.988,
        # 0.981, 0.972, 0.967, 0.978, 0.932, 0.960, 0.938, 0.936, 0.948, 0.980, 0.977)
        ("fomc_labels.json", 0.95, 0.96),
        ("fomc_labels_dev.json", 0.96, 0.98),
        ("fomc_labels_test1.json", 0.94, 0.97),
        ("fomc_labels_test2.json", 0.93, 0.95),
        # 0.909 strict, 0.939 status since residue lines stopped being sentences (main fa757f7, labels
        # remapped); the same before and after the statuses change
        ("fomc_labels_test3.json", 0.90, 0.93),
        ("fomc_labels_test4.json", 0.93, 0.96),
        ("fomc_labels_test5.json", 0.87, 0.92),
        ("fomc_labels_test6.json", 0.90, 0.94),
        ("fomc_labels_test7.json", 0.86, 0.92),
        ("fomc_labels_test8.json", 0.86, 0.92),
        ("fomc_labels_test9.json", 0.91, 0.93),
        # held out: each measured once (README)
        ("fomc_labels_test10.json", 0.96, 0.96),
        ("fomc_labels_test11.json", 0.94, 0.96),
    ],
)
def test_fomc_labeled_pairs_agree(
    shared_data, embedder, ev: ModuleType, name: str, floor: float, status_floor: float
) -> None:
    labels = json.loads((ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8"))
    pairs = ev.prepare(labels, shared_data / "fomc", embedder)
    ours = ev.evaluate(pairs, ev.ours(ev.pipeline.pair_model()))
    naive = ev.evaluate(pairs, ev.naive)
    assert ours["sentences"] >= 120
    assert ours["agreement"] >= floor, ours["errors"]
    assert ours["status_agreement"] >= status_floor, ours["errors"]
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


def test_label_files_cover_every_sentence_once(shared_data) -> None:
    spec = importlib.util.spec_from_file_location("label_sheet", ROOT / "scripts" / "label_sheet.py")
    assert spec and spec.loader
    sheet = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sheet)
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
def er(ev: ModuleType) -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate_readouts", ROOT / "scripts" / "evaluate_readouts.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate_readouts"] = module
    spec.loader.exec_module(module)
    return module


READOUT_LABELS = [
    # regression guards a little under the measured figures (docs/statuses.md): Netanyahu (tuning)
    # L16r 0.794 strict, 0.818 status, 6 of 44 changed are two claims; L17n1 0.786, 0.816, 2 of 22;
    # L17n2 0.878, 0.878, 0 of 21; Zelenskyy (held out) L16z 0.838, 0.868, 13 of 53 (second
    # measurement); L17z 0.819, 0.867, 4 of 15 (measured once)
    ("readout_claims_L16r.json", 0.77, 0.80, 0.15),
    ("readout_claims_L17n1.json", 0.76, 0.79, 0.10),
    ("readout_claims_L17n2.json", 0.85, 0.85, 0.05),
    ("readout_claims_L16z.json", 0.82, 0.85, 0.26),
    ("readout_claims_L17z.json", 0.80, 0.85, 0.27),
]


def _readouts(shared_data, embedder, er: ModuleType, name: str) -> list:
    labels = json.loads((ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8"))
    items = er.read_labels(labels, shared_data / "readouts" / er.series(labels), embedder)
    assert not [m for it in items for m in it.missing]  # every labeled quote is found in a sentence
    return items


@pytest.mark.parametrize(("name", "floor", "status_floor", "two_claims"), READOUT_LABELS)
def test_readout_labels_agree(
    shared_data, embedder, er: ModuleType, name: str, floor: float, status_floor: float, two_claims: float
) -> None:
    ours = er.score(_readouts(shared_data, embedder, er, name), er.ours(er.pipeline.pair_model()))
    assert ours["agreement"] >= floor, ours["errors"]
    assert ours["status_agreement"] >= status_floor, ours["errors"]
    assert ours["changed_two_claims"] <= two_claims * ours["changed"]


def test_readouts_beat_the_naive_aligner_over_all_labels(shared_data, embedder, er: ModuleType) -> None:
    # per file the naive aligner wins some (7 to 12 pairs a file); over all 720 labeled sentences
    # compare pairs more of what the labelers pair and keeps more restatements with their partner
    items = [it for name, *_ in READOUT_LABELS for it in _readouts(shared_data, embedder, er, name)]
    ours, naive = er.score(items, er.ours(er.pipeline.pair_model())), er.score(items, er.naive)
    assert ours["status_agreement"] > naive["status_agreement"] + 0.01
    assert ours["restated_paired"][0] > naive["restated_paired"][0] * 1.3
