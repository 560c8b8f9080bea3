"""Quantities: a number, the range its qualifier allows, and the noun it counts.

Every quantity is a range so that the diff engine can ask one question, "can both be true?":
"more than 17,000" and "17,500" can, "six" and "seven" cannot. Years, dates and times of day are
left to the time finder; a number that names something ("Route 66", "F-16") is not a quantity.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from compare.records import Quantity, TimeRef

from ..lexicon import (
    ADJECTIVE_ENDINGS,
    BEFORE_PRONOUN_ONE,
    COMPOUND_UNITS,
    COUNT_ADJECTIVES,
    CURRENCIES,
    DEMONYM_PLURAL_ENDINGS,
    FRACTIONS,
    IRREGULAR_PLURALS,
    NOT_UNITS,
    NOUNS_LIKE_ADJECTIVES,
    NUMBER_WORDS,
    ONE_IDIOMS,
    PERSON_UNITS,
    PLAIN_VERBS,
    QUALIFIERS,
    SCALE_SUFFIXES,
    SCALES,
    SENTENCE_STOP,
    UNIT_DIMENSIONS,
    UNITS_BEFORE,
    VULGAR_FRACTIONS,
    WEEKDAYS,
    YEAR_CUES,
    month_number,
    parse_number_words,
)
from .phones import find_phones
from .times import point_spans

INF = math.inf

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: Fractions news writes: "1/2", "3/4" (a numerator below the denominator: "9/11" is no fraction).
_FRACTION = r"[1-7]/[2348](?![\d/])"
_VULGAR = "".join(VULGAR_FRACTIONS)
_CORE_RE = re.compile(
    rf"(?P<cur>US\$|A\$|C\$|NZ\$|HK\$|\$|£|€|¥|₹)?"
    rf"(?:(?<![\w.,/:])(?P<neg>minus[\s-]+|\u2212)?(?P<num>{_DIGITS})"
    rf"(?P<frac>(?:\s+|-){_FRACTION}|[{_VULGAR}])?(?![\d/])(?P<suf>[A-Za-z]+)?"
    rf"(?:[\s-]+(?P<scale>thousand|million|billion|trillion)\b)?"
    rf"|(?<![\w.,/:-])(?P<bare>{_FRACTION}|[{_VULGAR}])"
    rf"|(?<![\w-])(?P<half>half)\s+an?\s+(?!(?:dozen|hundred|thousand|million|billion|trillion)\b)(?=[a-z])"
    rf"|(?<![\w-])(?P<one>an?)\s+(?=[a-z]+\s+and\s+a\s+half\b"
    # a span between two events: "died a week after suffering a heart attack"
    rf"|(?:day|week|month|year|decade)\s+(?:after|before|earlier|later)\b)"
    rf"|(?<![\w-])(?P<words>{NUMBER_WORDS})\b)",
    re.IGNORECASE,
)
_AND_HALF_RE = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_TIME_OF_DAY_RE = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|GMT\b|UTC\b|EST\b|EDT\b|BST\b|CET\b)"
    r"|\b\d{1,2}:\d{2}\b",
    re.IGNORECASE,
)

_Q_KIND = {q: k for k, qs in QUALIFIERS.items() for q in qs}
_Q_RE = re.compile(
    r"(?:^|(?<=[\s(\"'“]))(?P<q>"
    + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_Q_KIND, key=len, reverse=True))
    + r")\s+$|~\s*$",
    re.IGNORECASE,
)
_POST_RE = re.compile(
    r"(?:\s+or\s+(?P<q>more|so|fewer|less)\b|(?P<plus>\+|-plus\b|\s+plus\b)|(?P<odd>-odd\b))",
    re.IGNORECASE,
)
_RANGE_SEP_RE = re.compile(r"\s*(?:-|–|—|\bto\b|\band\b|\bor\b)\s*", re.IGNORECASE)
_PERCENT_RE = re.compile(r"\s*(?:%|per\s?cent\b)", re.IGNORECASE)
_PCT_POINT_RE = re.compile(r"\s*percentage\s+points?\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")

_PRE_UNIT_RE = re.compile(r"\b(magnitude|aged|age)(?:\s+of)?[\s-]+$", re.IGNORECASE)
_SCORE_AROUND_RE = re.compile(r"\d+[-–]\d")
_SCORE_BEFORE_RE = re.compile(r"\d[-–]$")
_LABEL_BEFORE_RE = re.compile(r"[A-Za-z]-$|#$|\b(?:No|Nos|no|nos|Number|number)\.?\s+$")
_CAPITAL_BEFORE_RE = re.compile(r"([A-Z][\w'’.]*)\s+$")
_MORE_RE = re.compile(r"[ \t]+(?:other|more|further|additional|extra)(?=[ \t]+[a-z])")
_PREV_WORD_RE = re.compile(r"(\w+)\s*$")
#: Second halves of compound adjectives that end in a participle ("worst-hit", "quake-stricken").
_PARTICIPLES = frozenset(("hit", "struck", "stricken", "affected", "damaged", "built", "run", "owned"))
#: Participles that stand before a noun as adjectives do: what is counted is the noun after them.
_EN_PARTICIPLES = frozenset(
    "written stolen broken hidden sworn frozen spoken fallen chosen forgotten".split()
)
_HYPHEN_UNIT_RE = re.compile(r"-([A-Za-z]+)")
_COMPOUND_UNIT_RE = re.compile(
    r"\s*("
    + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(COMPOUND_UNITS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
#: A model name between a number and its noun: "AK-47", "AK 47", "M16", "F-16" (plural "AK-47s").
_MODEL_RE = re.compile(r"\s+([A-Z][A-Za-z]{0,3}(?:\s*-\s*|\s)?\d{1,4}[A-Za-z]?)(?:s\b|\b)")


def singular(word: str) -> str:
    """Lower-case singular of a counted noun; good enough for the nouns news counts."""
    w = word.lower().replace("’", "'")
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith(("ss", "us", "is")) or len(w) <= 3:
        return w
    if w.endswith("s"):
        return w[:-1]
    return w


@dataclass
class _Core:
    start: int  # including a currency sign
    end: int
    value: float
    digits: bool
    unit: str = ""
    unit_end: int = 0  # end of a unit attached to the number itself ("%", "km", "-month")
    raw: str = ""


def find_quantities(text: str, *, times: Sequence[TimeRef] | None = None) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, in reading order.

    ``times``: the time expressions already found in ``text``, so they need not be found again;
    numbers inside dates and "two weeks ago" are times, not quantities."""
    excluded = point_spans(text, times) + [m.span() for m in _TIME_OF_DAY_RE.finditer(text)]
    excluded += [(p.start, p.end) for p in find_phones(text)]  # "0845 125 2222" counts nothing
    cores = [c for c in _cores(text) if not any(c.start < e and s < c.end for s, e in excluded)]
    out: list[Quantity] = []
    i = 0
    while i < len(cores):
        a = cores[i]
        if out and a.start < out[-1].end:  # inside the last quantity: "14 AK-47 rifles" holds no 47
            i += 1
            continue
        b = cores[i + 1] if i + 1 < len(cores) else None
        pre = _qualifier_before(text, a.start)
        losing = b is not None and _is_losing_record(text, a, b)
        if b is not None and not losing and _is_range(text, a, b, pre):
            q = _build(text, a, b, pre)
            i += 2
        elif b is not None and (losing or _is_score(text, a, b, pre)):
            # Each side of a score keeps its position as its unit, so "7 to 2" against "7 to 2"
            # never pits 7 against 2, while "3-1" against "3-2" still differs on the second side.
            kind = "record" if _is_record(text, a, b) else "score"
            out.append(_quantity(text, a.start, a.end, a.value, a.value, a.value, kind, f"{kind}:1"))
            out.append(_quantity(text, b.start, b.end, b.value, b.value, b.value, kind, f"{kind}:2"))
            i += 2
            continue
        else:
            q = _build(text, a, None, pre)
            i += 1
        if q is not None:
            out.append(q)
    return tuple(out)


