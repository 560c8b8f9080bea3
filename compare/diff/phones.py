"""Phone conflicts: one line printed two ways ("0845 125 222" / "0845 125 2222"), the number a
reader is asked to call (``extract.phones``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..extract.phones import Phone, find_phones, misprinted
from ..records import Claim, Conflict
from .registry import Pair, detector


def phone_conflicts(xs: Sequence[Phone], ys: Sequence[Phone]) -> list[Conflict]:
    return [
        Conflict("phone", x.text, y.text, "phone number", fact="phone number")
        for x in xs
        for y in ys
        if misprinted(x, y)
    ]


@detector("phone")
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    return phone_conflicts(find_phones(a.text), find_phones(b.text))
