"""Figures compared fact by fact (``compare.atoms``, ``diff.facts``): invented sentences in the
patterns real coverage shows, each conflict beside the look-alike that must stay quiet."""

import pytest

from compare.atoms import atoms
from compare.diff.facts import number_conflicts
from compare.extract import extract
from compare.records import Claim


def _claim(text: str, source: str) -> Claim:
    return Claim(f"{source}:1", source, text, 0, len(text), facts=extract(text))


def _conflicts(a: str, b: str, setting=()) -> list[tuple[str, str, str]]:
    x, y = _claim(a, "a"), _claim(b, "b")
    return [(c.a, c.b, c.fact) for c in number_conflicts(atoms(x), atoms(y), setting=setting)]


@pytest.mark.parametrize(
    "a, b, values",
    [
        # the figure is the news: the sentences differ most where they disagree
        (
            "The storm hit on Monday, killing four people.",
            "One person died in the storm, the agency said.",
            ("four people", "One person"),
        ),
        (
            "He was sentenced to 3 1/2 years in prison.",
            "He was sentenced to three years in prison.",
            ("3 1/2 years", "three years"),
        ),
        (
            "The plane came down about 300 feet from the shore.",
            "The plane came down approximately 300 metres from the shore.",
            ("about 300 feet", "approximately 300 metres"),
        ),
        (
            "The plane came down approximately 300 metres from the shore.",
            "The plane came down about 250 metres from the shore.",
            ("approximately 300 metres", "about 250 metres"),
        ),
        (
            "Police said 12 people were injured in the riots.",
            "Police said 18 people had been injured in the violence.",
            ("12 people", "18 people"),
        ),
        (
            "He had married two weeks before the shooting.",
            "His wife, who married him three weeks before he was killed, wept.",
            ("two weeks", "three weeks"),
        ),
        ("The bus hit three cars.", "The bus struck two cars.", ("three cars", "two cars")),
    ],
)
def test_two_figures_of_one_fact_conflict(a, b, values):
    found = _conflicts(a, b)
    assert [(x, y) for x, y, _ in found] == [values], found


@pytest.mark.parametrize(
    "a, b",
    [
        # different sub-facts in similar sentences
        ("She lived there with her 9-year-old son.", "A 41-year-old man was arrested."),
        (
            "The quake was followed by 6.1 and 5.8 magnitude aftershocks.",
            "The first aftershock measured 6.1.",
        ),
        ("The number of missing hikers rose from 5 to 9.", "Five hikers are missing and one is injured."),
        (
            "Police said 12 people were injured in the riots.",
            "Police said 12 were arrested for carrying weapons.",
        ),
        # the same figure in other units, or rounded
        ("Wasilla is 64 kilometres north of Anchorage.", "Wasilla lies about 40 miles north of Anchorage."),
        ("The wreck lies about 200 feet down.", "The wreck lies 60 metres down."),
        # currencies are never converted
        ("The bailout is worth $141 billion.", "The bailout is worth 93.6 billion pounds."),
        # a total and a part, an increment, a background event
        ("So far the navy has seized 14 rifles.", "Six rifles were seized in the raid."),
        ("Another 20,000 people marched in the north.", "About 50,000 people marched in the capital."),
        (
            "The ferry sank on Tuesday, killing four people.",
            "In March 2010, another ferry sank there, killing 40 people.",
        ),
    ],
)
def test_look_alikes_stay_quiet(a, b):
    assert _conflicts(a, b) == []


def test_a_count_without_a_place_meets_a_placed_one_only_as_the_smaller_and_in_the_setting():
    from compare.records import Entity

    treemseh = Entity("Treemseh", 0, 8, "treemseh")
    placed = "Shelling killed six people in Treemseh."
    assert _conflicts(placed, "Shelling killed 13 people.", setting=(treemseh,)) == []  # maybe a total
    assert _conflicts(placed, "Shelling killed four people.", setting=(treemseh,)) != []
    assert _conflicts(placed, "Shelling killed four people.", setting=()) == []  # elsewhere, perhaps


def test_ages_belong_to_the_person_named_beside_them():
    assert (
        _conflicts("Anthony LaSalle, 36, was charged.", "Police arrested 36-year-old Anthony LaSalle.") == []
    )
    found = _conflicts("Anthony LaSalle, 36, was charged.", "Police arrested 37-year-old Anthony LaSalle.")
    assert [(a, b) for a, b, _ in found] == [("36", "37-year")]
    assert found[0][2] == "age of Anthony LaSalle"
    assert _conflicts("Anthony LaSalle, 36, was charged.", "Police arrested 41-year-old Mark Jones.") == []


def test_the_fact_is_named_for_a_reader():
    found = _conflicts("Government shelling killed six people in Treemseh.", "Seven died in Treemseh.")
    assert [fact for _, _, fact in found] == ["deaths in Treemseh"]
