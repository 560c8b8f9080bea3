"""Places fact by fact: where a named person is from ("Anthony LaSalle, 36, of Minneapolis"), which
way a place lies from another ("150 nautical miles east of Aden"), which block of a street ("the
12000 block of East 223rd Street"); and when two of them cannot both hold."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .extract import same_entity
from .gazetteer import apart
from .names import full_names, in_full
from .reading import clause_span, context_words, same_person
from .records import Claim, Entity


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
    about: frozenset[str] = frozenset()  # for a block: the content words of its clause ("shot", "apartment")


_HOME_RE = re.compile(r",\s*(?:(?:aged\s+)?\d{1,3},\s*)?(?P<word>of|from)\s+")
#: Where someone lives, told in other words: "Chohan, who lived half a mile away in South Ozone
#: Park", "Mary Hart, a resident of Elmhurst"; between the person and the place, lower-case words
#: only (``placed`` pairs neighbouring names).
_LIVES_RE = re.compile(
    r",\s*(?:(?:aged\s+)?\d{1,3},\s*)?(?P<word>who\s+(?:lives|lived|resides|resided)\b(?:\s+[a-z]+){0,5}?\s+in"
    r"|an?\s+(?:longtime\s+|long-time\s+|lifelong\s+)?resident\s+of)\s+(?:the\s+)?"
)
#: A home told as left or lost: "who lived in Queens until 2010", "who once lived in", "a former
#: resident of": not where the person lives now.
_FORMER_RE = re.compile(
    r"\b(?:until|before|once|formerly|previously|former|used|ago|moved|grew|as\s+a)\b", re.I
)
#: After the place, a home left: "lived in South Ozone Park for a decade before moving", "in the 1990s".
_LEFT_AFTER_RE = re.compile(
    r"[^.;]{0,40}?\b(?:until|before|once|formerly|previously|ago|moved|moving|grew|in\s+the\s+(?:19|20)\d0s)\b",
    re.I,
)
#: A relative's name: "her brother, Chohan, who lives in Astoria" is not the victim's home.
_KIN_BEFORE_RE = re.compile(
    r"\b(?:brother|sister|son|daughter|husband|wife|mother|father|nephew|niece|cousin|uncle|aunt|"
    r"grandson|granddaughter|grandmother|grandfather|friend|neighbou?r)\W*$",
    re.I,
)
#: "South Richmond Hill resident Suri Charanjit": the place first.
_RESIDENT_BEFORE_RE = re.compile(r"\s+(?P<word>resident)\s+")
_BEARING_RE = re.compile(
    r"\b(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+$", re.I
)
#: "the 12000 block of East 223rd Street": where on a street, as US police and news give it.
_BLOCK_RE = re.compile(
    r"\b(?P<block>\d{2,6})\s+block\s+of\s+(?P<street>(?:(?:[A-Z][\w'-]*|\d+(?:st|nd|rd|th))\.?\s+){1,4}"
    r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Place|Court"
    r"|Parkway|Highway|Terrace))"
)


def _street_key(street: str) -> str:
    return " ".join(_STREET_WORDS.get(w.lower().rstrip("."), w.lower().rstrip(".")) for w in street.split())


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
        # "of" after a full name only: after a lone surname it may be a relative's; a lone surname
        # "who lived in" is taken, to be read as the article's one person of that name
        # (``homes_in_context``)
        m = _HOME_RE.fullmatch(text, person.end, place.start) if " " in person.key else None
        m = m or _LIVES_RE.fullmatch(text, person.end, place.start)
        if not m and (r := _RESIDENT_BEFORE_RE.fullmatch(text, person.end, place.start)):
            person, place, m = place, person, r  # "South Richmond Hill resident Suri Charanjit"
        if (
            m
            and not _FORMER_RE.search(m.group())
            and not _LEFT_AFTER_RE.match(text, place.end)
            and not (
                m.re is _RESIDENT_BEFORE_RE and _FORMER_RE.search(text, max(0, place.start - 12), place.start)
            )
            and not (
                " " not in person.key and _KIN_BEFORE_RE.search(text, max(0, person.start - 24), person.start)
            )
        ):
            start = m.start("word") if m.re is not _RESIDENT_BEFORE_RE else place.start
            end = place.end if m.re is not _RESIDENT_BEFORE_RE else m.end("word")
            home = Placed(
                claim.id,
                claim.source,
                "home",
                person,
                place.key,
                text[start:end],
                start,
                end,
                place,
            )
            out.append(home)
    blocks = list(_BLOCK_RE.finditer(text))
    for m in blocks:
        street = m.group("street")
        key = _street_key(street)
        if sum(_street_key(n.group("street")) == key for n in blocks) > 1:
            continue  # "began in the 1200 block and ended in the 3400 block": a route, not a place
        left, right = clause_span(text, m.start(), m.end())
        about = context_words(text[left : m.start()] + " " + text[m.end() : right], set())
        subject = Entity(street, m.start("street"), m.end("street"), key)
        out.append(
            Placed(
                claim.id,
                claim.source,
                "address",
                subject,
                m.group("block"),
                m.group(),
                m.start(),
                m.end(),
                about=about,
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
        if not same_person(x.subject, y.subject) or same_entity(x.place, y.place):
            return False
        # one home told at two levels ("of Queens" / "of College Point") is no conflict; a name
        # GeoNames does not hold keeps the plain reading: two names, two places
        return apart(x.place.text, y.place.text) is not False
    if x.kind == "address":
        # one street, two blocks, one thing there ("outside an apartment in the 12000 block" /
        # "an apartment complex in the 12500 block"), told by two sources: one article's shooting
        # in one block and arrest in another are two places
        return (
            x.source != y.source
            and x.subject.key == y.subject.key
            and x.value != y.value
            and bool(x.about & y.about)
        )
    if not same_entity(x.subject, y.subject):
        return False
    if x.located and y.located and not same_entity(x.located, y.located):
        return False  # "Baytown, east of Houston" and "Brazos County, northwest of Houston": two places
    turn = abs(_BEARINGS[x.value] - _BEARINGS[y.value]) % 360
    return min(turn, 360 - turn) > 90


def homes_in_context(claims: Sequence[Claim]) -> dict[str, tuple[Placed, ...]]:
    """Every claim's places (``placed``), a home told of a lone name ("Chohan, who lived ...")
    given to the one person of that name its article names in full ("Raj Chohan"); where it
    names two ("Ravi Singh", "Piara Singh") or none, the home stays the lone name's, and no other
    source's home of a full name is compared with it (``reading.same_person``)."""
    full = full_names(claims)
    out = {}
    for c in claims:
        found = placed(c)
        if any(x.kind == "home" and " " not in x.subject.key for x in found):
            found = tuple(_in_full(x, full.get(c.source, {})) for x in found)
        out[c.id] = found
    return out


def _in_full(x: Placed, full: dict[str, set[Entity]]) -> Placed:
    who = in_full(x.subject, full) if x.kind == "home" else None
    return dataclasses.replace(x, subject=who) if who is not None else x
