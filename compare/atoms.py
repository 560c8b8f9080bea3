"""Atomic facts: each claim taken apart into the figures it states, each with what it is about.

"A 5.6 magnitude earthquake hit an island off Iran's southern coast on Sunday, injuring five
people" states two figures: a magnitude and a count of injured people. Sources reorder, merge
and split such facts, and a sentence whose difference *is* the news ("killing four people" /
"one person died in the storm") is not a paraphrase of the other, so figures are compared fact
by fact: each figure meets the figures of the other sources that count the same thing in the
same event (``comparable``), whatever the rest of the two sentences say, and only there are the
values compared (``conflicting``). Units are converted; currencies never are.

What a figure is about is read from its clause, without a parser: the event word nearest to it
("killed", "injured", "marched" -> its class in ``lexicon.PREDICATES``), the thing counted (the
counted noun, a unit's dimension), the places named in the clause, the times it is dated by,
and whether it is a total, an increment ("another 20,000") or a part ("15 of them").
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from .dates import YEAR_RE, times_apart
from .extract import same_entity
from .extract.attribution import find_speaker
from .extract.numbers import NAME_BRACKET_RE, singular
from .lexicon import (
    COUNT_SCOPES,
    DWELLERS,
    PEOPLE_NOUNS,
    PERSON_UNITS,
    QUALIFIERS,
    RELATIVE_NOUNS,
    THING_CLASSES,
    UNIT_DIMENSIONS,
    stem,
)
from .reading import (
    NOT_DATING,
    PREDICATE_RE,
    SPEECH_BEFORE,
    WORD,
    clause_span,
    context_words,
    event_word,
    places_meet,
    same_person,
    same_place,
)
from .records import Claim, Entity, Quantity, TimeRef

#: Predicates that count people: a bare count ("seven died") is a count of people under them.
_PEOPLE_PREDICATES = frozenset(
    "death injury arrest missing rescue evacuation protest attendance population".split()
)


@dataclass(frozen=True)
class Atom:
    """One figure of a claim and what it is about."""

    claim: str
    source: str
    value: Quantity  # offsets relative to the claim text
    predicate: str  # event class ("death", "injury", ...); "" when the clause names none
    thing: str  # what is counted: a thing class ("person", "boat"), a dimension ("length"), or ""
    places: tuple[Entity, ...]  # the names in its clause, speaker left out
    names: tuple[Entity, ...]  # the names in its whole sentence, speaker left out
    context: frozenset[str]  # content stems of its clause, the figure's own words left out
    times: tuple[TimeRef, ...]  # the times its clause is dated by (not "said Thursday")
    scope: str  # "" | "total" | "increment" | "part" | "aside" (in brackets, any such, a window)
    speaker: str | None
    clause: tuple[int, int]
    earlier: bool = (
        False  # told as another or earlier event: "weeks after a driver shot eight", "a second quake"
    )
    # the name the figure belongs to: "59-year-old Raj Chohan", "Hakim ... two children"; for a
    # distance, the place it is measured from
    holder: Entity | None = None
    located: Entity | None = None  # for a distance: what lies there ("Qeshm, located 1,150 km ...")
    of: str = ""  # for a distance: the event or verb it was told with ("v:abandon", "quake")
    said_by: tuple[Entity, ...] = ()  # the names in its sentence's speaker phrase
    day: str = ""  # the one weekday its clause dates it by, if any
    days: frozenset[str] = frozenset()  # every weekday its article dates an event on
    # a figure told bare ("witnesses said there were more than 50,000") counts what the sentence
    # before counted; the id of that sentence's claim, in context only (``diff.facts.claim_atoms``)
    echoes: str = ""
    # a span between two events ("died a week after suffering a heart attack", "suffered a heart
    # attack nine days earlier"): which way the other event lies ("before" / "after") and its words
    interval: str = ""
    anchor: frozenset[str] = frozenset()
    anchored: bool = False  # the other event named after the span ("after suffering a heart attack")
    stock: bool = False  # what something holds or runs ("operates 1,100 stores"): ``_STOCK_RE``
    # "planned" for what will be done ("will shutter 60 stores", ``_PLANNED_RE``), "done" for what
    # was ("closed 40 stores", ``_PAST_RE``), "" where the clause does not say ("is shuttering 75")
    tense: str = ""
    bracketed: bool = False  # a record in a bracket after its holder's name: "Riddick Bowe (43-1)"

    @property
    def dimension(self) -> str:
        return UNIT_DIMENSIONS.get(self.value.unit, ("", 1.0))[0]


#: Words that put what follows them in another, earlier event than the story's.
_EARLIER_RE = re.compile(
    # another event of the story's kind: "a second quake of magnitude 4.6 hit an hour later"
    r"\b(?:second|another|new|fresh|separate)\s+(?:[a-z]+\s+)?(?:quake|earthquake|tremor|blast|explosion)\b"
    r"|\b(?:weeks|days|months|years|decades)\s+(?:after|before|earlier|ago)\b"
    r"|\b(?:last|previous)\s+(?:year|month|week)\b|\bearlier\s+this\s+(?:year|month)\b"
    r"|\ba\s+(?:year|month|decade)\s+(?:earlier|ago|before)\b",  # "A year earlier, it had sold 2.1 million"
    re.I,
)
#: A verb of having right before a figure: what something holds or runs ("operates 1,100 stores",
#: "the hotel has 450 rooms", "houses about 140 dogs"), not what was done to some of them.
_STOCK_RE = re.compile(
    r"\b(?:has|have|had|having|owns?|owned|operates?|operated|operating|houses?|housed|employs?|employed"
    r"|holds?|held|holding|contains?|contained|containing|comprises?|boasts?|carr(?:y|ies|ied|ying)"
    r"|is\s+home\s+to)\s+"
    r"(?:(?:about|some|nearly|around|roughly|almost|over|more\s+than|an?\s+estimated|just|only)\s+)?$",
    re.I,
)
#: A figure of what will or may be done, not what was: "will shutter 60 stores", "plans to install".
_PLANNED_RE = re.compile(
    r"\b(?:will|plans?\s+to|planned\s+to|aims?\s+to|expects?\s+to|is\s+expected\s+to"
    r"|are\s+expected\s+to|intends?\s+to|hopes?\s+to|wants?\s+to|is\s+set\s+to|are\s+set\s+to)\b",
    re.I,
)
_TOTAL_RE = re.compile(
    r"\b(?:so\s+far|to\s+date|a\s+total\s+of|in\s+total|in\s+all|altogether|overall|cumulative(?:ly)?"
    r"|since\s+(?:its|the|their|his|her)\s+(?:deployment|start|launch|beginning))\b",
    re.I,
)
#: A count over several days or of several parts, told in the figure's own clause: "over 50 arrests
#: over four nights", "since the shooting", "in the past two days", "a combined 157 games".
_SPAN_RE = re.compile(
    r"\b(?:(?:over|across)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:\w+\s+)?(?:days|nights|weeks|months)"
    r"|in\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|nights|weeks|months)"
    r"|since\s+the\s+(?:shooting|attack|killing|crash|quake|earthquake|storm|fire|riots?|protests?|unrest)"
    # counted from a date: "arrested three times since October" is no count of a whole life
    r"|since\s+(?:early\s+|late\s+|mid-?)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:19|20)\d\d))\b",
    re.I,
)
_COMBINED_RE = re.compile(r"\ba\s+combined\s+[\d$]", re.I)
#: Units that measure a property of the event itself ("a 6.1-magnitude quake", "a 5% rise"):
#: never the size of the noun after them.
_PROPERTIES = frozenset(
    ("magnitude", "degree", "percent", "percentage point", "dollar", "euro", "pound", "yen", "rupee")
)
#: Before a name: where those counted were headed, not where they were ("about 130 people were
#: marching toward the 67th Police Precinct").
_TOWARD_RE = re.compile(r"\b(?:towards?|headed\s+for|heading\s+for)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_FRONTED_RE = re.compile(r"\W*(?:In|At|Near|Outside|Inside|Across|Throughout)\s+[^,]{2,60},")
#: A clause that opens on "where" is of the place named just before it: "the northern city of
#: Thessaloniki, where another 20,000 people marched".
_WHERE_RE = re.compile(r"where\s", re.I)
_APPOSED_AGE_RE = re.compile(r"[A-Z][\w.'-]*,\s*$")
_AGE_END_RE = re.compile(r"\s*(?:,|\)|\.|;|$)")
_PARENT_OF_RE = re.compile(r"\b(?:mother|father|parent|grandmother|grandfather)\s+of\s*$", re.I)
_ATTRIBUTIVE_RE = re.compile(
    r"(?:-old)?\s+(?:[a-z]+\s+)?([a-z]{3,})\b(?!\s+(?:of|from|away|ago|before|after)\b)"
)
_OWN_PART_RE = re.compile(r"\s+of\s+(?:its|their)\s+([a-z]{3,})s\b")
_CHARGE_RE = re.compile(r"\s+of\s+((?:[a-z]+\s+){0,2}?[a-z]+)\b(?=\s*(?:,|\.|;|and\b|or\b|$))", re.I)
_AGE_RE = re.compile(r"-?old\b|\s+years?\s+old\b", re.I)
#: Things whose age news tells, which are no person's: "a 41-year-old double murder case".
#: The noun must end its phrase: "a 20-year-old car thief" is a person.
_AGED_THING_RE = re.compile(
    r"(?:\s+(?!(?:at|in|on|of|from|to|the|a|an|who|whose|was|is|has|had|with|by|for|and|or|driving)\b)"
    r"[a-z-]+){0,2}\s+(case|building|structure|house|church|bridge|company|business|store|shop"
    r"|restaurant|tradition|law|mystery|tree|car|ship|boat|plane|warehouse|school|hospital|theat(?:er|re)"
    r"|hotel|barn|mill|dam|factory|feud|dispute|war|landmark|franchise)s?"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|of|that|which|was|is|has|had|were|will|near|from|with|where|and|for)\b)",
    re.I,
)
#: "aged 34", "died ... at the age of 85" (not "began working at the age of 14": when, not how old)
_AGE_BEFORE_RE = re.compile(
    r"\bage(?:d)?\s*$|\b(?:died|dies|death|passed\s+away)\b[^.;]{0,60}\bat\s+the\s+age\s+of\s*$", re.I
)
_AT_THE_TIME_RE = re.compile(r"\W*(?:years?\s+old\s+)?at\s+the\s+time\b", re.I)


_OWN_SUM_RE = re.compile(
    r"\b(fees?|loans?|debt|financing|borrow\w*|buy\s*-?\s*back|bonus\w*|severance|ransom|salar\w+)\b", re.I
)
_OWN_SUMS = {"fee": "fee", "loan": ("loan", "borrow", "financing"), "debt": "debt", "buyback": ("buy",)}
_QUARTER_RE = re.compile(r"\bquarter(?:ly)?\b", re.I)
#: One form a price is paid in, apart from the other: "$4.2 billion in cash" (not "in cash and stock").
_PAID_IN_RE = re.compile(r"\s+in\s+(cash|stock)\b(?!\s+and\s+(?:cash|stock)\b)", re.I)
_PER_SHARE_RE = re.compile(r"\s+(?:a|per|for\s+each)\s+(?:common\s+)?share\b", re.I)
_PER_YEAR_RE = re.compile(r"\b(?:annual|annually|yearly|a\s+year|per\s+year|a\s+season|per\s+season)\b", re.I)


_LASTED_RE = re.compile(
    r"\b(?:(?:for|over|during|in)\s+(?:the\s+)?(?:past\s+|last\s+)?|(?:lasted|lasting|took|spent)\s+)$", re.I
)
_INTERVAL_RE = re.compile(r"\s+(?:(after|before)(?=\s+[a-z])|(earlier|later)\b)", re.I)


def _interval(
    text: str, q: Quantity, right: int, context: frozenset[str]
) -> tuple[str, frozenset[str], bool]:
    """Which way a span's other event lies and its words: "a week after suffering a heart attack"
    and "suffered a heart attack nine days earlier" both put the attack nine or seven days before."""
    m = _INTERVAL_RE.match(text, q.end)
    if m is None or _LASTED_RE.search(text, max(0, q.start - 12), q.start):
        return "", frozenset(), False  # "served the family for 30 years before turning": how long
    if m[1]:  # the other event follows the word: "after suffering a heart attack"
        words = context_words(text[m.end() : max(m.end(), right)], set())
        return ("before" if m[1].lower() == "after" else "after"), words, True
    return ("before" if m[2].lower() == "earlier" else "after"), context, False


#: A record over several seasons ("a 162-139 record in three-plus seasons") and one season's start
#: ("a 9-14 start") are two records of one coach, never two values of one.
_CAREER_RE = re.compile(r"\b(?:seasons|career)\b", re.I)
_START_RE = re.compile(r"\s+start\b", re.I)
_OTHER_SIDE_RE = re.compile(r"[-–]\d+")
#: A record of part of a season: at home, on the road, over a stretch of games.
_SPLIT_RE = re.compile(
    r"\s+(?:record\s+)?(at\s+home|on\s+the\s+road|away|in\s+(?:their\s+|the\s+|its\s+)?(?:last\s+|past\s+)?\d+\s+games"
    r"|since\s+the\s+break)\b",
    re.I,
)


_SPLITS = {"at home": "home", "away": "road", "on the road": "road"}  # the rest: a stretch of games


def _record_span(text: str, q: Quantity, right: int, thing: str) -> str:
    if not thing.startswith("record:"):
        return thing
    end = m.end() if (m := _OTHER_SIDE_RE.match(text, q.end)) else q.end  # past "-14" of "9-14"
    if split := _SPLIT_RE.match(text, end):
        part = " ".join(split.group(1).lower().split())  # "5-9 at home", "4-5 on the road", "3-7 in 10 games"
        return f"{thing} {_SPLITS.get(part, 'stretch')}"
    if _START_RE.match(text, end):
        return f"{thing} start"
    return f"{thing} career" if _CAREER_RE.search(text, q.start, right) else thing


def _sum_kind(text: str, left: int, right: int, end: int, thing: str) -> str:
    """Which sum a sum of money is: a rate is its own thing ("an average annual value of $21
    million" is no total, "a $140-million bid"), so are a share's price, a part paid in cash, a fee
    or a loan, a quarter's figure ("$25 a share" is not the $13.9 billion a company was bought for)."""
    if thing != "money":
        return thing
    if _PER_SHARE_RE.match(text, end):
        return "money a share"
    if part := _PAID_IN_RE.match(text, end):
        return f"money in {part.group(1).lower()}"  # "$4.2 billion in cash and 57 million shares": a part
    if own := _OWN_SUM_RE.search(text, left, right):
        # a fee, a loan, a buyback is no price: "a termination fee of $145 million", "will borrow
        # $3 billion to pay for the acquisition"
        word = own.group(1).lower()
        return "money " + next((k for k, ws in _OWN_SUMS.items() if word.startswith(ws)), singular(word))
    if _QUARTER_RE.search(text, left, right):
        return "money a quarter"  # "quarterly profit", "in the third quarter": not the year's
    return "money a year" if _PER_YEAR_RE.search(text, left, right) else thing


def _thing(text: str, q: Quantity, predicate: str) -> str:
    unit = q.unit
    old = _AGE_RE.match(text, q.end) if unit == "year" else None
    if old and (m := _AGED_THING_RE.match(text, old.end())):
        return f"age of {singular(m.group(1))}"  # "a 41-year-old double murder case", "86-year-old structure"
    if unit == "year" and (old or _AGE_BEFORE_RE.search(text, 0, q.start)):
        return "age"  # "a 26-year-old man", "aged 34": whose age is told by the names beside it
    if not unit and _APPOSED_AGE_RE.search(text, 0, q.start) and _AGE_END_RE.match(text, q.end):
        return "age"  # "Raj Chohan, 59, was killed"
    if not unit and _PARENT_OF_RE.search(text, 0, q.start):
        return "child"  # "a mother of two"
    if (m := _ATTRIBUTIVE_RE.match(text, q.end)) and "-" in q.text.split()[0] and unit not in _PROPERTIES:
        # "a 10-metre dhow", "a 15-year veteran", "a five-boat formation": a measure of the noun
        # that follows, not a span or a count of its own
        base = UNIT_DIMENSIONS[unit][0] if unit in UNIT_DIMENSIONS else unit
        if base == "time" and m.group(1).lower() in ("sentence", "term"):
            return base  # "a 40-year prison sentence" is as long as "sentenced to 38 years"
        return f"{base} of {singular(m.group(1))}"
    if not unit and (m := _OWN_PART_RE.match(text, q.end)):
        # "seven of its villages were most strongly affected": seven villages, counted under the
        # clause's event ("15 of the dead" stays a part of the dead: ``_scope``)
        unit = singular(m.group(1).lower())
    if unit == "sentence" and _OF_LIFE_RE.match(text, q.end):
        return "life sentence"  # "four sentences of life without parole"
    if unit in ("count", "charge") and (m := _CHARGE_RE.match(text, q.end)):
        return f"{unit} of {m.group(1).lower()}"  # "one count of attempted murder" is no count of murder
    if unit in UNIT_DIMENSIONS:
        return UNIT_DIMENSIONS[unit][0]
    if unit in PEOPLE_NOUNS or (not unit and predicate in _PEOPLE_PREDICATES):
        return "person"
    return THING_CLASSES.get(unit, unit)


_OF_LIFE_RE = re.compile(r"\s+of\s+life\b", re.I)
_WHOLE_RE = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|most|some|many|"
    r"several|none|half|each|both)\s+of\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+|our\s+)?$",
    re.I,
)
_GROUP_BY_EVENT_RE = re.compile(
    r"\s+(?:dead|wounded|injured|missing|hurt|displaced|homeless|arrested|detained|evacuated)\b", re.I
)
_WINDOW_RE = re.compile(r"\b(?:next|last|past|previous|coming|first|final)\s+$", re.I)
_GENERIC_BEFORE_RE = re.compile(r"\b(?:a|an)\s+(?:[a-z]+[\s-])?$", re.I)  # "a 6.0", "a magnitude-6.0"
_GENERIC_AFTER_RE = re.compile(r"[\w\s-]{0,25}?\b(?:can|may|typically|usually|generally|tends?\s+to)\b", re.I)


