"""A deed one claim denies and another tells done (``compare.denials``), clause by clause, beside the
look-alikes that must stay quiet: a modal, a choice not to, a state rather than a deed, another deed,
a denial bounded in time, a noun, a possessor, another person."""

import numpy as np
import pytest

from compare.denials import affirmed, denials
from compare.extract import extract
from compare.records import Claim

DENIAL = '"Lindsay never checked into Morningside but is back at Betty Ford," the source said.'


def _claim(text: str, source: str = "a", n: int = 1) -> Claim:
    return Claim(f"{source}:{n}", source, text, 0, len(text), facts=extract(text))


def _affirmed(denying: str, telling: str) -> list[str | None]:
    return [
        (said.text if (said := affirmed(d, _claim(telling, "b"))) else None) for d in denials(_claim(denying))
    ]


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
        "Police would not have arrested John Doe.",  # a modal: no report of what happened
        "Obama decided not to meet Vladimir Putin.",  # a choice, told before the deed
        "Jackman has never been an Oscar nominee.",  # a state
        "Many felt Cheeks was the victim and not his own failure in Portland.",
        "Epstein hasn't so much as uttered Teixeira's name.",
        # bounded in time: she did, later; she did, before
        "Lohan did not check into Morningside until Thursday, her lawyer said.",
        "She has not visited Cuba since 2010.",
        "Police never questioned Smith's wife.",  # the deed is done to the wife, not to Smith
    ],
)
def test_only_a_plain_deed_done_to_a_name_is_a_denial(text):
    assert denials(_claim(text)) == ()


@pytest.mark.parametrize(
    "denying, telling",
    [
        ("Protesters did not demand John Doe's release.", "Protesters demanded the arrest of John Doe."),
        ("He never worked for Google.", "He worked with Google on the project."),  # another preposition
    ],
)
def test_a_noun_or_another_preposition_tells_no_deed_done(denying, telling):
    assert _affirmed(denying, telling) in ([], [None])


def _denied(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    from compare.diff.findings import _denied

    claims = [_claim(t, "a", n) for n, t in enumerate(a)] + [_claim(t, "b", n) for n, t in enumerate(b)]
    vectors = np.ones((len(claims), 4), dtype=np.float32) / 2
    return [(c.a, c.b) for c in _denied(claims, vectors).values()]


def test_whose_deed_the_two_clauses_tell_must_be_one_persons():
    lead = ["Lindsay Lohan is back at Betty Ford.", "Lindsay never checked into Morningside."]
    assert _denied(lead, ["Lohan checked into Morningside on Thursday."]) == [
        ("never checked into Morningside", "checked into Morningside")
    ]
    # two people named in full; a pronoun against a name: nothing says whose deed it was
    assert _denied(["John Smith never met Vladimir Putin."], ["Jane Doe met Vladimir Putin in Moscow."]) == []
    assert _denied(["He never met Vladimir Putin."], ["Barack Obama met Vladimir Putin in Moscow."]) == []


def test_a_denied_deed_is_a_contradiction_even_where_the_sentences_read_alike(fake_embedder):
    from compare import Article, compare

    lead = "Lindsay Lohan is back at Betty Ford. "
    a = Article(id="fox", text=lead + "Lohan never checked into Morningside, her rep said.")
    b = Article(id="ktla", text=lead + "Lohan checked into Morningside on Thursday, her rep said.")
    report = compare([a, b], embedder=fake_embedder, cache_dir=None)
    found = [f for f in report.findings if any(c.type == "negation" for c in f.conflicts)]
    assert [f.kind for f in found] == ["contradiction"]
    assert "'never checked into Morningside'" in found[0].explanation
    assert "'checked into Morningside'" in found[0].explanation
    assert not [f for f in report.findings if f.kind == "agreement" and set(f.claims) == set(found[0].claims)]
