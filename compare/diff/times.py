"""Time conflicts: two dates of one event that cannot name the same day (``dates.dated``)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ..dates import Dated, dated, dated_name, same_dated_event, times_apart
from ..records import Claim, Conflict, Entity
from .registry import Pair, detector


def time_conflicts(
    xs: Sequence[Dated], ys: Sequence[Dated], setting: Collection[Entity] = ()
) -> list[Conflict]:
    """Times of one event, as two claims date it, that cannot be the same day: resolved dates
    that do not meet, or, without publication dates, another weekday, month or day."""
    out = []
    for x in xs:
        for y in ys:
            if same_dated_event(x, y, setting, joined=True) and times_apart(x.time, y.time):
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
    # Only dates of one event meet (``dates.same_dated_event``), however alike the two sentences:
    # two claims the aligner pairs are often two moments of one life ("born in 1923" / "began
    # modelling in 1950"); on ECB+ dev, comparing any single dates of aligned claims made 52 of
    # 65 date contradictions, and a reader rejected all but two of them.
    return time_conflicts(dated(a), dated(b), pair.setting)
