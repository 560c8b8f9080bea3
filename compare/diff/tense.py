"""Tense conflicts: one act told as done by one claim and as yet to come by the other ("the
Mysore replaced the Tabar" / "the Mysore will eventually replace the Tabar") (``compare.tense``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..records import Claim, Conflict
from ..tense import Told, tense_conflicts, told
from .registry import Pair, detector


def act_conflicts(xs: Sequence[Told], ys: Sequence[Told]) -> list[Conflict]:
    out = []
    for x, y in tense_conflicts(tuple(xs), tuple(ys)):
        done = x if x.done else y
        deed = done.text.split()[0]  # "replaced"
        fact = f"whether {done.subject.text} {deed} {done.object.text}"
        out.append(Conflict("tense", x.text, y.text, "done" if x.done else "to come", fact=fact))
    return out


@detector("tense")
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    return act_conflicts(told(a), told(b))
