"""Place conflicts: where a named person is from ("of Minneapolis" / "of Bloomington"), which way
a place lies from another ("east of Aden" / "west of Aden"), or which block of a street ("12000
block" / "12500 block of East 223rd Street") (``places.placed``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..places import Placed, placed, places_conflict
from ..records import Claim, Conflict
from .registry import Pair, detector


def place_conflicts(xs: Sequence[Placed], ys: Sequence[Placed]) -> list[Conflict]:
    out = []
    for x in xs:
        for y in ys:
            if places_conflict(x, y):
                fact = {"home": "home of", "bearing": "bearing from", "address": "block of"}[x.kind]
                fact = f"{fact} {x.subject.text}"
                out.append(Conflict("place", x.text, y.text, x.subject.text, fact=fact))
    return out


@detector("place")
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    return place_conflicts(placed(a), placed(b))
