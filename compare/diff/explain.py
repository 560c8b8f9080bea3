"""Every sentence a finding says, written from the values the detectors found: the prose of the
report lives here, apart from the decisions, so wording changes never touch a judgement."""

from __future__ import annotations

import re

from ..categories import SLOTS
from ..records import Claim, Conflict, Quantity, Source
from .clauses import speakers_match


def name(sources: dict[str, Source], claim: Claim) -> str:
    return sources[claim.source].name


def describe(conflict: Conflict, a: Claim, b: Claim, sources: dict[str, Source]) -> str:
    na, nb = name(sources, a), name(sources, b)
    if conflict.type == "meaning":
        return f"meaning: an NLI model reads the two as contradictory ({conflict.detail})"
    if conflict.type == "attribution":
        return f"attribution: {na} attributes it to {conflict.a}, {nb} to {conflict.b}"
    if conflict.type == "negation" and conflict.detail == "reversed stance":
        return f"reversed stance: {na} says {conflict.a}..., {nb} says {conflict.b}..."
    if conflict.type == "negation" and not conflict.fact:
        neg = na if conflict.a == "not" else nb
        return f"negation: {neg} negates it ({conflict.detail}), the other affirms it"
    if conflict.type == "spelling":
        return f"name spelt two ways: {na} writes {conflict.a!r}, {nb} {conflict.b!r}"
    if conflict.fact:  # a fact of two figures or times: it names itself
        a, b = _said(conflict.a, conflict.value_a), _said(conflict.b, conflict.value_b)
        return f"{conflict.fact}: {na} says {a}, {nb} says {b}"
    about = f" ({conflict.detail})" if conflict.detail and conflict.type != "time" else ""
    return f"{conflict.type}: {na} says {conflict.a!r}, {nb} says {conflict.b!r}{about}"


def _said(text: str, value: object) -> str:
    """The words quoted, and their sum where a list was added up ("'seven AK-47s, three other
    rifles' (10 in all)")."""
    if (
        isinstance(value, Quantity)
        and re.search(r"\bother\b", value.text)
        and re.search(r",\s|\sand\s", value.text)
    ):
        return f"{text!r} ({value.value:,.0f} in all)"  # only a list summed by "other" reads so
    return repr(text)


def via(a: Claim, b: Claim, sources: dict[str, Source]) -> str:
    """How the two claims were joined when one names a person only by description: the words
    the other source describes that person with (``compare.corefer``)."""
    for x, y in ((a, b), (b, a)):
        for r in x.facts.references:
            if r.source == y.source:
                return (
                    f"; {name(sources, x)}'s {r.text!r} is read as {r.name}, whom {name(sources, y)} "
                    f"({r.claim}) describes with the same words ({', '.join(r.shared)})"
                )
    return ""


def _fact_told(fact: str) -> str:
    """A fact as ``diff.facts`` names it, for a reader: "date attack" is the day of the attack."""
    if not fact.startswith("date "):
        return fact
    event, _, day = fact[5:].partition(": ")
    return f"the day it happened: {day}" if event.startswith("v:") else f"the day of the {event}: {day}"


def _what(facts: set[str]) -> str:
    """What the facts told alike are: figures and days, or kinds ("charge: murder")."""
    kinds = {f.split(":")[0] for f in facts} & set(SLOTS.values())
    return "kind" if kinds and len(kinds) == len({f.split(":")[0] for f in facts}) else "figure or day"


def same_fact(a: Claim, b: Claim, facts: set[str], sources: dict[str, Source]) -> str:
    told = ", ".join(sorted(_fact_told(f) for f in facts))
    return (
        f"{name(sources, a)} and {name(sources, b)} give the same {_what(facts)} for one fact, each in its"
        f" own sentence ({told}){via(a, b, sources)}"
    )


def same_part(a: Claim, b: Claim, part: tuple[str, str], sources: dict[str, Source]) -> str:
    return (
        f"{name(sources, a)} and {name(sources, b)} tell one fact in nearly the same words "
        f"({part[0]!r} / {part[1]!r}); each adds details the other does not give"
    )


