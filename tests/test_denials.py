"""A deed one claim denies and another tells done (``compare.denials``), clause by clause, beside the
look-alikes that must stay quiet: a modal, a choice not to, a state rather than a deed, another deed."""

import pytest

from compare.denials import affirmed, denials
from compare.extract import extract
from compare.records import Claim

DENIAL = '"Lindsay never checked into Morningside but is back at Betty Ford," the source said.'


def _claim(text: str, source: str = "a") -> Claim:
    return Claim(f"{source}:1", source, text, 0, len(text), facts=extract(text))


def _affirmed(denying: str, telling: str) -> list[str | None]:
    return [affirmed(d, _claim(telling, "b")) for d in denials(_claim(denying))]


@pytest.mark.parametrize(
    "telling, said",
    [
        (
            "Lohan had checked into Morningside Recovery Center Thursday morning, but then left.",
            "checked into Morningside Recovery Center",
        ),
        (
            "Heller told a judge that Lohan had checked in to the Morningside Recovery rehab facility.",
            "checked in to the Morningside Recovery",
        ),
        # another deed on the same place, a deed denied there too, only intended, another place
        ("She checked out of Morningside Recovery after a few minutes.", None),
        ("She did not check into Morningside, her lawyer said.", None),
        ("She was expected to check into Morningside on Thursday.", None),
        ("Lohan checked into the Betty Ford Center on Thursday night.", None),
    ],
)
def test_a_denied_deed_meets_only_the_same_deed_told_done(telling, said):
    assert _affirmed(DENIAL, telling) == [said]


@pytest.mark.parametrize(
    "text",
    [
        "Police would not confirm the report to CNN.",  # a modal: no report of what happened
        "I have decided not to direct Catching Fire, Ross said.",  # a choice, not a deed undone
        "Jackman has never been an Oscar nominee.",  # a state
        "Many felt Cheeks was the victim and not his own failure in Portland.",
        "He did not say whether Obama would attend.",  # what someone says
        "Epstein hasn't so much as uttered Teixeira's name.",
    ],
)
def test_only_a_plain_deed_done_to_a_name_is_a_denial(text):
    assert denials(_claim(text)) == ()


def test_two_people_named_in_full_are_two_deeds():
    assert _affirmed("John Smith never met Vladimir Putin.", "Jane Doe met Vladimir Putin in Moscow.") == [
        None
    ]
    assert _affirmed("John Smith never met Vladimir Putin.", "Smith met Vladimir Putin in Moscow.") == [
        "met Vladimir Putin"
    ]


def test_the_report_calls_a_denied_deed_a_contradiction_with_both_clauses_quoted(fake_embedder):
    from compare import Article, compare

    a = Article(id="fox", text="Lindsay Lohan is back at Betty Ford. " + DENIAL)
    b = Article(
        id="ktla",
        text="Lindsay Lohan is back at Betty Ford. "
        + "Lohan had checked into Morningside Recovery Center on Thursday morning, her father said.",
    )
    report = compare([a, b], embedder=fake_embedder, cache_dir=None)
    found = [f for f in report.findings if any(c.type == "negation" for c in f.conflicts)]
    assert [f.kind for f in found] == ["contradiction"]
    assert "'never checked into Morningside'" in found[0].explanation
    assert "'checked into Morningside Recovery Center'" in found[0].explanation
