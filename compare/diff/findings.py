"""Matches -> findings: the cascade's conflicts decide each aligned pair, and what no other
source says is unique. Decisions only; every sentence comes from ``explain``."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from .. import calibration
from ..align import lexical
from ..categories import in_context as categories_in_context
from ..categories import tells
from ..dates import dated, times_apart
from ..denials import affirmed, denials
from ..extract import same_entity
from ..extract.entities import NameIndex
from ..kinds import REPORT_KINDS
from ..names import Misspelt, full_names, in_full, leading_people, misspelt
from ..options import Options
from ..pairs import nearest_across, nearest_other
from ..reading import places_meet, setting
from ..records import Claim, Conflict, Entity, Finding, Match, Quantity, Source
from . import explain
from .cascade import conflicts
from .clauses import (
    clause,
    core,
    point_times,
    same_thing,
    shared_clock,
    shared_part,
    speaker_differs,
    speakers_match,
)
from .facts import claim_atoms, conflicting_pairs, two_sayings

# Counts that only grow as a story develops: a larger later figure is an update, not a conflict.
_CUMULATIVE = re.compile(
    r"\b(?:kill\w*|dead|death\w*|die[sd]?|dying|toll|injur\w*|wound\w*|arrest\w*|detain\w*|"
    r"case|cases|infect\w*|refugee\w*|displac\w*|fled|missing|evacuat\w*|hospitali[sz]\w*|casualt\w*)\b",
    re.I,
)


def _is_update(a: Claim, b: Claim, conflict: Conflict, sources: dict[str, Source]) -> bool:
    pa, pb = sources[a.source].published, sources[b.source].published
    if conflict.type != "number" or not pa or not pb or pa == pb:
        return False
    qa, qb = conflict.value_a, conflict.value_b
    if not (
        _CUMULATIVE.search(clause(a.text, qa.start, qa.end))
        or _CUMULATIVE.search(clause(b.text, qb.start, qb.end))
    ):
        return False
    later_a = pa > pb
    return (qa.low > qb.high) if later_a else (qb.low > qa.high)


def _growth(a: Claim, b: Claim, sources: dict[str, Source]) -> str:
    """A cumulative count that is higher in the later-published source even where the two
    figures are compatible ("at least 34 killed" on Tuesday, "52 killed" on Thursday): a reader
    wants to see the newer figure, not a silent agreement."""
    pa, pb = sources[a.source].published, sources[b.source].published
    if not pa or not pb or pa == pb:
        return ""
    later, earlier = (a, b) if pa > pb else (b, a)
    for qe in earlier.facts.quantities:
        for ql in later.facts.quantities:
            if qe.unit != ql.unit or ql.value <= qe.value:
                continue
            if not (
                _CUMULATIVE.search(clause(earlier.text, qe.start, qe.end))
                and _CUMULATIVE.search(clause(later.text, ql.start, ql.end))
            ):
                continue
            about = same_thing(earlier, qe.start, qe.end, later, ql.start, ql.end)
            if about is not None or len(earlier.facts.quantities) == len(later.facts.quantities) == 1:
                return explain.growth(later, ql, earlier, qe, sources)
    return ""


def _names(c: Claim) -> list:
    return [*c.facts.entities, *([c.facts.speaker] if c.facts.speaker else [])]


def _details_differ(a: Claim, b: Claim, mentioned: dict[str, NameIndex]) -> bool:
    """Same event, other details: each claim names someone or something the other source never
    mentions (two interviews of one man, on Al-Jazeera and on CNN), or one gives a figure or a
    date the other lacks (a man "served for 34 years" against "left the regime"). Such a pair is
    not an agreement: the details stay unique to the source that gives them. Names both sources
    use somewhere ("Syria", "Assad") are the story's setting, not details."""

    def unshared(x: Claim, y: Claim) -> bool:
        text = y.text.lower()
        return any(
            (e if isinstance(e, str) else e.text).lower() not in text
            and not any(same_entity(e, f) for f in _names(y))
            and not mentioned[y.source].has(e)
            for e in _names(x)
        )

    if unshared(a, b) and unshared(b, a):
        return True
    for x, y in ((a, b), (b, a)):
        if x.facts.quantities and not y.facts.quantities:
            return True
        if point_times(x) and not point_times(y):
            return True
    return False


