"""One group, counted alike, to whom two sources say opposite things happened (``diff.fate``)."""

import pytest

from compare.atoms import atoms
from compare.diff.fate import fate_conflicts
from compare.extract import extract
from compare.records import Claim


def _atoms(text: str, source: str):
    return atoms(Claim(f"{source}:1", source, text, 0, len(text), facts=extract(text)))


def _fates(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(c.a, c.b, c.fact) for c in fate_conflicts(_atoms(a, "a"), _atoms(b, "b"), a, b)]


def test_rescued_or_arrested_and_rescued_or_dead_conflict():
    assert _fates(
        "The warship thwarted the attack and rescued 26 Somali crewmembers.",
        "The navy foiled the attack, apprehending 26 Somali pirates.",
    ) == [
        (
            "rescued 26 Somali crewmembers",
            "apprehending 26 Somali pirates",
            "what happened to the 26 Somali: rescued or arrested",
        )
    ]
    assert _fates("Five hikers were rescued on Sunday.", "Five hikers died on the mountain.") == [
        ("Five hikers were rescued", "Five hikers died", "what happened to the 5 hikers: rescued or killed")
    ]


@pytest.mark.parametrize(
    "a, b",
    [
        # another number is another group
        ("The warship rescued 26 Somali crewmembers.", "The navy arrested 23 Somali pirates."),
        # nothing tells it is one group
        ("Firefighters rescued 12 residents.", "Police arrested 12 protesters."),
        # events that can befall one group together
        ("Police arrested 12 protesters.", "Twelve protesters were injured."),
        ("Five hikers were rescued on Sunday.", "Five hikers were rescued by helicopter."),
    ],
)
def test_other_groups_and_compatible_fates_stay_quiet(a, b):
    assert _fates(a, b) == []


@pytest.mark.parametrize(
    "a, b",
    [
        # "people" is anyone; "Some" is no group's name
        ("Twelve people were rescued from the flooded mine.", "Twelve people died in the earthquake."),
        ("Some 2,000 people were evacuated from the coast.", "Some 2,000 people were killed in the war."),
        # another year's miners
        ("In 2005, 20 miners died in the blast.", "On Monday 20 miners were rescued from the shaft."),
    ],
)
def test_anyone_some_and_another_years_group_stay_quiet(a, b):
    assert _fates(a, b) == []
