"""Negation conflicts: one claim denies what the other affirms, or reverses its stance
("supports" / "opposes") without a negation word."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..align import lexical
from ..lexicon import ANTONYM_STEMS, stem
from ..records import Claim, Conflict
from .clauses import clause, content, strip_spans
from .registry import Pair, detector


def _echoed(neg: Claim, pos: Claim) -> bool:
    """Every negation cue of one claim has its word in the other too, where the negation
    finder let it pass: "refused to" beside "initial refusal", "a no-confidence vote" beside
    "a vote of no confidence". Both say the same; neither reverses the other."""
    words = [cue.split()[0] for cue in neg.facts.negation_cues]
    if not words or any(w in ("not", "n't", "cannot") for w in words):  # a plain "not" is never echoed
        return False
    stems = [stem(w) for w in words]  # "refused" -> "refus" meets "refusal"
    return all(
        re.search(rf"\b{re.escape(st)}" if len(st) >= 4 else rf"\b{re.escape(w)}\b", pos.text, re.I)
        for w, st in zip(words, stems, strict=True)
    )


def _stem_hits(text: str, stem: str) -> re.Match | None:
    return re.search(rf"\b{stem}", text, re.I)


#: A stance told as what might have been: "she might be alive if the driver had listened".
_COUNTERFACTUAL = re.compile(r"\b(?:might|would|could)\s+(?:still\s+)?(?:have\s+)?(?:be|been)\s+$", re.I)


def _reversal(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The words of a stance one claim takes and the other reverses ("supports" / "opposes")."""
    for x, y in ANTONYM_STEMS:
        for p, q in ((x, y), (y, x)):
            hit_a, hit_b = _stem_hits(a.text, p), _stem_hits(b.text, q)
            if not (hit_a and hit_b) or _stem_hits(a.text, q) or _stem_hits(b.text, p):
                continue
            if any(_COUNTERFACTUAL.search(c.text, 0, m.start()) for c, m in ((a, hit_a), (b, hit_b))):
                continue
            # the two words must be said of one thing: "MacFarlane, who drew criticism for routines
            # like his song" and "her performance as the host was widely praised" are two hosts
            wa = content(clause(a.text, hit_a.start(), hit_a.end())) - content(hit_a.group())
            wb = content(clause(b.text, hit_b.start(), hit_b.end())) - content(hit_b.group())
            if not wa & wb:
                continue
            return hit_a.group(), hit_b.group()
    return None


def _negated_clause_told(neg: Claim, pos: Claim, share: float) -> bool:
    """The other claim tells what the negated clause is about: its content words, the cue left
    out, nearly all appear there (``share`` of them). "... and police did not have any suspects"
    negates nothing in a claim that never mentions suspects."""
    told = {w[:5] for w in content(pos.text)}  # five letters: "approve" meets "approved"
    for cue in neg.facts.negation_cues:
        cue_words = {w[:5] for w in content(cue)}
        for m in re.finditer(re.escape(cue), neg.text):
            whole = clause(neg.text, m.start(), m.end())
            words = {w[:5] for w in content(whole)} - cue_words
            # what is negated, the words after the cue, must be told too: "Man denies arson" denies
            # nothing in "Waitrose fire tackled", however much else the two share
            start = neg.text.find(whole) if whole in neg.text else 0
            scope = {w[:5] for w in content(neg.text[m.end() : start + len(whole)])} - cue_words
            if (
                words
                and len(words & told) >= share * len(words)
                and (not scope or 2 * len(scope & told) >= len(scope))
            ):
                return True
    return False


#: Who denies a charge contradicts no report of the charge: "denied arson" beside "charged with
#: arson" are both true.
_DENIAL = re.compile(r"\bden(?:y|ies|ied|ying)\b", re.I)
_ACCUSATION = re.compile(r"\b(?:charg|accus|suspect|suspicion|alleg|indict|arrest)", re.I)


def _cue_spans(c: Claim) -> list[tuple[int, int]]:
    return [m.span() for cue in c.facts.negation_cues for m in re.finditer(re.escape(cue), c.text)]


@detector(
    "negation",
    similarity=(0.70, "cosine at or above which one negated claim and one affirmed claim can conflict"),
    lexical=(0.80, "token-set ratio the two must reach once the negation cues are taken out"),
    told=(0.75, "share of the negated clause's content words the other claim must tell"),
)
def find(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    if a.facts.negated == b.facts.negated or pair.similarity < gates["similarity"]:
        return []
    neg, pos = (a, b) if a.facts.negated else (b, a)
    if lexical(strip_spans(a.text, _cue_spans(a)), strip_spans(b.text, _cue_spans(b))) < gates["lexical"]:
        return []
    if _echoed(neg, pos) or not _negated_clause_told(neg, pos, gates["told"]):
        return []
    if _DENIAL.search(" ".join(neg.facts.negation_cues)) and _ACCUSATION.search(pos.text):
        return []
    return [
        Conflict(
            "negation",
            "not" if a.facts.negated else "affirms",
            "not" if b.facts.negated else "affirms",
            ", ".join(neg.facts.negation_cues),
        )
    ]


@detector(
    "reversal", similarity=(0.60, "cosine at or above which antonyms (support / oppose) reverse a stance")
)
def find_reversal(a: Claim, b: Claim, pair: Pair, gates: Mapping[str, float]) -> list[Conflict]:
    if a.facts.negated != b.facts.negated or pair.similarity < gates["similarity"]:
        return []
    flip = _reversal(a, b)
    return [Conflict("negation", flip[0], flip[1], "reversed stance")] if flip else []