def _same_assertion(a: Claim, b: Claim, mentioned: dict[str, NameIndex], options: Options) -> bool:
    """The two claims assert one thing in their own words once what only one outlet adds around
    it is left out (``clauses.core``): the cores read alike, the speakers are one, and neither core
    names, counts or dates what the other does not."""
    ca, cb = core(a.text), core(b.text)
    if (ca, cb) == (a.text, b.text) or lexical(ca, cb) < options.agree_core:
        return False
    if not speakers_match(a.facts.speaker, b.facts.speaker):
        return False
    return not _details_differ(_in_core(a, ca), _in_core(b, cb), mentioned)


def _in_core(c: Claim, text: str) -> Claim:
    """The claim with only the names, figures and dates its core holds."""
    keep = lambda xs: tuple(x for x in xs if x.text in text)  # noqa: E731
    facts = dataclasses.replace(
        c.facts,
        entities=keep(c.facts.entities),
        quantities=keep(c.facts.quantities),
        times=keep(c.facts.times),
        speaker=c.facts.speaker if c.facts.speaker and c.facts.speaker in text else None,
    )
    return dataclasses.replace(c, text=text, facts=facts)


def _mentioned(claims: Sequence[Claim]) -> dict[str, NameIndex]:
    """Per source, every name it uses (each looked up once: a name gives the same answer)."""
    mentioned: dict[str, NameIndex] = {}
    checked: set[tuple] = set()
    for c in claims:
        seen = mentioned.setdefault(c.source, NameIndex())
        for e in _names(c):
            ident = (c.source, e) if isinstance(e, str) else (c.source, e.key, e.text)
            if ident not in checked:
                checked.add(ident)
                seen.add(e)
    return mentioned