def quantities_conflict(a: Quantity, b: Quantity) -> bool:
    """True when the two count the same thing and no single value satisfies both."""
    if a.unit != b.unit:
        if not ((a.unit == "" and b.unit in PERSON_UNITS) or (b.unit == "" and a.unit in PERSON_UNITS)):
            return False
    # A relative tolerance keeps 3.5 and 3.50000001 (or rounding in a ±10% bound) from clashing.
    tol = 1e-9 * max(1.0, abs(a.value), abs(b.value))
    return a.high + tol < b.low or b.high + tol < a.low


# --- finding numbers --------------------------------------------------------------------


def _cores(text: str) -> list[_Core]:
    cores = []
    pos = 0
    while m := _CORE_RE.search(text, pos):
        core = _core(text, m)
        pos = m.end()
        if core is not None:
            cores.append(core)
            if m["words"] and core.end < m.end():
                pos = core.end  # "six and seven": the grammar stopped early; read on from there
        elif m["words"]:
            pos = m.start("words") + len(m["words"].split()[0].split("-")[0])
    return cores


def _fraction(text: str) -> float:
    """ "1/2" or "½" -> 0.5."""
    text = text.strip(" -")
    if text in VULGAR_FRACTIONS:
        return VULGAR_FRACTIONS[text]
    n, d = text.split("/")
    return int(n) / int(d)


