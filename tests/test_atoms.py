"""Figures compared fact by fact (``compare.atoms``, ``diff.facts``): invented sentences in the
patterns real coverage shows, each conflict beside the look-alike that must stay quiet."""

import pytest

from compare.atoms import atoms
from compare.diff.facts import number_conflicts
from compare.extract import extract
from compare.records import Claim, Entity


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
        # a distance from a named place, whichever verb tells it
        (
            "Qeshm, located 1,150 kilometers southeast of Tehran, has a busy port.",
            "Qeshm, a popular resort 1,500 kilometers south of Tehran, is home to fishermen.",
            ("1,150 kilometers", "1,500 kilometers"),
        ),
        # a quake's magnitude, whether or not the clause says where it struck
        (
            "The 6.1-magnitude quake struck Qeshm island.",
            "The island was first rocked by a magnitude-5.9 earthquake early Sunday.",
            ("6.1-magnitude", "5.9"),
        ),
        # two tolls given with the same open bound: each is the best figure its reporter had
        (
            "A 6.7-strength quake killed more than 26,000 people in Bam in 2003.",
            "A major earthquake killed more than 31,000 in Bam in 2003.",
            ("more than 26,000 people", "more than 31,000"),
        ),
        # figures listed together share the event one of them is told with
        (
            "The navy seized 14 AK-47 rifles, 31 ammunition magazines and 923 rounds of ammunition.",
            "The sailors found 800 rounds of ammunition on the skiff, which were seized.",
            ("923 rounds", "800 rounds"),
        ),
        # what the arrested carried was seized
        (
            "The navy nabbed 26 pirates with six rifles.",
            "The sailors seized 14 rifles from the pirates.",
            ("six rifles", "14 rifles"),
        ),
        (
            "The navy nabbed 26 pirates with six rifles and 12 magazines.",
            "The sailors seized 31 magazines from the pirates.",
            ("12 magazines", "31 magazines"),
        ),
        # a magnitude told after "a magnitude of"
        (
            "The 6.1-magnitude quake struck Qeshm island.",
            "The survey said it had a magnitude of 5.9.",
            ("6.1-magnitude", "5.9"),
        ),
        # the people of a place: residents, villagers
        (
            "The island, which has about 200,000 residents, lies off the coast.",
            "The island is home to 120,000 people.",
            ("about 200,000 residents", "120,000 people"),
        ),
        (
            "The tremor struck near the town, injuring five people.",
            "Houses were damaged and two villagers slightly injured, the governor said.",
            ("five people", "two villagers"),
        ),
        # a compound adjective names the event: "worst-hit"
        (
            "Officials listed the 12 worst-hit villages.",
            "Seven villages were most strongly affected by the quake.",
            ("12 worst-hit villages", "Seven villages"),
        ),
        # a group named by what befell it still counts it
        (
            "He said 30 of the 80 wounded remained in hospital.",
            "The quake killed 10 people and wounded 70 people.",
            ("80", "70 people"),
        ),
        # "seven of its villages" counts villages ("15 of the dead" stays a part of the dead)
        (
            "Officials listed the 12 worst-hit villages.",
            "The island and seven of its villages were most strongly affected by the quake.",
            ("12 worst-hit villages", "seven"),
        ),
        # a model is what is counted, whatever noun follows it; assault rifles are rifles
        (
            "The navy seized seven AK-47 assault rifles from the pirates.",
            "The sailors seized nine AK 47 rifles from the pirates.",
            ("seven AK-47 assault rifles", "nine AK 47 rifles"),
        ),
        (
            "The navy seized seven assault rifles from the pirates.",
            "The sailors seized nine rifles from the pirates.",
            ("seven assault rifles", "nine rifles"),
        ),
        # a day of a month without its year is the story's day, as an undated figure is
        (
            "The Athens march called for the 5th of May was attended by an approximate 200,000.",
            "Police said as many as 20,000 people took to the streets of Athens.",
            ("an approximate 200,000", "as many as 20,000 people"),
        ),
        # a list item of "other" things makes the item before it one of them: ten rifles
        (
            "The arms seized included seven AK-47s, three other assault rifles and 13 magazines.",
            "Nine assault rifles and 13 magazines were seized from the pirates.",
            ("seven AK-47s, three other assault rifles", "Nine assault rifles"),
        ),
        # the worst hit are never fewer than the destroyed, however the worst hit are told
        (
            "Between half and two-thirds of homes in five villages had been damaged, officials said.",
            "The quake shook the area on Sunday, flattening seven villages.",
            ("five villages", "seven villages"),
        ),
        # what was destroyed was damaged too: fewer damaged than destroyed cannot be
        (
            "Officials said homes in five villages had been damaged.",
            "The quake shook the area on Sunday, flattening seven villages.",
            ("five villages", "seven villages"),
        ),
        # a share is rounded to a point, a sum of money told as written: neither to a twentieth
        (
            "Authorities said turnout reached 93.87 percent in the election.",
            "The commission said turnout in the election was almost 90 percent.",
            ("93.87 percent", "almost 90 percent"),
        ),
        (
            "The team signed Elton Brand to an $82 million contract.",
            "The team signed Elton Brand to an $80 million contract.",
            ("$82 million", "$80 million"),
        ),
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
        # rounded as reported: a share to a point, a sum to its last figure
        ("Turnout reached 88.41 percent in the election.", "Turnout reached 88 percent in the election."),
        (
            "The team signed Brand to a $184 million contract.",
            "The team signed Brand to a $183.6 million contract.",
        ),
        (
            "The quake was followed by 6.1 and 5.8 magnitude aftershocks.",
            "The first aftershock measured 6.1.",
        ),
        ("The number of missing hikers rose from 5 to 9.", "Five hikers are missing and one is injured."),
        (
            "Police said 12 people were injured in the riots.",
            "Police said 12 were arrested for carrying weapons.",
        ),
        # a model's count is a part of all the rifles
        ("The navy seized seven AK-47 assault rifles from the pirates.", "The sailors seized nine rifles."),
        # two holders of one kind of figure
        (
            "Report: the Red Sox offered Mark Teixeira $200 million.",
            "The Orioles have offered Mark Teixeira between $140 million and $150 million.",
        ),
        # a ship's name shared is no evidence that what befell three boats befell the five seen
        (
            "Navy personnel aboard INS Sukanya spotted five suspicious boats approaching the ships.",
            "After a brief skirmish, three boats were captured by INS Sukanya, the statement said.",
        ),
        # who was there is not who was shot: a "when" clause tells another event
        (
            "About 100 people were in the building when she began shooting.",
            "She shot three people, police said.",
        ),
        # "$160MM" is $160 million
        (
            "The Nationals offered eight years and $160MM.",
            "The Nationals offered eight years and $160 million.",
        ),
        # seven and three other rifles are the ten rifles seized
        (
            "The arms seized included seven AK-47s, three other assault rifles and 13 magazines.",
            "Ten rifles and 13 magazines were seized from the pirates.",
        ),
        # the villages where half the homes were damaged are the worst hit, among all those damaged
        (
            "Between half and two-thirds of homes in five villages had been damaged, officials said.",
            "The tremor destroyed or damaged houses in about 15 villages on the island.",
        ),
        # more damaged than destroyed can both be true
        (
            "Officials said homes in 15 villages had been damaged.",
            "The quake shook the area on Sunday, flattening seven villages.",
        ),
        # a figure of any such event, not this one
        ("The 6.1-magnitude quake struck Qeshm island.", "A magnitude-6.0 quake can cause severe damage."),
        # distances from one place, of two places
        (
            "The stolen car was abandoned 20 miles from Columbus.",
            "The victim was last seen 50 miles from Columbus.",
        ),
        (
            "The quake struck 7 kilometers east of Dargahan.",
            "The village of Ziranag, 20 kilometers east of Dargahan, was flattened.",
        ),
        ("Qeshm is 1,150 kilometers from Tehran.", "The ship sank 300 kilometers from Qeshm."),
        # the same figure in other units, or rounded
        ("Wasilla is 64 kilometres north of Anchorage.", "Wasilla lies about 40 miles north of Anchorage."),
        ("The wreck lies about 200 feet down.", "The wreck lies 60 metres down."),
        # currencies are never converted
        ("The bailout is worth $141 billion.", "The bailout is worth 93.6 billion pounds."),
        # spans of time of two things that lasted, whatever words or names the sentences share
        (
            "Yvonne Hiller was suspended from her job at the plant, where she had worked for 15 years.",
            "Andy Ryan, who has worked at the plant for nearly 30 years, heard the shots.",
        ),
        (  # the one whose years they are speaks
            "Yvonne Hiller was suspended from her job at the plant, where she had worked for 15 years.",
            "Dough mixer Andy Ryan, who has worked at the plant for nearly 30 years,"
            " said he heard the shots.",
        ),
        (
            "The jury deliberated for four days before the judge sentenced him.",
            "He was sentenced to 485 years and four life terms by the jury's judge.",
        ),
        (
            "The Red Sox would prefer to sign him to a deal of six to eight years.",
            "The Red Sox control him contractually for the next two years.",
        ),
        # the group a part is taken from is not a count of what befell the part
        (
            "One victim died in the Monday morning attack.",
            "Local news originally reported that two of the three victims died.",
        ),
        ("Klitschko landed 28 of his 68 punches in the round.", "Klitschko landed 178 of 369 punches."),
        # stretches counted back or forward from a moment are windows, not how many there were
        (
            "The Sixers went on to win 18 of their next 23 games that season.",
            "The Sixers have won only two of their last 10 games this season.",
        ),
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


