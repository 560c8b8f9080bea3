import pytest

from compare.clock import clock_times
from compare.diff.clauses import shared_clock
from compare.extract import extract
from compare.records import Claim


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("which started about 9:40 p.m. Friday", [21 * 60 + 40]),
        ("they were all reopened by 4.30pm on Saturday", [16 * 60 + 30]),
        ("Roads were closed until about 1630 GMT on Saturday", [16 * 60 + 30]),
        ("registered the quake at 17:06 hours local time (13:36 GMT)", [17 * 60 + 6, 13 * 60 + 36]),
        ("at 17:06 pm (1336 GMT) on Sunday", [17 * 60 + 6, 13 * 60 + 36]),
        ("The fire service was called at 06: 00 BST", [6 * 60]),
        ("It hit at 1: 53 p. m. local time", [13 * 60 + 53]),
        ("at noon today, and again at midnight", [12 * 60, 0]),
        ("the 1990 season, 2,000 people, 12 miles", []),
        ("she said around 5:30 p.m.", []),  # when it was said, not when it happened
    ],
)
def test_times_of_day_as_news_writes_them(text, minutes):
    assert [c.minutes for c in clock_times(text)] == minutes


def _claim(text, source):
    return Claim(f"{source}:1", source, text, 0, len(text), facts=extract(text))


def test_one_time_of_day_for_one_event_is_told_alike():
    quake = _claim("The institute registered the quake at 17:06 hours local time.", "a")
    assert (
        shared_clock(quake, _claim("A 5.6 earthquake jolted the island at 17:06 pm on Sunday.", "b"))
        == "17:06"
    )
    assert shared_clock(quake, _claim("A 5.6 earthquake jolted the island at 17:11 on Sunday.", "b")) is None
    # on the hour, a coincidence unless both tell the same event beside it
    police = _claim("Police arrived at 6 p.m. on Friday.", "a")
    assert shared_clock(police, _claim("Officers arrived at 6 p.m., witnesses said.", "b")) == "6 p.m."
    assert shared_clock(police, _claim("The mayor held a news conference at 6 p.m.", "b")) is None
