"""Entity conflicts: one name put where the other source has another ("an interview with CNN"
vs "an interview with the BBC"), outside the attribution (told as what it is)."""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import fuzz

from ..align import lexical
from ..extract import same_entity
from ..lexicon import ARTICLES_AND_POSSESSIVES, CLAUSE_STOP, NO_SWAP_AFTER, PARTY_WORDS
from ..records import Claim, Conflict
from .clauses import WORD, strip_spans
from .registry import Pair, detector


def _slot(text: str, start: int) -> tuple[str, ...]:
    """The two words before a name, articles skipped: "interview with (the) BBC" -> (interview, with)."""
    words = [w.lower() for w in WORD.findall(text[:start]) if w.lower() not in ARTICLES_AND_POSSESSIVES]
    return tuple(words[-2:])


def _entity_swap(
    a: Claim, b: Claim, similarity: float, gates: Mapping[str, float]
) -> tuple[str, str, str] | None:
    """One name put where the other source has another: the same slot ("interview with CNN" vs
    "interview with the BBC"), or the only unshared name on each side of near-identical claims."""
    # Who said it is the attribution detector's question: names in the speaker span are no swap.
    ea, eb = _told(a), _told(b)
    only_a = [e for e in ea if not any(same_entity(e, f) for f in eb)]
    only_b = [e for e in eb if not any(same_entity(e, f) for f in ea)]
    # Variants of one name ("Merrill" / "Merrill Lynch", "D-Neb." / "Democrat of Nebraska") are
    # not a swap: only clearly different names count.
    only_a = [e for e in only_a if all(fuzz.partial_ratio(e.key, f.key) < 60 for f in eb)]
    only_b = [e for e in only_b if all(fuzz.partial_ratio(e.key, f.key) < 60 for f in ea)]
    # A party and a person name one government two ways ("the current Republican administration"
    # / "the Bush administration"); two parties, or two people, are a swap.
    if any(e.key in PARTY_WORDS for e in only_a) != any(e.key in PARTY_WORDS for e in only_b):
        only_a = [e for e in only_a if e.key not in PARTY_WORDS]
        only_b = [e for e in only_b if e.key not in PARTY_WORDS]
    for x in only_a:
        slot = _slot(a.text, x.start)
        if len(slot) == 2 and any(w not in CLAUSE_STOP for w in slot) and slot[-1] not in NO_SWAP_AFTER:
            for y in only_b:
                if _slot(b.text, y.start) == slot:
                    return x.text, y.text, " ".join(slot)
    if similarity >= gates["near_identical"] and len(only_a) == 1 and len(only_b) == 1:
        x, y = only_a[0], only_b[0]
        if _slot(a.text, x.start)[-1:] and _slot(a.text, x.start)[-1] in NO_SWAP_AFTER:
            return None
        # One name in the other's place: the same word beside each ("watching a TV cartoon" and
        # "Brianna was in her bedroom" are two names in two places, both true).
        if (
            _beside(a.text, x) & _beside(b.text, y)
            and lexical(strip_spans(a.text, [(x.start, x.end)]), strip_spans(b.text, [(y.start, y.end)]))
            >= gates["rest_lexical"]
        ):
            return x.text, y.text, ""
    return None


def _told(c: Claim) -> list:
    span = c.facts.speaker_span
    return [e for e in c.facts.entities if not (span and span[0] <= e.start < span[1])]


def _beside(text: str, e) -> set[tuple[str, str]]:
    """The words just before and just after a name, articles skipped."""
    after = [w.lower() for w in WORD.findall(text[e.end :]) if w.lower() not in ARTICLES_AND_POSSESSIVES][:1]
    return {("before", w) for w in _slot(text, e.start)[-1:]} | {("after", w) for w in after}


@detector(
    "entity",
    only_alone=True,
    similarity=(0.60, "cosine at or above which a name in the other's slot is a swap"),
    near_identical=(0.75, "cosine at or above which the only unshared name of each claim may be a swap"),
    rest_lexical=(0.80, "token-set ratio the rest of the two claims must reach for that"),
)
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    if pair.similarity < gates["similarity"]:
        return []
    swap = _entity_swap(a, b, pair.similarity, gates)
    return [Conflict("entity", *swap)] if swap else []