def _core(text: str, m: re.Match) -> _Core | None:
    cur = m["cur"]
    if m["bare"] is not None:  # "1/2 mile", "½ mile"
        return _Core(m.start("bare"), m.end("bare"), _fraction(m["bare"]), True, raw=m["bare"])
    if m["half"] is not None:  # "half a mile": the unit follows
        return _Core(m.start("half"), m.end(), 0.5, False, raw=m.group().strip())
    if m["one"] is not None:  # "a mile and a half": the half follows the unit (see _build)
        return _Core(m.start("one"), m.end("one"), 1.0, False, raw=m["one"])
    if m["num"] is not None:
        start, end = m.start("num"), m.end("num")
        raw = m["num"]
        value = float(raw.replace(",", ""))
        if m["frac"]:  # "3 1/2", "3-1/2", "3½"
            value += _fraction(m["frac"])
            end = m.end("frac")
            raw = text[start:end]
        suf = (m["suf"] or "").lower()
        unit, unit_end = "", 0
        if suf in ("st", "nd", "rd", "th", "s", "am", "pm"):
            return None  # ordinal, decade or clock time
        if len(suf) >= 3 and suf not in _GLUED_UNITS and singular(suf) not in _GLUED_UNITS:
            return None  # a name written with a figure: "the 76ers", "the 49ers"
        if suf in SCALE_SUFFIXES and (cur or suf in ("bn", "mn", "tn")):
            value *= SCALE_SUFFIXES[suf]  # "$5m", "3bn"
            end = m.end("suf")
        elif suf:
            unit, unit_end = singular(suf), m.end("suf")  # "5km", "10kg"
            end = unit_end
        if m["scale"]:
            value *= SCALES[m["scale"].lower()]
            end = m.end("scale")
        if m["neg"]:  # "minus 17 degrees", "minus-20"
            value, start = -value, m.start("neg")
        elif _is_identifier(text, start):
            return None
        core = _Core(m.start() if cur else start, end, value, True, unit, unit_end, raw)
    else:
        parsed = parse_number_words(m["words"])
        if parsed is None:
            return None
        value, length = parsed
        start = m.start("words")
        end = start + length
        raw = text[start:end]
        # Sentence-initial "One" and pronoun-like "one" ("one of the", "no one") are not counts.
        if raw.lower() == "one" and _one_is_pronoun(text, start, end):
            return None
        if _is_identifier(text, start) and not raw[0].islower():
            return None
        if half := _AND_HALF_RE.match(text, end):  # "two and a half years"
            value, end = value + 0.5, half.end()
            raw = text[start:end]
        core = _Core(m.start() if cur else start, end, value, False, "", 0, raw)
    if cur:
        core.unit, core.unit_end = CURRENCIES.get(cur.upper(), "dollar"), 0
    return core


