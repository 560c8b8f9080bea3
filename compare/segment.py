"""Segment stage: split cleaned blocks into sentence claims.

``segment(cleaned) -> tuple[Claim, ...]``

* Sentences are split per block with pysbd (abbreviations, initials, decimals, "U.N.", "p.m.",
  quotes holding several sentences followed by their attribution all survive). For speed, a block
  is first cut at unambiguous boundaries (a 3+ letter non-abbreviation word, ". ", a capital,
  outside double quotes); pieces with no inner sentence punctuation skip pysbd, and pieces longer
  than CHUNK_CHARS are cut at ";"/"."/space, so pysbd never sees a huge paragraph.
* A headline block is one claim (kind "headline"); answer blocks give claims of kind "answer"
  with the block's speaker; an embedded post's words give claims of kind "post" with its account
  as speaker and its date as ``reference_date``; everything else is kind "sentence".
* A tiny fragment (fewer than 3 words, or no letters) is merged into the previous sentence of
  the same block, or into the next one when it comes first; a block made only of fragments gives
  a claim only when they add up to 3+ words ("Yes. No. Maybe."), else nothing (the text stays in
  the block, so nothing is hidden: it is just not compared).
* A claim is at most ~80 words: longer runs are cut after a ";" or "," when one falls in the
  second half of the window, else at a space.
* ``Claim.start``/``end`` are the span in the original source text; ``Claim.text`` is the
  normalised block text of the sentence, stripped. Ids are "<source>:<n>", n from 1.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from .clean import original_span
from .lexicon import SENTENCE_ABBREVIATIONS
from .records import Block, Claim, Cleaned

__all__ = ["segment", "sentence_spans", "MAX_WORDS", "MIN_WORDS"]

#: A claim holds at most about this many words.
MAX_WORDS = 80
#: A sentence of fewer words is a fragment, merged into a neighbour.
MIN_WORDS = 3
#: Pieces longer than this many characters are cut before pysbd sees them (it slows on long input).
CHUNK_CHARS = 1000

_WORD = re.compile(r"\S+")
_INTERNAL = re.compile(r"[.!?][\"')\]]*\s")
# A boundary no sentence splitter would argue with: a lower-case word of 3+ letters (not an
# abbreviation), final punctuation, space, then a capital; outside double quotes.
_SAFE = re.compile(r"(?<![A-Za-z.])([a-z][a-z]{2,}|[A-Z][a-z]{2,})[.!?]\s+(?=[A-Z])")


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def _cut_long(text: str, pos: int, n: int) -> list[tuple[int, int]]:
    """Cut ``text[pos:n]`` (no safe boundary inside) into pieces of at most CHUNK_CHARS."""
    out = []
    while n - pos > CHUNK_CHARS:
        lo, hi = pos + CHUNK_CHARS // 3, pos + CHUNK_CHARS
        cut = None
        for m in re.finditer(r"[;.!?][\"')\]]*\s+", text[lo:hi]):
            cut = lo + m.end()
        if cut is None:
            k = text.rfind(" ", lo, hi)
            cut = k + 1 if k > 0 else hi
        out.append((pos, cut))
        pos = cut
    out.append((pos, n))
    return out


def _chunks(text: str) -> list[tuple[int, int]]:
    """Cut a block at safe sentence boundaries; cut pieces still longer than CHUNK_CHARS anywhere sensible."""
    out: list[tuple[int, int]] = []
    pos = 0
    quotes = 0
    last = 0
    for m in _SAFE.finditer(text):
        quotes += text.count('"', last, m.start())
        last = m.start()
        if quotes % 2 or m.group(1).lower() in SENTENCE_ABBREVIATIONS:
            continue
        out.extend(_cut_long(text, pos, m.end()))
        pos = m.end()
    if pos < len(text) or not out:
        out.extend(_cut_long(text, pos, len(text)))
    return out


def _strip(text: str, i: int, j: int) -> tuple[int, int] | None:
    while i < j and text[i].isspace():
        i += 1
    while j > i and text[j - 1].isspace():
        j -= 1
    return (i, j) if i < j else None


_CLOCK_END_RE = re.compile(r"\d\s*[ap]\.\s?m\.\s*$", re.I)
_CLOCK_ON_RE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|MT|GMT|UTC"
    r"|BST|CET|IST|Eastern|Central|Pacific|Mountain|[Ll]ocal\s+time)\b|[a-z(,;]"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[(i, j), ...]``: the sentences of ``text`` as stripped spans, in order, covering all of it."""
    bounds: list[int] = []
    for a, b in _chunks(text):
        bounds.append(a)
        piece = text[a:b]
        if not _INTERNAL.search(piece.rstrip()):
            continue
        try:
            found = _segmenter().segment(piece)
        except Exception:  # pysbd failing on odd input must not lose the text: keep the piece whole
            continue
        cursor = 0
        for k, sent in enumerate(found):
            s = sent.strip()
            if not s:
                continue
            at = piece.find(s[:40], cursor)
            if at < 0:  # pysbd changed the text: keep the sentence with its neighbour
                continue
            if k and at > 0:  # any text pysbd did not return stays with the previous sentence
                bounds.append(a + at)
            cursor = at + len(s) if piece.startswith(s, at) else at + 1
    # pysbd ends a sentence at "p.m." before a capital: "at 3 p.m. Friday", "at 12:46 a.m. ET"
    bounds = sorted(
        b
        for b in set(bounds)
        if not (_CLOCK_END_RE.search(text, max(0, b - 16), b) and _CLOCK_ON_RE.match(text, b))
    )
    bounds.append(len(text))
    spans = []
    for i, j in itertools.pairwise(bounds):
        sp = _strip(text, i, j)
        if sp:
            spans.append(sp)
    return spans


