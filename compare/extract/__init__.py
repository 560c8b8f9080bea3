"""Extract stage: the checkable facts of a claim, found with rules and regular expressions.

Numbers with their bounds and counted noun, times resolved against the publication date, proper
names with an alias key, negation, hedges and who the claim is attributed to. Everything here is
a pure function of its arguments; ``annotate`` adds the context rules that need neighbouring
claims (pronoun speakers, quotations continued from an attributed sentence).
"""

from __future__ import annotations

import datetime as dt

from compare.records import Facts

from .attribution import find_speaker
from .context import annotate
from .entities import entity_key, find_entities, same_entity
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


def extract(text: str, published: dt.date | None = None, speaker: str | None = None) -> Facts:
    """Every fact the finders see in ``text``; a transcript ``speaker`` wins over attribution."""
    cues = find_negation(text)
    if speaker:
        who, span = speaker, None
    else:
        found = find_speaker(text)
        who, span = found if found else (None, None)
    times = find_times(text, published)
    return Facts(
        quantities=find_quantities(text, times=times),
        times=times,
        entities=find_entities(text),
        negated=bool(cues),
        negation_cues=cues,
        speaker=who,
        speaker_span=span,
        hedges=find_hedges(text),
    )
