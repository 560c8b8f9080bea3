"""Who a claim is attributed to: "X said", "said X", "according to X", "X, who ..., said".

The speaker is returned as written ("the Britain-based Syrian Observatory for Human Rights",
"he"); pronouns are resolved later, with the claims around them (see ``context``). Reporting
verbs inside a quotation belong to the quoted person's story, not to the attribution, so quoted
text is never searched.
"""

from __future__ import annotations

import re

from ..lexicon import (
    ABBREVIATIONS,
    ADVERBS_BEFORE_VERB,
    APPOSITION_STARTERS,
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_OPENERS,
    DETERMINERS,
    GENERIC_REPORTS,
    INVERTING_VERBS,
    MONTHS,
    NP_LINKS,
    PREPOSITIONS,
    QUOTES,
    SENTENCE_ABBREVIATIONS,
    SENTENCE_STOP,
    SPEECH_VERBS,
    WEEKDAYS,
)

_VERB_RE = re.compile(r"\b(?:" + "|".join(sorted(set(SPEECH_VERBS), key=len, reverse=True)) + r")\b")
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_TRANSCRIPT_RE = re.compile(r"^\s*([A-Z][A-Z.'’ -]{0,40}[A-Z.]):\s")
_TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[A-Z]\.){2,}|\w+(?:['’.-]\w+)*['’]?|[^\w\s]")

_TIME_WORDS = frozenset([*WEEKDAYS, *MONTHS, "today", "tonight", "yesterday", "tomorrow"])
_BOUNDARY_PUNCT = frozenset(".,;:!?()[]{}" + QUOTES + "—–")


def find_speaker(text: str) -> tuple[str, tuple[int, int]] | None:
    """The phrase the claim is attributed to and its span, or None."""
    m = _TRANSCRIPT_RE.match(text)
    if m and any(c.isalpha() for c in m.group(1)):
        return m.group(1), m.span(1)
    quoted = quote_spans(text)
    toks = [(t.group(), t.start(), t.end()) for t in _TOKEN_RE.finditer(text)]
    starts = {s: i for i, (_, s, _) in enumerate(toks)}
    candidates: list[tuple[int, tuple[int, int]]] = []
    for v in _VERB_RE.finditer(text):
        if _inside(v.start(), quoted) or v.start() not in starts:
            continue
        span = _speaker_for_verb(text, toks, starts[v.start()])
        if span:
            candidates.append((v.start(), span))
            break
    for a in _ACCORDING_RE.finditer(text):
        if _inside(a.start(), quoted):
            continue
        span = _according_to(text, toks, a.end())
        if span:
            candidates.append((a.start(), span))
            break
    if not candidates:
        return None
    s, e = min(candidates)[1]
    return text[s:e], (s, e)


def quote_spans(text: str, inside: bool = False) -> list[tuple[int, int]]:
    """Spans of quoted text. ``inside``: the text continues a quotation opened before it."""
    return scan_quotes(text, inside)[0]


def scan_quotes(text: str, inside: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Quoted spans, and whether a quotation is still open at the end of ``text``.

    A straight quote opens when it follows a space (or the start) and precedes a word; otherwise
    it closes. A closing quote with nothing open means the quotation began before this text.
    """
    spans = []
    open_at: int | None = 0 if inside else None
    for i, c in enumerate(text):
        if c not in QUOTES:
            continue
        opening = c in "“„‟«" or (
            c == '"'
            and open_at is None
            and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-:")
            and i + 1 < len(text)
            and not text[i + 1].isspace()
        )
        if opening:
            if open_at is None:
                open_at = i
        else:
            spans.append((open_at if open_at is not None else 0, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans, open_at is not None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _is_word(tok: str) -> bool:
    return tok[0].isalnum() or tok[0] == "_"


def _boundary(toks, i: int) -> bool:
    """Whether token i ends the stretch of text that can hold the subject."""
    tok = toks[i][0]
    if tok == ".":
        prev = toks[i - 1][0] if i else ""
        # "Dr.", and a state after a town, capitalised: "the U.S. Geological Survey in Golden, Colo.,
        # said" (not "taken ill." or "the sun.")
        abbrev = prev.lower() in ABBREVIATIONS or (
            prev[:1].isupper() and prev.lower() in SENTENCE_ABBREVIATIONS
        )
        return not (abbrev or (len(prev) == 1 and prev.isupper()))
    return tok in _BOUNDARY_PUNCT or tok == "-"


def _speaker_for_verb(text: str, toks, vi: int):
    verb = toks[vi][0]
    nxt = toks[vi + 1][0].lower() if vi + 1 < len(toks) else ""
    if nxt in ("by", "for") or (verb in ("said", "reported", "believed") and nxt == "to"):
        return None  # passive "reported by", "is said to be"; not speech: "reported for duty"
    i = vi - 1
    while i >= 0 and _skippable_before_verb(toks[i][0]):
        i -= 1
    if i >= 0 and toks[i][0].lower() in _TIME_WORDS:
        i -= 1  # "Fares on Thursday said"
        if i >= 0 and toks[i][0].lower() == "on":
            i -= 1
    if i >= 0 and toks[i][0].lower() in BE_FORMS:
        return None  # "was told", "were reported"
    if i < 0:
        return None
    if toks[i][0] == ",":
        span = _apposition(text, toks, i)
        if span:
            return span
    if _boundary(toks, i):
        return (
            _inverted(toks, vi) if verb in INVERTING_VERBS and toks[i][0] in (",",) + tuple(QUOTES) else None
        )
    return _subject_before(toks, i)


def _skippable_before_verb(word: str) -> bool:
    # "The activist group also said", "Fares has repeatedly said"
    low = word.lower()
    return low in ADVERBS_BEFORE_VERB or (word.islower() and low.endswith("ly") and len(low) > 3)


def _collect_back(toks, i: int, limit: int = 20) -> list[int]:
    """Indices of the words before token i (inclusive) up to a boundary, in reading order."""
    idx: list[int] = []
    j = i
    while j >= 0 and len(idx) < limit:
        if _boundary(toks, j):
            break
        word = toks[j][0]
        low = word.lower()
        if low in CLAUSE_OPENERS and not (low == "and" and idx and _nounish_and(toks, j)):
            break
        if low == "that" and idx and not _relative_that(toks, idx[-1]):
            break  # complementiser: "reports that Tlass said"
        if word != "." and not _is_word(word) and word not in ("'", "’", "&"):
            break
        idx.append(j)
        j -= 1
    idx.reverse()
    return idx


def _nounish_and(toks, j: int) -> bool:
    # "Opposition leaders and Western officials said": "and" joins two noun phrases; after a
    # verb-like word ("fired rockets and activists said") it joins clauses, which we cannot tell
    # apart without a parser, so require no finite verb to its left within the stretch.
    k = j - 1
    while k >= 0 and not _boundary(toks, k):
        if toks[k][0].lower() in AUXILIARIES or toks[k][0].lower() in CLAUSE_OPENERS:
            return False
        k -= 1
    return True


def _relative_that(toks, after: int) -> bool:
    w = toks[after][0]
    return w.lower() in AUXILIARIES or w.lower().endswith(("ed", "ly")) and w.islower()


def _clean_np(toks, idx: list[int]) -> tuple[int, int] | None:
    # a relative clause belongs to the subject but is not its name: "one of the officials who..."
    for k, j in enumerate(idx):
        if toks[j][0].lower() in ("who", "which", "whose", "that") and k > 0:
            idx = idx[:k]
            break
    while idx and toks[idx[0]][0].lower() in ("and", "or", "but", "then", "so", "also"):
        idx = idx[1:]
    while idx and not _is_word(toks[idx[-1]][0]):
        idx = idx[:-1]
    if not idx or len(idx) > 12:
        return None
    words = [toks[j][0].lower() for j in idx]
    if words[0] in ("who", "which", "whose", "that"):
        return None  # a verb inside a relative clause does not attribute the sentence
    if words[0] in PREPOSITIONS or any(w in AUXILIARIES for w in words):
        return None  # "In Paris Fabius said", "the plan was what officials said"
    if all(w in DETERMINERS for w in words):
        return None  # "the reported attack"
    for k in range(1, len(words)):
        if words[k] in ("the", "a", "an") and words[k - 1] not in NP_LINKS:
            return None  # two noun phrases side by side: "a conflict the Red Cross declared"
    return toks[idx[0]][1], toks[idx[-1]][2]


def _subject_before(toks, i: int):
    return _clean_np(toks, _collect_back(toks, i))


def _apposition(text: str, toks, comma: int):
    """ "Fares, who defected last week, said" -> Fares; "Another group, the Local Coordination
    Committees, said" -> the Local Coordination Committees: the name wins over a description."""
    j = comma - 1
    while j >= 0 and toks[j][0] != "," and not (_boundary(toks, j) and toks[j][0] != ","):
        j -= 1
    if j < 0 or toks[j][0] != ",":
        return None
    inner = list(range(j + 1, comma))
    if not inner:
        return None
    head = _subject_before(toks, j - 1) if j > 0 and not _boundary(toks, j - 1) else None
    first = toks[inner[0]][0]
    described = (
        first.lower() in APPOSITION_STARTERS
        or first[0].isdigit()
        or any(toks[k][0].lower() in AUXILIARIES for k in inner)
    )
    if described:
        return head
    appos = _clean_np(toks, inner)
    if head is None:
        return appos
    head_named = _has_name(toks, head)
    appos_named = appos is not None and _has_name(toks, appos)
    if not head_named and appos_named:
        return appos
    return head


def _has_name(toks, span) -> bool:
    """Whether a capitalised word in ``span`` is a name rather than a sentence-initial word."""
    words = [t[0] for t in toks if t[1] >= span[0] and t[2] <= span[1] and _is_word(t[0])]
    for n, w in enumerate(words):
        if w[0].isupper() and not (n == 0 and w.lower() in SENTENCE_STOP):
            return True
    return False


def _inverted(toks, vi: int):
    """'"...," said Fares.' -> Fares; stops at the first comma or full stop."""
    idx = []
    j = vi + 1
    while j < len(toks) and len(idx) < 8:
        w = toks[j][0]
        low = w.lower()
        if _boundary(toks, j) or low in PREPOSITIONS or low in CLAUSE_OPENERS or low == "that":
            break
        idx.append(j)
        j += 1
    if not idx or toks[idx[0]][0].lower() in _TIME_WORDS:
        return None
    words = [toks[k][0].lower() for k in idx]
    if any(w in AUXILIARIES for w in words):
        return None
    return _clean_np(toks, idx)


def _according_to(text: str, toks, pos: int):
    idx = []
    for j, (w, s, _) in enumerate(toks):
        if s < pos:
            continue
        low = w.lower()
        if _boundary(toks, j) or low in CLAUSE_OPENERS or low == "that" or (idx and low in AUXILIARIES):
            break
        idx.append(j)
        if len(idx) >= 12:
            break
    if not idx:
        return None
    words = {toks[k][0].lower() for k in idx}
    if words <= GENERIC_REPORTS:
        return None  # "according to reports" is a hedge, not a source
    span = _clean_np(toks, idx)
    return span
