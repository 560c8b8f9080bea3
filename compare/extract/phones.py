"""Telephone numbers: kept out of the quantities ("0845 125 2222" counts nothing), and kept as
facts of their own, since an appeal's number printed wrong is a correction a reader must see.

News writes them as groups of digits: "0845 125 2222", "(555) 123-4567", "1-800-222-8477",
"+44 20 7946 0958". A run of digit groups only reads as a number to call where it starts like
one: a trunk "0", an international "+", a bracketed area code, a North American "1-800"
or "555-123-4567" shape; "20 000" and "3 1/2" never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PHONE_RE = re.compile(
    r"(?<![\w.,/+-])(?:"
    r"\+\d{1,3}(?:[ .-]\(?\d{1,5}\)?){2,5}"  # +44 20 7946 0958
    r"|\(\d{2,5}\)[ .-]?\d{3,4}(?:[ .-]\d{3,4}){1,2}"  # (555) 123-4567, (020) 7946 0958
    r"|0\d{2,5}(?:[ .-]\d{2,4}){2,3}"  # 0845 125 2222, 0800 555 111
    r"|1[ .-]\d{3}[ .-]\d{3}[ .-]\d{4}"  # 1-800-222-8477
    r"|\d{3}[.-]\d{3}[.-]\d{4}"  # 555-123-4567
    r")(?![\w/-]|[.,]\d)"
)


@dataclass(frozen=True)
class Phone:
    text: str  # as written
    start: int  # offsets in the text it was found in
    end: int
    digits: str  # "08451252222"


def find_phones(text: str) -> tuple[Phone, ...]:
    return tuple(
        Phone(m.group(), m.start(), m.end(), re.sub(r"\D", "", m.group())) for m in _PHONE_RE.finditer(text)
    )


def misprinted(a: Phone, b: Phone) -> bool:
    """Two numbers that read as one line printed two ways: the same opening four digits (the area
    or service code), and a digit dropped or doubled ("0845 125 222" / "0845 125 2222") or two
    neighbouring digits swapped ("4334" / "3434"). One digit changed in place is as likely the
    next line of one switchboard ("0161 856 4334" / "0161 856 4335"), and two services start
    differently."""
    from rapidfuzz.distance import Levenshtein

    x, y = a.digits, b.digits
    if x == y or x[:4] != y[:4]:
        return False
    if len(x) != len(y):
        return Levenshtein.distance(x, y) == abs(len(x) - len(y)) <= 2
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]
