"""The dev gold's scoring: a finding hits an annotated pair when its claims cover both quotes."""

import json

from compare.evaluate import GOLD, score_gold
from compare.records import Claim, Finding, Source
from compare.report import Report

TEXTS = {
    "d1": "A storm hit on Monday, killing four people.\nHer 9-year-old son was unhurt.",
    "d2": "One person died in the storm, the agency said.\nA 41-year-old man was arrested.",
}


def _claim(cid: str, doc: str, sentence: str) -> Claim:
    start = TEXTS[doc].index(sentence)
    return Claim(cid, doc, sentence, start, start + len(sentence))


CLAIMS = [
    _claim("d1:1", "d1", "A storm hit on Monday, killing four people."),
    _claim("d1:2", "d1", "Her 9-year-old son was unhurt."),
    _claim("d2:1", "d2", "One person died in the storm, the agency said."),
    _claim("d2:2", "d2", "A 41-year-old man was arrested."),
]
CLUSTER = {
    "conflicts": [
        {"a": {"doc": "d1", "quote": "killing four people"}, "b": {"doc": "d2", "quote": "One person died"}},
    ],
    "traps": [
        {"a": {"doc": "d1", "quote": "9-year-old son"}, "b": {"doc": "d2", "quote": "41-year-old man"}}
    ],
    "agreements": [
        {"a": {"doc": "d1", "quote": "A storm hit"}, "b": {"doc": "d2", "quote": "died in the storm"}}
    ],
}


def _report(*findings: Finding) -> Report:
    sources = tuple(Source(d, d, t) for d, t in TEXTS.items())
    return Report(sources=sources, claims=tuple(CLAIMS), findings=findings)


def test_a_contradiction_on_the_annotated_pair_is_found_and_right():
    score = score_gold(_report(Finding("contradiction", ("d2:1", "d1:1"), 0.9, "number")), CLUSTER, TEXTS)
    assert len(score.found) == 1 and not score.missed
    assert len(score.true_contradictions) == 1 and not score.false_contradictions


def test_a_contradiction_between_other_claims_is_unbacked_and_a_trap_is_counted():
    score = score_gold(_report(Finding("contradiction", ("d1:2", "d2:2"), 0.9, "number")), CLUSTER, TEXTS)
    assert len(score.missed) == 1 and not score.found
    assert len(score.false_contradictions) == 1
    assert [kind for _, kind in score.traps_hit] == ["contradiction"]


def test_a_discrepancy_finds_a_conflict_but_is_no_contradiction():
    score = score_gold(_report(Finding("discrepancy", ("d1:1", "d2:1"), 0.9, "speakers")), CLUSTER, TEXTS)
    assert len(score.found) == 1
    assert not score.true_contradictions and not score.false_contradictions


def test_a_doubted_conflict_is_neither_found_nor_missed_but_backs_a_contradiction():
    doubted = {**CLUSTER, "conflicts": [{**CLUSTER["conflicts"][0], "review": "doubtful: approximate"}]}
    score = score_gold(_report(Finding("contradiction", ("d1:1", "d2:1"), 0.9, "number")), doubted, TEXTS)
    assert not score.found and not score.missed
    assert len(score.true_contradictions) == 1


def test_agreements_are_matched_by_quote():
    score = score_gold(_report(Finding("agreement", ("d1:1", "d2:1"), 0.9, "same")), CLUSTER, TEXTS)
    assert len(score.agreements_found) == 1 and not score.agreements_missed


def test_the_gold_file_holds_quotes_only_with_the_promised_shape():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert len(gold["clusters"]) >= 12 and len(gold["different_events"]) >= 3
    for cluster in gold["clusters"]:
        assert 3 <= len(cluster["docs"]) <= 5
        for section in ("conflicts", "traps", "agreements"):
            for item in cluster[section]:
                for side in (item["a"], item["b"]):
                    assert side["doc"] in cluster["docs"]
                    assert len(side["quote"].split()) <= 25  # quotes, never whole texts


def test_a_one_sentence_finding_hits_a_conflict_whose_two_quotes_it_holds():
    texts = {"d1": "The center said 5.9, but the survey said 6.1."}
    claim = Claim("d1:1", "d1", texts["d1"], 0, len(texts["d1"]))
    cluster = {
        "conflicts": [
            {"a": {"doc": "d1", "quote": "center said 5.9"}, "b": {"doc": "d1", "quote": "survey said 6.1"}}
        ]
    }
    report = Report(
        sources=(Source("d1", "d1", texts["d1"]),),
        claims=(claim,),
        findings=(Finding("discrepancy", ("d1:1",), 0.6, "two figures", scope="within"),),
    )
    assert len(score_gold(report, cluster, texts).found) == 1


def test_each_contradiction_is_scored_as_the_reader_judged_it():
    from compare.evaluate import judge

    items = [
        {
            "a": {"doc": "d1", "quote": "killing four people"},
            "b": {"doc": "d2", "quote": "One person died"},
            "verdict": "holds",
        },
        {
            "a": {"doc": "d1", "quote": "9-year-old son"},
            "b": {"doc": "d2", "quote": "41-year-old man"},
            "verdict": "wrong",
        },
    ]
    report = _report(
        Finding("contradiction", ("d2:1", "d1:1"), 0.9, "number"),
        Finding("contradiction", ("d1:2", "d2:2"), 0.9, "number"),
        Finding("contradiction", ("d1:1", "d2:2"), 0.9, "number"),
        Finding("agreement", ("d1:2", "d2:1"), 0.9, "same"),
    )
    assert judge(report, items, TEXTS) == {"holds": 1, "wrong": 1, "unjudged": 1}


def test_the_judged_file_holds_quotes_only_and_known_verdicts():
    from compare.evaluate import JUDGED

    judged = json.loads(JUDGED.read_text(encoding="utf-8"))
    assert len(judged["items"]) >= 100
    for item in judged["items"]:
        assert item["verdict"] in ("holds", "wrong", "update", "unsure")
        for side in (item["a"], item["b"]):
            assert side["doc"].startswith(item["subtopic"].split("_")[0] + "_")
            assert len(side["quote"].split()) <= 12  # the opening words of a claim, never a text


def test_ecbplus_tokens_are_put_back_into_news_text():
    from compare.evaluate import detokenize

    # a figure written from its point keeps it: no full stop that would split the claim
    assert (
        detokenize("pointed a . 38 - caliber revolver at them .") == "pointed a .38-caliber revolver at them."
    )
    assert detokenize("a career . 290 hitter") == "a career .290 hitter"
    assert detokenize("A . 38 - caliber revolver was found .") == "A .38-caliber revolver was found."
    # ... but an abbreviation before a number stays one
    assert detokenize("on Nov . 30 at E . 52nd St . , his No . 10") == "on Nov. 30 at E. 52nd St., his No. 10"
    assert detokenize("the $ 27 . 5 million , 20 , 000 people") == "the $27.5 million, 20,000 people"