def diff(
    claims: Sequence[Claim],
    matches: Sequence[Match],
    vectors: np.ndarray,
    sources: Sequence[Source],
    options: Options,
) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    """Findings in report order, and notes for the reader (two sources that look like reports of
    different events)."""
    by_id = {c.id: c for c in claims}
    index = {c.id: n for n, c in enumerate(claims)}
    src = {s.id: s for s in sources}
    findings: list[Finding] = []
    matched: set[str] = set()
    fact_t = (
        options.fact_threshold if options.fact_threshold is not None else calibration.threshold("same_fact")
    )
    related: dict[str, str] = {}
    apart_details: set[tuple[str, str]] = set()  # aligned pairs with details that differ
    mentioned = _mentioned(claims)
    in_context = claim_atoms(claims)
    kinds = categories_in_context(claims)
    story = setting(claims)
    # Pairs with conflicts, from sentence alignment and from fact alignment: decided together
    # below, once it is known whether their two sources tell one event at all.
    disputed: dict[tuple[str, str], tuple[list[Conflict], bool, float]] = {}
    agreeing: Counter = Counter()
    spelt = _misspelt(claims, vectors, index)
    # A deed one claim denies and another tells done ("Lindsay never checked into Morningside" /
    # "Lohan had checked into Morningside Recovery Center"): found by the name, before the aligned
    # pairs are decided, so that a pair the aligner reads as one fact is no agreement.
    denied = _denied(claims, vectors)
    for m in matches:
        a, b = by_id[m.a], by_id[m.b]
        found, speakers_differ = conflicts(
            a, b, m.similarity, (in_context[a.id], in_context[b.id]), story, (kinds[a.id], kinds[b.id])
        )
        if (told := denied.pop((a.id, b.id), None)) or (told := _flip(denied.pop((b.id, a.id), None))):
            found = [*found, told]
        if (a.id, b.id) in spelt:  # they tell one fact, and spell a name in it two ways
            found = [*found, spelt.pop((a.id, b.id))]
        elif (b.id, a.id) in spelt:
            c = spelt.pop((b.id, a.id))
            found = [*found, dataclasses.replace(c, a=c.b, b=c.a, detail=c.b)]
        if found:
            disputed[(a.id, b.id)] = (found, speakers_differ, m.event)
            continue
        growth = _growth(a, b, src)
        if growth:
            matched.update((a.id, b.id))
            findings.append(Finding("update", (a.id, b.id), m.event, growth))
            continue
        plain = m.fact >= fact_t or (
            m.similarity >= options.agree_cosine and not _details_differ(a, b, mentioned)
        )
        own_words = not plain and _same_assertion(a, b, mentioned, options)
        if _days_apart(a, b, story):
            # Told alike, dated on two days: no agreement ("foiled a pirate attack on Friday" / "on
            # Thursday intercepted three boats ... and foiled an attack"), yet no contradiction
            # either: alike sentences dating two events ("opened fire Friday" / "was charged
            # Saturday after opening fire") outnumber those (1 in 4 on ECB+ dev weekdays; of years,
            # moments of one life, fewer still).
            plain = own_words = False
        if not (plain or own_words):
            # Same event, different details: neither an agreement nor a contradiction. Each claim
            # stays unique to its source, with the related claim named; where a part of each
            # tells one fact in nearly the same words, they agree on that part.
            related.setdefault(a.id, b.id)
            related.setdefault(b.id, a.id)
            apart_details.update({(a.id, b.id), (b.id, a.id)})
            if not _days_apart(a, b, story) and (part := shared_part(a, b)):
                agreeing[_pair(a, b)] += 1
                findings.append(
                    Finding("agreement", (a.id, b.id), m.event, explain.same_part(a, b, part, src))
                )
            continue
        matched.update((a.id, b.id))
        agreeing[_pair(a, b)] += 1
        findings.append(
            Finding(
                "agreement",
                (a.id, b.id),
                max(m.fact, m.event),
                explain.agreement(
                    a, b, m.similarity, src, lexical(core(a.text), core(b.text)) if own_words else None
                ),
            )
        )
    # Figures, dates and places of one fact in claims the sentence aligner left apart (their
    # difference lowered their similarity), and two values for one fact within one article.
    facts = conflicting_pairs(claims, in_context, vectors, story, kinds)
    agreeing.update(facts.agreeing)
    for (i, j), found in facts.conflicts.items():
        if (i, j) not in disputed and (j, i) not in disputed:
            disputed[(i, j)] = (found, speaker_differs(by_id[i], by_id[j]), _FACT_SCORE)
    for key, conflict in spelt.items():  # on claims the sentence aligner did not pair
        if key in disputed:
            disputed[key][0].append(conflict)
        else:
            disputed[key] = ([conflict], False, _FACT_SCORE)
    for (i, j), conflict in denied.items():  # ... and the denials between claims the aligner left apart
        if (i, j) in disputed:
            disputed[(i, j)][0].append(conflict)
        elif (j, i) in disputed:
            disputed[(j, i)][0].append(_flip(conflict))
        else:
            disputed[(i, j)] = ([conflict], speaker_differs(by_id[i], by_id[j]), _FACT_SCORE)
    disputed = {k: v for k, v in ((k, _in_time(k, v, by_id, src)) for k, v in disputed.items()) if v[0]}
    kinds_of: dict[str, list] = {}
    for c in claims:
        kinds_of.setdefault(c.source, []).extend(kinds[c.id])
    disputed = {
        k: v for k, v in ((k, _told_both(k, v, by_id, kinds, kinds_of)) for k, v in disputed.items()) if v[0]
    }
    # Sources the aligner found telling one fact in other words (no conflict in it) tell one story.
    alike = {
        _pair(by_id[m.a], by_id[m.b]) for m in matches if m.fact >= fact_t and (m.a, m.b) not in disputed
    }
    apart = _different_events(disputed, agreeing, alike, by_id, leading_people(claims))
    for (i, j), (found, speakers_differ, score) in disputed.items():
        a, b = by_id[i], by_id[j]
        if a.source == b.source:
            findings.append(_within(a, b, found, src))
        elif _pair(a, b) not in apart:
            matched.update((a.id, b.id))
            findings.append(_conflict_finding(a, b, found, speakers_differ, score, src))
    # Two claims the sentence aligner left apart that tell one figure or one day of one fact
    # alike ("the death toll ... rose to 10" / "killing 10 people and injuring 80"): they agree
    # on that fact, whatever else each says.
    # ... and so do two the aligner paired as one event told with different details: a reader
    # still learns the facts they share ("Arcade Joseph Comeaux Jr., 49, is serving a life
    # sentence" / "Arcade Joseph Comeaux Jr., 49, ran away on foot").
    paired = {(m.a, m.b) for m in matches} | {(m.b, m.a) for m in matches}
    paired -= apart_details
    for (i, j), told in facts.alike.items():
        a, b = by_id[i], by_id[j]
        if (i, j) in paired or (i, j) in disputed or (j, i) in disputed or _pair(a, b) in apart:
            continue
        if (i, j) not in apart_details:  # those keep their details as unique besides
            matched.update((i, j))
        findings.append(Finding("agreement", (i, j), _FACT_SCORE, explain.same_fact(a, b, told, src)))
    agreed = {f.claims for f in findings if f.kind == "agreement"}
    decided = paired | agreed | {(j, i) for i, j in agreed} | set(disputed) | {(j, i) for i, j in disputed}
    findings += _told_in_part(claims, vectors, decided, apart, story, src)
    for c in claims:  # one sentence giving two figures, each from its own speaker
        if len(in_context[c.id]) >= 2 and (said := two_sayings(c, in_context[c.id], story)):
            text = explain.within_sentence(c, said.conflict, said.speakers, src)
            findings.append(
                Finding("discrepancy", (c.id,), _FACT_SCORE, text, (said.conflict,), scope="within")
            )
    findings += _unique(claims, vectors, matched, related, by_id, src)
    order = {k: n for n, k in enumerate(REPORT_KINDS)}
    ordered = sorted(
        findings, key=lambda f: (order[f.kind], f.scope, min(index[x] for x in f.claims), f.claims)
    )
    notes = tuple(explain.different_events(src[x], src[y], n) for (x, y), n in sorted(apart.items()))
    return tuple(ordered), notes


