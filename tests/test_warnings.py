"""Warnings a reader needs, in the report's notes (JSON too) and on standard error, once each:
a source without a date its findings depend on, sources that share almost nothing, and every
other note (not English) that used to reach only the report."""

import json

import pytest
from typer.testing import CliRunner

from compare import Article, compare
from compare.cli import app
from compare.diff import explain
from compare.notes import little_shared
from compare.records import Source

from .conftest import FLOOD_A, FLOOD_B

runner = CliRunner()

pytestmark = pytest.mark.usefixtures("fake_model")

QUAKE = (
    "A magnitude 6.1 earthquake struck the island of Sumbawa, the geological agency said. "
    "Several villages lost power and telephone lines after the tremor. "
    "Fishermen reported unusual waves along the northern coast near the harbour."
)
TIMELESS_A = (
    "The council approved the new library plan, the mayor said. "
    "Residents welcomed the decision to keep the reading room open."
)
TIMELESS_B = (
    "The council approved the plan for the new library, according to the mayor. "
    "Local residents welcomed the decision about the reading room."
)


def _write(tmp_path, **texts):
    paths = []
    for name, text in texts.items():
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    return paths


def _report(*args):
    return runner.invoke(app, ["report", *args, "-f", "json", "--no-cache"])


def _notes(result) -> list[str]:
    return json.loads(result.stdout)["notes"]


def _stderr_notes(result) -> list[str]:
    prefix = "compare-articles: note: "
    return [x.removeprefix(prefix) for x in result.stderr.splitlines() if x.startswith(prefix)]


# --- no publication date ----------------------------------------------------------------------


def test_an_undated_source_with_relative_times_is_named_with_the_option_that_fixes_it(tmp_path):
    paths = _write(tmp_path, herald=FLOOD_A, gazette=FLOOD_B)
    result = _report(*paths, "--published", "gazette=2021-03-02")
    assert result.exit_code == 0, result.output
    undated = [n for n in _notes(result) if "no publication date" in n]
    assert undated == [
        "herald has no publication date, yet it dates events relative to its own day ('Monday', "
        "'next week'): findings that depend on when it was published (which day a relative date names, "
        "whether a larger figure is a later update) may be wrong; give its date with --published "
        "herald=YYYY-MM-DD"
    ]
    assert _stderr_notes(result).count(undated[0]) == 1
    dated = _report(*paths, "--published", "gazette=2021-03-02", "--published", "herald=2021-03-01")
    assert not [n for n in _notes(dated) if "no publication date" in n]


def test_an_undated_source_whose_figures_conflict_is_named(tmp_path):
    # one fact told alike, so the two read as one story, and one figure told two ways
    alike = "The main bridge in Riverton was closed by the floods, officials said. "
    a = alike + "Rescuers saved at least 12 people from their homes in the flooded streets of Riverton."
    b = alike + "Rescuers saved at least 40 people from their homes in the flooded streets of Riverton."
    result = _report(*_write(tmp_path, herald=a, gazette=b), "--published", "gazette=2021-03-02")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert any(f["kind"] == "contradiction" for f in data["findings"]), data["findings"]
    assert [n for n in data["notes"] if "no publication date" in n] == [
        "herald has no publication date, yet its figures or dates differ from another source's: findings "
        "that depend on when it was published (which day a relative date names, whether a larger figure is "
        "a later update) may be wrong; give its date with --published herald=YYYY-MM-DD"
    ]


def test_a_date_note_only_where_a_date_matters(tmp_path):
    # two undated sources with no time and no conflicting figure: nothing to say ...
    result = _report(*_write(tmp_path, a=TIMELESS_A, b=TIMELESS_B))
    assert result.exit_code == 0, result.output
    assert not [n for n in _notes(result) if "publication date" in n]
    assert not _stderr_notes(result)
    # ... until one of them dates something by its own day
    later = TIMELESS_B + " The reading room will close next week."
    result = _report(*_write(tmp_path, a=TIMELESS_A, b=later))
    assert [n[:61] for n in _notes(result) if "publication date" in n] == [
        "b has no publication date, yet it dates events relative to it"
    ]


def test_an_undated_draft_is_named_in_a_check(tmp_path):
    draft, source = _write(
        tmp_path, draft="The bridge in Riverton was closed by floods yesterday.", herald=FLOOD_A
    )
    result = runner.invoke(
        app, ["check", draft, "--against", source, "--published", "herald=2021-03-01", "--no-cache"]
    )
    assert result.exit_code in (0, 1), result.output
    (note,) = _stderr_notes(result)
    assert note.startswith("draft has no publication date, yet it dates events relative to its own day")
    assert note.endswith("--published draft=YYYY-MM-DD")


# --- sources that share almost nothing --------------------------------------------------------


def test_sources_that_share_almost_nothing_are_told_apart(tmp_path):
    result = _report(*_write(tmp_path, herald=FLOOD_A, wire=QUAKE), "--published", "herald=2021-03-01")
    assert result.exit_code == 0, result.output
    shared = [n for n in _notes(result) if "share almost nothing" in n]
    assert shared == [
        "herald and wire share almost nothing (0 of 3 claims of herald and 0 of 3 of wire align with the "
        "other's): they may not be about the same story; contradictions between them are unlikely to be "
        "meaningful"
    ]
    assert _stderr_notes(result).count(shared[0]) == 1
    # one story told by two outlets shares enough
    same = _report(*_write(tmp_path, herald=FLOOD_A, gazette=FLOOD_B))
    assert not [n for n in _notes(same) if "share almost nothing" in n]


def test_a_pair_already_told_to_be_different_events_is_told_once():
    a = Source("a", "A", FLOOD_A)
    b = Source("b", "B", QUAKE)
    report = compare([Article(FLOOD_A, id="a", name="A"), Article(QUAKE, id="b", name="B")], cache_dir=None)
    assert little_shared((a, b), report.claims, ())  # nothing aligned: a note ...
    told = [explain.different_events(a, b, 2)]
    assert little_shared((a, b), report.claims, (), told) == []  # ... unless the diff told already


def test_a_draft_about_another_story_is_told_in_a_check(tmp_path):
    draft, source = _write(tmp_path, draft=QUAKE, herald=FLOOD_A)
    result = runner.invoke(app, ["check", draft, "--against", source, "--no-cache"])
    assert result.exit_code == 0, result.output
    assert any(
        n.startswith("draft shares almost nothing with its sources (0 of its 3 claims align")
        for n in _stderr_notes(result)
    ), result.stderr


# --- every note on standard error -------------------------------------------------------------

SPANISH = (
    "Las inundaciones cerraron el puente principal de Riverton el lunes, dijeron las autoridades. "
    "Al menos doce personas fueron rescatadas de sus casas por los bomberos de la ciudad. "
    "El alcalde dijo que el puente volverá a abrir la próxima semana."
)


def test_every_note_reaches_standard_error_once_unless_quiet(tmp_path):
    paths = _write(tmp_path, herald=FLOOD_A, diario=SPANISH)
    result = _report(*paths, "--published", "herald=2021-03-01", "--published", "diario=2021-03-01")
    assert result.exit_code == 0, result.output
    notes = _notes(result)
    assert any("does not look like English text" in n for n in notes), notes
    assert _stderr_notes(result) == notes
    quiet = runner.invoke(
        app,
        ["report", *paths, "-f", "json", "--no-cache", "-q", "--published", "herald=2021-03-01"],
    )
    assert quiet.exit_code == 0 and quiet.stderr == ""
