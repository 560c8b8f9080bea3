"""Pair features: what the aligner and the diff engine know about two claims, as numbers.

The same function feeds the calibration script (``tools/fit_calibration.py``) and the run
time, so the weights fitted on public data apply to exactly the features computed here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from .extract import same_entity
from .extract.entities import AliasTable
from .lexicon import stem
from .records import Claim, Entity

NAMES = (
    "cosine",
    "token_set",
    "token_sort",
    "jaccard",
    "anchors",
    "unshared_names_min",
    "unshared_names",
    "numbers_differ",
    "numbers_unshared",
    "length_ratio",
    "cosine_x_token_set",
    "negation_differs",
    "unigram_a",
    "bigram_a",
    "trigram_a",
    "unigram_b",
    "bigram_b",
    "trigram_b",
    "unmatched_a",
    "unmatched_b",
    "length_gap",
    "char_ratio",
    "partial_ratio",
)

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")
_TOKEN = re.compile(r"[A-Za-z0-9]+")


class Prepared:
    """What pair features need of one claim, computed once per claim rather than once per pair
    (with many sources, one claim meets hundreds of candidates). Names are ids in a shared
    ``AliasTable``: as Entity(text, key) for the name rules, and as bare keys the way
    ``same_entity`` reads plain strings, for the anchor overlap."""

    __slots__ = (
        "claim",
        "words",
        "tokens",
        "token_set",
        "grams",
        "processed",
        "names",
        "name_set",
        "keys",
        "key_set",
        "values",
    )

    def __init__(self, claim: Claim, table: AliasTable):
        self.claim = claim
        self.words = {w.lower() for w in _WORD.findall(claim.text)}
        self.tokens = t = [w.lower() for w in _TOKEN.findall(claim.text)]
        self.token_set = set(t)
        self.grams = [Counter(tuple(t[i : i + n]) for i in range(len(t) - n + 1)) for n in (1, 2, 3)]
        self.processed = default_process(claim.text)
        self.names = [table.id(Entity(e.text, 0, 0, e.key)) for e in claim.facts.entities]
        self.name_set = set(self.names)
        self.keys = list(dict.fromkeys(table.id(e.key) for e in claim.facts.entities if e.key))
        self.key_set = set(self.keys)
        self.values = {q.value for q in claim.facts.quantities}


def _unmatched(x: list[int], y: set[int], table: AliasTable) -> int:
    return sum(1 for i in x if table.aliases(i).isdisjoint(y))


def _anchor_overlap(a: Prepared, b: Prepared, table: AliasTable) -> float:
    nums_a, nums_b = a.values, b.values
    total = min(len(a.keys) + len(nums_a), len(b.keys) + len(nums_b))
    if total == 0:
        return 0.0
    shared = min(sum(1 for x in a.keys if not table.aliases(x).isdisjoint(b.key_set)), len(b.keys))
    return min(1.0, (shared + len(nums_a & nums_b)) / total)


def _ngram_precision(gx: list[Counter], gy: list[Counter]) -> list[float]:
    """BLEU-style: the share of x's 1-, 2- and 3-grams found in y (clipped counts). Paraphrases
    keep runs of words; same-topic sentences with other facts share words but not runs."""
    out = []
    for cx, cy in zip(gx, gy, strict=True):
        shared = sum(min(cx[g], cy[g]) for g in cx.keys() & cy.keys())
        out.append(shared / max(1, sum(cx.values())))
    return out


def _set_features(a: Prepared, b: Prepared, table: AliasTable) -> list[float]:
    """Every feature but the cosine and the four string ratios (``_RATIOS``), for one pair."""
    wa, wb = a.words, b.words
    ua, ub = _unmatched(a.names, b.name_set, table), _unmatched(b.names, a.name_set, table)
    na, nb = a.values, b.values
    ta, tb, sa, sb = a.tokens, b.tokens, a.token_set, b.token_set
    return [
        len(wa & wb) / max(1, len(wa | wb)),
        _anchor_overlap(a, b, table),
        min(ua, ub) / 3.0,
        (ua + ub) / 6.0,
        1.0 if na and nb and not na & nb else 0.0,
        len(na ^ nb) / max(1, len(na | nb)),
        min(len(wa), len(wb)) / max(1, len(wa), len(wb)),
        1.0 if a.claim.facts.negated != b.claim.facts.negated else 0.0,
        *_ngram_precision(a.grams, b.grams),
        *_ngram_precision(b.grams, a.grams),
        len(sa - sb) / max(1, len(sa)),
        len(sb - sa) / max(1, len(sb)),
        abs(len(ta) - len(tb)) / max(1, len(ta), len(tb)),
    ]


#: the string ratios, computed for all pairs at once in rapidfuzz's C++ (``process.cpdist``):
#: (feature, scorer, on default_process'ed text or raw text)
_RATIOS = (
    ("token_set", fuzz.token_set_ratio, True),
    ("token_sort", fuzz.token_sort_ratio, True),
    ("char_ratio", fuzz.ratio, False),
    ("partial_ratio", fuzz.partial_ratio, False),
)
_SET_NAMES = (
    "jaccard",
    "anchors",
    "unshared_names_min",
    "unshared_names",
    "numbers_differ",
    "numbers_unshared",
    "length_ratio",
    "negation_differs",
    "unigram_a",
    "bigram_a",
    "trigram_a",
    "unigram_b",
    "bigram_b",
    "trigram_b",
    "unmatched_a",
    "unmatched_b",
    "length_gap",
)


#: From this many pairs on, the set features are computed as sparse-matrix row operations
#: (``_bulk_set_features``); below it scipy's set-up costs more than the Python loop saves.
_BULK = 256


def _sparse(items: Sequence, vocab: dict):
    """One row of counts per item (a Counter, or an iterable to count); columns from ``vocab``,
    which grows as new keys appear."""
    from scipy.sparse import csr_matrix

    indptr, indices, data = [0], [], []
    for item in items:
        for k, v in (item if isinstance(item, Counter) else Counter(item)).items():
            indices.append(vocab.setdefault(k, len(vocab)))
            data.append(v)
        indptr.append(len(indices))
    return csr_matrix(
        (
            np.asarray(data, dtype=np.float64),
            np.asarray(indices, dtype=np.int64),
            np.asarray(indptr, dtype=np.int64),
        ),
        shape=(len(items), max(1, len(vocab))),
    )


def _bulk_set_features(P: Sequence[Prepared], I: np.ndarray, J: np.ndarray, table: AliasTable) -> np.ndarray:
    """``_set_features`` of every pair ``(P[I[n]], P[J[n]])`` at once, with no Python loop over
    pairs: shared words, n-grams (clipped counts: an elementwise minimum), figures and aliased
    names are row-wise sparse products. The same numbers to the last bit: every count is an
    integer, and each ratio the same float division of the same two integers."""
    from scipy.sparse import csr_matrix

    def shared(M, clipped=False):
        A, B = M[I], M[J]
        return np.asarray((A.minimum(B) if clipped else A.multiply(B)).sum(axis=1), dtype=np.float64).ravel()

    def count(attr):
        return np.asarray([len(getattr(p, attr)) for p in P], dtype=np.float64)

    n_words, n_tokens, n_values = count("words"), count("token_set"), count("values")
    n_names, n_keys, length = count("names"), count("keys"), count("tokens")
    # Names: ALIAS[x, y] = 1 when y is an alias of x, so (b's names @ ALIAS.T)[x] > 0 says that
    # x has an alias among b's names; a's names are counted with repeats, as _unmatched does.
    n_ids = max(1, len(table.names))
    links = [(x, y) for x in sorted({i for p in P for i in (*p.names, *p.keys)}) for y in table.aliases(x)]
    alias = csr_matrix(
        (np.ones(len(links)), ([x for x, _ in links], [y for _, y in links])), shape=(n_ids, n_ids)
    )
    ids = {i: i for i in range(n_ids)}
    names, name_set, keys = (
        _sparse([getattr(p, a) for p in P], dict(ids)) for a in ("names", "name_set", "keys")
    )

    def found(M, X, other, Y):  # per pair: how many of X's (counted) names have an alias among Y's
        return np.asarray(M[X].multiply((other[Y] @ alias.T) > 0).sum(axis=1), dtype=np.float64).ravel()

    ua = n_names[I] - found(names, I, name_set, J)
    ub = n_names[J] - found(names, J, name_set, I)
    values = _sparse([p.values for p in P], {})
    same_values = shared(values)
    anchor_total = np.minimum(n_keys[I] + n_values[I], n_keys[J] + n_values[J])
    anchored = np.minimum(found(keys, I, keys, J), n_keys[J]) + same_values
    anchors = np.where(anchor_total == 0, 0.0, np.minimum(1.0, anchored / np.maximum(anchor_total, 1)))
    same_words = shared(_sparse([p.words for p in P], {}))
    same_tokens = shared(_sparse([p.token_set for p in P], {}))
    negated = np.asarray([p.claim.facts.negated for p in P])
    value_union = n_values[I] + n_values[J] - same_values
    one = np.ones(len(I))
    out = [
        same_words / np.maximum(1, n_words[I] + n_words[J] - same_words),
        anchors,
        np.minimum(ua, ub) / 3.0,
        (ua + ub) / 6.0,
        ((n_values[I] > 0) & (n_values[J] > 0) & (same_values == 0)).astype(np.float64),
        (value_union - same_values) / np.maximum(1, value_union),
        np.minimum(n_words[I], n_words[J]) / np.maximum.reduce([one, n_words[I], n_words[J]]),
        (negated[I] != negated[J]).astype(np.float64),
    ]
    grams = [_sparse([p.grams[n] for p in P], {}) for n in range(3)]
    totals = [np.asarray(g.sum(axis=1), dtype=np.float64).ravel() for g in grams]
    same_grams = [shared(g, clipped=True) for g in grams]
    out += [same_grams[n] / np.maximum(1, totals[n][I]) for n in range(3)]
    out += [same_grams[n] / np.maximum(1, totals[n][J]) for n in range(3)]
    out += [
        (n_tokens[I] - same_tokens) / np.maximum(1, n_tokens[I]),
        (n_tokens[J] - same_tokens) / np.maximum(1, n_tokens[J]),
        np.abs(length[I] - length[J]) / np.maximum.reduce([one, length[I], length[J]]),
    ]
    return np.column_stack(out)


def batch_features(
    claims: Sequence[Claim],
    I: Sequence[int],
    J: Sequence[int],
    cosine: Sequence[float],
    with_partial: bool = True,
) -> np.ndarray:
    """Features (rows in the order of ``NAMES``) of the pairs ``(claims[I[n]], claims[J[n]])``.

    Each claim is prepared once, names are matched once per pair of distinct names, and the
    string ratios run in bulk: with 50 sources a claim is scored against ~200 candidates.
    ``with_partial=False`` leaves the costliest ratio, ``partial_ratio``, at 0.0 for a caller
    that computes it (``partial_ratios``) only for the pairs where it can matter."""
    table = AliasTable()
    prepared: dict[int, Prepared] = {}
    I, J = [int(i) for i in I], [int(j) for j in J]
    for i in (*I, *J):
        if i not in prepared:
            prepared[i] = Prepared(claims[i], table)
    X = np.zeros((len(I), len(NAMES)), dtype=np.float64)
    if not len(I):
        return X
    X[:, NAMES.index("cosine")] = np.asarray(cosine, dtype=np.float64)
    A, B = [prepared[i] for i in I], [prepared[j] for j in J]
    for name, scorer, processed in _RATIOS:
        if name == "partial_ratio" and not with_partial:
            continue
        xa = [p.processed if processed else p.claim.text for p in A]
        xb = [p.processed if processed else p.claim.text for p in B]
        X[:, NAMES.index(name)] = (
            process.cpdist(xa, xb, scorer=scorer, processor=None, dtype=np.float64, workers=-1) / 100.0
        )
    columns = [NAMES.index(n) for n in _SET_NAMES]
    if len(I) >= _BULK:
        row = {i: n for n, i in enumerate(prepared)}
        X[:, columns] = _bulk_set_features(
            list(prepared.values()), np.asarray([row[i] for i in I]), np.asarray([row[j] for j in J]), table
        )
    else:
        X[:, columns] = [_set_features(a, b, table) for a, b in zip(A, B, strict=True)]
    X[:, NAMES.index("cosine_x_token_set")] = X[:, NAMES.index("cosine")] * X[:, NAMES.index("token_set")]
    return X


def partial_ratios(claims: Sequence[Claim], I: Sequence[int], J: Sequence[int]) -> np.ndarray:
    """The ``partial_ratio`` feature alone (on the raw texts, as ``_RATIOS`` says)."""
    if not len(I):
        return np.zeros(0)
    return (
        process.cpdist(
            [claims[i].text for i in I],
            [claims[j].text for j in J],
            scorer=fuzz.partial_ratio,
            processor=None,
            dtype=np.float64,
            workers=-1,
        )
        / 100.0
    )


def pair_features(a: Claim, b: Claim, cosine: float) -> np.ndarray:
    """Features of one claim pair, in the order of ``NAMES``."""
    return batch_features((a, b), (0,), (1,), (cosine,))[0]


#: Features of (source claim, draft claim) for check(): the pair features, how much of the draft
#: claim the source covers (entailment is one-way), and the typed conflicts the diff found.
VERDICT_NAMES = NAMES + (
    "covered_words",
    "covered_names",
    "covered_numbers",
    "conflict_number",
    "conflict_time",
    "conflict_entity",
    "conflict_negation",
    "conflict_attribution",
)
CONFLICT_TYPES = ("number", "time", "entity", "negation", "attribution")


def _stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if len(w) > 3}


def verdict_features(source: Claim, draft: Claim, cosine: float, conflict_types: set[str]) -> np.ndarray:
    draft_words = _stems(draft.text)
    names = draft.facts.entities
    numbers = draft.facts.quantities
    source_values = {q.value for q in source.facts.quantities}
    coverage = [
        len(draft_words & _stems(source.text)) / max(1, len(draft_words)),
        sum(any(same_entity(e, f) for f in source.facts.entities) for e in names) / len(names)
        if names
        else 1.0,
        sum(q.value in source_values for q in numbers) / len(numbers) if numbers else 1.0,
    ]
    flags = [1.0 if t in conflict_types else 0.0 for t in CONFLICT_TYPES]
    return np.concatenate([pair_features(source, draft, cosine), coverage, flags])