def test_an_age_told_every_way_belongs_to_its_person():
    # an age opening the sentence, "age 61" after the name, and a date later in the sentence that
    # dates the deed, not the age
    found = _conflicts(
        "Sixty-year-old Sharron Diane Crawford Smith is now accused of murdering two women in 1967.",
        "Police arrested and charged Sharron Diane Crawford Smith, age 61, with two counts of murder.",
    )
    assert [(b, fact) for _, b, fact in found] == [("61", "age of Sharron Diane Crawford Smith")]
    assert (
        _conflicts(
            "In 1967, 19-year-old Sharron Diane Crawford Smith worked at the store.",
            "Police arrested and charged Sharron Diane Crawford Smith, age 61, with two counts of murder.",
        )
        == []
    )


def test_a_things_age_is_no_persons():
    x = atoms(_claim("Police made an arrest in a 41-year-old double murder case.", "a"))
    assert [a.thing for a in x] == ["age of case"]


def test_a_count_told_since_a_month_is_no_count_of_that_month():
    assert _conflicts(
        "The department proposed the rules in May and since has received nearly 300,000 comments.",
        "The agency received nearly 235,000 comments on the proposal.",
    ) == [("nearly 300,000 comments", "nearly 235,000 comments", "comment")]
    assert (
        _conflicts(
            "The department proposed the rules in May and received 300,000 comments.",
            "The agency received nearly 235,000 comments on the proposal.",
        )
        == []
    )


def test_the_fact_is_named_for_a_reader():
    found = _conflicts("Government shelling killed six people in Treemseh.", "Seven died in Treemseh.")
    assert [fact for _, _, fact in found] == ["deaths in Treemseh"]


# --- dates of one event -------------------------------------------------------------------------


def _time_conflicts(a: str, b: str, setting=()) -> list[tuple[str, str]]:
    from compare.dates import dated
    from compare.diff.times import time_conflicts

    return [(c.a, c.b) for c in time_conflicts(dated(_claim(a, "a")), dated(_claim(b, "b")), setting)]


def test_two_days_for_one_event_conflict_without_publication_dates():
    a = "An Indian warship foiled a pirate attack on merchant ships in the Gulf of Aden on Friday."
    b = "On Thursday an Indian warship foiled a pirate attack on merchant ships in the Gulf of Aden."
    assert _time_conflicts(a, b) == [("Friday", "Thursday")]
    assert _time_conflicts(
        "He was convicted in April 2007 of murder.", "He was convicted March 20 of murder."
    ) == [("April 2007", "March 20")]
    # a copula before the day: the event itself is dated
    assert _time_conflicts(
        "The attack on the embassy compound was on Friday.",
        "The attack on the embassy compound came on Monday.",
    ) == [("Friday", "Monday")]
    # the parties named as adjectives or bodies ("Somali brigands", "the Indian Navy") place neither,
    # in a story set in the Gulf of Aden
    from compare.records import Entity

    aden = Entity("Gulf of Aden", 0, 12, "gulf of aden")
    assert _time_conflicts(
        "An Indian warship foiled a pirate attack in the Gulf of Aden on Friday, taking 26 Somali brigands.",
        "The Indian Navy patrolling the Gulf of Aden on Thursday thwarted an attack by sea brigands.",
        setting=(aden,),
    ) == [("Friday", "Thursday")]
    # a date fronted in a clause of its own
    assert _time_conflicts(
        "On November 19, the frigate sank a fishing trawler held by pirates.",
        "Earlier, on November 18, it had sunk a trawler held by pirates.",
    ) == [("November 19", "November 18")]
    # the launch of a new product is the story's launch, and the name it was given no event
    assert _time_conflicts(
        "Reid launched a new fashion line called Mantra in December.",
        "Reid, who has launched a new fashion line called Mantra in September, spoke out.",
    ) == [("December", "September")]
    # ... its name set off by commas before the date
    assert _time_conflicts(
        "The company launched its new smartphone, the Nova, in May.",
        "The company launched its smartphone, the Nova, in March.",
    ) == [("May", "March")]
    assert _time_conflicts(
        "The chef opened Sable, his new restaurant, in June.",
        "The chef opened his restaurant Sable in April.",
    ) == [("June", "April")]


def test_the_year_of_a_titled_work_is_one_fact():
    assert _time_conflicts(
        "Page was also celebrated in the 2006 HBO movie, The Notorious Bettie Page, starring Gretchen Mol.",
        "Her story inspired the 2005 film The Notorious Bettie Page.",
    ) == [("2006", "2005")]
    # two works; a work without its title
    assert not _time_conflicts(
        "She starred in the 2005 film Walk the Line.",
        "Her story inspired the 2006 film The Notorious Bettie Page.",
    )
    assert not _time_conflicts(
        "She made a film in 2005.", "She starred in the 2006 film The Notorious Bettie Page."
    )