def _bracket_record(text: str, q: Quantity) -> bool:
    """A record in a bracket right after a name: "Riddick Bowe (43-1)", "Bowe (45-1, 33 KOs)"; the
    wins (the first side) stand right after the bracket, the losses after the wins."""
    if not q.unit.startswith("record:"):
        return False
    opened = text.rfind("(", 0, q.start)
    return opened >= 0 and bool(NAME_BRACKET_RE.search(text, max(0, opened - 40), opened + 1))


def _scope(text: str, left: int, right: int, q: Quantity) -> str:
    if text.count("(", 0, q.start) > text.count(")", 0, q.start) and not _bracket_record(text, q):
        return "aside"  # "(12 Somali and 11 Yemeni)", "58 km (36 miles)": a breakdown or a conversion
    if _GENERIC_BEFORE_RE.search(text, max(left, q.start - 16), q.start) and _GENERIC_AFTER_RE.match(
        text, q.end, min(len(text), q.end + 40)
    ):
        return "aside"  # "A magnitude-6.0 quake can cause severe damage": any such quake, not this one
    named_by_event = not q.unit and _GROUP_BY_EVENT_RE.match(text, q.end)
    if _WHOLE_RE.search(text, max(left, q.start - 30), q.start) and not named_by_event:
        # "two of the three victims died", "landing 178 of 369 punches": the group a part is
        # taken from; what the clause tells befell the part, not the group ("30 of the 80 wounded"
        # still counts the wounded: the group is named by what befell it)
        return "aside"
    if _WINDOW_RE.search(text, max(left, q.start - 12), q.start):
        # "eight of their last 10 games", "the next two years": a stretch counted back or forward
        # from some moment, not how many there were; two such stretches are two windows
        return "aside"
    after = len(text) - len(text[q.end :].lstrip())  # the first word after the figure
    if (
        _TOTAL_RE.search(text, 0, q.start)
        or _TOTAL_RE.match(text, after)
        or _SPAN_RE.search(text, 0, right)
        or _COMBINED_RE.search(text, 0, q.end)
    ):
        return "total"  # "So far, the Navy has confiscated 14 rifles, 31 magazines and 923 rounds"
    before = text[max(left, q.start - 25) : q.start].lower()
    after = text[q.end : q.end + 14].lower()
    inside = q.text.lower().split()[1:]  # "two additional life sentences"
    for scope, (before_words, after_words) in COUNT_SCOPES.items():
        if any(re.search(rf"\b{w}\s*$", before) for w in before_words):
            return scope
        if any(re.match(rf"\s*{w}\b", after) for w in after_words) or any(w in inside for w in after_words):
            return scope
    return ""


