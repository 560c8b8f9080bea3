"""Properties of clean, segment and extract over arbitrary text (issue #6).

For any Unicode text: no stage crashes; every block, skipped span and claim points at its own
text in the original (``normalize_text(source.text[start:end]) == text``, or for a span that
ends inside one original character that normalisation expanded, such as the "..." of one
"\u2026", the claim text is inside the original's normalised form); every extracted value's
span points at its text in the claim; the same input gives the same output.

Kept fast (about 200 examples per property, no deadline) so the suite stays quick.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.clean import clean, normalize, normalize_text
from compare.extract import annotate, extract
from compare.records import Source
from compare.segment import MAX_WORDS, segment

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news text and of what breaks text handling: abbreviations, datelines, transcript
# labels, numbers in every form, curly quotes, exotic spaces and dashes, ligatures, combining
# marks, zero-width and bidi controls, line endings of every kind, other scripts, emoji.
_PIECES = [
    "The",
    "talks",
    "ended",
    "said",
    "killed",
    "at least",
    "more than",
    "about",
    "people",
    "soldiers",
    "Mr.",
    "Dr.",
    "U.N.",
    "U.S.",
    "Brig. Gen.",
    "p.m.",
    "Jan.",
    "No.",
    "e.g.",
    "Inc.",
    "Assad",
    "al-Assad",
    "Bashar",
    "Syria",
    "Syrian",
    "Hama",
    "Treemseh",
    "BEIRUT",
    "(AP)",
    "(Reuters) -",
    "Watch",
    "Read more",
    "By",
    "FARES:",
    "Q:",
    "A:",
    "Photo:",
    "Advertisement",
    "Share",
    "12",
    "20",
    "1,200",
    "3.5",
    "17,000",
    "$3.5 billion",
    "5 percent",
    "seven",
    "dozens",
    "two-thirds",
    "10" * 12,
    "9" * 40,
    "1e308",
    "0.000001",
    "-5",
    "1/2",
    "½",
    "٣",
    "१२",
    "on Monday",
    "last week",
    "two weeks ago",
    "July 12, 2012",
    "2012-07-12",
    "since March 2011",
    "in 1999",
    "yesterday",
    "tomorrow",
    "last night",
    "next Monday",
    "last Friday",
    "this month",
    "next year",
    "in December",
    "100000 years ago",
    "99999999999 days ago",
    "in the past 999999999999 weeks",
    "for 10 decades",
    "3 months ago",
    "not",
    "never",
    "denied",
    "no",
    "allegedly",
    "may have",
    " ",
    "  ",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "...",
    "-",
    "--",
    "(",
    ")",
    "[",
    "]",
    '"',
    "'",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u2028",
    "\u2029",
    "\u0085",
    "\x0b",
    "\x0c",
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "\u2014",
    "\u2013",
    "\u2212",
    "\u2026",
    "\u00a0",
    "\u202f",
    "\u3000",
    "\u200b",
    "\u200d",
    "\u00ad",
    "\ufeff",
    "\u202e",
    "\u2066",
    "\ufb01",
    "\ufb03",
    "e\u0301",
    "\u00e9",
    "\u00df",
    "\u0130",
    "\u0131",
    "\u1e9e",
    "\u03a3",
    "\u00c5",
    "\u0627\u0644\u0623\u0633\u062f",
    "\u0414\u0430\u043c\u0430\u0441\u043a",
    "\u4e2d\u56fd",
    "\U0001f600",
    "\uff21\uff22",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x9f",
    "<script>alert(1)</script>",
    "| a | b |",
    "`code`",
    "[x](javascript:alert(1))",
]

newsy = st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=60).map(
    lambda parts: " ".join(parts) if len(parts) % 3 else "".join(parts)
)
any_text = st.text(max_size=300) | newsy
_BULLETS = "\u2022\u00b7\u25aa\u25b8\u25ba\u25e6\u2023\u2043*>"
# The calendar's edges too: "yesterday" in an article dated 0001-01-01 has no date.
dates = (
    st.none()
    | st.sampled_from([dt.date(1, 1, 1), dt.date(1, 1, 3), dt.date(9999, 12, 31), dt.date(9999, 12, 25)])
    | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
)


def _spans_ok(original: str, start: int, end: int, text: str) -> None:
    """``text`` is what the original span ``[start, end)`` holds, after normalisation."""
    assert 0 <= start <= end <= len(original)
    got = normalize_text(original[start:end])
    if got != text:
        # The span ends (or starts) inside one original character that normalisation expanded
        # ("\u2026" -> "...", "\ufb01" -> "fi"): the original span is that whole character.
        assert text in got, (text, got)
        assert len(got) - len(text) <= 2 * 3, (text, got)


@SETTINGS
@given(any_text)
def test_normalize_keeps_a_map_back(text):
    norm, offs = normalize(text)
    assert len(offs) == len(norm) + 1
    assert offs == sorted(offs) and all(0 <= o <= len(text) for o in offs)
    assert offs[-1] == len(text)


@SETTINGS
@given(any_text)
def test_clean_blocks_and_skipped_point_at_their_text(text):
    source = Source(id="s", name="s", text=text)
    cleaned = clean(source)
    for b in cleaned.blocks:
        assert b.text and b.text == b.text.strip()
        assert len(b.offsets) == len(b.text) + 1
        assert list(b.offsets) == sorted(b.offsets)
        _spans_ok(text, b.start, b.end, b.text)
    for s in cleaned.skipped:
        _spans_ok(text, s.start, s.end, s.text)
    assert clean(source) == cleaned


@SETTINGS
@given(any_text)
def test_nothing_vanishes(text):
    """Every visible character of the input is in a block or in a skipped span."""
    source = Source(id="s", name="s", text=text)
    cleaned = clean(source)
    covered = bytearray(len(text) + 1)
    for lo, hi in [(b.start, b.end) for b in cleaned.blocks] + [(s.start, s.end) for s in cleaned.skipped]:
        covered[lo:hi] = b"\x01" * (hi - lo)
    norm, offs = normalize(text)
    # List bullets ("* ", "\u2022 ") are markup, not text: the only characters allowed to go.
    missing = [
        offs[i]
        for i, ch in enumerate(norm)
        if not ch.isspace() and not covered[offs[i]] and ch not in _BULLETS
    ]
    assert missing == [], [text[i] for i in missing]


@SETTINGS
@given(any_text)
def test_segment_claims_point_at_their_text(text):
    source = Source(id="s", name="s", text=text)
    claims = segment(clean(source))
    last = -1
    for n, c in enumerate(claims, 1):
        assert c.id == f"s:{n}" and c.source == "s"
        assert c.text and c.text == c.text.strip()
        assert c.start >= last  # reading order, no overlap
        last = c.end
        _spans_ok(text, c.start, c.end, c.text)
        assert len(c.text.split()) <= MAX_WORDS + 3  # capped (a short tail joins the last piece)
    assert segment(clean(source)) == claims


@SETTINGS
@given(any_text, dates)
def test_extract_spans_point_into_the_claim(text, published):
    facts = extract(text, published)
    for q in facts.quantities:
        assert text[q.start : q.end] == q.text
        assert q.low <= q.high or q.low != q.low  # a range, or NaN never compared
    for t in facts.times:
        assert text[t.start : t.end] == t.text
        assert (t.low is None) == (t.high is None) and (t.low is None or t.low <= t.high)
    for e in facts.entities:
        assert text[e.start : e.end] == e.text and e.key
    if facts.speaker_span:
        s, e = facts.speaker_span
        assert 0 <= s <= e <= len(text)
    assert extract(text, published) == facts


@SETTINGS
@given(any_text, dates)
def test_annotate_whole_articles(text, published):
    source = Source(id="s", name="s", text=text, published=published)
    claims = segment(clean(source))
    annotated = annotate(claims, published)
    assert [(c.id, c.text, c.start, c.end) for c in annotated] == [
        (c.id, c.text, c.start, c.end) for c in claims
    ]
    for c in annotated:
        for q in c.facts.quantities:
            assert c.text[q.start : q.end] == q.text
        for e in c.facts.entities:
            assert c.text[e.start : e.end] == e.text
    assert annotate(claims, published) == annotated


def test_times_off_the_calendar_stay_unresolved():
    # Found by fuzz/fuzz_pipeline.py: date arithmetic past year 1 or 9999 raised OverflowError.
    for text, published in [
        ("It began 100000 years ago.", dt.date(2012, 7, 12)),
        ("It ended 99999999999 days ago.", dt.date(2012, 7, 12)),
        ("He left yesterday, not last week, nor last Monday.", dt.date(1, 1, 1)),
        ("They meet tomorrow, next week and next Friday, in December.", dt.date(9999, 12, 31)),
        ("Talks resume next year.", dt.date(9999, 6, 1)),
    ]:
        facts = extract(text, published)
        assert facts.times and all((t.low is None) == (t.high is None) for t in facts.times)
    (t,) = extract("It began 100000 years ago.", dt.date(2012, 7, 12)).times
    assert (t.text, t.low, t.high) == ("100000 years ago", None, None)
