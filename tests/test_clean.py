"""Tests of the clean stage: normalisation with offsets, furniture rules, datelines, headline, transcripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.clean import clean, normalize, normalize_text, original_span
from compare.records import Block, Cleaned, Skipped, Source

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = {"cbs": "000_41ce0450144724b7.txt", "thinkprogress": "002_0d01754cb50d208e.txt"}

PARA_A = (
    "Flood waters rose across the northern province on Monday, forcing thousands of families from their "
    "homes."
)
PARA_B = (
    "The regional governor said emergency crews had rescued 312 people and that more rain was expected "
    "overnight."
)


def src(text: str, id: str = "t") -> Source:
    return Source(id=id, name=id, text=text)


def seed(id: str) -> Source:
    return Source(id=id, name=id, text=(SEEDS / SEED_FILES[id]).read_text(encoding="utf-8"))


def texts(c: Cleaned) -> list[str]:
    return [b.text for b in c.blocks]


def reasons(c: Cleaned) -> dict[str, str]:
    return {s.text: s.reason for s in c.skipped}


def check_offsets(source: Source, c: Cleaned) -> None:
    """Every block and skipped span maps back onto the original text."""
    for b in c.blocks:
        assert len(b.offsets) == len(b.text) + 1
        assert list(b.offsets) == sorted(b.offsets)
        assert normalize_text(source.text[b.start : b.end]) == b.text or b.kind == "answer"
        for i, ch in enumerate(b.text):
            orig = source.text[b.offsets[i]]
            assert normalize_text(orig) in (ch, "", "...") or orig.isspace(), (b.text, i, ch, orig)
    for s in c.skipped:
        assert normalize_text(source.text[s.start : s.end]) == s.text


# --- normalisation ---------------------------------------------------------------------------


def test_normalize_maps_punctuation_and_keeps_offsets():
    raw = "\u201cNo\u201d \u2018yes\u2019\u00a0A\u2014B\u2013C \u22125 wait\u2026 x\u00ady z\u200bw\u0007!"
    norm, offs = normalize(raw)
    assert norm == "\"No\" 'yes' A-B-C -5 wait... xy zw!"
    assert len(offs) == len(norm) + 1 and offs[-1] == len(raw)
    # single characters map one to one
    assert raw[offs[norm.index("A-B")]] == "A"
    assert raw[offs[norm.index("A-B") + 1]] == "\u2014"
    assert raw[offs[norm.index("-5")]] == "\u2212"
    # the three dots all point at the ellipsis
    k = norm.index("...")
    assert offs[k] == offs[k + 1] == offs[k + 2] == raw.index("\u2026")
    # dropped characters leave no trace
    assert "\u00ad" not in norm and "\u200b" not in norm and "\u0007" not in norm
    assert raw[offs[norm.index("xy") + 1]] == "y"


def test_normalize_spaces_and_line_endings():
    raw = "One\u2009two\u200athree\u202ffour\r\nfive\rsix\tseven"
    norm, offs = normalize(raw)
    assert norm == "One two three four\nfive\nsix seven"
    assert raw[offs[norm.index("\nfive")]] == "\n"
    assert raw[offs[norm.index("\nsix")]] == "\r"


def test_block_offsets_point_at_original_characters_ascii():
    text = "  Rescue teams  reached the   village on Tuesday.  \n\n" + PARA_A + "\n" + PARA_B + "\n"
    source = src(text)
    c = clean(source)
    assert texts(c) == ["Rescue teams reached the village on Tuesday.", PARA_A, PARA_B]
    for b in c.blocks:
        for i, ch in enumerate(b.text):
            if ch != " ":
                assert text[b.offsets[i]] == ch
        assert text[b.start : b.end].split() == b.text.split()
    check_offsets(source, c)


def test_block_offsets_with_unicode_and_crlf():
    text = (
        "Storm batters coast\r\n\r\n"
        "\u201cWe lost everything\u2026 the roof, the car,\u201d said Ana\u00a0Souza, 44 \u2014 a "
        "teacher in the town.\r\n"
        "The mayor\u2019s office said 1,200\u2009homes were damaged and the harbour\u00ad wall collapsed.\r\n"
    )
    source = src(text)
    c = clean(source)
    assert texts(c) == [
        "Storm batters coast",
        '"We lost everything... the roof, the car," said Ana Souza, 44 - a teacher in the town.',
        "The mayor's office said 1,200 homes were damaged and the harbour wall collapsed.",
    ]
    check_offsets(source, c)
    quote = c.blocks[1]
    i = quote.text.index("everything...")
    s, e = original_span(quote, i, i + len("everything..."))
    assert text[s:e] == "everything\u2026"
    i = quote.text.index(" - a")
    s, e = original_span(quote, i + 1, i + 2)
    assert text[s:e] == "\u2014"
    s, e = original_span(quote, 0, len(quote.text))
    assert text[s] == "\u201c" and text[e - 1] == "."
    assert original_span(quote, 3, 3) == (quote.offsets[3], quote.offsets[3])
    with pytest.raises(ValueError):
        original_span(quote, 0, len(quote.text) + 1)


def test_blocks_numbered_in_reading_order_and_skipped_sorted():
    text = "Share this\n\n" + PARA_A + "\n\nAdvertisement\n\n" + PARA_B + "\n\nTags: floods, weather\n"
    c = clean(src(text))
    assert [b.index for b in c.blocks] == list(range(len(c.blocks)))
    assert [b.start for b in c.blocks] == sorted(b.start for b in c.blocks)
    assert [s.start for s in c.skipped] == sorted(s.start for s in c.skipped)
    assert all(isinstance(s, Skipped) and s.source == "t" for s in c.skipped)
    assert all(isinstance(b, Block) and b.source == "t" for b in c.blocks)
    assert c.source == "t"


def test_empty_and_blank_input():
    for text in ("", "\n\n  \r\n\t\n"):
        c = clean(src(text))
        assert c.blocks == () and c.skipped == ()


# --- furniture -----------------------------------------------------------------------------

FURNITURE = [
    ("Watch CBSN Live", "call to action"),
    ("Watch the interview here:", "call to action"),
    ("View CBS News In", "call to action"),
    ("Listen to this article", "call to action"),
    ("Follow us on Twitter for updates.", "call to action"),
    ("Sign up for our daily newsletter.", "call to action"),
    ("Click here to read the full report.", "call to action"),
    ("Download the app", "call to action"),
    ("Get the app", "call to action"),
    ("See also: A timeline of the crisis", "call to action"),
    ("Related: Earthquake shakes capital", "call to action"),
    ("Subscribe now", "call to action"),
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Unknown iFrame situation", "embed placeholder"),
    ("Your browser does not support the video tag.", "embed placeholder"),
    ("Please enable JavaScript to view the comments", "embed placeholder"),
    ("This site uses cookies to improve your experience. Accept cookies", "embed placeholder"),
    ("Embedded video", "embed placeholder"),
    ("Photo: Reuters", "caption or credit"),
    (
        "Residents wade through a flooded street in the old town on Monday. (AP Photo/Maria Costa)",
        "caption or credit",
    ),
    ("A rescue worker carries a child to safety. Getty Images", "caption or credit"),
    ("Image: courtesy of the regional government", "caption or credit"),
    ("Credit: Tom Baker/Reuters", "caption or credit"),
    ("Tags: floods, weather, rescue", "tags"),
    ("Topics: Elections", "tags"),
    ("Filed under: World News", "tags"),
    ("By John Smith", "byline"),
    ("By JOHN SMITH, Associated Press", "byline"),
    ("By Maria Lopez and Kenji Tanaka, Reuters", "byline"),
    ("Reporting by Sara Kim; Editing by Tom Ward", "byline"),
    ("Associated Press writer Lee Chan in Seoul contributed to this report.", "byline"),
    ("\u00a9 2012 CBS Interactive Inc. All Rights Reserved.", "copyright"),
    (
        "Copyright 2019 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, "
        "rewritten or redistributed.",
        "copyright",
    ),
    ("READ MORE: Dam fears grow as river keeps rising", "read more"),
    ("Read more", "read more"),
    ("Share this", "share button"),
    ("Tweet", "share button"),
    ("Email", "share button"),
    ("Facebook", "share button"),
    ("Facebook Twitter Email", "share button"),
    ("Updated 10:32 AM ET, Thu July 12, 2012", "timestamp"),
    ("Published March 3, 2021", "timestamp"),
    ("July 12, 2012", "timestamp"),
    ("3 min read", "timestamp"),
    # newsroom pages (issue 15)
    ("AP In this image made from video, firefighters battle the blaze on Tuesday.", "caption or credit"),
    ("In this photo taken Tuesday, March 3, 2015, firefighters battle the blaze.", "caption or credit"),
    ("FILE - In this March 3, 2015, file photo, crews work at the docks.", "caption or credit"),
    ("This image provided by the city fire department shows the warehouse.", "caption or credit"),
    ("Image copyright Getty Images", "caption or credit"),
    ("Image caption Firefighters at the scene on Tuesday", "caption or credit"),
    ("Crews at the scene on Tuesday. (Photo: Jane Smith, The Daily News)", "caption or credit"),
    ("4:57 Firefighters battle warehouse blaze", "video"),
    ("1:02:33 Full news conference: the fire chief on the warehouse blaze", "video"),
    ("PUBLISHED: 08:40 BST, 3 March 2015 | UPDATED: 10:12 BST, 3 March 2015", "timestamp"),
    ("By Jane Smith PUBLISHED: 08:40 BST, 3 March 2015 | UPDATED: 10:12 BST, 3 March 2015", "timestamp"),
    ("Sunday, March 17, 2013 | 5:00 PM", "timestamp"),
    ("9:53 AM, MON 22 JUL 2013", "timestamp"),
    ("8/2/13 at 1:30 PM", "timestamp"),
    ("2 October 2013, 15:39 (GMT+05:00)", "timestamp"),
    ("http : / / www . example . com / news / 2015 / 03 / warehouse - fire . html", "link"),
]


@pytest.mark.parametrize("line,reason", FURNITURE)
def test_furniture_line_is_skipped_with_reason(line, reason):
    text = PARA_A + "\n\n" + line + "\n\n" + PARA_B + "\n"
    source = src(text)
    c = clean(source)
    assert texts(c) == [PARA_A, PARA_B], line
    (s,) = c.skipped
    assert s.reason == reason
    assert s.text == normalize_text(line)
    assert s.start == text.index(line) and s.end == text.index(line) + len(line)
    check_offsets(source, c)


def test_related_links_run():
    text = (
        PARA_A + "\n\nSpecial Section: Floods in the North\nDam fears grow as river keeps rising\n"
        "Farmers count the cost of a wet spring\n\n" + PARA_B
    )
    c = clean(src(text))
    assert texts(c) == [PARA_A, PARA_B]
    assert reasons(c) == {
        "Special Section: Floods in the North": "related links",
        "Dam fears grow as river keeps rising": "related links",
        "Farmers count the cost of a wet spring": "related links",
    }


def test_related_links_run_across_blank_lines_and_bullets():
    text = PARA_A + "\n\n\u2022 Dam fears grow\n\n\u2022 Farmers count the cost\n\n" + PARA_B
    c = clean(src(text))
    assert texts(c) == [PARA_A, PARA_B]
    assert sorted(s.reason for s in c.skipped) == ["related links", "related links"]


def test_bullets_under_read_more_are_related_links():
    """Under "READ MORE:" even sentence-long bullets are other stories' headlines."""
    text = (
        PARA_A + "\n\nREAD MORE:\n\u2022 Warehouse fire: what we know about the blaze and who was hurt.\n"
        "\u2022 A second fire in a month hits the docks, officials say.\n\n" + PARA_B
    )
    source = src(text)
    c = clean(source)
    assert texts(c) == [PARA_A, PARA_B]
    assert [s.reason for s in c.skipped] == ["read more", "related links", "related links"]
    check_offsets(source, c)


