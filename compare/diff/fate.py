"""Fate conflicts: one group of people, counted alike, to whom two sources say opposite things
happened ("rescued 26 Somali crewmembers" / "apprehending 26 Somali pirates"; "five hikers were
rescued" / "five hikers were found dead"). Victims or suspects, alive or dead: a reader must know
which. Figures of two events never meet as a number conflict, so without this the two claims
read as one fact told alike."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..atoms import Atom, atoms, same_occasion
from ..lexicon import SCALES, SENTENCE_STOP, SMALL, TENS
from ..records import Claim, Conflict
from .registry import Pair, detector

#: Events that cannot both befall one group: saved or taken, saved or dead.
_OPPOSED = frozenset(
    frozenset(p)
    for p in (("rescue", "arrest"), ("rescue", "death"), ("evacuation", "arrest"), ("evacuation", "death"))
)
_DONE = {"rescue": "rescued", "arrest": "arrested", "death": "killed", "evacuation": "evacuated"}
_MODIFIER_RE = re.compile(r"\b[A-Z][a-z]+\b")
_NUMBER_WORDS = frozenset([*SMALL, *TENS, *SCALES, "hundred", "dozen"])


def _group(x: Atom) -> tuple[set[str], str]:
    """The capitalised words that tell which group ("Somali"; not "Five", not "Some") and what it
    is counted as."""
    return {
        w for w in _MODIFIER_RE.findall(x.value.text) if w.lower() not in _NUMBER_WORDS | SENTENCE_STOP
    }, x.thing


def _counted(x: Atom) -> str:
    """The words after the figure: "Five hikers" -> "hikers"."""
    return " ".join(w for w in x.value.text.split() if w.lower() not in _NUMBER_WORDS and not w[0].isdigit())


def fate_conflicts(xs: Sequence[Atom], ys: Sequence[Atom]) -> list[Conflict]:
    out = []
    for x in xs:
        for y in ys:
            if frozenset((x.predicate, y.predicate)) not in _OPPOSED:
                continue
            v = x.value
            if v.value != y.value.value or v.value < 2 or (v.low, v.high) != (y.value.low, y.value.high):
                continue  # another number is another group
            (mx, tx), (my, ty) = _group(x), _group(y)
            shared = mx & my
            # "twelve people" is anyone: a group is named ("Somali") or counted as one kind ("hikers")
            if not (shared or (tx and tx == ty and tx != "person")) or not same_occasion(x, y):
                continue
            who = " ".join(w for w in _MODIFIER_RE.findall(v.text) if w in shared) or _counted(x)
            fact = f"what happened to the {v.value:g} {who}: {_DONE[x.predicate]} or {_DONE[y.predicate]}"
            out.append(Conflict("category", v.text, y.value.text, "fate", fact=fact))
    return out


@detector("fate")
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    if a.source == b.source:
        return []
    xa, xb = pair.atoms or (atoms(a), atoms(b))
    return fate_conflicts(xa, xb)
