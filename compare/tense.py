"""What a claim says has happened, and what it says is yet to happen: "the Mysore replaced the
Tabar a fortnight ago" against "the Mysore will eventually replace the Tabar". One source tells a
plan, the other a deed: a reader must know which is true (or, where the plan was published first,
that it has since come about).

Only what names both who and whom is read ("<subject> will <verb> <object>", "<subject> <verb>ed
<object>"): a verb alone ("will resign", "resigned") says too little to tell one act from another,
and the same verb with another subject or object is another act ("Smith will replace Jones" /
"Brown replaced Jones").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .dates import YEAR_RE
from .extract import same_entity
from .lexicon import NOT_ACT_VERBS
from .reading import clause_span
from .records import Claim, Entity, TimeRef

#: "will", "is set to", "plans to" and a verb, an adverb allowed between ("will eventually replace").
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:set|expected|due|scheduled|slated|going|poised)\s+to|plans?\s+to"
    r"|(?:is|are)\s+to)\s+(?:(?:soon|eventually|also|later|now|then|likely|probably|shortly)\s+)?"
    r"(?P<verb>[a-z]{3,})\b"
)
#: A regular past tense: "replaced", "attacked", "carried", "stopped".
_PAST_RE = re.compile(r"\b(?P<verb>[a-z]{3,}(?:ed))\b")
#: Before a past form: a passive ("was replaced": the object is the subject), a negation, a
#: modal ("would have replaced", "to be replaced"): none tells the deed.
_NOT_DONE_BEFORE_RE = re.compile(
    r"\b(?:was|were|been|be|being|is|are|not|never|n't|would|could|should|might|may|must|to|if)\s+"
    r"(?:(?:[a-z]+ly|have|yet|not)\s+){0,3}$"
)
#: Between the verb and its object: a few lower-case words ("replaced stealth frigate INS Tabar").
_OBJECT_GAP_RE = re.compile(r"(?:\s+[a-z][\w-]*){0,3}\s+")
#: Between the subject and the verb: an apposition or a relative pronoun at most, no full stop.
_SUBJECT_GAP = 60


@dataclass(frozen=True)
class Told:
    """An act a claim tells as done or as yet to come."""

    claim: str
    source: str
    verbs: frozenset[str]  # the base forms it may be of: "replaced" -> {"replace", "replac"}
    done: bool
    subject: Entity
    object: Entity
    text: str  # the words that tell it: "will eventually replace the Tabar"
    start: int
    end: int
    when: tuple[TimeRef, ...] = ()  # the times its clause gives ("on Friday", "in 2009")


def _bases(past: str) -> frozenset[str]:
    """The base forms a regular past tense may come from."""
    stem = past[:-2]  # "attacked" -> "attack"
    out = {stem, past[:-1]}  # "replaced" -> "replace"
    if past.endswith("ied"):
        out.add(past[:-3] + "y")  # "carried" -> "carry"
    if len(stem) > 3 and stem[-1] == stem[-2]:
        out.add(stem[:-1])  # "stopped" -> "stop"
    return frozenset(out)


def _object(claim: Claim, end: int) -> Entity | None:
    for e in claim.facts.entities:
        if e.start >= end:
            return e if _OBJECT_GAP_RE.fullmatch(claim.text, end, e.start) else None
    return None


def _subject(claim: Claim, start: int) -> Entity | None:
    before = [e for e in claim.facts.entities if e.end <= start]
    if not before:
        return None
    e = before[-1]
    gap = claim.text[e.end : start]
    return e if len(gap) <= _SUBJECT_GAP and not re.search(r"[.;:]\s", gap) else None


@functools.lru_cache(maxsize=1 << 14)
def told(claim: Claim) -> tuple[Told, ...]:
    """The acts a claim tells with a named subject and object, each as done or to come."""
    text = claim.text
    out = []
    for m, done in [
        *((m, False) for m in _FUTURE_RE.finditer(text)),
        *((m, True) for m in _PAST_RE.finditer(text)),
    ]:
        verb = m["verb"].lower()
        if not done and verb in NOT_ACT_VERBS:
            continue
        if done and _NOT_DONE_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
            continue
        obj = _object(claim, m.end("verb"))
        subj = _subject(claim, m.start())
        if obj is None or subj is None or same_entity(obj, subj):
            continue
        verbs = _bases(verb) if done else frozenset({verb})
        left, right = clause_span(text, m.start(), obj.end)
        when = tuple(t for t in claim.facts.times if left <= t.start < right)
        span = text[m.start() : obj.end]
        out.append(Told(claim.id, claim.source, verbs, done, subj, obj, span, m.start(), obj.end, when))
    return tuple(out)


def tense_conflicts(xs: tuple[Told, ...], ys: tuple[Told, ...]) -> list[tuple[Told, Told]]:
    """Pairs of one act, by one subject to one object, told as done by one claim and as yet to
    come by the other."""
    return [
        (x, y)
        for x in xs
        for y in ys
        if x.done != y.done
        and x.verbs & y.verbs
        and same_entity(x.object, y.object)
        and same_entity(x.subject, y.subject)
        and _one_occasion(x, y)
    ]


def _one_occasion(x: Told, y: Told) -> bool:
    """A plan and a deed that can be one occasion: not each given its own time ("will play the
    Yankees on Friday" / "played the Yankees on Tuesday"), and no deed of another year ("will
    visit Mexico next week" / "visited Mexico in 2009")."""
    if x.when and y.when:
        return False
    return not any(YEAR_RE.search(t.text) for t in (*x.when, *y.when))
