"""The conflict detectors in the order they run, and every hand-set gate they decide by.

A new kind of conflict is one module that registers a detector (``registry.detector``) and one
entry in ``CASCADE``. ``gates()`` lists every gate with its value and meaning, so a reader (and
``compare-articles eval``, under its table) sees the decision points; the fitted values stay in
``compare/calibration``.
"""

from __future__ import annotations

from ..records import Claim, Conflict
from . import attribution, categories, entity, fate, negation, numbers, phones, places, tense, times  # noqa: F401  (they register themselves)
from .clauses import speaker_differs
from .registry import DETECTORS, Pair

#: The order the detectors run in. Figures and dates first: they are the most checkable; a
#: different speaker or a swapped name only where nothing else differs (``only_alone``).
CASCADE = (
    "number",
    "time",
    "place",
    "phone",
    "category",
    "fate",
    "tense",
    "negation",
    "reversal",
    "attribution",
    "entity",
)


def gates() -> list[tuple[str, str, float, str]]:
    """(detector, gate, value, meaning) for every hand-set gate, in cascade order."""
    return [(d, k, g.value, g.meaning) for d in CASCADE for k, g in DETECTORS[d].gates.items()]


def conflicts(
    a: Claim, b: Claim, similarity: float, atoms: tuple = (), setting: tuple = (), kinds: tuple = ()
) -> tuple[list[Conflict], bool]:
    """Typed conflicts between two claims, in cascade order, and whether their figures come from
    different named speakers (which makes a number conflict a discrepancy, not a contradiction).
    ``atoms``: the two claims' atoms as read in their articles, and ``setting``: the names the
    story is set in, and ``kinds``: the two claims' categories read in context (whose
    condition a "He ..." sentence tells), where the caller has them."""
    found: list[Conflict] = []
    speakers_differ = speaker_differs(a, b)
    for name in CASCADE:
        d = DETECTORS[name]
        if d.only_alone and found:
            continue
        found += d(a, b, Pair(similarity, speakers_differ, tuple(found), atoms, setting, kinds))
    return found, speakers_differ
