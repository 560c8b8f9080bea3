"""Diff: matches -> findings.

Each aligned pair is an agreement, a contradiction (typed: number, time, entity, negation,
attribution), an update (a cumulative count that rose between an earlier and a later report)
or a discrepancy (figures that differ but come from different named speakers, so the outlets
do not contradict each other: "the Observatory said six" vs "the Committees said seven").
Unmatched claims are unique to their source.

Two claims only contradict when they are about the same event: the pair must have been aligned
(the calibrated P(same event), ``compare.align``) and each conflicting value must sit in a clause
that shares a name or content words with the other, so "17,000 killed since March 2011" never
contradicts "13 killed on Thursday".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz

from . import calibration
from .align import lexical
from .extract import quantities_conflict, same_entity, times_conflict
from .extract.entities import NameIndex
from .kinds import REPORT_KINDS
from .lexicon import ANTONYM_STEMS, ARTICLES_AND_POSSESSIVES, CLAUSE_STOP, UNNAMED_SPEAKERS, stem
from .options import Options
from .pairs import nearest_other
from .records import Claim, Conflict, Finding, Match, Quantity, Source, TimeRef

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s+|\s+(?:and|but|while|whereas)\s+|,\s+|\s+-\s+")
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|saying|told|tells|announced|stated|added|reported|declared|wrote)\s+(?:on\s+)?$", re.I
)
# Counts that only grow as a story develops: a larger later figure is an update, not a conflict.
_CUMULATIVE = re.compile(
    r"\b(?:kill\w*|dead|death\w*|die[sd]?|dying|toll|injur\w*|wound\w*|arrest\w*|detain\w*|"
    r"case|cases|infect\w*|refugee\w*|displac\w*|fled|missing|evacuat\w*|hospitali[sz]\w*|casualt\w*)\b",
    re.I,
)


def _content(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if len(w) > 3 and w.lower() not in CLAUSE_STOP}


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a span: from the last clause break before it to the first after it."""
    left, right = _clause_span(text, start, end)
    return text[left:right]


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, end)
    return left, (m.start() if m else len(text))


def _same_thing(
    a: Claim, sa: int, ea: int, b: Claim, sb: int, eb: int, names_only: bool = False
) -> str | None:
    """If the two spans sit in clauses about the same thing, return what that thing is (a shared
    name or words), else None. Clauses naming different places or people ("13 killed throughout
    Syria" vs "six killed in Treemseh") are about different things, whatever words they share."""
    la, ra = _clause_span(a.text, sa, ea)
    lb, rb = _clause_span(b.text, sb, eb)
    ca, cb = a.text[la:ra], b.text[lb:rb]
    names_a = [e for e in a.facts.entities if e.start >= la and e.end <= ra]
    names_b = [e for e in b.facts.entities if e.start >= lb and e.end <= rb]
    for x in names_a:
        for y in names_b:
            if same_entity(x, y):
                return x.text
    if (names_a and names_b) or names_only:
        return None
    shared = _content(ca) & _content(cb)
    if len(shared) >= 2 or (shared and len(_content(ca)) <= 3 and len(_content(cb)) <= 3):
        return " ".join(sorted(shared)[:3])
    return None


def _named(speaker: str) -> bool:
    # "the document", "officials", "he": no name, so no claim about who said it can clash.
    return any(w[:1].isupper() for w in speaker.split()[1:]) or (
        speaker[:1].isupper()
        and speaker.split()[0].lower() not in CLAUSE_STOP
        and speaker.lower() not in UNNAMED_SPEAKERS
    )


def speakers_match(sa: str | None, sb: str | None) -> bool:
    """Same speaker, allowing aliases ("Nawaf al Fares" / "Fares"), pronouns and unnamed ones."""
    sa, sb = (x.strip(" \"'`.,:;") if x else x for x in (sa, sb))
    if not sa or not sb or not _named(sa) or not _named(sb):
        return True
    return same_entity(sa, sb) or lexical(sa, sb) >= 0.85


def _speaker_differs(a: Claim, b: Claim) -> bool:
    """Figures from two different sources of information: both claims attributed, at least one
    to a name ("the Local Coordination Committees" vs "the activist group"), and not the same."""
    sa, sb = (x.strip(" \"'`.,:;") if x else x for x in (a.facts.speaker, b.facts.speaker))
    if (
        not sa
        or not sb
        or sa.lower() in UNNAMED_SPEAKERS
        or sb.lower() in UNNAMED_SPEAKERS
        or not (_named(sa) or _named(sb))
    ):
        return False
    return not (same_entity(sa, sb) or lexical(sa, sb) >= 0.85)


