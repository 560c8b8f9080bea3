"""Extract stage: the checkable facts of a claim, found with rules and regular expressions.

Numbers with their bounds and counted noun, times resolved against the publication date, proper
names with an alias key, negation, hedges and who the claim is attributed to. Everything here is
a pure function of its arguments; ``annotate`` adds the context rules that need neighbouring
claims (pronoun speakers, quotations continued from an attributed sentence).
"""

from __future__ import annotations

from .attribution import find_speaker
from .context import annotate
from .entities import entity_key, find_entities, same_entity
from .facts import extract
from .hedges import find_hedges
from .negation import find_negation
from .numbers import find_quantities, quantities_conflict
from .times import find_times, times_conflict

__all__ = [
    "annotate",
    "entity_key",
    "extract",
    "find_entities",
    "find_hedges",
    "find_negation",
    "find_quantities",
    "find_speaker",
    "find_times",
    "quantities_conflict",
    "same_entity",
    "times_conflict",
]
