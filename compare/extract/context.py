"""Attribution that needs the neighbouring claims: pronoun speakers and unattributed quotations.

A sentence rarely names its speaker twice: '"...," Fares said. "There is no way..."' gives the
second quotation to Fares only through the paragraph, and '"...," he said' needs the person the
story was last talking about. Both rules look only backwards within one source (and, for
quotations, within one paragraph), so a claim is never given a speaker from another outlet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from compare.records import Claim, Entity, Facts

from ..lexicon import COMMON_VERBS, DETERMINERS, ORG_HEADS, QUOTES, TITLE_MODIFIERS, TITLES
from .attribution import scan_quotes
from .entities import find_entities, same_entity
from .facts import extract

_PRONOUN_TABLE = {"he": "person", "she": "person", "they": "group", "it": "thing"}
_OTHER_PRONOUNS = frozenset({"we", "i", "you"}) | set(_PRONOUN_TABLE)
#: "The Syrian government blames ..." -> "It says ..." refers to "The Syrian government".
_INSTITUTION_SUBJECT_RE = re.compile(
    r"\s*((?:The|the)\s+(?:[\w'’-]+\s+){0,3}?(?:"
    + "|".join(sorted(ORG_HEADS - {"rights", "news", "times", "post"}))
    + r"))\b(?!['’])"
)
#: A definite description standing for an organisation named just before ("the group", "the
#: activist group", "the New York-based organization"): resolved like a pronoun.
_BACK_REFERENCE_RE = re.compile(
    r"(?i)^the\s+(?:[\w'’-]+\s+){0,2}(?:group|organi[sz]ation|agency|monitor|watchdog|network|coalition|body)$"
)
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")
#: Share of a claim inside quotation marks above which it is a quotation, not narrative.
PURE_QUOTE_SHARE = 0.6


def annotate(claims: Sequence[Claim], published: dt.date | None) -> tuple[Claim, ...]:
    """Claims with ``facts`` filled in; claims of one source must come in reading order. Relative
    times resolve against ``published``, or a claim's own ``reference_date`` (an embedded post's)."""
    facts: list[Facts] = [extract(c.text, c.reference_date or published, c.speaker) for c in claims]
    pure: list[bool] = []
    open_quote: dict[tuple[str, int], bool] = {}
    # per source, the last person, group and institution the story spoke of
    tables: dict[str, dict[str, str]] = {"person": {}, "group": {}, "thing": {}}
    # per source, names used somewhere other than a sentence's first word, one per key
    seen_mid: dict[str, dict[str, Entity]] = {}

    for i, c in enumerate(claims):
        f = facts[i]
        src = c.source
        block = (src, c.block)
        inside = open_quote.get(block, False)
        spans, open_quote[block] = scan_quotes(c.text, inside)
        body = c.text.strip()
        quoted = sum(e - s for s, e in spans)
        starts_quoted = inside or body[:1] in QUOTES or body[:1] in "‘"
        pure.append(bool(body) and starts_quoted and quoted >= PURE_QUOTE_SHARE * len(body))

        pronoun = (f.speaker or "").lower()
        if not c.speaker and pronoun in _PRONOUN_TABLE:
            table = tables[_PRONOUN_TABLE[pronoun]]
            if src in table:
                f = facts[i] = dataclasses.replace(f, speaker=table[src])
        elif (
            not c.speaker
            and _BACK_REFERENCE_RE.match(f.speaker or "")
            and src in tables["group"]
            and find_entities(tables["group"][src])
        ):
            # "The activist group also said" names no one: it is the group last quoted by name.
            f = facts[i] = dataclasses.replace(f, speaker=tables["group"][src])
        elif c.speaker or f.speaker:
            named = c.speaker or f.speaker
            if pronoun not in _OTHER_PRONOUNS:
                tables["group"][src] = named
                person = _person_name(named)
                if person:
                    tables["person"][src] = person
                elif _institution(named):
                    tables["thing"][src] = named
        else:
            subject = _subject(c.text, f.entities, seen_mid.get(src, {}))
            if subject:
                tables["person"][src] = subject
            elif thing := _INSTITUTION_SUBJECT_RE.match(c.text):
                tables["thing"][src] = thing.group(1)
        known = seen_mid.setdefault(src, {})
        for e in f.entities:
            if e.start > 0:
                known.setdefault(e.key, e)

    paragraphs: dict[tuple[str, int], list[int]] = {}
    for i, c in enumerate(claims):
        paragraphs.setdefault((c.source, c.block), []).append(i)
    for i, c in enumerate(claims):
        if not pure[i] or facts[i].speaker:
            continue
        donor = _nearest_speaker(paragraphs[(c.source, c.block)], facts, i)
        if donor:
            facts[i] = dataclasses.replace(facts[i], speaker=donor, speaker_span=None)

    # A Title Case headline capitalises every word, so its capitalised runs are not evidence of
    # names ("Top Syrian Defector Calls"): keep only those the same article names elsewhere.
    for i, c in enumerate(claims):
        if _title_case(c.text):
            body = [
                e for j, f in enumerate(facts) if claims[j].source == c.source and j != i for e in f.entities
            ]
            kept = tuple(e for e in facts[i].entities if any(same_entity(e, b) for b in body))
            facts[i] = dataclasses.replace(facts[i], entities=kept)

    return tuple(dataclasses.replace(c, facts=f) for c, f in zip(claims, facts, strict=True))


_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


def _title_case(text: str) -> bool:
    words = _LONG_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _nearest_speaker(paragraph: list[int], facts: list[Facts], i: int) -> str | None:
    """The speaker of the closest attributed claim in the same paragraph, earlier ones first
    (a quotation usually continues the one attributed before it)."""
    before = [j for j in paragraph if j < i and facts[j].speaker]
    if before:
        return facts[before[-1]].speaker
    after = [j for j in paragraph if j > i and facts[j].speaker]
    return facts[after[0]].speaker if after else None


def _person_name(phrase: str) -> str | None:
    """The person a speaker phrase names ("French Foreign Minister Laurent Fabius" -> "Laurent
    Fabius"), or None for groups and institutions ("the ministry", "Human Rights Watch")."""
    words = phrase.split()
    if not words or words[0].lower() in DETERMINERS:
        return None
    ents = find_entities(phrase)
    if not ents:
        return None
    head = ents[-1]
    if phrase[head.end :].strip():
        return None  # the head noun is not a name: "Syria's ambassador to Iraq"
    return head.text if _personlike(head) else None


def _institution(phrase: str) -> bool:
    """A singular institution a later "it" can refer to ("Syria's Foreign Ministry")."""
    last = phrase.split()[-1].lower() if phrase.split() else ""
    return last in ORG_HEADS and last not in ("rights", "forces", "nations", "committees", "brigades")


def _personlike(e: Entity) -> bool:
    if any(t in ORG_HEADS for t in e.key.split()):
        return False
    letters = [ch for ch in e.text if ch.isalpha()]
    return not (len(letters) <= 4 and all(ch.isupper() for ch in letters))  # CNN, NATO, AP


def _subject(text: str, entities: tuple[Entity, ...], known: dict[str, Entity]) -> str | None:
    """A person's name that opens the sentence as its subject ("Fares condemned ...").

    A lone capitalised first word may be a common noun ("Cluster bombs explode ..."), so it
    counts only if the source uses it as a name elsewhere or a past-tense verb follows it."""
    if not entities:
        return None
    e = entities[0]
    prefix = text[: e.start].strip(" \t\"'“‘(")
    if any(w.lower().rstrip(".") not in TITLES | TITLE_MODIFIERS for w in prefix.split()):
        return None
    if text[e.end : e.end + 1] in ("'", "’", "-"):
        return None  # "Syria's unrest", "Britain-based"
    if not _personlike(e):
        return None
    if " " not in e.key and e.key not in known and not any(same_entity(e, k) for k in known.values()):
        nxt = _NEXT_WORD_RE.match(text, e.end)
        verb = nxt.group(1) if nxt else ""
        if not (verb.endswith("ed") or verb in COMMON_VERBS):
            return None  # "Cluster bombs explode": a common noun that happens to lead
    return e.text
