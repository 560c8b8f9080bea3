"""People's names spelt two ways (``compare.names``): the correction a reader most often writes in."""

import pytest

from compare import Article, compare
from compare.extract import extract
from compare.names import persons, spelled_apart
from compare.records import Claim


def _claim(text: str, source: str = "a") -> Claim:
    return Claim(f"{source}:1", source, text, 0, len(text), facts=extract(text))


@pytest.mark.parametrize(
    "text, names",
    [
        ("The suspect, 38-year-old Anthony LaCalamita, was arrested.", ["Anthony LaCalamita"]),
        ("Bryant A. Dalton, 39, was shot in the neck.", ["Bryant A. Dalton"]),
        ("The hospital would not comment, Beaumont Hospital spokeswoman Ilene Wolfe said.", ["Ilene Wolfe"]),
        ("Qeshm Governor Heydar Alishvandi said ten people died.", ["Heydar Alishvandi"]),
        # what only a person does
        ("Tara Reid checked into Promises Treatment Center on Friday.", ["Tara Reid"]),
        ("Tara Reid has finally entered Malibu Promises Treatment Center.", ["Tara Reid"]),
        ("Bettie Page died Thursday in Los Angeles.", ["Bettie Page"]),
        # places and organisations are nobody
        ("The shooting happened in Genesee County on Monday.", []),
        ("Troy Police Department said the building was cleared.", []),
    ],
)
def test_people_are_named_where_the_sentence_says_they_are_people(text, names):
    assert [p.entity.text for p in persons(_claim(text))] == names


def _person(text: str, source: str):
    return persons(_claim(text, source))[0]


@pytest.mark.parametrize(
    "a, b, apart",
    [
        ("Brian Dalton, 39, was shot.", "Bryant Dalton, 39, was shot.", True),
        ("The suspect is Anthony Calamita, 38, of Troy.", "Anthony LaCalamita, 38, of Troy, fled.", True),
        ("Ilene Wolfe said so.", "Ilene Wolff said so.", True),
        # what house styles differ on, a short form, two names that share nothing
        ("Mohammed Saleh said so.", "Muhammad Saleh said so.", False),
        ("Rob Jones said so.", "Robert Jones said so.", False),
        ("Brian Dalton said so.", "Bryant A. Dalton said so.", True),
        ("Bryant Dalton said so.", "Bryant A. Dalton said so.", False),
        ("Juan Ortiz said so.", "Jeremy Ortiz said so.", False),
        ("Mark Miller said so.", "Marc Miller said so.", True),
        # a man's and a woman's form of one name; two ages
        ("Michael Smith said so.", "Michelle Smith said so.", False),
        ("Mario Rossi said so.", "Maria Rossi said so.", False),
        ("Brian Dalton, 39, was shot.", "Bryant Dalton, 39, was shot.", True),
        ("Brian Dalton, 39, was shot.", "Bryant Dalton, 61, was shot.", False),
    ],
)
def test_one_name_shared_and_the_other_close_is_spelt_apart(a, b, apart):
    assert spelled_apart(_person(a, "a"), _person(b, "b")) is apart


def _report(a: str, b: str, fake_embedder):
    return compare([Article(id="a", text=a), Article(id="b", text=b)], embedder=fake_embedder, cache_dir=None)


def test_a_name_spelt_two_ways_is_a_contradiction_with_both_spellings(fake_embedder):
    report = _report(
        "Shooting in Troy\nBrian Dalton, 39, was shot in the neck and is in stable condition.",
        "Troy shooting\nBryant Dalton, 39, was shot in the neck, police said.",
        fake_embedder,
    )
    (f,) = [f for f in report.of_kind("contradiction") if any(c.type == "spelling" for c in f.conflicts)]
    (c,) = [c for c in f.conflicts if c.type == "spelling"]
    assert {c.a, c.b} == {"Brian Dalton", "Bryant Dalton"}
    assert "name spelt two ways" in f.explanation
    assert not [g for g in report.of_kind("agreement") if set(g.claims) == set(f.claims)]  # one verdict


def test_two_people_of_one_family_are_not_a_misspelling(fake_embedder):
    # b names both men: the father and the son are two people, not one name spelt two ways
    report = _report(
        "Shooting in Troy\nMark Miller, 62, was shot in the neck on Monday.",
        "Troy shooting\nMark Miller, 62, and his son, Marc Miller, 35, were shot in the neck on Monday.",
        fake_embedder,
    )
    assert not [c for f in report.findings for c in f.conflicts if c.type == "spelling"]


def test_a_draft_that_misspells_a_name_is_contradicted():
    from compare import check

    r = check(
        "Bryant Dalton, 39, was shot in the neck at the office.",
        ["Brian Dalton, 39, was shot in the neck at the office, police said."],
        cache_dir=None,
    )
    f = r.findings[0]
    assert f.kind == "contradicted", f
    assert [(c.type, c.a, c.b) for c in f.conflicts if c.type == "spelling"] == [
        ("spelling", "Bryant Dalton", "Brian Dalton")
    ]


def test_an_agreement_told_by_two_named_sources_says_so(fake_embedder):
    report = _report(
        "Chase ends in Troy\nDeputies chased him at more than 100 mph before he pulled over after about 15 "
        "minutes, Undersheriff James Gage said.",
        "Troy chase\nDeputies chased him through a construction zone before he pulled over after about 15 "
        "minutes, Sheriff Robert Pickell said.",
        fake_embedder,
    )
    (f,) = [f for f in report.of_kind("agreement") if "a:2" in f.claims]
    assert "attributes it to Undersheriff James Gage" in f.explanation
    assert "Sheriff Robert Pickell" in f.explanation


def test_once_two_spellings_name_one_person_every_outlet_writing_them_is_held_to_it():
    import numpy as np

    from compare.extract import extract
    from compare.names import misspelt
    from compare.records import Claim

    texts = {
        "a": "The suspect's name is Anthony Calamita, police said.",
        "b": "The suspect, identified as Anthony LaCalamita, opened fire.",
        "c": "Police said they had located Anthony LaCalamita, 38, on the highway.",
    }
    claims = [Claim(f"{s}:1", s, t, 0, len(t), facts=extract(t)) for s, t in texts.items()]
    # a and b tell one fact about the man (close); c tells another (far from a)
    vectors = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]])
    pairs = {(m.a.source, m.b.source) for m in misspelt(claims, vectors)}
    assert pairs == {("a", "b"), ("a", "c")}
    # with no pair of claims telling one fact, the two spellings may be two people
    assert misspelt(claims, np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])) == []


def test_a_story_is_about_the_people_its_lead_names_not_the_officials_it_quotes():
    from compare.names import leading_people

    texts = [
        "Deputy Jerry Ortiz was shot by Jose Luis Orozco in Hawaiian Gardens.",
        "Admiral Nirmal Verma praised the sailors, and Governor Jerry Brown thanked them.",
        "Anthony LaSalle, 36, of Minneapolis, was arrested, Sheriff Robert Pickell said.",
    ]
    claims = [Claim(f"a:{n}", "a", t, 0, len(t), facts=extract(t)) for n, t in enumerate(texts, 1)]
    assert leading_people(claims)["a"] == {("jerry", "ortiz"), ("anthony", "lasalle")}
    # beyond the lead, no one counts: a name late in an article is no sign of what it is about
    late = [
        Claim(f"b:{n}", "b", "The weather was fine.", 0, 21, facts=extract("The weather was fine."))
        for n in range(5)
    ]
    tail = Claim("b:6", "b", texts[0], 0, len(texts[0]), facts=extract(texts[0]))
    assert leading_people([*late, tail])["b"] == set()