def _unit_event(unit: str) -> str:
    """The event a counted word names itself: "1 dead", "2 injured", "three missing"."""
    return next((cls for cls, pattern in PREDICATE_RE.items() if unit and pattern.fullmatch(unit)), "")


def _adjective_event(q: Quantity) -> str:
    """The event a compound adjective inside the figure names: "the 12 worst-hit villages"."""
    words = q.text.split()[1:-1] if q.unit else []
    compounds = " ".join(w for w in words if "-" in w and not any(c.isdigit() for c in w))  # not "AK-47"
    return next((cls for cls, pattern in PREDICATE_RE.items() if compounds and pattern.search(compounds)), "")


_APPOSED_RE = re.compile(r"\s*,\s*(?:aged?\s+)?", re.I)  # "Raj Chohan, 59", "Sharron Smith, age 61"


def _holder(claim: Claim, q: Quantity) -> Entity | None:
    """The name right beside a figure that belongs to someone: "59-year-old Raj Chohan",
    "Raj Chohan, 59,", or the subject of a short sentence ("Hakim ... with two children")."""
    ents = claim.facts.entities
    before = [e for e in ents if e.end <= q.start and _APPOSED_RE.fullmatch(claim.text, e.end, q.start)]
    if before:
        return before[-1]
    after = [e for e in ents if 0 <= e.start - q.end <= 8]
    if after:
        return after[0]
    subject = [e for e in ents if e.start < q.start]
    return subject[0] if len(subject) == 1 else None