#: Units written onto their figure ("20mph", "3lbs"); other letters there make a name ("76ers").
_GLUED_UNITS = frozenset(
    "mph kph kmh lbs lb hrs hr yrs yr min mins sec secs sqft sqm kms kgs mls ozs gal".split()
) | frozenset(UNIT_DIMENSIONS)


def _is_identifier(text: str, start: int) -> bool:
    """A number that names something: "Route 66", "F-16", "No. 5", "COVID-19", "#3"."""
    before = text[max(0, start - 30) : start]
    if _LABEL_BEFORE_RE.search(before) and not _PRE_UNIT_RE.search(before):  # "magnitude-5.9" is a value
        return True
    if _SCORE_AROUND_RE.match(text, start) or _SCORE_BEFORE_RE.search(before):
        return False  # "Arsenal 4-1": a score after a team's name
    m = _CAPITAL_BEFORE_RE.search(before)
    if m:
        word = m.group(1).rstrip(".").lower()
        if word.endswith(("'s", "’s")) or word in SENTENCE_STOP or month_number(word) or word in WEEKDAYS:
            return False
        return True
    return False


def _one_is_pronoun(text: str, start: int, end: int) -> bool:
    nxt = _WORD_RE.match(text, end)
    if nxt is None or nxt.group(1).lower() in ONE_IDIOMS:
        return True
    prev = _PREV_WORD_RE.search(text[max(0, start - 20) : start])
    return bool(prev and prev.group(1).lower() in BEFORE_PRONOUN_ONE)


# --- assembling a quantity --------------------------------------------------------------


def _qualifier_before(text: str, start: int) -> tuple[str, str, int] | None:
    """(qualifier as written, kind, its start) directly before ``start``."""
    window_start = max(0, start - 40)
    m = _Q_RE.search(text, window_start, start)
    if not m:
        return None
    if m["q"] is None:  # "~"
        return "~", "approx", m.start()
    q = " ".join(m["q"].lower().split())
    return q, _Q_KIND[q], m.start("q")


def _is_range(text: str, a: _Core, b: _Core, pre) -> bool:
    gap = text[a.end : b.start]
    if a.unit_end:  # "5km-10km" is not written; "5km" then "-10" is something else
        return False
    sep = _RANGE_SEP_RE.fullmatch(gap)
    if not sep or not a.value < b.value:
        return False
    word = gap.strip().lower()
    if word == "and":
        return pre is not None and pre[0] in ("between", "anywhere between")
    if word == "to" and pre is not None and pre[0] == "from":
        return False  # "rose from 5 to 10" is a change, not a range
    if word == "or":
        # "five or six people" is a range; "20 or 300" is more likely two different counts.
        return (not a.digits and not b.digits) or b.value - a.value <= max(1.0, a.value / 2)
    if word in ("-", "–", "—"):
        return a.digits == b.digits
    return True


#: A season's wins and losses, not one game's score: "Cleveland was 20-3", "a 9-14 record".
_RECORD_BEFORE_RE = re.compile(
    r"\b(?:was|is|are|were|stood\s+at|stands\s+at|improved\s+to|fell\s+to|dropped\s+to|moved\s+to)\s+$", re.I
)
_RECORD_AFTER_RE = re.compile(r"\s+(?:record|mark|start)\b", re.I)
_SCORE_AFTER_RE = re.compile(r"\s+(?:down|up|ahead|behind|lead|win|victory|defeat|loss|draw)\b", re.I)


