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
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from .extract import same_entity
from .extract.numbers import singular
from .lexicon import (
    CLAUSE_STOP,
    COUNT_SCOPES,
    GRAMMAR_STOP,
    PEOPLE_NOUNS,
    PLAIN_VERBS,
    PREDICATES,
    QUALIFIERS,
    RELATIVE_NOUNS,
    SMALL,
    TENS,
    THING_CLASSES,
    UNIT_DIMENSIONS,
    stem,
)
from .records import Claim, Entity, Quantity, TimeRef

_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas)\s+|\s+(?:and|but|while|whereas)\s+|,\s+|\s+-\s+|:\s"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|saying|told|tells|announced|stated|added|reported|declared|wrote)\s+(?:on\s+)?$", re.I
)
_PREDICATE_RE = {
    cls: re.compile(r"\b(?:" + "|".join(stems) + r")", re.I) for cls, stems in PREDICATES.items()
}
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
    scope: str  # "" | "total" | "increment" | "part" | "aside" (in brackets)
    speaker: str | None
    clause: tuple[int, int]
    earlier: bool = False  # told as another, earlier event: "just weeks after a driver shot eight people"
    # the name the figure belongs to: "59-year-old Raj Chohan", "Hakim ... two children"; for a
    # distance, the place it is measured from
    holder: Entity | None = None
    located: Entity | None = None  # for a distance: what lies there ("Qeshm, located 1,150 km ...")

    @property
    def dimension(self) -> str:
        return UNIT_DIMENSIONS.get(self.value.unit, ("", 1.0))[0]


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """From the last clause break before the span to the first after it."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, end)
    return left, (m.start() if m else len(text))


_ANCHORED_RE = re.compile(r"\s*(?:before|after|earlier|later|ago|prior)\b", re.I)
_VERB_RE = re.compile(r"\b([a-z]+(?:ed|ing))\b|\b([a-z]+)\b")


def _predicate(text: str, left: int, right: int, start: int, end: int) -> str:
    """The event class whose word stands nearest the figure within its clause; failing that, the
    nearest verb ("v:marri"). A span of time anchored to another event ("two weeks before the
    shooting") is about what happened before it, so only the words before it count."""
    if _ANCHORED_RE.match(text, end):
        right = start
    best, distance = "", None
    for cls, pattern in _PREDICATE_RE.items():
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end:
                continue  # "killings" inside the figure's own noun is the thing, not the event
            d = start - m.end() if m.end() <= start else m.start() - end
            if distance is None or d < distance:
                attempted = _ATTEMPTED_RE.search(text, max(0, m.start() - 12), m.start())
                best, distance = (cls + ":attempted" if attempted else cls), d
    if best:
        return best
    for m in _VERB_RE.finditer(text, left, right):
        word = m.group(1) or m.group(2)
        if start <= m.start() < end or not (m.group(1) or word in PLAIN_VERBS) or word in CLAUSE_STOP:
            continue
        d = start - m.end() if m.end() <= start else m.start() - end
        if distance is None or d < distance:
            best, distance = "v:" + stem(word), d
    return best


#: "attempted murder" is no death, "an attempted hijack" no hijack
_ATTEMPTED_RE = re.compile(r"\b(?:attempted|attempt\s+to|failed|foiled|thwarted)\s+$", re.I)


def _time_event(text: str, left: int, right: int, start: int, end: int) -> str:
    """The event a time dates: an event word (or verb) before it in its clause, the way news
    writes "X did Y on Monday"; failing that, an event word just after it ("On Monday the quake
    struck", "November 19, INS Tabar sank a trawler")."""
    lo = max(left, start - _NEAR)
    if lo > left:
        lo = max(left, text.rfind(" ", left, lo) + 1)  # whole words: "attack", never "ttack"
    hi = min(right, end + _NEAR_AFTER)
    before, after = _predicate(text, lo, start, start, end), _predicate(text, end, hi, start, end)
    for event in (before, after):
        if event and not event.startswith("v:"):
            return event  # an event word first, before the time or just after it
    return before or after


#: Words that put what follows them in another, earlier event than the story's.
_EARLIER_RE = re.compile(
    r"\b(?:weeks|days|months|years|decades)\s+(?:after|before|earlier|ago)\b"
    r"|\b(?:last|previous)\s+(?:year|month|week)\b|\bearlier\s+this\s+(?:year|month)\b",
    re.I,
)
_TOTAL_RE = re.compile(
    r"\b(?:so\s+far|to\s+date|a\s+total\s+of|in\s+total|in\s+all|altogether|overall|cumulative(?:ly)?"
    r"|since\s+(?:its|the|their|his|her)\s+(?:deployment|start|launch|beginning))\b",
    re.I,
)
#: Units that measure a property of the event itself ("a 6.1-magnitude quake", "a 5% rise"):
#: never the size of the noun after them.
_PROPERTIES = frozenset(
    ("magnitude", "degree", "percent", "percentage point", "dollar", "euro", "pound", "yen", "rupee")
)
_NOT_CONTEXT = CLAUSE_STOP | GRAMMAR_STOP | frozenset(SMALL) | frozenset(TENS)
_FRONTED_RE = re.compile(r"\W*(?:In|At|Near|Outside|Inside|Across|Throughout)\s+[^,]{2,60},")
_APPOSED_AGE_RE = re.compile(r"[A-Z][\w.'-]*,\s*$")
_AGE_END_RE = re.compile(r"\s*(?:,|\)|\.|;|$)")
_PARENT_OF_RE = re.compile(r"\b(?:mother|father|parent|grandmother|grandfather)\s+of\s*$", re.I)
_ATTRIBUTIVE_RE = re.compile(
    r"(?:-old)?\s+(?:[a-z]+\s+)?([a-z]{3,})\b(?!\s+(?:of|from|away|ago|before|after)\b)"
)
_CHARGE_RE = re.compile(r"\s+of\s+((?:[a-z]+\s+){0,2}?[a-z]+)\b(?=\s*(?:,|\.|;|and\b|or\b|$))", re.I)
_AGE_RE = re.compile(r"-?old\b|\s+years?\s+old\b", re.I)


def _thing(text: str, q: Quantity, predicate: str) -> str:
    unit = q.unit
    if unit == "year" and (_AGE_RE.match(text, q.end) or re.search(r"\baged?\s*$", text[: q.start])):
        return "age"  # "a 26-year-old man", "aged 34": whose age is told by the names beside it
    if not unit and _APPOSED_AGE_RE.search(text, 0, q.start) and _AGE_END_RE.match(text, q.end):
        return "age"  # "Raj Chohan, 59, was killed"
    if not unit and _PARENT_OF_RE.search(text, 0, q.start):
        return "child"  # "a mother of two"
    if (m := _ATTRIBUTIVE_RE.match(text, q.end)) and "-" in q.text and unit not in _PROPERTIES:
        # "a 10-metre dhow", "a 15-year veteran", "a five-boat formation": a measure of the noun
        # that follows, not a span or a count of its own
        base = UNIT_DIMENSIONS[unit][0] if unit in UNIT_DIMENSIONS else unit
        return f"{base} of {singular(m.group(1))}"
    if unit in ("count", "charge") and (m := _CHARGE_RE.match(text, q.end)):
        return f"{unit} of {m.group(1).lower()}"  # "one count of attempted murder" is no count of murder
    if unit in UNIT_DIMENSIONS:
        return UNIT_DIMENSIONS[unit][0]
    if unit in PEOPLE_NOUNS or (not unit and predicate in _PEOPLE_PREDICATES):
        return "person"
    return THING_CLASSES.get(unit, unit)


_GENERIC_BEFORE_RE = re.compile(r"\b(?:a|an)\s+(?:[a-z]+[\s-])?$", re.I)  # "a 6.0", "a magnitude-6.0"
_GENERIC_AFTER_RE = re.compile(r"[\w\s-]{0,25}?\b(?:can|may|typically|usually|generally|tends?\s+to)\b", re.I)


def _scope(text: str, left: int, q: Quantity) -> str:
    if text.count("(", 0, q.start) > text.count(")", 0, q.start):
        return "aside"  # "(12 Somali and 11 Yemeni)", "58 km (36 miles)": a breakdown or a conversion
    if _GENERIC_BEFORE_RE.search(text, max(left, q.start - 16), q.start) and _GENERIC_AFTER_RE.match(
        text, q.end, min(len(text), q.end + 40)
    ):
        return "aside"  # "A magnitude-6.0 quake can cause severe damage": any such quake, not this one
    if _TOTAL_RE.search(text, 0, q.start) or _TOTAL_RE.match(text, q.end):
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
    return next((cls for cls, pattern in _PREDICATE_RE.items() if unit and pattern.fullmatch(unit)), "")


def _context(text: str, own: set[str]) -> frozenset[str]:
    """Content stems ("bus", "struck", "blaze"): three letters or more, no grammar word, no
    number word, none of the figure's own words."""
    return frozenset(
        stem(w)
        for w in _WORD.findall(text)
        if len(w) >= 3 and (low := w.lower()) not in _NOT_CONTEXT and low not in own
    )


def _holder(claim: Claim, q: Quantity) -> Entity | None:
    """The name right beside a figure that belongs to someone: "59-year-old Raj Chohan",
    "Raj Chohan, 59,", or the subject of a short sentence ("Hakim ... with two children")."""
    ents = claim.facts.entities
    before = [e for e in ents if 0 <= q.start - e.end <= 3 and claim.text[e.end : q.start].strip() == ","]
    if before:
        return before[-1]
    after = [e for e in ents if 0 <= e.start - q.end <= 8]
    if after:
        return after[0]
    subject = [e for e in ents if e.start < q.start]
    return subject[0] if len(subject) == 1 else None


def _times(claim: Claim, left: int, right: int) -> tuple[TimeRef, ...]:
    """The times of the figure's clause, or of its sentence where the clause has none ("A quake
    struck in September, killing seven" dates the seven); "said Thursday" dates no event."""
    told = [
        t
        for t in claim.facts.times
        if t.kind != "duration" and not _SPEECH_BEFORE.search(claim.text[max(0, t.start - 30) : t.start])
    ]
    return tuple(t for t in told if left <= t.start < right) or tuple(told)


@functools.lru_cache(maxsize=1 << 14)
def atoms(claim: Claim) -> tuple[Atom, ...]:
    """The figures of one claim, each with what it is about."""
    text = claim.text
    speaker = claim.facts.speaker_span
    out = []
    for q in claim.facts.quantities:
        left, right = clause_span(text, q.start, q.end)
        own = set(_WORD.findall(q.text.lower()))
        context = _context(text[left:right], own)
        predicate = _unit_event(q.unit) or _predicate(text, left, right, q.start, q.end)
        if not context:
            # An item of a list ("six rifles, 12 magazines and 300 rounds were seized") is a
            # clause of its own: it takes its event and its words from the whole sentence.
            context = _context(text, own)
            predicate = predicate or _predicate(text, 0, len(text), q.start, q.end)
        names = tuple(
            e
            for e in claim.facts.entities
            if not (speaker and speaker[0] <= e.start < speaker[1])
            and not (q.start <= e.start < q.end)  # "14 AK-47 rifles": a model, not a place
        )
        # A sentence that opens on a place ("In Heraklion, 10,000 people marched") places them all.
        fronted = _FRONTED_RE.match(text)
        places = tuple(e for e in names if left <= e.start < right or (fronted and e.start < fronted.end()))
        out.append(
            Atom(
                claim.id,
                claim.source,
                q,
                predicate,
                _thing(text, q, predicate),
                places,
                names,
                context,
                _times(claim, left, right),
                _scope(text, left, q),
                claim.facts.speaker,
                (left, right),
                bool(_EARLIER_RE.search(text, 0, q.start)),
                _holder(claim, q),
            )
        )
    return _share_list_events(text, [_distance_from(claim, _objects_are_seized(text, x)) for x in out])


_FROM_PLACE_RE = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+of|(?:away\s+)?from|off)\s+(?:the\s+)?",
    re.I,
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
        return x
    located = next((e for e in ents if e.end <= x.value.start and not same_entity(e, anchor)), None)
    return dataclasses.replace(x, predicate="distance", holder=anchor, located=located)


