"""Attribution conflicts: the same statement given to two different named speakers."""

from __future__ import annotations

from collections.abc import Mapping

from ..align import lexical
from ..extract import same_entity
from ..records import Claim, Conflict
from .clauses import named, strip_spans
from .registry import Pair, detector


def _speaker_spans(c: Claim) -> list[tuple[int, int]]:
    return [c.facts.speaker_span] if c.facts.speaker_span else []


# Who said it is contradicted only between two names: "the officials" or "the industry group"
# beside a named source is the same statement told less precisely.
@detector(
    "attribution",
    only_alone=True,
    similarity=(0.80, "cosine at or above which the same words from two named speakers conflict"),
    lexical=(0.80, "token-set ratio the two must reach once the speakers are taken out"),
)
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    both_named = all(c.facts.speaker and named(c.facts.speaker.strip(" \"'`.,:;")) for c in (a, b))
    if not (pair.speakers_differ and both_named and pair.similarity >= gates["similarity"]):
        return []
    if (
        lexical(strip_spans(a.text, _speaker_spans(a)), strip_spans(b.text, _speaker_spans(b)))
        < gates["lexical"]
    ):
        return []
    # "John Christie, head of house production, said": a claim that names the other's speaker
    # gives it to the same person, however its own speaker phrase was read.
    for x, y in ((a, b), (b, a)):
        if any(same_entity(y.facts.speaker, e) for e in x.facts.entities):
            return []
    return [Conflict("attribution", a.facts.speaker or "", b.facts.speaker or "")]
