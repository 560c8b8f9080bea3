"""What two claims are about: clauses, content words, speakers and the times they report.

The detectors ask the same questions of every pair (is this figure in a clause about the same
thing as that one? do the two speakers differ?), so the answers live here once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import reading
from ..align import lexical
from ..clock import clock_times
from ..extract import same_entity
from ..lexicon import CLAUSE_STOP, COMMON_WORD_STOP, UNNAMED_SPEAKERS, stem
from ..records import Claim, TimeRef

WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s+|\s+(?:and|but|while|whereas)\s+|,\s+|\s+-\s+")
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|saying|told|tells|announced|stated|added|reported|declared|wrote)\s+(?:on\s+)?$", re.I
)


def content(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if len(w) > 3 and w.lower() not in CLAUSE_STOP}


def clause(text: str, start: int, end: int) -> str:
    """The clause around a span: from the last clause break before it to the first after it."""
    left, right = clause_span(text, start, end)
    return text[left:right]


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    # a colon ends no clause here, as it does for facts: the sentence-level detectors were
    # measured with "Waitrose fire: man denies arson" as one clause
    return reading.clause_span(text, start, end, _CLAUSE_BREAK)


def same_thing(
    a: Claim, sa: int, ea: int, b: Claim, sb: int, eb: int, names_only: bool = False
) -> str | None:
    """If the two spans sit in clauses about the same thing, return what that thing is (a shared
    name or words), else None. Clauses naming different places or people ("13 killed throughout
    Syria" vs "six killed in Treemseh") are about different things, whatever words they share."""
    la, ra = clause_span(a.text, sa, ea)
    lb, rb = clause_span(b.text, sb, eb)
    ca, cb = a.text[la:ra], b.text[lb:rb]
    names_a = [e for e in a.facts.entities if e.start >= la and e.end <= ra]
    names_b = [e for e in b.facts.entities if e.start >= lb and e.end <= rb]
    for x in names_a:
        for y in names_b:
            if same_entity(x, y):
                return x.text
    if (names_a and names_b) or names_only:
        return None
    shared = content(ca) & content(cb)
    if len(shared) >= 2 or (shared and len(content(ca)) <= 3 and len(content(cb)) <= 3):
        return " ".join(sorted(shared)[:3])
    return None


def named(speaker: str) -> bool:
    # "the document", "officials", "he", "Police", "State police": no name, so no claim about who
    # said it can clash.
    if all(w.lower().strip(".,'") in CLAUSE_STOP | COMMON_WORD_STOP for w in speaker.split()):
        return False
    return any(w[:1].isupper() for w in speaker.split()[1:]) or (
        speaker[:1].isupper()
        and speaker.split()[0].lower() not in CLAUSE_STOP
        and speaker.lower() not in UNNAMED_SPEAKERS
    )


def speakers_match(sa: str | None, sb: str | None) -> bool:
    """Same speaker, allowing aliases ("Nawaf al Fares" / "Fares"), pronouns and unnamed ones."""
    sa, sb = (x.strip(" \"'`.,:;") if x else x for x in (sa, sb))
    if not sa or not sb or not named(sa) or not named(sb):
        return True
    return same_entity(sa, sb) or lexical(sa, sb) >= 0.85


def speaker_differs(a: Claim, b: Claim) -> bool:
    """Figures from two different sources of information: both claims attributed, at least one
    to a name ("the Local Coordination Committees" vs "the activist group"), and not the same."""
    sa, sb = (x.strip(" \"'`.,:;") if x else x for x in (a.facts.speaker, b.facts.speaker))
    if (
        not sa
        or not sb
        or sa.lower() in UNNAMED_SPEAKERS
        or sb.lower() in UNNAMED_SPEAKERS
        or not (named(sa) or named(sb))
    ):
        return False
    return not (same_entity(sa, sb) or lexical(sa, sb) >= 0.85)


def point_times(claim: Claim) -> list[TimeRef]:
    # "said Thursday" dates the statement, not the event it reports: leave it out of the diff.
    return [
        t
        for t in claim.facts.times
        if t.kind != "duration" and t.low is not None and not _SPEECH_BEFORE.search(claim.text[: t.start])
    ]


def strip_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    for s, e in sorted(spans, reverse=True):
        text = text[:s] + " " + text[e:]
    return text


# What a claim asserts, without the asides that only one outlet adds: a lead-in ("Asked by CNN
# if he favored intervention,"), an appositive after a name (", formerly Syria's ambassador to
# Iraq,"), a trailing attribution (", officials said.").
_LEAD_IN = re.compile(
    r"^\W*(?:asked|speaking|interviewed|responding|writing|according\s+to|in\s+(?:an?|his|her|their)\s+"
    r"(?:interview|statement|speech|letter|address|video)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday))\b[^,;:]{0,140}[,:]\s*",
    re.I,
)
_APPOSITIVE = re.compile(
    r",\s+(?:formerly|now|once|then|an?|the|his|her|its|their|who|which|whose)\b[^,;:]{1,90},\s*"
)
_TRAILING_SAID = re.compile(
    r",\s+[^,;:]{1,60}?\b(?:said|says|told|reported|added)\b[^,;:]{0,40}[.:]?\s*$", re.I
)


def core(text: str) -> str:
    """The claim's own assertion: lead-in, appositives and a trailing attribution left out."""
    out = _LEAD_IN.sub("", text)
    out = _APPOSITIVE.sub(" ", out)
    out = _TRAILING_SAID.sub("", out)
    return out.strip(" :;,.") or text


#: Where a sentence's parts part: the clauses a fact may be told in, alone.
_PART_RE = re.compile(
    r";|:\s|\s+-\s+|,\s+(?:and|but|while|whereas|which|who|where|after|before|as|because|when)\s+"
    r"|\s+(?:but|while|whereas|because|after|before)\s+"
)
#: ... and a second predicate ("suffered a heart attack ... and never regained consciousness"), not
#: a second noun ("a rifle and a handgun"); a participle clause ("having been diagnosed as ...").
#: Only where nothing before it is negated: "do not believe he fled ... and is hiding in Mexico"
#: denies both, "never having been diagnosed" is one.
_PREDICATE_RE = re.compile(
    r"\s+and\s+(?=(?:never|not|then|later|also|was|were|is|are|has|have|had|did)\b)|,?\s+(?=having\s+been\b)"
)
_NEGATED_RE = re.compile(r"\b(?:not|no|never|nobody|none|nothing|without)\b|n't\b", re.I)
_FIGURE_RE = re.compile(
    r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)\b", re.I
)
#: A part of each claim tells one fact alike when they share at least this many content words ...
PART_SHARED = 2
#: ... and at least this share of all the content words of the two (Jaccard): a name alone ("Chief
#: Russell") is no part of a long sentence that names him.
PART_OVERLAP = 0.5