def _objects_are_seized(text: str, x: Atom) -> Atom:
    """What the arrested carried was seized: "nabbed 26 pirates with six rifles" seized the rifles."""
    if x.predicate == "arrest" and re.search(r"\bwith\s+$", text[max(0, x.value.start - 8) : x.value.start]):
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
            ex, ey = _event(x), _event(y)
            if (ex and not ey) or (ex == "seizure" and ey == "arrest"):  # "with six rifles, 12 magazines"
                out[n + 1] = dataclasses.replace(y, predicate=x.predicate)
            elif ey and not ex:
                out[n] = dataclasses.replace(x, predicate=y.predicate)
    return tuple(out)


# --- which figures count the same thing ------------------------------------------------------


def setting(claims: Sequence[Claim]) -> tuple[Entity, ...]:
    """The names the story is set in: those at least half of the sources (and two) mention.
    A figure placed there may meet one that names no place; a figure placed elsewhere may not."""
    from .extract.entities import AliasTable, NameIndex

    by_source: dict[str, NameIndex] = {}
    for c in claims:
        index = by_source.setdefault(c.source, NameIndex())
        for e in c.facts.entities:
            index.add(e)
    need = max(2, (len(by_source) + 1) // 2)
    # One table of every source's names: the sources naming an alias of a name are counted by
    # looking its aliases up once, not by asking every source (50 sources: 2 s -> a tenth).
    # A name written alike in many sources ("Syria") is looked up once.
    table = AliasTable()
    first: dict[tuple[str, str], int] = {}  # (key, text) -> its entry in the table
    sources_of: dict[int, set[str]] = {}
    for source, index in by_source.items():
        for e in index.names:
            if (e.key, e.text) not in first:
                first[(e.key, e.text)] = table.id(e)
            sources_of.setdefault(first[(e.key, e.text)], set()).add(source)
    out: list[Entity] = []
    seen = NameIndex()
    for index in by_source.values():
        for e in index.names:
            if seen.has(e):
                continue
            i = first[(e.key, e.text)]
            if len(set().union(*(sources_of[j] for j in table.aliases(i)))) >= need:
                seen.add(e)
                out.append(e)
    return tuple(out)


def _same_person(x: Entity | None, y: Entity | None) -> bool:
    """Two full names of one person: "Ortiz" alone may be the deputy or his son Jeremy Ortiz, and
    "the American" anyone."""
    if x is None or y is None or " " not in x.key or " " not in y.key:
        return False  # "the 41-year-old American", "Ortiz, 35": no full name, no telling whose
    return same_entity(x, y)


def _beyond(places: Sequence[Entity], setting: Collection[Entity]) -> bool:
    return any(not _same_place([p], setting) for p in places)


def _places_meet(x: Sequence[Entity], y: Sequence[Entity], setting: Collection[Entity]) -> bool:
    """Whether two clauses' places can be one place: names beyond the story's setting must meet
    where both give some ("near Bandar Abbas" is not "in Zarand", though both say "Iran")."""
    xs = [p for p in x if not _same_place([p], setting)]
    ys = [p for p in y if not _same_place([p], setting)]
    if xs and ys:
        return _same_place(xs, ys)
    return _same_place(x, y)


def _same_place(x: Iterable[Entity], y: Iterable[Entity]) -> bool:
    return any(same_entity(a, b) for a in x for b in y)


def _dated(times: Sequence[TimeRef]) -> bool:
    """Dated by a month, a year or a date: possibly another, earlier event told as background."""
    return any(t.kind in ("date", "month", "year", "decade", "range") for t in times)


def _event(x: Atom) -> str:
    return "" if x.predicate.startswith("v:") else x.predicate


def _same_event(x: Atom, y: Atom) -> bool:
    """Whether the two figures are told of one event. Two named event classes must be one ("12
    injured" and "12 arrested" count two things); one named class, or none, asks the two clauses
    to share two content words, or the same verb; a count of people always needs the event named
    (or the same verb), and a count of one kind of thing ("the bus hit three cars" / "struck two
    cars") may rest on one shared word when both clauses are that short."""
    if x.thing in ("magnitude", "age") or x.thing in RELATIVE_NOUNS:
        return True  # the quake's own measure, a person's age: whatever verb each is told with
    ex, ey = _event(x), _event(y)
    if ex and ey:
        return ex == ey
    if not ex and not ey and x.predicate and x.predicate == y.predicate:
        return True  # the same verb: "married two weeks before" / "married ... three weeks before"
    if x.thing == "person":
        return False
    shared = x.context & y.context
    if len(shared) >= 2:
        return True
    small = len(x.context) <= 3 and len(y.context) <= 3
    return bool(shared) and small and not ex and not ey and not x.dimension


def _same_distance(x: Atom, y: Atom, setting: Collection[Entity]) -> bool:
    """Two distances from one place, of one place: "Qeshm, 1,150 km southeast of Tehran" and "the
    island ... 940 miles south of Tehran" (the story's own island) meet; "7 km east of Dargahan"
    and "20 km east of Dargahan" meet only where neither names what lies there, or both name it."""
    if not same_entity(x.holder, y.holder):
        return False
    if x.located and y.located:
        return same_entity(x.located, y.located)
    told = x.located or y.located
    return told is None or _same_place([told], setting)


def comparable(x: Atom, y: Atom, setting: Collection[Entity] = ()) -> str | None:
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
    """
    if not x.thing or x.thing != y.thing:
        return None
    if x.scope != y.scope or x.scope in ("part", "aside"):
        return None
    if not _same_event(x, y):
        return None
    xp, yp = x.places, y.places
    if x.thing in ("age", *RELATIVE_NOUNS):
        pass  # whose: told by the holder below
    elif x.thing == "magnitude" and not (xp and yp):
        pass  # the quake's own measure, whether or not the clause says where it struck
    elif xp and yp:
        if not _places_meet(xp, yp, setting):
            return None
    elif xp or yp:
        # Only a count may lack the place the other names, and only when it is the smaller
        # figure and its sentence names nothing else; a measure, an age or a span of time
        # belongs to whatever its clause names.
        (placed, places), bare = ((x, xp), y) if xp else ((y, yp), x)
        if x.dimension or not bare.value.high < placed.value.low:
            return None
        if not all(_same_place([p], setting) for p in places):
            return None  # a place the story is not set in ("In Heraklion, 10,000 marched") is its own fact
        if bare.names and not all(_same_place([p], bare.names) for p in places):
            return None  # its sentence names other places: "Zarand ... It killed 612" is not Bam
    if (x.thing == "age" or x.thing in RELATIVE_NOUNS) and not (_same_person(x.holder, y.holder)):
        return None  # whose age, whose children: told only by the name the figure belongs to
    if (x.predicate == "distance") != (y.predicate == "distance"):
        return None  # "1,150 km southeast of Tehran" is not a length told without its anchor
    if x.predicate == "distance" and not _same_distance(x, y, setting):
        return None
    if (_dated(x.times) or x.earlier) != (_dated(y.times) or y.earlier):
        return None  # background ("in September") against the day's news ("on Sunday", undated)
    if any(times_apart(s, t) for s in x.times for t in y.times):
        return None
    return fact_name(x, y)


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
    "population": "population",
    "cost": "cost",
    "vote": "votes",
    "speed": "speed",
    "temperature": "temperature",
}
_HOLDER_FACTS = {"age": "age", "child": "children", "wife": "wives"}
_THING_NAMES = {"length": "distance", "time": "time", "money": "amount", "percent": "share", "area": "area"}


def fact_name(x: Atom, y: Atom) -> str:
    """The fact two comparable figures are of, for a reader: "deaths in Treemseh", "rifles
    seized", "distance", "age of Anthony LaSalle"."""
    event = _EVENT_NAMES.get(x.predicate, "")
    thing = "" if x.thing == "person" else _THING_NAMES.get(x.thing, x.thing)
    if x.holder is not None and (x.thing == "age" or x.thing in RELATIVE_NOUNS):
        return f"{_HOLDER_FACTS.get(x.thing, x.thing + 's')} of {x.holder.text}"  # "age of Anthony LaSalle"
    if x.predicate == "distance" and x.holder is not None:
        return f"distance from {x.holder.text}"
    if x.thing == "age":
        name = "age"
    elif event and thing:
        name = f"{thing}s {event}" if not thing.endswith("s") and x.dimension == "" else f"{thing} {event}"
    else:
        name = event or thing or "figure"
    place = shared_place(x, y)
    if place:
        name += f" of {place}" if x.thing == "age" else f" in {place}"
    return name


def shared_place(x: Atom, y: Atom) -> str:
    """The name both figures' clauses give, as the first one writes it; "" if none."""
    return next((a.text for a in x.places for b in y.places if same_entity(a, b)), "")


def times_apart(a: TimeRef, b: TimeRef) -> bool:
    """Two times that cannot name the same day: resolved ranges that do not meet, or, without a
    publication date to resolve them, two different weekdays, months or days of a month."""
    if None not in (a.low, a.high, b.low, b.high):
        return a.high < b.low or b.high < a.low
    ka, kb = time_key(a), time_key(b)
    for part in ("weekday", "month", "day", "year"):
        if part in ka and part in kb and ka[part] != kb[part]:
            return True
    return False


_WEEKDAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_MONTH_WORD_RE = re.compile(r"\b([A-Z][a-z]{2,8})\b\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?")
_DAY_MONTH_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]{2,8})\b")
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def time_key(t: TimeRef) -> dict[str, object]:
    """What a time names, read from its words, to compare two times without a calendar: its
    weekday ("on Friday"; not "last Friday"), month, day of the month and year, where written."""
    from .lexicon import month_number

    key: dict[str, object] = {}
    if t.kind == "weekday" and not re.search(r"\b(?:last|next|this)\b", t.text, re.I):
        if m := _WEEKDAY_RE.search(t.text):
            key["weekday"] = m.group(1).lower()
    if t.kind in ("date", "month"):
        if (m := _DAY_MONTH_RE.search(t.text)) and month_number(m.group(2)):
            key["month"], key["day"] = month_number(m.group(2)), int(m.group(1))
        elif (m := _MONTH_WORD_RE.search(t.text)) and month_number(m.group(1)):
            key["month"] = month_number(m.group(1))
            if m.group(2):
                key["day"] = int(m.group(2))
    if t.kind in ("date", "month", "year") and (m := _YEAR_RE.search(t.text)):
        key["year"] = int(m.group(1))
    return key


