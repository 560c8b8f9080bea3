"""Typed conflicts between two claims (``diff.conflicts``) on sentences of our own: the
contradictions a fact-checker would mark, and the look-alikes that say the same thing."""

import pytest

from compare.diff import conflicts
from compare.extract import extract
from compare.records import Claim


def _claim(text: str, source: str) -> Claim:
    return Claim(f"{source}:1", source, text, 0, len(text), facts=extract(text))


def _types(a: str, b: str, similarity: float = 0.9) -> list[str]:
    found, _ = conflicts(_claim(a, "a"), _claim(b, "b"), similarity)
    return [c.type for c in found]


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The board refused to approve the merger on Friday.",
            "The board's refusal to approve the merger came on Friday.",
        ),
        (
            "The council passed a vote of no confidence in the mayor last week.",
            "Last week the council passed a no-confidence vote in the mayor.",
        ),
        (
            "The company failed to meet its hiring targets for the year.",
            "The company's failure to meet its hiring targets for the year was confirmed.",
        ),
    ],
)
def test_a_negation_both_claims_word_is_no_reversal(a, b):
    assert "negation" not in _types(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("The board approved the merger on Friday.", "The board did not approve the merger on Friday."),
        ("The board approved the merger on Friday.", "The board refused to approve the merger on Friday."),
        # one word of the negated clause the other leaves out does not hide the reversal
        (
            "Guatemala accepts the pet passport as proof of vaccination.",
            "Guatemala will not accept the pet passport as proof of said vaccination.",
        ),
    ],
)
def test_a_real_reversal_is_still_a_negation_conflict(a, b):
    assert _types(a, b) == ["negation"]


@pytest.mark.parametrize(
    "a, b",
    [
        # what might have been
        (
            "The woman might be alive if the driver had listened to bystanders, police said.",
            "The hit and run outside the store left the woman dead, police said.",
        ),
        # words that only begin like a stance: "wonder", "back door", "Los Angeles", "fellow"
        (
            "Many people wonder how they will be able to obtain compensation for the crash.",
            "Many people lost wages and wonder how to obtain compensation for the crash.",
        ),
        (
            "The rule was a back door to regulate greenhouse gases, the agency said.",
            "Environmental groups opposed the rule as a way to regulate greenhouse gases.",
        ),
        ("The team flew to Los Angeles for the game on Sunday.", "The team will win the game on Sunday."),
    ],
)
def test_words_that_only_look_like_a_reversed_stance_are_none(a, b):
    assert "negation" not in _types(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("The senator supports the bill, his office said.", "The senator opposes the bill, his office said."),
        ("The team won the final on Sunday.", "The team lost the final on Sunday."),
        ("Prices rose sharply in March.", "Prices fell sharply in March."),
        ("Democrats back the bill, their leader said.", "Democrats oppose the bill, their leader said."),
    ],
)
def test_a_reversed_stance_is_a_negation_conflict(a, b):
    assert _types(a, b) == ["negation"]


def test_a_denial_of_what_the_other_never_mentions_is_no_negation_conflict():
    # the two share the fire and the town; only one speaks of arson
    assert (
        _types(
            "Waitrose fire in Wellington town centre tackled", "Waitrose Wellington fire: Man denies arson"
        )
        == []
    )


def test_two_names_in_two_places_are_not_a_swap():
    a = "Rescuers found the girl in the kitchen watching a CNN broadcast with her dog on Sunday."
    b = "Rescuers found Maria in the kitchen watching a broadcast with her dog on Sunday."
    assert "entity" not in _types(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The minister spoke to Reuters on Monday about the budget.",
            "The minister spoke to Bloomberg on Monday about the budget.",
        ),
        (
            "Lima was hit hardest by the storm on Monday, officials said.",
            "Cusco was hit hardest by the storm on Monday, officials said.",
        ),
    ],
)
def test_one_name_in_the_place_of_another_is_a_swap(a, b):
    assert _types(a, b) == ["entity"]


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The plane flew from Boston on Friday, the airline said.",
            "The plane flew from Denver on Friday, the airline said.",
        ),
    ],
)
def test_a_name_after_from_may_still_be_a_swap(a, b):
    assert _types(a, b) == ["entity"]


