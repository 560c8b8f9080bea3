"""Corefer: an unnamed person in one source read as the person another source names.

ThinkProgress writes "a top general and Assad confidant defected two weeks ago"; CBS writes
"Brig. Gen. Manaf Tlass, an Assad confidant and son of a former defense minister, fled Syria
last week". No sentence embedding sees one fact there (MiniLM: cosine 0.31), because the name,
the strongest cue, is on one side only. A reader joins them through the description: a general,
an Assad confidant. This stage does the same, and conservatively:

- only an *indefinite* description ("a", "an", "another" ... a role noun) counts: it brings in
  someone its source does not name, while "the general" points back at someone it did name;
- a named person's description in another source is the title before the name ("Brig. Gen.")
  and the appositive after it (", an Assad confidant and son of ...");
- the two must share a role noun and at least one more word ("general" and "confidant", or
  "Assad"); generic modifiers ("top", "senior", "former") do not count;
- exactly one person across the other sources fits best, and the description's own source never
  names that person (if it knew the name, it would have used it).

A resolved description becomes an entity of its claim (its own words and offsets, the person's
alias key) with a ``Reference`` that names the describing claim and the shared words, so a
finding built on it shows why two claims were joined. The claim is embedded with the name put
beside the description ("Manaf Tlass, a top general and Assad confidant, defected ...").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence

from .extract.entities import NameIndex, entity_key, same_entity
from .lexicon import (
    GENERIC_MODIFIERS,
    GRAMMAR_STOP,
    INDEFINITES,
    PLAIN_VERBS,
    PREDICATE_CUES,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    TITLES,
)
from .records import Claim, Entity, Reference

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*|\S")
_APPOSITIVE_RE = re.compile(
    r"(?:'s)?\s*,\s+((?:a|an|the|his|her|its|their|[A-Z][\w-]*'s)\s+[^,;:()\"]{2,120}?)"
    r"(?=\s*(?:,|;|:|\(|\)|\"|--|\.\s|\.$|$))"
)
_TITLE_RUN_RE = re.compile(r"((?:[A-Za-z][\w-]*\.?\s+){1,4})$")
#: At most this many words between the article and the role noun that ends a description.
_SPAN = 8


def _norm(word: str) -> str:
    w = entity_key(word.rstrip(".")) if word[:1].isupper() else word.replace("’", "'").lower().rstrip(".")
    w = w.removesuffix("'s")
    w = TITLE_WORDS.get(w, w)
    return w[:-1] if w.endswith("s") and w[:-1] in ROLE_NOUNS else w


def _content(words: Sequence[str]) -> frozenset[str]:
    out = set()
    for word in words:
        w = _norm(word)
        if w and w not in GRAMMAR_STOP and w not in GENERIC_MODIFIERS and w not in ("and", "of", "s"):
            out.add(w)
    return frozenset(out)


def descriptions(claim: Claim) -> list[tuple[Entity, frozenset[str]]]:
    """Named people in a claim with the words that describe them: a title before the name and
    an appositive after it. A name with no role noun among them is not taken for a person."""
    text, out = claim.text, []
    for e in claim.facts.entities:
        words: list[str] = []
        run = _TITLE_RUN_RE.search(text[max(0, e.start - 80) : e.start])  # four words at most
        if run:
            for w in reversed(run.group(1).split()):
                low = w.lower().rstrip(".")
                if (
                    low not in TITLES
                    and low not in TITLE_MODIFIERS
                    and low not in ROLE_NOUNS
                    and low not in TITLE_WORDS
                ):
                    break
                words.append(w)
        apposition = _appositive(text, e.end)
        if apposition:
            words.extend(_TOKEN_RE.findall(apposition))
        described = _content(words)
        if described & ROLE_NOUNS:
            out.append((e, described))
    return out


def _appositive(text: str, end: int) -> str | None:
    """The phrase set off by commas after a name that ends at ``end`` (", an Assad confidant and
    son of a former defense minister,"), or None; a phrase with a verb is a clause, not one."""
    m = _APPOSITIVE_RE.match(text, end)
    if m and not any(_verb(w) for w in _TOKEN_RE.findall(m.group(1))):
        return m.group(1)
    return None


def _verb(word: str) -> bool:
    """Roughly: a word that makes a clause of a phrase, so the phrase is no appositive."""
    return word[:1].islower() and (word.endswith("ed") or word in PLAIN_VERBS)


def _ends_description(toks: list[re.Match], j: int) -> bool:
    """A role noun ends a description unless a noun follows it ("a general strike"); a verb
    ("defected", "says"), a function word or punctuation does."""
    if j + 1 >= len(toks):
        return True
    nxt = toks[j + 1].group()
    low = nxt.lower()
    return (
        not nxt[0].isalpha() or low in GRAMMAR_STOP or _verb(nxt) or (nxt[0].islower() and low.endswith("s"))
    )


def unnamed(claim: Claim) -> list[tuple[int, int, frozenset[str]]]:
    """Indefinite descriptions of a person: (start, end, content words)."""
    text = claim.text
    toks = list(_TOKEN_RE.finditer(text))
    named_ends = {e.end for e in claim.facts.entities}
    out = []
    for i, t in enumerate(toks):
        if t.group().lower() not in INDEFINITES:
            continue
        if i and toks[i - 1].group().lower() in PREDICATE_CUES:
            continue
        last = None
        for j in range(i + 1, min(len(toks), i + 1 + _SPAN)):
            w = toks[j].group()
            if not w[0].isalpha() or (w.lower() != "and" and (w.lower() in GRAMMAR_STOP or _verb(w))):
                break  # a description ends before a verb or a function word
            if _norm(w) in ROLE_NOUNS and _ends_description(toks, j):
                last = j
        if last is None:
            continue
        if (
            i >= 2
            and toks[i - 1].group() == ","
            and toks[i - 2].end() in named_ends
            and _appositive(text, toks[i - 2].end())
        ):
            # an appositive, "Tlass, a top general, fled", names him; "Besides Fares, a general fled" does not
            continue
        if any(toks[last].end() <= e.start <= toks[last].end() + 3 for e in claim.facts.entities):
            continue  # "a top general, Manaf Tlass," names him too
        words = _content([x.group() for x in toks[i + 1 : last + 1]])
        if words & ROLE_NOUNS:
            out.append((t.start(), toks[last].end(), words))
    return out


def resolve(claims: Sequence[Claim], describers: Collection[str] | None = None) -> tuple[Claim, ...]:
    """Claims with each indefinite description that fits exactly one person another source
    names added as an entity of that person, with its ``Reference``.

    ``describers`` limits the sources whose named people may be used: a draft held against its
    sources must not lend a source the name the source never gave."""
    people: list[tuple[Claim, Entity, frozenset[str]]] = []
    by_word: dict[str, list[int]] = {}
    for c in claims:
        if describers is None or c.source in describers:
            for e, d in descriptions(c):
                for w in d & ROLE_NOUNS:
                    by_word.setdefault(w, []).append(len(people))
                people.append((c, e, d))
    if not people:
        return tuple(claims)
    named: dict[str, NameIndex] = {}
    for c in claims:
        index = named.setdefault(c.source, NameIndex())
        for e in c.facts.entities:
            index.add(e)
    out = []
    for c in claims:
        refs, extra = [], []
        for start, end, words in unnamed(c):
            best, fits = 0, []
            for owner, person, described in (
                people[k] for k in sorted({k for w in words & ROLE_NOUNS for k in by_word.get(w, ())})
            ):
                if owner.source == c.source:
                    continue
                shared = words & described
                if not shared & ROLE_NOUNS or len(shared) < 2:
                    continue
                if len(shared) > best:
                    best, fits = len(shared), []
                if len(shared) == best:
                    fits.append((owner, person, shared))
            if not fits or named[c.source].has(fits[0][1]):
                continue
            if any(not same_entity(fits[0][1], p) for _, p, _ in fits[1:]):
                continue  # two people fit as well: no guess
            owner, person, shared = fits[0]
            refs.append(
                Reference(
                    text=c.text[start:end],
                    start=start,
                    end=end,
                    name=person.text,
                    key=person.key,
                    source=owner.source,
                    claim=owner.id,
                    shared=tuple(sorted(shared)),
                )
            )
            extra.append(Entity(c.text[start:end], start, end, person.key))
        if refs:
            entities = tuple(sorted((*c.facts.entities, *extra), key=lambda e: (e.start, e.end)))
            c = dataclasses.replace(
                c, facts=dataclasses.replace(c.facts, entities=entities, references=tuple(refs))
            )
        out.append(c)
    return tuple(out)


def embedding_text(claim: Claim) -> str:
    """The claim with each resolved description preceded by the name it stands for, as an
    embedding model should read it: "Manaf Tlass, a top general and Assad confidant, defected"."""
    text = claim.text
    for r in sorted(claim.facts.references, key=lambda r: r.start, reverse=True):
        rest = text[r.end :]
        text = (
            text[: r.start]
            + f"{r.name}, {text[r.start : r.end]}"
            + ("" if rest[:1] in ",.;:!?" else ",")
            + rest
        )
    return text