# --- whether two figures of one fact disagree ------------------------------------------------

#: Measurements are rounded (and converted) as they are reported: "58 km (36 miles)" and "35
#: miles" agree. A count of people or things is not: "12 injured" and "18 injured" differ.
MEASURE_TOLERANCE = 0.05


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
        slack = MEASURE_TOLERANCE * max(abs(lx), abs(hx), abs(ly), abs(hy))
        lx, hx, ly, hy = lx - slack, hx + slack, ly - slack, hy + slack
    tol = 1e-9 * max(1.0, abs(qx.value), abs(qy.value))
    if hx + tol < ly or hy + tol < lx:
        return True
    same_kind = qx.qualifier and _QUALIFIER_KIND.get(qx.qualifier) == _QUALIFIER_KIND.get(qy.qualifier)
    if same_kind and (qx.unit == qy.unit or not x.dimension) and qx.qualifier not in _RANGES:
        return abs(qx.value - qy.value) > 0.05 * max(abs(qx.value), abs(qy.value))
    return False


# --- dates: when each event happened --------------------------------------------------------


@dataclass(frozen=True)
class Dated:
    """One time a claim dates an event by ("on Friday", "November 19", "In April 2007"), and
    the event it dates: the event word (or verb) right beside it in its clause."""

    claim: str
    source: str
    time: TimeRef  # offsets relative to the claim text
    event: str  # the event class beside the time ("attack", "verdict"), or "v:stem" for a verb
    context: frozenset[str]  # content stems of its clause
    places: tuple[Entity, ...]
    another: bool  # "a second quake on Monday", "another attack": not the story's first event
    speaker: str | None


