"""Dates fact by fact: each time a claim dates an event by, with the event it dates (the event word
beside it), and whether two times of one event can name the same day, with or without
publication dates to resolve them."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .extract.times import WORK_NOUNS
from .lexicon import GRAMMAR_STOP, ORG_HEADS, month_number
from .reading import (
    CLAUSE_BREAK,
    NEAR_AFTER,
    NOT_DATING,
    PREDICATE_RE,
    SPEECH_BEFORE,
    WORD,
    beyond,
    clause_span,
    context_words,
    event_word,
    places_meet,
    time_event,
)
from .records import Claim, Entity, TimeRef


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
    # the events of the predicates joined to the dated one by "and": "on Thursday intercepted
    # three boats ... and foiled an attack" dates the attack too
    also: frozenset[str] = frozenset()


#: Times after these words bound a span or set a deadline ("by Friday", "since March"); they
#: date no event.
_ATTRIBUTIVE_DATE_RE = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that)\s+$", re.I)
_ANOTHER_RE = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|another|new|latest|earlier|previous|previously|last|next)\b",
    re.I,
)
#: A new thing given its name: "launched a new fashion line called Mantra in December" is the
#: launch itself, where "issued new guidelines in October" may be other guidelines than March's.
_NAMED_NEW_RE = re.compile(
    r"\bnew\s+(?:[a-z-]+\s+){0,3}(?:called|named|dubbed|titled|entitled)\s+[\"“'‘]?[A-Z]"
    r"|\bnew\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s+(?:the\s+)?[\"“'‘]?[A-Z]"  # "its new smartphone, the Nova,"
)
#: ... or named before it: "opened Sable, his new restaurant, in June".
_NAME_BEFORE_NEW_RE = re.compile(r"[A-Z][\w'-]*,\s+(?:his|her|its|their|the|a)\s+$")


_LOWER_AFTER_RE = re.compile(r" ([a-z]+)")


def _another(clause: str) -> bool:
    """Whether a clause tells of another event than the story's: "a second quake", "another
    attack", "new guidelines" (but not a new thing given its name, ``_NAMED_NEW_RE``)."""
    for m in _ANOTHER_RE.finditer(clause):
        named = _NAMED_NEW_RE.match(clause, m.start()) or _NAME_BEFORE_NEW_RE.search(clause, 0, m.start())
        if not (m.group().lower() == "new" and named):
            return True
    return False


def _attributive(text: str, e: Entity) -> bool:
    """A one-word name used as an adjective ("an Indian warship", "26 Somali pirates") or a body
    ("the Indian Navy"): who took part, not where; two outlets name such parties differently."""
    words = e.key.split()
    if any(w in ORG_HEADS for w in words):
        return True
    after = _LOWER_AFTER_RE.match(text, e.end)
    return len(words) == 1 and bool(after) and after.group(1) not in GRAMMAR_STOP


def _noun_after(text: str, end: int) -> bool:
    """Whether an event noun follows the time straight away ("the June 20 shooting")."""
    m = re.match(r"\s+([a-z-]+)", text[end : end + NEAR_AFTER])
    event = event_word(m.group(1), 0, len(m.group(1)), 0, 0) if m else ""
    return bool(event) and not event.startswith("v:")


def _apposed_start(text: str, left: int) -> int:
    """A time alone at the end of its sentence after a name set off by commas ("launched its new
    smartphone, the Nova, in May") dates the clause before the name: where that starts. Only across
    a short stretch of capitalised words, so that a list's last item is not read so."""
    m = _APPOSED_BEFORE_RE.search(text, max(0, left - 40), left)
    return clause_span(text, m.start(), m.start())[0] if m else left


_APPOSED_BEFORE_RE = re.compile(
    r",\s+(?:(?:the\s+|his\s+|her\s+|its\s+|their\s+)?(?:[A-Z][\w'-]*\s*){1,4}"  # ", the Nova,"
    r"|(?:the|his|her|its|their|a|an)\s+(?:[a-z-]+\s+){0,2}[a-z-]+),\s*$"  # ", his new restaurant,"
)


def _fronted_end(text: str, right: int) -> int:
    """A time alone in its clause ("On November 19,") dates the clause after it: where that ends."""
    m = CLAUSE_BREAK.match(text, right)
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
        if t.kind == "duration" or SPEECH_BEFORE.search(before):
            continue
        bound = NOT_DATING.search(before)
        # "from the June 20, 2005 shooting": the date names the shooting, no span's bound
        if bound and not (bound.group().lower().rstrip().endswith("the") and _noun_after(text, t.end)):
            continue
        left, right = clause_span(text, t.start, t.end)
        if not context_words(text[left : t.start] + " " + text[t.end : right], set()):
            right = _fronted_end(text, right)  # "On November 19, INS Tabar sank a trawler"
            if right == t.end or not context_words(text[t.end : right], set()):
                left = _apposed_start(text, left)  # "launched its new smartphone, the Nova, in May"
        if work := _work(text, t, claim.facts.entities):
            # "the 2006 HBO movie, The Notorious Bettie Page": the year of the work by that title,
            # whatever else the clause tells
            context = context_words(work.text, set())
            out.append(Dated(claim.id, claim.source, t, "work", context, (work,), False, claim.facts.speaker))
            continue
        # "the June 20, 2005 attempted murder": a date before its noun dates the noun after it
        if _ATTRIBUTIVE_DATE_RE.search(before):
            event = event_word(text, t.end, min(right, t.end + NEAR_AFTER), t.start, t.end)
        else:
            event = time_event(text, left, right, t.start, t.end)
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
            and not _attributive(text, e)
        )
        context = context_words(text[left:right], set(WORD.findall(t.text.lower())))
        another = _another(text[left : t.start] + " " + text[t.end : right])  # not "last month"
        also = _joined_events(text, right) - {event}
        out.append(
            Dated(claim.id, claim.source, t, event, context, places, another, claim.facts.speaker, also)
        )
    return tuple(out)


