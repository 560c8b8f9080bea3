"""Facts that are a kind, not a count (``compare.categories``): a condition, a charge, a weapon,
how someone died, how much of a building is left; each conflict beside the look-alike that must stay quiet."""

import pytest

from compare.categories import categories, in_context
from compare.diff.facts import category_conflicts
from compare.extract import extract
from compare.records import Claim


def _claim(text: str, source: str = "a", n: int = 1) -> Claim:
    return Claim(f"{source}:{n}", source, text, 0, len(text), facts=extract(text))


def _conflicts(a: str, b: str, similarity: float = 0.7) -> list[tuple[str, str, str]]:
    found = category_conflicts(categories(_claim(a, "a")), categories(_claim(b, "b")), similarity)
    return [(c.fact, c.a, c.b) for c in found]


@pytest.mark.parametrize(
    "a, b, fact",
    [
        (
            "Bryant Dalton, 39, was shot in the neck and is hospitalized in critical condition.",
            "The third victim, identified as Bryant Dalton, was listed in stable condition.",
            "condition",
        ),
        (
            "The driver is facing manslaughter charges.",
            "The driver has been charged in her murder, police said.",
            "charge",
        ),
        (
            "The shooter was a former employee who brought a rifle into the building.",
            "A man walked into his former office with a shotgun and shot three people.",
            "weapon",
        ),
        (
            "The three bank employees were burnt to death.",
            "Three people suffocated to death in the bank.",
            "cause of death",
        ),
        (
            "The fire has destroyed a large section of the store.",
            "The main area of the one-storey supermarket was left largely intact with only smoke damage.",
            "damage to the building",
        ),
        (
            "He turned toward them with a loaded .38-caliber revolver in hand.",
            "Cops say he turned on them and aimed a .357 caliber revolver at them.",
            "calibre of the gun",
        ),
        (
            "The gunman was carrying a 9mm handgun, police said.",
            "The gunman was carrying a .40-calibre pistol, police said.",
            "calibre of the gun",
        ),
        (
            "CEO Larry Lucchino and general manager Theo Epstein flew to Texas.",
            "The team of owner John Henry, COO Larry Lucchino and manager Theo Epstein made an offer.",
            "executive title",
        ),
        (
            "Sen. John Smith said the bill would pass.",
            "Rep. John Smith, D-Ohio, backed the bill.",
            "title of office",
        ),
    ],
)
def test_two_kinds_for_one_slot_conflict(a, b, fact):
    assert [f for f, _, _ in _conflicts(a, b)] == [fact]