def _told_in_part(claims, vectors, decided: set, apart, story, src: dict[str, Source]) -> list[Finding]:
    """Two claims, among each other's nearest, a part of each telling one fact in nearly the same
    words ("... but the store would be rebuilt" / "The store will be rebuilt ... once the full
    extent of damage has been assessed") or giving one time of day for one event: they agree on
    that part, and keep the rest unique. ``decided``: pairs already found to agree or conflict."""
    source_no = np.unique(np.array([c.source for c in claims]), return_inverse=True)[1]
    out = []
    for i, j in nearest_across(vectors, source_no, PART_CANDIDATES, PART_BUDGET, PART_FLOOR):
        a, b = claims[i], claims[j]
        if (a.id, b.id) in decided or _pair(a, b) in apart or _days_apart(a, b, story):
            continue
        if part := shared_part(a, b):
            out.append(Finding("agreement", (a.id, b.id), _FACT_SCORE, explain.same_part(a, b, part, src)))
        elif clock := shared_clock(a, b):
            told = explain.same_fact(a, b, {f"time: {clock}"}, src)
            out.append(Finding("agreement", (a.id, b.id), _FACT_SCORE, told))
    return out


#: A denial meets at most this many claims naming the thing it is about, the nearest first.
DENIAL_CANDIDATES = 24