def _is_record(text: str, a: _Core, b: _Core) -> bool:
    if (named := _named_record(text, a, b)) is not None:
        return named
    return bool(_RECORD_BEFORE_RE.search(text, max(0, a.start - 20), a.start)) and not _SCORE_AFTER_RE.match(
        text, b.end
    )


def _named_record(text: str, a: _Core, b: _Core) -> bool | None:
    """True where the words say record ("a 9-14 record", "a mark of 122-147"), False where a measure
    follows ("a record 10-15 inches of snow" is a range), None where neither tells."""
    if _unit_after(text, b.end)[0] in UNIT_DIMENSIONS:
        return False
    if _RECORD_AFTER_RE.match(text, b.end) or _RECORD_OF_RE.search(text, max(0, a.start - 20), a.start):
        return True
    if NAME_BRACKET_RE.search(text, max(0, a.start - 40), a.start) and _BRACKET_END_RE.match(text, b.end):
        return True  # "Bowe (45-1, 33 KOs)", "the Lakers (45-20)": a fighter's or a team's record
    return None


#: A bracket opened right after a name ("Riddick Bowe (", "the Lakers (") and what closes a record
#: in it: the bracket, a count of knockouts ("45-1, 33 KOs)") or draws ("15-2-1)").
NAME_BRACKET_RE = re.compile(r"\b[A-Z][\w'’.-]*\s*\(\s*$")
_BRACKET_END_RE = re.compile(r"\s*(?:\)|,\s*\d+\s*(?:KOs?|knockouts?)\b|-\d+\s*\))")


#: What tells a losing record ("122-147") from a range ("5-10 people") once the record word is gone:
#: "a mark of 122-147", "Cheeks is 122-147 in three-plus seasons", "the Sixers are 9-14 this season".
_RECORD_OF_RE = re.compile(r"\b(?:mark|record)\s+of\s+$", re.I)
_SEASONS_AFTER_RE = re.compile(
    r"\s+(?:(?:in|over|during|across)\s+(?:[\w-]+\s+){0,2}(?:seasons?|games)\b|(?:this|last)\s+season\b"
    r"|on\s+the\s+(?:season|year|road)\b|at\s+home\b|overall\b|as\s+(?:head\s+)?coach\b)",
    re.I,
)


def _is_losing_record(text: str, a: _Core, b: _Core) -> bool:
    """A season's wins and losses with fewer wins, which a range would read as "122 to 147"."""
    if a.unit or b.unit or not (a.digits and b.digits) or text[a.end : b.start] not in ("-", "–"):
        return False
    if (named := _named_record(text, a, b)) is not None:
        return named
    before = _RECORD_BEFORE_RE.search(text, max(0, a.start - 20), a.start)
    return bool(before) and bool(_SEASONS_AFTER_RE.match(text, b.end))


def _is_score(text: str, a: _Core, b: _Core, pre) -> bool:
    """ "won 3-1", "a 2-2 draw", "voted 7 to 2": a tally, the first side not smaller. (With the
    first side smaller, "5-10 people" and "five to ten people" are ranges.)"""
    if a.unit or b.unit or a.digits != b.digits or a.value >= 1000:
        return False
    gap = text[a.end : b.start]
    if gap in ("-", "–"):
        return a.digits and a.value >= b.value
    # "fell from 7 to 2" is a change of one figure, not a tally
    return gap.strip().lower() == "to" and gap != "to" and a.value > b.value and not pre