@pytest.mark.parametrize(
    "a, b",
    [
        # the day a statement was made, a deadline, another event, an attempt
        (
            "The navy said Thursday it foiled a pirate attack in the Gulf of Aden.",
            "The navy foiled a pirate attack in the Gulf of Aden on Friday.",
        ),
        ("Lawmakers must pass the bailout by Friday.", "The bailout was passed on Monday by lawmakers."),
        ("A second quake hit the island on Monday.", "A quake hit the island on Sunday."),
        ("New clashes broke out in the capital on Monday.", "Clashes broke out in the capital on Sunday."),
        (
            "The agency issued guidelines on screening in March.",
            "The agency issued new guidelines on screening in October.",
        ),
        # a list's last item is not the thing named: "..., and ... in May"
        (
            "The council approved the budget, the school plan, the park, in May.",
            "The council approved the park in March.",
        ),
        (
            "Orozco was convicted March 20 of the murder.",
            "Orozco was convicted of the June 20 attempted murder.",
        ),
        # two people's firings
        (
            "The 76ers fired coach Maurice Cheeks on Saturday after a 9-14 start.",
            "The 76ers fired Jim O'Brien on Monday after one season as coach.",
        ),
        # one event in two places
        (
            "On November 19, a trawler sank off Oman after a collision.",
            "On November 18, a trawler sank in the Gulf of Aden after a collision.",
        ),
        # one day's news about other things
        (
            "Rescue workers handed out blankets Monday to survivors of the earthquake.",
            "The earthquake struck on Sunday.",
        ),
        # an earlier time of the same kind of event
        (
            "Ellen DeGeneres previously hosted the Academy Awards ceremony in 2007.",
            "Ellen DeGeneres hosted the Academy Awards ceremony in 2014.",
        ),
        # one plain verb and one name, two events
        ("Page was released from a mental hospital in 1992.", "A movie about Page was released in 2005."),
        # a state the subject was in, not the event its subject names
        (
            "A man charged in a Christmas party shooting was on suicide watch Monday.",
            "A man opened fire at an office Christmas party Friday, the shooting left one dead.",
        ),
    ],
)
def test_dates_of_other_events_stay_quiet(a, b):
    assert _time_conflicts(a, b) == []


def test_a_date_told_of_another_place_dates_another_event():
    from compare.records import Entity

    iran = Entity("Iran", 0, 4, "iran")
    a = "A quake struck southern Iran in September near Bandar Abbas, killing seven."
    b = "A quake hit the town of Zarand in Iran in February, killing hundreds."
    abbas = Entity("Bandar Abbas", 0, 12, "bandar abbas")
    assert _time_conflicts(a, b, setting=(iran, abbas)) == []


# --- places: where a person is from, which way a place lies ----------------------------------------


def _place_conflicts(a: str, b: str) -> list[tuple[str, str, str]]:
    from compare.diff.places import place_conflicts
    from compare.places import placed

    return [(c.a, c.b, c.fact) for c in place_conflicts(placed(_claim(a, "a")), placed(_claim(b, "b")))]


def test_a_person_from_two_towns_and_a_place_on_two_sides_conflict():
    assert _place_conflicts(
        "Anthony LaSalle, 36, of Minneapolis, was arrested.",
        "Police stopped Anthony Phillip LaSalle, 36, of Bloomington.",
    ) == [("of Minneapolis", "of Bloomington", "home of Anthony LaSalle")]
    assert _place_conflicts(
        "The ship was attacked 150 nautical miles east of Aden.",
        "The ship, sailing 150 nautical miles west of Aden, radioed.",
    ) == [("east of Aden", "west of Aden", "bearing from Aden")]
    assert _place_conflicts(
        "Ortiz was shot outside an apartment in the 12000 block of East 223rd Street.",
        "He was killed at an apartment complex in the 12500 block of East 223rd St. in Carson.",
    ) == [
        (
            "12000 block of East 223rd Street",
            "12500 block of East 223rd St.",
            "block of East 223rd Street",
        )
    ]
    for a, b in (
        # another street; a route; what happened in one block and what in another
        (
            "Ortiz was shot in the 12000 block of East 223rd Street.",
            "A man was shot in the 400 block of Main Street.",
        ),
        (
            "The chase began in the 1200 block of Main Street and ended in the 3400 block of Main Street.",
            "The car crashed in the 3400 block of Main Street.",
        ),
        (
            "The victim was shot in the 1200 block of Main Street.",
            "The suspect was arrested in the 4500 block of Main Street.",
        ),
    ):
        assert _place_conflicts(a, b) == [], (a, b)


@pytest.mark.parametrize(
    "a, b, differ",
    [
        ("of Queens", "of College Point", False),  # a neighbourhood of the borough
        ("of New York", "of Brooklyn", False),
        ("from Texas", "from Houston", False),  # a state and a city in it
        ("of Salonika", "of Thessaloniki", False),  # one city by two names
        ("of College Point", "of South Ozone Park", True),  # two neighbourhoods of Queens
        ("of Brooklyn", "of Manhattan", True),  # two boroughs: neither holds the other
        ("of Oakland", "of Berkeley", True),  # a city and its smaller neighbour
        ("of Jersey City", "of Manhattan", True),  # across a state line
        ("of Minneapolis", "of Bloomington", True),  # a city and its neighbour
        ("from France", "from Berlin", True),
        ("of Springfieldville", "of Shelbyton", True),  # names GeoNames does not hold: two names, two places
    ],
)
def test_two_homes_of_one_person_differ_only_where_neither_can_hold_the_other(a, b, differ):
    found = _place_conflicts(
        f"Raj Kaur Chohan, 59, {a}, was killed.", f"Police named her as Raj Kaur Chohan, 59, {b}."
    )
    assert bool(found) == differ, found


@pytest.mark.parametrize(
    "a, differ",
    [
        ("Raj Kaur Chohan, who lived half a mile away in South Ozone Park, died.", True),
        ("Raj Kaur Chohan, 59, a resident of South Ozone Park, died.", True),
        ("South Ozone Park resident Raj Kaur Chohan died.", True),
        ("Raj Kaur Chohan, who lives in College Point, died.", False),  # the same home
        # a home left is no home now
        ("Raj Kaur Chohan, who lived in South Ozone Park until 2008, died.", False),
        ("Raj Kaur Chohan, who once lived in South Ozone Park, died.", False),
        ("Raj Kaur Chohan, a former resident of South Ozone Park, died.", False),
        ("Raj Kaur Chohan, who lived in South Ozone Park for a decade before moving, died.", False),
        ("A former South Ozone Park resident, Raj Kaur Chohan, died.", False),
        ("Raj Kaur Chohan, who lived in South Ozone Park for a decade before moving, died.", False),
        ("A former South Ozone Park resident, Raj Kaur Chohan, died.", False),
        ("Raj Kaur Chohan, who lived with her son in South Ozone Park, died.", True),
    ],
)
def test_a_home_told_as_where_someone_lives_meets_a_home_told_with_of(a, differ):
    found = _place_conflicts(a, "Police named her as Raj Kaur Chohan, 59, of College Point.")
    assert bool(found) == differ, found


def test_a_lone_surname_lives_where_its_article_one_person_of_that_name_lives():
    from compare.diff.places import place_conflicts
    from compare.places import homes_in_context

    def claims(source, *texts):
        return [Claim(f"{source}:{n}", source, t, 0, len(t), facts=extract(t)) for n, t in enumerate(texts)]

    other = claims("b", "Police named her as Raj K. Chohan, 59, of College Point.")
    one = claims(
        "a", "Raj Chohan, 59, was killed.", "Chohan, who lived in South Ozone Park, was rushed away."
    )
    homes = homes_in_context(one + other)
    assert [c.fact for c in place_conflicts(homes["a:1"], homes["b:0"])] == ["home of Raj Chohan"]
    # two people of that surname: whose home is not told
    two = claims(
        "a",
        "Raj Chohan, 59, was killed.",
        "Her nephew Ravi Chohan spoke.",
        "Chohan, who lived in Astoria, wept.",
    )
    homes = homes_in_context(two + other)
    assert place_conflicts(homes["a:2"], homes["b:0"]) == []
    # a relative named by the surname alone
    kin = claims("a", "Raj Chohan, 59, was killed.", "Her brother, Chohan, who lives in Astoria, wept.")
    homes = homes_in_context(kin + other)
    assert place_conflicts(homes["a:1"], homes["b:0"]) == []


