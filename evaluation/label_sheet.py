"""Labeling aid for aligner evaluation: print a document pair as compare segments it, or
check a label file against that segmentation.

  python scripts/label_sheet.py show BEFORE.txt AFTER.txt     numbered sentences of both sides
  python scripts/label_sheet.py check LABELS.json [FOLDER]    every sentence labeled exactly once

A label file: {"about": "...", "pairs": [{"before": "X.txt", "after": "Y.txt", "claims":
[{"status": "repeated|changed|new|dropped", "before": [i, ...], "after": [j, ...]}, ...]}]}.
Indices are compare's JSON sentence indices (from 0). The labeler sees only this sheet, never
the aligner's output, so that the labels can serve as a held-out test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from compare import load, segment  # noqa: E402

FOMC = ROOT.parent / "shared" / "data" / "fomc"
SIDES = {"new": (False, True), "dropped": (True, False), "repeated": (True, True), "changed": (True, True)}


def sentences(path: Path) -> list[str]:
    return [s.text for s in segment.segment(load.read(path))]


def show(before: Path, after: Path) -> None:
    for name, path in (("BEFORE", before), ("AFTER", after)):
        print(f"== {name}: {path.name}")
        for i, text in enumerate(sentences(path)):
            print(f"[{i}] {text}")
        print()


def problems(labels: dict, folder: Path) -> list[str]:
    out = []
    for pair in labels["pairs"]:
        where = f"{pair['before']} -> {pair['after']}"
        counts = {"before": len(sentences(folder / pair["before"])), "after": len(sentences(folder / pair["after"]))}
        seen: dict[str, list[int]] = {"before": [], "after": []}
        for claim in pair["claims"]:
            need = SIDES.get(claim["status"])
            if need is None:
                out.append(f"{where}: unknown status {claim['status']!r}")
                continue
            for side, wanted in zip(("before", "after"), need, strict=True):
                if bool(claim[side]) != wanted:
                    out.append(f"{where}: {claim} must {'have' if wanted else 'not have'} {side} indices")
                seen[side] += claim[side]
        for side, count in counts.items():
            if sorted(seen[side]) != list(range(count)):
                missing = sorted(set(range(count)) - set(seen[side]))
                twice = sorted({i for i in seen[side] if seen[side].count(i) > 1})
                extra = sorted(set(seen[side]) - set(range(count)))
                out.append(f"{where}: {side} ({count} sentences): missing {missing}, twice {twice}, unknown {extra}")
    return out


def main() -> None:
    if len(sys.argv) >= 4 and sys.argv[1] == "show":
        show(Path(sys.argv[2]), Path(sys.argv[3]))
    elif len(sys.argv) in (3, 4) and sys.argv[1] == "check":
        folder = Path(sys.argv[3]) if len(sys.argv) == 4 else FOMC
        found = problems(json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")), folder)
        print("\n".join(found) or "ok")
        sys.exit(1 if found else 0)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