def test_bullets_under_a_plain_heading_stay():
    lines = ["Twelve people died in the fire, the report found.", "The alarm did not sound, inspectors said."]
    text = PARA_A + "\n\nKey findings:\n" + "\n".join("\u2022 " + x for x in lines) + "\n\n" + PARA_B
    assert texts(clean(src(text))) == [PARA_A, *lines, PARA_B]


def test_time_stamp_before_the_headline_is_not_the_headline():
    c = clean(src("9:53 AM, MON 22 JUL 2013\n\nQuake survivors pulled from rubble\n\n" + PARA_A))
    assert c.blocks[0].kind == "headline" and c.blocks[0].text == "Quake survivors pulled from rubble"
    assert reasons(c) == {"9:53 AM, MON 22 JUL 2013": "timestamp"}


def test_lone_subheading_and_truncated_last_line_are_heading_or_fragment():
    text = PARA_A + "\n\nThe road to recovery\n\n" + PARA_B + "\n\nOfficials in the capital said the"
    c = clean(src(text))
    assert texts(c) == [PARA_A, PARA_B]
    assert reasons(c) == {
        "The road to recovery": "heading or fragment",
        "Officials in the capital said the": "heading or fragment",
    }


REAL = [
    # long line that lost its final full stop
    (
        "Also on Monday, the ministry said it had found evidence that the levee near the city of Porto "
        "Alto had failed"
    ),
    # short one-line paragraphs that are real sentences
    "The talks ended.",
    "Nobody was hurt.",
    "Is the ceasefire holding?",
    # look like furniture at first glance
    "Watchdog groups criticised the plan.",
    "Follow-up talks are planned for next week.",
    "Share prices fell 3 percent on Monday.",
    "By Friday, the rebels had withdrawn from the town.",
    "By the time the troops arrived, the village was empty.",
    "Updated figures released Thursday showed 17,000 dead.",
    "Email records show the minister knew in May.",
    "The bakery sold cookies at a charity fair on Sunday.",
    "Read the statement, officials urged reporters.",
    "Photographers were barred from the courtroom on Tuesday.",
    (
        "Copyright lawyers for the studio filed a new suit against the streaming service on Friday, "
        "seeking damages."
    ),
    # look like captions, clips or time stamps
    "In this case, the defendant is accused of driving while drunk, prosecutors said.",
    "This photo of the minister has gone viral since Monday, officials said.",
    "Police released this image of the suspect taken by a security camera on Monday.",
    "10:30 Police say the fire is now under control.",
    "14:05 The prime minister says the government will hold a full inquiry into the fire at the docks",
    "May 2013 was the wettest month on record, forecasters said.",
]