@pytest.mark.parametrize(
    "a, b",
    [
        ("The epicentre was 35 miles southwest of Bandar Abbas.", "The quake struck south of Bandar Abbas."),
        (
            "He was convicted in Brazos County, northwest of Houston.",
            "The escape happened near Baytown, Texas, about 25 miles east of Houston.",
        ),
        ("Ortiz, 35, of Lakewood, was shot.", "Jeremy Ortiz, 17, of Cerritos, spoke."),
    ],
)
def test_places_that_can_both_hold_stay_quiet(a, b):
    assert _place_conflicts(a, b) == []


# --- two articles of two different events -------------------------------------------------------


def test_sources_that_differ_on_every_fact_they_share_are_told_apart(fake_embedder):
    from compare import Article, compare

    a = Article(
        id="a",
        text="Pirates attack ship\nThe Indian navy captured 23 pirates in the Gulf of Aden on Saturday "
        "after they attacked a merchant ship.",
    )
    b = Article(
        id="b",
        text="Navy foils pirates\nThe Indian navy captured 26 pirates in the Gulf of Aden on Thursday "
        "after they attacked merchant ships.",
    )
    report = compare([a, b], embedder=fake_embedder, cache_dir=None)
    assert not report.of_kind("contradiction")
    assert any("look like reports of different events" in n for n in report.notes)


def _number_facts(fake_embedder, a: str, b: str) -> list[tuple[str, str]]:
    from compare import Article, compare

    report = compare(
        [Article(id="a", text=a), Article(id="b", text=b)], embedder=fake_embedder, cache_dir=None
    )
    return [(c.a, c.b) for f in report.of_kind("contradiction") for c in f.conflicts if c.type == "number"]


@pytest.mark.parametrize(
    "a, b",
    [
        # what something holds or runs, against what was done to some of them
        (
            "The navy operates 11 aircraft carriers, more than any other country.",
            "The navy sent two aircraft carriers toward the gulf, the Pentagon said.",
        ),
        (
            "The retailer operates 1,100 stores nationwide and employs 40,000 workers.",
            "The retailer shut 60 stores nationwide, it said.",
        ),
        # a plan against what was done
        (
            "The retailer will shutter 60 stores nationwide.",
            "The retailer closed 40 stores nationwide last month.",
        ),
        # a year before the story's figure
        (
            "The company shipped 3 million phones in the quarter.",
            "A year earlier, the company had sold 2.1 million phones.",
        ),
    ],
)
def test_a_stock_a_plan_or_a_year_before_is_no_count_of_what_was_done(fake_embedder, a, b):
    lead = "Results\nThe company announced the news on Tuesday. "
    assert _number_facts(fake_embedder, lead + a, lead + b) == []


def test_two_plans_or_two_holdings_still_meet():
    def values(a, b):
        return [(x, y) for x, y, _ in _conflicts(a, b)]

    assert values(
        "The retailer will close 60 stores nationwide.", "The retailer is shuttering 75 stores nationwide."
    ) == [("60 stores", "75 stores")]
    assert values(
        "The pistol recovered at the scene can hold 15 rounds.",
        "The pistol had a magazine holding 10 rounds.",
    ) == [("15 rounds", "10 rounds")]


def test_a_fighters_record_in_brackets_is_his_whatever_the_sentence_says(fake_embedder):
    lead = (
        "Klitschko retains title\nWladimir Klitschko stopped Hasim Rahman in the seventh round on Saturday. "
    )
    a = lead + "Riddick Bowe fought on the undercard. Bowe (45-1, 33 KOs) had been training in Germany."
    b = lead + "On the undercard, former champion Riddick Bowe (43-1) outpointed Gene Pukall (14-13-2)."
    assert _number_facts(fake_embedder, a, b) == [("45", "43")]
    # one bout apart: the record before the fight and after it
    c = lead + "On the undercard, former champion Riddick Bowe (44-1) outpointed Gene Pukall (14-13-2)."
    assert _number_facts(fake_embedder, a, c) == []
    # two brothers, each his own record; two fighters in one sentence
    d = lead + "Vitali Klitschko (37-2) watched from ringside."
    e = lead + "Wladimir Klitschko (50-3) beat Hasim Rahman (45-7-2) in the seventh."
    assert _number_facts(fake_embedder, d, e) == []


def test_where_a_crowd_was_headed_is_not_where_it_was(fake_embedder):
    lead = "Vigil turns violent\nA vigil for the teenager was held in East Flatbush on Monday. "
    a = lead + "On Monday about 130 people were marching toward Borough Hall."
    b = lead + "Nearly 100 people set off from the vigil site to march through the neighborhood."
    assert _number_facts(fake_embedder, a, b) == [("about 130 people", "Nearly 100 people")]


def test_no_one_hurt_is_a_count_of_none(fake_embedder):
    lead = "Fire guts warehouse\nA fire gutted a warehouse on Elm Street on Friday night. "
    assert _number_facts(
        fake_embedder,
        lead + "No one was injured in the blaze.",
        lead + "Three people were hurt in the blaze.",
    ) == [("No one was injured", "Three people")]
    assert _conflicts("No injuries were reported in the blaze.", "Three people were hurt in the blaze.") == [
        ("No injuries", "Three people", "injured")
    ]
    assert _conflicts("Nobody was killed in the blast.", "The blast killed two people.") == [
        ("Nobody was killed", "two people", "deaths")
    ]
    # one was, no one else; a degree of harm; what was known at first; none told alike
    assert not _conflicts("One man was shot dead, and no one else was injured.", "Two people were wounded.")
    assert not _conflicts("There were no serious injuries.", "Two people suffered minor injuries.")
    assert not _conflicts("There were no immediate reports of injuries.", "Two people were injured.")
    assert not _conflicts("No one was injured in the blaze.", "Nobody was hurt in the blaze.")


def test_sources_that_name_one_person_in_full_are_one_story_whatever_else_differs(fake_embedder):
    # A memorial page and a trial report share no fact told alike, but both name the deputy in
    # full: the dates they give his killer's verdict are one fact, and they disagree.
    from compare import Article, compare

    a = Article(
        id="a",
        text="End of watch\nDeputy Jerry Ortiz was shot by Orozco while questioning a woman. "
        "In April 2007 the suspect was found guilty of capital murder and sentenced to death.",
    )
    b = Article(
        id="b",
        text="Jury recommends death\nThe gang member who shot Deputy Jerry Ortiz in the head should be "
        "executed, jurors said. Orozco was convicted March 20 of first-degree murder for the slaying.",
    )
    report = compare([a, b], embedder=fake_embedder, cache_dir=None)
    assert not report.of_kind("agreement")
    assert [f.conflicts[0].fact for f in report.of_kind("contradiction")] == ["date of the verdict"]
    assert not any("different events" in n for n in report.notes)