_SINCE_RE = re.compile(r"\b(?:has|have|had)\s+since\b|\bsince\s+(?:has|have|had|then)\b", re.I)


def _times(claim: Claim, left: int, right: int, until: int | None = None) -> tuple[TimeRef, ...]:
    """The times of the figure's clause, or of its sentence where the clause has none ("A quake
    struck in September, killing seven" dates the seven); "said Thursday" dates no event.
    ``until``: only those told before it, for an age ("In 1967, a 20-year-old Smith ..."): a time
    after it dates what the person did or met, not their age ("Smith, 60, is accused of murders in
    1967")."""
    told = [
        t
        for t in claim.facts.times
        if t.kind != "duration"
        and not SPEECH_BEFORE.search(before := claim.text[max(0, t.start - 30) : t.start])
        and not NOT_DATING.search(before)  # "the fifth operation since September"
    ]
    if until is not None:
        told = [t for t in told if t.start < until]
    own = tuple(t for t in told if left <= t.start < right)
    if own or _SINCE_RE.search(claim.text, left, right):
        return own  # "proposed the rules in May and has since received 300,000 comments": no May count
    return tuple(told)


_SHARE_IN_RE = re.compile(
    r"(?:\b(?:half|thirds?|quarters?|most|percent|per\s+cent)|%)\s+(?:of\s+)?(?:the\s+|all\s+|their\s+|its\s+)?"
    r"(?:[a-z-]+\s+)?(?:homes|houses|buildings|dwellings|residences)\s+in\s+$",
    re.I,
)


@functools.lru_cache(maxsize=1 << 14)
def atoms(claim: Claim) -> tuple[Atom, ...]:
    """The figures of one claim, each with what it is about."""
    text = claim.text
    speaker = claim.facts.speaker_span
    said_by = tuple(e for e in claim.facts.entities if speaker and speaker[0] <= e.start < speaker[1])
    out = []
    nobody = _nobody(text)
    for q in sorted((*claim.facts.quantities, *nobody), key=lambda q: q.start):
        left, right = clause_span(text, q.start, q.end)
        own = set(WORD.findall(q.text.lower()))
        context = context_words(text[left:right], own)
        predicate = nobody.get(q) or (
            _unit_event(q.unit) or _adjective_event(q) or event_word(text, left, right, q.start, q.end)
        )
        if predicate == "damage" and _SHARE_IN_RE.search(text, max(left, q.start - 60), q.start):
            # "half of the homes in five villages were damaged": the villages that lost so much, the
            # worst hit among all those damaged ("houses in about 15 villages")
            predicate = "severe"
        if q.unit in DWELLERS and not _event_class(predicate):
            predicate = "population"  # "the island, which has about 200,000 residents"
        sum_of_money = UNIT_DIMENSIONS.get(q.unit, ("",))[0] == "money"
        if (
            sum_of_money
            and predicate not in ("cost", "profit", "revenue")
            and PREDICATE_RE["cost"].search(text, left, right)
        ):
            # what something cost or was worth: "police valued the seized drugs at $5 million"
            predicate = "cost"
        if not context:
            # An item of a list ("six rifles, 12 magazines and 300 rounds were seized") is a
            # clause of its own: it takes its event and its words from the whole sentence.
            context = context_words(text, own)
            predicate = predicate or event_word(text, 0, len(text), q.start, q.end)
        names = tuple(
            e
            for e in claim.facts.entities
            if not (speaker and speaker[0] <= e.start < speaker[1])
            and not (q.start <= e.start < q.end)  # "14 AK-47 rifles": a model, not a place
        )
        # A sentence that opens on a place ("In Heraklion, 10,000 people marched") places them all.
        fronted = _FRONTED_RE.match(text)
        places = tuple(
            e
            for e in names
            if (left <= e.start < right or (fronted and e.start < fronted.end()))
            and not _TOWARD_RE.search(text, max(0, e.start - 24), e.start)
        )
        # names in brackets the figure is not in are an aside's: "attended by an approximate
        # 200,000 (20,000 ... the PAME march alone)" counts no PAME march
        if _bracketed(text, q.start) < 0:
            places = tuple(e for e in places if _bracketed(text, e.start) < 0)
        scope = _scope(text, left, right, q)
        holder, bracketed = _holder(claim, q), _bracket_record(text, q)
        if bracketed:
            # "Klitschko (53-3) beat Rahman (45-7)": each record is its own fighter's alone
            opened = text.rfind("(", 0, q.start)
            places = tuple(e for e in names if 0 <= opened - e.end <= 2)
            holder = places[0] if places else None
        where = _where(text, left, names)
        if where is not None and not same_place([where], places):
            places = (*places, where)
            # "another 20,000" there is that place's count, another only beside a count told of
            # another place in the sentence ("killed 4 in Oakland, where another 2 died" is not)
            if scope == "increment" and not any(same_place([where], x.places) for x in out):
                scope = ""
        thing = _record_span(text, q, right, _sum_kind(text, left, right, q.end, _thing(text, q, predicate)))
        interval, anchor, anchored = (
            _interval(text, q, right, context) if thing == "time" else ("", frozenset(), False)
        )
        out.append(
            Atom(
                claim.id,
                claim.source,
                q,
                predicate,
                thing,
                places,
                names,
                context,
                _times(
                    claim,
                    left,
                    right,
                    q.start if thing == "age" and not _AT_THE_TIME_RE.match(text, q.end) else None,
                ),
                scope,
                claim.facts.speaker,
                (left, right),
                bool(_EARLIER_RE.search(text, 0, q.start)),
                holder,
                said_by=said_by,
                interval=interval,
                anchor=anchor,
                anchored=anchored,
                stock=bool(_STOCK_RE.search(text, max(left, q.start - 40), q.start)),
                tense=_tense(text, left, q.start),
                bracketed=bracketed,
            )
        )
    return _enumerated(
        text,
        _listed_sums(
            text, _share_list_events(text, [_distance_from(claim, _objects_are_seized(text, x)) for x in out])
        ),
    )


#: No one harmed: "No one was injured", "nobody was hurt", "no injuries were reported", "there were
#: no reports of injuries". Not "no one else" (one was), not "no serious injuries" (a degree), not
#: "no immediate reports" (what was known at first), not "no casualties" (dead or hurt?).
_NOBODY_RE = re.compile(
    r"\b(?:no[\s-]?one|nobody)\s+(?:was|were|has\s+been|had\s+been|is|got)\s+"
    r"(?:(?:believed|thought|reported)\s+to\s+(?:have\s+been|be)\s+)?(?P<harm>killed|injured|hurt|wounded|harmed)\b"
    r"|\bno\s+(?:reported\s+)?(?P<harms>injuries|deaths|fatalities)\b"
    r"|\bno\s+reports?\s+of\s+(?:any\s+)?(?P<reported>injuries|deaths|fatalities)\b",
    re.I,
)
_HARMS = {"killed": "death", "deaths": "death", "fatalities": "death"}


def _nobody(text: str) -> dict[Quantity, str]:
    """A count of none for each "no one was hurt" (``_NOBODY_RE``), with the harm it denies: a
    figure like any other, so "no injuries were reported" meets "three people were injured" as
    one fact, and "nobody was hurt" agrees with "no one was injured"."""
    out = {}
    for m in _NOBODY_RE.finditer(text):
        harm = (m.group("harm") or m.group("harms") or m.group("reported")).lower()
        q = Quantity(m.group(), m.start(), m.end(), 0.0, 0.0, 0.0, "", "person")
        out[q] = _HARMS.get(harm, "injury")
    return out