#: How far (in characters) from a time its event word may stand: "convicted March 20",
#: "the June 20 shooting", "thwarted ... on Thursday" - not an event named across the clause.
_NEAR = 60
_NEAR_AFTER = 30
#: Times after these words bound a span or set a deadline ("by Friday", "since March"); they
#: date no event.
_NOT_DATING_RE = re.compile(r"\b(?:by|until|till|since|before|after|from|through)\s+(?:the\s+)?$", re.I)
_ATTRIBUTIVE_DATE_RE = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that)\s+$", re.I)
_ANOTHER_RE = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|another|new|latest|earlier|previous|last|next)\b", re.I
)


def _fronted_end(text: str, right: int) -> int:
    """A time alone in its clause ("On November 19,") dates the clause after it: where that ends."""
    m = _CLAUSE_BREAK.match(text, right)
    return clause_span(text, m.end(), m.end())[1] if m else right


@functools.lru_cache(maxsize=1 << 14)
def dated(claim: Claim) -> tuple[Dated, ...]:
    """The event times of one claim: its point times, less those that date a statement ("said
    Thursday"), bound a span ("since March", "by Friday") or name no event beside them."""
    text = claim.text
    speaker = claim.facts.speaker_span
    out = []
    for t in claim.facts.times:
        before = text[max(0, t.start - 30) : t.start]
        if t.kind == "duration" or _SPEECH_BEFORE.search(before) or _NOT_DATING_RE.search(before):
            continue
        left, right = clause_span(text, t.start, t.end)
        if not _context(text[left : t.start] + " " + text[t.end : right], set()):
            right = _fronted_end(text, right)  # "On November 19, INS Tabar sank a trawler"
        # "the June 20, 2005 attempted murder": a date before its noun dates the noun after it
        if _ATTRIBUTIVE_DATE_RE.search(before):
            event = _predicate(text, t.end, min(right, t.end + _NEAR_AFTER), t.start, t.end)
        else:
            event = _time_event(text, left, right, t.start, t.end)
        if not event:
            continue
        # Every name in the clause, not only the places after "in" or "near": the people and ships
        # a clause names tell its event apart too ("fired Maurice Cheeks on Saturday" / "fired Jim
        # O'Brien on Monday"), though that keeps "INS Tabar sank a trawler on November 19" and "it
        # sank Ekawat Nava on November 18" apart as well (measured on ECB+: places alone let six
        # cross-event date contradictions through for three true ones found).
        places = tuple(
            e
            for e in claim.facts.entities
            if left <= e.start < right
            and not (speaker and speaker[0] <= e.start < speaker[1])
            and not (t.start <= e.start < t.end)
        )
        context = _context(text[left:right], set(_WORD.findall(t.text.lower())))
        another = bool(
            _ANOTHER_RE.search(text[left : t.start] + " " + text[t.end : right])
        )  # not "last month"
        out.append(Dated(claim.id, claim.source, t, event, context, places, another, claim.facts.speaker))
    return tuple(out)


