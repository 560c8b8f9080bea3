"""Tests of the segment stage: sentence splitting, claim ids/kinds/spans, fragments, caps, speed."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from compare.clean import clean, normalize_text
from compare.records import Block, Claim, Cleaned, Source
from compare.segment import segment, sentence_spans

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = {"cbs": "000_41ce0450144724b7.txt", "thinkprogress": "002_0d01754cb50d208e.txt"}


def src(text: str, id: str = "t") -> Source:
    return Source(id=id, name=id, text=text)


def claims_of(text: str, id: str = "t") -> tuple[Claim, ...]:
    return segment(clean(src(text, id)))


def sentences(text: str) -> list[str]:
    return [text[i:j] for i, j in sentence_spans(text)]


def check_spans(source: Source, claims) -> None:
    for c in claims:
        assert normalize_text(source.text[c.start : c.end]) == c.text, c
        assert c.text == c.text.strip() and c.text


def seed(id: str) -> Source:
    return Source(id=id, name=id, text=(SEEDS / SEED_FILES[id]).read_text(encoding="utf-8"))


# --- sentence splitting ----------------------------------------------------------------------

SPLITS = [
    # titles and abbreviations
    ["Brig. Gen. Manaf Tlass fled the country last week.", "He has not spoken publicly since."],
    ["The U.N. envoy arrived in Damascus on Sunday.", "He met Mr. Assad for two hours."],
    ["Former President George W. Bush spoke at the ceremony.", "Dr. Jane R. Okafor followed him."],
    # decimals, times, money
    ["The economy grew 2.5 percent in the second quarter.", "Analysts had expected 1.8 percent."],
    ["The vote closed at 5 p.m. on Tuesday.", "The result came two hours later."],
    ["The deal is worth $3.5 billion, the company said.", "Shares rose 4.2 percent."],
    # quotes holding several sentences, with attribution
    ['"We will not leave. We will fight to the end," said the commander of the brigade.', "His men cheered."],
    [
        '"Where is the honor? Where is the allegiance? The nation is all the people," he said.',
        "The crowd fell silent.",
    ],
    ['"Is it over?" she asked.', "Nobody in the room answered her."],
    [
        '"I know there is some closeness... contact has been made," the minister told reporters.',
        "He gave no details.",
    ],
    # dashes and ellipses inside a sentence
    ["Rebels - many of them former conscripts - held the town for a week.", "Then they withdrew."],
    ["The talks dragged on... and then collapsed without warning.", "Both sides blamed the other."],
]


@pytest.mark.parametrize("parts", SPLITS)
def test_sentence_splitting(parts):
    assert sentences(" ".join(parts)) == parts


def test_sentence_spans_cover_the_text():
    text = "  One sentence here.  Another one there!   And a third?  "
    spans = sentence_spans(text)
    assert [text[i:j] for i, j in spans] == ["One sentence here.", "Another one there!", "And a third?"]
    assert sentence_spans("") == []
    assert sentences("No punctuation at all here") == ["No punctuation at all here"]


def test_long_paragraph_chunking_keeps_sentences():
    base = [
        "Brig. Gen. Tlass met the U.S. envoy at 5 p.m. in St. Louis on Jan. 5 last year.",
        '"We will not leave. We will fight," said Gen. John Smith Jr. of the U.S. Army.',
        "The economy grew 2.5 percent, officials in Calif. said on Monday.",
        "Prices rose sharply in the capital.",
        "Is the ceasefire holding?",
    ]
    parts = base * 60  # about 16,000 characters in one paragraph
    assert sentences(" ".join(parts)) == parts


# --- claims --------------------------------------------------------------------------------

ARTICLE = """Watch Live

Quake survivors pulled from rubble after three days

(Reuters) - Rescuers pulled two children alive from a collapsed school in the hill town of Varna on Thursday. The \u201cmiracle\u201d rescue came 72 hours after the quake.

The U.N. said at least 1,240 people had died\u2026 and the toll was likely to rise.

Related: Aftershocks rattle capital

