"""Attribution conflicts: the same quotation given to two different named speakers."""

from __future__ import annotations

from collections.abc import Mapping

from ..align import lexical
from ..extract import same_entity
from ..extract.attribution import quote_spans
from ..lexicon import UNNAMED_SPEAKERS
from ..records import Claim, Conflict
from .clauses import named, strip_spans
from .registry import Pair, detector


def _speaker_spans(c: Claim) -> list[tuple[int, int]]:
    return [c.facts.speaker_span] if c.facts.speaker_span else []


def _own_name(c: Claim) -> bool:
    """The claim names its speaker itself: "he said" read as the man named before is a guess (on
    ECB+ dev, two such guesses gave one statement to two people)."""
    s, e = c.facts.speaker_span or (0, 0)
    return c.text[s:e].strip(" \"'`.,:;").lower() not in UNNAMED_SPEAKERS


def _one_quotation(a: Claim, b: Claim, floor: float) -> bool:
    """Both quote the same words. Told in the outlet's own words ("the Red Sox made an offer,
    according to the Herald" / "Dan Patrick reported ... an offer"), one fact may come from two
    sources, and both be true; a quotation has one speaker."""
    qa = " ".join(a.text[s:e] for s, e in quote_spans(a.text))
    qb = " ".join(b.text[s:e] for s, e in quote_spans(b.text))
    return len(qa.split()) >= 4 and len(qb.split()) >= 4 and lexical(qa, qb) >= floor


# Who said it is contradicted only between two names: "the officials" or "the industry group"
# beside a named source is the same statement told less precisely.
@detector(
    "attribution",
    only_alone=True,
    similarity=(0.80, "cosine at or above which one quotation from two named speakers conflicts"),
    lexical=(0.80, "token-set ratio the two quotations, and the claims less their speakers, must reach"),
)
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    both_named = all(c.facts.speaker and named(c.facts.speaker.strip(" \"'`.,:;")) for c in (a, b))
    if not (pair.speakers_differ and both_named and pair.similarity >= gates["similarity"]):
        return []
    if not all(_own_name(c) for c in (a, b)) or not _one_quotation(a, b, gates["lexical"]):
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