def _echoed(neg: Claim, pos: Claim) -> bool:
    """Every negation cue of one claim has its word in the other too, where the negation
    finder let it pass: "refused to" beside "initial refusal", "a no-confidence vote" beside
    "a vote of no confidence". Both say the same; neither reverses the other."""
    words = [cue.split()[0] for cue in neg.facts.negation_cues]
    if not words or any(w in ("not", "n't", "cannot") for w in words):  # a plain "not" is never echoed
        return False
    stems = [stem(w) for w in words]  # "refused" -> "refus" meets "refusal"
    return all(
        re.search(rf"\b{re.escape(st)}" if len(st) >= 4 else rf"\b{re.escape(w)}\b", pos.text, re.I)
        for w, st in zip(words, stems, strict=True)
    )


def _stem_hits(text: str, stem: str) -> bool:
    return re.search(rf"\b{stem}", text, re.I) is not None


def _reversal(a: Claim, b: Claim) -> tuple[str, str] | None:
    for x, y in ANTONYM_STEMS:
        for p, q in ((x, y), (y, x)):
            if (
                _stem_hits(a.text, p)
                and not _stem_hits(a.text, q)
                and _stem_hits(b.text, q)
                and not _stem_hits(b.text, p)
            ):
                return p, q
    return None


def _slot(text: str, start: int) -> tuple[str, ...]:
    """The two words before a name, articles skipped: "interview with (the) BBC" -> (interview, with)."""
    words = [w.lower() for w in _WORD.findall(text[:start]) if w.lower() not in ARTICLES_AND_POSSESSIVES]
    return tuple(words[-2:])


def _entity_swap(a: Claim, b: Claim, similarity: float) -> tuple[str, str, str] | None:
    """One name put where the other source has another: the same slot ("interview with CNN" vs
    "interview with the BBC"), or the only unshared name on each side of near-identical claims."""
    only_a = [e for e in a.facts.entities if not any(same_entity(e, f) for f in b.facts.entities)]
    only_b = [e for e in b.facts.entities if not any(same_entity(e, f) for f in a.facts.entities)]
    # Variants of one name ("Merrill" / "Merrill Lynch", "D-Neb." / "Democrat of Nebraska") are
    # not a swap: only clearly different names count.
    only_a = [e for e in only_a if all(fuzz.partial_ratio(e.key, f.key) < 60 for f in b.facts.entities)]
    only_b = [e for e in only_b if all(fuzz.partial_ratio(e.key, f.key) < 60 for f in a.facts.entities)]
    for x in only_a:
        slot = _slot(a.text, x.start)
        if len(slot) == 2 and any(w not in CLAUSE_STOP for w in slot):
            for y in only_b:
                if _slot(b.text, y.start) == slot:
                    return x.text, y.text, " ".join(slot)
    if similarity >= 0.75 and len(only_a) == 1 and len(only_b) == 1:
        x, y = only_a[0], only_b[0]
        # One name in the other's place: the same word beside each ("watching a TV cartoon" and
        # "Brianna was in her bedroom" are two names in two places, both true).
        if (
            _beside(a.text, x) & _beside(b.text, y)
            and lexical(_strip(a.text, [(x.start, x.end)]), _strip(b.text, [(y.start, y.end)])) >= 0.80
        ):
            return x.text, y.text, ""
    return None


def _beside(text: str, e) -> set[tuple[str, str]]:
    """The words just before and just after a name, articles skipped."""
    after = [w.lower() for w in _WORD.findall(text[e.end :]) if w.lower() not in ARTICLES_AND_POSSESSIVES][:1]
    return {("before", w) for w in _slot(text, e.start)[-1:]} | {("after", w) for w in after}


def _values_conflict(qa: Quantity, qb: Quantity) -> bool:
    """Ranges that cannot both be true conflict; so do two reported figures of the same form
    ("more than 17,000" vs "more than 27,000"), because a reporter gives the best known figure,
    not a loose bound. Mixed forms ("more than 17,000" vs "17,500") are compatible."""
    if quantities_conflict(qa, qb):
        return True
    if qa.unit != qb.unit or qa.qualifier != qb.qualifier or not qa.qualifier:
        return False
    return abs(qa.value - qb.value) > 0.05 * max(abs(qa.value), abs(qb.value))