@pytest.mark.parametrize(
    "a, b",
    [
        # a place and the place it lies in
        (
            "A large fire has destroyed much of a supermarket in Somerset, the fire service said.",
            "A large fire has destroyed much of a supermarket in Wellington, the fire service said.",
        ),
        # two outlets, each told
        ("Gray told NY1 he would not resign.", "Gray told the New York Times he would not resign."),
        # one government, by its party and by its president
        (
            "Weeks before Obama takes office, the current Republican administration is changing"
            " endangered species rules.",
            "Weeks before Obama takes office, the Bush administration is changing endangered species rules.",
        ),
    ],
)
def test_a_place_beside_the_place_it_lies_in_and_two_interviewers_are_no_swap(a, b):
    assert "entity" not in _types(a, b)


def test_one_party_in_the_place_of_another_is_a_swap():
    assert _types(
        "The Republican senator from Ohio voted against the bill on Friday.",
        "The Democratic senator from Ohio voted against the bill on Friday.",
    ) == ["entity"]


def test_a_named_speaker_beside_an_unnamed_one_is_no_attribution_conflict():
    a = "The bridge was closed for repairs, the transport ministry said."
    b = "The bridge was closed for repairs, Transport Minister Ana Ruiz said."
    assert "attribution" not in _types(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        (
            '"The bridge will stay closed for repairs until May," Ana Ruiz said.',
            '"The bridge will stay closed for repairs until May," Pedro Gomez said.',
        ),
        (
            'Lima officials said: "The bridge collapsed after the storm hit the valley."',
            'Cusco officials said: "The bridge collapsed after the storm hit the valley."',
        ),
    ],
)
def test_one_quotation_given_to_two_named_speakers_is_an_attribution_conflict(a, b):
    # The names differ where the speaker is named: typed as who said it, not as a name swap.
    assert _types(a, b) == ["attribution"]


@pytest.mark.parametrize(
    "a, b",
    [
        # one fact in the outlets' own words, from two sources: both may have said it
        (
            "The bridge was closed for repairs, Ana Ruiz said.",
            "The bridge was closed for repairs, Pedro Gomez said.",
        ),
        (
            "Subryan was charged with vehicular manslaughter and DWI, the district attorney said.",
            "Subryan was charged with vehicular manslaughter and DWI, Commissioner Ray Kelly said.",
        ),
    ],
)
def test_indirect_reports_are_no_attribution_conflict(a, b):
    assert "attribution" not in _types(a, b)


def test_a_quotation_whose_speakers_are_pronouns_resolved_two_ways_is_no_attribution_conflict():
    import dataclasses

    text = '"I don\'t want to be photographed in my old age," she said in 1998.'

    def resolved(source: str, speaker: str):
        c = _claim(text, source)  # each outlet's context read "she" as someone else
        return dataclasses.replace(c, facts=dataclasses.replace(c.facts, speaker=speaker))

    found, _ = conflicts(resolved("a", "Bettie Page"), resolved("b", "Mark Roesler"), 0.95)
    assert "attribution" not in [c.type for c in found]


@pytest.mark.parametrize(
    "a, b",
    [
        # two moments of one life, in sentences an aligner pairs
        (
            "Born in Nashville, Page left her job as a secretary to begin a career in modeling in 1950.",
            "Page was born on April 22, 1923, in Nashville, Tenn.",
        ),
        # when she said it is no date of what she spoke of
        (
            '"I don\'t want to be photographed in my old age," she said in 1998.',
            "She was photographed with Hefner at Playboy's 50th anniversary celebration in 2003.",
        ),
    ],
)
def test_dates_of_two_moments_are_no_time_conflict_however_alike_the_sentences(a, b):
    assert "time" not in _types(a, b, similarity=0.95)


# --- the cascade itself -----------------------------------------------------------------


def test_every_detector_in_the_cascade_is_registered_with_documented_gates():
    from compare.diff.cascade import CASCADE
    from compare.diff.registry import DETECTORS

    assert set(CASCADE) == set(DETECTORS)
    for name in CASCADE:
        for gate in DETECTORS[name].gates.values():
            assert gate.meaning and 0 <= gate.value <= 1


def test_gates_are_listed_in_cascade_order():
    from compare.diff import gates
    from compare.diff.cascade import CASCADE

    listed = [d for d, _, _, _ in gates()]
    assert listed == sorted(listed, key=CASCADE.index)
    assert ("negation", "similarity", 0.70) in [(d, g, v) for d, g, v, _ in gates()]


