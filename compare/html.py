"""HTML pages -> article text and metadata, through trafilatura.

A saved or fetched news page is mostly furniture (menus, share bars, ads, related stories,
comments, footers). trafilatura keeps the article's main text and reads the page's metadata
(og:site_name, article:published_time, JSON-LD datePublished), so the furniture never reaches
the cleaner and the outlet and date need not be typed in. trafilatura (and lxml under it) is
imported inside ``extract`` only: ``import compare`` and ``--help`` stay fast.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .errors import InputError

# An HTML document announces itself in its first tag; looking there only (after whitespace and a
# BOM) never mistakes an article that merely mentions "<html>" for a page.
_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.I)
# A line this long is a sentence, not a menu entry; a page without one has no article text.
_MIN_WORDS = 8


def looks_like_html(text: str) -> bool:
    return bool(_SNIFF.match(text.removeprefix("\ufeff")[:1024]))


@dataclass(frozen=True)
class Page:
    text: str  # the headline on its own first line, then the article's paragraphs, one per line
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    published: _dt.date | None = None


def extract(page: str, label: str, url: str | None = None) -> Page:
    """The main text and metadata of an HTML page. ``label`` names the page in errors."""
    import trafilatura  # heavy (lxml, dateparser): only when a page is actually read

    doc = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the outlet's claims
        include_images=False,
        include_tables=True,
        deduplicate=False,
        # the page's own metadata only: guessing a date from the text or links would put a
        # wrong anchor under "last week"; original_date prefers published over modified
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(doc, "text", None) or "").strip()
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    if not any(len(ln.split()) >= _MIN_WORDS for ln in lines):
        raise InputError(
            f"{label}: no article text found in the page; save the article's text as a .txt file and "
            "pass that"
        )
    title = " ".join((doc.title or "").split()) or None
    # The headline leads as its own line so the cleaner keeps it as the headline claim; many
    # pages repeat it inside the article (an <h1>), so add it only when it is not already there.
    if title and " ".join(lines[0].split()) != title:
        lines.insert(0, title)
    return Page(
        text="\n".join(lines),
        title=title,
        author=doc.author or None,
        sitename=(doc.sitename or "").strip() or None,
        published=_date(doc.date),
    )


def _date(value: str | None) -> _dt.date | None:
    # Page metadata is a hint, not user input: an unreadable date is dropped, not an error.
    try:
        return _dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
