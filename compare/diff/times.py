"""Time conflicts: one reported time each, resolved to dates that cannot overlap."""

from __future__ import annotations

from collections.abc import Mapping

from ..extract import times_conflict
from ..records import Claim, Conflict
from .clauses import point_times
from .registry import Pair, detector


@detector("time")
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    ta, tb = point_times(a), point_times(b)
    if len(ta) == 1 and len(tb) == 1 and times_conflict(ta[0], tb[0]):
        detail = f"{ta[0].low}..{ta[0].high} vs {tb[0].low}..{tb[0].high}"
        return [Conflict("time", ta[0].text, tb[0].text, detail, ta[0], tb[0])]
    return []