@pytest.mark.parametrize(
    "a, b",
    [
        # words between two kinds belong to neither
        ("He is in serious but stable condition.", "He is in critical condition."),
        ("He was seriously injured in the crash.", "He was listed in stable condition."),
        ("Three people died in the fire at the bank.", "Three people suffocated to death in the bank."),
        # a claim naming two kinds meets one naming either
        ("He was armed with a rifle and a handgun.", "The gunman opened fire with a handgun."),
        ("He was charged with murder and manslaughter.", "He faces manslaughter charges."),
        ("He was charged with homicide.", "He faces manslaughter charges."),
        # figures of speech
        ("Many youths are left feeling suffocated by police.", "The teenager was shot dead by police."),
        # an injury is no cause of death; a charge hoped for, dropped or before the verdict is not the charge
        ("Two firefighters were treated for smoke inhalation.", "Three residents were burnt to death."),
        ("Smith was convicted of manslaughter on Friday.", "Smith had originally been charged with murder."),
        ("Police arrested him on suspicion of murder.", "He was later charged with manslaughter."),
        (
            "The family says the driver should face murder charges.",
            "The driver was charged with manslaughter.",
        ),
        # the police's weapons are not the gunman's
        ("The gunman opened fire with a shotgun.", "Officers returned fire with rifles."),
        (
            "He pointed a .38-caliber revolver at them.",
            "Officers fired 11 rounds from their .40-caliber pistols.",
        ),
        # one calibre in two spellings; a length in millimetres is no gun
        ("He was armed with a 9mm pistol.", "He was armed with a 9-millimeter handgun."),
        ("He was armed with a .38-caliber revolver.", "The rain left 38 mm of water in the street."),
        # two people, two titles; a title once held; a title with its usual companion
        ("Undersheriff James Gage said the chase lasted 15 minutes.", "Sheriff Robert Pickell said so too."),
        ("Former CEO Larry Lucchino spoke at the gala.", "COO Larry Lucchino spoke at the gala."),
        # a title after "Deputy", "former", a weekday read as a name
        ("Deputy Sheriff Tom Jones said the road was closed.", "Sheriff Tom Jones said the road was closed."),
        ("Former Red Sox CEO Larry Lucchino spoke.", "COO Larry Lucchino spoke."),
        ("Rep. John Lewis Tuesday said the bill would pass.", "Sen. John Kerry Tuesday said it would pass."),
        # one round by two names; a police officer's gun
        ("The gunman fired a .223-caliber rifle.", "The gunman fired a 5.56mm rifle into the crowd."),
        ("Gray pointed a .38-caliber revolver at them.", "Sgt. Jorge Sosa fired his 9mm pistol."),
        # not destroyed; the homes a fire at a store destroyed are not the store
        ("The church was not destroyed, the pastor said.", "The church is intact, the pastor said."),
        ("The fire at the store destroyed three homes nearby.", "The supermarket was left intact."),
        # a collapsed roof is no destroyed building; another kind of building; no building at all
        ("Half the roof of the building has collapsed.", "The main building is intact, fire crews said."),
        ("The fire destroyed three homes on the street.", "The church was left intact."),
        ("Police destroyed the evidence, his lawyer said.", "The evidence is intact, police said."),
        # two people: the deputy and his brother-in-law
        (
            "Deputy Ortiz was shot to death outside an apartment.",
            "In January, Ortiz's brother-in-law, Manuel A. Gonzalez, was stabbed to death at a prison.",
        ),
    ],
)
def test_look_alikes_stay_quiet(a, b):
    assert _conflicts(a, b) == []


@pytest.mark.parametrize(
    "a, b",
    [
        # one of several, however close the two sentences
        ("One victim is in critical condition.", "The other victim is in stable condition."),
        # a father and a son, a man and a woman of one family
        (
            "Deputy Juan Ortiz, 35, is in critical condition.",
            "His son, Jeremy Ortiz, 12, is in stable condition.",
        ),
        ("Michael Smith, 62, is in critical condition.", "Michelle Smith, 58, is in stable condition."),
    ],
)
def test_two_people_in_near_identical_sentences_stay_apart(a, b):
    assert _conflicts(a, b, similarity=0.9) == []


def test_claims_that_tell_different_facts_need_a_name_to_share_a_holder():
    a = "The driver is facing manslaughter charges."
    b = "A neighbour said the man charged in her murder had moved away."
    assert _conflicts(a, b, similarity=0.36) == []  # the bundled model's cosine of the two: 0.362


def test_a_sentence_opening_on_a_pronoun_is_about_the_person_named_before_it():
    claims = [
        _claim("The third victim, identified as Brian Dalton, was rushed to hospital.", "a", 1),
        _claim("He was later transferred and listed in stable condition.", "a", 2),
        _claim("Bryant Dalton, 39, was shot in the neck and is in critical condition.", "b", 1),
        _claim("Jim Miller, 52, was hurt too.", "c", 1),
        _claim("He is in critical condition.", "c", 2),
    ]
    ctx = in_context(claims)
    assert ctx["a:2"][0].holder == "brian dalton"
    assert category_conflicts(ctx["a:2"], ctx["b:1"], 0.1)  # one man, two conditions
    assert not category_conflicts(ctx["a:2"], ctx["c:2"], 0.9)  # two men


def test_whose_condition_a_pronoun_tells_holds_in_the_whole_report(fake_embedder):
    from compare import Article, compare

    report = compare(
        [
            Article(
                id="a",
                text="Jim Miller, 52, was shot in the chest. He is in critical condition at the hospital.",
            ),
            Article(
                id="b",
                text="Bryant Dalton, 39, was shot in the neck. He is in stable condition at the hospital.",
            ),
        ],
        embedder=fake_embedder,
        cache_dir=None,
    )
    assert not [c for f in report.findings for c in f.conflicts if c.type == "category"]