#: The place a "where" clause is of: named after "in", "at", "near" or "city of" just before it.
_WHERE_PLACE_RE = re.compile(
    r"\b(?:in|at|near|inside|outside|(?:city|town|village|province|region)\s+of)\s+(?:the\s+)?$", re.I
)


def _where(text: str, left: int, names: Sequence[Entity]) -> Entity | None:
    """The place a clause opened by "where" is of: "the northern city of Thessaloniki, where
    another 20,000 people marched"; not a person ("Mayor Bill de Blasio on Monday, where ...")."""
    if not _WHERE_RE.match(text, left):
        return None
    before = [e for e in names if left - 40 <= e.end <= left and not text[e.end : left].strip(" ,")]
    if not before or not _WHERE_PLACE_RE.search(text, max(0, before[-1].start - 24), before[-1].start):
        return None
    return before[-1]


def _bracketed(text: str, at: int) -> int:
    """Where the brackets around ``at`` open, -1 outside any."""
    opened = text.rfind("(", 0, at)
    return opened if opened >= 0 and text.find(")", opened, at) < 0 else -1


def _enumerated(text: str, found: tuple[Atom, ...]) -> tuple[Atom, ...]:
    """Figures of one thing in clauses a semicolon parts are the items of an enumeration ("Two
    bullets struck from the front; one bullet entered his left side; and the last hit his
    forearm"; "one bullet entered his shoulder; two other bullets struck his thighs"): parts, not
    what befell them all. Unless each clause names its own speaker ("police put the crowd at
    20,000; organisers said 50,000"): two sayings of one figure."""
    if ";" not in text:
        return found
    cuts = [m.start() for m in re.finditer(";", text)]

    def part(x: Atom) -> int:
        return sum(c < x.value.start for c in cuts)

    parts = {}
    for x in found:
        if x.thing and x.scope in ("", "increment"):
            parts.setdefault(x.thing, set()).add(part(x))
    listed = {thing for thing, ps in parts.items() if len(ps) >= 2}
    if not listed:
        return found
    bounds = [0, *(c + 1 for c in cuts), len(text)]
    if any(find_speaker(text[bounds[n] : bounds[n + 1]]) for n in range(len(bounds) - 1)):
        return found
    return tuple(
        dataclasses.replace(x, scope="part") if x.thing in listed and x.scope in ("", "increment") else x
        for x in found
    )


_FROM_PLACE_RE = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+of|(?:away\s+)?from|off)\s+(?:the\s+)?",
    re.I,
)


_PLACE_THEN_RE = re.compile(r"\s*,\s*")
_AWAY_RE = re.compile(
    r"\s+(?:away\b|(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?\b(?!\s+of\b))", re.I
)


def _distance_from(claim: Claim, x: Atom) -> Atom:
    """A length told as a distance from a named place ("1,150 kilometers southeast of Tehran")
    is the fact "distance from Tehran" of whatever the sentence names first ("Qeshm, located
    ..."), whichever verb each outlet tells it with."""
    if x.thing != "length":
        return x
    m = _FROM_PLACE_RE.match(claim.text, x.value.end)
    ents = claim.facts.entities
    anchor = next((e for e in ents if m and e.start == m.end()), None)
    if anchor is None:
        # "felt as far away as Jakarta, 300 kilometres to the south" / "in Jakarta, about 500 km
        # away": how far that place lies from where the story happened
        place = next((e for e in ents if _PLACE_THEN_RE.fullmatch(claim.text, e.end, x.value.start)), None)
        if place is not None and _AWAY_RE.match(claim.text, x.value.end):
            return dataclasses.replace(x, predicate="distance", holder=place, of="away")
        return x
    located = next((e for e in ents if e.end <= x.value.start and not same_entity(e, anchor)), None)
    return dataclasses.replace(x, predicate="distance", holder=anchor, located=located, of=x.predicate)


#: What a search seizes: arms, ammunition, drugs, money, vehicles (a weapon's model, "ak47", too).
_SEIZABLE = frozenset(
    """
    rifle gun pistol handgun shotgun weapon arm firearm magazine round ammunition bullet cartridge grenade
    launcher explosive bomb knife drug cocaine heroin cannabis marijuana kilogram gram pound cash dollar
    euro boat skiff vehicle car
    """.split()
)


def _objects_are_seized(text: str, x: Atom) -> Atom:
    """What the arrested carried was seized: "nabbed 26 pirates with six rifles" seized the rifles;
    "arrested two men with three children in the car" seized no children."""
    if (
        x.predicate == "arrest"
        and (x.thing in _SEIZABLE or re.fullmatch(r"(?:ak|ar|m)\d+\w*", x.thing))
        and re.search(r"\bwith\s+$", text[max(0, x.value.start - 8) : x.value.start])
    ):
        return dataclasses.replace(x, predicate="seizure")
    return x


# between two listed figures: at most two more words of the first item's noun ("31 ammunition
# magazines and 923 rounds"), never a preposition or verb that would start a new phrase
_LIST_GAP_RE = re.compile(
    r"(?:\s+(?!(?:in|on|at|to|from|by|for|of|the|a|an|was|were|had|has|have|who|which|that)\b)[a-z-]+){0,2}"
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)"
)


def _share_list_events(text: str, found: list[Atom]) -> tuple[Atom, ...]:
    """Figures listed together ("14 rifles, 31 magazines and 923 rounds were seized") share the
    event one of them is told with: an item with no event word of its own takes its neighbour's."""
    out = list(found)
    for _ in range(2):  # left to right, then right to left, so an event spreads across the list
        for n in range(len(out) - 1):
            x, y = out[n], out[n + 1]
            if not _LIST_GAP_RE.fullmatch(text, x.value.end, y.value.start):
                continue
            ex, ey = event_of(x), event_of(y)
            if (ex and not ey) or (ex == "seizure" and ey == "arrest"):  # "with six rifles, 12 magazines"
                out[n + 1] = dataclasses.replace(y, predicate=x.predicate)
            elif ey and not ex:
                out[n] = dataclasses.replace(x, predicate=y.predicate)
    return tuple(out)


_OTHER_RE = re.compile(r"\bother\b", re.I)


def _listed_sums(text: str, found: tuple[Atom, ...]) -> tuple[Atom, ...]:
    """A list item counting "other" things makes the item before it one of them: "seven AK-47s,
    three other assault rifles" is ten rifles, and meets "nine assault rifles were seized" as
    such (ten, not three, is the figure to compare)."""
    out = list(found)
    for n, (x, y) in enumerate(itertools.pairwise(found)):
        if (
            y.thing
            and x.thing
            and x.thing != y.thing
            and _kind_of(x.thing, y.thing)
            and _OTHER_RE.search(y.value.text)
            and _LIST_GAP_RE.fullmatch(text, x.value.end, y.value.start)
            # only a list of those two: "five AK-47s, two M16s and three other rifles" is not 5 + 3
            and not (n and _LIST_GAP_RE.fullmatch(text, found[n - 1].value.end, x.value.start))
        ):
            a, b = x.value, y.value
            total = dataclasses.replace(
                b,
                text=text[a.start : b.end],
                start=a.start,
                value=a.value + b.value,
                low=a.low + b.low,
                high=a.high + b.high,
                qualifier=b.qualifier or a.qualifier,
            )
            out.append(dataclasses.replace(y, value=total, scope=x.scope))
    return tuple(out)