def test_a_different_speaker_is_not_told_beside_another_difference():
    # Figures differ and the speakers differ: the conflict is the figure; attribution, which
    # runs only when nothing else differs, adds no second reason.
    a = "Interior Minister Ali Hassan said 12 people were injured in the clashes."
    b = "Amnesty International said 18 people were injured in the clashes."
    assert _types(a, b) == ["number"]


# --- agreement in other words -------------------------------------------------------------------


def test_the_same_assertion_under_different_asides_agrees():
    from compare.diff.clauses import core

    a = "Nawaf Fares, formerly Syria's ambassador to Iraq, said only force can remove Assad."
    b = "Asked by CNN if he favored foreign military intervention, Fares said only force could topple Assad:"
    assert core(a) == "Nawaf Fares said only force can remove Assad"
    assert core(b) == "Fares said only force could topple Assad"
    assert core("The quake injured five people, officials said.") == "The quake injured five people"


@pytest.mark.parametrize(
    "a, b, types",
    [
        # one line printed two ways
        (
            "Call police on 0845 125 222 with information.",
            "Call police on 0845 125 2222 with information.",
            ["phone"],
        ),
        # two services, two lines of one switchboard, one number written two ways
        ("Call police on 0845 125 2222.", "Call Crimestoppers on 0800 555 111.", []),
        ("Call the desk on 020 7946 0958.", "Call the press office on 020 7946 1234.", []),
        ("Call the incident room on 0161 856 4334.", "Call the casualty bureau on 0161 856 4335.", []),
        ("Call 1-800-222-8477 for help.", "Call 1-800-222-8400 for help.", []),
        # two neighbouring digits swapped
        ("Call police on 0845 125 2232.", "Call police on 0845 125 2322.", ["phone"]),
        ("Call (555) 123-4567 for help.", "Call 555-123-4567 for help.", []),
    ],
)
def test_a_phone_number_printed_two_ways_conflicts(a, b, types):
    assert _types(a, b) == types


def test_sentences_told_alike_on_two_days_do_not_agree(fake_embedder):
    from compare import compare
    from compare.records import Article

    a = "An Indian warship foiled a pirate attack on merchant vessels in the Gulf of Aden on Friday."
    b = (
        "An Indian warship on Thursday intercepted three boats in the Gulf of Aden "
        "and foiled an attack on merchant vessels."
    )
    report = compare([Article(text=a, id="one"), Article(text=b, id="two")], embedder=fake_embedder)
    # each stays its source's own, the other named as telling the same event differently
    assert [f.kind for f in report.findings] == ["unique", "unique"]
    assert "two:1" in report.findings[0].explanation
    same_day = b.replace("Thursday", "Friday")
    report = compare([Article(text=a, id="one"), Article(text=same_day, id="two")], embedder=fake_embedder)
    assert [f.kind for f in report.findings] == ["agreement"]


def test_one_figure_told_alike_in_sentences_the_aligner_left_apart_is_an_agreement(fake_embedder):
    from compare import Article, compare

    a = "Rescuers searched the rubble of the mud houses all night. Officials said the death toll rose to 10."
    b = "The powerful earthquake struck the island on Sunday, killing 10 people and injuring dozens."
    report = compare([Article(text=a, id="one"), Article(text=b, id="two")], embedder=fake_embedder)
    agreements = [f for f in report.findings if f.kind == "agreement"]
    assert [f.claims for f in agreements] == [("one:2", "two:1")]
    assert "(deaths: 10)" in agreements[0].explanation
    # another figure of the fact is no agreement, and no contradiction either without more to go on
    other = b.replace("killing 10", "killing 12")
    report = compare([Article(text=a, id="one"), Article(text=other, id="two")], embedder=fake_embedder)
    assert not [f for f in report.findings if f.kind == "agreement"]


