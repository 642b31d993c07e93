"""calibration: the settings fitted on labeled data and shipped with the package
(`calibration.json`, written by scripts/calibrate.py and scripts/significance.py --fit): the
pair model (`align.PairModel`) and the lede's significance weights."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import align


def calibration() -> dict[str, Any]:
    """The calibration file shipped with the package: the pair model and the figures it was
    fitted with (scripts/calibrate.py writes it)."""
    raw: dict[str, Any] = json.loads(resources.files("compare").joinpath("calibration.json").read_text("utf-8"))
    return raw


def pair_model() -> align.PairModel:
    """The calibrated pair model shipped with the package."""
    from . import align

    return align.PairModel(**calibration()["pair_model"])
