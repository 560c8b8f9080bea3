"""Time expressions, resolved to inclusive date ranges against the publication date.

Relative expressions get deliberately loose ranges: journalists write "last week" for anything in
the previous fortnight and "two weeks ago" for something eight days back, so two outlets
describing the same day from different publication dates must still overlap. A range that is too
tight invents contradictions; one that is too wide only misses a few.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence

from compare.records import TimeRef

from ..lexicon import (
    AFTER_YEAR,
    MONTH_ANY_ALT,
    MONTH_FULL_ALT,
    NUMBER_WORDS,
    WEEKDAY_ALT,
    WEEKDAYS,
    month_number,
    parse_number_words,
)

_D = dt.timedelta
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = rf"(?:\d+|{NUMBER_WORDS}|an?|a\s+couple\s+of|a\s+few|few|several|some|many)"
_UNIT = r"(?:hours?|days?|weeks?|months?|years?|decades?)"

_ISO_RE = re.compile(rf"\b({_YEAR})-(\d\d)-(\d\d)\b")
_MDY_RE = re.compile(rf"\b({MONTH_ANY_ALT})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+({_YEAR})\b)?")
_DMY_RE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_ANY_ALT})(?:,?\s+({_YEAR})\b)?(?![\w])"
)
_MY_RE = re.compile(rf"\b(?:(early|late|mid-?)\s*)?({MONTH_ANY_ALT})\s*,?\s+({_YEAR})\b")
# A bare month needs a cue in front; otherwise "May" the name and "March" the verb would be dates.
_MOD = r"(?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-?)"
_MONTH_RE = re.compile(
    rf"(?:\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|"
    rf"[Ee]nd\s+of|[Bb]eginning\s+of|[Ss]tart\s+of|[Mm]iddle\s+of)\s+|\b(?={_MOD}))"
    rf"((?:{_MOD}\s*)?({MONTH_FULL_ALT}))\b(?!\s*\d)"
)
_DECADE_RE = re.compile(r"\b(?:the\s+)?(?:(1[89]\d0|20\d0)s|'(\d0)s)\b")
_YEAR_RANGE_RE = re.compile(rf"\b({_YEAR})\s*(?:-|–|to)\s*({_YEAR}|\d\d)\b")
#: A work's maker named between its year and its noun: "the 2006 HBO movie", "the 1999 Disney film".
WORK_NOUNS = (
    r"(?:film|movie|biopic|documentary|album|single|song|book|novel|memoir|play|musical|series|show|sitcom)"
)
_BRANDED_WORK = rf"(?:[A-Z][\w&.'-]*\s+){{1,2}}{WORK_NOUNS}\b"
_YEAR_RE = re.compile(
    rf"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|[Tt]hrough|[Tt]hroughout|"
    rf"[Bb]efore|[Aa]fter|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?|[Aa]round|[Cc]irca|[Ss]ummer|[Ss]pring|"
    rf"[Aa]utumn|[Ff]all|[Ww]inter|[Yy]ear|[Ss]eason)\s+|\b[Tt]he\s+(?={_YEAR}\s+(?:[a-z]|{_BRANDED_WORK})))"
    rf"({_YEAR})\b(?![-,]\d)"
    rf"|\b({_YEAR})(?=['’]s\b)"
)
_WEEKDAY_RE = re.compile(
    rf"\b(?:(last|next|this|Last|Next|This)\s+)?({WEEKDAY_ALT})\b(?!s\b)"
    rf"(?:\s+(?:morning|afternoon|evening|night))?"
)
_FUTURE_RE = re.compile(
    r"\b(?:will|won't|shall|'ll|is\s+due|are\s+due|is\s+scheduled|are\s+scheduled|is\s+expected|"
    r"are\s+expected|plans?\s+to|planned|upcoming|going\s+to)\b",
    re.IGNORECASE,
)
_DAYWORD_RE = re.compile(
    r"\b(?:(earlier|later)\s+)?(today|tonight|this\s+(?:morning|afternoon|evening)|yesterday"
    r"(?:\s+(?:morning|afternoon|evening))?|tomorrow|last\s+night|overnight)\b",
    re.IGNORECASE,
)
_PERIOD_RE = re.compile(
    r"\b(?:(earlier|later)\s+)?(last|this|next|past)\s+(week|weekend|month|year)\b",
    re.IGNORECASE,
)
_AGO_RE = re.compile(rf"\b({_NUM})\s+({_UNIT})\s+ago\b|\b({_UNIT})\s+ago\b", re.IGNORECASE)
# "in the last year", "over the past two weeks": a period ending at publication.
_WINDOW_RE = re.compile(
    rf"\b(?:(?:in|over|during|within|for)\s+)?the\s+(?:last|past|previous)\s+(?:({_NUM})\s+)?({_UNIT})\b"
    rf"|\bin\s+recent\s+({_UNIT})\b",
    re.IGNORECASE,
)
_DURATION_RE = re.compile(
    rf"\b(?:for|over|during|within|in|after|spanning|lasting)\s+"
    rf"(?:(?:more\s+than|less\s+than|nearly|almost|about|around|some|at\s+least|over|roughly)\s+)?"
    rf"(?:({_NUM})\s+)?({_UNIT})\b"
    rf"|\b(\d+(?:\.\d+)?|{NUMBER_WORDS})-(hour|day|week|month|year|decade)(?:-long)?\b(?!-old)",
    re.IGNORECASE,
)

_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)")
# cheap pre-check: the duration and window patterns are costly and most sentences have no unit
_UNIT_WORD_RE = re.compile(r"\b(?:hour|day|week|month|year|decade)s?\b", re.IGNORECASE)
_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}


def find_times(text: str, published: dt.date | None = None) -> tuple[TimeRef, ...]:
    """Every time expression in ``text``, in reading order, overlapping matches resolved."""
    if isinstance(published, dt.datetime):
        published = published.date()
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    for ref in _candidates(text, published):
        if any(ref.start < e and s < ref.end for s, e in taken):
            continue
        taken.append((ref.start, ref.end))
        found.append(ref)
    found.sort(key=lambda r: r.start)
    return tuple(found)


def times_conflict(a: TimeRef, b: TimeRef) -> bool:
    """True when both are resolved points in time whose ranges cannot share a day."""
    if a.kind == "duration" or b.kind == "duration":
        return False
    if None in (a.low, a.high, b.low, b.high):
        return False
    return a.high < b.low or b.high < a.low


def point_spans(text: str, times: Sequence[TimeRef] | None = None) -> list[tuple[int, int]]:
    """Spans of times that are points (dates, years, "two weeks ago"), for the number finder.
    ``times``: what ``find_times`` already returned for ``text`` (spans do not depend on the
    publication date)."""
    found = find_times(text, None) if times is None else times
    return [(r.start, r.end) for r in found if r.kind != "duration"]


# --- candidates, most specific first ----------------------------------------------------


def _candidates(text: str, p: dt.date | None) -> Iterator[TimeRef]:
    yield from _iso(text)
    yield from _month_day(text, p)
    yield from _month_year(text)
    yield from _decades(text)
    yield from _year_ranges(text)
    yield from _years(text)
    yield from _ago(text, p)
    yield from _windows(text, p)
    yield from _periods(text, p)
    yield from _daywords(text, p)
    yield from _weekdays(text, p)
    yield from _months(text, p)
    yield from _durations(text)


def _ref(m: re.Match, group: int | str, kind: str, low=None, high=None) -> TimeRef:
    s, e = m.span(group)
    return TimeRef(m.string[s:e], s, e, kind, low, high)


def _resolve(dates, *args) -> tuple[dt.date | None, dt.date | None]:
    """``dates(*args)`` -> (low, high); an expression that lands outside the calendar ("100000 years
    ago", "yesterday" in an article dated 0001-01-01) stays unresolved instead of failing."""
    try:
        return dates(*args)
    except (OverflowError, ValueError):
        return None, None


def _date(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _month_range(y: int, mo: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _closest_year(p: dt.date, month: int, day: int = 1) -> int:
    # A date without a year is the occurrence nearest publication: "in March" in a July article
    # is this March, "in November" is this November, "in December" in a January article is last
    # December.
    best = p.year
    for y in (p.year - 1, p.year, p.year + 1):
        cand = _date(y, month, min(day, calendar.monthrange(y, month)[1]))
        best_d = _date(best, month, min(day, calendar.monthrange(best, month)[1]))
        if cand and best_d and abs((cand - p).days) < abs((best_d - p).days):
            best = y
    return best


def _iso(text: str) -> Iterator[TimeRef]:
    for m in _ISO_RE.finditer(text):
        d = _date(int(m[1]), int(m[2]), int(m[3]))
        if d:
            yield _ref(m, 0, "date", d, d)


def _month_day(text: str, p: dt.date | None) -> Iterator[TimeRef]:
    for rx, day_g, mon_g in ((_MDY_RE, 2, 1), (_DMY_RE, 1, 2)):
        for m in rx.finditer(text):
            mon, day = month_number(m[mon_g]), int(m[day_g])
            if not mon or not 1 <= day <= 31:
                continue
            # An abbreviation without its period ("Mar 5") is fine; a bare "May 5" too.
            if m[3]:
                d = _date(int(m[3]), mon, day)
                if d:
                    yield _ref(m, 0, "date", d, d)
            elif p is not None:
                d = _date(_closest_year(p, mon, day), mon, day)
                yield _ref(m, 0, "date", d, d)
            else:
                yield _ref(m, 0, "date")


def _month_year(text: str) -> Iterator[TimeRef]:
    for m in _MY_RE.finditer(text):
        mon = month_number(m[2])
        if mon:
            yield _ref(m, 0, "month", *_month_range(int(m[3]), mon))


def _decades(text: str) -> Iterator[TimeRef]:
    for m in _DECADE_RE.finditer(text):
        start = int(m[1]) if m[1] else 1900 + int(m[2])
        yield _ref(m, 0, "year", dt.date(start, 1, 1), dt.date(start + 9, 12, 31))


def _year_ranges(text: str) -> Iterator[TimeRef]:
    for m in _YEAR_RANGE_RE.finditer(text):
        a, b = int(m[1]), int(m[2])
        if b < 100:
            b += a // 100 * 100
        if a < b <= a + 50:
            yield _ref(m, 0, "year", dt.date(a, 1, 1), dt.date(b, 12, 31))


def _years(text: str) -> Iterator[TimeRef]:
    for m in _YEAR_RE.finditer(text):
        g = 1 if m[1] else 2
        if g == 1 and m.group().lower().startswith("of"):
            nxt = _NEXT_WORD_RE.match(text, m.end())
            if nxt and nxt.group(1) not in AFTER_YEAR:
                continue  # "a crowd of 2000 people" counts; "the summer of 2011 and" dates
        y = int(m[g])
        yield _ref(m, g, "year", dt.date(y, 1, 1), dt.date(y, 12, 31))


def _count(word: str | None) -> float | None:
    """The number in "two weeks ago"; None when it is vague ("several", "a few")."""
    if word is None:
        return 1.0
    w = " ".join(word.lower().split())
    if w in ("a", "an"):
        return 1.0
    if w == "a couple of":
        return 2.0
    if w in ("a few", "few", "several", "some", "many"):
        return None
    if w.isdigit():
        return float(w)
    parsed = parse_number_words(w)
    return parsed[0] if parsed and parsed[1] == len(w) else None


def _ago(text: str, p: dt.date | None) -> Iterator[TimeRef]:
    if "ago" not in text.lower():
        return  # the pattern is costly (number words at every word); most sentences lack "ago"
    for m in _AGO_RE.finditer(text):
        if m[3]:  # "weeks ago": too vague to place
            yield _ref(m, 0, "relative")
            continue
        n = _count(m[1])
        unit = m[2].lower().rstrip("s")
        if n is None or p is None:
            yield _ref(m, 0, "relative")
            continue
        yield _ref(m, 0, "relative", *_resolve(_ago_range, p, n, unit))


def _ago_range(p: dt.date, n: float, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "hour":
        return p - _D(days=1), p
    if unit == "day":
        return p - _D(days=n + 1), p - _D(days=n - 1)
    if unit == "week":
        return p - _D(days=7 * n + 6), p - _D(days=7 * n - 6)
    if unit == "month":
        c = _add_months(p, -int(round(n)))
        return c - _D(days=20), c + _D(days=20)
    years = n * (10 if unit == "decade" else 1)
    slack = 5 * 365 if unit == "decade" else 183
    c = p - _D(days=round(years * 365.25))
    return c - _D(days=slack), c + _D(days=slack)


def _windows(text: str, p: dt.date | None) -> Iterator[TimeRef]:
    if not _UNIT_WORD_RE.search(text):
        return
    for m in _WINDOW_RE.finditer(text):
        if m[3]:
            unit, n = m[3].lower().rstrip("s"), 6.0 if m[3].lower().startswith("week") else 3.0
        else:
            unit, n = m[2].lower().rstrip("s"), _count(m[1])
        if p is None or n is None:
            yield _ref(m, 0, "relative")
            continue
        yield _ref(m, 0, "relative", *_resolve(_window_range, p, n, unit))


def _window_range(p: dt.date, n: float, unit: str) -> tuple[dt.date, dt.date]:
    return p - _D(days=max(1, round(n * _UNIT_DAYS[unit]))), p


def _periods(text: str, p: dt.date | None) -> Iterator[TimeRef]:
    for m in _PERIOD_RE.finditer(text):
        # "the last week" / "the past year" is a window, matched above; bare "past week" likewise.
        before = text[max(0, m.start() - 4) : m.start()].lower()
        which, unit, edge = m[2].lower(), m[3].lower(), (m[1] or "").lower()
        if before.endswith("the ") or which == "past":
            continue
        if p is None:
            yield _ref(m, 0, "relative")
            continue
        yield _ref(m, 0, "relative", *_resolve(_period_range, p, which, unit, edge))


def _period_range(p: dt.date, which: str, unit: str, edge: str) -> tuple[dt.date, dt.date]:
    if unit == "week":
        lo, hi = {"last": (-13, -1), "this": (-6, 6), "next": (1, 13)}[which]
        lo, hi = p + _D(days=lo), p + _D(days=hi)
    elif unit == "weekend":
        lo, hi = {"last": (-9, -1), "this": (-3, 6), "next": (1, 9)}[which]
        lo, hi = p + _D(days=lo), p + _D(days=hi)
    elif unit == "month":
        shift = {"last": -1, "this": 0, "next": 1}[which]
        lo, hi = _month_range(*divmod_month(p, shift))
        if shift:  # a month named relatively is fuzzy at its edges
            lo, hi = lo - _D(days=7), hi + _D(days=7)
    else:
        y = p.year + {"last": -1, "this": 0, "next": 1}[which]
        lo, hi = dt.date(y, 1, 1), dt.date(y, 12, 31)
    if edge == "earlier" and which == "this":
        hi = p
    elif edge == "later" and which == "this":
        lo = p
    return lo, hi


def divmod_month(p: dt.date, shift: int) -> tuple[int, int]:
    y, m = divmod(p.month - 1 + shift, 12)
    return p.year + y, m + 1


def _daywords(text: str, p: dt.date | None) -> Iterator[TimeRef]:
    for m in _DAYWORD_RE.finditer(text):
        w = " ".join(m[2].lower().split())
        if w == "today" and text[m.end() : m.end() + 2] in ("'s", "’s"):
            continue  # "today's Syria" is the present age, not the publication day
        if p is None:
            yield _ref(m, 0, "relative")
            continue
        if w.startswith("yesterday"):
            lo, hi = _resolve(lambda: (p - _D(days=1),) * 2)
        elif w == "tomorrow":
            lo, hi = _resolve(lambda: (p + _D(days=1),) * 2)
        elif w in ("last night", "overnight"):
            lo, hi = _resolve(lambda: (p - _D(days=1), p))
        else:
            lo = hi = p
        yield _ref(m, 0, "relative", lo, hi)


def _weekdays(text: str, p: dt.date | None) -> Iterator[TimeRef]:
    for m in _WEEKDAY_RE.finditer(text):
        if p is None:
            yield _ref(m, 0, "weekday")
            continue
        yield _ref(m, 0, "weekday", *_resolve(_weekday_range, text, m, p))


def _weekday_range(text: str, m: re.Match, p: dt.date) -> tuple[dt.date, dt.date]:
    wd = WEEKDAYS[m[2].lower()]
    cue = (m[1] or "").lower()
    back = (p.weekday() - wd) % 7
    if cue == "last":
        d = p - _D(days=back or 7)
        lo, hi = d - _D(days=7), d
    elif cue == "next" or _is_future(text, m.start()):
        # News convention puts a bare weekday in the past unless the sentence is about the
        # future ("will meet on Monday").
        ahead = (wd - p.weekday()) % 7
        d = p + _D(days=ahead or (7 if cue == "next" else 0))
        lo = hi = d
        if cue == "next":
            hi = d + _D(days=7)
    else:
        lo = hi = p - _D(days=back)
    return lo, hi


def _is_future(text: str, at: int) -> bool:
    # Only the clause holding the weekday counts: "Fares, who will travel, said Thursday" is past.
    start = max(text.rfind(",", 0, at), text.rfind(";", 0, at), at - 80, 0)
    return _FUTURE_RE.search(text, start, at) is not None


def _months(text: str, p: dt.date | None) -> Iterator[TimeRef]:
    for m in _MONTH_RE.finditer(text):
        mon = month_number(m[2])
        if not mon:
            continue
        if p is None:
            yield _ref(m, 1, "month")
            continue
        cue = m[1].split()[0].lower() if " " in m[1] else ""
        if cue == "last":
            y = p.year if mon < p.month else p.year - 1
        elif cue == "next":
            y = p.year if mon > p.month else p.year + 1
        elif cue == "this":
            y = p.year
        else:
            y = _closest_year(p, mon, 15)
        yield _ref(m, 1, "month", *_resolve(_month_range, y, mon))


def _durations(text: str) -> Iterator[TimeRef]:
    if not _UNIT_WORD_RE.search(text):
        return
    for m in _DURATION_RE.finditer(text):
        if m[2] and m[1] is None and text[m.end(2) :].lstrip().startswith("ago"):
            continue
        yield _ref(m, 0, "duration")
