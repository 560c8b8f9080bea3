"""The demo: the seed articles through the real model, checked against what a reader of both
articles knows to be true."""

import pytest

from compare import compare

from .conftest import CBS, TP

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report():
    return compare([str(CBS), str(TP)], cache_dir=None)


def _texts(report, finding):
    return {report.claim(c).source: report.claim(c).text for c in finding.claims}


def _pairs(report, kinds=("agreement", "contradiction", "discrepancy", "update")):
    return [_texts(report, f) for f in report.findings if f.kind in kinds and len(f.claims) == 2]


def _unique_texts(report, source):
    return [
        report.claim(f.claims[0]).text
        for f in report.of_kind("unique")
        if report.claim(f.claims[0]).source == source
    ]


def test_only_force_claims_agree(report):
    # CBS: "no way that he can be pushed from power without force"; ThinkProgress: "This Regime
    # Will Not Go Without Force". Both carry Fares's "only force can remove Assad".
    assert any(
        ("only force" in p.get("cbs", "") or "without force" in p.get("cbs", ""))
        and "Force" in p.get("thinkprogress", "").title()
        for p in _pairs(report, ("agreement",))
    )


def test_the_central_claim_agrees_in_other_words(report):
    # CBS: "Nawaf Fares, formerly Syria's ambassador to Iraq, said only force can remove Assad."
    # ThinkProgress: "Asked by CNN if he favored foreign military intervention, Fares said only
    # force could topple Assad:" - one assertion under two different asides.
    assert any(
        "only force can remove Assad" in p.get("cbs", "")
        and "only force could topple Assad" in p.get("thinkprogress", "")
        for p in _pairs(report, ("agreement",))
    )


def _aligned(report, cbs_needle, tp_needle):
    """Some fact (group of aligned claims) holds a CBS claim and a ThinkProgress claim with these words."""
    for group in report.facts:
        texts = [report.claim(c) for c in group]
        if any(c.source == "cbs" and cbs_needle in c.text for c in texts) and any(
            c.source == "thinkprogress" and tp_needle in c.text for c in texts
        ):
            return True
    return False


def test_fares_defection_is_aligned(report):
    assert _aligned(report, "Fares", "defected last week")


def test_tlass_defection_is_aligned(report):
    assert _aligned(report, "Tlass", "defected two weeks ago")


def test_tlass_timing_is_not_a_contradiction(report):
    # "last week" on 12 July and "two weeks ago" on 18 July are the same week.
    for f in report.of_kind("contradiction"):
        texts = _texts(report, f)
        assert not ("Tlass" in texts.get("cbs", "") and "two weeks ago" in texts.get("thinkprogress", "")), f


def test_treemseh_shelling_is_unique_to_cbs(report):
    cbs_unique = _unique_texts(report, "cbs")
    assert any("Treemseh" in t and "six" in t for t in cbs_unique)
    assert any("Treemseh" in t and "seven died" in t for t in cbs_unique)


def test_cnn_interview_details_are_unique_to_thinkprogress(report):
    tp_unique = " ".join(_unique_texts(report, "thinkprogress"))
    for detail in ("military intervention", "totalitarian regime", "34 years"):
        assert detail in tp_unique, detail


def test_observatory_and_committees_figures_are_a_discrepancy_within_cbs(report):
    within = [f for f in report.of_kind("discrepancy") if f.scope == "within"]
    assert len(within) == 1, within
    f = within[0]
    assert (f.conflicts[0].a, f.conflicts[0].b, f.conflicts[0].detail) == ("six people", "seven", "Treemseh")
    # "The activist group also said" is resolved to the Observatory named just before.
    assert "Syrian Observatory for Human Rights says 'six people'" in f.explanation
    assert "Local Coordination Committees says 'seven'" in f.explanation


def test_no_page_furniture_among_claims(report):
    claims = " ".join(c.text for c in report.claims)
    for furniture in (
        "Watch CBSN Live",
        "Special Section",
        "Brutal rape claims",
        "abandons Assad",
        "Watch the interview here",
        "Unknown iFrame",
        "View CBS News In",
        "(AP) BEIRUT",
    ):
        assert furniture not in claims, furniture
    reasons = {s.text: s.reason for s in report.skipped}
    assert "Watch CBSN Live" in reasons and "Unknown iFrame situation" in reasons


def test_interview_question_is_not_a_claim_and_answer_is_attributed(report):
    assert not any("Do you want a military intervention" in c.text for c in report.claims)
    answers = [c for c in report.claims if "I support military intervention" in c.text]
    assert answers and answers[0].facts.speaker == "Fares"


def test_headlines_are_claims(report):
    heads = {c.source: c.text for c in report.claims if c.kind == "headline"}
    assert heads["cbs"] == "Defected Syria envoy: Only force can topple Assad"
    assert heads["thinkprogress"].startswith("Top Syrian Defector Calls For Military Intervention")


def test_every_claim_quotes_its_original_span(report):
    for c in report.claims:
        original = report.source(c.source).text[c.start : c.end]
        assert (
            original.split()[0].strip("\u201c\"'").lower()[:3] == c.text.split()[0].strip("\"'").lower()[:3]
        ), (c, original)


def test_report_is_deterministic(report):
    again = compare([str(CBS), str(TP)])
    assert again.to_markdown() == report.to_markdown()
    assert again.to_json() == report.to_json()
