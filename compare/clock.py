"""Times of day as news writes them ("about 10 a.m.", "9:40 p.m.", "17:06 hours", "1630 GMT",
"06:00 BST", "4.30pm", "noon"), read as minutes after midnight, so that two sources giving one
moment can be seen to agree ("turned himself in around 6 p.m." / "surrendered at 6 p.m.").

Only agreements are read from them. Differences are not conflicts: a time of day is given
loosely ("just after 7 p.m." / "around 7 p.m.", "5:11 p.m." / "17:06" from two agencies), and
on the dev gold the three real clock conflicts sit beside seven such traps.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_TWELVE = r"(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
_CLOCK_RE = re.compile(
    # "9:40 p.m.", "4.30pm", "10 a. m.", "17:06 pm"
    rf"\b(?P<h>\d{{1,2}})(?:\s?[:.]\s?(?P<m>\d{{2}}))?\s*{_TWELVE}"
    # "17:06 hours", "06:00 BST", "13:36 GMT"
    r"|\b(?P<h24>\d{1,2})\s?:\s?(?P<m24>\d{2})(?=\s*(?:hours|hrs|h\b|GMT|BST|UTC|IST|local))"
    # "1630 GMT", "1100 hours", "at 1353 (1023 GMT)"
    r"|\b(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?=hours|hrs|GMT|BST|UTC|IST)"
    r"|\b(?P<word>noon|midday|midnight)\b",
    re.I,
)


_SAID_RE = re.compile(
    r"\b(?:said|says|announced|reported|added|stated)\s+(?:on\s+\w+\s+)?(?:at\s+)?(?:about|around|shortly\s+after)?\s*$",
    re.I,
)


@dataclass(frozen=True)
class Clock:
    text: str
    minutes: int  # after midnight
    start: int
    end: int


@functools.lru_cache(maxsize=1 << 14)
def clock_times(text: str) -> tuple[Clock, ...]:
    """The times of day a text gives, in order."""
    out = []
    for m in _CLOCK_RE.finditer(text):
        if m["word"]:
            minutes = 0 if m["word"].lower() == "midnight" else 12 * 60
        elif m["h"] is not None:
            hour, minute = int(m["h"]), int(m["m"] or 0)
            if hour > 23 or minute > 59:
                continue
            if hour <= 12:  # "17:06 pm" is 17:06 already
                hour = hour % 12 + (12 if m["ap"].lower().startswith("p") else 0)
            minutes = hour * 60 + minute
        else:
            hour, minute = int(m["h24"] or m["hh"]), int(m["m24"] or m["mm"])
            if hour > 23 or minute > 59:
                continue
            minutes = hour * 60 + minute
        if _SAID_RE.search(text, max(0, m.start() - 30), m.start()):
            continue  # when it was said ("she said around 5:30 p.m."), not when it happened
        written = m.group().strip()
        if written.endswith(".") and written.count(".") == 1:
            written = written[:-1]  # "6am." ends its sentence
        out.append(Clock(written, minutes, m.start(), m.start() + len(written)))
    return tuple(out)
