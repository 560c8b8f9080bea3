"""What a claim says did not happen, clause by clause: "Lindsay never checked into Morningside"
denies that she checked into Morningside, whatever else the sentence goes on to say ("... but is
back at Betty Ford"), and "Lohan had checked into Morningside Recovery Center Thursday morning"
affirms it. The sentence-level negation detector asks two whole sentences to be near copies; a
denial is the one clause, so it meets the clause that affirms it wherever that is told.

A denial is kept only where it can be checked: a plain negated past or present deed (not a modal
"would not", not "did not say", "is not known", "not yet clear"), done to a named thing
("Morningside"), so that "did not check in" is never held against some other check-in.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .extract import same_entity
from .lexicon import stem
from .reading import clause_span
from .records import Claim, Entity

#: Negations of a deed: "never", "not", "n't" ("didn't", "hasn't").
_CUE_RE = re.compile(r"\b(?:never|not|\w+n['\u2019]t)\b", re.I)
#: Before the cue: a modal or a wish is no report that something did not happen.
_MODAL_BEFORE_RE = re.compile(
    r"\b(?:would|could|should|might|may|must|will|shall|can|wo|ca|to|if|whether|why)\s*$", re.I
)
_MODAL_CUE_RE = re.compile(r"^(?:wouldn|couldn|shouldn|mightn|mustn|won|can|shan)['\u2019]t$", re.I)
#: Words between the cue and the deed: "never once checked", "has not yet been".
_FILLER = frozenset("ever yet once even actually really also have has had be been being do did to".split())
#: Deeds that tell what someone knows, says or wants, not what happened.
_NOT_A_DEED = frozenset(
    """
    say said says tell told know known knew think thought believe believed want wanted expect
    expected seem seemed appear appeared sure clear certain likely immediately available comment
    commented respond responded return returned plan planned intend intended need needed go going
    get got like liked see seen
    """.split()
)
_WORD_RE = re.compile(r"[A-Za-z][a-z'-]+")
#: Past participles and past forms that do not end in "-ed".
_IRREGULAR = frozenset(
    """
    met meet made make won win lost lose left leave held hold paid pay took taken take gave given
    give sold sell bought buy found find shot shoot hit struck strike sent send brought bring led
    lead ran run saw seen wrote written spoke spoken signed fled flee caught catch stole stolen
    """.split()
)
#: What may stand between a deed and the name it is done to: "checked in to the Morningside".
_BETWEEN = frozenset(
    "in into to at on onto with the a an for from of out off up down by over his her their its".split()
)
_DO_CUE_RE = re.compile(r"^(?:did|does|do)(?:n['’]t)?$|^(?:didn|doesn|don)['’]t$", re.I)
#: An affirmed deed that is only intended or possible: "in negotiations to direct", "would meet".
_NOT_DONE_BEFORE_RE = re.compile(r"\b(?:to|would|could|will|may|might|can|should|must|shall)\s+$", re.I)


_ARTICLES = frozenset("the a an his her their its".split())
_PARTICLES = {
    "in": "in",
    "into": "in",
    "out": "out",
    "off": "off",
    "up": "up",
    "down": "down",
    "over": "over",
}


def _deed(claim: Claim, verb: re.Match, thing: Entity) -> str:
    """The deed's stem with its particle or preposition: "checked into" and "checked in to" are
    one deed, "checked out of" another, "worked for" and "worked with" two."""
    between = [w.lower() for w in _WORD_RE.findall(claim.text[verb.end() : thing.start])]
    first = between[0] if between else ""
    particle = _PARTICLES.get(first, "" if first in _ARTICLES else first)
    return f"{stem(verb.group().lower())} {particle}".strip()


#: After the named thing, words that bound the denial in time: "did not check into Morningside
#: until Thursday" says she did, later; "has not visited Cuba since 2010" that she did, before.
_BOUNDED_AFTER_RE = re.compile(
    r"\W*(?:\w+\W+){0,2}?(?:until|till|before|since|after|again|anymore|any\s+more|yet)\b", re.I
)


def _deed_word(word: str, after_do: bool) -> bool:
    w = word.lower()
    return w.endswith("ed") or w in _IRREGULAR or (after_do and len(w) > 2 and w not in _FILLER)


def _object(claim: Claim, verb_end: int, right: int) -> Entity | None:
    """The name a deed is done to: right after it, or after a few prepositions and articles."""
    for e in claim.facts.entities:
        if verb_end <= e.start < right:
            between = _WORD_RE.findall(claim.text[verb_end : e.start])
            possessor = claim.text.startswith(("'s", "\u2019s"), e.end)  # "questioned Smith's wife"
            if len(between) <= 3 and all(w.lower() in _BETWEEN for w in between) and not possessor:
                return e
            return None
    return None


#: An affirmed deed negated after all: a cue in the few words before it.
_NEGATED_BEFORE_RE = re.compile(r"\b(?:never|not|no|\w+n['\u2019]t)\b(?:\s+\w+){0,2}\s*$", re.I)


@dataclass(frozen=True)
class Denial:
    """One clause of a claim saying a deed to a named thing did not happen."""

    deed: str  # the stem of the verb, with its particle ("check in")
    thing: Entity  # what it was done to ("Morningside")
    subject: tuple[Entity, ...]  # the names before the cue in its clause ("Lindsay")
    text: str  # the clause as written, from the cue ("never checked into Morningside")


@functools.lru_cache(maxsize=1 << 14)
def denials(claim: Claim) -> tuple[Denial, ...]:
    if not claim.facts.negation_cues:
        return ()
    text, out = claim.text, []
    for m in _CUE_RE.finditer(text):
        if _MODAL_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()) or _MODAL_CUE_RE.match(m.group()):
            continue
        left, right = clause_span(text, m.start(), m.end())
        words = [w for w in _WORD_RE.finditer(text, m.end(), right)]
        before = _WORD_RE.findall(text[max(0, m.start() - 12) : m.start()])
        after_do = bool(_DO_CUE_RE.match(m.group())) or bool(before and _DO_CUE_RE.match(before[-1]))
        if m.group().lower() == "not" and text[m.end() : m.end() + 4].lower() == " to ":
            continue  # "decided not to direct": a choice, told before the deed
        while words and words[0].group().lower() in _FILLER:
            words.pop(0)
        if not words or words[0].group().lower() in _NOT_A_DEED or words[0].group()[0].isupper():
            continue
        verb = words[0]
        if not _deed_word(verb.group(), after_do):
            continue  # "never been an Oscar nominee", "not his own failure": no deed
        thing = _object(claim, verb.end(), right)
        if thing is None or _BOUNDED_AFTER_RE.match(text, thing.end):
            continue
        subject = tuple(e for e in claim.facts.entities if left <= e.start < m.start())
        out.append(Denial(_deed(claim, verb, thing), thing, subject, text[m.start() : thing.end]))
    return tuple(out)


def _same_thing(x: Entity, y: Entity) -> bool:
    """One name, or one told short: "Morningside" / "Morningside Recovery Center"."""
    if same_entity(x, y):
        return True
    a, b = x.key.split(), y.key.split()
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and long[: len(short)] == short


@dataclass(frozen=True)
class Affirmed:
    """Where a claim tells a denied deed done: the words, and the names before them in their clause."""

    text: str  # "checked into Morningside Recovery Center"
    subject: tuple[Entity, ...]


_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|his|her|their|its|this|that)\s+$", re.I)
_DO_BEFORE_RE = re.compile(r"\b(?:did|does|do)\s+$", re.I)


def affirmed(denial: Denial, claim: Claim) -> Affirmed | None:
    """Where ``claim`` tells the denied deed done to the same named thing, as a verb (not "the
    arrest of John Doe"), not negated there, not only intended ("in negotiations to direct");
    None where it does not. Whose deed it is the caller asks of the two subjects."""
    text = claim.text
    for w in _WORD_RE.finditer(text):
        if stem(w.group().lower()) != denial.deed.split()[0]:
            continue
        if _NEGATED_BEFORE_RE.search(text, max(0, w.start() - 24), w.start()):
            continue
        if _NOT_DONE_BEFORE_RE.search(text, max(0, w.start() - 8), w.start()):
            continue
        if _DETERMINER_BEFORE_RE.search(text, max(0, w.start() - 8), w.start()):
            continue  # a noun: "demanded the arrest of John Doe"
        after_do = bool(_DO_BEFORE_RE.search(text, max(0, w.start() - 8), w.start()))
        if not _deed_word(w.group(), after_do):
            continue
        left, right = clause_span(text, w.start(), w.end())
        thing = _object(claim, w.end(), right)
        if thing is None or not _same_thing(thing, denial.thing) or _deed(claim, w, thing) != denial.deed:
            continue
        subject = tuple(e for e in claim.facts.entities if left <= e.start < w.start())
        return Affirmed(text[w.start() : thing.end], subject)
    return None
