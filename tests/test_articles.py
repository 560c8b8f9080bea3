"""Two articles of our own about one event, with known answers: what a fact-checker would mark.
Beyond the seeds, so the engine is held to news in general."""

import pytest

from compare import Article, compare

pytestmark = pytest.mark.slow

A = """Strong earthquake hits coastal Peru, killing dozens

LIMA, Peru (Reuters) - A magnitude 7.1 earthquake struck the southern coast of Peru on Tuesday, killing at least 34 people and injuring more than 200, the country's civil defense agency said.

The quake was centered 40 kilometers west of the port city of Pisco, according to the U.S. Geological Survey.

President Maria Torres declared a state of emergency in three provinces and said the army would deliver water and tents.

The airport in Pisco was not damaged, the transport ministry said.

Rescue workers were searching collapsed homes in Pisco through the night.
"""  # noqa: E501 (text as written)

B = """Peru earthquake death toll rises

A powerful 7.1-magnitude earthquake shook southern Peru on Tuesday, and officials said 52 people had been killed.

The U.S. Geological Survey said the quake struck 40 kilometers west of Pisco.

President Maria Torres declared a state of emergency in three provinces.

The airport in Pisco was damaged, the transport ministry said.

The Red Cross said it had sent 15 trucks of supplies to the area.
"""  # noqa: E501 (text as written)


def _report(a_date, b_date):
    return compare(
        [Article(text=A, id="wire", published=a_date), Article(text=B, id="daily", published=b_date)],
        cache_dir=None,
    )


def _kinds(report):
    return {tuple(report.claim(c).text[:25] for c in f.claims): f for f in report.findings}


def test_known_answers_on_an_earthquake_story():
    report = _report("2023-05-16", "2023-05-18")
    by_text = {f.kind: [] for f in report.findings}
    for f in report.findings:
        by_text[f.kind].append(" | ".join(report.claim(c).text for c in f.claims))
    # The later article's higher toll is an update, not a contradiction and not an agreement.
    assert any("at least 34" in t and "52 people" in t for t in by_text["update"]), by_text
    # The airport: one says it was damaged, the other that it was not.
    negations = [f for f in report.of_kind("contradiction") if f.conflicts[0].type == "negation"]
    assert any("airport" in report.claim(f.claims[0]).text for f in negations), by_text.get("contradiction")
    assert any("state of emergency" in t for t in by_text["agreement"])
    assert any("40 kilometers west" in t for t in by_text["agreement"])
    unique = " ".join(by_text["unique"])
    assert "Rescue workers" in unique and "Red Cross" in unique


def test_same_day_different_tolls_contradict():
    text_a = A.replace("at least 34 people", "34 people")
    report = compare(
        [
            Article(text=text_a, id="wire", published="2023-05-16"),
            Article(text=B, id="daily", published="2023-05-16"),
        ],
        cache_dir=None,
    )
    numbers = [f for f in report.of_kind("contradiction") if any(c.type == "number" for c in f.conflicts)]
    assert numbers and numbers[0].conflicts[0].a == "34 people" and numbers[0].conflicts[0].b == "52 people"


def test_identical_articles_all_agree():
    report = compare([Article(text=B, id="one"), Article(text=B, id="two")], cache_dir=None)
    kinds = {f.kind for f in report.findings}
    assert kinds == {"agreement"}, kinds
    assert any("identical" in n for n in report.notes)
