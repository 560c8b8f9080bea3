"""Hedges: words by which a writer declines to vouch for a claim ("reportedly", "could not be
independently verified"). A hedged claim that disagrees with a firm one is a weaker contradiction.
"""

from __future__ import annotations

import re

_BE = r"(?:is|are|was|were|been|be)"
_PATTERNS = [
    r"(?:could|can|cannot|can't|couldn't)\s+(?:not\s+)?(?:be\s+)?(?:independently\s+)?"
    r"(?:verified|confirmed)",
    r"(?:has|have|had)\s+not\s+been\s+(?:independently\s+)?(?:verified|confirmed)",
    r"according\s+to\s+(?:unconfirmed\s+|unverified\s+|media\s+|news\s+|some\s+|local\s+|initial\s+)?reports",
    r"it\s+(?:is|was|remains|remained)\s+(?:not\s+(?:immediately\s+)?clear|unclear)",
    r"not\s+(?:immediately\s+)?clear",
    rf"{_BE}\s+(?:widely\s+)?(?:believed|thought|said|reported|understood|suspected|rumou?red|alleged)\s+to",
    r"appear(?:s|ed)?\s+to",
    r"seem(?:s|ed)?\s+to",
    r"(?-i:may)\s+(?:have|be)",
    r"could\s+(?:have|be)",
    r"might(?:\s+have)?",
    r"(?-i:may)",
    r"reportedly|allegedly|apparently|purportedly|supposedly|presumably|possibly|probably|perhaps|maybe",
    r"unconfirmed|unverified|unclear|alleged|purported|rumou?red|likely",
    r"suggest(?:s|ed|ing)?",
]
HEDGE_RE = re.compile(r"\b(?:" + "|".join(_PATTERNS) + r")\b", re.IGNORECASE)


def find_hedges(text: str) -> tuple[str, ...]:
    """Hedge phrases in reading order, lower-cased with single spaces."""
    return tuple(" ".join(m.group().lower().split()) for m in HEDGE_RE.finditer(text))


def hedge_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in HEDGE_RE.finditer(text)]
