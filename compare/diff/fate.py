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
from ..reading import PREDICATE_RE
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


def _told(x: Atom, text: str) -> str:
    """The words that tell what befell the group, from its event word to the figure or back
    ("apprehending 26 Somali pirates", "26 hikers were rescued"); the figure alone without the text."""
    if not text:
        return x.value.text
    left, right = x.clause
    words = [m for m in PREDICATE_RE[x.predicate].finditer(text, left, right)]
    if not words:
        return x.value.text
    w = min(words, key=lambda m: abs(m.start() - x.value.start))
    start, end = min(w.start(), x.value.start), max(w.end(), x.value.end)
    end = max(end, re.match(r"\w*", text[end:]).end() + end)  # the whole event word: "rescued"
    return text[start:end]


def fate_conflicts(
    xs: Sequence[Atom], ys: Sequence[Atom], text_x: str = "", text_y: str = ""
) -> list[Conflict]:
    """Each group two claims count alike, to whom they tell opposite things befell; ``text_x`` and
    ``text_y``, the claims' texts, let the finding quote the event words with the figures."""
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
            out.append(Conflict("category", _told(x, text_x), _told(y, text_y), "fate", fact=fact))
    return out


@detector("fate")
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    if a.source == b.source:
        return []
    xa, xb = pair.atoms or (atoms(a), atoms(b))
    return fate_conflicts(xa, xb, a.text, b.text)
