"""Time conflicts: two dates of one event that cannot name the same day (``dates.dated``)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ..dates import Dated, dated, dated_name, same_dated_event, times_apart
from ..extract import times_conflict
from ..records import Claim, Conflict, Entity
from .clauses import point_times
from .registry import Pair, detector


def time_conflicts(
    xs: Sequence[Dated], ys: Sequence[Dated], setting: Collection[Entity] = ()
) -> list[Conflict]:
    """Times of one event, as two claims date it, that cannot be the same day: resolved dates
    that do not meet, or, without publication dates, another weekday, month or day."""
    out = []
    for x in xs:
        for y in ys:
            if same_dated_event(x, y, setting) and times_apart(x.time, y.time):
                out.append(
                    Conflict("time", x.time.text, y.time.text, _span(x, y), x.time, y.time, dated_name(x, y))
                )
    return out


def _span(x: Dated, y: Dated) -> str:
    a, b = x.time, y.time
    return (
        f"{a.low}..{a.high} vs {b.low}..{b.high}" if None not in (a.low, b.low) else f"{a.text} vs {b.text}"
    )


@detector("time")
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    found = time_conflicts(dated(a), dated(b), pair.setting)
    ta, tb = point_times(a), point_times(b)
    if not found and len(ta) == 1 and len(tb) == 1 and times_conflict(ta[0], tb[0]):
        # The aligner judged the two claims one event: one date each, resolved to days that
        # cannot meet, is enough.
        x, y = ta[0], tb[0]
        found = [Conflict("time", x.text, y.text, f"{x.low}..{x.high} vs {y.low}..{y.high}", x, y, "date")]
    return found