def _flip(conflict: Conflict | None) -> Conflict | None:
    return conflict and dataclasses.replace(conflict, a=conflict.b, b=conflict.a)


def _who(names: Sequence[Entity], full: dict[str, set[Entity]]) -> set[str]:
    """The people a clause's names are, a lone name given its article's one full name with it."""
    return {(in_full(e, full) or e).key for e in names}


def _one_of(xs: set[str], ys: set[str]) -> bool:
    """Whether two clauses name one person: the same name, or a lone name that is a word of the
    other's full name ("lohan" / "lindsay lohan"); two full names must be one."""
    return any(
        x == y or (" " not in x and x in y.split()) or (" " not in y and y in x.split())
        for x in xs
        for y in ys
    )


def _denied(claims: Sequence[Claim], vectors: np.ndarray) -> dict[tuple[str, str], Conflict]:
    """Pairs (in claim order) of a claim denying a deed done to a named thing and a claim naming
    that thing that tells the deed done by the same people (``denials``). The candidates are found
    by the name, not by the sentences' likeness: "never checked into Morningside but is back at
    Betty Ford" is nearer every Betty Ford sentence than the one that says she checked into
    Morningside. Whose deed: where either clause names someone, both must, and one person in
    common ("Lindsay" / "Lohan" in articles naming Lindsay Lohan); "He never met Putin" meets no
    "Obama met Putin"."""
    denied = [(n, d) for n, c in enumerate(claims) for d in denials(c)]
    if not denied:
        return {}
    naming: dict[str, list[int]] = {}
    for n, c in enumerate(claims):
        for w in {e.key.split()[0] for e in c.facts.entities if e.key}:
            naming.setdefault(w, []).append(n)
    people = full_names(claims)
    out: dict[tuple[str, str], Conflict] = {}
    for n, d in denied:
        c = claims[n]
        rows = np.asarray([m for m in naming.get(d.thing.key.split()[0], []) if m != n], dtype=np.int64)
        if not len(rows):
            continue
        near = vectors[rows] @ vectors[n]
        who = _who(d.subject, people.get(c.source, {}))
        for m in rows[np.lexsort((rows, -near))][:DENIAL_CANDIDATES].tolist():
            other = claims[m]
            if any(x.deed == d.deed for x in denials(other)):
                continue  # it denies the deed too
            if (said := affirmed(d, other)) is None:
                continue
            whose = _who(said.subject, people.get(other.source, {}))
            if bool(who) != bool(whose) or (who and not _one_of(who, whose)):
                continue
            key = (c.id, other.id) if n < m else (other.id, c.id)
            if key not in out:
                a, b = (d.text, said.text) if n < m else (said.text, d.text)
                out[key] = Conflict("negation", a, b, "denied", fact=f"whether it happened: {said.text}")
    return out


def _days_apart(a: Claim, b: Claim, story) -> bool:
    """Whether two claims each date exactly one event, on days that cannot be one, and name no
    places that cannot be one."""
    xs, ys = dated(a), dated(b)
    if len(xs) != 1 or len(ys) != 1:
        return False
    x, y = xs[0], ys[0]
    if x.another or y.another or not times_apart(x.time, y.time):
        return False
    return not (x.places and y.places and not places_meet(x.places, y.places, story))


def _in_time(key: tuple[str, str], value: tuple, by_id: dict[str, Claim], src: dict[str, Source]) -> tuple:
    """The pair's conflicts less an act told as to come by a source published before the one
    that tells it done: the plan came about, nothing conflicts."""
    found, *rest = value
    a, b = by_id[key[0]], by_id[key[1]]
    pa, pb = src[a.source].published, src[b.source].published
    if not pa or not pb or pa == pb:
        return value

    def planned_first(c: Conflict) -> bool:
        planned_in_a = c.detail == "to come"  # a tells it as to come, b as done
        return pa < pb if planned_in_a else pb < pa

    return ([c for c in found if not (c.type == "tense" and planned_first(c))], *rest)


