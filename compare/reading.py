"""How a claim's words are read for its facts, without a parser: its clauses, the event word
nearest a figure or a date ("killed", "injured", "sank" -> a class of ``lexicon.PREDICATES``, or
the nearest verb), its content words, and the names the story is set in, against which two
clauses' places meet or not. ``atoms`` (figures), ``dates`` and ``places`` read facts with it."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from .extract import same_entity
from .lexicon import CLAUSE_STOP, GRAMMAR_STOP, PLAIN_VERBS, PREDICATES, SMALL, TENS, stem
from .records import Claim, Entity

CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas)\s+|\s+(?:and|but|while|whereas|when)\s+|,\s+|\s+-\s+|:\s"
)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|saying|told|tells|announced|stated|added|reported|declared|wrote)\s+(?:on\s+|in\s+)?$",
    re.I,
)
#: A time after these bounds or follows the event, never dates it: "since September", "by Friday".
NOT_DATING = re.compile(r"\b(?:by|until|till|since|before|after|from|through)\s+(?:the\s+)?$", re.I)
PREDICATE_RE = {cls: re.compile(r"\b(?:" + "|".join(stems) + r")", re.I) for cls, stems in PREDICATES.items()}


def clause_span(text: str, start: int, end: int, breaks: re.Pattern = CLAUSE_BREAK) -> tuple[int, int]:
    """From the last clause break before the span to the first after it."""
    left = 0
    for m in breaks.finditer(text, 0, start):
        left = m.end()
    m = breaks.search(text, end)
    return left, (m.start() if m else len(text))


_ANCHORED_RE = re.compile(r"\s*(?:before|after|earlier|later|ago|prior)\b", re.I)
_VERB_RE = re.compile(r"\b([a-z]+(?:ed|ing))\b|\b([a-z]+)\b")


def event_word(text: str, left: int, right: int, start: int, end: int) -> str:
    """The event class whose word stands nearest the figure within its clause; failing that, the
    nearest verb ("v:marri"). A span of time anchored to another event ("two weeks before the
    shooting") is about what happened before it, so only the words before it count."""
    if _ANCHORED_RE.match(text, end):
        right = start
    best, distance = "", None
    for cls, pattern in PREDICATE_RE.items():
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end:
                continue  # "killings" inside the figure's own noun is the thing, not the event
            if cls == "death" and _EXECUTION_RE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "nine voting to put Nichols to death": a penalty asked for, no one died
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
        if word in _NAMING and _CAPITAL_NEXT_RE.match(text, m.end()):
            continue  # "a fashion line called Mantra": a name given, not what happened
        d = start - m.end() if m.end() <= start else m.start() - end
        if distance is None or d < distance:
            best, distance = "v:" + stem(word), d
    return best


#: Participles that give a thing its name ("a new line called Mantra", "a dog named Bo").
_NAMING = frozenset("called named dubbed titled entitled nicknamed".split())
_CAPITAL_NEXT_RE = re.compile(r"\s+[\"“'‘]?[A-Z]")
_EXECUTION_RE = re.compile(
    r"\b(?:(?:to|would|could|should)\s+put|sentenced?|sentencing)\s+(?:[\w'’]+\s+){0,3}to\s+$", re.I
)
#: "attempted murder" is no death, "an attempted hijack" no hijack
_ATTEMPTED_RE = re.compile(r"\b(?:attempted|attempt\s+to|failed|foiled|thwarted)\s+$", re.I)


#: How far (in characters) from a time its event word may stand: "convicted March 20",
#: "the June 20 shooting", "thwarted ... on Thursday" - not an event named across the clause.
NEAR = 60
NEAR_AFTER = 30


def time_event(text: str, left: int, right: int, start: int, end: int) -> str:
    """The event a time dates: an event word (or verb) before it in its clause, the way news
    writes "X did Y on Monday"; failing that, an event word just after it ("On Monday the quake
    struck", "November 19, INS Tabar sank a trawler")."""
    lo = max(left, start - NEAR)
    if lo > left:
        lo = max(left, text.rfind(" ", left, lo) + 1)  # whole words: "attack", never "ttack"
    # A state the subject was in dates itself, not the event its subject names: "a man facing
    # charges in a Christmas party shooting was on suicide watch Monday".
    for m in _STATE_RE.finditer(text, lo, start):
        lo = m.start("state")
    hi = min(right, end + NEAR_AFTER)
    before, after = event_word(text, lo, start, start, end), event_word(text, end, hi, start, end)
    for event in (before, after):
        if event and not event.startswith("v:"):
            return event  # an event word first, before the time or just after it
    return before or after


_STATE_RE = re.compile(
    r"\b(?:was|were|is|are|remains?|remained)\s+(?:still\s+)?(?P<state>(?:on|under|behind)\s+[a-z]+)", re.I
)


#: Words that say nothing of what a clause is about.
_NOT_CONTEXT = CLAUSE_STOP | GRAMMAR_STOP | frozenset(SMALL) | frozenset(TENS)


def context_words(text: str, own: set[str]) -> frozenset[str]:
    """Content stems ("bus", "struck", "blaze"): three letters or more, no grammar word, no
    number word, none of the figure's own words."""
    return frozenset(
        stem(w)
        for w in WORD.findall(text)
        if len(w) >= 3 and (low := w.lower()) not in _NOT_CONTEXT and low not in own
    )


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


def same_person(x: Entity | None, y: Entity | None) -> bool:
    """Two full names of one person: "Ortiz" alone may be the deputy or his son Jeremy Ortiz, and
    "the American" anyone."""
    if x is None or y is None or " " not in x.key or " " not in y.key:
        return False  # "the 41-year-old American", "Ortiz, 35": no full name, no telling whose
    return same_entity(x, y)


def beyond(places: Sequence[Entity], setting: Collection[Entity]) -> bool:
    return any(not same_place([p], setting) for p in places)


def places_meet(x: Sequence[Entity], y: Sequence[Entity], setting: Collection[Entity]) -> bool:
    """Whether two clauses' places can be one place: names beyond the story's setting must meet
    where both give some ("near Bandar Abbas" is not "in Zarand", though both say "Iran")."""
    xs = [p for p in x if not same_place([p], setting)]
    ys = [p for p in y if not same_place([p], setting)]
    if xs and ys:
        return same_place(xs, ys)
    return same_place(x, y)


def same_place(x: Iterable[Entity], y: Iterable[Entity]) -> bool:
    return any(same_entity(a, b) for a in x for b in y)
