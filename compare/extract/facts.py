"""One claim's text -> its ``Facts``: every finder of this package, run once, in one place."""

from __future__ import annotations

import datetime as dt

from compare.records import Facts

from .attribution import find_speaker
from .entities import find_entities
from .hedges import find_hedges
from .negation import find_negation
from .numbers import find_quantities
from .times import find_times


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
