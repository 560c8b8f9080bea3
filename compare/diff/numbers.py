"""Number conflicts: two figures of one fact that cannot both be true (``diff.facts``)."""

from __future__ import annotations

from collections.abc import Mapping

from ..atoms import atoms
from ..records import Claim, Conflict
from .facts import number_conflicts
from .registry import Pair, detector


@detector("number")
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    xa, xb = pair.atoms or (atoms(a), atoms(b))
    return number_conflicts(xa, xb, a.source == b.source, pair.setting)