def _build(text: str, a: _Core, b: _Core | None, pre) -> Quantity | None:
    last = b or a
    value = a.value if b is None else (a.value + b.value) / 2
    start = a.start
    qualifier, kind = "", "exact"
    if pre is not None and (b is not None or pre[1] != "range"):
        qualifier, kind, start = pre
    if b is not None:
        qualifier, kind = qualifier or "between", "range"

    end = last.end
    unit = last.unit or a.unit
    if last.unit_end:
        end = last.unit_end
    pct = _PCT_POINT_RE.match(text, end)
    if pct:
        unit, end = "percentage point", pct.end()
    elif (pct := _PERCENT_RE.match(text, end)) and not unit:
        unit, end = "percent", pct.end()
    post = _POST_RE.match(text, end)
    if post and kind == "exact":
        word = (post["q"] or "").lower()
        if word == "more" or post["plus"]:
            kind, qualifier = "low", post.group().strip().lower()
        elif word in ("fewer", "less"):
            kind, qualifier = "high", post.group().strip().lower()
        else:
            kind, qualifier = "approx", post.group().strip().lower()
        end = post.end()
    if not unit and (pre_unit := _PRE_UNIT_RE.search(text, max(0, start - 16), start)):  # "magnitude of 5.9"
        unit = UNITS_BEFORE[pre_unit.group(1).lower()]  # "magnitude 7.1", "aged 34"
    if not unit:
        unit, unit_end = _unit_after(text, end)
        if unit_end:
            end = unit_end
    if a.raw.lower() in ("a", "an"):  # "a mile and a half", "a week after"
        half = _AND_HALF_RE.match(text, end)
        if not unit or not half and UNIT_DIMENSIONS.get(unit, ("",))[0] != "time":
            return None
        if half:
            value, end = 1.5, half.end()
            a = _Core(a.start, end, 1.5, False, raw=text[a.start : end])
            last = a
    if unit in FRACTIONS:
        return None  # "one-third", "two halves": fractions, not counts
    if not a.unit and b is None and _looks_like_year(text, a, kind, unit):
        return None
    if not a.digits and a.raw.lower() == "one" and not unit and kind == "exact":
        return None

    low, high = sorted(_bounds(kind, value, a.value, last.value))  # a negative value flips the bounds
    return _quantity(text, start, end, value, low, high, qualifier, unit)


def _bounds(kind: str, value: float, a: float, b: float) -> tuple[float, float]:
    if kind == "low":
        return value, INF
    if kind == "high":
        return 0.0, value
    if kind == "near":
        return value * 0.85, value
    if kind == "approx":
        return value * 0.9, value * 1.1
    if kind == "range":
        return a, b
    return value, value


def _quantity(text, start, end, value, low, high, qualifier, unit) -> Quantity:
    return Quantity(text[start:end], start, end, value, low, high, qualifier, unit)


def _looks_like_year(text: str, a: _Core, kind: str, unit: str) -> bool:
    """A bare 1800-2099 integer is a year unless it plainly counts something."""
    if not a.digits or "," in a.raw or "." in a.raw or not 1800 <= a.value <= 2099:
        return False
    if kind != "exact":
        return False  # "at least 2000 people"
    prev = _PREV_WORD_RE.search(text[max(0, a.start - 20) : a.start])
    if prev and prev.group(1).lower() in YEAR_CUES:
        return True
    return not unit