def agreement(
    a: Claim, b: Claim, similarity: float, sources: dict[str, Source], core_ratio: float | None = None
) -> str:
    hedge = ""
    if bool(a.facts.hedges) != bool(b.facts.hedges):
        h = a if a.facts.hedges else b
        hedge = f"; only {name(sources, h)} hedges it ({', '.join(h.facts.hedges)})"
    words = (
        ""
        if core_ratio is None
        else f"; in other words once the asides are left out ({core_ratio:.2f} alike)"
    )
    said = ""
    if not speakers_match(a.facts.speaker, b.facts.speaker):  # one account, two named sources
        said = (
            f"; {name(sources, a)} attributes it to {a.facts.speaker}, "
            f"{name(sources, b)} to {b.facts.speaker}"
        )
    return (
        f"{name(sources, a)} and {name(sources, b)} report the same fact (similarity {similarity:.2f})"
        f"{words}{hedge}{said}{via(a, b, sources)}"
    )


def contradiction(found: list[Conflict], a: Claim, b: Claim, sources: dict[str, Source]) -> str:
    return "; ".join(describe(c, a, b, sources) for c in found) + via(a, b, sources)


def speakers_disagree(a: Claim, b: Claim, numbers: list[Conflict]) -> str:
    return (
        f"figures differ but come from different speakers ({a.facts.speaker}: {numbers[0].a}; "
        f"{b.facts.speaker}: {numbers[0].b}): not a contradiction between the outlets"
    )


def aged(a: Claim, b: Claim, found: list[Conflict], sources: dict[str, Source]) -> str:
    return (
        "ages a few years apart, not a contradiction: the two articles may be told in different years ("
        + "; ".join(describe(c, a, b, sources) for c in found)
        + ")"
    )


def later_count(
    later: Claim, earlier: Claim, found: list[Conflict], a: Claim, b: Claim, sources: dict[str, Source]
) -> str:
    return (
        f"a later count, not a contradiction: {name(sources, later)} (published "
        f"{sources[later.source].published}) "
        f"gives a higher figure than {name(sources, earlier)} (published "
        f"{sources[earlier.source].published}); " + "; ".join(describe(c, a, b, sources) for c in found)
    )


def growth(later: Claim, ql: Quantity, earlier: Claim, qe: Quantity, sources: dict[str, Source]) -> str:
    return (
        f"a later count: {name(sources, later)} (published "
        f"{sources[later.source].published}) says {ql.text!r}, "
        f"{name(sources, earlier)} (published {sources[earlier.source].published}) said "
        f"{qe.text!r}"
    )


def _values(conflict: Conflict) -> str:
    return "figures" if conflict.type == "number" else "values"


def within_speakers(a: Claim, b: Claim, conflict: Conflict, sources: dict[str, Source]) -> str:
    return (
        f"{name(sources, a)} reports different {_values(conflict)} from different speakers: "
        f"{a.facts.speaker} says {conflict.a!r}, "
        f"{b.facts.speaker} says {conflict.b!r} ({conflict.detail})"
    )


def within_sentence(
    c: Claim, conflict: Conflict, speakers: tuple[str, str], sources: dict[str, Source]
) -> str:
    return (
        f"{name(sources, c)} reports different {_values(conflict)} from different speakers in one sentence: "
        f"{speakers[0]} says {conflict.a!r}, {speakers[1]} says {conflict.b!r} ({conflict.detail})"
    )


def within_article(a: Claim, b: Claim, conflict: Conflict, sources: dict[str, Source]) -> str:
    return (
        f"{name(sources, a)} gives two {_values(conflict)} for one fact: {conflict.a!r} and {conflict.b!r} "
        f"({conflict.detail})"
    )


def unique(c: Claim, near: Claim | None, similarity: float, sources: dict[str, Source]) -> str:
    note = f"; nearest in {name(sources, near)}: {near.id} (similarity {similarity:.2f})" if near else ""
    return f"only {name(sources, c)} reports this{note}"


def unique_details(c: Claim, other: Claim, sources: dict[str, Source]) -> str:
    return (
        f"only {name(sources, c)} gives these details; {other.id} in "
        f"{name(sources, other)} covers the same event differently{via(c, other, sources)}"
    )


def different_events(a: Source, b: Source, differing: int) -> str:
    return (
        f"{a.name} and {b.name} look like reports of different events: they differ on {differing} facts "
        "and tell none alike, so their contradictions are left out; compare them only if they tell one story"
    )