def _point_times(claim: Claim) -> list[TimeRef]:
    # "said Thursday" dates the statement, not the event it reports: leave it out of the diff.
    return [
        t
        for t in claim.facts.times
        if t.kind != "duration" and t.low is not None and not _SPEECH_BEFORE.search(claim.text[: t.start])
    ]


def _number_conflicts(a: Claim, b: Claim, loose: bool = True) -> list[tuple[Quantity, Quantity, str]]:
    """Conflicting figures about the same thing. ``loose`` (for pairs already aligned as one
    fact) also accepts the single figure of each claim when both count the same noun."""
    # A figure both claims state is shared, not in conflict with the other claim's other
    # figures ("a gain of 10 cents ... a loss of 19 cents" in both).
    values_a = {(q.value, q.unit) for q in a.facts.quantities}
    values_b = {(q.value, q.unit) for q in b.facts.quantities}
    only_a = [q for q in a.facts.quantities if (q.value, q.unit) not in values_b]
    only_b = [q for q in b.facts.quantities if (q.value, q.unit) not in values_a]
    out = []
    for qa in only_a:
        for qb in only_b:
            if not _values_conflict(qa, qb):
                continue
            # Within one article, two death tolls are often a total and a local count: only a
            # shared name ("Treemseh") makes them figures for the same thing.
            about = _same_thing(a, qa.start, qa.end, b, qb.start, qb.end, names_only=not loose)
            if about is None and loose and len(only_a) == len(only_b) == 1 and qa.unit and qa.unit == qb.unit:
                about = qa.unit
            if about is not None:
                out.append((qa, qb, about))
    return out


def _strip(text: str, spans: Sequence[tuple[int, int]]) -> str:
    for s, e in sorted(spans, reverse=True):
        text = text[:s] + " " + text[e:]
    return text


def _cue_spans(c: Claim) -> list[tuple[int, int]]:
    return [m.span() for cue in c.facts.negation_cues for m in re.finditer(re.escape(cue), c.text)]


def _speaker_spans(c: Claim) -> list[tuple[int, int]]:
    return [c.facts.speaker_span] if c.facts.speaker_span else []


def conflicts(a: Claim, b: Claim, similarity: float) -> tuple[list[Conflict], bool]:
    """Typed conflicts between two claims, and whether their figures come from different named
    speakers (which makes a number conflict a discrepancy rather than a contradiction)."""
    found: list[Conflict] = []
    for qa, qb, about in _number_conflicts(a, b):
        found.append(Conflict("number", qa.text, qb.text, about))
    ta, tb = _point_times(a), _point_times(b)
    if len(ta) == 1 and len(tb) == 1 and times_conflict(ta[0], tb[0]):
        found.append(
            Conflict(
                "time", ta[0].text, tb[0].text, f"{ta[0].low}..{ta[0].high} vs {tb[0].low}..{tb[0].high}"
            )
        )
    speakers_differ = _speaker_differs(a, b)
    if a.facts.negated != b.facts.negated and similarity >= 0.70:
        neg, pos = (a, b) if a.facts.negated else (b, a)
        if lexical(_strip(a.text, _cue_spans(a)), _strip(b.text, _cue_spans(b))) >= 0.80 and not _echoed(
            neg, pos
        ):
            found.append(
                Conflict(
                    "negation",
                    "not" if a.facts.negated else "affirms",
                    "not" if b.facts.negated else "affirms",
                    ", ".join(neg.facts.negation_cues),
                )
            )
    if a.facts.negated == b.facts.negated and similarity >= 0.60:
        flip = _reversal(a, b)
        if flip:
            found.append(Conflict("negation", flip[0], flip[1], "reversed stance"))
    # Who said it is contradicted only between two names: "the officials" or "the industry
    # group" beside a named source is the same statement told less precisely.
    named = all(c.facts.speaker and _named(c.facts.speaker.strip(" \"'`.,:;")) for c in (a, b))
    if speakers_differ and named and not found and similarity >= 0.80:
        if lexical(_strip(a.text, _speaker_spans(a)), _strip(b.text, _speaker_spans(b))) >= 0.80:
            found.append(Conflict("attribution", a.facts.speaker or "", b.facts.speaker or ""))
    # Names swapped outside the attribution (which is told above, as what it is).
    if similarity >= 0.60 and not found:
        swap = _entity_swap(a, b, similarity)
        if swap:
            found.append(Conflict("entity", *swap))
    return found, speakers_differ