def _kind_of(part: str, whole: str) -> bool:
    """Whether a thing counted is a kind of another: a weapon's model of any arm ("AK-47s, three
    other rifles"), people of people in general ("five women and three other people")."""
    if re.fullmatch(r"(?:ak|ar|m)\d+\w*", part):
        return True
    return part in PERSON_UNITS and whole in PEOPLE_NOUNS  # not "12 soldiers, two other civilians"


# --- which figures count the same thing ------------------------------------------------------


def _dated(times: Sequence[TimeRef]) -> bool:
    """Dated by a month, a year or a date with its year: possibly another, earlier event told as
    background. A day of a month without a year ("the 5th of May", "on November 19") is most
    often the story's own day, as a weekday is."""
    return any(
        t.kind in ("month", "year", "decade", "range") or (t.kind == "date" and YEAR_RE.search(t.text))
        for t in times
    )


def _event_class(predicate: str) -> str:
    return "" if predicate.startswith("v:") else predicate


def event_of(x: Atom) -> str:
    """The event class the figure's clause names ("death"), "" where it names none or a verb."""
    return _event_class(x.predicate)


def _unshared(xs: Sequence[Entity], ys: Sequence[Entity]) -> bool:
    """Whether ``xs`` names someone or somewhere ``ys`` does not: where each clause does, the two
    figures belong to two holders ("the Red Sox offered Teixeira $200 million" / "the Orioles
    offered Teixeira $150 million") or a place and the place it lies in."""
    return any(not same_place([x], ys) for x in xs)


def _name_words(x: Atom) -> set[str]:
    return {stem(w) for e in x.names for w in WORD.findall(e.text)}


def _same_event(x: Atom, y: Atom) -> bool:
    """Whether the two figures are told of one event. Two named event classes must be one ("12
    injured" and "12 arrested" count two things); one named class, or none, asks the two clauses
    to share two content words, or the same verb; a count of people always needs the event named
    (or the same verb), and a count of one kind of thing ("the bus hit three cars" / "struck two
    cars") may rest on one shared word when both clauses are that short."""
    if x.thing in ("magnitude", "age") or x.thing in RELATIVE_NOUNS:
        return True  # the quake's own measure, a person's age: whatever verb each is told with
    if x.thing.startswith("record:") and x.holder and y.holder and (x.bracketed or y.bracketed):
        # one fighter's record, however told: "Bowe (45-1, 33 KOs)" / "Riddick Bowe (43-1)" (a lone
        # surname is read as the one full name its article gives it: ``diff.facts._whose``)
        return same_person(x.holder, y.holder)
    if {x.tense, y.tense} == {"planned", "done"}:
        return False  # "will shutter 60 stores" / "closed 40 stores": a plan is no count of what was done
    if x.stock != y.stock and (x.predicate if y.stock else y.predicate).startswith("v:"):
        # what something holds against what was done to some of them: "operates 1,100 stores" /
        # "sent two aircraft carriers", "the hotel has 450 rooms" / "searched 30 rooms"
        return False
    if x.interval != y.interval:
        return False  # a span between two events is no span of one, nor the other way round
    if x.interval:
        # to one event named by two words on one side at least ("a week after suffering a heart
        # attack" / "a heart attack nine days earlier"; "a day later" names none), of one deed
        # and no two people ("Smith died a week after the crash" / "his passenger died three weeks
        # after the crash")
        shared = (x.anchor & y.anchor) - _name_words(x) - _name_words(y)
        deeds = x.predicate and y.predicate and x.predicate != y.predicate
        xn, yn = x.names + x.said_by, y.names + y.said_by
        one_verb = bool(x.predicate) and x.predicate == y.predicate  # "married two weeks before ..."
        return (
            (x.anchored or y.anchored)
            and (len(shared) >= 2 or one_verb)
            and not deeds
            and not (_unshared(xn, yn) and _unshared(yn, xn))
        )
    ex, ey = event_of(x), event_of(y)
    if ex and ey:
        return ex == ey
    if x.thing == "time":
        # A span of time belongs to what lasted it, and to whom: the same verb, and no two people
        # ("Hiller had worked there for 15 years" / "Andy Ryan ... has worked at the plant for
        # nearly 30 years", who speaks of his own years); words or names shared make no one span
        # of two verbs ("four days of deliberations" / "sentenced to 485 years", "a deal of six to
        # eight years" / "control him for the next two years").
        same_verb = bool(x.predicate) and x.predicate == y.predicate
        xn, yn = x.names + x.said_by, y.names + y.said_by
        return same_verb and not (_unshared(xn, yn) and _unshared(yn, xn))
    if not ex and not ey and x.predicate and x.predicate == y.predicate:
        return True  # the same verb: "married two weeks before" / "married ... three weeks before"
    if x.thing == "person":
        return False
    shared = x.context & y.context
    if bool(ex) != bool(ey):
        # One clause names what befell the things counted, the other only another verb: the
        # names both tell are no evidence that it befell them there too ("INS Sukanya spotted
        # five boats" / "three boats were captured by INS Sukanya").
        shared -= _name_words(x) | _name_words(y)
    # A measure's one name is one piece of evidence however many words it has: "The Hunger Games"
    # shared by "a $3 million salary for directing The Hunger Games" and "The Hunger Games has
    # grossed $368.0 million" is one thing in common, not two. A count of a kind of thing has its
    # noun in common besides ("under 14 reviews on Rotten Tomatoes" / "Rotten Tomatoes indexed 15
    # reviews").
    named = shared & (_name_words(x) | _name_words(y)) if x.dimension else set()
    if len(shared - named) + bool(named) >= 2:
        return True
    small = len(x.context) <= 3 and len(y.context) <= 3
    return bool(shared) and small and not ex and not ey and not x.dimension


def _tense(text: str, left: int, start: int) -> str:
    """Whether a figure's clause, up to the figure, tells what will be done or what was."""
    if _PLANNED_RE.search(text, left, start):
        return "planned"
    return "done" if _PAST_RE.search(text, left, start) else ""


#: A verb in the past tense: "closed", "sent", "sold".
_PAST_RE = re.compile(
    r"\b(?:[a-z]{2,}ed|sold|sent|shot|hit|took|made|built|put|cut|lost|won|held|began|saw|found|left|brought"
    r"|bought|paid|fell|rose|struck|gave|got|drew|met|shut|ran|spent|told|kept|led|laid)\b"
)


def _one_measure(x: Atom, y: Atom) -> bool:
    """A measure told of its noun ("a 10-hour standoff") and one the other clause tells with that
    noun ("the standoff lasted six hours"): one measure of one thing."""
    for a, b in ((x, y), (y, x)):
        base, _, noun = a.thing.partition(" of ")
        told = noun in _LASTING and stem(noun) in b.context and "last" in b.context  # "lasted six hours"
        if told and b.thing == base and not (a.interval or b.interval):
            return True
    return False


#: Things a span of time measures as one stretch, whoever tells it: not a deal or an offer, whose
#: length each bidder sets ("an eight-year offer" / "the Orioles offered seven years").
_LASTING = frozenset(
    "standoff siege search manhunt chase hunt strike trial hearing flight journey trip delay blackout "
    "outage operation surgery session ordeal battle blockade lockdown curfew closure".split()
)