def test_ages_a_few_years_apart_in_undated_articles_are_no_contradiction(fake_embedder):
    from compare import Article, compare

    def run(published_a=None, published_b=None):
        a = Article(
            id="a",
            text="Manhunt\nDeputies were still searching for Jose Luis Orozco, 27, who is armed.",
            published=published_a,
        )
        b = Article(
            id="b",
            text="Verdict\nThe jury found Jose Luis Orozco, 29, guilty of first-degree murder.",
            published=published_b,
        )
        report = compare([a, b], embedder=fake_embedder, cache_dir=None)
        return [(f.kind, f.conflicts[0].fact) for f in report.findings if f.conflicts]

    assert run() == [("discrepancy", "age of Jose Luis Orozco")]
    assert run("2007-04-04", "2007-04-04") == [("contradiction", "age of Jose Luis Orozco")]
    assert run("2005-06-25", "2007-04-04") == [("discrepancy", "age of Jose Luis Orozco")]
    # told the same week, or the younger age in the later article: a contradiction
    assert run("2007-04-02", "2007-04-04") == [("contradiction", "age of Jose Luis Orozco")]
    assert run("2007-04-04", "2005-06-25") == [("contradiction", "age of Jose Luis Orozco")]


def test_a_time_dates_the_events_of_the_predicates_joined_to_its_own():
    from compare.dates import dated, same_dated_event

    (x,) = dated(
        _claim(
            "An Indian warship on Thursday intercepted three boats in the Gulf of Aden and foiled an "
            "attack on merchant vessels.",
            "a",
        )
    )
    (y,) = dated(
        _claim("The warship foiled a pirate attack on merchant vessels in the Gulf of Aden on Friday.", "b")
    )
    assert "attack" in x.also and same_dated_event(x, y, joined=True)
    assert not same_dated_event(x, y)  # as evidence of one story, the dated predicate's own event only
    # a relative clause or what came after is not joined: "... on Thursday, after the attack"
    (z,) = dated(
        _claim("The warship reached the Gulf of Aden on Thursday, after an attack on a merchant ship.", "a")
    )
    assert not z.also


def test_a_date_before_its_event_noun_dates_it_whatever_preposition_comes_first():
    from compare.dates import dated

    def events(text):
        return [(d.time.text, d.event) for d in dated(_claim(text, "a"))]

    assert events("That task stemmed from the June 20, 2005 shooting of a black man.") == [
        ("June 20, 2005", "shooting")
    ]
    assert events("He has been in jail since the June 20 arrest.") == [("June 20", "arrest")]
    assert events("The road was closed from the 5th of May until Friday.") == []  # bounds of a span


def test_an_age_at_death_does_not_move_on(fake_embedder):
    from compare import Article, compare

    a = Article(id="a", text="Crash kills driver\nJohn Miller, 34, died at the scene on Monday.")
    b = Article(id="b", text="Driver dies\nJohn Miller, 36, was killed on Monday when his car hit a tree.")
    report = compare([a, b], embedder=fake_embedder, cache_dir=None)
    assert [(f.kind, f.conflicts[0].fact) for f in report.findings if f.conflicts] == [
        ("contradiction", "age of John Miller")
    ]


def test_a_where_clause_is_of_the_place_before_it_and_an_aside_names_no_place_of_the_figure():
    (x,) = atoms(
        _claim("Violence broke out in the city of Thessaloniki, where another 20,000 people marched.", "a")
    )
    assert ([p.text for p in x.places], x.scope) == (["Thessaloniki"], "")
    # "another" beside a count of the same place stays an increment; a person is no place
    found = atoms(
        _claim("The fire killed 4 people in Oakland, where another 2 people died in a second blaze.", "a")
    )
    assert [(y.value.text, [p.text for p in y.places], y.scope) for y in found] == [
        ("4 people", ["Oakland"], ""),
        ("2 people", ["Oakland"], "increment"),
    ]
    (z,) = atoms(_claim("He spoke beside Mayor Bill de Blasio on Monday, where 200 people protested.", "a"))
    assert z.places == ()
    found = atoms(
        _claim("The march was attended by about 200,000 (20,000 for the PAME march alone), police said.", "a")
    )
    assert [(y.value.text, [p.text for p in y.places]) for y in found] == [
        ("about 200,000", []),
        ("20,000", ["PAME"]),
    ]


def test_one_city_by_two_names_is_one_place_of_a_figure():
    a = "Clashes broke out in Salonika, where approximately 50,000 people marched."
    b = "In the northern city of Thessaloniki, 20,000 people marched through the city center."
    assert _conflicts(a, b) == [("approximately 50,000 people", "20,000 people", "protesters")]
    assert _conflicts(a, b.replace("Thessaloniki", "Patras")) == []  # two cities, two marches
    # a name that is a city's own is that city, whatever other cities it is an alias of
    assert _conflicts(a.replace("Salonika", "Taichung"), b.replace("Thessaloniki", "Taitung")) == []


def test_only_arms_drugs_and_money_carried_by_the_arrested_are_seized():
    found = {
        a.value.text: a.predicate
        for a in atoms(_claim("Police arrested two men with three children in the car.", "a"))
    }
    assert found["three children"] != "seizure"
    found = {
        a.value.text: a.predicate for a in atoms(_claim("The navy nabbed 26 pirates with six rifles.", "a"))
    }
    assert found["six rifles"] == "seizure"


def test_a_compound_adjective_inside_a_count_is_no_measure_of_what_follows():
    (x,) = atoms(_claim("Ziranag is one of the 12 worst-hit villages in the quake.", "a"))
    assert (x.thing, x.predicate) == ("village", "severe")
    (y,) = atoms(_claim("The pirates used a 10-metre dhow in the attack.", "a"))
    assert y.thing == "length of dhow"


def test_other_and_more_things_are_counted_as_those_things_and_an_assault_rifle_is_no_attack():
    found = {a.value.text: a for a in atoms(_claim("Police seized three other assault rifles.", "a"))}
    x = found["three other assault rifles"]
    assert (x.thing, x.predicate) == ("rifle", "seizure")
    (y,) = atoms(_claim("The arms included two more boats.", "a"))
    assert y.thing == "boat"


def test_two_magnitudes_of_one_article_are_a_discrepancy_whoever_measured_them():
    tv = _claim("Iran's state television says a magnitude-5.2 quake has injured three people on Qeshm.", "a")
    usgs = Claim(
        "a:2",
        "a",
        t := "The U.S. Geological Survey put the quake's strength at magnitude-5.4.",
        0,
        len(t),
        facts=extract(t),
    )
    found = number_conflicts(atoms(tv), atoms(usgs), within=True)
    assert [(c.a, c.b) for c in found] == [("5.2", "5.4")]
    after = Claim(
        "a:3",
        "a",
        t := "A magnitude-4.6 aftershock shook the island an hour later.",
        0,
        len(t),
        facts=extract(t),
    )
    assert number_conflicts(atoms(tv), atoms(after), within=True) == []


def _sayings(text: str):
    from compare.diff.facts import two_sayings

    c = _claim(text, "a")
    said = two_sayings(c, atoms(c))
    return said and (said.conflict.a, said.conflict.b, said.speakers)


def test_one_sentence_handing_over_between_two_named_speakers_gives_two_figures():
    assert _sayings(
        "Tehran's seismological center said the quake measured magnitude-5.9, but the U.S. Geological "
        "Survey in Golden, Colo., said it was a magnitude-6.1 temblor."
    ) == ("5.9", "6.1", ("Tehran's seismological center", "the U.S. Geological Survey in Golden"))