def test_one_event_told_with_other_details_still_agrees_on_the_fact_both_give(fake_embedder):
    # Aligned as one event with different details, the two claims are neither an agreement nor a
    # contradiction as sentences; the age they both give is a fact they agree on.
    from compare import Article, compare

    a = "Inmate escapes\nArcade Joseph Comeaux Jr., 49, is serving a life sentence for sexual assault."
    b = "Manhunt goes on\nArcade Joseph Comeaux Jr., 49, ran away on foot with the guards' guns."
    report = compare([Article(text=a, id="a"), Article(text=b, id="b")], embedder=fake_embedder)
    (agreement,) = report.of_kind("agreement")
    assert agreement.claims == ("a:1", "b:2")
    assert "(age of Arcade Joseph Comeaux Jr.: 49)" in agreement.explanation
    # ... and each keeps what only it tells
    assert {f.claims for f in report.of_kind("unique")} >= {("a:1",), ("b:2",)}
    other = b.replace(", 49,", ", 94,")
    report = compare([Article(text=a, id="a"), Article(text=other, id="b")], embedder=fake_embedder)
    assert not report.of_kind("agreement")


@pytest.mark.parametrize(
    "a, b, part",
    [
        (
            "A statement from Waitrose said damage had been extensive but the store would be rebuilt.",
            "The fire gutted the building, and the store will be rebuilt.",
            True,
        ),
        (
            "Police said the victim had a gun, which she has a permit to carry.",
            "She had a permit to carry the gun, authorities said.",
            True,
        ),
        # a second predicate joined by "and", a participle clause: parts of their own
        (
            "Page suffered a heart attack nine days earlier and never regained consciousness.",
            "She never regained consciousness.",
            True,
        ),
        (
            "In 1992, she left a mental hospital having been diagnosed as a paranoid schizophrenic.",
            "She had trouble with the law and was eventually diagnosed as a paranoid schizophrenic.",
            True,
        ),
        # ... but two nouns joined by "and" are no predicate
        (
            "The rule protects threatened and endangered species.",
            "Endangered species, the agency said.",
            False,
        ),
        # ... nor cut off a negation before it
        (
            "Police do not believe he fled the country and is hiding in Mexico.",
            "He is hiding in Mexico.",
            False,
        ),
        (
            "She was released, never having been diagnosed as schizophrenic.",
            "She was diagnosed as schizophrenic.",
            False,
        ),
        # one says it, the other denies it; other figures; a name alone in a long sentence
        (
            "The store will be rebuilt, a spokesman said.",
            "The store will not be rebuilt, a spokesman said.",
            False,
        ),
        (
            "Police said 12 premises suffered smashed windows.",
            "Officers said 20 premises suffered smashed windows.",
            False,
        ),
        (
            "Chief Russell",
            "Woodburn Police Chief Scott Russell received critical injuries and was taken to hospital.",
            False,
        ),
    ],
)
def test_two_claims_agree_on_a_part_told_in_nearly_the_same_words(a, b, part):
    from compare.diff.clauses import shared_part

    def claim(text, source):
        return Claim(f"{source}:1", source, text, 0, len(text), facts=extract(text))

    assert (shared_part(claim(a, "a"), claim(b, "b")) is not None) == part


def test_claims_of_one_event_agree_on_the_part_they_tell_alike_and_keep_the_rest(fake_embedder):
    from compare import Article, compare

    a = (
        "Store fire\nA statement from Waitrose said damage to the building had been extensive but the store "
        "would be rebuilt."
    )
    b = (
        "Fire guts store\nWaitrose staff will move to other branches while the store will be rebuilt after "
        "the damage."
    )
    report = compare([Article(text=a, id="a"), Article(text=b, id="b")], embedder=fake_embedder)
    (agreement,) = report.of_kind("agreement")
    assert agreement.claims == ("a:1", "b:2")
    assert "'the store would be rebuilt' / 'the store will be rebuilt'" in agreement.explanation
    assert {f.claims for f in report.of_kind("unique")} >= {("a:1",), ("b:2",)}
    # denied on the other side: no agreement
    denied = b.replace("while the store will be rebuilt", "while the store will not be rebuilt")
    report = compare([Article(text=a, id="a"), Article(text=denied, id="b")], embedder=fake_embedder)
    assert not report.of_kind("agreement")


def test_a_stance_reversed_must_be_said_of_one_thing():
    from compare.diff.negation import _reversal

    def claim(text, source):
        return Claim(f"{source}:1", source, text, 0, len(text), facts=extract(text))

    assert _reversal(
        claim("The senator supports the bill, his office said.", "a"),
        claim("The senator opposes the bill, his office said.", "b"),
    )
    # criticism of one host, praise of another
    assert not _reversal(
        claim("The show was hosted by Seth MacFarlane, who drew criticism for routines like his song.", "a"),
        claim("She is well liked, and her performance as the host of the show was widely praised.", "b"),
    )