def _same_distance(x: Atom, y: Atom, setting: Collection[Entity]) -> bool:
    """Two distances from one place, of one place: "Qeshm, 1,150 km southeast of Tehran" and "the
    island ... 940 miles south of Tehran" (the story's own island) meet; "7 km east of Dargahan"
    and "20 km east of Dargahan" meet only where neither names what lies there, or both name it."""
    if not same_entity(x.holder, y.holder):
        return False
    if x.located and y.located:
        return same_entity(x.located, y.located)
    told = x.located or y.located
    if told is None:  # what lies there unnamed on both sides: the same event or verb, at least
        return bool(x.of) and x.of == y.of  # not "abandoned 20 miles" / "last seen 50 miles from"
    return same_place([told], setting)


#: Degrees of one harm, each among the ones before it: the damaged, the worst hit, the destroyed.
_DEGREES = ("damage", "severe", "destruction")


def _degrees(x: Atom, y: Atom) -> tuple[Atom, Atom] | None:
    """Two figures of two degrees of one harm, the wider degree first; None otherwise."""
    if event_of(x) == event_of(y) or not {event_of(x), event_of(y)} <= set(_DEGREES):
        return None
    wider, narrower = sorted((x, y), key=lambda a: _DEGREES.index(event_of(a)))
    return wider, narrower


def comparable(
    x: Atom, y: Atom, setting: Collection[Entity] = (), aliases: Callable[[str, str], bool] | None = None
) -> str | None:
    """If the two figures count the same thing in the same event, what that fact is (for the
    finding: "injury: person"), else None.

    - The same thing (class or dimension), and the same event class where both clauses name one;
      with no event word, the clauses must share two content words.
    - Places: where both clauses name places, one must be shared. Where only one does, the figure
      without a place may be a total over places, and a total is never smaller than its part: it
      is compared only when it is the smaller one.
    - Times: dated clauses meet only clauses dated compatibly; a figure dated by a month or a
      year (background: "in December 2003") never meets an undated one.
    - A total, an increment ("another 20,000") or a part ("15 of them") meets only its kind.

    ``aliases``: where the two clauses name one place each and they are not one name, whether
    they are one place by two names ("Salonika" / "Thessaloniki").
    """
    measured = _one_measure(x, y)
    if not x.thing or (x.thing != y.thing and not measured):
        return None
    if x.scope != y.scope or x.scope in ("part", "aside"):
        return None
    if measured:
        pass  # the noun measured is the event: "a 10-hour standoff" / "the standoff lasted six hours"
    elif degrees := _degrees(x, y):
        # What was destroyed was damaged too: fewer damaged than destroyed cannot both be true,
        # more damaged than destroyed can (and so for the worst hit).
        wider, narrower = degrees
        if not wider.value.high < narrower.value.low:
            return None
    elif not _same_event(x, y):
        return None
    xp, yp = x.places, y.places
    if x.thing in ("age", *RELATIVE_NOUNS):
        pass  # whose: told by the holder below
    elif x.thing == "magnitude" and not (xp and yp):
        pass  # the quake's own measure, whether or not the clause says where it struck
    elif xp and yp:
        if not places_meet(xp, yp, setting) or (_unshared(xp, yp) and _unshared(yp, xp)):
            # one place by two names, neither the story's own ("Syria" / "Treemseh" is a country
            # and a village in it, not two names)
            alias = aliases and len(xp) == len(yp) == 1 and not same_place([*xp, *yp], setting)
            if not (alias and aliases(xp[0].text, yp[0].text)):
                return None
    elif (xp or yp) and not x.interval:
        # Only a count may lack the place the other names, and only when it is the smaller
        # figure and its sentence names nothing else; a measure, an age or a span of time
        # belongs to whatever its clause names.
        (placed, places), bare = ((x, xp), y) if xp else ((y, yp), x)
        # What a thing was bought for is one sum whether or not the clause names who bought what
        # ("AMD agreed to buy ATI for $5.4 billion" / "the deal, valued at $5.6 billion"), as long
        # as those it names are the story's own.
        price = x.thing.startswith("money") and event_of(x) == event_of(y) == "cost"
        if not price and (x.dimension or not bare.value.high < placed.value.low):
            return None
        if not all(same_place([p], setting) for p in places):
            return None  # a place the story is not set in ("In Heraklion, 10,000 marched") is its own fact
        if bare.names and not all(same_place([p], bare.names) for p in places):
            return None  # its sentence names other places: "Zarand ... It killed 612" is not Bam
    if (x.thing == "age" or x.thing in RELATIVE_NOUNS) and not (same_person(x.holder, y.holder)):
        return None  # whose age, whose children: told only by the name the figure belongs to
    if (x.predicate == "distance") != (y.predicate == "distance"):
        return None  # "1,150 km southeast of Tehran" is not a length told without its anchor
    if x.predicate == "distance" and not _same_distance(x, y, setting):
        return None
    if (_dated(x.times) or x.earlier) != (_dated(y.times) or y.earlier):
        return None  # background ("in September") against the day's news ("on Sunday", undated)
    if any(times_apart(s, t) for s in x.times for t in y.times):
        return None
    if _other_days(x, y):
        return None
    if any(x.context & a and y.context & b or x.context & b and y.context & a for a, b in _OPPOSED):
        return None  # "a three-game losing streak" / "an 11-game win streak": two records, not one
    return fact_name(x, y)


#: Stems of outcomes that are two facts, never two values of one: games won and games lost.
_OPPOSED = ((frozenset({"win", "winn", "won", "victor"}), frozenset({"los", "lost", "loss", "defeat"})),)


#: Events counted anew each day of a story that runs over several nights.
_DAILY = frozenset(("arrest", "injury", "death", "protest", "rescue", "evacuation", "missing", "seizure"))


def _other_days(x: Atom, y: Atom) -> bool:
    """Counts of what befell people told of two days of a story that runs over several: one dated
    by its weekday, the other undated in an article that tells of other days only ("46 were
    arrested Wednesday night" / "One person was arrested", in an article on Saturday's shooting and
    Monday's riot). A measure, an age, a span, a distance has no day."""
    if event_of(x) not in _DAILY or event_of(y) not in _DAILY or x.dimension:
        return False
    if bool(x.day) == bool(y.day):
        return False  # both undated, or both dated (``times_apart`` tells those apart)
    dated_one, undated = (x, y) if x.day else (y, x)
    if not undated.days:
        # an article that dates nothing by its weekday ("tonight", "yesterday"), beside one whose
        # story runs over several days ("Tuesday the crowd was calm, but on Wednesday ... 46 people
        # had been arrested"): which night the undated count is of, nothing tells
        return len(dated_one.days | {dated_one.day}) >= 2
    return dated_one.day not in undated.days


def same_occasion(x: Atom, y: Atom, setting: Collection[Entity] = ()) -> bool:
    """Whether two figures can be told of one occasion, whatever they count: the same scope
    (neither a part nor an aside), no dates that cannot meet, the same footing as background or
    the day's news, and places that can be one."""
    if x.scope != y.scope or x.scope in ("part", "aside"):
        return False
    if (_dated(x.times) or x.earlier) != (_dated(y.times) or y.earlier):
        return False
    if any(times_apart(s, t) for s in x.times for t in y.times):
        return False
    return not (x.places and y.places) or places_meet(x.places, y.places, setting)


#: How a fact reads, from its event class and what it counts.
_EVENT_NAMES = {
    "death": "deaths",
    "injury": "injured",
    "arrest": "arrests",
    "missing": "missing",
    "rescue": "rescued",
    "evacuation": "evacuated",
    "protest": "protesters",
    "seizure": "seized",
    "sentence": "sentence",
    "damage": "damaged",
    "severe": "worst hit",
    "destruction": "destroyed",
    "population": "population",
    "cost": "cost",
    "vote": "votes",
    "turnout": "turnout",
    "profit": "profit",
    "revenue": "revenue",
    "speed": "speed",
    "temperature": "temperature",
}
_HOLDER_FACTS = {"age": "age", "child": "children", "wife": "wives"}
_THING_NAMES = {
    "length": "distance",
    "time": "time",
    "money": "amount",
    "money a year": "amount a year",
    "percent": "share",
    "area": "area",
}