#: Words that tell how, not what: "would be rebuilt" and "will be rebuilt" tell one fact.
_MODALS = frozenset("will would could should might must shall have been being".split())


def _part_words(text: str) -> set[str]:
    return {w for w in content(text) if w not in _MODALS}


def _plain_words(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if w[0].islower()}


def _parts(text: str) -> list[str]:
    out = []
    for part in _PART_RE.split(text):
        cuts = [m for m in _PREDICATE_RE.finditer(part) if not _NEGATED_RE.search(part, 0, m.start())]
        bounds = [0, *(x for m in cuts for x in (m.start(), m.end())), len(part)]
        out += [part[bounds[n] : bounds[n + 1]] for n in range(0, len(bounds), 2)]
    return [p for p in (s.strip(" ,.;:\"'") for s in out) if p]


@dataclass(frozen=True)
class _Part:
    text: str
    words: frozenset[str]
    plain: frozenset[str]  # its words written in lower case: no names
    negated: bool
    figures: frozenset[str]


@functools.lru_cache(maxsize=1 << 14)
def _read_parts(text: str) -> tuple[_Part, ...]:
    """A claim's parts, each read once: a claim meets several others."""
    return tuple(
        _Part(
            p,
            frozenset(_part_words(p)),
            frozenset(_plain_words(p)),
            bool(_NEGATED_RE.search(p)),
            frozenset(f.lower() for f in _FIGURE_RE.findall(p)),
        )
        for p in _parts(text)
    )


def shared_part(a: Claim, b: Claim) -> tuple[str, str] | None:
    """A part of each claim, the two telling one fact in nearly the same words ("the store would
    be rebuilt" / "The store will be rebuilt", "which she has a permit to carry" / "She had a
    permit to carry the gun"), with the same negation and the same figures; None if none does.
    For two claims of one event that differ in their other details."""
    best = None
    for x in _read_parts(a.text):
        for y in _read_parts(b.text):
            shared = x.words & y.words
            if len(shared) < PART_SHARED or len(shared) < PART_OVERLAP * len(x.words | y.words):
                continue
            if not shared & x.plain & y.plain:
                continue  # names alone ("Commerce Secretary Gary Locke added") tell no fact
            if x.negated != y.negated or x.figures != y.figures:
                continue
            if best is None or len(shared) > best[0]:
                best = (len(shared), x.text, y.text)
    return (best[1], best[2]) if best else None


def shared_clock(a: Claim, b: Claim) -> str | None:
    """A time of day both claims give for one event ("turned himself in around 6 p.m." /
    "surrendered at 6 p.m."): the same minute beside the same event word; a minute off the
    hour ("17:06 hours" / "17:06 pm") needs no event word, being no coincidence."""
    for x in clock_times(a.text):
        for y in clock_times(b.text):
            if x.minutes != y.minutes:
                continue
            if x.minutes % 60:
                return x.text
            ex = reading.time_event(a.text, *clause_span(a.text, x.start, x.end), x.start, x.end)
            ey = reading.time_event(b.text, *clause_span(b.text, y.start, y.end), y.start, y.end)
            if ex and ex == ey:
                return x.text
    return None
