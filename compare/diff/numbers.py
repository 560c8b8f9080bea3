"""Number conflicts: two figures that cannot both be true, about the same thing."""

from __future__ import annotations

from collections.abc import Mapping

from ..extract import quantities_conflict
from ..records import Claim, Conflict, Quantity
from .clauses import same_thing
from .registry import Pair, detector


def values_conflict(qa: Quantity, qb: Quantity) -> bool:
    """Ranges that cannot both be true conflict; so do two reported figures of the same form
    ("more than 17,000" vs "more than 27,000"), because a reporter gives the best known figure,
    not a loose bound. Mixed forms ("more than 17,000" vs "17,500") are compatible."""
    if quantities_conflict(qa, qb):
        return True
    if qa.unit != qb.unit or qa.qualifier != qb.qualifier or not qa.qualifier:
        return False
    return abs(qa.value - qb.value) > 0.05 * max(abs(qa.value), abs(qb.value))


def number_conflicts(a: Claim, b: Claim, loose: bool = True) -> list[tuple[Quantity, Quantity, str]]:
    """Conflicting figures about the same thing. ``loose`` (for pairs already aligned as one
    fact) also accepts the single figure of each claim when both count the same noun."""
    # A figure both claims state is shared, not in conflict with the other claim's other
    # figures ("a gain of 10 cents ... a loss of 19 cents" in both).
    values_a = {(q.value, q.unit) for q in a.facts.quantities}
    values_b = {(q.value, q.unit) for q in b.facts.quantities}
    only_a = [q for q in a.facts.quantities if (q.value, q.unit) not in values_b]
    only_b = [q for q in b.facts.quantities if (q.value, q.unit) not in values_a]
    out = []
    for qa in only_a:
        for qb in only_b:
            if not values_conflict(qa, qb):
                continue
            # Within one article, two death tolls are often a total and a local count: only a
            # shared name ("Treemseh") makes them figures for the same thing.
            about = same_thing(a, qa.start, qa.end, b, qb.start, qb.end, names_only=not loose)
            if about is None and loose and len(only_a) == len(only_b) == 1 and qa.unit and qa.unit == qb.unit:
                about = qa.unit
            if about is not None:
                out.append((qa, qb, about))
    return out


@detector("number")
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    return [Conflict("number", qa.text, qb.text, about, qa, qb) for qa, qb, about in number_conflicts(a, b)]