def same_dated_event(x: Dated, y: Dated, setting: Collection[Entity] = ()) -> bool:
    """Whether two times date one event: the same event word beside each (its class, or the same
    verb), two content words shared by the clauses, no different places named, and neither told
    as a second, another or new event."""
    if x.event != y.event or x.another or y.another:
        return False
    # Words shared beyond the event's own ("murder" beside two "convicted"), more of them where
    # only weekdays are compared (a story's days are few).
    event = _PREDICATE_RE.get(x.event.split(":")[0])
    shared = {w for w in x.context & y.context if not (event and event.match(w))}
    weekdays = "weekday" in time_key(x.time) or "weekday" in time_key(y.time)
    if len(shared) < (2 if weekdays else 1):
        return False
    if x.places and y.places and not _places_meet(x.places, y.places, setting):
        return False
    # A date told with a place beyond the story's setting ("hit Zarand in February") dates an
    # event there, not one the other tells of the setting alone ("struck near Bandar Abbas").
    return _beyond(x.places, setting) == _beyond(y.places, setting) or bool(
        _beyond(x.places, setting) and _beyond(y.places, setting)
    )


def dated_name(x: Dated, y: Dated) -> str:
    """The fact two conflicting times are of: "date of the attack", "date"."""
    return f"date of the {x.event}" if not x.event.startswith("v:") else "date"