@pytest.mark.parametrize("line", REAL)
def test_real_sentences_are_kept(line):
    text = PARA_A + "\n\n" + line + "\n\n" + PARA_B
    c = clean(src(text))
    assert texts(c) == [PARA_A, line, PARA_B]
    assert c.skipped == ()


def test_real_sentence_paragraph_with_single_newlines():
    text = PARA_A + "\nThe talks ended.\n" + PARA_B
    assert texts(clean(src(text))) == [PARA_A, "The talks ended.", PARA_B]


# --- datelines -----------------------------------------------------------------------------

DATELINES = [
    "(AP) BEIRUT - ",
    "(Reuters) - ",
    "WASHINGTON (Reuters) - ",
    "LONDON, July 12 (Reuters) -",
    "BEIRUT, Lebanon (AP) \u2014 ",
    "BEIRUT -- ",
    "NEW YORK (CNNMoney) -- ",
    "Beirut, Lebanon (CNN) -- ",
    "DAMASCUS, Syria, July 12, 2012 (AP) - ",
]


@pytest.mark.parametrize("dateline", DATELINES)
def test_dateline_is_cut_from_block(dateline):
    body = "Government forces shelled the rebel-held district for a third day on Thursday, residents said."
    text = "Syria shelling enters third day\n\n" + dateline + " " + body + "\n\n" + PARA_B
    source = src(text)
    c = clean(source)
    assert texts(c) == ["Syria shelling enters third day", body, PARA_B]
    (d,) = [s for s in c.skipped if s.reason == "dateline"]
    assert d.text == normalize_text(dateline)
    assert d.start == text.index(dateline)
    assert c.blocks[1].start == text.index(body)
    check_offsets(source, c)


