"""Embedded social posts: the signature line a page prints under a post, and the post's own text.

A post embedded in an article reaches its text as the post's words, then its signature: a dash
(or "A photo posted by"), the account's name, its @handle and the post's date, often after the
post's picture link::

    Huge fire at the docks this morning, smoke everywhere pic.twitter.com/abc123
    - Jane Doe (@janedoe) March 3, 2015

The signature and the links are furniture; the words are a quotation by that account, dated by
the post, so "this morning" in them is the post's morning, not the article's. The cleaner reads
text already normalised (dashes are "-", spaces single). Only the shape is read: a dash or a
"posted by", a name, an @handle in brackets at the end of a line, a date after it.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .lexicon import MONTH_ANY_ALT, month_number

__all__ = ["Signature", "signature", "trailing_links", "POST_CHARS"]

#: Post text longer than this (links aside) is an article paragraph, not a post's words: posts
#: are short (280 characters on the platform that prints "- Name (@handle) date").
POST_CHARS = 300

# A post's own links: its picture ("pic.twitter.com/abc123"), a short link, any web address.
_LINK = r"(?:pic\.twitter\.com/\S+|(?:https?://)?t\.co/\S+|https?://\S+)"
_CLOCK = r"\d{1,2}:\d\d\s?(?:[AaPp]\.?[Mm]\.?)?(?:\s[A-Z]{2,4})?"
_DATE = (
    rf"(?P<month>{MONTH_ANY_ALT})\s(?P<day>\d{{1,2}}),?\s(?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}})\s(?P<month2>{MONTH_ANY_ALT}),?\s(?P<year2>(?:19|20)\d\d)"
)
# "- Jane Doe (@janedoe) March 3, 2015", "pic.twitter.com/x - Fire Dept (@CityFire) 3 Mar 2015",
# "- Jane Doe (@janedoe) 8:40 AM - 3 Mar 2015", "A photo posted by Jane Doe (@janedoe) on Mar 3,
# 2015 at 8:40am PST". The name's words never start with a dash, so a dash inside the post's
# words is not taken for the signature's.
_SIGNATURE = re.compile(
    rf"(?:^|(?<=\s))(?P<links>(?:{_LINK}\s)*)"
    rf"(?:-{{1,2}}\s?|an?\s(?:photo|video|post)\s(?:posted|shared)\sby\s)"
    rf"(?P<name>(?:[^\s()@\-][^\s()@]*\s){{0,6}}?)\(@(?P<handle>[A-Za-z0-9_]{{1,30}})\)"
    rf"(?:\s(?:on\s)?(?:{_CLOCK}\s-\s)?(?:{_DATE})(?:,?\s(?:at\s)?{_CLOCK})?)?\.?$",
    re.I,
)
_TRAILING_LINKS = re.compile(rf"(?:^|\s)(?:{_LINK}\s?)+$")


@dataclass(frozen=True)
class Signature:
    start: int  # where the signature, with the links before it, starts in the line
    account: str  # the name the post is by ("Jane Doe"), or its @handle where no name is shown
    handle: str
    posted: _dt.date | None


def signature(line: str) -> Signature | None:
    """The post signature that ends ``line`` (normalised text), or None."""
    m = _SIGNATURE.search(line) if "(@" in line else None
    if not m:
        return None
    name = m.group("name").strip()
    posted = None
    if m.group("year") or m.group("year2"):
        month = month_number(m.group("month") or m.group("month2"))
        try:
            posted = _dt.date(
                int(m.group("year") or m.group("year2")), month or 0, int(m.group("day") or m.group("day2"))
            )
        except ValueError:  # "February 30": no date, still a signature
            posted = None
    return Signature(m.start(), name or "@" + m.group("handle"), m.group("handle"), posted)


def trailing_links(text: str) -> int | None:
    """Where the links that end a post's words start ("... everywhere pic.twitter.com/abc"), or None."""
    m = _TRAILING_LINKS.search(text)
    if not m or not m.start():
        return None
    return m.start()
