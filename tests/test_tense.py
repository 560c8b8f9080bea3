"""One act told as done by one source and as yet to come by another (``compare.tense``): a
reader must know which is true, unless the plan was published before the deed."""

import pytest

from compare import Article, compare
from compare.diff.tense import act_conflicts
from compare.extract import extract
from compare.records import Claim
from compare.tense import told


def _told(text: str, source: str = "a"):
    return told(Claim(f"{source}:1", source, text, 0, len(text), facts=extract(text)))


def test_a_plan_and_a_deed_of_one_subject_and_object_conflict():
    plan = _told("The Mysore will eventually replace the Tabar in patrolling the Gulf of Aden.")
    deed = _told(
        "INS Mysore, which replaced stealth frigate INS Tabar early December, may head for Djibouti.", "b"
    )
    (c,) = act_conflicts(plan, deed)
    assert (c.type, c.a, c.b) == (
        "tense",
        "will eventually replace the Tabar",
        "replaced stealth frigate INS Tabar",
    )
    assert c.fact == "whether INS Mysore replaced INS Tabar"


@pytest.mark.parametrize(
    "a, b",
    [
        ("Smith will replace Jones as coach.", "Brown replaced Jones last year."),  # another subject
        ("Smith will replace Jones as coach.", "Smith replaced Brown last year."),  # another object
        ("Smith will replace Jones as coach.", "Jones was replaced by Smith."),  # a passive: roles swap
        ("Smith will replace Jones as coach.", "Smith never replaced Jones."),  # not done
        ("Smith will not replace Jones as coach.", "Smith replaced Jones last year."),  # no plan
        ("Smith will be Jones's deputy.", "Smith defeated Jones last year."),  # no act to come
        ("Smith will replace Jones as coach.", "Smith will replace Jones as coach."),  # the same plan
        ("Smith has not yet replaced Jones.", "Smith will replace Jones next month."),  # no deed yet
        ("Smith could have defeated Jones.", "Smith will defeat Jones."),  # what might have been
        # two occasions: each its own time, or a deed of another year
        ("The Red Sox will play the Yankees on Friday.", "The Red Sox played the Yankees on Tuesday."),
        ("Obama will visit Mexico next week.", "Obama visited Mexico in 2009."),
    ],
)
def test_other_acts_and_no_acts_stay_quiet(a, b):
    assert act_conflicts(_told(a), _told(b, "b")) == []


def _sources(plan_published: str, deed_published: str) -> list[Article]:
    return [
        Article(
            id="plan",
            published=plan_published,
            text="Navy ships on patrol\nThe navy seized 23 pirates on Saturday. "
            "The Mysore will eventually replace the Tabar on patrol.",
        ),
        Article(
            id="deed",
            published=deed_published,
            text="Pirates seized\nThe navy seized 23 pirates on Saturday. "
            "The Mysore, a destroyer, replaced the Tabar on patrol a fortnight ago.",
        ),
    ]


def test_a_plan_told_after_the_deed_is_a_contradiction_and_before_it_nothing(fake_embedder):
    late = compare(_sources("2008-12-14", "2008-12-13"), embedder=fake_embedder, cache_dir=None)
    (f,) = [f for f in late.findings if any(c.type == "tense" for c in f.conflicts)]
    assert f.kind == "contradiction"
    assert "whether Mysore replaced Tabar" in f.explanation
    early = compare(_sources("2008-11-20", "2008-12-13"), embedder=fake_embedder, cache_dir=None)
    assert not [f for f in early.findings if any(c.type == "tense" for c in f.conflicts)]