def test_no_dateline_in_ordinary_paragraphs():
    lines = [
        "NATO-led forces withdrew from the valley on Sunday, the alliance said.",
        "U.S. officials - speaking on condition of anonymity - confirmed the strike.",
        "Rebels - many of them former conscripts - held the town.",
    ]
    c = clean(src("\n\n".join(lines)))
    assert texts(c) == lines
    assert not c.skipped


# --- headline ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "Defected Syria envoy: Only force can topple Assad",
        "Is the ceasefire in Yemen about to collapse?",
        "Floods: What we know so far",
        "Mayor vows to rebuild 'every last house' after storm",
    ],
)
def test_headline_detected(headline):
    text = "Watch Live\n\n" + headline + "\n\n" + PARA_A + "\n\n" + PARA_B
    c = clean(src(text))
    assert c.blocks[0].kind == "headline" and c.blocks[0].text == headline
    assert [b.kind for b in c.blocks[1:]] == ["body", "body"]
    assert reasons(c) == {"Watch Live": "call to action"}


@pytest.mark.parametrize("label", ["WATCH:", "VIDEO:", "LIVE:", "PHOTOS:", "Watch:"])
def test_media_label_comes_off_the_headline(label):
    headline = "Firefighters battle warehouse blaze"
    text = "World\n\n" + label + " " + headline + "\n\n" + PARA_A + "\n\n" + PARA_B
    source = src(text)
    c = clean(source)
    assert c.blocks[0].kind == "headline" and c.blocks[0].text == headline
    assert text[c.blocks[0].start : c.blocks[0].end] == headline  # offsets after the label
    assert reasons(c) == {"World": "heading or fragment", label: "label"}
    check_offsets(source, c)