def test_two_claims_about_one_kind_fact_conflict_even_in_other_words():
    # the two sentences share little beyond the fact (cosine about 0.45): one story, one charge
    assert _conflicts(
        "He has been charged with vehicular manslaughter and fleeing the scene.",
        "A driver who tried to flee after striking a woman has been charged in her murder, police said.",
        similarity=0.45,
    ) == [("charge", "charged with vehicular manslaughter", "charged in her murder")]
    assert _conflicts(
        "He brought a rifle into the building.", "He walked into the office with a shotgun.", 0.45
    )
    assert not _conflicts("He brought a rifle into the building.", "He walked in with a shotgun.", 0.3)


def test_one_persons_kind_fact_never_meets_another_named_persons():
    # "Deputy Ortiz" holds the first; the second names someone else, unnamed as its holder
    assert not _conflicts(
        "Deputy Ortiz was shot to death outside an apartment.",
        "Before, Deputy Ortiz's brother-in-law, Corrections Officer Manuel Gonzalez, was stabbed to death.",
        similarity=0.7,
    )


def test_a_group_told_in_parts_is_counted_whole_for_how_they_died():
    assert _conflicts(
        "The 3 bank employees were burnt to death, SKY TV reported.",
        "Police said two women and one man working for the bank choked on smoke.",
        similarity=0.2,
    ) == [("cause of death", "burnt to death", "choked on smoke")]
    assert not _conflicts(
        "The 3 bank employees were burnt to death, SKY TV reported.",
        "Police said two women working for the bank choked on smoke.",
        similarity=0.2,
    )


def test_a_source_naming_both_kinds_disagrees_only_with_itself(fake_embedder):
    from compare import Article, compare

    # one sentence both tell alike: the two report one event
    alike = "Raj Chohan, 59, was struck by a car on 97th Avenue in Queens on Friday evening. "
    lead = alike + "A driver who fled after striking her has been charged in her murder, police said."
    other = Article(
        id="b",
        text=alike
        + "The driver who fled after striking her was charged with vehicular manslaughter, police said.",
    )

    def found(text: str) -> list[tuple[str, str]]:
        report = compare([Article(id="a", text=text), other], embedder=fake_embedder, cache_dir=None)
        return [(f.kind, f.scope) for f in report.findings if any(c.type == "category" for c in f.conflicts)]

    # the lead alone says murder where the other outlet says manslaughter: a contradiction
    assert found(lead) == [("contradiction", "across")]
    # an article whose body lists the manslaughter charge too is loose with itself, not at odds
    # with the other outlet
    body = " The driver who fled, Subryan, was charged with vehicular manslaughter, police said."
    assert found(lead + body) == [("discrepancy", "within")]


def test_one_persons_kind_told_alike_is_an_agreement_but_only_of_one_named_person():
    from compare.diff.facts import category_agreements

    def agree(a: str, b: str) -> set[str]:
        x, y = _claim(a, "a"), _claim(b, "b")
        return category_agreements(categories(x), categories(y), (x, y))

    assert agree(
        "Bryant Dalton, 39, was listed in critical condition.", "Dalton is in critical condition at Beaumont."
    ) == {"condition: listed in critical condition"}
    # no one named: two victims may each be in critical condition; two people named
    assert not agree("One victim is in critical condition.", "The man was listed in critical condition.")
    assert not agree(
        "Bryant Dalton was listed in critical condition.", "Madeline Kafoury was in critical condition."
    )
    # a building's damage is no person's kind: one quake's "destroyed" is not another's
    assert not agree(
        "The quake destroyed thousands of homes.", "Half the homes in the village were destroyed."
    )
    # a title told in passing is no fact the two tell
    assert not agree("Sen. John McCain voted against the bill.", "Sen. John McCain was born in Panama.")


def test_a_sheriffs_deputy_is_no_sheriff():
    assert [k.slot for k in categories(_claim("Sheriff Deputy Jerry Ortiz was killed in 2005."))] == []
    assert [k.holder for k in categories(_claim("Sheriff Lee Baca spoke to reporters."))] == ["lee baca"]
