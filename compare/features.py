"""Pair features: what the aligner and the diff engine know about two claims, as numbers.

The same function feeds the calibration script (``compare/calibration/fit.py``) and the run
time, so the weights fitted on public data apply to exactly the features computed here.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from .extract import same_entity
from .records import Claim

NAMES = (
    "cosine", "token_set", "token_sort", "jaccard", "anchors", "unshared_names_min", "unshared_names",
    "numbers_differ", "numbers_unshared", "length_ratio", "cosine_x_token_set", "negation_differs",
    "unigram_a", "bigram_a", "trigram_a", "unigram_b", "bigram_b", "trigram_b",
    "unmatched_a", "unmatched_b", "length_gap", "char_ratio", "partial_ratio",
)

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")
_TOKEN = re.compile(r"[A-Za-z0-9]+")


def _anchor_overlap(a: Claim, b: Claim) -> float:
    names_a = {e.key for e in a.facts.entities if e.key}
    names_b = [e.key for e in b.facts.entities if e.key]
    nums_a = {q.value for q in a.facts.quantities}
    nums_b = {q.value for q in b.facts.quantities}
    total = min(len(names_a) + len(nums_a), len(set(names_b)) + len(nums_b))
    if total == 0:
        return 0.0
    shared = min(sum(1 for x in names_a if any(same_entity(x, y) for y in names_b)), len(set(names_b)))
    return min(1.0, (shared + len(nums_a & nums_b)) / total)


def _ngram_precision(x: list[str], y: list[str]) -> list[float]:
    """BLEU-style: the share of x's 1-, 2- and 3-grams found in y. Paraphrases keep runs of
    words; same-topic sentences with other facts share words but not runs."""
    out = []
    for n in (1, 2, 3):
        gx = Counter(tuple(x[i:i + n]) for i in range(len(x) - n + 1))
        gy = Counter(tuple(y[i:i + n]) for i in range(len(y) - n + 1))
        out.append(sum((gx & gy).values()) / max(1, sum(gx.values())))
    return out


def _surface(a: str, b: str) -> list[float]:
    ta = [w.lower() for w in _TOKEN.findall(a)]
    tb = [w.lower() for w in _TOKEN.findall(b)]
    sa, sb = set(ta), set(tb)
    return [*_ngram_precision(ta, tb), *_ngram_precision(tb, ta),
            len(sa - sb) / max(1, len(sa)), len(sb - sa) / max(1, len(sb)),
            abs(len(ta) - len(tb)) / max(1, len(ta), len(tb)),
            fuzz.ratio(a, b) / 100.0, fuzz.partial_ratio(a, b) / 100.0]


def pair_features(a: Claim, b: Claim, cosine: float) -> np.ndarray:
    """Features of one claim pair, in the order of ``NAMES``."""
    wa = {w.lower() for w in _WORD.findall(a.text)}
    wb = {w.lower() for w in _WORD.findall(b.text)}
    ua = sum(1 for e in a.facts.entities if not any(same_entity(e, f) for f in b.facts.entities))
    ub = sum(1 for e in b.facts.entities if not any(same_entity(e, f) for f in a.facts.entities))
    na = {q.value for q in a.facts.quantities}
    nb = {q.value for q in b.facts.quantities}
    token_set = fuzz.token_set_ratio(a.text, b.text, processor=default_process) / 100.0
    return np.array([
        cosine,
        token_set,
        fuzz.token_sort_ratio(a.text, b.text, processor=default_process) / 100.0,
        len(wa & wb) / max(1, len(wa | wb)),
        _anchor_overlap(a, b),
        min(ua, ub) / 3.0,
        (ua + ub) / 6.0,
        1.0 if na and nb and not na & nb else 0.0,
        len(na ^ nb) / max(1, len(na | nb)),
        min(len(wa), len(wb)) / max(1, len(wa), len(wb)),
        cosine * token_set,
        1.0 if a.facts.negated != b.facts.negated else 0.0,
        *_surface(a.text, b.text),
    ], dtype=np.float64)


#: Features of (source claim, draft claim) for check(): the pair features, how much of the draft
#: claim the source covers (entailment is one-way), and the typed conflicts the diff found.
VERDICT_NAMES = NAMES + (
    "covered_words", "covered_names", "covered_numbers",
    "conflict_number", "conflict_time", "conflict_entity", "conflict_negation", "conflict_attribution",
)
CONFLICT_TYPES = ("number", "time", "entity", "negation", "attribution")


def _stems(text: str) -> set[str]:
    # Five-letter prefixes: "killed"/"killing", "defected"/"defection" meet without a stemmer.
    return {w.lower()[:5] for w in _WORD.findall(text) if len(w) > 3}


def verdict_features(source: Claim, draft: Claim, cosine: float, conflict_types: set[str]) -> np.ndarray:
    draft_words = _stems(draft.text)
    names = draft.facts.entities
    numbers = draft.facts.quantities
    source_values = {q.value for q in source.facts.quantities}
    coverage = [
        len(draft_words & _stems(source.text)) / max(1, len(draft_words)),
        sum(any(same_entity(e, f) for f in source.facts.entities) for e in names) / len(names) if names else 1.0,
        sum(q.value in source_values for q in numbers) / len(numbers) if numbers else 1.0,
    ]
    flags = [1.0 if t in conflict_types else 0.0 for t in CONFLICT_TYPES]
    return np.concatenate([pair_features(source, draft, cosine), coverage, flags])
