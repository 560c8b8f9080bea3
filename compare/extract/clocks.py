"""Times of day as figures: "at 6:05 p.m.", "shortly after 5 p.m.", "around noon".

A time of day is compared like any figure of one fact (``compare.atoms``): "the bridge collapsed
at 6:05 p.m." and "fell into the river shortly after 5 p.m." cannot both be true. Its value is the
minutes past midnight, its range what its words allow ("about" a quarter of an hour either way,
"shortly after" half an hour after). A time told in a named zone ("0315 GMT") is a figure in that
zone's unit and never meets a local one: no zone is converted. A bare "2:56" (a round's clock, a
race time) says no time of day and stays none.
"""

from __future__ import annotations

import re

from compare.records import Quantity

#: Qualifiers of a time of day and the minutes they allow before and after it.
_ABOUT = 15
_SOON = 30
_QUALIFIERS = {
    "about": (_ABOUT, _ABOUT),
    "around": (_ABOUT, _ABOUT),
    "approximately": (_ABOUT, _ABOUT),
    "roughly": (_ABOUT, _ABOUT),
    "some time around": (_ABOUT, _ABOUT),
    "shortly after": (0, _SOON),
    "just after": (0, _SOON),
    "soon after": (0, _SOON),
    "shortly before": (_SOON, 0),
    "just before": (_SOON, 0),
    "after": (0, 4 * 60),
    "before": (4 * 60, 0),
    "by": (24 * 60, 0),
    "until": (24 * 60, 0),
}
_QUALIFIER_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _QUALIFIERS), key=len, reverse=True)) + r")\s+$", re.I
)
_CLOCK_RE = re.compile(
    r"(?<![\w:.])(?P<h>\d{1,2})(?:[:.]\s?(?P<m>\d{2}))?\s*(?P<ampm>[ap])\.?\s?m\b\.?"
    r"|\b(?P<word>noon|midday|midnight)\b",
    re.I,
)
_STATUS_RE = re.compile(r"\bas\s+of\s+$", re.I)
#: A zone named right after the time: its unit, so that "0315 GMT" never meets "10:15 a.m.".
_ZONE_RE = re.compile(
    r"\s*\(?\s*(GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|IST|ET|PT|CT|MT"
    r"|(?:Eastern|Central|Pacific|Mountain)(?:\s+(?:Standard|Daylight))?\s+[Tt]ime)\b"
)


#: US zones, standard or daylight alike ("ET", "EST", "Eastern time" are one zone).
_ZONES = {
    **dict.fromkeys(("et", "est", "edt", "eastern"), "et"),
    **dict.fromkeys(("ct", "cst", "cdt", "central"), "ct"),
    **dict.fromkeys(("pt", "pst", "pdt", "pacific"), "pt"),
    **dict.fromkeys(("mt", "mountain"), "mt"),
}


def find_clocks(text: str) -> tuple[Quantity, ...]:
    """Every time of day in ``text`` told with a.m./p.m., noon or midnight, in reading order."""
    out = []
    for m in _CLOCK_RE.finditer(text):
        if m["word"]:
            minutes = 0 if m["word"].lower() == "midnight" else 12 * 60
        else:
            hour, minute = int(m["h"]), int(m["m"] or 0)
            if not 1 <= hour <= 12 or minute > 59:
                continue
            minutes = (hour % 12 + (12 if m["ampm"].lower() == "p" else 0)) * 60 + minute
        start, end = m.start(), m.end()
        if _STATUS_RE.search(text, max(0, start - 12), start):
            continue  # "as of 11 p.m. they were still searching": when it was so, not when it happened
        zone = _ZONE_RE.match(text, end)
        name = zone.group(1).split()[0].lower() if zone else ""
        unit = f"clock {_ZONES.get(name, name)}" if zone else "clock"
        before, after = 0, 0
        qualifier = ""
        if q := _QUALIFIER_RE.search(text, max(0, start - 20), start):
            qualifier = q.group(1).lower()
            before, after = _QUALIFIERS[qualifier]
            start = q.start(1)
        low, high = minutes - before, minutes + after
        out.append(
            Quantity(
                text[start:end].rstrip(),
                start,
                start + len(text[start:end].rstrip()),
                minutes,
                low,
                high,
                qualifier,
                unit,
            )
        )
    return tuple(out)
