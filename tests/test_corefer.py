"""Corefer: an unnamed person in one source read as the person another source names, only when
the descriptions share a role and one more word, one person fits, and nothing says otherwise."""

import json

from compare import Article, compare
from compare.corefer import embedding_text, resolve, unnamed
from compare.extract import annotate
from compare.records import Claim

NAMED = "Col. Maria Duarte, a navy commander and close ally of the president, resigned on Friday."


def _claims(source, *texts):
    return list(
        annotate([Claim(f"{source}:{n}", source, t, 0, len(t)) for n, t in enumerate(texts, 1)], None)
    )


def _refs(*texts_b, named=(NAMED,)):
    claims = resolve([*_claims("a", *named), *_claims("b", *texts_b)])
    return [(c.id, r) for c in claims for r in c.facts.references]


def test_description_is_read_as_the_person_another_source_names():
    [(cid, ref)] = _refs("Another navy commander and presidential ally stepped down this week.")
    assert cid == "b:1" and ref.name == "Maria Duarte" and ref.claim == "a:1"
    assert ref.text == "Another navy commander and presidential ally"
    assert set(ref.shared) == {"navy", "commander", "ally"}


def test_the_resolved_description_is_an_entity_of_the_person_at_its_own_offsets():
    claim = resolve(
        [*_claims("a", NAMED), *_claims("b", "Besides Park, a navy commander and ally of Lisbon quit.")]
    )[1]
    ref = claim.facts.references[0]
    assert claim.text[ref.start : ref.end] == "a navy commander and ally"
    assert any(e.key == ref.key and (e.start, e.end) == (ref.start, ref.end) for e in claim.facts.entities)
    assert embedding_text(claim) == "Besides Park, Maria Duarte, a navy commander and ally, of Lisbon quit."


def test_a_lead_in_name_is_not_an_appositive_but_a_real_appositive_names_the_person():
    assert unnamed(_claims("b", "Besides Park, a navy commander resigned.")[0])
    assert not unnamed(_claims("b", "Park, a navy commander, resigned.")[0])


def test_predicates_and_noun_modifiers_are_not_people():
    assert not unnamed(_claims("b", "Her successor was a navy commander from the north.")[0])
    assert not unnamed(_claims("b", "Unions called a general strike for Monday.")[0])


def test_generic_words_alone_do_not_join_two_descriptions():
    named = ("John Park, a senior official at the ministry, said the talks had failed.",)
    assert not _refs("A senior official said the talks had failed.", named=named)


def test_no_guess_when_two_people_fit_equally():
    named = (NAMED, "Col. Luis Mota, a navy commander and ally of the president, stayed.")
    assert not _refs("Another navy commander and presidential ally stepped down.", named=named)


def test_no_guess_when_the_describing_source_names_the_person_itself():
    assert not _refs(
        "Another navy commander and presidential ally stepped down.", "Duarte declined to comment."
    )


def test_compare_joins_the_claims_and_says_why(fake_embedder):
    a = Article(text=f"Navy chief quits. {NAMED} The ministry named no successor.", id="a")
    b = Article(
        text="Another navy commander and presidential ally resigned on Friday. Her ship stays in port.",
        id="b",
    )
    report = compare([a, b], embedder=fake_embedder, cache_dir=None)
    claim = next(c for c in report.to_dict()["claims"] if c["references"])
    ref = claim["references"][0]
    assert claim["text"][ref["start"] : ref["end"]] == "Another navy commander and presidential ally"
    assert ref["name"] == "Maria Duarte" and ref["source"] == "a"
    joined = [
        f for f in report.findings if claim["id"] in f.claims and "is read as Maria Duarte" in f.explanation
    ]
    assert joined, [f.explanation for f in report.findings if claim["id"] in f.claims]
    assert json.loads(report.to_json())["claims"] == report.to_dict()["claims"]


def test_a_draft_borrows_a_name_from_its_sources_but_never_lends_one():
    # A source's "a navy commander" must not become the draft's Maria Duarte: that would count
    # the draft's own name as the source's support.
    draft, source = (
        _claims("draft", NAMED),
        _claims("src", "Another navy commander and presidential ally stepped down."),
    )
    assert not [r for c in resolve([*draft, *source], describers=["src"]) for r in c.facts.references]
    draft, source = (
        _claims("draft", "Another navy commander and presidential ally stepped down."),
        _claims("src", NAMED),
    )
    [claim, _] = resolve([*draft, *source], describers=["src"])
    assert claim.facts.references[0].name == "Maria Duarte"


def test_check_reads_the_draft_against_the_sources_names(fake_embedder):
    from compare import check

    report = check(
        Article(text=NAMED, id="draft"),
        [Article(text="Another navy commander and presidential ally resigned on Friday.", id="src")],
        embedder=fake_embedder,
        cache_dir=None,
    )
    assert not any(c.facts.references for c in report.claims)


def test_a_description_stops_at_its_verb():
    # "met" is no role word's modifier: the description is "a senior general and Assad confidant",
    # not a phrase running on to the "Gen." of the man he met.
    [(start, end, words)] = unnamed(
        _claims("b", "Later a senior general and Assad confidant met Gen. John Smith in Paris.")[0]
    )
    assert words == {"general", "assad", "confidant"}