def _tiny(text: str) -> bool:
    return len(text.split()) < MIN_WORDS or not any(c.isalpha() for c in text)


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    carry: int | None = None  # start of a leading fragment waiting for the next sentence
    for i, j in spans:
        if carry is not None:
            i, carry = carry, None
        if _tiny(text[i:j]):
            if out:
                out[-1] = (out[-1][0], j)
            else:
                carry = i
            continue
        out.append((i, j))
    if carry is not None and spans and not _tiny(text[carry : spans[-1][1]]):
        out.append((carry, spans[-1][1]))  # fragments that together make a claim ("Yes. No. Maybe.")
    return out  # a block that is only a fragment gives nothing


def _cap(text: str, i: int, j: int) -> list[tuple[int, int]]:
    """Cut ``text[i:j]`` into pieces of at most ~MAX_WORDS words."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, i, j)]
    if len(words) <= MAX_WORDS:
        return [(i, j)]
    pieces: list[tuple[int, int]] = []
    s = 0
    while len(words) - s > MAX_WORDS:
        window = range(s + MAX_WORDS - 1, s + MAX_WORDS // 2 - 1, -1)
        brk = next((w for w in window if text[words[w][1] - 1] == ";"), None)
        if brk is None:
            brk = next((w for w in window if text[words[w][1] - 1] == ","), None)
        if brk is None:
            brk = s + MAX_WORDS - 1
        pieces.append((words[s][0], words[brk][1]))
        s = brk + 1
    last = (words[s][0], words[-1][1])
    if len(words) - s < MIN_WORDS and pieces:
        pieces[-1] = (pieces[-1][0], last[1])
    else:
        pieces.append(last)
    return pieces


def _block_spans(block: Block) -> list[tuple[int, int]]:
    text = block.text
    if block.kind == "headline":
        spans = [(0, len(text))] if not _tiny(text) else []
    else:
        spans = _merge_fragments(text, sentence_spans(text))
    return [p for i, j in spans for p in _cap(text, i, j)]


def segment(cleaned: Cleaned) -> tuple[Claim, ...]:
    """The claims of a cleaned source, in reading order."""
    claims: list[Claim] = []
    for block in cleaned.blocks:
        kind = block.kind if block.kind in ("headline", "answer", "post") else "sentence"
        for i, j in _block_spans(block):
            start, end = original_span(block, i, j)
            claims.append(
                Claim(
                    id=f"{cleaned.source}:{len(claims) + 1}",
                    source=cleaned.source,
                    text=block.text[i:j],
                    start=start,
                    end=end,
                    kind=kind,
                    block=block.index,
                    speaker=block.speaker if kind in ("answer", "post") else None,
                    reference_date=block.posted,
                )
            )
    return tuple(claims)
