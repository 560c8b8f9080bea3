"""Mojibake (UTF-8 read as Windows-1252: "womanâ€™s") is repaired where ftfy judges a line
garbled; offsets keep pointing at the garbled original, and the report says how much it repaired."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import Article, compare
from compare.clean import clean, normalize_text, original_span
from compare.decode import repair
from compare.records import Source
from compare.segment import segment

from .conftest import FakeEmbedder

GARBLED = (
    "Womanâ€™s home destroyed in fire\n\n"
    "â€œWe lost everything,â€\x9d the womanâ€™s son said on Tuesday, standing outside the house.\n"
    "The fire caused Â£5 million in damage, officials said.\n"
)


def src(text: str) -> Source:
    return Source(id="t", name="t", text=text)


def test_claims_show_the_repair_and_slice_the_garbled_original():
    claims = segment(clean(src(GARBLED)))
    assert [c.text for c in claims] == [
        "Woman's home destroyed in fire",
        '"We lost everything," the woman\'s son said on Tuesday, standing outside the house.',
        "The fire caused £5 million in damage, officials said.",
    ]
    assert [GARBLED[c.start : c.end] for c in claims] == [
        "Womanâ€™s home destroyed in fire",
        "â€œWe lost everything,â€\x9d the womanâ€™s son said on Tuesday, standing outside the house.",
        "The fire caused Â£5 million in damage, officials said.",
    ]


def test_a_repaired_character_maps_to_its_whole_garbled_sequence():
    c = clean(src(GARBLED))
    quote = c.blocks[1]
    i = quote.text.index('"', 1)  # the closing quote, repaired from three garbled characters
    assert GARBLED[slice(*original_span(quote, 0, i + 1))] == "â€œWe lost everything,â€\x9d"
    j = quote.text.index("'s son")
    assert GARBLED[slice(*original_span(quote, j, j + 1))] == "â€™"
    assert c.repaired == 5


@pytest.mark.parametrize(
    "garbled,fixed",
    [
        ("The womanâ€™s house", "The woman\u2019s house"),
        ("cafÃ©s", "caf\u00e9s"),
        ("ÃƒÂ© twice", "\u00e9 twice"),  # garbled twice: two passes
        ("costs Â\xa0£5", "costs \xa0\u00a35"),
        ("IÃ±tÃ«rnÃ¢tiÃ´nÃ\xa0lizÃ¦tiÃ¸n", "I\u00f1t\u00ebrn\u00e2ti\u00f4n\u00e0liz\u00e6ti\u00f8n"),
        ("Ã la carte", "Ã la carte"),  # a plain space for the lost byte: a guess, left alone
        ("endsâ€", "endsâ€"),  # a byte lost: nothing to read back
    ],
)
def test_repair_reads_each_garbled_sequence_back(garbled, fixed):
    out, spans, n = repair(garbled)
    assert out == fixed
    if spans is not None:
        assert len(spans) == len(out) and [s for s, _ in spans] == sorted(s for s, _ in spans)
        assert "".join(garbled[s:e] for s, e in spans) == garbled


def test_clean_text_is_left_alone():
    text = "The naïve café owner said the façade of the Müller building fell on Tuesday – “a shock”."
    fixed, spans, n = repair(text)
    assert (fixed, spans, n) == (text, None, 0)
    c = clean(src(text))
    assert c.repaired == 0 and c.blocks[0].ends == ()


def test_report_notes_the_repair_once_per_source():
    report = compare(
        [
            Article(text=GARBLED, id="a", name="Daily A", published=dt.date(2015, 3, 4)),
            Article(text="The woman's home was destroyed in a fire on Tuesday, her son said.", id="b"),
        ],
        embedder=FakeEmbedder(),
        cache_dir=None,
    )
    assert [n for n in report.notes if "mojibake" in n] == [
        "repaired 5 garbled characters (mojibake) in Daily A"
    ]
    garbled = report.sources[0].text
    for c in report.claims:
        if c.source == "a":  # the evidence span slices the original, garbled as it came
            assert normalize_text(garbled[c.start : c.end]) == c.text


_PARTS = [
    *("â€™", "â€œ", "â€\x9d", "Ã©", "ÃƒÂ©", "Â£", "Â\xa0", "Ã\xa0", "Ã ", "â€", "\x93"),
    *("The", " ", "woman", "said", ".", "\n", "\r", "é", "’", ",", "café"),
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=60))
def test_offsets_hold_with_repairs(parts):
    """Every block span slices the original; every character's span is in order and in range."""
    text = "".join(parts)
    c = clean(src(text))
    for b in c.blocks:
        assert len(b.offsets) == len(b.text) + 1
        assert list(b.offsets) == sorted(b.offsets)
        assert not b.ends or len(b.ends) == len(b.text)
        for i in range(len(b.text)):
            s, e = original_span(b, i, i + 1)
            assert 0 <= s < e <= len(text)
        assert normalize_text(text[b.start : b.end]) == b.text
    for s in c.skipped:
        assert normalize_text(text[s.start : s.end]) == s.text
