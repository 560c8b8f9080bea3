"""Embedded social posts: the signature line is furniture, the post's words are a quotation by the
account, and their relative times resolve against the post's date, not the article's."""

from __future__ import annotations

import datetime as dt

import pytest

from compare.clean import clean, normalize_text
from compare.extract import annotate
from compare.posts import signature
from compare.records import Source
from compare.segment import segment

PARA_A = (
    "A fire that broke out at a riverside warehouse spread to the docks on Tuesday, officials said, "
    "forcing the evacuation of nearby homes."
)
PARA_B = "The city's fire chief told reporters on Wednesday that the cause of the blaze was not yet known."
POST = "this morning the fire started at the docks, smoke everywhere"


def src(text: str, published: dt.date | None = None) -> Source:
    return Source(id="t", name="t", text=text, published=published)


SIGNATURES = [
    # (the line as pasted, its post's date)
    ("pic.twitter.com/AbC123xyz \u2014 Jane Doe (@janedoe) March 3, 2015", dt.date(2015, 3, 3)),
    ("\u2014 Jane Doe (@janedoe) March 3, 2015", dt.date(2015, 3, 3)),
    ("- Jane Doe (@janedoe) 3 Mar 2015", dt.date(2015, 3, 3)),
    ("\u2014 Jane Doe (@janedoe) 8:40 AM - 3 Mar 2015", dt.date(2015, 3, 3)),
    ("https://t.co/x1Y2z3 \u2014 City Fire Dept. (@CityFire) March 3, 2015", dt.date(2015, 3, 3)),
    ("A photo posted by Jane Doe (@janedoe) on Mar 3, 2015 at 8:40am PST", dt.date(2015, 3, 3)),
    ("\u2014 Jane Doe (@janedoe)", None),
]


@pytest.mark.parametrize("line,posted", SIGNATURES)
def test_post_signature_is_skipped_and_the_post_is_kept(line, posted):
    text = PARA_A + "\n" + POST + "\n" + line + "\n" + PARA_B + "\n"
    c = clean(src(text))
    assert [b.text for b in c.blocks] == [PARA_A, POST, PARA_B]
    (s,) = c.skipped
    assert s.reason == "post signature"
    assert text[s.start : s.end] == line and s.text == normalize_text(line)
    post = c.blocks[1]
    assert post.kind == "post" and post.speaker in ("Jane Doe", "City Fire Dept.") and post.posted == posted


def test_post_words_and_signature_on_one_line():
    line = POST + " pic.twitter.com/AbC123 \u2014 Jane Doe (@janedoe) March 3, 2015"
    text = PARA_A + "\n" + line + "\n" + PARA_B
    c = clean(src(text))
    assert [b.text for b in c.blocks] == [PARA_A, POST, PARA_B]
    (s,) = c.skipped
    assert s.reason == "post signature"
    assert text[s.start : s.end] == "pic.twitter.com/AbC123 \u2014 Jane Doe (@janedoe) March 3, 2015"
    assert c.blocks[1].kind == "post" and c.blocks[1].posted == dt.date(2015, 3, 3)
    assert text[c.blocks[1].start : c.blocks[1].end] == POST


def test_post_picture_link_at_the_end_of_its_words_is_skipped():
    text = (
        PARA_A + "\n" + POST + " pic.twitter.com/AbC123\n\u2014 Jane Doe (@janedoe) March 3, 2015\n" + PARA_B
    )
    c = clean(src(text))
    assert [b.text for b in c.blocks] == [PARA_A, POST, PARA_B]
    assert {s.text: s.reason for s in c.skipped} == {
        "pic.twitter.com/AbC123": "link",
        "- Jane Doe (@janedoe) March 3, 2015": "post signature",
    }


def test_post_this_morning_resolves_against_the_post_date():
    """An article of 4 March 2015 embeds a post of 3 March: the post's "this morning" is 3 March,
    the article's own "this morning" 4 March."""
    own = "Officials said this morning that the fire was under control."
    text = (
        PARA_A
        + "\n"
        + POST
        + " pic.twitter.com/AbC123\n\u2014 Jane Doe (@janedoe) March 3, 2015\n"
        + own
        + "\n"
    )
    source = src(text, published=dt.date(2015, 3, 4))
    claims = annotate(segment(clean(source)), source.published)
    (post,) = [c for c in claims if c.kind == "post"]
    assert post.text == POST and post.speaker == "Jane Doe" and post.facts.speaker == "Jane Doe"
    assert post.reference_date == dt.date(2015, 3, 3)
    (t,) = post.facts.times
    assert t.text == "this morning" and t.low == t.high == dt.date(2015, 3, 3)
    (mine,) = [c for c in claims if c.text == own]
    assert mine.reference_date is None
    assert [(t.low, t.high) for t in mine.facts.times] == [(dt.date(2015, 3, 4), dt.date(2015, 3, 4))]


def test_a_post_is_never_the_headline():
    text = POST + "\n\u2014 Jane Doe (@janedoe) March 3, 2015\n" + PARA_A
    c = clean(src(text))
    assert [b.kind for b in c.blocks] == ["post", "body"]


def test_article_paragraph_above_a_signature_is_not_a_post():
    """A post's words are short; a long paragraph above the signature is the article's own."""
    long_para = " ".join([PARA_A, PARA_B, PARA_A, PARA_B])
    c = clean(src(long_para + "\n\u2014 Jane Doe (@janedoe) March 3, 2015\n" + PARA_B))
    assert [b.kind for b in c.blocks] == ["body", "body"]
    assert [s.reason for s in c.skipped] == ["post signature"]


@pytest.mark.parametrize(
    "line",
    [
        "He wrote to the mayor (@mayor) March 3, 2015",  # no dash: a sentence naming an account
        "Fire crews - 40 of them - fought the blaze on March 3, 2015",
        "Follow Jane Doe on Twitter: @janedoe",
    ],
)
def test_not_a_signature(line):
    assert signature(normalize_text(line)) is None