# --- places: where a person is from, which way a place lies -------------------------------------


@dataclass(frozen=True)
class Placed:
    """A place a claim gives for someone or something: where a named person is from ("Anthony
    LaSalle, 36, of Minneapolis"), or which way a place lies from another ("150 nautical miles east
    of Aden")."""

    claim: str
    source: str
    kind: str  # "home" (of a person) | "bearing" (from a place) | "address" (a block of a street)
    subject: Entity  # the person; or the place the bearing is taken from ("Aden")
    value: str  # the place ("Minneapolis"), or the bearing ("east")
    text: str  # as written ("of Minneapolis", "east of Aden")
    start: int  # offsets relative to the claim text
    end: int
    place: Entity | None = None  # the home, as a name
    located: Entity | None = None  # for a bearing: what lies there, where the clause names it ("Baytown")


_HOME_RE = re.compile(r",\s*(?:(?:aged\s+)?\d{1,3},\s*)?(?P<word>of|from)\s+")
_BEARING_RE = re.compile(
    r"\b(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+$", re.I
)
#: "the 12000 block of East 223rd Street": where on a street, as US police and news give it.
_BLOCK_RE = re.compile(
    r"\b(?P<block>\d{2,6})\s+block\s+of\s+(?P<street>(?:(?:[A-Z][\w'-]*|\d+(?:st|nd|rd|th))\.?\s+){1,4}"
    r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Place|Court"
    r"|Parkway|Highway|Terrace))"
)
_STREET_WORDS = {
    "st": "street",
    "ave": "avenue",
    "rd": "road",
    "blvd": "boulevard",
    "dr": "drive",
    "ln": "lane",
}
#: Compass bearings as angles, to tell which differ: more than 90 degrees apart cannot both hold.
_BEARINGS = {
    "north": 0,
    "northeast": 45,
    "east": 90,
    "southeast": 135,
    "south": 180,
    "southwest": 225,
    "west": 270,
    "northwest": 315,
}


