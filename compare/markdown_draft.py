"""A Markdown draft read as prose: its text without markup, with a map back to the file.

``read(source) -> Plain``; ``remap(cleaned, plain) -> Cleaned``

Drafts are written in Markdown: ``# Heading``, ``- **bold** claim``, ``[link text](https://...)``.
Read as plain text, the markers would become part of claim text ("** claim", a URL mid-sentence)
and a list item would keep its dash. This module parses the draft with markdown-it (CommonMark)
and writes its prose again, block by block, without markup:

* headings, paragraphs, list items and block quotes give their text, one block a paragraph
  (blank lines between), emphasis and code marks dropped, a link's text kept and its
  destination dropped, images and inline HTML dropped;
* front matter (``---`` ... ``---`` at the top), code blocks, HTML blocks and tables are no prose:
  they are listed as ``Skipped`` with their original offsets, so nothing vanishes silently;
* a soft line break joins the two lines with a space (the paragraph was wrapped), except after
  a line that ends a sentence, or after a short first line that reads as a title: drafts written
  like plain text, a paragraph a line with no blank line between, keep their lines.

``Plain.offsets[i]`` is the offset in the original draft of ``Plain.text[i]``, so the cleaner
reads ``Plain.text`` and ``remap`` moves every offset of its blocks and skipped pieces back into
the draft as the user wrote it: a claim's span, and the line and column a gate line reports, point
into the file.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .records import Cleaned, Skipped, Source

__all__ = ["Plain", "is_markdown", "read", "remap", "MARKDOWN_SUFFIXES"]

#: Drafts with these suffixes are read as Markdown.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})

_FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r?\n|\Z)", re.S
)
_NEWLINE = re.compile(r"\r\n?|\n")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"')\]\u201d\u2019]*\s*$")
#: A first line of at most this many words, with no final period, may be a title.
_TITLE_WORDS = 20
#: How far past the cursor the next piece of text may start (markup, container markers and
#: indentation lie between); beyond, the text is matched character by character.
_NEAR = 64


@dataclass(frozen=True)
class Plain:
    """The draft's prose without markup; ``offsets`` has one entry per character of ``text`` and one
    for the end."""

    text: str
    offsets: tuple[int, ...]
    skipped: tuple[Skipped, ...]


def is_markdown(source: Source) -> bool:
    """A draft is read as Markdown when its file name says so (``.md``, ``.markdown``)."""
    return bool(source.path) and Path(source.path).suffix.lower() in MARKDOWN_SUFFIXES


@functools.lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


#: Blocks that hold no prose, with the reason a report gives for leaving them out.
_NOT_PROSE = {
    "fence": "code block in the Markdown draft",
    "code_block": "code block in the Markdown draft",
    "html_block": "HTML in the Markdown draft",
    "table_open": "table in the Markdown draft",
}


def read(source: Source) -> Plain:
    """The prose of a Markdown draft, without markup, with each character's offset in the draft."""
    text = source.text
    skipped: list[Skipped] = []
    parsed = text
    front = _FRONT_MATTER.match(text)
    if front:
        skipped.append(_skipped(source, text, 0, front.end(), "front matter of the Markdown draft"))
        # Blank it, keeping its line breaks, so markdown-it's line numbers stay the file's.
        parsed = re.sub(r"[^\r\n]", " ", text[: front.end()]) + text[front.end() :]
    starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    tokens = _parser().parse(parsed)
    chars: list[str] = []
    offsets: list[int] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if token.type in _NOT_PROSE:
            if token.map:
                lo, hi = _lines(token.map, starts, text)
                skipped.append(_skipped(source, text, lo, hi, _NOT_PROSE[token.type]))
            if token.type == "table_open":
                while k < len(tokens) and tokens[k].type != "table_close":
                    k += 1
        elif token.type == "inline" and token.map:
            got, at = _inline(text, token, starts)
            if "".join(got).strip():
                if chars:  # a blank line between blocks: each is a paragraph of its own
                    chars.extend("\n\n")
                    offsets.extend([min(offsets[-1] + 1, len(text))] * 2)
                chars.extend(got)
                offsets.extend(at)
        k += 1
    offsets.append(offsets[-1] + 1 if offsets else 0)
    return Plain("".join(chars), tuple(offsets), tuple(skipped))


def _lines(span: list[int], starts: list[int], text: str) -> tuple[int, int]:
    """Original (start, end) of a token's lines."""
    lo = starts[span[0]] if span[0] < len(starts) else len(text)
    hi = starts[span[1]] if span[1] < len(starts) else len(text)
    return lo, hi


def _skipped(source: Source, text: str, lo: int, hi: int, reason: str) -> Skipped:
    piece = text[lo:hi]
    lead, trail = len(piece) - len(piece.lstrip()), len(piece.rstrip())
    return Skipped(source.id, piece.strip(), reason, lo + lead, lo + trail)


