"""Clean stage: normalise a source's text and split it into paragraphs, setting page furniture aside.

``clean(source) -> Cleaned``

* Normalisation keeps a map back to the original text: ``Block.offsets[i]`` is the offset in
  ``source.text`` of ``Block.text[i]`` (one extra entry for the end). Curly quotes become
  straight, exotic spaces a plain space, dashes and minus signs "-", "…" becomes "...",
  zero-width characters, soft hyphens and control characters vanish, CRLF/CR become LF, and runs
  of spaces inside a line collapse to one. Mojibake ("womanâ€™s") is repaired first where ftfy
  judges a garbled sequence bad; a repaired character maps to its whole garbled sequence
  (``Block.ends``), and ``Cleaned.repaired`` counts them. Use ``original_span(block, i, j)`` to
  map a span of block text back to the original.
* Each non-empty line is a paragraph. Lines that are page furniture are not blocks; they are
  listed as ``Skipped`` with a reason, with their original offsets. Every rule looks at the shape
  of a line (length, final punctuation, a leading imperative, a widget word), never at the
  strings of a particular site.
* The first content line, when headline-shaped (<= 20 words, no final period), is the headline;
  so is a media-labelled line in its place ("WATCH: ...", the label cut off).
* An embedded post's signature ("- Jane Doe (@janedoe) March 3, 2015") is furniture; the post's
  words before it become a block of kind "post" with the account as speaker and the post's date
  (``compare.posts``).
* Transcript turns ("FARES: ...", "Q: ...") need two or more of them in the article; questions
  are skipped, answers become blocks of kind "answer" with the speaker's name.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from .decode import repair
from .posts import POST_CHARS, signature, trailing_links
from .records import Block, Cleaned, Skipped, Source

__all__ = ["clean", "normalize", "normalize_text", "original_span", "SHORT_WORDS", "HEADLINE_WORDS"]

#: A line of more words than this is real text even without final punctuation.
SHORT_WORDS = 12
#: The headline is at most this many words.
HEADLINE_WORDS = 20

# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

_MAP: dict[str, str] = {}
for _c in "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\uff07":
    _MAP[_c] = "'"
for _c in "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02":
    _MAP[_c] = '"'
for _c in (
    "\t\u000b\u000c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
):
    _MAP[_c] = " "
for _c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d":
    _MAP[_c] = "-"
for _c in "\u2028\u2029\u0085":
    _MAP[_c] = "\n"
_MAP["\u2026"] = "..."
_MAP["\u2024"] = "."
for _c, _r in {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}.items():
    _MAP[_c] = _r
for _o in range(0xFF01, 0xFF5F):  # full-width ASCII
    _MAP.setdefault(chr(_o), chr(_o - 0xFEE0))
_DROP = set(
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u180e"
)
_DROP.update(chr(o) for o in range(0x00, 0x20) if chr(o) not in "\n\r\t\u000b\u000c")
_DROP.update(chr(o) for o in range(0x7F, 0xA0) if o != 0x85)

_SPECIAL = re.compile("\r\n?|[" + "".join(re.escape(c) for c in sorted(set(_MAP) | _DROP)) + "]")


def _map(text: str) -> tuple[str, list[int]]:
    """Characters mapped (quotes, spaces, dashes, dropped controls), with offsets into ``text``."""
    out: list[str] = []
    offs: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        s = m.start()
        if s > pos:
            out.append(text[pos:s])
            offs.extend(range(pos, s))
        g = m.group()
        if g[0] == "\r":
            out.append("\n")
            offs.append(m.end() - 1)  # the LF of a CRLF, the CR of a lone CR
        elif g in _DROP:
            pass
        else:
            rep = _MAP[g]
            out.append(rep)
            offs.extend([s] * len(rep))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
        offs.extend(range(pos, len(text)))
    offs.append(len(text))
    return "".join(out), offs


def _normalize(text: str) -> tuple[str, list[int], list[int], int]:
    """``(norm, starts, ends, repaired)``: mojibake repaired (``compare.decode.repair``), then
    characters mapped; ``starts`` (one extra entry for the end) and ``ends`` give each character's
    span in ``text``, a repaired character spanning its whole garbled sequence."""
    fixed, spans, repaired = repair(text)
    norm, offs = _map(fixed)
    if spans is None:
        return norm, offs, [o + 1 for o in offs[:-1]], 0
    return norm, [spans[o][0] for o in offs[:-1]] + [len(text)], [spans[o][1] for o in offs[:-1]], repaired


def normalize(text: str) -> tuple[str, list[int]]:
    """Normalise ``text``; return it with ``offsets`` (len(result) + 1 entries) into ``text``."""
    norm, starts, _, _ = _normalize(text)
    return norm, starts


_WS = re.compile(r"\S+")


def normalize_text(text: str) -> str:
    """The normalised form of a piece of original text: what a block or claim holds for it."""
    return " ".join(normalize(text)[0].split())


def original_span(block: Block, i: int, j: int) -> tuple[int, int]:
    """Original ``(start, end)`` of ``block.text[i:j]``."""
    if not 0 <= i <= j <= len(block.text):
        raise ValueError(f"span {i}:{j} outside block of length {len(block.text)}")
    if i == j:
        return block.offsets[i], block.offsets[i]
    return block.offsets[i], block.ends[j - 1] if block.ends else block.offsets[j - 1] + 1


# --------------------------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------------------------


@dataclass
class _Text:
    """A run of normalised text with its original offsets (one extra entry for the end) and the
    original end of each character."""

    text: str
    offs: list[int]
    ends: list[int]

    def sub(self, i: int, j: int) -> _Text:
        i, j = max(0, i), min(len(self.text), j)
        if i >= j:
            return _Text("", [self.offs[i] if i < len(self.offs) else self.offs[-1]], [])
        return _Text(self.text[i:j], self.offs[i:j] + [self.ends[j - 1]], self.ends[i:j])

    def strip(self) -> _Text:
        t = self.text
        i, j = len(t) - len(t.lstrip()), len(t.rstrip())
        return self.sub(i, j) if (i, j) != (0, len(t)) else self

    @property
    def start(self) -> int:
        return self.offs[0]

    @property
    def end(self) -> int:
        return self.offs[-1]


def _lines(norm: str, offs: list[int], ends: list[int]) -> list[_Text]:
    """Non-empty lines, each stripped and with inner runs of spaces collapsed to one."""
    result = []
    for m in re.finditer(r"[^\n]+", norm):
        toks = list(_WS.finditer(norm, m.start(), m.end()))
        if not toks:
            continue
        parts: list[str] = []
        loff: list[int] = []
        lend: list[int] = []
        prev_end = None
        for t in toks:
            if prev_end is not None:
                parts.append(" ")
                loff.append(offs[prev_end])
                lend.append(ends[prev_end])
            parts.append(t.group())
            loff.extend(offs[t.start() : t.end()])
            lend.extend(ends[t.start() : t.end()])
            prev_end = t.end()
        loff.append(lend[-1])
        result.append(_Text("".join(parts), loff, lend))
    return result


# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------

_TERMINAL = re.compile(r"[.!?][\"')\]]*$")
_ELLIPSIS_END = re.compile(r"\.\.\.[\"')\]]*$")
_PERIOD_END = re.compile(r"\.[\"')\]]*$")
_BULLET = re.compile(r"^[\u2022\u00b7\u25aa\u25b8\u25ba\u25e6\u2023\u2043*>]+\s+")

# Transcript turn: an all-caps label of up to four words, a colon, then the turn's text.
_TURN = re.compile(r"^(?P<label>(?:[A-Z][A-Z'.\-]*\s){0,3}[A-Z][A-Z'.\-]*)\s?:\s+(?P<rest>\S.*)$")
_QUESTION_LABELS = {"Q", "QUESTION", "INTERVIEWER", "QUESTIONER"}
_ANON_ANSWER_LABELS = {"A", "ANSWER"}
# Labels a video or picture story's headline may carry ("WATCH: ...", "VIDEO: ...").
_MEDIA_LABEL = re.compile(
    r"^(?:watch|video|videos|live|photos?|pictures|gallery|audio|listen)\s?[:|]\s", re.I
)
# All-caps labels that are not speakers.
_NEWS_LABELS = {
    "BREAKING",
    "BREAKING NEWS",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "LIVE",
    "DEVELOPING",
    "JUST IN",
    "FLASHBACK",
    "NEW",
    "URGENT",
    "ALERT",
    "FACT CHECK",
    "COMMENTARY",
}
_EDITOR_LABELS = {
    "EDITOR'S NOTE",
    "EDITORS NOTE",
    "EDITORS' NOTE",
    "NOTE",
    "CORRECTION",
    "CLARIFICATION",
    "DISCLAIMER",
}
_FURNITURE_LABELS = {
    "WATCH",
    "VIDEO",
    "VIDEOS",
    "PHOTO",
    "PHOTOS",
    "GALLERY",
    "AUDIO",
    "PODCAST",
    "LISTEN",
    "READ",
    "READ MORE",
    "MORE",
    "RELATED",
    "SEE ALSO",
    "ALSO READ",
    "ADVERTISEMENT",
    "TAGS",
    "TOPICS",
    "SOURCE",
    "SOURCES",
    "CREDIT",
    "IMAGE",
    "GRAPHIC",
    "MAP",
    "CHART",
    "TIMELINE",
    "SPECIAL SECTION",
    "SPECIAL REPORT",
    "FOLLOW",
    "SHARE",
    "CLICK",
    "POLL",
    "QUIZ",
    "TRENDING",
    "RECOMMENDED",
    "MUST READ",
    "DON'T MISS",
}

_AGENCY = r"\([A-Z][A-Za-z.&']*(?:\s[A-Z][A-Za-z.&']*){0,2}\)"
_CAPS_PLACE = r"[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3}"
_PLACE_TAIL = r"(?:,\s[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+){0,2})?"
_DATE_TAIL = r"(?:,?\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?|\d{1,2}\s[A-Z][a-z]{2,8}(?:\s\d{4})?))?"
_DASH = r"-{1,2}(?=\s|$)\s*"
_DATELINES = [
    # "(AP) BEIRUT - ", "(Reuters) - "
    re.compile(rf"^{_AGENCY}\s?(?:{_CAPS_PLACE}{_PLACE_TAIL}{_DATE_TAIL}\s?)?-{{1,2}}\s*"),
    # "WASHINGTON (Reuters) - ", "LONDON, July 12 (Reuters) -", "BEIRUT, Lebanon (AP) - ", "BEIRUT - "
    re.compile(rf"^{_CAPS_PLACE}{_PLACE_TAIL}{_DATE_TAIL}\s?(?:{_AGENCY}|/[A-Za-z ]{{2,30}}/)?\s?{_DASH}"),
    # "Beirut, Lebanon (CNN) -- ": a title-case place needs the agency
    re.compile(rf"^[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+){{0,2}}{_PLACE_TAIL}{_DATE_TAIL}\s?{_AGENCY}\s?{_DASH}"),
]

_CTA = re.compile(
    r"^(?:watch|view|read|listen|share|follow|subscribe|sign\s?up|sign\s?in|log\s?in|register|click|tap|download"
    r"|get\s(?:the|our)\b|see\s(?:also|more|all|the\sfull|our|photos|video)|related\b|advertisement|continue\sreading"
    r"|more\s(?:from|on|about|stories|news|videos?)\b|join\s(?:us|our|the\sconversation)|like\sus|comment|print"
    r"|play|explore|discover|shop|buy|donate|support\s(?:us|our)|learn\smore|find\sout\smore|recommended|trending"
    r"|most\s(?:read|popular|viewed|shared)|don't\smiss|up\snext|next\s(?:story|article|up)|previous\s(?:story|article)"
    r"|back\sto|skip\sto|jump\sto|go\sto|return\sto|video|photos|gallery|audio|podcast|also\sread|must\sread"
    r"|live\s(?:updates|blog|coverage)|breaking\snews\salert|newsletter|scroll)\b",
    re.I,
)
_CTA_TAIL = re.compile(
    r"\b(?:here|below|above|now|app|newsletter|us|our|link|full\s(?:story|interview|video|statement)|free)\b|:\s*$",
    re.I,
)
_READ_MORE = re.compile(r"^read\s+more\b", re.I)
# A line that is a web address, or the wrapped end of one, once its spaces are gone (pages copied
# as text, and tokenised corpora, write "http : / / www . example . com / ..."): a scheme or a
# "www." start, or a path of two or more slashes with no word space in it.
_URL_LINE = re.compile(r"(?:https?:/+|www\.)\S*|[\w.-]*(?:/[\w.%?=&#+~-]*){2,}", re.I)
# ... and it looks like one as written: a scheme, "www", no space at all, or spaced slashes.
_URL_START = re.compile(r"https?\s*:|www\s*\.|\S+$|(?:.*\s/\s){2}", re.I)
_ADVERT = re.compile(
    r"^(?:advertisement|advert|ad|ads|sponsored(?:\scontent)?|promoted|paid\scontent|skip\sad"
    r"|story\scontinues(?:\sbelow)?(?:\sadvertisement)?|article\scontinues\sbelow(?:\sadvertisement)?)[\s.:]*$",
    re.I,
)
_EMBED_STRONG = re.compile(
    r"\b(?:i-?frame|javascript|video\splayer|media\splayer|your\sbrowser|browser\sdoes\snot|ad[\s\-]?blocker"
    r"|embed\scode|enable\sjs|html5|flash\splayer|media\splayback|audio\selement|video\stag)\b",
    re.I,
)
_EMBED_WEAK = re.compile(r"\b(?:cookies?|embed(?:ded)?|widget|plugin|placeholder)\b", re.I)
_COOKIE_NOTICE = re.compile(
    r"\b(?:(?:we|site|website|page)\s(?:uses?|use)\scookies|accept\s(?:all\s)?cookies|cookie\s(?:policy|settings|preferences|notice)"
    r"|privacy\s(?:policy|notice|settings)|terms\sof\s(?:use|service)|manage\s(?:consent|preferences))\b",
    re.I,
)
_CAPTION_START = re.compile(
    r"^(?:photo|photos|photograph|image|images|picture|pictured|caption|credit|credits|file\sphoto"
    r"|illustration|graphic)\s*(?:by\b|:|\||/|-\s)",
    re.I,
)
_CREDIT_PAREN = re.compile(
    r"\((?:[A-Z][A-Za-z]*\s)?(?:Photo|Photograph|Image|Foto|Picture)s?\b[^)]*\)|\((?:AP|AFP|Reuters|EPA|Xinhua|UPI)\s?/[^)]*\)"
)
_CREDIT_NAME = re.compile(
    r"\bGetty\sImages\b|\bShutterstock\b|\bvia\sGetty\b|\bAP\sPhoto/|\bAFP\sPhoto\b|\bEPA-EFE\b|\bImages?\scourtesy\b",
    re.I,
)
_TAGS = re.compile(
    r"^(?:tags|tagged|topics?|filed\sunder|categor(?:y|ies)|keywords|related\stopics|more\sabout|in\sthis\sarticle)\b\s*(:)?",
    re.I,
)
_NAME = r"(?:[A-Z][A-Za-z'.\-]*|(?:and|for|of|the|in|at|de|del|da|al|el|von|van|der|bin|ibn)\b)"
_BYLINE = re.compile(
    rf"^(?:By|BY|by)\s+(?:the\s)?[A-Z][A-Za-z'.\-]*(?:\s{_NAME}){{0,5}}(?:\s?(?:,|&|\||-|/|;)\s?{_NAME}(?:\s{_NAME}){{0,4}})*\s?[.,]?$"
)
_CREDIT_LINE = re.compile(
    r"^(?:(?:additional\s)?reporting|writing|editing|written|compiled|produced|edited|translated|interview)\sby\b"
    r"|\bcontributed\s(?:to\s)?(?:this|the)\s(?:report|story|article)\b",
    re.I,
)
_COPYRIGHT = re.compile(
    r"\u00a9|\(c\)\s?\d{4}|^copyright\s?(?:\(c\)\s?)?(?:\d{4}|by\b|notice\b|$)|\ball\srights\sreserved\b"
    r"|\bmay\snot\sbe\s(?:published|reproduced|broadcast|rewritten|redistributed)\b",
    re.I,
)
_SHARE_WORDS = {
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "tweet",
    "email",
    "e-mail",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "print",
    "comment",
    "comments",
    "copy link",
    "copy",
    "link",
    "save",
    "flipboard",
    "messenger",
    "sms",
    "x",
    "threads",
    "bluesky",
    "tumblr",
    "google+",
    "mail",
    "shares",
    "like",
    "more",
    "close",
    "menu",
    "search",
    "home",
}
_SHARE_TOKEN = re.compile(r"[A-Za-z+\-]+")
_TIMESTAMP = re.compile(r"^(?:updated|published|posted|last\supdated|first\spublished|modified|date)\b", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_ONLY = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s)?(?:{_MONTH}\s\d{{1,2}},?\s\d{{4}}|\d{{1,2}}\s{_MONTH}\s\d{{4}}|\d{{4}}-\d\d-\d\d)"
    rf"(?:,?\s(?:at\s)?\d{{1,2}}[:.]\d\d\s?(?:[ap]\.?m\.?)?(?:\s[A-Z]{{2,4}})?)?\.?$",
    re.I,
)
_STAMP_WORD = re.compile(r"\b(?:last\s)?(?:updated|published|posted)\b", re.I)
_CLOCK = re.compile(rf"\d{{1,2}}:\d\d|\b{_MONTH}\s\d|\bago\b", re.I)
_READ_TIME = re.compile(r"^\d+\s?(?:-\s?)?(?:min|mins|minute|minutes)\s(?:read|watch|listen)$", re.I)
# A line made only of dates, times, zones and separators ("Sunday, March 17, 2013 | 5:00 PM",
# "9:53 AM, MON 22 JUL 2013", "8/2/13 at 1:30 PM"): a page's time stamp, token by token.
_STAMP_TOKEN = re.compile(
    rf"(?:{_MONTH}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d{{1,4}}(?:st|nd|rd|th)?[.:]?"
    rf"|\d{{1,4}}(?:[/.-]\d{{1,4}}){{1,2}}|(?P<clock>\d{{1,2}}[:.]\d\d(?:[:.]\d\d)?(?:[ap]\.?m\.?)?|\d{{1,2}}[ap]\.?m\.?)"
    rf"|[ap]\.?m\.?|(?-i:[A-Z]{{2,4}})|\(?(?:gmt|utc)(?:[+-]\d\d?(?::\d\d)?)?\)?|at|on|@|\||/|-|hrs)[,:]?",
    re.I,
)
_STAMP_MONTH = re.compile(rf"^{_MONTH},?$", re.I)
# Separate stamps and bylines sharing a line: "By Jane Smith PUBLISHED: 08:40 BST, 3 March 2015 |
# UPDATED: 10:12 BST, 3 March 2015".
_STAMP_SPLIT = re.compile(r"\s\|\s|\s(?=(?:last\s)?(?:updated|published|posted)\b)", re.I)
# A video player's entry: the clip's length, then its title ("4:57 Firefighters battle blaze").
_CLIP = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d\d\s(?![AaPp]\.?[Mm]\b)(?=[A-Z\"'])")
# How agency captions open: "AP In this image made from video, ...", "FILE - In this March 3, 2015,
# file photo, ...", "In this photo taken Tuesday, ...", "This image provided by the police shows".
_CAPTION_INTRO = re.compile(
    r"^(?:[A-Z][A-Za-z]{1,11}(?:\s?/\s?[A-Z][A-Za-z]+)?\s)?(?:FILE\s?-\s?)?"
    r"(?:In\sthis\s(?:[\w.,'/-]+\s){0,8}?(?:file\s|handout\s|undated\s|combination\s|aerial\s)?"
    r"(?:photo(?:graph)?|image|picture|frame\sgrab|screen\s?(?:grab|shot)|video\s(?:frame|image|grab)|still)s?"
    r"(?:,|\s(?:taken|made|released|provided|shot|obtained|posted|distributed|issued|supplied|courtesy|from|by"
    r"|shows?|showing|dated)\b)"
    r"|This\s(?:(?:file|handout|undated|combination|aerial)\s)?(?:photo(?:graph)?|image|picture|frame\sgrab)"
    r"\s(?:taken|made|released|provided|obtained|distributed|issued|supplied)\s(?:by|from|on|in|at|via)\b)"
)
# "Image copyright Reuters", "Image caption Firefighters at the scene"
_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|media)\s(?:copyright|caption|credit|source)\b", re.I)


def _furniture(t: str) -> str | None:
    """The reason ``t`` (a whole normalised line) is page furniture, or None."""
    words = t.split()
    n = len(words)
    if _URL_START.match(t) and _URL_LINE.fullmatch("".join(words)):
        return "link"
    terminal = bool(_TERMINAL.search(t)) and not _ELLIPSIS_END.search(t)
    low = t.lower()
    if n <= 8 and (not terminal or n <= 2):
        toks = _SHARE_TOKEN.findall(low)
        if toks and (" ".join(toks) in _SHARE_WORDS or all(w in _SHARE_WORDS for w in toks)):
            return "share button"
    if n <= 25 and _READ_MORE.match(t):
        return "read more"
    if n <= 6 and _ADVERT.match(t):
        return "advertisement"
    if n <= SHORT_WORDS and _CTA.match(t) and (not terminal or _CTA_TAIL.search(t)):
        return "call to action"
    if n <= 30 and _EMBED_STRONG.search(t):
        return "embed placeholder"
    if (n <= SHORT_WORDS and not terminal and _EMBED_WEAK.search(t)) or (
        n <= 40 and _COOKIE_NOTICE.search(t)
    ):
        return "embed placeholder"
    if n <= 60 and (
        _CAPTION_START.match(t)
        or _CREDIT_PAREN.search(t)
        or _CAPTION_LABEL.match(t)
        or _CAPTION_INTRO.match(t)
    ):
        return "caption or credit"
    if n <= 40 and _CREDIT_NAME.search(t):
        return "caption or credit"
    m = _TAGS.match(t)
    if m and (m.group(1) or (n <= SHORT_WORDS and not terminal)):
        return "tags"
    if n <= 16 and (_BYLINE.match(t) or _CREDIT_LINE.search(t)):
        return "byline"
    if n <= 60 and _COPYRIGHT.search(t):
        return "copyright"
    if n <= 15 and (
        (_TIMESTAMP.match(t) and re.search(r"\d", t) and (not terminal or _CLOCK.search(t)))
        or (
            _STAMP_WORD.search(t) and _CLOCK.search(t) and not terminal
        )  # "21 July 2013 Last updated at 11:11"
        or _DATE_ONLY.match(t)
        or _READ_TIME.match(t)
        or _stamp_only(words)
    ):
        return "timestamp"
    # Up to 12 words of title: a longer line after a time is more likely a live blog's entry.
    if n <= SHORT_WORDS + 1 and (clip := _CLIP.match(t)) and _headline_shaped(t[clip.end() :]):
        return "video"
    if n <= 40 and ("|" in t or _STAMP_SPLIT.search(t)):
        parts = [p.strip() for p in _STAMP_SPLIT.split(t)]
        if len(parts) >= 2 and all(p and _furniture(p) in ("timestamp", "byline") for p in parts):
            return "timestamp"
    return None


def _stamp_only(words: list[str]) -> bool:
    """Whether the words are only dates, times, zones and separators, with a month or a clock."""
    found = [_STAMP_TOKEN.fullmatch(w) for w in words]
    return (
        all(found)
        and any(c.isdigit() for w in words for c in w)
        and any(m.group("clock") or _STAMP_MONTH.match(m.group()) for m in found if m)
    )


def _title(label: str) -> str:
    """ "MR. JONES" -> "Mr. Jones", "AL-ASSAD" -> "Al-Assad", "O'BRIEN" -> "O'Brien"."""
    out = re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), label.strip())
    return re.sub(r"(?<=[a-z])'([A-Z])\b", lambda m: "'" + m.group(1).lower(), out)  # "DON'T" -> "Don't"


def _headline_shaped(t: str) -> bool:
    n = len(t.split())
    return 0 < n <= HEADLINE_WORDS and not _PERIOD_END.search(t) and any(c.isalpha() for c in t)


def _short(t: str) -> bool:
    """A short line without sentence-final punctuation: a heading, label, link or cut-off fragment."""
    if not any(c.isalpha() for c in t):
        return True
    n = len(t.split())
    return n <= SHORT_WORDS and (not _TERMINAL.search(t) or bool(_ELLIPSIS_END.search(t)))


@dataclass
class _Line:
    full: _Text  # the whole line
    body: _Text  # what would become the block (label, bullet or dateline cut off)
    status: str = "body"  # "body" | "short" | "answer" | "question" | "post" | "skip"
    reason: str = ""
    speaker: str | None = None
    posted: _dt.date | None = None  # an embedded post's date
    label: str | None = None
    cuts: list[tuple[_Text, str]] = field(default_factory=list)  # pieces cut from the line, with reasons
    bullet: bool = False  # the line started with a bullet


def _turn(t: str) -> tuple[str, int] | None:
    """``(label, offset of the turn's text)`` when ``t`` starts with an all-caps speaker label."""
    m = _TURN.match(t)
    if not m:
        return None
    label = m.group("label").strip()
    up = label.rstrip(".")
    if up in _NEWS_LABELS or up in _EDITOR_LABELS or up in _FURNITURE_LABELS:
        return None
    if sum(c.isalpha() for c in label) < 2 and up not in _QUESTION_LABELS | _ANON_ANSWER_LABELS:
        return None
    rest = m.group("rest")
    if not any(c.islower() for c in rest):  # "SYRIA: ENVOY DEFECTS" is an all-caps headline, not a turn
        return None
    return label, m.start("rest")


def _prefix_label(t: str) -> tuple[str, int] | None:
    m = _TURN.match(t)
    if not m:
        return None
    return m.group("label").strip().rstrip("."), m.start("rest")


def _lead_text(ln: _Line) -> str:
    """What a line leading the article would give as the headline."""
    return ln.full.text if ln.status == "answer" else ln.body.text


def _embedded_posts(lines: list[_Line]) -> None:
    """A post's signature ("- Jane Doe (@janedoe) March 3, 2015", with the post's picture link
    before it) is furniture; the words before it, on its line or the line above, are the post's:
    kept whatever their length, as a quotation by the account, dated by the post."""
    for k, ln in enumerate(lines):
        if ln.status in ("question", "answer"):
            continue
        # before other furniture rules: a signature may read as a link or a time stamp too
        sig = signature(ln.body.text)
        if sig is None:
            continue
        if sig.start:  # the post's words and its signature on one line
            ln.cuts.append((ln.body.sub(sig.start, len(ln.body.text)).strip(), "post signature"))
            ln.body = ln.body.sub(0, sig.start).strip()
            post = ln
            if reason := _furniture(post.body.text):
                post.status, post.reason = "skip", reason
                continue
            post.status = "short" if _short(post.body.text) else "body"
        else:
            ln.status, ln.reason = "skip", "post signature"
            post = lines[k - 1] if k else None
            if post is None or post.status not in ("body", "short"):
                continue
        words = post.body.text
        at = trailing_links(words)
        if len(words[:at].strip()) > POST_CHARS:  # an article paragraph, not a post's words
            post.status = "short" if _short(words) else "body"
            continue
        if at is not None:
            post.cuts.append((post.body.sub(at, len(words)).strip(), "link"))
            post.body = post.body.sub(0, at).strip()
        post.status, post.speaker, post.posted = "post", sig.account, sig.posted


def clean(source: Source) -> Cleaned:
    """Normalise ``source.text`` into blocks; list page furniture as ``Skipped``."""
    norm, offs, ends, repaired = _normalize(source.text)
    lines = [_Line(full=t, body=t) for t in _lines(norm, offs, ends)]

    # Bullets and news labels ("BREAKING: ...") come off first.
    for ln in lines:
        b = _BULLET.match(ln.body.text)
        if b:
            ln.body = ln.body.sub(b.end(), len(ln.body.text))
            ln.bullet = True
        p = _prefix_label(ln.body.text)
        if p and p[0] in _NEWS_LABELS:
            ln.cuts.append((ln.body.sub(0, p[1]).strip(), "label"))
            ln.body = ln.body.sub(p[1], len(ln.body.text))
        elif p and p[0] in _EDITOR_LABELS:
            ln.status, ln.reason = "skip", "editor's note"

    turns = [(_turn(ln.body.text) if ln.status != "skip" else None) for ln in lines]
    transcript = sum(t is not None for t in turns) >= 2

    for ln, turn in zip(lines, turns, strict=True):
        if ln.status == "skip":
            continue
        if transcript and turn is not None:
            label, at = turn
            rest = ln.body.sub(at, len(ln.body.text))
            ln.label = label
            if label.rstrip(".") in _QUESTION_LABELS or re.search(r"\?[\"')\]]*$", rest.text):
                ln.status, ln.reason = "question", "interview question"
            else:
                ln.status = "answer"
                ln.speaker = None if label.rstrip(".") in _ANON_ANSWER_LABELS else _title(label)
                ln.body = rest
            continue
        reason = _furniture(ln.body.text)
        if reason:
            ln.status, ln.reason = "skip", reason
            continue
        for rx in _DATELINES:
            m = rx.match(ln.body.text)
            if m and m.end() < len(ln.body.text):
                ln.cuts.append((ln.body.sub(0, m.end()).strip(), "dateline"))
                ln.body = ln.body.sub(m.end(), len(ln.body.text))
                break
            if m:  # the whole line is a dateline
                ln.status, ln.reason = "skip", "dateline"
                break
        if ln.status == "skip":
            continue
        reason = _furniture(ln.body.text) if ln.cuts else None
        if reason:
            ln.status, ln.reason = "skip", reason
            continue
        ln.status = "short" if _short(ln.body.text) else "body"

    _embedded_posts(lines)

    # Bullets under "READ MORE:" or "Related:" are links to other stories, however long.
    under = False
    for ln in lines:
        if ln.status == "skip" and (
            ln.reason == "read more" or (ln.reason == "call to action" and ln.body.text.endswith(":"))
        ):
            under = True
        elif under and ln.bullet:
            ln.status, ln.reason = "skip", "related links"
        else:
            under = False

    # The headline: the first content line when it is headline-shaped; if several short lines
    # lead the article (section label, then headline), the first of three or more words.
    lead: list[int] = []
    for k, ln in enumerate(lines):
        if any(len(_lead_text(lines[j]).split()) >= 3 for j in lead):
            break  # the headline is found
        if ln.status == "skip":
            # "WATCH: Firefighters battle blaze" in the headline's place is the headline of a video
            # story; elsewhere it is a link to a clip.
            if (m := _MEDIA_LABEL.match(ln.body.text)) and not ln.cuts:
                rest = ln.body.sub(m.end(), len(ln.body.text)).strip()
                if len(rest.text.split()) >= 3 and _headline_shaped(rest.text) and not _furniture(rest.text):
                    ln.cuts.append((ln.body.sub(0, m.end()).strip(), "label"))
                    ln.body, ln.status, ln.reason = rest, "headline", ""
                    lead = []
                    break
            continue
        if ln.status in ("question", "post") or (
            ln.status == "answer" and ln.label in _QUESTION_LABELS | _ANON_ANSWER_LABELS
        ):
            break
        if not _headline_shaped(_lead_text(ln)):
            break
        lead.append(k)
    for k in lead:
        ln = lines[k]
        if len(_lead_text(ln).split()) >= 3:
            if ln.status == "answer":  # "ASSAD: I will not step down" as a headline
                ln.body, ln.speaker = ln.full.strip(), None
                b = _BULLET.match(ln.body.text)
                if b:
                    ln.body = ln.body.sub(b.end(), len(ln.body.text))
            ln.status = "headline"
            break

    # Runs of short lines are link lists; a lone one is a heading or a cut-off fragment.
    content = [k for k, ln in enumerate(lines) if ln.status != "skip"]
    run: list[int] = []

    def flush() -> None:
        reason = "related links" if len(run) >= 2 else "heading or fragment"
        for r in run:
            lines[r].status, lines[r].reason = "skip", reason
        run.clear()

    for k in content:
        if lines[k].status == "short":
            run.append(k)
        else:
            flush()
    flush()

    blocks: list[Block] = []
    skipped: list[Skipped] = []
    for ln in lines:
        for piece, reason in ln.cuts:
            if piece.text:
                skipped.append(Skipped(source.id, piece.text, reason, piece.start, piece.end))
        if ln.status in ("skip", "question"):
            piece = ln.body.strip() if ln.cuts else ln.full  # what is left after a cut label or dateline
            if piece.text:
                skipped.append(Skipped(source.id, piece.text, ln.reason, piece.start, piece.end))
            continue
        body = ln.body.strip()
        if not body.text:
            continue
        kind = {"headline": "headline", "answer": "answer", "post": "post"}.get(ln.status, "body")
        blocks.append(
            Block(
                source=source.id,
                index=len(blocks),
                text=body.text,
                offsets=tuple(body.offs),
                ends=tuple(body.ends) if body.ends != [o + 1 for o in body.offs[:-1]] else (),
                kind=kind,
                speaker=ln.speaker if kind in ("answer", "post") else None,
                posted=ln.posted if kind == "post" else None,
            )
        )
    skipped.sort(key=lambda s: (s.start, s.end))
    return Cleaned(source=source.id, blocks=tuple(blocks), skipped=tuple(skipped), repaired=repaired)