_PRICES = {"money": "price", "money a share": "price a share", "money a year": "cost a year"}
_SUMS = {"bail": frozenset({"bail"}), "fine": frozenset({"fine", "fin"})}  # stems: "fined" -> "fin"


def fact_name(x: Atom, y: Atom) -> str:
    """The fact two comparable figures are of, for a reader: "deaths in Treemseh", "rifles
    seized", "distance", "age of Anthony LaSalle"."""
    event = _EVENT_NAMES.get(x.predicate, "")
    if degrees := _degrees(x, y):
        wider, narrower = degrees
        # "villages damaged, fewer than destroyed"
        event = f"{_EVENT_NAMES[event_of(wider)]}, fewer than {_EVENT_NAMES[event_of(narrower)]}"
    if tally := re.fullmatch(r"(record|score):([12])( start| career| home| road| stretch)?", x.thing):
        # one side of a win-loss record or a score: "wins (career) of Cheeks", "score (second side)"
        record = tally[1] == "record"
        side = ("wins", "losses") if record else ("score, first figure", "score, second figure")
        name = side[int(tally[2]) - 1] + (f" ({tally[3].strip()})" if tally[3] else "")
        place = shared_place(x, y)
        return f"{name} {'of' if record else 'in'} {place}" if place else name
    thing = "" if x.thing == "person" else _THING_NAMES.get(x.thing, x.thing)
    if event == "cost" and x.thing in _PRICES:
        # "price", not "amount cost"; a fine or a bail is named so
        named = next((n for n, ws in _SUMS.items() if x.context & ws and y.context & ws), "")
        event, thing = "", named or _PRICES[x.thing]
    elif event == "sentence" and x.thing == "time":
        event, thing = "", "length of the sentence"  # not "time sentence"
    elif x.thing == "percent" and event:
        event, thing = "", event if event == "turnout" else f"share of {event}"  # not "share votes"
    if model := re.fullmatch(r"([a-z]{1,3})(\d+\w*)", thing):  # a model, as it is written: "AK-47"
        thing = f"{model[1].upper()}-{model[2].upper()}"
    if x.holder is not None and (x.thing == "age" or x.thing in RELATIVE_NOUNS):
        return f"{_HOLDER_FACTS.get(x.thing, x.thing + 's')} of {x.holder.text}"  # "age of Anthony LaSalle"
    if x.predicate == "distance" and x.holder is not None:
        return (
            f"distance {'to' if x.of == 'away' else 'from'} {x.holder.text}"  # "to Jakarta": from the event
        )
    if x.thing == "age":
        name = "age"
    elif event and thing:
        name = f"{thing}s {event}" if not thing.endswith("s") and x.dimension == "" else f"{thing} {event}"
    else:
        name = event or thing or "figure"
    if name == f"{thing} {thing}":
        name = thing  # "speed", not "speed speed"
    place = shared_place(x, y)
    if place:
        name += f" of {place}" if x.thing == "age" else f" in {place}"
    return name


def shared_place(x: Atom, y: Atom) -> str:
    """The name both figures' clauses give, as the first one writes it; "" if none."""
    return next((a.text for a in x.places for b in y.places if same_entity(a, b)), "")


# --- whether two figures of one fact disagree ------------------------------------------------

#: Measurements are rounded (and converted) as they are reported: "58 km (36 miles)" and "35
#: miles" agree. A count of people or things is not: "12 injured" and "18 injured" differ.
MEASURE_TOLERANCE = 0.05
#: ... but a sum of money, or a measure told in one unit by both, is told as written, rounded at
#: most to its last figure ("$184 million" / "$183.6 million" agree, "$82 million" / "$80 million" and
#: "38 years" / "40 years" do not), and a share to a point ("88.41
#: percent" / "88 percent" agree, "93.87 percent" / "almost 90 percent" do not).
MONEY_TOLERANCE = 0.01
PERCENT_TOLERANCE = 0.5


#: A qualifier's kind ("about" and "approximately" are one: two estimates of one figure).
_QUALIFIER_KIND = {q: kind for kind, qs in QUALIFIERS.items() for q in qs}
#: Qualifiers of a stated range: two ranges that overlap agree.
_RANGES = frozenset(("between", "from", "anywhere from", "anywhere between"))


def _bounds(x: Atom) -> tuple[float, float]:
    q = x.value
    factor = 1.0 if x.thing == "age" else UNIT_DIMENSIONS.get(q.unit, ("", 1.0))[1]  # "38-year-old" / "38"
    return q.low * factor, q.high * factor


def conflicting(x: Atom, y: Atom) -> bool:
    """Whether no single value satisfies both figures, once converted to one unit.

    Two figures given with the same open bound ("more than 26,000" / "more than 31,000") also
    conflict: a reporter gives the best known figure, not a loose bound."""
    qx, qy = x.value, y.value
    if x.dimension == "money" and qx.unit != qy.unit:
        return False  # currencies are flagged, never converted
    (lx, hx), (ly, hy) = _bounds(x), _bounds(y)
    if x.dimension and x.thing not in ("age", "magnitude"):  # a magnitude is given to a tenth: 5.9 is not 6.1
        if x.dimension == "percent":  # a share is rounded to a point, not to a twentieth of itself
            slack = PERCENT_TOLERANCE
        elif x.dimension == "money":  # sums are told as written: "$82 million" is not "$80 million"
            slack = MONEY_TOLERANCE * max(abs(lx), abs(hx), abs(ly), abs(hy))
        elif qx.unit == qy.unit and x.predicate == y.predicate == "sentence":
            # a prison term is told as written, nothing converted, a whole figure rounding the other
            # to its unit ("sentenced to 38 years" is not "a 40-year prison sentence", nor "three
            # years" "3 1/2 years"); other measures keep their rounding ("served 30 years" / "29")
            whole = any(q.value == int(q.value) and q.low == q.high for q in (qx, qy))
            unit = UNIT_DIMENSIONS.get(qx.unit, ("", 1.0))[1]
            # (just under half a unit between them, a quarter on each side: "three years" does not
            # round "3 1/2 years")
            slack = max(
                0.245 * unit if whole else 0.0, MONEY_TOLERANCE * max(abs(lx), abs(hx), abs(ly), abs(hy))
            )
        else:
            slack = MEASURE_TOLERANCE * max(abs(lx), abs(hx), abs(ly), abs(hy))
        lx, hx, ly, hy = lx - slack, hx + slack, ly - slack, hy + slack
    tol = 1e-9 * max(1.0, abs(qx.value), abs(qy.value))
    if (x.bracketed or y.bracketed) and abs(qx.value - qy.value) == 1:
        # "Riddick Bowe (43-1)" / "(42-1)": one bout apart, a fight card's record before the bout
        # and a report's after it
        return False
    if hx + tol < ly or hy + tol < lx:
        return True
    same_kind = qx.qualifier and _QUALIFIER_KIND.get(qx.qualifier) == _QUALIFIER_KIND.get(qy.qualifier)
    if same_kind and (qx.unit == qy.unit or not x.dimension) and qx.qualifier not in _RANGES:
        return abs(qx.value - qy.value) > 0.05 * max(abs(qx.value), abs(qy.value))
    return False
