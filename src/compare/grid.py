"""grid: which elements of a watched formula each document carries.

A watcher follows a formula by its parts (for a Taiwan formula: the policy's label, the
documents it cites, "strongly", "either side", "peaceful means"), and the news is which parts a
document carries and which it drops. Each element of a watch-list group is counted in every
document as a watched key formulation is (`formulations.variants`: word order and inflection
for an element of three content words or more), so a grid row is a watched `Formulation` and
the omission rule (`formulations.omitted`) applies to it unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from .formulations import variants
from .types import Formulation, Grid, WatchGroup


def grids(documents: Sequence[Sequence[str]], groups: Sequence[WatchGroup]) -> tuple[Grid, ...]:
    """Per group, each element's occurrences in each of `documents` (each a list of sentence
    texts), in the order of the watch list."""
    return tuple(
        Grid(g.name, tuple(Formulation(e, tuple(variants(e, d) for d in documents), watched=True) for e in g.elements))
        for g in groups
    )