@functools.lru_cache(maxsize=1 << 14)
def placed(claim: Claim) -> tuple[Placed, ...]:
    """Where the claim says a named person is from, and which way it says places lie."""
    text, ents = claim.text, claim.facts.entities
    out = []
    for person, place in itertools.pairwise(ents):
        # a full name only: a lone surname may be a relative's
        if " " in person.key and (m := _HOME_RE.fullmatch(text, person.end, place.start)):
            start = m.start("word")
            home = Placed(
                claim.id,
                claim.source,
                "home",
                person,
                place.key,
                text[start : place.end],
                start,
                place.end,
                place,
            )
            out.append(home)
    for m in _BLOCK_RE.finditer(text):
        street = m.group("street")
        key = " ".join(
            _STREET_WORDS.get(w.lower().rstrip("."), w.lower().rstrip(".")) for w in street.split()
        )
        subject = Entity(street, m.start("street"), m.end("street"), key)
        out.append(
            Placed(
                claim.id, claim.source, "address", subject, m.group("block"), m.group(), m.start(), m.end()
            )
        )
    for anchor in ents:
        m = _BEARING_RE.search(text, max(0, anchor.start - 30), anchor.start)
        if m and m.end() == anchor.start:
            bearing = m.group(1).lower().replace("-", "")
            text_of = text[m.start() : anchor.end]
            near = [e for e in ents if m.start() - 50 <= e.start and e.end <= m.start()]  # "Baytown, ..."
            located = near[0] if near else None
            out.append(
                Placed(
                    claim.id,
                    claim.source,
                    "bearing",
                    anchor,
                    bearing,
                    text_of,
                    m.start(),
                    anchor.end,
                    None,
                    located,
                )
            )
    return tuple(out)


def places_conflict(x: Placed, y: Placed) -> bool:
    """Two homes of one person that are different places, or two bearings from one place more
    than a quarter turn apart ("east" / "west"; not "south" / "southwest")."""
    if x.kind != y.kind:
        return False
    if x.kind == "home":
        return _same_person(x.subject, y.subject) and not same_entity(x.place, y.place)
    if x.kind == "address":  # one street, two blocks: "12000 block" / "12500 block of East 223rd Street"
        return x.subject.key == y.subject.key and x.value != y.value
    if not same_entity(x.subject, y.subject):
        return False
    if x.located and y.located and not same_entity(x.located, y.located):
        return False  # "Baytown, east of Houston" and "Brazos County, northwest of Houston": two places
    turn = abs(_BEARINGS[x.value] - _BEARINGS[y.value]) % 360
    return min(turn, 360 - turn) > 90