def _inline(text: str, token, starts: list[int]) -> tuple[list[str], list[int]]:
    """The text of one inline token's children, markup left out, each character with its offset.

    markdown-it gives children no offsets, only the block's lines: each piece of text is found
    again in those lines, in order, from a cursor that moves past the markup between pieces."""
    lo, hi = _lines(token.map, starts, text)
    chars: list[str] = []
    at: list[int] = []
    breaks: list[int] = []
    cur = lo

    def put(piece: str) -> None:
        nonlocal cur
        k = text.find(piece, cur, min(hi, cur + _NEAR + len(piece)))
        if k >= 0:
            chars.extend(piece)
            at.extend(range(k, k + len(piece)))
            cur = k + len(piece)
            return
        # An entity or an escape ("&amp;", "\*") is written otherwise: character by character.
        for ch in piece:
            k = text.find(ch, cur, min(hi, cur + 10))
            chars.append(ch)
            if k >= 0:
                at.append(k)
                cur = k + 1
            else:
                at.append(min(cur, max(lo, hi - 1)))

    for child in token.children or ():
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):
            put(child.content)
        elif kind in ("softbreak", "hardbreak"):
            m = _NEWLINE.search(text, cur, hi)
            breaks.append(len(chars))
            chars.append("\n")
            at.append(m.start() if m else min(cur, max(lo, hi - 1)))
            cur = m.end() if m else cur
        elif kind == "link_close" and child.markup != "autolink":
            cur = _past_destination(text, cur, hi)
        elif kind == "image":
            k = text.find("![", cur, hi)
            if k >= 0:
                cur = _past_destination(text, _closing(text, k + 1, hi, "[", "]"), hi)
        elif kind == "html_inline":
            k = text.find(child.content, cur, hi)
            if k >= 0:
                cur = k + len(child.content)
    _settle_breaks(chars, breaks)
    return chars, at


def _closing(text: str, k: int, hi: int, open_: str, close: str) -> int:
    """The offset of the bracket closing the one at ``k`` (escapes and nesting honoured)."""
    depth, i = 0, k
    while i < hi:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return hi


def _past_destination(text: str, cur: int, hi: int) -> int:
    """Past a link's ``](destination "title")`` or ``][label]``: a URL is no part of the claim."""
    k = text.find("]", cur, min(hi, cur + 8))
    if k < 0:
        return cur
    nxt = text[k + 1 : k + 2]
    if nxt == "(":
        return min(hi, _closing(text, k + 1, hi, "(", ")") + 1)
    if nxt == "[":
        end = text.find("]", k + 2, hi)
        return end + 1 if end >= 0 else k + 1
    return k + 1


def _settle_breaks(chars: list[str], breaks: list[int]) -> None:
    """A soft break joins its two lines with a space, unless the line before ends a sentence or is
    a title: a short first line with no final period before a capital, much shorter than the
    paragraph's other lines (a wrapped paragraph's lines are about as long as each other)."""
    if not breaks:
        return
    bounds = [-1, *breaks, len(chars)]
    lines = ["".join(chars[a + 1 : b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    for n, b in enumerate(breaks):
        before, after = lines[n].strip(), lines[n + 1].lstrip()
        if _ENDS_SENTENCE.search(before):
            continue
        if n == 0 and _title(before, after, lines[1:]):
            continue
        chars[b] = " "


def _title(line: str, after: str, rest: list[str]) -> bool:
    longest = max((len(x.strip()) for x in rest), default=0)
    return (
        0 < len(line.split()) <= _TITLE_WORDS
        and after[:1] != ""
        and (after[:1].isupper() or after[:1] in "\"'\u201c\u2018")
        and len(line) < 0.75 * longest
    )


def remap(cleaned: Cleaned, plain: Plain) -> Cleaned:
    """The cleaner's reading of ``plain.text`` with every offset moved back into the draft, and the
    draft's own skipped blocks (front matter, code, tables) listed beside its furniture."""
    o = plain.offsets

    def end(j: int) -> int:
        return o[j - 1] + 1 if j > 0 else o[0]

    blocks = tuple(
        dataclasses.replace(b, offsets=(*(o[i] for i in b.offsets[:-1]), end(b.offsets[-1])))
        for b in cleaned.blocks
    )
    skipped = [
        dataclasses.replace(s, start=o[s.start], end=end(s.end) if s.end > s.start else o[s.start])
        for s in cleaned.skipped
    ]
    skipped.extend(plain.skipped)
    skipped.sort(key=lambda s: (s.start, s.end))
    return dataclasses.replace(cleaned, blocks=blocks, skipped=tuple(skipped))