#: A year before the noun of a work and its title: "the 2005 film The Notorious Bettie Page",
#: "the 2006 HBO movie, The Notorious Bettie Page".
_WORK_AFTER_RE = re.compile(rf"\s+(?:[A-Z][\w&.'-]*\s+){{0,2}}{WORK_NOUNS}s?\s*,?\s*(?:[\"“'‘]\s*)?")


def _work(text: str, t: TimeRef, names: Sequence[Entity]) -> Entity | None:
    """The title of the work a year dates, where the year stands before the work's noun."""
    if t.kind != "year" or not (m := _WORK_AFTER_RE.match(text, t.end)):
        return None
    return next((e for e in names if e.start == m.end()), None)


#: A predicate joined to the one before by "and", and where such a chain ends.
_AND_RE = re.compile(r",?\s+and\s+(?!the\s|a\s|an\s|his\s|her\s|their\s)", re.I)
_CHAIN_END_RE = re.compile(
    r"[;:.]|\b(?:who|which|that|after|before|when|while|because|since|said|says)\b", re.I
)


def _joined_events(text: str, right: int) -> frozenset[str]:
    """The event classes of the predicates joined by "and" to the clause ending at ``right``."""
    end = _CHAIN_END_RE.search(text, right)
    stop = end.start() if end else len(text)
    out = set()
    for m in _AND_RE.finditer(text, right, stop):
        nxt = _AND_RE.search(text, m.end(), stop)
        event = event_word(text, m.end(), nxt.start() if nxt else stop, m.end(), m.end())
        if event and not event.startswith("v:"):
            out.add(event)
    return frozenset(out)


def same_dated_event(x: Dated, y: Dated, setting: Collection[Entity] = (), joined: bool = False) -> bool:
    """Whether two times date one event: the same event word beside each (its class, or the same
    verb), two content words shared by the clauses, no different places named, and neither told
    as a second, another or new event."""
    if x.another or y.another:
        return False
    if x.event != y.event:
        # ``joined``: one dates what the other's predicate joined by "and" tells (the event named,
        # not a verb). Asked of dates that differ only: as evidence that two articles tell one
        # story, it would join two protests' days ("made 86 arrests" / "there was one arrest").
        if not joined:
            return False
        if x.event in y.also and not x.event.startswith("v:"):
            y = dataclasses.replace(y, event=x.event)
        elif y.event in x.also and not y.event.startswith("v:"):
            x = dataclasses.replace(x, event=y.event)
        else:
            return False
    # Words shared beyond the event's own ("murder" beside two "convicted"), more of them where
    # only weekdays are compared (a story's days are few).
    event = PREDICATE_RE.get(x.event.split(":")[0])
    verb = x.event[2:] if x.event.startswith("v:") else None
    shared = {w for w in x.context & y.context if not (event and event.match(w)) and w != verb}
    weekdays = "weekday" in time_key(x.time) or "weekday" in time_key(y.time)
    # A plain verb says less of what happened than an event word: "released from a mental
    # hospital in 1992" / "a movie ... was released in 2005", "Obama signed an order" / "a bill
    # signed by Obama" share the verb and a name, and tell two events.
    plain = x.event.startswith("v:")
    if len(shared) < (2 if weekdays or plain else 1):
        return False
    if x.places and y.places and not places_meet(x.places, y.places, setting):
        return False
    # A date told with a place beyond the story's setting ("hit Zarand in February") dates an
    # event there, not one the other tells of the setting alone ("struck near Bandar Abbas").
    return beyond(x.places, setting) == beyond(y.places, setting) or bool(
        beyond(x.places, setting) and beyond(y.places, setting)
    )


def dated_name(x: Dated, y: Dated) -> str:
    """The fact two conflicting times are of: "date of the attack", "date"."""
    if x.event == "work" and x.places:
        return f"year of {x.places[0].text}"
    return f"date of the {x.event}" if not x.event.startswith("v:") else "date"


# --- whether two times can name one day -----------------------------------------------------


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
#: A year as news writes one: 1800-2099.
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def time_key(t: TimeRef) -> dict[str, object]:
    """What a time names, read from its words, to compare two times without a calendar: its
    weekday ("on Friday"; not "last Friday"), month, day of the month and year, where written."""
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
    if t.kind in ("date", "month", "year") and (m := YEAR_RE.search(t.text)):
        key["year"] = int(m.group(1))
    return key