def test_media_label_line_after_the_headline_is_a_link_to_a_clip():
    text = "Warehouse fire spreads to docks\n\n" + PARA_A + "\n\nWATCH: Crews at the scene\n\n" + PARA_B
    c = clean(src(text))
    assert texts(c) == ["Warehouse fire spreads to docks", PARA_A, PARA_B]
    assert reasons(c) == {"WATCH: Crews at the scene": "call to action"}


def test_no_headline_when_article_starts_with_a_sentence():
    c = clean(src("The talks ended without a deal.\n\n" + PARA_A))
    assert [b.kind for b in c.blocks] == ["body", "body"]


def test_no_headline_when_first_line_is_long():
    first = " ".join(["word"] * 21)
    c = clean(src(first + "\n\n" + PARA_A))
    assert [b.kind for b in c.blocks] == ["body", "body"]


def test_section_label_before_headline():
    c = clean(src("World\n\nQuake survivors pulled from rubble after three days\n\n" + PARA_A))
    assert c.blocks[0].kind == "headline"
    assert c.blocks[0].text == "Quake survivors pulled from rubble after three days"
    assert reasons(c) == {"World": "heading or fragment"}


def test_headline_only_once():
    text = "Quake survivors pulled from rubble\n\n" + PARA_A + "\n\nAftershocks hit the region\n\n" + PARA_B
    c = clean(src(text))
    assert [b.kind for b in c.blocks] == ["headline", "body", "body"]
    assert reasons(c) == {"Aftershocks hit the region": "heading or fragment"}


# --- transcripts ---------------------------------------------------------------------------

INTERVIEW = """Minister says talks will resume

The finance minister spoke to the BBC on Tuesday about the debt negotiations.

BBC: Will you accept the lenders' terms?

MORALES: We will not sign anything that cuts pensions again. Our people have paid enough.

Q: And if they refuse?

A: Then we will go to the voters and let them decide.

MR. O'BRIEN: The fund has always been flexible, and it will be again.
"""


def test_transcript_turns():
    source = src(INTERVIEW)
    c = clean(source)
    r = reasons(c)
    assert r["BBC: Will you accept the lenders' terms?"] == "interview question"
    assert r["Q: And if they refuse?"] == "interview question"
    answers = [b for b in c.blocks if b.kind == "answer"]
    assert [(b.speaker, b.text) for b in answers] == [
        ("Morales", "We will not sign anything that cuts pensions again. Our people have paid enough."),
        (None, "Then we will go to the voters and let them decide."),
        ("Mr. O'Brien", "The fund has always been flexible, and it will be again."),
    ]
    assert c.blocks[0].kind == "headline"
    for b in answers:
        assert INTERVIEW[b.start : b.end] == b.text  # the label is not part of the block
    check_offsets(source, c)


def test_single_label_line_is_not_a_transcript():
    line = "BREAKING: The dam on the upper river has failed, officials said."
    c = clean(src(PARA_A + "\n\n" + line))
    assert texts(c) == [PARA_A, "The dam on the upper river has failed, officials said."]
    assert reasons(c) == {"BREAKING:": "label"}
    assert all(b.kind == "body" for b in c.blocks)


def test_all_caps_headline_with_colon_is_not_a_turn():
    text = "SYRIA: ENVOY DEFECTS\n\nFARES: We will fight on.\n\nCNN: Do you want intervention?\n\n" + PARA_A
    c = clean(src(text))
    assert c.blocks[0].kind == "headline" and c.blocks[0].text == "SYRIA: ENVOY DEFECTS"
    assert c.blocks[1].kind == "answer" and c.blocks[1].speaker == "Fares"


def test_editors_note_skipped():
    c = clean(src("EDITOR'S NOTE: This story was updated to correct the number of victims.\n\n" + PARA_A))
    assert texts(c) == [PARA_A]
    assert list(reasons(c).values()) == ["editor's note"]


# --- whole-article properties --------------------------------------------------------------


