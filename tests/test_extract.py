"""Tests of the extract stage: numbers, times, names, negation, hedges, attribution, context.

Sentences are invented news phrasings from varied stories (an earthquake, an election, a court
case, a match, a war) plus a few from the seed story; every finder also gets near misses that it
must leave alone.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.extract import (
    annotate,
    entity_key,
    extract,
    find_entities,
    find_hedges,
    find_negation,
    find_quantities,
    find_speaker,
    find_times,
    quantities_conflict,
    same_entity,
    times_conflict,
)
from compare.records import Claim, Facts, Quantity, TimeRef

D = dt.date
JUL12 = D(2012, 7, 12)  # a Thursday
JUL18 = D(2012, 7, 18)  # a Wednesday


def qs(text: str) -> list[Quantity]:
    found = find_quantities(text)
    for q in found:
        assert text[q.start : q.end] == q.text, q
    return list(found)


def one_q(text: str) -> Quantity:
    found = qs(text)
    assert len(found) == 1, found
    return found[0]


def ts(text: str, published: dt.date | None = None) -> list[TimeRef]:
    found = find_times(text, published)
    for t in found:
        assert text[t.start : t.end] == t.text, t
    return list(found)


def one_t(text: str, published: dt.date | None = None) -> TimeRef:
    found = ts(text, published)
    assert len(found) == 1, found
    return found[0]


def names(text: str) -> list[str]:
    found = find_entities(text)
    for e in found:
        assert text[e.start : e.end] == e.text, e
    return [e.text for e in found]


def speaker(text: str) -> str | None:
    found = find_speaker(text)
    if found is None:
        return None
    phrase, (s, e) = found
    assert text[s:e] == phrase
    return phrase


def q(value, low=None, high=None, unit="", text="x") -> Quantity:
    return Quantity(
        text, 0, len(text), value, value if low is None else low, value if high is None else high, "", unit
    )


# --- quantities ------------------------------------------------------------------------


def test_lower_bound_qualifier_and_person_unit():
    got = one_q("Activists say more than 17,000 people have been killed.")
    assert (got.value, got.low, got.high) == (17000, 17000, math.inf)
    assert got.qualifier == "more than" and got.unit == "person"
    assert got.text == "more than 17,000 people"


def test_exact_word_number_counts_people():
    got = one_q("Government shelling killed six people in what appeared to be a new offensive.")
    assert (got.value, got.low, got.high, got.unit) == (6, 6, 6, "person")


def test_bare_count_before_a_verb_has_no_unit():
    found = qs(
        "The group said at least 20 people were killed in the highway attacks and seven died in Treemseh."
    )
    assert [(x.value, x.low, x.high, x.unit) for x in found] == [(20, 20, math.inf, "person"), (7, 7, 7, "")]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("He served the family for 34 years but turned against them.", 34, "year"),
        ("a 17-month crackdown on demonstrators", 17, "month"),
        ("It says more than 4,000 members of the security forces have died.", 4000, "member"),
        ("virtually none of the 80,000 conscripts due to join the army", 80000, "conscript"),
        ("Seven people were killed when the roof collapsed.", 7, "person"),
        ("Rescuers pulled twenty-one miners from the shaft.", 21, "miner"),
        ("A dozen protesters were detained.", 12, "protester"),
        ("Police arrested 12 unarmed students outside the embassy.", 12, "student"),
        ("The storm destroyed two hundred and fifty homes.", 250, "home"),
        ("Some 2,000 Syrians crossed the border.", 2000, "syrian"),
        ("The quake left 3 million people without power.", 3e6, "person"),
        ("a 7.1-magnitude earthquake", 7.1, "magnitude"),
        ("The company agreed to pay 20 million euros.", 20e6, "euro"),
    ],
)
def test_counted_noun_is_lower_case_singular(text, value, unit):
    got = one_q(text)
    assert got.value == pytest.approx(value)
    assert got.unit == unit


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("The blast killed at least 20 people.", 20, math.inf),
        ("The quake killed up to 300 people.", 0, 300),
        ("as many as 40 soldiers", 0, 40),
        ("fewer than 50 voters turned out", 0, 50),
        ("nearly 100 homes were flattened", 85, 100),
        ("about 1,000 people marched", 900, 1100),
        ("roughly 50 prisoners escaped", 45, 55),
        ("between 5 and 10 civilians were wounded", 5, 10),
        ("5-10 civilians were wounded", 5, 10),
        ("five or six houses burned", 5, 6),
        ("20 or more people were hurt", 20, math.inf),
        ("almost half a million refugees", 425000, 500000),
    ],
)
def test_qualifiers_become_ranges(text, low, high):
    got = one_q(text)
    assert got.low == pytest.approx(low)
    assert got.high == pytest.approx(high) if high != math.inf else got.high == math.inf


def test_money_and_percentages():
    assert [(x.value, x.unit) for x in qs("The court fined the bank $5 million and its chief £300,000.")] == [
        (5e6, "dollar"),
        (300000, "pound"),
    ]
    assert [(x.value, x.unit) for x in qs("Turnout was 62.5 percent, up from 58% in the last vote.")] == [
        (62.5, "percent"),
        (58, "percent"),
    ]
    got = one_q("She leads by 3.2 percentage points.")
    assert (got.value, got.unit) == (3.2, "percentage point")


def test_sports_score_is_two_numbers_not_a_range():
    found = qs("United won 3-1 at home.")
    assert [(x.value, x.low, x.high, x.unit) for x in found] == [(3, 3, 3, "score:1"), (1, 1, 1, "score:2")]


def test_vote_tally_sides_never_conflict_with_each_other():
    a = qs("The council voted 7 to 2 to close the library.")
    assert [(x.value, x.unit) for x in a] == [(7, "score:1"), (2, "score:2")]
    assert not any(quantities_conflict(x, y) for x in a for y in a if x.unit == y.unit)
    b = qs("The council voted 5 to 4 to close the library.")
    assert quantities_conflict(a[0], b[0]) and quantities_conflict(a[1], b[1])
    assert not quantities_conflict(a[0], b[1])
    assert [x.value for x in qs("Turnout fell from 7 to 2 percent.")] == [7, 2]


@pytest.mark.parametrize(
    "text",
    [
        "Syria's unrest began with protests in March 2011.",
        "The election was held in 2012.",
        "The 2012 elections were delayed.",
        "The verdict came on July 12, 2012.",
        "The verdict came on 12 July 2012.",
        "The verdict is dated 2012-07-12.",
        "The quake struck at 3 p.m. and again at 10:30.",
        "He finished first, and she was second.",
        "They took 1st and 2nd place.",
        "Unrest has been growing since the 1990s.",
        "Pilots flew F-16 jets along Route 66 during the COVID-19 outbreak.",
        "one of the officials said no one was hurt.",
        "Hundreds of people and dozens of houses were affected.",
        "The bill needs a two-thirds majority.",
        "A top general defected two weeks ago.",
        "He was appointed four years ago.",
        "The 9/11 attacks changed the city.",
        "The 76ers fired Cheeks after the 49ers game.",  # a team's name, not 76 of anything
    ],
)
def test_dates_times_ordinals_names_and_vague_words_are_not_quantities(text):
    assert qs(text) == []


def test_year_counts_as_quantity_only_when_it_counts_something():
    got = qs("Troops killed 2000 people in 2011.")
    assert [(x.value, x.unit) for x in got] == [(2000, "person")]


@pytest.mark.parametrize(
    "text",
    ["Thieves stole 40 laptops.", "Organizers said 5,000 people came.", "Environmentalists warned of harm."],
)
def test_a_plural_common_noun_opening_a_sentence_is_no_name(text):
    assert [e.text for e in extract(text).entities] == []


def test_a_works_year_before_its_makers_name_is_a_year():
    assert qs("She was celebrated in the 2006 HBO movie The Notorious Bettie Page.") == []
    assert [t.text for t in ts("She was celebrated in the 2006 HBO movie The Notorious Bettie Page.")] == [
        "2006"
    ]


def test_score_after_a_team_name_is_kept():
    found = qs("Manchester City beat Arsenal 4-1 on Wednesday.")
    assert [(x.value, x.qualifier, x.unit) for x in found] == [
        (4, "score", "score:1"),
        (1, "score", "score:2"),
    ]


def test_four_digit_count_after_of_is_a_count_but_year_after_of_is_a_date():
    assert [(x.value, x.unit) for x in qs("A crowd of 2000 people gathered.")] == [(2000, "person")]
    assert qs("The revolution of 2011 and its aftermath.") == []
    assert [t.kind for t in ts("The revolution of 2011 and its aftermath.")] == ["year"]


def test_number_word_lists_are_not_summed():
    assert [x.value for x in qs("six and seven people")] == [6, 7]
    assert [x.value for x in qs("one hundred and twenty soldiers")] == [120]


def test_every_span_matches_its_text_in_a_busy_sentence():
    text = 'Officials said "at least 1,200" died, about 3,500 were hurt and $2.5bn in aid arrived on March 3.'
    found = qs(text)
    assert [x.value for x in found] == [1200, 3500, 2.5e9]


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("he was sentenced to 3 1/2 years in prison", 3.5, "year"),
        ("he was sentenced to 3-1/2 years in prison", 3.5, "year"),
        ("a sentence of 3½ years", 3.5, "year"),
        ("two and a half years later", 2.5, "year"),
        ("she lived half a mile away", 0.5, "mile"),
        ("she moved about a mile and a half away", 1.5, "mile"),
        ("the talks lasted an hour and a half", 1.5, "hour"),
        ("a 1/2 mile from the border", 0.5, "mile"),
        ("half a dozen people were hurt", 6, "person"),
    ],
)
def test_fractions_and_halves_are_part_of_the_value(text, value, unit):
    q = one_q(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text,value", [("fought the blaze in minus 17 degrees", -17), ("in minus-20 degree temperatures", -20)]
)
def test_minus_makes_a_negative_value(text, value):
    q = one_q(text)
    assert (q.value, q.low, q.high, q.unit) == (value, value, value, "degree")


def test_approximate_negative_value_keeps_low_below_high():
    q = one_q("about minus 20 degrees")
    assert q.low == pytest.approx(-22) and q.high == pytest.approx(-18)


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("a magnitude-5.9 earthquake", 5.9, "magnitude"),
        ("around 150 nautical miles east of Aden", 150, "nautical mile"),
        ("at speeds up to 120 miles per hour", 120, "mph"),
        ("a 1,500-square-kilometer island", 1500, "square kilometre"),
        # a model is what is counted, however it is written and whatever noun follows it
        ("The Navy confiscated 14 AK - 47 rifles", 14, "ak47"),
        ("with six AK 47 rifles", 6, "ak47"),
        ("Seven AK-47s were found", 7, "ak47"),
        ("seven AK-47 assault rifles", 7, "ak47"),
        ("nine assault rifles", 9, "rifle"),
        # a noun before a plural noun says which: the last is counted
        ("the 3 bank employees were burnt", 3, "bank employee"),
        ("escorting the five merchant vessels", 5, "merchant vessel"),
        ("two boats sank", 2, "boat"),
        ("12 hour shifts", 12, "hour"),
    ],
)
def test_compound_units_model_names_and_hyphenated_magnitudes(text, value, unit):
    q = one_q(text)
    assert (q.value, q.unit) == (value, unit)


def test_dates_and_fractions_apart():
    assert qs("after the 9/11 attacks") == []
    assert qs("on 24/7 duty") == []


# --- quantities_conflict ----------------------------------------------------------------


def test_different_exact_counts_conflict():
    six = one_q("shelling killed six people")
    seven = one_q("shelling killed seven people")
    assert quantities_conflict(six, seven)


def test_compatible_lower_bounds_do_not_conflict():
    a = one_q("at least seven people were killed")
    b = one_q("at least 20 people were killed")
    assert not quantities_conflict(a, b)
    assert not quantities_conflict(b, a)


def test_more_than_is_compatible_with_a_larger_exact_count():
    assert not quantities_conflict(one_q("more than 17,000 people"), one_q("17,500 people"))
    assert quantities_conflict(one_q("more than 17,000 people"), one_q("16,000 people"))


def test_durations_conflict_by_value():
    assert quantities_conflict(one_q("for 34 years"), one_q("for 30 years"))


def test_bare_count_is_compared_with_a_count_of_people_only():
    seven = one_q("seven died in the village")
    assert quantities_conflict(seven, one_q("six people"))
    assert not quantities_conflict(seven, one_q("six houses"))


def test_different_units_never_conflict():
    assert not quantities_conflict(one_q("six people"), one_q("seven houses"))
    assert not quantities_conflict(one_q("5 percent"), one_q("5 people"))


def test_approximate_and_upper_bounds_overlap_nearby_values():
    assert not quantities_conflict(one_q("about 1,000 people"), one_q("1,050 people"))
    assert quantities_conflict(one_q("about 1,000 people"), one_q("1,500 people"))
    assert not quantities_conflict(one_q("up to 300 people"), one_q("250 people"))
    assert quantities_conflict(one_q("nearly 100 homes"), one_q("120 homes"))
    assert not quantities_conflict(one_q("between 5 and 10 civilians"), one_q("8 civilians"))


def test_float_noise_is_not_a_conflict():
    assert not quantities_conflict(q(3.5, unit="percent"), q(3.5000000001, unit="percent"))


# --- times ------------------------------------------------------------------------------


def test_last_week_and_two_weeks_ago_from_different_dates_overlap():
    a = one_t("Manaf Tlass fled Syria last week, but has not spoken publicly.", JUL12)
    b = one_t("a top general and Assad confidant defected two weeks ago", JUL18)
    assert a.kind == b.kind == "relative"
    assert a.low <= b.high and b.low <= a.high
    assert not times_conflict(a, b)


def test_last_week_range_is_loose_but_excludes_publication_day():
    t = one_t("The envoy defected last week.", JUL12)
    assert (t.low, t.high) == (D(2012, 6, 29), D(2012, 7, 11))


def test_weekday_is_the_most_recent_such_day():
    t = one_t("The ministry said Thursday that Fares should be punished.", JUL12)
    assert (t.kind, t.low, t.high) == ("weekday", JUL12, JUL12)
    t = one_t("Rebels attacked the base on Monday.", JUL18)
    assert (t.low, t.high) == (D(2012, 7, 16), D(2012, 7, 16))
    t = one_t("The vote was counted on Friday.", D(2012, 7, 14))
    assert t.low == D(2012, 7, 13)


def test_weekday_in_a_future_clause_looks_ahead():
    t = one_t("The two leaders will meet on Friday in Geneva.", JUL18)
    assert t.low == D(2012, 7, 20)


def test_month_and_year_cover_the_whole_period():
    t = one_t("Syria's unrest began with protests in March 2011.")
    assert (t.kind, t.low, t.high) == ("month", D(2011, 3, 1), D(2011, 3, 31))
    t = one_t("The court first heard the case in 2011.")
    assert (t.kind, t.low, t.high) == ("year", D(2011, 1, 1), D(2011, 12, 31))


@pytest.mark.parametrize(
    "text", ["on July 12, 2012,", "on 12 July 2012 the", "dated 2012-07-12 in", "on Jul. 12, 2012"]
)
def test_absolute_dates_resolve_without_publication_date(text):
    t = one_t(text)
    assert (t.kind, t.low, t.high) == ("date", JUL12, JUL12)


def test_date_without_year_needs_the_publication_date():
    assert one_t("The match is on July 14.", JUL12).low == D(2012, 7, 14)
    t = one_t("The match is on July 14.")
    assert (t.kind, t.low, t.high) == ("date", None, None)


def test_bare_month_resolves_to_the_nearest_occurrence():
    assert one_t("Voters go to the polls in November.", JUL12).low == D(2012, 11, 1)
    assert one_t("The trial opened in March.", JUL12).low == D(2012, 3, 1)
    assert one_t("The trial opened last March.", D(2012, 3, 20)).low == D(2011, 3, 1)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("The aftershock hit yesterday.", D(2012, 7, 11), D(2012, 7, 11)),
        ("The team plays today.", JUL12, JUL12),
        ("Results are due tonight.", JUL12, JUL12),
        ("The jury met last month.", D(2012, 5, 25), D(2012, 7, 7)),
        ("Inflation rose last year.", D(2011, 1, 1), D(2011, 12, 31)),
        ("Fighting flared earlier this month.", D(2012, 7, 1), JUL12),
        ("The dam failed 3 days ago.", D(2012, 7, 8), D(2012, 7, 10)),
        ("The truce collapsed three weeks ago.", D(2012, 6, 15), D(2012, 6, 27)),
    ],
)
def test_relative_expressions_resolve_against_publication(text, low, high):
    t = one_t(text, JUL12)
    assert (t.low, t.high) == (low, high)


def test_years_ago_is_a_year_wide_window():
    t = one_t("He was appointed to the post four years ago.", JUL12)
    assert t.low < D(2008, 7, 12) < t.high
    assert (t.high - t.low).days <= 370


def test_weeks_around_publication_and_datetime_input():
    assert one_t("Talks resume next week.", JUL12).low == D(2012, 7, 13)
    this_week = one_t("The trial opened this week.", dt.datetime(2012, 7, 12, 18, 30))
    assert this_week.low <= JUL12 <= this_week.high


def test_vague_relative_times_stay_unresolved():
    t = one_t("The bridge was closed several weeks ago.", JUL12)
    assert (t.kind, t.low, t.high) == ("relative", None, None)


def test_relative_time_without_publication_is_unresolved():
    t = one_t("The envoy defected last week.")
    assert (t.kind, t.low, t.high) == ("relative", None, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He served the family for 34 years.", "for 34 years"),
        ("his 17-month crackdown", "17-month"),
        ("The area has been under bombardment for weeks.", "for weeks"),
    ],
)
def test_durations_are_not_points_in_time(text, expected):
    t = one_t(text, JUL12)
    assert (t.text, t.kind, t.low, t.high) == (expected, "duration", None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said the deal was done.",
        "Thousands march through the capital.",
        "The 26-year-old striker scored twice.",
        "Will the court rule?",
        "Mondays are the busiest days.",
    ],
)
def test_names_and_ages_are_not_times(text):
    assert ts(text, JUL12) == []


def test_times_conflict_only_when_both_ranges_are_resolved_and_disjoint():
    march = one_t("in March 2011")
    year = one_t("in 2012")
    assert times_conflict(march, year)
    assert not times_conflict(one_t("on Thursday", JUL12), one_t("on July 12, 2012"))
    assert times_conflict(one_t("yesterday", JUL12), one_t("on July 12, 2012"))
    assert not times_conflict(one_t("last week"), one_t("on July 12, 2012"))  # unresolved
    assert not times_conflict(one_t("for 34 years"), one_t("for 30 years"))  # durations


# --- entities ---------------------------------------------------------------------------


def test_names_with_particles_and_organisations():
    text = (
        "Nawaf al Fares told Al-Jazeera that Bashar al-Assad must go, and the Britain-based "
        "Syrian Observatory for Human Rights said NATO and the U.N. were watching, CNN reported."
    )
    assert names(text) == [
        "Nawaf al Fares",
        "Al-Jazeera",
        "Bashar al-Assad",
        "Britain",
        "Syrian Observatory for Human Rights",
        "NATO",
        "U.N.",
        "CNN",
    ]


def test_keys_drop_particles_possessives_and_dots():
    assert entity_key("Bashar al-Assad") == "bashar assad"
    assert entity_key("Assad's") == "assad"
    assert entity_key("U.N.") == "un"
    assert entity_key("Al-Jazeera") == "jazeera"
    assert entity_key("The Hague") == "hague"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Activists say more than 17,000 people have been killed.", []),
        (
            "Another group, the Local Coordination Committees, said 20 died.",
            ["Local Coordination Committees"],
        ),
        ("In Paris, officials met on Thursday.", ["Paris"]),
        ("Also Thursday, Human Rights Watch said it had found evidence.", ["Human Rights Watch"]),
        ("The Syrian government blames the uprising on armed gangs.", ["Syrian"]),
        ("Asked about the verdict, Judge Maria Lopez declined to comment.", ["Maria Lopez"]),
        ("In March, voters in Ohio turned out.", ["Ohio"]),
        ("Security forces fired on the crowd.", []),
        ("Local Coordination Committees said 20 died.", ["Local Coordination Committees"]),
        ("State Department officials declined to comment.", ["State Department"]),
        # a vessel noun before a ship's name is no part of it; a road named after one keeps it
        ("Warship INS Sukanya foiled the attack.", ["INS Sukanya"]),
        ("Ferry Road was closed.", ["Ferry Road"]),
    ],
)
def test_sentence_initial_common_words_and_times_are_not_names(text, expected):
    assert names(text) == expected


def test_titles_and_possessives_are_not_part_of_the_name():
    assert names("French Foreign Minister Laurent Fabius said Tlass was safe.") == [
        "French",
        "Laurent Fabius",
        "Tlass",
    ]
    assert names("Brig. Gen. Manaf Tlass, an Assad confidant, fled Syria.") == [
        "Manaf Tlass",
        "Assad",
        "Syria",
    ]
    assert names("Syria's Foreign Ministry condemned President Bashar Assad's critics.") == [
        "Syria",
        "Foreign Ministry",
        "Bashar Assad",
    ]


def test_hyphenated_modifiers_keep_only_the_name():
    assert names("The New York-based group met anti-Assad fighters and pro-Western diplomats.") == [
        "New York",
        "Assad",
        "Western",
    ]
    assert names("Anti-regime activists reported shelling.") == []


def test_abbreviated_months_and_name_like_titles():
    assert names("Voters in Nigeria go to the polls on Feb. 25.") == ["Nigeria"]
    assert names("Arsenal lead the Premier League and the U.N. General Assembly met.") == [
        "Arsenal",
        "Premier League",
        "U.N. General Assembly",
    ]
    assert names("Attorney General Merrick Garland spoke.") == ["Merrick Garland"]


def test_first_names_that_look_like_months_or_modals():
    assert names("Jan Egeland, the U.N. envoy, spoke to Theresa May.") == [
        "Jan Egeland",
        "U.N.",
        "Theresa May",
    ]


def test_other_story_names():
    assert names("Manchester United beat Real Madrid 3-1 at Old Trafford on Saturday.") == [
        "Manchester United",
        "Real Madrid",
        "Old Trafford",
    ]
    assert names("The U.S. Geological Survey said the quake struck near Sendai.") == [
        "U.S. Geological Survey",
        "Sendai",
    ]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Bashar al-Assad", "Assad"),
        ("Bashar Assad", "Bashar al-Assad"),
        ("Nawaf al Fares", "Fares"),
        ("FARES", "Fares"),
        ("Allawite", "Alawite"),
        ("Mohammed", "Muhammad"),
        ("Qaeda", "Qaida"),
        ("Syria", "Syrian"),
        ("Syria", "Syrians"),
        ("Iraq", "Iraqi"),
        ("Italy", "Italian"),
        ("Britain", "British"),
        ("Somalia", "Somali"),
        ("Norway", "Norwegians"),
        ("U.N.", "UN"),
        ("UN", "United Nations"),
        ("U.N.", "United Nations"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("SOHR", "Syrian Observatory for Human Rights"),
        ("Syrian Observatory", "Syrian Observatory for Human Rights"),
        ("Sunni", "Sunnis"),
        ("French Foreign Minister Laurent Fabius", "Fabius"),
        ("the Britain-based Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights"),
    ],
)
def test_aliases_across_outlets(a, b):
    assert same_entity(a, b)
    assert same_entity(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Hama", "Hamas"),
        ("Iraq", "Iran"),
        ("CNN", "CBN"),
        ("Johnson", "Johnston"),
        ("Mario", "Maria"),
        ("Hassan", "Hussein"),
        ("Austria", "Australia"),
        ("Slovenia", "Slovakia"),
        ("Niger", "Nigeria"),
        ("Niger", "Nigerian"),
        ("Sudan", "South Sudan"),
        ("Bashar", "Bashar Assad"),
        ("Bank of England", "England"),
        ("Fares", "Tlass"),
        ("he", "Fares"),
        ("Hamas", "Hamad"),
    ],
)
def test_near_miss_names_stay_distinct(a, b):
    assert not same_entity(a, b)
    assert not same_entity(b, a)


def test_same_entity_accepts_keys():
    assert same_entity("bashar assad", "assad")
    assert same_entity("allawite", "alawite")
    assert not same_entity("hama", "hamas")
    assert not same_entity("he", "he")
    assert same_entity("the ministry", "Syria's Foreign Ministry")


def test_same_entity_accepts_entities():
    a = find_entities("Bashar al-Assad spoke.")[0]
    b = find_entities("They blamed Assad.")[0]
    assert same_entity(a, b)


# --- negation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, cues",
    [
        ("He would not comment on reports that Tlass was in Paris.", ("not",)),
        ("The defendant didn't testify and won't appeal.", ("n't", "n't")),
        ("Nothing short of Assad's ouster is acceptable.", ("nothing",)),
        ("He is no longer the ambassador.", ("no longer",)),
        ("Neither the coach nor the captain spoke.", ("neither", "nor")),
        ("The ministry denied the report.", ("denied",)),
        ("The general defected but failed to surface.", ("failed to",)),
        ("The opposition has been unable to unite.", ("unable to",)),
        ("The club refused to sell and declined to comment.", ("refused to", "declined to")),
        ("No one was hurt and nobody was arrested.", ("no one", "nobody")),
        ("The regime will not go without force.", ("not", "without")),
        ("There were never any survivors; none were found.", ("never", "none")),
    ],
)
def test_negation_cues_in_order(text, cues):
    assert find_negation(text) == cues


@pytest.mark.parametrize(
    "text",
    [
        "There is no doubt that the dam failed.",
        "The storm hit not only Manila but also Cebu.",
        "No more than 20 people were inside.",
        "Many, if not most, voters stayed home.",
        "Their reports could not be independently verified.",
        "It was not immediately clear who fired first.",
        "Fares, who has not spoken publicly, said the regime will fall.",
        "NATO enforced a no-fly zone over the No. 5 district.",
        "The minister spoke without doubt about the result.",
    ],
)
def test_non_negating_uses_are_ignored(text):
    assert find_negation(text) == ()


# --- hedges -----------------------------------------------------------------------------


def test_hedges_in_order():
    text = "The general reportedly fled and may have reached Paris, in what appeared to be a defection."
    assert find_hedges(text) == ("reportedly", "may have", "appeared to")
    assert find_hedges("Their reports could not be independently verified.") == (
        "could not be independently verified",
    )
    assert find_hedges("According to reports, the suspect is believed to be abroad.") == (
        "according to reports",
        "is believed to",
    )
    assert find_hedges("It was unclear where Fares recorded the statement.") == ("it was unclear",)
    assert find_hedges("He allegedly paid the bribe, suggesting a cover-up, in unconfirmed footage.") == (
        "allegedly",
        "suggesting",
        "unconfirmed",
    )


def test_plain_statements_and_the_month_may_are_not_hedges():
    assert find_hedges("The court convicted him in May and he was jailed.") == ()


# --- attribution ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Activists say more than 17,000 people have been killed.", "Activists"),
        (
            "Nawaf Fares, formerly Syria's ambassador to Iraq, said only force can remove Assad.",
            "Nawaf Fares",
        ),
        ('"There is no roadmap," Fares said in an interview with Al-Jazeera.', "Fares"),
        ("Syria's Foreign Ministry said Thursday that Fares should be punished.", "Syria's Foreign Ministry"),
        (
            "In a statement reported by the state news agency, the ministry said Fares had been relieved.",
            "the ministry",
        ),
        (
            "The Britain-based Syrian Observatory for Human Rights said at least seven people were killed.",
            "The Britain-based Syrian Observatory for Human Rights",
        ),
        ("The activist group also said government shelling killed six people.", "The activist group"),
        (
            "Another group, the Local Coordination Committees, said at least 20 people were killed.",
            "the Local Coordination Committees",
        ),
        ('"Contact has been made," Fabius told journalists in Paris.', "Fabius"),
        ("On CNN, Fares said Assad held sole power.", "Fares"),
        ('"We are devastated," said Mayor Jane Doe.', "Mayor Jane Doe"),
        (
            "The quake killed 300 people, according to the U.S. Geological Survey.",
            "the U.S. Geological Survey",
        ),
        ("The striker, who scored twice, told reporters the title was won.", "The striker"),
        ("Fares, 59, announced his resignation.", "Fares"),
        ('The nation is all the people," he said.', "he"),
        (
            "Opposition leaders and Western officials said they hoped others would follow.",
            "Opposition leaders and Western officials",
        ),
        ("One of the officials who defected claimed the army was collapsing.", "One of the officials"),
        ("FARES: This regime will not go without force.", "FARES"),
        ("The vote count was delayed, election officials reported.", "election officials"),
    ],
)
def test_speaker_found_as_written(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"There is no way that he can be pushed from power without force."',
        '"He said he would come."',
        "He would not comment on reports that Tlass was in Paris.",
        "The reported attack killed six people.",
        "Fares was told to leave the country.",
        "The attack was reported by state media.",
        "According to reports, none of the conscripts reported for duty.",
        "Activist claims often differ and their reports cannot be verified.",
        "A conflict the Red Cross declared a civil war dragged on.",
    ],
)
def test_no_speaker_for_quotes_passives_and_nouns(text):
    assert speaker(text) is None


# --- extract ----------------------------------------------------------------------------


def test_extract_collects_every_fact():
    f = extract("The Britain-based group said Thursday that at least seven people were not found.", JUL12)
    assert isinstance(f, Facts)
    assert [x.value for x in f.quantities] == [7]
    assert [t.low for t in f.times] == [JUL12]
    assert [e.text for e in f.entities] == ["Britain"]
    assert f.negated and f.negation_cues == ("not",)
    assert f.speaker == "The Britain-based group"
    assert f.speaker_span == (0, len("The Britain-based group"))


def test_transcript_speaker_wins_over_attribution():
    f = extract("Officials said the regime will only go with force.", speaker="Fares")
    assert f.speaker == "Fares" and f.speaker_span is None


def test_extract_of_plain_sentence_is_empty():
    assert extract("The sky was clear.") == Facts()


# --- annotate ---------------------------------------------------------------------------


def claims_of(*texts, source="cbs", blocks=None, speakers=None):
    out = []
    for i, t in enumerate(texts):
        out.append(
            Claim(
                id=f"{source}:{i + 1}",
                source=source,
                text=t,
                start=0,
                end=len(t),
                block=blocks[i] if blocks else 0,
                speaker=speakers[i] if speakers else None,
            )
        )
    return out


def test_quotation_inherits_speaker_from_its_paragraph():
    cs = claims_of(
        '"There is no roadmap ever with Bashar Assad," Fares said in an interview.',
        '"There is no way that he can be pushed from power without force."',
    )
    out = annotate(cs, JUL12)
    assert [c.facts.speaker for c in out] == ["Fares", "Fares"]
    assert out[1].facts.speaker_span is None
    assert [c.id for c in out] == ["cbs:1", "cbs:2"] and out[1].text == cs[1].text


def test_quotation_split_across_sentences_takes_the_later_attribution():
    cs = claims_of(
        '"Where is the honor in killing your countrymen?',
        "Where is the national allegiance?",
        'The nation is all the people," Fares said.',
    )
    assert [c.facts.speaker for c in annotate(cs, JUL12)] == ["Fares", "Fares", "Fares"]


def test_quotation_does_not_inherit_across_paragraphs_or_sources():
    cs = claims_of('"We will rebuild," the mayor said.', '"Nothing is left."', blocks=[0, 1])
    assert annotate(cs, None)[1].facts.speaker is None
    other = claims_of('"Nothing is left."', source="bbc")
    mixed = annotate([cs[0], other[0]], None)
    assert mixed[1].facts.speaker is None


def test_narrative_sentence_does_not_inherit_a_speaker():
    cs = claims_of('"We will rebuild," the mayor said.', "The river burst its banks on Monday.")
    assert annotate(cs, None)[1].facts.speaker is None


def test_pronoun_speaker_resolves_to_last_named_person():
    cs = claims_of(
        "French Foreign Minister Laurent Fabius said Tlass was safe.",
        "The opposition welcomed the news.",
        '"Contact has been made," he said.',
    )
    out = annotate(cs, JUL12)
    assert out[2].facts.speaker == "Laurent Fabius"
    assert out[2].facts.speaker_span == (len('"Contact has been made," '), len('"Contact has been made," he'))


def test_pronoun_resolves_to_a_named_sentence_subject():
    cs = claims_of(
        "Crowds gathered as Fares spoke.",
        "Fares condemned the regime in a statement broadcast on Al-Jazeera.",
        '"The allegiance is to the people," he said.',
    )
    assert annotate(cs, JUL12)[2].facts.speaker == "Fares"


def test_pronoun_resolves_to_a_first_mention_that_acts():
    cs = claims_of("Okafor denied the charges in court.", '"I am innocent," he said.')
    assert annotate(cs, None)[1].facts.speaker == "Okafor"


def test_sentence_initial_common_noun_is_not_a_subject_for_pronouns():
    cs = claims_of(
        "Judge Maria Lopez said the case was closed.",
        "Cluster bombs explode in the air.",
        '"They are indiscriminate," she said.',
    )
    assert annotate(cs, None)[2].facts.speaker == "Maria Lopez"


def test_pronoun_is_not_resolved_to_an_organisation_or_another_source():
    cs = claims_of("Human Rights Watch said cluster bombs were used.", '"We saw them," she said.')
    assert annotate(cs, None)[1].facts.speaker == "she"
    a = claims_of("Judge Maria Lopez said the case was closed.", source="a")
    b = claims_of("He said the appeal would fail.", source="b")
    assert annotate(a + b, None)[1].facts.speaker == "He"


def test_they_resolves_to_the_last_named_speaker():
    cs = claims_of(
        "Rescue workers in Antakya said dozens were still trapped.", '"We hear voices," they said.'
    )
    assert annotate(cs, None)[1].facts.speaker == "Rescue workers in Antakya"


def test_it_resolves_to_the_institution_just_mentioned():
    cs = claims_of(
        "The Syrian government blames the uprising on armed gangs.",
        "It says more than 4,000 members of the security forces have been killed.",
    )
    assert annotate(cs, JUL12)[1].facts.speaker == "The Syrian government"


def test_transcript_speaker_is_kept():
    cs = claims_of(
        "This regime will not go without force.", "He said nothing else.", speakers=["Fares", "Fares"]
    )
    out = annotate(cs, JUL18)
    assert [c.facts.speaker for c in out] == ["Fares", "Fares"]
    assert out[0].facts.negated


def test_annotate_resolves_times_with_the_publication_date():
    out = annotate(claims_of("The envoy defected last week."), JUL12)
    assert out[0].facts.times[0].low == D(2012, 6, 29)


# --- speed ------------------------------------------------------------------------------


def test_extract_handles_thousands_of_sentences_per_second():
    base = [
        (
            "The Britain-based Syrian Observatory for Human Rights said at least seven people were "
            "killed on Thursday."
        ),
        "A magnitude 7.1 earthquake struck 40 miles off the coast of Sendai two days ago, officials said.",
        '"We did not expect to lose 3-1," coach Jane Doe told reporters after the match in Madrid.',
        "The court fined the bank $5 million last month, according to the U.S. Justice Department.",
    ]
    # distinct texts so no cache helps
    texts = [f"{s} Case {i}." for i in range(500) for s in base]
    start = time.perf_counter()
    for t in texts:
        extract(t, JUL12)
    rate = len(texts) / (time.perf_counter() - start)
    # ~2,000/s on a laptop; the bound is loose so a slow CI machine passes, but a regex that
    # backtracks badly (10x slower) does not.
    assert rate > 500, f"{rate:.0f} sentences/s"


# --- invariants -------------------------------------------------------------------------

_PIECES = st.sampled_from(
    "the The said Fares al-Assad U.N. 17,000 seven at least more than - , . \" “ ” ' 's Thursday "
    "March 2011 last week two weeks ago $5 million 5% 3-1 not no-fly No. 5 F-16 for 34 years "
    "17-month Al- -based anti- Mr. Gen. : ( ) one of twenty-one a dozen between and or to".split()
    + ["", " ", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=16), st.booleans())
def test_spans_always_point_at_their_text(pieces, glue):
    text = ("" if glue else " ").join(pieces)
    f = extract(text, JUL12)
    for item in (*f.quantities, *f.times, *f.entities):
        assert text[item.start : item.end] == item.text
        assert item.start < item.end
    if f.speaker_span:
        assert text[f.speaker_span[0] : f.speaker_span[1]] == f.speaker
    for x in f.quantities:
        assert x.low <= x.value <= x.high
    for t in f.times:
        assert (t.low is None) == (t.high is None)
        assert t.low is None or t.low <= t.high


def _names_of_many_kinds() -> list:
    """Names from the alias tables above plus every entity and speaker in the seeds: entities,
    speaker phrases and bare keys, the three shapes same_entity reads."""
    from compare.ingest import load_sources
    from compare.pipeline import prepare

    root = Path(__file__).resolve().parent.parent / "seeds"
    claims, _, _ = prepare(load_sources(sorted(str(p) for p in root.glob("*.txt"))))
    phrases = [
        "Bashar al-Assad",
        "Assad",
        "FARES",
        "Allawite",
        "Alawite",
        "Mohammed",
        "Muhammad",
        "Qaeda",
        "Qaida",
        "Syrians",
        "Iraqi",
        "Italian",
        "British",
        "U.N.",
        "UN",
        "United Nations",
        "NATO",
        "SOHR",
        "Sunni",
        "Sunnis",
        "Hama",
        "Hamas",
        "CNN",
        "CBN",
        "Johnson",
        "Johnston",
        "Niger",
        "Nigerian",
        "South Sudan",
        "the ministry",
        "bashar assad",
        "he",
    ]
    names = [
        *phrases,
        *(e for c in claims for e in c.facts.entities),
        *(e.key for c in claims for e in c.facts.entities),
        *(c.facts.speaker for c in claims if c.facts.speaker),
    ]
    return list(dict.fromkeys(names))


def test_alias_lookups_by_block_find_exactly_what_comparing_every_pair_finds():
    # NameIndex and AliasTable look names up only among those sharing a block (a word, a start,
    # first-and-last letters, initials): a block missing for some alias rule loses matches.
    from compare.extract.entities import AliasTable, NameIndex

    names = _names_of_many_kinds()
    assert len(names) > 150
    table = AliasTable()
    ids = [table.id(n) for n in names]
    matches = 0
    for i, a in zip(ids, names, strict=True):
        want = {j for j, b in zip(ids, names, strict=True) if same_entity(a, b)}
        assert table.aliases(i) == want, a
        matches += len(want - {i})
    assert matches > 50  # aliases do occur among these names, not just each name itself
    index = NameIndex()
    kept: list = []
    for n in names:
        assert index.has(n) == any(same_entity(n, k) for k in kept), n
        index.add(n)
        if not any(same_entity(n, k) for k in kept) and same_entity(n, n):
            kept.append(n)
    assert len(index.names) == len(kept)


# --- phone numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, phones",
    [
        (
            "Contact Surrey Police on 0845 125 2222, or Crimestoppers on 0800 555 111.",
            ["0845 125 2222", "0800 555 111"],
        ),
        ("Call (555) 123-4567 or 1-800-222-8477.", ["(555) 123-4567", "1-800-222-8477"]),
        ("From abroad, dial +44 20 7946 0958.", ["+44 20 7946 0958"]),
        # counts, ranges, scores and years are not numbers to call
        ("About 12-14 people were hurt; the score was 3-1 in 2008.", []),
        ("It rose from 0.5 to 1.2 percent over 3 1/2 years.", []),
    ],
)
def test_phone_numbers_are_found_and_count_nothing(text, phones):
    from compare.extract.phones import find_phones

    found = find_phones(text)
    assert [p.text for p in found] == phones
    assert not any(p.start < q.end and q.start < p.end for p in found for q in find_quantities(text))


def test_a_common_word_before_a_full_stop_ends_a_speaker_phrase_but_a_state_does_not():
    assert extract("The man, who was taken ill. Doctors at the hospital said he died.").speaker == (
        "Doctors at the hospital"
    )
    assert extract("The U.S. Geological Survey in Golden, Colo., said it was a 6.1 quake.").speaker == (
        "The U.S. Geological Survey in Golden"
    )


def test_a_losing_record_is_a_record_not_a_range():
    # fewer wins than losses reads like "122 to 147" unless the words around it say record
    for text in (
        "Cheeks is 122-147 in three-plus seasons as head coach.",
        "Cheeks compiled a mark of 122-147.",
        "The Sixers are 9-14 this season.",
    ):
        assert [x.unit for x in qs(text) if x.unit.startswith("record")] == ["record:1", "record:2"], text
    assert [(x.low, x.high) for x in qs("The death toll is 10-15.")] == [(10, 15)]
    assert [(x.low, x.high) for x in qs("Between 5-10 people were hurt.")] == [(5, 10)]


def test_a_span_of_a_week_between_two_events():
    assert [(x.text, x.value, x.unit) for x in qs("She died a week after suffering a heart attack.")] == [
        ("a week", 1, "week")
    ]
    assert list(qs("The quake struck a week ago.")) == []
    assert list(qs("He was a day laborer.")) == []


def test_a_participle_before_a_noun_is_no_part_of_what_is_counted():
    assert [x.unit for x in qs("They sorted 250,000 written comments.")] == ["comment"]
    assert [x.unit for x in qs("Police recovered 12 stolen cars.")] == ["car"]


def test_an_age_opening_a_sentence_is_no_part_of_the_name():
    assert [e.text for e in find_entities("Sixty-year-old Sharron Diane Smith is now accused.")] == [
        "Sharron Diane Smith"
    ]
    assert [e.text for e in find_entities("Old Trafford was full.")] == ["Old Trafford"]