def _told_both(
    key: tuple[str, str], value: tuple, by_id: dict[str, Claim], kinds: dict, kinds_of: dict[str, list]
) -> tuple:
    """The pair's conflicts less the kinds (a charge, a condition, a weapon) that either source
    also names as the other tells it: an article whose lead says "charged in her murder" and
    whose body lists "vehicular manslaughter" does not disagree with an outlet that says
    manslaughter (on ECB+ dev, seven contradictions a reader rejected); the article's own two
    kinds stay a finding within it."""
    found, *rest = value
    a, b = by_id[key[0]], by_id[key[1]]
    if a.source == b.source or not any(c.type == "category" for c in found):
        return value
    in_a, in_b = kinds_of[a.source], kinds_of[b.source]

    def told_both(c: Conflict) -> bool:
        return any(
            (x.text, y.text) == (c.a, c.b) and (tells(in_a, y, x) or tells(in_b, x, y))
            for x in kinds[a.id]
            for y in kinds[b.id]
        )

    return ([c for c in found if not (c.type == "category" and told_both(c))], *rest)


def _misspelt(claims: Sequence[Claim], vectors: np.ndarray, index: dict[str, int]) -> dict[tuple, Conflict]:
    """One person's name spelt two ways by two sources, keyed by the closest pair of claims naming
    the two spellings (in claim order), once per pair of spellings (``names.misspelt``)."""
    out = {}
    for m in misspelt(claims, vectors):
        if index[m.b.claim] < index[m.a.claim]:
            m = Misspelt(m.b, m.a, m.similarity)
        out[(m.a.claim, m.b.claim)] = m.conflict()
    return out


def _pair(a: Claim, b: Claim) -> tuple[str, str]:
    return tuple(sorted((a.source, b.source)))


#: Two sources that differ on at least this many facts and tell none alike look like reports of
#: two different events (two bank bombings, two quakes on one island): their conflicts would be
#: a pile of false contradictions, so they are left out and the reader is told why.
APART_AFTER = 1


def _different_events(
    disputed,
    agreeing: Counter,
    alike: set[tuple[str, str]],
    by_id: dict[str, Claim],
    people: dict[str, set[tuple[str, str]]],
) -> dict[tuple[str, str], int]:
    """Pairs of sources that look like reports of different events, with how many facts differ:
    they tell no figure or date alike, no sentence the aligner reads as one fact (``alike``), and
    name no one person both."""
    differing: dict[tuple[str, str], set] = {}
    for (i, j), (found, _, _) in disputed.items():
        a, b = by_id[i], by_id[j]
        if a.source != b.source:
            differing.setdefault(_pair(a, b), set()).update(
                (c.type, c.fact or c.detail) for c in found if c.type != "spelling"
            )

    def one_person(x: str, y: str) -> bool:
        return bool(people.get(x, set()) & people.get(y, set()))

    return {
        p: len(d)
        for p, d in differing.items()
        if len(d) >= APART_AFTER and not agreeing[p] and p not in alike and not one_person(*p)
    }


#: Claims meet the parts of this many of their nearest claims in each other source, at least this
#: close (cosine), for parts and times of day told alike.
PART_CANDIDATES = 3
PART_FLOOR = 0.4
#: ... and at most about this many in all, however many sources.
PART_BUDGET = 24

#: The score of a conflict found by fact alignment alone: the two figures count one thing, but
#: nothing calibrated says the two sentences tell one event.
_FACT_SCORE = 0.6


