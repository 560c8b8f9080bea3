"""Pre-publication check with the real model: planted errors in a draft must be caught, true
claims supported, inventions unsupported, and the exit codes must gate a pipeline."""

import json

import pytest
from typer.testing import CliRunner

from compare import InputError, check
from compare.cli import app

from .conftest import CBS, TP

pytestmark = pytest.mark.slow

DRAFT = """Syrian envoy's defection: a regime under pressure

Nawaf Fares, Syria's ambassador to Iraq, said only force can remove Assad.
Activists say more than 27,000 people have been killed since the uprising began.
He served the Assad family for 30 years before turning against them.
In an interview with the BBC, Fares said he favors a military intervention to dislodge the government.
Fares said he opposes military intervention in Syria.
Fares now plans to run for the presidency in elections next spring.
Syria's Foreign Ministry said Fares should be punished.
"""


@pytest.fixture(scope="module")
def draft_report(tmp_path_factory):
    path = tmp_path_factory.mktemp("draft") / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return check(str(path), [str(CBS), str(TP)], published={"draft": "2012-07-19"}, cache_dir=None), path


def _verdict(report, needle):
    for f in report.findings:
        if needle in report.claim(f.claims[0]).text:
            return f
    raise AssertionError(f"no draft claim contains {needle!r}")


@pytest.mark.parametrize(
    "needle,kind,ctype,values",
    [
        ("27,000", "contradicted", "number", ("more than 27,000", "more than 17,000")),
        ("30 years", "contradicted", "number", ("30 years", "34 years")),
        ("BBC", "contradicted", "entity", ("BBC", "CNN")),
        ("opposes military", "contradicted", "negation", None),
    ],
)
def test_planted_errors_are_flagged_with_their_type(draft_report, needle, kind, ctype, values):
    f = _verdict(draft_report[0], needle)
    assert f.kind == kind, f
    assert f.conflicts[0].type == ctype, f
    if values:
        assert values[0] in f.conflicts[0].a and values[1] in f.conflicts[0].b, f


def test_invention_is_unsupported(draft_report):
    assert _verdict(draft_report[0], "run for the presidency").kind == "unsupported"


@pytest.mark.parametrize("needle", ["only force can remove Assad", "should be punished"])
def test_true_claims_are_supported_with_evidence(draft_report, needle):
    f = _verdict(draft_report[0], needle)
    assert f.kind == "supported", f
    assert len(f.claims) >= 2 and all(draft_report[0].claim(c).source == "cbs" for c in f.claims[1:])


def test_misattributed_quote_is_contradicted_on_attribution(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(
        'Laurent Fabius said: "Where is the honor in killing your countrymen?"', encoding="utf-8"
    )
    f = check(str(draft), [str(CBS), str(TP)], cache_dir=None).findings[0]
    assert f.kind == "contradicted" and f.conflicts[0].type == "attribution", f


def test_unsupported_verdicts_on_a_story_of_our_own():
    source = (
        "The city council voted 7 to 2 on Tuesday to close the Elm Street library. "
        "The mayor said the building will become a community health clinic. "
        "Residents protested outside city hall for three hours."
    )
    draft = (
        "The city council voted 7 to 2 on Tuesday to close the Elm Street library. "
        "The council voted 5 to 4 to close the library. "
        "The governor will visit the town next month to open a new stadium."
    )
    r = check(draft, [source], cache_dir=None)
    kinds = [f.kind for f in r.findings]
    assert kinds == ["supported", "contradicted", "unsupported"], [
        (f.kind, f.explanation) for f in r.findings
    ]


def test_cli_exit_codes_gate_publishing(draft_report, tmp_path):
    runner = CliRunner()
    path = draft_report[1]
    out = tmp_path / "check.json"
    strict = runner.invoke(
        app,
        [
            "check",
            str(path),
            "--against",
            str(CBS),
            "--against",
            str(TP),
            "--fail-on",
            "contradicted,unsupported",
            "-o",
            str(out),
            "--no-cache",
        ],
    )
    assert strict.exit_code == 1, strict.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "compare.report/1" and data["mode"] == "check"
    assert {f["kind"] for f in data["findings"]} == {"supported", "contradicted", "unsupported"}
    assert all(data["claims"][0]["source"] == "draft" for _ in [0])
    clean = tmp_path / "ok.txt"
    clean.write_text("Syria's Foreign Ministry said Fares should be punished.", encoding="utf-8")
    ok = runner.invoke(app, ["check", str(clean), "--against", str(CBS), "--no-cache", "-q"])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["check", str(clean), "--against", str(CBS), "--fail-on", "maybe"])
    assert bad.exit_code == 2 and "--fail-on 'maybe'" in bad.stderr
    none = runner.invoke(app, ["check", str(clean)])
    assert none.exit_code == 2 and "add --against FILE" in none.stderr


def test_check_needs_sources():
    with pytest.raises(InputError, match="at least one source"):
        check("A draft sentence that says something.", [])


@pytest.mark.parametrize(
    "draft, source, conflict",
    [
        # a different count in other words
        (
            "The bus hit three cars on Main Street.",
            "The bus struck two cars on Main Street.",
            ("number", "three cars", "two cars"),
        ),
        # one line to call printed wrong
        (
            "Anyone with information should contact Surrey Police on 0845 125 222.",
            "Anyone with information should contact Surrey Police on 0845 125 2222, police said.",
            ("phone", "0845 125 222", "0845 125 2222"),
        ),
        # another charge, another home town
        (
            "The driver who hit her has been charged with murder.",
            "The driver who hit her is facing manslaughter charges, police said.",
            ("category", "charged with murder", "manslaughter charges"),
        ),
        (
            "Anthony LaSalle, 36, of Minneapolis, was arrested after the crash.",
            "Police arrested Anthony LaSalle, 36, of Bloomington, after the crash.",
            ("place", "of Minneapolis", "of Bloomington"),
        ),
    ],
)
def test_a_draft_that_differs_from_its_source_on_one_fact_is_contradicted_on_it(draft, source, conflict):
    f = check(draft, [source], cache_dir=None).findings[0]
    assert f.kind == "contradicted", f
    assert [(c.type, c.a, c.b) for c in f.conflicts] == [conflict]


def test_a_draft_told_word_for_word_is_not_contradicted_by_a_nearby_sentence():
    r = check(
        "The driver was in critical condition, police said.",
        [
            "The driver was in critical condition on Monday, police said. "
            "The passenger was in stable condition."
        ],
        cache_dir=None,
    )
    assert r.findings[0].kind != "contradicted", r.findings[0]


def test_a_figure_credited_to_no_one_in_particular_answers_to_every_source(fake_embedder):
    from compare import check

    source = (
        "Shelling hits village\n"
        "The Syrian Observatory for Human Rights said government shelling killed six people in Treemseh. "
        "The Local Coordination Committees said shelling killed seven people in Treemseh."
    )
    for draft, verdict in [
        ("Government shelling killed nine people in Treemseh, activists said.", "contradicted"),
        # a named speaker's own figure, where another named source gives another: a discrepancy
        ("The Local Coordination Committees said shelling killed seven people in Treemseh.", "supported"),
    ]:
        r = check(draft, [source], embedder=fake_embedder, cache_dir=None)
        assert r.findings[0].kind == verdict, (draft, r.findings[0])
        if verdict == "contradicted":
            assert [c.type for c in r.findings[0].conflicts] == ["number"]