def _unit_after(text: str, end: int) -> tuple[str, int]:
    """The noun a number counts and where it ends; ("", 0) when the number stands alone."""
    # "17-month crackdown", "26-year-old": a hyphenated unit is attached to the number.
    if text.startswith("-", end):
        tail = text[end + 1 : end + 40].replace("-", " ")  # "1,500-square-kilometer": hyphens as spaces
        if compound := _COMPOUND_UNIT_RE.match(tail):
            return COMPOUND_UNITS[" ".join(compound.group(1).lower().split())], end + 1 + compound.end()
        m = _HYPHEN_UNIT_RE.match(text, end)
        if m and m.group(1).lower() not in NOT_UNITS:
            return singular(m.group(1)), m.end()
        return "", 0
    if more := _MORE_RE.match(text, end):
        end = more.end()  # "three other rifles", "two more boats": what they count is rifles, boats
    if compound := _COMPOUND_UNIT_RE.match(text, end):  # "nautical miles", "miles per hour"
        return COMPOUND_UNITS[" ".join(compound.group(1).lower().split())], compound.end()
    if model := _MODEL_RE.match(text, end):  # "14 AK-47 rifles", "Seven AK-47s"
        # The model is what is counted, whatever noun follows it: "seven AK-47s", "seven AK 47 rifles"
        # and "seven AK-47 assault rifles" count one thing, and a part of "nine rifles".
        kind = re.sub(r"(?<=\d)s$", "", re.sub(r"[\s-]", "", model.group(1).lower()))
        if compound := _COMPOUND_UNIT_RE.match(text, model.end()):  # "seven AK-47 assault rifles"
            return kind, compound.end()
        noun = _WORD_RE.match(text, model.end())
        word = noun.group(1) if noun else ""
        # "14 AK-47 rifles", "14 AK-47 Rifles" (a product's noun may be capitalised too)
        if word and (word.islower() or word[1:].islower()) and word.lower() not in NOT_UNITS:
            return kind, noun.end(1)
        return kind, model.end()
    words = []
    pos = end
    for _ in range(3):
        m = _WORD_RE.match(text, pos)
        if not m:
            break
        words.append((m.group(1), m.end(1)))
        pos = m.end(1)
    if not words:
        return "", 0
    for i, (w, w_end) in enumerate(words):
        lw = w.lower()
        nxt = words[i + 1][0] if i + 1 < len(words) else None
        nxt_content = nxt is not None and nxt.lower() not in NOT_UNITS and not nxt.lower().endswith("ly")
        if lw in NOT_UNITS or lw.endswith("ly") and lw not in ("family", "ally"):
            return "", 0
        if w[0].isupper() and lw.endswith(DEMONYM_PLURAL_ENDINGS) and len(lw) > 4:
            return singular(w), w_end  # "2,000 Syrians", "300 Americans"
        adjectival = (
            w[0].isupper()
            or lw in COUNT_ADJECTIVES
            or (lw.endswith(ADJECTIVE_ENDINGS) and lw not in NOUNS_LIKE_ADJECTIVES)
            or ("-" in lw and lw.rsplit("-", 1)[1] in _PARTICIPLES)  # "12 worst-hit villages"
            or lw in _EN_PARTICIPLES  # "250,000 written comments" are comments
        )
        if adjectival and nxt_content and nxt and nxt[0].islower() and i < 2:
            continue  # "seven unarmed civilians", "20 Syrian soldiers": skip to the noun
        if w[0].isupper():
            return "", 0  # "killed 20 Thursday", "seven in Hama"
        if (lw.endswith("ed") and lw not in NOUNS_LIKE_ADJECTIVES) or lw in PLAIN_VERBS:
            return "", 0  # "seven died in Treemseh", "6.1 struck": a verb, the count stands alone
        if lw.endswith("ing") and lw not in NOUNS_LIKE_ADJECTIVES:
            return "", 0  # "two fleeing", "20 including"
        if _compound_head(lw, nxt) and i + 1 < len(words):
            # "3 bank employees", "five merchant vessels": the noun counted is the last, and the one
            # before it says which (merchant vessels are not the pirates' boats)
            return f"{lw} {singular(nxt)}", words[i + 1][1]
        return singular(w), w_end
    return "", 0


def _compound_head(word: str, nxt: str | None) -> bool:
    """Whether ``word`` modifies a plural noun after it ("3 bank employees", "10 police officers"),
    told by shape alone: a singular noun that is no unit of measure, then a lower-case plural that
    is no verb ("two boats sank" and "12 hour shifts" keep their first noun)."""
    if not nxt or not nxt.islower() or word.endswith("s") or word in UNIT_DIMENSIONS:
        return False
    n = nxt.lower()
    return (
        n.endswith("s")
        and not n.endswith(("ss", "us", "is"))
        and n not in NOT_UNITS
        and n not in PLAIN_VERBS
        and singular(n) != n
    )