def _conflict_finding(
    a: Claim, b: Claim, found: list[Conflict], speakers_differ: bool, score: float, src: dict[str, Source]
) -> Finding:
    """A pair with conflicts: figures from two named speakers are a discrepancy, a cumulative
    count that grew in the later report an update, anything else a contradiction."""
    numbers = [c for c in found if c.type == "number"]
    if numbers and speakers_differ and len(numbers) == len(found):
        return Finding(
            "discrepancy", (a.id, b.id), score, explain.speakers_disagree(a, b, numbers), tuple(found)
        )
    if numbers and len(numbers) == len(found) and all(_aged(a, b, c, src) for c in numbers):
        return Finding("discrepancy", (a.id, b.id), score, explain.aged(a, b, numbers, src), tuple(found))
    if numbers and len(numbers) == len(found) and all(_is_update(a, b, c, src) for c in numbers):
        later, earlier = (a, b) if src[a.source].published > src[b.source].published else (b, a)
        return Finding(
            "update", (a.id, b.id), score, explain.later_count(later, earlier, found, a, b, src), tuple(found)
        )
    return Finding(
        "contradiction", (a.id, b.id), score, explain.contradiction(found, a, b, src), tuple(found)
    )


#: A person's age told a few years apart by two articles may be told in two years: ECB+ dev has
#: "Jose Luis Orozco, 27" in the manhunt of 2005 and "Orozco, 29" at his conviction in 2007.
AGE_DRIFT = 3


def _aged(a: Claim, b: Claim, c: Conflict, src: dict[str, Source]) -> bool:
    """Whether two ages of one person differ by no more than the years that may lie between the
    two articles: ``AGE_DRIFT`` where either is undated, the years between them where both are."""
    figures = isinstance(c.value_a, Quantity) and isinstance(c.value_b, Quantity)
    if not figures or c.counts != "age":
        return False
    if _DIED_AT_RE.match(a.text, c.value_a.end) or _DIED_AT_RE.match(b.text, c.value_b.end):
        return False  # an age at death does not move on: "John Miller, 34, died at the scene"
    gap = abs(c.value_a.value - c.value_b.value)
    pa, pb = src[a.source].published, src[b.source].published
    if not pa or not pb:
        return gap <= AGE_DRIFT
    if pa == pb:
        return False
    older = c.value_a.value > c.value_b.value
    return older == (pa > pb) and gap <= 1 + abs((pa - pb).days) / 365.25


_DIED_AT_RE = re.compile(
    r"[\s,)]*(?:(?:who|and|had|has|have)\s+)?(?:died|dies|was\s+killed|were\s+killed|was\s+found\s+dead|"
    r"was\s+shot\s+(?:dead|and\s+killed)|was\s+pronounced\s+dead)\b",
    re.I,
)


def _within(a: Claim, b: Claim, found: list[Conflict], src: dict[str, Source]) -> Finding:
    """One article giving two values for one fact: from two speakers, or in its own voice."""
    first = found[0]
    if speaker_differs(a, b):
        text = explain.within_speakers(a, b, first, src)
    else:
        text = explain.within_article(a, b, first, src)
    return Finding("discrepancy", (a.id, b.id), _FACT_SCORE, text, tuple(found), scope="within")


def _unique(claims, vectors, matched, related, by_id, src) -> list[Finding]:
    """Claims with no counterpart. Say how close the nearest other-source claim came, so a reader
    can judge "unique" themselves."""
    lonely = [n for n, c in enumerate(claims) if c.id not in matched]
    source_no = np.unique(np.array([c.source for c in claims]), return_inverse=True)[1]
    best, cos = nearest_other(vectors, source_no, lonely)
    nearest = dict(zip(lonely, zip(best.tolist(), cos.tolist(), strict=True), strict=True))
    out = []
    for n in lonely:
        c = claims[n]
        k, sim = nearest[n]
        if k < 0:
            out.append(Finding("unique", (c.id,), 1.0, explain.unique(c, None, 0.0, src)))
            continue
        score = round(1.0 - max(0.0, sim), 4)
        if c.id in related:
            out.append(
                Finding("unique", (c.id,), score, explain.unique_details(c, by_id[related[c.id]], src))
            )
        else:
            out.append(Finding("unique", (c.id,), score, explain.unique(c, claims[k], sim, src)))
    return out
