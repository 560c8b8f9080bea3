"""Proper names without a tagger, and alias matching between outlets' spellings of them.

A name is a run of capitalised words, with the particles Arabic and European names carry inside
it. Words capitalised only because they open a sentence, titles in front of a name and time words
are dropped. Aliases ("Bashar al-Assad" / "Assad", "Syria" / "Syrian", "U.N." / "United Nations")
are decided on a normalised key by rules that keep near-miss names ("Hama" / "Hamas") apart:
short names must match exactly, and fuzzy matching only forgives spelling variation that
transliteration produces (vowels, a doubled letter, an "h").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from compare.records import Entity

from ..lexicon import (
    ABBREVIATIONS,
    ADJECTIVE_PREFIXES,
    COMMON_WORD_STOP,
    CONNECTORS,
    DEMONYM_SUFFIXES,
    DISTINGUISHING_WORDS,
    FALSE_DEMONYMS,
    IRREGULAR_DEMONYMS,
    MONTH_ABBR,
    MONTHS,
    NAME_SUFFIXES,
    NOT_NAMES,
    ORG_HEADS,
    PARTICLES,
    QUOTES,
    SENTENCE_STOP,
    SHIP_PREFIXES,
    TITLE_CASE_SPLITTERS,
    TITLE_MODIFIERS,
    TITLES,
    VESSEL_NOUNS,
    WEEKDAYS,
)

_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:['’]\w+)*(?:-\w+(?:['’]\w+)*)*['’]?")
_SENTENCE_END = frozenset(".!?:")
_POSSESSIVE_RE = re.compile(r"'s\b|'(?=\s|$)")
_INITIAL_RE = re.compile(r"\b([a-z])\.")
_WORD_RE = re.compile(r"[^\W_]+")
_GAP_STRIP = " \t\n\r" + QUOTES + "'‘’()[]{}—–-"
_OPEN_MARKS = frozenset(QUOTES + "‘'(")
_KEY_LIKE_RE = re.compile(r"[a-z0-9 ]+")
_SOFT = frozenset("aeiouyhw '-")
_VOWELS = frozenset("aeiouy")


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence (or of a quotation, or after a colon)
    cap: bool
    closes: bool = False  # a possessive or "-based" ends the name here
    gap: str = ""  # the text between the previous token and this one

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".")


def find_entities(text: str) -> tuple[Entity, ...]:
    """Proper names in ``text``, in reading order."""
    out: list[Entity] = []
    for piece in _runs(_tokens(text)):
        for part in _clean(piece):
            s, e = part[0].start, part[-1].end
            name = text[s:e]
            key = entity_key(name)
            if key:
                out.append(Entity(name, s, e, key))
    return tuple(out)


def entity_key(name: str) -> str:
    """Normalised form for alias matching: lower case, no particles, no "the", no possessive."""
    s = name.replace("’", "'").lower()
    s = _POSSESSIVE_RE.sub("", s)
    s = _INITIAL_RE.sub(r"\1", s)  # U.N. -> un
    tokens = _WORD_RE.findall(s.replace("-", " ").replace("'", ""))
    kept = [t for t in tokens if t not in PARTICLES and t != "the"]
    return " ".join(kept or tokens)


def same_entity(a: Entity | str, b: Entity | str) -> bool:
    """Whether two names (entities or speaker phrases) refer to the same thing."""
    ka, ta = _key_and_text(a)
    kb, tb = _key_and_text(b)
    if not ka or not kb or not could_be_same(ka, kb):
        return False
    if ka == kb:
        return True
    if _acronym(ka, ta, kb) or _acronym(kb, tb, ka):
        return True
    if _demonym(ka, kb) or _demonym(kb, ka):
        return True
    if _shorter_name(ka, kb) or _shorter_name(kb, ka):
        return True
    if _plural(ka, kb) or _plural(kb, ka):
        return True
    return _spelling_variant(ka, kb)


def could_be_same(ka: str, kb: str) -> bool:
    """A quick necessary condition for ``same_entity`` on two keys: False means it is False.
    Scoring thousands of candidate pairs with a few names each, most name pairs fail here."""
    return not _blocks(ka).isdisjoint(_blocks(kb))


@functools.lru_cache(maxsize=1 << 16)
def _blocks(key: str) -> frozenset[str]:
    """What a key shares with every key it can be an alias of, one entry per alias rule: its
    start (equal keys, demonyms, plurals), its first and last letters (spelling variants), its
    words (shorter names), its initials (acronyms) and its listed demonyms. Names are looked up
    only among names sharing one, and two keys sharing none are never the same."""
    words = key.split()
    out = {"3:" + key[:3], "F:" + ("V" if key[:1] in _VOWELS else key[:1]) + key[-1:]}
    out.update("w:" + w for w in words)
    if len(words) == 1 and 2 <= len(key) <= 6:
        out.add("A:" + key)
    elif len(words) > 1:
        out.update(("A:" + _initials(key), "A:" + "".join(w[0] for w in words)))
    for place, people in IRREGULAR_DEMONYMS.items():
        if key == place or key in people:
            out.add("D:" + place)
    return frozenset(out)


class NameIndex:
    """Names looked up by the blocks they share (``_blocks``), so that finding a name's aliases
    among thousands of names costs a few ``same_entity`` calls, not one per name."""

    def __init__(self) -> None:
        self.names: list[Entity | str] = []
        self._by_block: dict[str, list[int]] = {}

    def _near(self, name: Entity | str) -> list[int]:
        key = _key_and_text(name)[0]
        if not key:
            return []
        return sorted({i for b in _blocks(key) for i in self._by_block.get(b, ())})

    def _put(self, name: Entity | str) -> int:
        self.names.append(name)
        for b in _blocks(_key_and_text(name)[0]):
            self._by_block.setdefault(b, []).append(len(self.names) - 1)
        return len(self.names) - 1

    def has(self, name: Entity | str) -> bool:
        """Whether ``same_entity(name, n)`` holds for a name ``n`` kept."""
        return any(same_entity(name, self.names[i]) for i in self._near(name))

    def add(self, name: Entity | str) -> None:
        """Keep ``name`` unless an alias of it is kept already (the first of aliases stands)."""
        if _key_and_text(name)[0] and not self.has(name):
            self._put(name)


class AliasTable(NameIndex):
    """Every name of a batch, each once, with ``aliases(i)``: the indices ``j`` for which
    ``same_entity(names[i], names[j])`` holds (in that order: the rules are not all symmetric)."""

    def __init__(self) -> None:
        super().__init__()
        self._index: dict[Entity | str, int] = {}
        self._aliases: dict[int, frozenset[int]] = {}

    def id(self, name: Entity | str) -> int:
        if name not in self._index:
            self._index[name] = self._put(name)
            self._aliases.clear()  # a new name may be an alias of any name seen before
        return self._index[name]

    def aliases(self, i: int) -> frozenset[int]:
        if i not in self._aliases:
            name = self.names[i]
            self._aliases[i] = frozenset(j for j in self._near(name) if same_entity(name, self.names[j]))
        return self._aliases[i]


# --- tokens and runs --------------------------------------------------------------------


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = 0
    prev_abbrev = False
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        word = m.group()
        gap = text[prev_end:s]
        initial = _starts_sentence(gap, first=not toks, after_abbrev=prev_abbrev)
        closes = False
        cap = word[0].isupper() and word != "I"
        if "-" in word:
            parts = word.split("-")
            head = parts[0].lower().rstrip("'’")
            if head in ADJECTIVE_PREFIXES or (not parts[0][:1].isupper() and head not in PARTICLES):
                # "anti-Assad", "pro-Western": the name starts after the lower-case prefix.
                caps = [i for i in range(1, len(parts)) if parts[i][:1].isupper()]
                if caps:
                    off = len("-".join(parts[: caps[0]])) + 1
                    s, word, cap, initial = s + off, word[off:], True, False
                    gap = text[prev_end:s]
                else:
                    cap = False  # "Anti-regime activists", "Pro-government media"
            elif head in PARTICLES and parts[1][:1].isupper():
                cap = True  # "al-Assad"
            tail = word.rsplit("-", 1)
            if cap and len(tail) == 2 and tail[1].lower() in NAME_SUFFIXES:
                word = tail[0]
                e = s + len(word)
                closes = True
        if word.endswith(("'s", "’s", "'S", "’S")):
            word, e, closes = word[:-2], e - 2, True
        elif word.endswith(("'", "’")):
            word, e, closes = word[:-1], e - 1, True
        abbrev = word.endswith(".")  # "U.S." does not end a sentence
        if text[e : e + 1] == "." and (word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())):
            word, e, abbrev = word + ".", e + 1, True
        if word:
            toks.append(_Tok(word, s, e, initial, cap, closes, gap))
        prev_end = max(m.end(), e)
        prev_abbrev = abbrev
    return toks


def _starts_sentence(gap: str, *, first: bool, after_abbrev: bool) -> bool:
    core = gap.strip(_GAP_STRIP)
    if first:
        return not core
    if "\n" in gap:
        return True
    if core and core[-1] in _SENTENCE_END and not after_abbrev:
        return True
    # A quotation opening mid-sentence starts with a capital: 'said: "There is', 'said "We'.
    return bool(gap) and gap[-1] in _OPEN_MARKS and (len(gap) == 1 or gap[-2].isspace() or gap[-2] in ":,(")


def _runs(toks: list[_Tok]) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for i, t in enumerate(toks):
        joinable = bool(cur) and not cur[-1].closes and _gap_ok(t)
        if t.cap:
            if joinable and not t.initial:
                cur.append(t)
            else:
                if cur:
                    runs.append(cur)
                cur = [t]
            continue
        # a lower-case particle or connector joins two capitalised words: "Bank of England"
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            joinable
            and (t.low in PARTICLES or t.low in CONNECTORS)
            and nxt is not None
            and nxt.cap
            and not nxt.initial
            and _gap_ok(nxt)
        ):
            cur.append(t)
            continue
        if cur:
            runs.append(cur)
        cur = []
    if cur:
        runs.append(cur)
    return runs


def _gap_ok(t: _Tok) -> bool:
    # Names are joined by a single space; any punctuation between two words ends the name.
    return t.gap in (" ", "\u00a0")


_AGE_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?-(?:years?|months?|weeks?|days?)-old")


def _clean(run: list[_Tok]) -> list[list[_Tok]]:
    """Split a capitalised run into names: drop sentence-initial common words, time words,
    titles, and split title-case headlines at their function words."""
    pieces: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for i, t in enumerate(run):
        low = t.low
        # "Feb." is a date; "Jan Egeland" and "Theresa May" are people.
        is_time = (
            low in WEEKDAYS
            or (low in MONTH_ABBR and t.text.endswith("."))
            or (low in MONTHS and not (cur and cur[-1].low not in SENTENCE_STOP))
        )
        middle_initial = len(t.text) == 2 and t.text.endswith(".")  # "Bryant A. Dalton", not the article
        split_word = t.cap and low in TITLE_CASE_SPLITTERS and (i > 0 or t.initial) and not middle_initial
        if is_time or split_word:
            if cur:
                pieces.append(cur)
            cur = []
            continue
        if low in VESSEL_NOUNS and i + 1 < len(run) and run[i + 1].low.rstrip(".") in SHIP_PREFIXES:
            if cur:
                pieces.append(cur)
            cur = []
            continue  # "Warship INS Sukanya": the ship is "INS Sukanya"
        if not cur and t.cap and t.initial and _AGE_WORD_RE.fullmatch(low):
            continue  # "Sixty-year-old Sharron Smith": an age opening the sentence, not a name
        if not cur and t.cap and t.initial and low in SENTENCE_STOP:
            alone = i + 1 == len(run) or not run[i + 1].cap
            if low not in COMMON_WORD_STOP or alone:
                continue  # "In Paris", "Another group", "Activists say"; not "Local Council"
        if not cur and t.cap and t.initial and _PLURAL_NOUN_RE.fullmatch(low) and (i + 1 == len(run)):
            continue  # "Thieves stole", "Organizers said", "Environmentalists warned": people, no name
        cur.append(t)
    if cur:
        pieces.append(cur)
    out = []
    for p in pieces:
        out.extend(_split_titles(p))
    return [p for p in (_trim(p) for p in out) if p and _is_name(p)]


#: Plural common nouns of people and things by their ending ("Firefighters", "Thieves",
#: "Environmentalists", "Residents"); on ECB+ dev every sentence-opening word so ending is one.
_PLURAL_NOUN_RE = re.compile(r"[a-z]{3,}(?:ers|ors|ves|ists|ents|ants)")


def _is_title(t: _Tok) -> bool:
    parts = t.low.split("-")
    return t.cap and any(x in TITLES for x in parts) and all(x in TITLES | TITLE_MODIFIERS for x in parts)


def _split_titles(p: list[_Tok]) -> list[list[_Tok]]:
    idx = [i for i, t in enumerate(p) if _is_title(t)]
    if not idx:
        return [p]
    last = idx[-1]
    after = p[last + 1 :]
    while after and (after[0].low in CONNECTORS or after[0].low in TITLE_MODIFIERS or _is_title(after[0])):
        after = after[1:]
    before = p[: idx[0]]
    while before and (before[-1].low in TITLE_MODIFIERS or _is_title(before[-1])):
        before = before[:-1]
    # "the Foreign Minister" alone is no name; "French" in "French Foreign Minister ..." is one.
    return [x for x in (before, after) if x]


def _trim(p: list[_Tok]) -> list[_Tok]:
    while p and not p[-1].cap:
        p = p[:-1]
    while p and not p[0].cap:
        p = p[1:]
    return p


def _is_name(p: list[_Tok]) -> bool:
    if all(t.low in SENTENCE_STOP or t.low in TITLE_CASE_SPLITTERS for t in p):
        return False
    if len(p) == 1 and (len(p[0].text.rstrip(".")) < 2 or p[0].text.isdigit()):
        return False
    return True


# --- alias rules ------------------------------------------------------------------------


def _key_and_text(x: Entity | str) -> tuple[str, str]:
    if isinstance(x, Entity):
        return x.key, x.text
    return _phrase_key(x)


@functools.lru_cache(maxsize=1 << 14)
def _phrase_key(x: str) -> tuple[str, str]:
    # Speaker phrases recur in every comparison a claim takes part in: parse each once.
    if _KEY_LIKE_RE.fullmatch(x):
        # already a key ("bashar assad") or a lower-case phrase ("the ministry"): no names to find
        return " ".join(w for w in x.split() if w not in NOT_NAMES), x
    ents = find_entities(x)
    if ents:
        # A speaker phrase names its head last: "the Britain-based Syrian Observatory ...".
        return ents[-1].key, ents[-1].text
    words = [w for w in _WORD_RE.findall(x.lower()) if w not in SENTENCE_STOP or w in ORG_HEADS]
    return " ".join(words), x


def _initials(key: str) -> str:
    return "".join(t[0] for t in key.split() if t not in ("of", "for", "and", "the", "on", "in", "de"))


def _acronym(short_key: str, short_text: str, long_key: str) -> bool:
    if " " in short_key or " " not in long_key or not 2 <= len(short_key) <= 6:
        return False
    letters = "".join(c for c in short_text if c.isalpha())
    if not letters.isupper():
        return False
    return short_key in (_initials(long_key), "".join(t[0] for t in long_key.split()))


def _demonym(place: str, people: str) -> bool:
    if people in IRREGULAR_DEMONYMS.get(place, ()):
        return True
    if " " in place or " " in people or len(place) < 4 or (place, people) in FALSE_DEMONYMS:
        return False
    if people.endswith("s") and not place.endswith("s"):
        people = people[:-1]  # "Syrians", "Iraqis"
    for base in {place, place[:-1] if place[-1] in "aeoy" else place}:
        if people.startswith(base) and people[len(base) :] in DEMONYM_SUFFIXES:
            return True
    return False


def _plural(one: str, many: str) -> bool:
    # "Sunni" / "Sunnis"; a four-letter name plus "s" is usually another name ("Hama", "Hamas").
    return len(one) >= 5 and many == one + "s"


def _shorter_name(short: str, long: str) -> bool:
    """ "Assad" ~ "Bashar Assad"; "Syrian Observatory" ~ "Syrian Observatory for Human Rights"."""
    st, lt = short.split(), long.split()
    if len(st) >= len(lt):
        return False
    if any(c in lt for c in ("of", "for", "and")):
        # An organisation's name shortened to what precedes "of"/"for".
        head = lt[: min(lt.index(c) for c in ("of", "for", "and") if c in lt)]
        return len(st) >= 2 and st == head
    if len(lt) > 4 or not set(st) <= set(lt):
        return False
    extra = set(lt) - set(st)
    if extra & DISTINGUISHING_WORDS:
        return False  # "Sudan" is not "South Sudan", "Korea" not "North Korea"
    return st[-1] == lt[-1]


def _spelling_variant(a: str, b: str) -> bool:
    """ "Allawite" ~ "Alawite", "Mohammed" ~ "Muhammad"; never "Hama" ~ "Hamas" or "Johnson" ~
    "Johnston". Only vowels, "h", "w" and doubled letters may differ, never the first or the last
    letter (Mario / Maria are two people)."""
    if min(len(a), len(b)) < 5 or a[-1] != b[-1]:
        return False
    if a[0] != b[0] and not (a[0] in _VOWELS and b[0] in _VOWELS):
        return False
    if ratio(a, b) < 75:
        return False
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            ca, cb = a[op.src_pos], b[op.dest_pos]
            if not (ca in _VOWELS and cb in _VOWELS):
                return False
            if op.src_pos == len(a) - 1 or op.dest_pos == len(b) - 1:
                return False
        elif op.tag == "delete":
            if not _soft_at(a, op.src_pos):
                return False
        elif not _soft_at(b, op.dest_pos):
            return False
    return True


def _soft_at(s: str, i: int) -> bool:
    if i == len(s) - 1 or i == 0:
        return False
    c = s[i]
    return c in _SOFT or c == s[i - 1] or (i + 1 < len(s) and c == s[i + 1])