def test_nothing_vanishes_silently():
    """Every non-space character of the input is in a block or in a skipped span."""
    text = (
        "Watch Live\n\nQuake survivors pulled from rubble\n\nBy Ana Ruiz, Reuters\n\n(Reuters) - "
        + PARA_A
        + "\n\nSpecial Section: Quakes\nAftershock felt in capital\n\n"
        + PARA_B
        + "\n\nPhoto: AFP\n\u00a9 2020 Reuters"
    )
    c = clean(src(text))
    covered = set()
    for lo, hi in [(b.start, b.end) for b in c.blocks] + [(s.start, s.end) for s in c.skipped]:
        covered.update(range(lo, hi))
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and i not in covered]
    assert missing == []
    assert texts(c) == ["Quake survivors pulled from rubble", PARA_A, PARA_B]


def test_deterministic():
    s = seed("thinkprogress")
    assert clean(s) == clean(s)


# --- seeds ---------------------------------------------------------------------------------


def test_seed_cbs():
    source = seed("cbs")
    c = clean(source)
    check_offsets(source, c)
    assert c.blocks[0].kind == "headline"
    assert c.blocks[0].text == "Defected Syria envoy: Only force can topple Assad"
    r = reasons(c)
    assert r["Watch CBSN Live"] == "call to action"
    assert r["View CBS News In"] == "call to action"
    assert r["(AP) BEIRUT -"] == "dateline"
    assert r["Special Section: The Arab Spring"] == "related links"
    assert r["Brutal rape claims against Syria forces"] == "related links"
    assert r["Syria's ambassador to Iraq abandons Assad"] == "related links"
    assert c.blocks[1].text.startswith("Syria's highest ranking diplomat")
    # the paragraph that lost its final full stop stays
    assert any(b.text.endswith("near the central city of Hama") for b in c.blocks)
    assert len(c.skipped) == 6


def test_seed_thinkprogress():
    source = seed("thinkprogress")
    c = clean(source)
    check_offsets(source, c)
    assert c.blocks[0].kind == "headline"
    assert (
        c.blocks[0].text
        == "Top Syrian Defector Calls For Military Intervention: 'This Regime Will Not Go Without Force'"
    )
    r = reasons(c)
    assert r["CNN: Do you want a military intervention in Syria by foreign powers?"] == "interview question"
    assert r["Watch the interview here:"] == "call to action"
    assert r["Unknown iFrame situation"] == "embed placeholder"
    (answer,) = [b for b in c.blocks if b.kind == "answer"]
    assert answer.speaker == "Fares" and answer.text.startswith("This regime will not go without force.")
    assert all(not b.text.startswith("FARES") for b in c.blocks)
    assert c.blocks[-1].text.endswith("capital, Damascus.")


# --- property: offsets hold for arbitrary text ---------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = list("abcXYZ .,?!:-\"'()\n") + [
    "\r\n",
    "\r",
    "\u201c",
    "\u201d",
    "\u2019",
    "\u00a0",
    "\u2014",
    "\u2026",
    "\u200b",
    "\u00ad",
    "\t",
    "\u2022 ",
    "\u0007",
    "\ufb01",
    "\u00e9",
]
_WORDS = [
    "The",
    "talks",
    "ended",
    "said",
    "Mr.",
    "U.N.",
    "BEIRUT",
    "(AP)",
    "Watch",
    "By",
    "FARES:",
    "Q:",
    "Photo:",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET + _WORDS), max_size=80))
def test_offsets_property(parts):
    text = "".join(parts)
    source = src(text)
    c = clean(source)
    for b in c.blocks:
        assert b.text and b.text == b.text.strip()
        assert normalize_text(source.text[b.start : b.end]) == b.text
        for i in range(len(b.text)):
            for j in (i + 1, len(b.text)):
                s, e = original_span(b, i, j)
                inside = (i > 0 and b.offsets[i - 1] == b.offsets[i]) or (
                    j < len(b.text) and b.offsets[j - 1] == b.offsets[j]
                )
                if inside:  # part of "..." from one "\u2026": the original span is the whole ellipsis
                    assert normalize_text(b.text[i:j]) in normalize_text(text[s:e])
                else:
                    assert (
                        normalize_text(text[s:e]) == normalize_text(b.text[i:j]) or b.text[i:j].strip() == ""
                    )
    for s in c.skipped:
        assert 0 <= s.start <= s.end <= len(text)
        assert normalize_text(text[s.start : s.end]) == s.text
