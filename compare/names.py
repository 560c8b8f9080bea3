"""People's names as each source spells them, and the pairs of spellings that read as one person
written two ways ("Brian Dalton" / "Bryant Dalton", "Anthony Calamita" / "Anthony LaCalamita").

A misspelt name is the classic correction, and no similarity score sees it: the two sentences
read alike. Alias matching (``extract.same_entity``) forgives what house styles differ on
("Mohammed" / "Muhammad", "Lasalle" / "LaSalle"); what it does not forgive, between names that
share a given name or a surname, is told here.

A name counts as a person's only where its sentence says so: an age beside it ("Anthony
LaCalamita, 38"), a title or role before it ("Undersheriff James Gage", "suspect Anthony
Calamita"), "identified as" or "named", or a speech verb after it. Two spellings are of one
person only when no source writes both (two people: a father and a son, a husband and a wife)
and some claims naming them tell one fact (``SAME_PERSON_SIMILARITY``).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Indel

from .extract import same_entity
from .lexicon import ORG_HEADS, PARTICLES, ROLE_NOUNS, SPEECH_VERBS, TITLE_MODIFIERS, TITLE_WORDS, TITLES
from .records import Claim, Conflict, Entity


@dataclass(frozen=True)
class Person:
    """A person's full name as one claim writes it."""

    claim: str
    source: str
    entity: Entity  # offsets relative to the claim text
    given: str  # the first name, lower case ("bryant")
    surname: str  # the last name, lower case, particles kept ("lacalamita")
    age: int | None = None  # where the claim gives it beside the name ("Bryant Dalton, 39,")