def _is_update(a: Claim, b: Claim, conflict: Conflict, sources: dict[str, Source], qpair) -> bool:
    pa, pb = sources[a.source].published, sources[b.source].published
    if conflict.type != "number" or not pa or not pb or pa == pb:
        return False
    qa, qb = qpair
    if not (
        _CUMULATIVE.search(_clause(a.text, qa.start, qa.end))
        or _CUMULATIVE.search(_clause(b.text, qb.start, qb.end))
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
                _CUMULATIVE.search(_clause(earlier.text, qe.start, qe.end))
                and _CUMULATIVE.search(_clause(later.text, ql.start, ql.end))
            ):
                continue
            about = _same_thing(earlier, qe.start, qe.end, later, ql.start, ql.end)
            if about is not None or len(earlier.facts.quantities) == len(later.facts.quantities) == 1:
                return (
                    f"a later count: {_name(sources, later)} (published "
                    f"{sources[later.source].published}) says {ql.text!r}, "
                    f"{_name(sources, earlier)} (published {sources[earlier.source].published}) said "
                    f"{qe.text!r}"
                )
    return ""


def _name(sources: dict[str, Source], claim: Claim) -> str:
    return sources[claim.source].name


def describe(conflict: Conflict, a: Claim, b: Claim, sources: dict[str, Source]) -> str:
    na, nb = _name(sources, a), _name(sources, b)
    if conflict.type == "meaning":
        return f"meaning: an NLI model reads the two as contradictory ({conflict.detail})"
    if conflict.type == "attribution":
        return f"attribution: {na} attributes it to {conflict.a}, {nb} to {conflict.b}"
    if conflict.type == "negation" and conflict.detail == "reversed stance":
        return f"reversed stance: {na} says {conflict.a}..., {nb} says {conflict.b}..."
    if conflict.type == "negation":
        neg = na if conflict.a == "not" else nb
        return f"negation: {neg} negates it ({conflict.detail}), the other affirms it"
    about = f" ({conflict.detail})" if conflict.detail and conflict.type != "time" else ""
    return f"{conflict.type}: {na} says {conflict.a!r}, {nb} says {conflict.b!r}{about}"


def _via(a: Claim, b: Claim, sources: dict[str, Source]) -> str:
    """How the two claims were joined when one names a person only by description: the words
    the other source describes that person with (``compare.corefer``)."""
    for x, y in ((a, b), (b, a)):
        for r in x.facts.references:
            if r.source == y.source:
                return (
                    f"; {_name(sources, x)}'s {r.text!r} is read as {r.name}, whom {_name(sources, y)} "
                    f"({r.claim}) describes with the same words ({', '.join(r.shared)})"
                )
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
        if _point_times(x) and not _point_times(y):
            return True
    return False