@pytest.mark.parametrize(
    "text",
    [
        # two facts: soldiers and civilians
        "The army said 20 soldiers died in the clashes, while the Syrian Observatory said 50 civilians died.",
        # one speaker, then no one
        "The U.S. Geological Survey said the quake measured 5.9, but it was later revised to 6.1.",
        # no hand-over: one figure each for two places
        "The U.S. Geological Survey said the quake measured 5.9 and an aftershock 4.8.",
    ],
)
def test_one_speaker_or_two_facts_in_a_sentence_stay_quiet(text):
    assert _sayings(text) is None


def test_a_combined_figure_is_a_total():
    found = atoms(
        _claim("Playing in a combined 157 games with the Angels and Braves, Teixeira had 33 homers.", "a")
    )
    assert {a.value.text: a.scope for a in found} == {"157 games": "total", "33 homers": "total"}


@pytest.mark.parametrize(
    "text, figure, scope",
    [
        ("Police made 50 arrests over four nights.", "50 arrests", "total"),
        ("Police said 50 arrests have been made since the shooting.", "50 arrests", "total"),
        ("In the past two days, 12 people were killed.", "12 people", "total"),
        ("He had been arrested three times since October.", "three times", "total"),
        # a span in weeks is no total: "the worst in weeks"
        ("The storm, the worst in weeks, killed 12 people.", "12 people", ""),
        ("The combined forces killed 12 militants.", "12 militants", ""),
    ],
)
def test_counts_over_several_days_are_totals_and_look_alikes_are_not(text, figure, scope):
    assert {a.value.text: a.scope for a in atoms(_claim(text, "a"))}[figure] == scope


def test_deaths_are_not_death_penalties_but_a_killing_told_as_put_to_death_is():
    def event(text: str, figure: str) -> str:
        return {a.value.text: a.predicate for a in atoms(_claim(text, "a"))}[figure]

    assert event("Nine jurors voted for the death-penalty verdict.", "Nine jurors") != "death"
    assert event("Nine jurors were voting to put Nichols to death.", "Nine jurors") != "death"
    assert event("Militants put 21 hostages to death on Sunday.", "21 hostages") == "death"


def test_a_second_quake_in_one_article_is_its_own():
    main = Claim(
        "a:1", "a", t := "A magnitude-5.9 quake struck the island on Sunday.", 0, len(t), facts=extract(t)
    )
    second = Claim(
        "a:2", "a", t := "A second quake of magnitude 4.6 hit an hour later.", 0, len(t), facts=extract(t)
    )
    assert number_conflicts(atoms(main), atoms(second), within=True) == []


def test_only_a_list_of_two_is_summed_and_only_of_a_kind():
    def sums(text: str) -> list[float]:
        return [a.value.value for a in atoms(_claim(text, "a")) if "," in a.value.text]

    assert sums("The navy seized seven AK-47s, three other assault rifles and 13 magazines.") == [10.0]
    assert sums("Police seized five AK-47s, two M16s and three other rifles.") == []
    assert sums("Police said 12 soldiers, two other civilians were hurt.") == []


def test_the_finding_says_in_all_only_of_a_summed_list():
    from compare.diff.explain import _said
    from compare.extract.numbers import find_quantities

    (rng,) = find_quantities("between $140 million and $150 million")
    assert "in all" not in _said(rng.text, rng)
    (summed,) = [
        a.value
        for a in atoms(_claim("Police seized seven AK-47s, three other rifles.", "a"))
        if "," in a.value.text
    ]
    assert _said(summed.text, summed).endswith("(10 in all)")


def test_two_named_speakers_in_one_sentence_give_two_counts():
    assert _sayings(
        "The Red Cross said 3 people died in the clashes, but the Syrian Observatory said 5 people died."
    ) == (
        "3 people",
        "5 people",
        ("The Red Cross", "the Syrian Observatory"),
    )


def test_money_told_as_a_yearly_rate_is_no_total_and_a_hyphenated_million_scales():
    assert (
        _conflicts(
            "The Yankees made an initial $140-million bid for Sabathia.",
            "Teixeira is seeking an average annual value of more than $21 million from the Yankees.",
        )
        == []
    )
    assert _conflicts("The Yankees made a $140-million bid.", "The Yankees made a $161 million bid.") == [
        ("$140-million", "$161 million", "amount in Yankees")
    ]


def test_figures_enumerated_clause_by_clause_are_parts_unless_each_has_its_speaker():
    # "Two ...; one ...; and another ..." lists where the bullets went, not how many there were
    enumerated = (
        "Two bullets struck him from the front; one bullet entered his left side;"
        " and another bullet hit his forearm."
    )
    assert _conflicts("Seven bullets struck him, the coroner said.", enumerated) == []
    others = "One bullet entered his left shoulder; two other bullets struck the back of his thighs."
    assert _conflicts("The autopsy showed that seven bullets entered his body.", others) == []
    # clauses with speakers of their own are two sayings of one figure, each to be compared
    said = "Police put the crowd at 20,000; organisers said the crowd was 50,000."
    assert [(a, b) for a, b, _ in _conflicts("Police put the crowd at 30,000.", said)] == [
        ("30,000", "20,000"),
        ("30,000", "50,000"),
    ]


def test_a_figure_both_tell_makes_the_others_of_its_own_event_parts_of_a_list():
    # one injured count told alike does not hide the death toll the two disagree on
    assert _conflicts(
        "The quake killed 3 people and injured 10 people.", "The quake killed 5 people and injured 10 people."
    ) == [("3 people", "5 people", "deaths")]
    # an exact figure within the range the other states is told by both: the other figure of
    # that thing (the initial offer) is another part of the story, not a second account of it
    assert (
        _conflicts(
            "The Nationals upgraded their initial offer, eight years and $160 million, to between"
            " $178 million and $184 million.",
            "WCVB-TV claims the offer was eight years and $184 million.",
        )
        == []
    )


def test_one_name_two_sentences_share_is_one_word_of_evidence():
    # a director's salary and the film's gross: only the film's name in common
    assert (
        _conflicts(
            "THR says Ross, a seasoned director, accepted a relatively low $3 million salary for"
            " directing The Hunger Games.",
            "After its opening weekend, the phenomenon The Hunger Games has grossed $368.0 million globally.",
        )
        == []
    )
    # a count of one kind of thing has its noun in common besides the name
    assert _conflicts(
        "The special has a rating based on under 14 reviews on Rotten Tomatoes.",
        "Rotten Tomatoes indexed 15 reviews for the early released Christmas special.",
    ) == [("under 14 reviews", "15 reviews", "review in Rotten Tomatoes")]
    # the name and the thing counted: one bid told twice
    assert _conflicts("The Yankees made a $140 million bid.", "The Yankees made a $161 million bid.") == [
        ("$140 million", "$161 million", "amount in Yankees")
    ]