_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:[A-Z][a-z]+)*(?:['’-][A-Z][a-z]+)*$")  # "LaCalamita", "O'Brien"
_INITIAL = re.compile(r"[A-Z]\.?$")
ROLE_WORDS = TITLES | ROLE_NOUNS | TITLE_MODIFIERS | frozenset(TITLE_WORDS) | {"undersheriff", "sheriff"}
_BEFORE_RE = re.compile(
    r"(?:\b(?:identified\s+as|named|name\s+is|-year-old|-old)\s+|\b(?P<role>[A-Za-z]+)\.?\s+)$", re.I
)
_AGE_AFTER_RE = re.compile(r",\s*(?:aged?\s+)?\d{1,3}\s*(?:,|\.|;|\)|$|\s+of\b)")
_SPEECH_AFTER_RE = re.compile(
    r"\s*,?(?:[^,]{1,60},)?\s*(?:" + "|".join(SPEECH_VERBS) + r"|(?:was|is|has\s+been)\s+(?:arrested|charged|"
    r"shot|killed|stabbed|wounded|injured|identified|sentenced|convicted|born|found|hospitali[sz]ed)"
    # what only a person does: "Tara Reid checked into Promises", "Page died Thursday"
    r"|(?:has\s+)?(?:finally\s+)?(?:checked\s+(?:herself\s+|himself\s+)?in(?:to)?|entered|died|married|resigned|pleaded"
    r"|surrendered))\b"
)


def _words(e: Entity) -> list[str] | None:
    """The name's words without middle initials, or None when it does not read as a person's
    name (one word, an organisation's head word, a word that is no name)."""
    words = [w for w in e.text.split() if not _INITIAL.match(w)]
    if not 2 <= len(words) <= 4 or words[-1].lower() in ORG_HEADS:
        return None
    if any(w.lower() in ROLE_WORDS or not _NAME_WORD.match(w) for w in words):
        return None
    return words


def _is_person(text: str, e: Entity, speaker: str | None) -> bool:
    if speaker and speaker.endswith(e.text):
        return True
    before = _BEFORE_RE.search(text, max(0, e.start - 24), e.start)
    if before and (not before.group("role") or before.group("role").lower() in ROLE_WORDS):
        return True
    return bool(_AGE_AFTER_RE.match(text, e.end) or _SPEECH_AFTER_RE.match(text, e.end))


@functools.lru_cache(maxsize=1 << 14)
def persons(claim: Claim) -> tuple[Person, ...]:
    """The full names of people the claim names, where it says they are people."""
    out = []
    for e in claim.facts.entities:
        words = _words(e)
        if words and _is_person(claim.text, e, claim.facts.speaker):
            age = _AGE_RE.match(claim.text, e.end)
            out.append(
                Person(
                    claim.id,
                    claim.source,
                    e,
                    words[0].lower(),
                    words[-1].lower(),
                    int(age[1]) if age else None,
                )
            )
    return tuple(out)


_AGE_RE = re.compile(r",\s*(?:aged?\s+)?(\d{1,3})\s*(?:,|\.|;|\)|$)")
#: Endings that make a man's name a woman's, or the other way: "Michael" / "Michelle", "Mario" /
#: "Maria", "Carlos" / "Carla", "Paul" / "Paula". Two such names are two people, not a misspelling.
_GENDERED_ENDINGS = ("elle", "ella", "ette", "ine", "ina", "ael", "ia", "ie", "os", "us", "el", "a", "e", "o")


def gendered(a: str, b: str) -> bool:
    """Whether two given names are a man's and a woman's form of one name."""

    def roots(n: str) -> set[str]:
        return {n[: -len(e)] for e in _GENDERED_ENDINGS if n.endswith(e) and len(n) - len(e) >= 3} | {n}

    return a[-1] != b[-1] and bool(roots(a) & roots(b))


def spelled_apart(x: Person, y: Person) -> bool:
    """Whether two full names read as one person's name spelt two ways: one name shared, the
    other close in letters but not a variant alias matching forgives, nor a short form ("Rob" /
    "Robert")."""
    if x.given == y.given and x.surname != y.surname:
        a, b = x.surname, y.surname
        close = Indel.normalized_similarity(a, b) >= 0.8 or (min(len(a), len(b)) >= 5 and _suffix(a, b))
    elif x.surname == y.surname and x.given != y.given:
        a, b = x.given, y.given
        close = (
            min(len(a), len(b)) >= 4
            and a[0] == b[0]
            and not (a.startswith(b) or b.startswith(a))
            and not gendered(a, b)
            and Indel.normalized_similarity(a, b) >= 0.7
        )
    else:
        return False
    if x.age is not None and y.age is not None and abs(x.age - y.age) > 1:
        return False  # "Michael Smith, 62" and "Michelle Smith, 58": two people
    return close and not same_entity(a, b)


def _suffix(a: str, b: str) -> bool:
    """ "calamita" / "lacalamita": one surname the other with a particle run into it."""
    short, long = sorted((a, b), key=len)
    return long.endswith(short) and long[: len(long) - len(short)] in PARTICLES


#: Two spellings are of one person only when some claim naming the one and some claim naming the
#: other are at least this close (cosine): they tell one fact about someone, not two people's.
SAME_PERSON_SIMILARITY = 0.5


@dataclass(frozen=True)
class Misspelt:
    """One person's name spelt two ways by two sources, with the closest pair of claims naming
    them (the evidence)."""

    a: Person
    b: Person
    similarity: float

    def conflict(self) -> Conflict:
        """The conflict as ``a``'s claim tells it against ``b``'s."""
        a, b = self.a.entity.text, self.b.entity.text
        return Conflict("spelling", a, b, a, fact="spelling of a name")


def misspelt(claims: Sequence[Claim], vectors: np.ndarray) -> list[Misspelt]:
    """Every pair of sources that spell one person's name two ways, once per pair of spellings.
    ``vectors``: the claims' normalised embeddings, row by row."""
    found: dict[tuple[str, str, str], list[tuple[int, Person]]] = {}
    for n, c in enumerate(claims):
        for p in persons(c):
            found.setdefault((p.source, p.given, p.surname), []).append((n, p))
    by_source: dict[str, set[tuple[str, str]]] = {}
    for source, given, surname in found:
        by_source.setdefault(source, set()).add((given, surname))
    keys = sorted(found)
    candidates: list[tuple[tuple, tuple, Misspelt]] = []
    for i, ka in enumerate(keys):
        for kb in keys[i + 1 :]:
            if ka[0] == kb[0] or not spelled_apart(found[ka][0][1], found[kb][0][1]):
                continue
            if any({ka[1:], kb[1:]} <= names for names in by_source.values()):
                continue  # one source writes both: two people
            sim, x, y = max(
                ((float(vectors[n] @ vectors[m]), p, q) for n, p in found[ka] for m, q in found[kb]),
                key=lambda t: t[0],
            )
            candidates.append((ka[1:], kb[1:], Misspelt(x, y, sim)))
    # Once two sources show that both spellings name one person (two claims telling one fact about
    # them), every other source writing one of the spellings names that person too: "Anthony
    # LaCalamita" in a third outlet is the man the first called so.
    one_person = {frozenset((a, b)) for a, b, m in candidates if m.similarity >= SAME_PERSON_SIMILARITY}
    return [m for a, b, m in candidates if frozenset((a, b)) in one_person]


#: The opening claims of an article (its headline among them), where it names whom it is about.
LEAD_CLAIMS = 5
#: Titles of those who speak of many events (a governor, an admiral, a sheriff): naming one is no
#: sign that two articles tell one story.
_OFFICES = TITLES | frozenset(
    ("general", "chief", "sheriff", "undersheriff", "commissioner", "superintendent")
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")


def leading_people(claims: Sequence[Claim]) -> dict[str, set[tuple[str, str]]]:
    """Per source, the people its lead names in full, as (given name, surname): those
    ``persons`` reads as people, and names after a title ("Deputy Jerry Ortiz"); not its
    speakers, and not office holders ("Admiral Nirmal Verma", "Governor Jerry Brown")."""
    out: dict[str, set[tuple[str, str]]] = {}
    seen: dict[str, int] = {}
    for c in claims:
        found = out.setdefault(c.source, set())
        seen[c.source] = seen.get(c.source, 0) + 1
        if seen[c.source] > LEAD_CLAIMS:
            continue
        speaker = c.facts.speaker or ""
        for p in persons(c):
            title = _WORD_BEFORE.search(c.text, max(0, p.entity.start - 24), p.entity.start)
            if not speaker.endswith(p.entity.text) and not (title and title.group(1).lower() in _OFFICES):
                found.add((p.given, p.surname))
        for e in c.facts.entities:
            words = [w for w in e.text.split() if not _INITIAL.match(w)]
            if len(words) < 3 or words[0].lower() not in ROLE_WORDS or words[0].lower() in _OFFICES:
                continue
            name = words[1:]
            if speaker.endswith(e.text) or not 2 <= len(name) <= 3 or name[-1].lower() in ORG_HEADS:
                continue
            if all(w[:1].isupper() and w.lower() not in ROLE_WORDS for w in name):
                found.add((name[0].lower(), name[-1].lower()))
    return out


def full_names(claims: Sequence[Claim]) -> dict[str, dict[str, set[Entity]]]:
    """Per source, the full names it gives, by their first and their last word: an article that
    names "Raj K. Chohan" reads "Chohan" alone, and one that names "Lindsay Lohan" reads "Lindsay"."""
    out: dict[str, dict[str, set[Entity]]] = {}
    for c in claims:
        for e in c.facts.entities:
            words = e.key.split()
            if len(words) >= 2:
                for w in {words[0], words[-1]}:
                    out.setdefault(c.source, {}).setdefault(w, set()).add(e)
    return out


def _one_full_name(a: Entity, b: Entity) -> bool:
    """Two full names of one person: the same first and last word ("Raj K. Chohan" / "Raj
    Chohan"); "Esther Williams" and "Ben Williams" are two people, however alike as aliases."""
    x, y = a.key.split(), b.key.split()
    return x[0] == y[0] and x[-1] == y[-1] and same_entity(a, b)


def in_full(e: Entity, full: dict[str, set[Entity]]) -> Entity | None:
    """The one person a lone name is in its article (``full_names`` of its source), as the
    article first names them in full; None where it names no one so, or two ("Ravi Singh" and
    "Piara Singh"). A full name is itself."""
    if " " in e.key:
        return e
    names = full.get(e.key, set())
    if not names or not all(_one_full_name(a, b) for a, b in itertools.combinations(names, 2)):
        return None
    return min(names, key=lambda x: (x.start, x.text))