\u201cWe are still hearing voices,\u201d said Brig. Gen. Elena Petrova. \u201cWe will not stop.\u201d
"""  # noqa: E501 (text as written)


def test_claims_ids_kinds_and_blocks():
    source = src(ARTICLE, "wire")
    cleaned = clean(source)
    claims = segment(cleaned)
    assert [c.id for c in claims] == [f"wire:{n}" for n in range(1, len(claims) + 1)]
    assert [c.text for c in claims] == [
        "Quake survivors pulled from rubble after three days",
        "Rescuers pulled two children alive from a collapsed school in the hill town of Varna on Thursday.",
        'The "miracle" rescue came 72 hours after the quake.',
        "The U.N. said at least 1,240 people had died... and the toll was likely to rise.",
        '"We are still hearing voices," said Brig. Gen. Elena Petrova.',
        '"We will not stop."',
    ]
    assert [c.kind for c in claims] == ["headline"] + ["sentence"] * 5
    assert [c.block for c in claims] == [0, 1, 1, 2, 3, 3]
    assert all(c.source == "wire" and c.speaker is None for c in claims)
    check_spans(source, claims)
    # spans point exactly at the original characters
    third = claims[2]
    assert ARTICLE[third.start : third.end] == "The \u201cmiracle\u201d rescue came 72 hours after the quake."
    died = claims[3]
    assert ARTICLE[died.start : died.end].endswith("had died\u2026 and the toll was likely to rise.")


def test_transcript_claims_have_speaker():
    text = (
        "Minister says talks will resume\n\nBBC: Will you accept the terms?\n\n"
        "MORALES: We will not sign anything that cuts pensions. Our people have paid enough.\n\n"
        "Q: And if they refuse?\n\nA: Then we will go to the voters and let them decide.\n"
    )
    source = src(text)
    claims = segment(clean(source))
    assert [(c.kind, c.speaker, c.text) for c in claims] == [
        ("headline", None, "Minister says talks will resume"),
        ("answer", "Morales", "We will not sign anything that cuts pensions."),
        ("answer", "Morales", "Our people have paid enough."),
        ("answer", None, "Then we will go to the voters and let them decide."),
    ]
    check_spans(source, claims)


def test_fragments_merge_into_neighbours():
    text = (
        "He spoke at 5 p.m. Friday.\n\n"
        "Yes. We will fight them in the hills.\n\n"
        "The minister was asked whether he would resign. No.\n\n"
        "Oh.\n\n"
        "The region has been without power for weeks, residents said."
    )
    source = src(text)
    claims = segment(clean(source))
    assert [c.text for c in claims] == [
        "He spoke at 5 p.m. Friday.",
        "Yes. We will fight them in the hills.",
        "The minister was asked whether he would resign. No.",
        "The region has been without power for weeks, residents said.",
    ]
    check_spans(source, claims)


def test_enormous_sentence_is_capped():
    words = [f"w{k}" for k in range(3000)]
    words[100] += ";"
    words[150] += ","
    text = " ".join(words)
    source = src(text)
    t0 = time.perf_counter()
    claims = segment(clean(source))
    assert time.perf_counter() - t0 < 5
    lengths = [len(c.text.split()) for c in claims]
    assert max(lengths) <= 82
    assert min(lengths) >= 3
    # nothing lost, nothing repeated, in order
    assert " ".join(c.text for c in claims).split() == words
    check_spans(source, claims)


def test_cap_prefers_semicolon_then_comma():
    words = [f"w{k}" for k in range(150)]  # one ~750-character sentence
    words[60] += ";"
    words[70] += ","
    words[120] += ","
    claims = claims_of(" ".join(words) + ".")
    assert [c.text.split()[-1] for c in claims] == ["w60;", "w120,", "w149."]


def test_claim_spans_on_hand_built_block():
    text = "xx\u201cAlpha beta gamma.\u201d Delta epsilon zeta eta."
    norm = '"Alpha beta gamma." Delta epsilon zeta eta.'
    block = Block(source="h", index=0, text=norm, offsets=tuple(list(range(2, 2 + len(norm))) + [len(text)]))
    claims = segment(Cleaned(source="h", blocks=(block,), skipped=()))
    assert [text[c.start : c.end] for c in claims] == [
        "\u201cAlpha beta gamma.\u201d",
        "Delta epsilon zeta eta.",
    ]


def test_deterministic():
    s = seed("cbs")
    assert segment(clean(s)) == segment(clean(s))


def test_empty():
    assert segment(clean(src(""))) == ()


@pytest.mark.parametrize("shape", ["paragraphs", "one_paragraph", "no_punctuation"])
def test_one_megabyte_is_fast(shape):
    base = seed("cbs").text + "\n\n" + seed("thinkprogress").text
    text = (base * (1_000_000 // len(base) + 1))[:1_000_000]
    if shape == "one_paragraph":
        text = text.replace("\n", " ")
    elif shape == "no_punctuation":
        text = " ".join(["word"] * 200_000)
    source = src(text)
    t0 = time.perf_counter()
    claims = segment(clean(source))
    elapsed = time.perf_counter() - t0
    assert claims and elapsed < 20, elapsed
    assert max(len(c.text.split()) for c in claims) <= 82
    check_spans(source, claims[:200])


# --- seeds ---------------------------------------------------------------------------------

FURNITURE = [
    "Watch CBSN Live",
    "Special Section: The Arab Spring",
    "Brutal rape claims against Syria forces",
    "Syria's ambassador to Iraq abandons Assad",
    "Watch the interview here:",
    "Unknown iFrame situation",
    "View CBS News In",
    "(AP) BEIRUT",
    "CNN: Do you want",
]


@pytest.mark.parametrize("id", ["cbs", "thinkprogress"])
def test_seed_claims_have_no_furniture(id):
    source = seed(id)
    claims = segment(clean(source))
    check_spans(source, claims)
    for c in claims:
        for f in FURNITURE:
            if f == "Syria's ambassador to Iraq abandons Assad":
                assert c.text != f
            else:
                assert f not in c.text, (f, c.text)
    assert claims[0].kind == "headline"
    assert all(c.kind != "headline" for c in claims[1:])


def test_seed_cbs_claims():
    claims = segment(clean(seed("cbs")))
    texts = [c.text for c in claims]
    assert texts[0] == "Defected Syria envoy: Only force can topple Assad"
    assert texts[1].startswith("Syria's highest ranking diplomat")
    assert (
        "Brig. Gen. Manaf Tlass, an Assad confidant and son of a former defense minister, fled Syria "
        "last week, but has not spoken publicly."
    ) in texts
    assert (
        '"Where is the honor in killing your countrymen? Where is the national allegiance? The '
        "nation is all the "
        'people, not one person in particular," he said.'
    ) in texts
    assert (
        texts[-1]
        == "Activist claims often have different figures and their reports cannot be independently verified."
    )


def test_seed_thinkprogress_claims():
    claims = segment(clean(seed("thinkprogress")))
    assert claims[0].text.startswith("Top Syrian Defector Calls For Military Intervention")
    answers = [c for c in claims if c.kind == "answer"]
    assert answers and all(c.speaker == "Fares" for c in answers)
    assert answers[0].text == "This regime will not go without force."
    assert not any("Do you want a military intervention" in c.text for c in claims)
    assert any("deferring to U.N. processes" in c.text for c in claims)


# --- property: claim spans for arbitrary text ----------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TOKENS = [
    "The",
    "army",
    "said",
    "on",
    "Monday",
    "Mr.",
    "Gen.",
    "U.N.",
    "5",
    "p.m.",
    "2.5",
    "percent",
    ".",
    ",",
    "?",
    "!",
    ";",
    "\u201c",
    "\u201d",
    '"',
    "\u2026",
    "\u2014",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\u00a0",
    "FARES:",
    "CNN:",
    "Watch",
    "(AP)",
    "BEIRUT",
    "-",
    "\u200b",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=120))
def test_claim_spans_property(tokens):
    text = "".join(t if t in " \n\n\r\n\u00a0" else t + " " for t in tokens)
    source = src(text)
    claims = segment(clean(source))
    check_spans(source, claims)
    assert [c.id for c in claims] == [f"t:{n}" for n in range(1, len(claims) + 1)]
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for a, b in itertools.pairwise(claims):
        assert a.end <= b.start
    for c in claims:
        assert len(c.text.split()) >= 3 and len(c.text.split()) <= 82


def test_a_time_of_day_ends_no_sentence_before_its_day_or_zone():
    from compare.segment import sentence_spans

    def split(t: str) -> list[str]:
        return [t[i:j] for i, j in sentence_spans(t)]

    assert split("Police arrested Smith at 3 p.m. Friday. He was charged.") == [
        "Police arrested Smith at 3 p.m. Friday.",
        "He was charged.",
    ]
    assert split("The quake struck at 12:46 a.m. ET, officials said.") == [
        "The quake struck at 12:46 a.m. ET, officials said."
    ]
    assert split("The meeting ended at 5 p.m. The next day he left.") == [
        "The meeting ended at 5 p.m.",
        "The next day he left.",
    ]