def _article_conflicts(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    """Number conflicts between the last sentences of two articles, each read in its article."""
    from compare.diff.facts import claim_atoms

    claims = [
        Claim(f"{s}:{n}", s, text, 0, len(text), facts=extract(text))
        for s, texts in (("a", a), ("b", b))
        for n, text in enumerate(texts)
    ]
    read = claim_atoms(claims)
    x, y = read[f"a:{len(a) - 1}"], read[f"b:{len(b) - 1}"]
    return [(c.a, c.b) for c in number_conflicts(x, y)]


def test_a_count_dated_by_its_weekday_is_not_one_an_article_of_other_days_tells():
    monday = ["Hundreds marched on Monday night after the vigil.", "One person was arrested."]
    wednesday = ["The crowd was calm at first.", "As fights erupted, 46 were arrested Wednesday night."]
    # Monday's arrests and Wednesday's: two nights of one story, not two counts of one
    assert _article_conflicts(monday, wednesday) == []
    # an article that tells of Wednesday too: one count, told two ways
    assert _article_conflicts(
        ["The protest turned violent on Wednesday.", "One person was arrested."], wednesday
    ) == [("One person", "46")]
    # of two days in its sentence, a figure is told of the last one before it
    two_days = (
        "Tuesday the crowd was calm, but on Wednesday - the day of the autopsy -"
        " 200 people marched to the precinct."
    )
    assert _article_conflicts(monday[:1] + ["Nearly 100 people marched to the precinct."], [two_days]) == []
    # a sentence going on from the story of a day tells of that day
    going_on = [
        "Tuesday the crowd was calm, but on Wednesday it turned on the police.",
        "Protesters threw bricks and bottles.",
        "By the end, 46 people had been arrested.",
    ]
    assert _article_conflicts(monday, going_on) == []
    # an article that dates nothing: nothing says it is of another day
    assert _article_conflicts(["The crowd grew angry.", "One person was arrested."], wednesday) == [
        ("One person", "46")
    ]
    # ... unless the other tells of several days: which of them the undated count is of, nothing says
    assert _article_conflicts(["The crowd grew angry.", "One person was arrested."], going_on) == []


def _within_conflicts(texts: list[str]) -> list[tuple[str, str]]:
    """Number conflicts between the first and last sentences of one article, read in it."""
    from compare.diff.facts import claim_atoms

    claims = [Claim(f"a:{n}", "a", t, 0, len(t), facts=extract(t)) for n, t in enumerate(texts)]
    read = claim_atoms(claims)
    return [(c.a, c.b) for c in number_conflicts(read["a:0"], read[f"a:{len(texts) - 1}"], within=True)]


def test_a_bare_figure_counts_what_the_sentence_before_counted():
    police = "Police put the march, to mark a 24-hour nationwide strike, at roughly 30,000 people."
    witnesses = (
        "But witnesses said there were more than 50,000 - easily the biggest protest since last October."
    )
    assert _within_conflicts([police, witnesses]) == [("roughly 30,000 people", "more than 50,000")]
    assert _within_conflicts([police, "But the organisers put the figure at 100,000."]) == [
        ("roughly 30,000 people", "100,000")
    ]
    # a figure with its own noun, or one a sentence later, counts what it says
    assert _within_conflicts([police, "Witnesses said there were more than 50,000 police officers."]) == []
    assert _within_conflicts([police, "The strike was the third this year.", "There were 50,000."]) == []


def test_games_won_and_games_lost_are_two_records():
    assert (
        _conflicts("The team is on a three-game losing streak.", "The team is on an 11-game win streak.")
        == []
    )
    assert _conflicts(
        "The team is on a three-game losing streak.", "The team is on a five-game losing streak."
    ) == [("three-game", "five-game", "game of streak")]


def test_sentences_of_life_are_life_sentences():
    # the four without parole are told by both: the seven others are another part of the sentence
    assert (
        _conflicts(
            "Nichols was sentenced to seven life sentences and four sentences of life without parole"
            " plus 485 years.",
            "A Georgia judge handed Brian Nichols today four consecutive life sentences without the"
            " possibility for parole sentence today.",
        )
        == []
    )
    assert _conflicts(
        "Nichols was sentenced to four sentences of life without parole.",
        "Nichols was sentenced to five life sentences without parole.",
    ) == [("four sentences", "five life sentences", "life sentences sentence in Nichols")]


def test_a_seasons_record_is_no_games_score():
    assert (
        _conflicts(
            "The 76ers dropped their third game in a row on Friday, an 88-72 setback to Cleveland.",
            "But last we checked, Cleveland was 20-3, owner of an 11-game win streak.",
        )
        == []
    )
    assert _conflicts(
        "Cleveland beat the 76ers 88-72 on Friday.", "Cleveland beat the 76ers 88-70 on Friday."
    ) == [("72", "70", "score, second figure in Cleveland")]
    assert _conflicts("Cleveland is 20-3 this season.", "Cleveland has a 19-4 record this season.") == [
        ("20", "19", "wins of Cleveland"),
        ("3", "4", "losses of Cleveland"),
    ]


def test_a_span_between_two_events_meets_the_same_span_told_the_other_way():
    assert _conflicts(
        "Page died Thursday, a week after suffering a heart attack.",
        "Page suffered a heart attack nine days earlier and never regained consciousness.",
    ) == [("a week", "nine days", "time")]
    # another anchored event, or a span that is no interval, is another fact
    assert (
        _conflicts(
            "Page died Thursday, a week after suffering a heart attack.",
            "Page was moved to a hospice nine days after her surgery.",
        )
        == []
    )
    assert _conflicts(  # how long, not when: a span of its own
        "He served the Assad family for 30 years before turning against them.",
        "He served the Assad family for 34 years but turned against them.",
    ) == [("30 years", "34 years", "time in Assad")]
    assert (
        _conflicts(
            "The death toll from a strong earthquake a day before rose to 10.",
            "A witness said the quake lasted 30 seconds.",
        )
        == []
    )


def test_a_career_record_is_not_a_seasons_start():
    assert (
        _conflicts(
            "The 76ers fired Cheeks after a disappointing 9-14 start to the season.",
            "Cheeks compiled a 162-139 record in three-plus seasons.",
        )
        == []
    )
    assert _conflicts(
        "Cheeks compiled a 162-139 record in three-plus seasons.",
        "Cheeks is 122-147 in three-plus seasons as head coach.",
    ) == [("162", "122", "wins (career) of Cheeks"), ("139", "147", "losses (career) of Cheeks")]


def test_what_a_company_was_bought_for_is_one_price_however_told():
    amd, ati = Entity("AMD", 0, 3, "amd"), Entity("ATI", 0, 3, "ati")
    bought = "AMD agreed to buy ATI for $5.4 billion in cash and stock."
    assert _conflicts(
        bought, "The deal, valued at $5.6 billion, closes in the fourth quarter.", (amd, ati)
    ) == [("$5.4 billion", "$5.6 billion", "price")]
    # the cash part of the price, and the price of one share, are other facts
    assert _conflicts(bought, "AMD will pay $4.2 billion in cash and 57 million shares.", (amd, ati)) == []
    assert _conflicts(bought, "AMD will pay $25 a share for ATI.", (amd, ati)) == []
    assert _conflicts("AMD will pay $25 a share for ATI.", "AMD is paying $26 per share for ATI.") == [
        ("$25", "$26", "price a share in AMD")
    ]


def test_a_measure_told_in_one_unit_by_both_is_compared_as_written():
    assert _conflicts(
        "Peterson was sentenced to 38 years in prison for the murder.",
        "A judge gave Peterson a 40-year prison sentence for the murder.",
    ) == [("38 years", "40-year", "length of the sentence in Peterson")]
    # converted, a measure keeps the rounding its conversion needs
    assert (
        _conflicts(
            "The island lies 58 kilometres off the coast of Bandar Abbas.",
            "The island lies 36 miles off the coast of Bandar Abbas.",
        )
        == []
    )


def test_a_measure_told_of_its_noun_meets_the_measure_told_with_it():
    assert _conflicts(
        "The hostages were freed after a 10-hour standoff.",
        "The standoff lasted six hours before the hostages were released.",
    ) == [("10-hour", "six hours", "time of standoff")]
    # a deal's length is each bidder's own
    assert (
        _conflicts(
            "The Red Sox have made an eight-year offer to Teixeira.",
            "The Orioles have reportedly only offered seven years to Teixeira.",
        )
        == []
    )


@pytest.mark.parametrize(
    "a, b",
    [
        ("The drug haul was worth an estimated $3 million.", "Police valued the seized drugs at $5 million."),
        (
            "The company reported a profit of $2.1 billion for the quarter.",
            "Quarterly profit came to $1.9 billion, the company said.",
        ),
        (
            "Temperatures dropped to minus 20 degrees overnight.",
            "Overnight the temperature fell to minus 12 degrees.",
        ),
    ],
)
def test_one_fact_told_in_other_words_still_meets(a, b):
    # other nouns for one thing (shots, rounds), other words for one event (valued, worth; sank, went
    # down; profit), and a capitalised common word opening a sentence that is no name
    assert len(_conflicts(a, b)) == 1


def test_turnout_is_its_own_share():
    assert _conflicts(
        "Authorities said turnout reached 93.87 percent in the election.",
        "The government said 90 per cent of eligible voters had participated in the election.",
    ) == [("93.87 percent", "90 per cent", "turnout")]
    # how many took part is not how many voted which way
    assert (
        _conflicts(
            "Turnout in the referendum was 71 percent.", "Some 58 percent voted in favour in the referendum."
        )
        == []
    )


@pytest.mark.parametrize(
    "a, b, fact",
    [
        (
            "More than 2,000 people were evacuated from their homes.",
            "About 1,200 residents were forced to flee their homes.",
            "evacuated",
        ),
        (
            "The hurricane had winds of 120 mph when it made landfall.",
            "The storm made landfall with winds of 150 miles per hour.",
            "speed",
        ),
        ("He was ordered to pay a fine of $5,000.", "The judge fined him $2,500.", "fine"),
        ("He was released on $50,000 bail.", "He was freed after posting $100,000 bail.", "bail"),
    ],
)
def test_one_event_in_other_words_is_named_for_a_reader(a, b, fact):
    assert [f for _, _, f in _conflicts(a, b)] == [fact]


def test_how_far_a_named_place_lies_from_the_event():
    felt = "The tremor was felt as far away as Jakarta, 300 kilometres to the south."
    assert _conflicts(felt, "The quake was felt in Jakarta, about 500 km away.") == [
        ("300 kilometres", "about 500 km", "distance to Jakarta")
    ]
    assert _conflicts(felt, "The quake was felt in Bandung, 180 km away.") == []  # another place


def test_an_age_told_of_a_lone_name_is_the_age_of_the_person_the_article_names_so():
    from compare.diff.facts import claim_atoms

    def ages(source: str, texts: list[str]) -> list:
        claims = [Claim(f"{source}:{n}", source, t, 0, len(t), facts=extract(t)) for n, t in enumerate(texts)]
        return [x for c in claims for x in claim_atoms(claims)[c.id] if x.thing == "age"]

    one = ages("a", ["Esther Williams died Thursday in Beverly Hills.", "Williams, 91, died in her sleep."])
    other = ages("b", ["Esther Williams, 92, died peacefully."])
    found = number_conflicts(one, other)
    assert [(c.a, c.b, c.fact) for c in found] == [("91", "92", "age of Esther Williams")]
    # an article naming two people of that surname tells no one's age by it
    two = ages(
        "a", ["Esther Williams died.", "Tom Williams survives her.", "Williams, 91, died in her sleep."]
    )
    assert number_conflicts(two, other) == []


def test_a_lone_name_far_from_an_age_lends_it_no_one():
    from compare.diff.facts import claim_atoms

    texts = [
        "Jerry Ortiz, a sheriff's deputy, was shot on Friday.",
        "Jerry was 35 years old and had more motivation than a 21-year-old just getting on the force.",
    ]
    claims = [Claim(f"a:{n}", "a", t, 0, len(t), facts=extract(t)) for n, t in enumerate(texts)]
    read = claim_atoms(claims)
    other = atoms(_claim("Deputy Jerry Ortiz, 35, was shot on Friday.", "b"))
    assert number_conflicts(read["a:1"], other) == []


@pytest.mark.parametrize(
    "a, b",
    [
        # a span told during a thing is no length of it
        (
            "Police ended a 10-hour standoff.",
            "Negotiators spoke with the gunman for two hours during the standoff.",
        ),
        (
            "He was convicted after a two-week trial.",
            "Jurors deliberated for three days at the end of the trial.",
        ),
        # spans after an event the clause does not name, another deed, another person
        ("A year later, he was acquitted by a jury.", "Two years later, he was acquitted by a jury."),
        (
            "Jones was released three days after the shooting at the mall.",
            "The suspect was arrested five days after the shooting at the mall.",
        ),
        (
            "Smith died a week after the crash on Route 9.",
            "His passenger, Jane Doe, died three weeks after the crash on Route 9.",
        ),
        # ages: a person's at a place, a past one, one when something began
        ("A 16-year-old at the school was stabbed.", "A 15-year-old at the school was stabbed."),
        ("John Smith began working at the mill at the age of 14.", "John Smith died at the age of 85."),
        (
            "Sharron Smith, aged 20 at the time of the 1967 killings, was arrested.",
            "Sharron Smith, 60, was arrested on Friday.",
        ),
        # records of a start, at home, against a season's
        ("The 76ers fired Cheeks after a 9-14 start.", "Cheeks had a 40-50 record with the 76ers."),
        ("The Sixers are 5-9 at home.", "The Sixers are 9-14 overall."),
        # one noun or class for two facts
        (
            "The gunman fired about 15 shots, police said.",
            "Officers fired 40 rounds at the gunman, police said.",
        ),
        ("The company reported a profit of $2.1 billion.", "The company's revenue was $9.5 billion."),
        (
            "The storm brought winds of 75 mph to Springfield.",
            "Gusts of 90 mph were recorded in Springfield.",
        ),
        # a fee or a loan is no price
        (
            "Verizon agreed to buy Yahoo for $4.8 billion.",
            "Verizon would have to pay a termination fee of $145 million.",
        ),
        (
            "Verizon agreed to buy Yahoo for $4.8 billion.",
            "Verizon will borrow $3 billion to pay for the acquisition.",
        ),
        # a whole figure rounds one told to a decimal
        (
            "The tornado cut a path 6 miles long through Springfield.",
            "The tornado cut a path 5.8 miles long through Springfield.",
        ),
        (
            "Police seized 2 tons of marijuana in the raid.",
            "Police seized 1.95 tons of marijuana in the raid.",
        ),
    ],
)
def test_what_a_reviewer_found_stays_quiet(a, b):
    assert _conflicts(a, b) == []


def test_a_record_of_part_of_a_season_is_named_for_its_part():
    assert _conflicts("The Sixers are 5-9 at home.", "The Sixers were 4-10 at home.") == [
        ("5", "4", "wins (home) of Sixers"),
        ("9", "10", "losses (home) of Sixers"),
    ]