def diff(
    claims: Sequence[Claim],
    matches: Sequence[Match],
    vectors: np.ndarray,
    sources: Sequence[Source],
    within: Sequence[tuple[int, int, float]],
    options: Options,
) -> tuple[Finding, ...]:
    by_id = {c.id: c for c in claims}
    index = {c.id: n for n, c in enumerate(claims)}
    src = {s.id: s for s in sources}
    findings: list[Finding] = []
    matched: set[str] = set()
    fact_t = (
        options.fact_threshold if options.fact_threshold is not None else calibration.threshold("same_fact")
    )
    related: dict[str, str] = {}
    mentioned: dict[str, NameIndex] = {}
    checked: set[tuple] = set()  # a name already looked up gives the same answer
    for c in claims:
        seen = mentioned.setdefault(c.source, NameIndex())
        for e in _names(c):
            ident = (c.source, e) if isinstance(e, str) else (c.source, e.key, e.text)
            if ident not in checked:
                checked.add(ident)
                seen.add(e)
    for m in matches:
        a, b = by_id[m.a], by_id[m.b]
        found, speakers_differ = conflicts(a, b, m.similarity)
        if not found:
            growth = _growth(a, b, src)
            if growth:
                matched.update((a.id, b.id))
                findings.append(Finding("update", (a.id, b.id), m.event, growth))
                continue
            if m.fact < fact_t and (m.similarity < options.agree_cosine or _details_differ(a, b, mentioned)):
                # Same event, different details: neither an agreement nor a contradiction. Each
                # claim stays unique to its source, with the related claim named.
                related.setdefault(a.id, b.id)
                related.setdefault(b.id, a.id)
                continue
            matched.update((a.id, b.id))
            hedge = ""
            if bool(a.facts.hedges) != bool(b.facts.hedges):
                h = a if a.facts.hedges else b
                hedge = f"; only {_name(src, h)} hedges it ({', '.join(h.facts.hedges)})"
            findings.append(
                Finding(
                    "agreement",
                    (a.id, b.id),
                    max(m.fact, m.event),
                    f"{_name(src, a)} and {_name(src, b)} report the same fact (similarity "
                    f"{m.similarity:.2f})"
                    f"{hedge}{_via(a, b, src)}",
                )
            )
            continue
        matched.update((a.id, b.id))
        numbers = [c for c in found if c.type == "number"]
        if numbers and speakers_differ and len(numbers) == len(found):
            findings.append(
                Finding(
                    "discrepancy",
                    (a.id, b.id),
                    m.event,
                    f"figures differ but come from different speakers ({a.facts.speaker}: {numbers[0].a}; "
                    f"{b.facts.speaker}: {numbers[0].b}): not a contradiction between the outlets",
                    tuple(found),
                )
            )
            continue
        qpairs = [(qa, qb) for qa, qb, _ in _number_conflicts(a, b)]
        if (
            numbers
            and len(numbers) == len(found)
            and all(_is_update(a, b, c, src, q) for c, q in zip(numbers, qpairs, strict=True))
        ):
            later, earlier = (a, b) if src[a.source].published > src[b.source].published else (b, a)
            findings.append(
                Finding(
                    "update",
                    (a.id, b.id),
                    m.event,
                    f"a later count, not a contradiction: {_name(src, later)} (published "
                    f"{src[later.source].published}) "
                    f"gives a higher figure than {_name(src, earlier)} (published "
                    f"{src[earlier.source].published}); " + "; ".join(describe(c, a, b, src) for c in found),
                    tuple(found),
                )
            )
            continue
        findings.append(
            Finding(
                "contradiction",
                (a.id, b.id),
                m.event,
                "; ".join(describe(c, a, b, src) for c in found) + _via(a, b, src),
                tuple(found),
            )
        )
    for i, j, sim in within:
        a, b = claims[i], claims[j]
        numbers = _number_conflicts(a, b, loose=False)
        if not numbers:
            continue
        qa, qb, about = numbers[0]
        conflict = tuple(Conflict("number", x.text, y.text, ab) for x, y, ab in numbers)
        if _speaker_differs(a, b):
            text = (
                f"{_name(src, a)} reports different figures from different speakers: "
                f"{a.facts.speaker} says {qa.text!r}, "
                f"{b.facts.speaker} says {qb.text!r} ({about})"
            )
            findings.append(
                Finding("discrepancy", (a.id, b.id), round(sim, 4), text, conflict, scope="within")
            )
    # Unique: claims with no counterpart. Say how close the nearest other-source claim came, so a
    # reader can judge "unique" themselves.
    lonely = [n for n, c in enumerate(claims) if c.id not in matched]
    source_no = np.unique(np.array([c.source for c in claims]), return_inverse=True)[1]
    best, cos = nearest_other(vectors, source_no, lonely)
    nearest = dict(zip(lonely, zip(best.tolist(), cos.tolist(), strict=True), strict=True))
    for n, c in enumerate(claims):
        if c.id in matched:
            continue
        k, sim = nearest[n]
        if k >= 0:
            near = claims[k]
            note = f"; nearest in {_name(src, near)}: {near.id} (similarity {sim:.2f})"
            score = round(1.0 - max(0.0, sim), 4)
            if c.id in related:
                other = by_id[related[c.id]]
                findings.append(
                    Finding(
                        "unique",
                        (c.id,),
                        score,
                        f"only {_name(src, c)} gives these details; {other.id} in "
                        f"{_name(src, other)} covers the same event differently{_via(c, other, src)}",
                    )
                )
                continue
        else:
            note, score = "", 1.0
        findings.append(Finding("unique", (c.id,), score, f"only {_name(src, c)} reports this{note}"))
    order = {k: n for n, k in enumerate(REPORT_KINDS)}
    return tuple(
        sorted(findings, key=lambda f: (order[f.kind], f.scope, min(index[x] for x in f.claims), f.claims))
    )
