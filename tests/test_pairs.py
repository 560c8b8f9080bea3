"""Candidate pairs as matrix operations: the same answers as the plain loops they replace."""

from __future__ import annotations

import numpy as np
import pytest

from compare import align, calibration
from compare.features import pair_features
from compare.ingest import load_sources
from compare.options import Options
from compare.pairs import nearest_by_source, nearest_other, score_pairs
from compare.pipeline import prepare
from compare.records import Article

from .conftest import CBS, TP, FakeEmbedder


def _unit(rng, n, d=32):
    v = rng.normal(size=(n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize("sizes", [(7, 5), (1, 9), (3, 3, 3, 3), (12, 2, 5)])
@pytest.mark.parametrize("block_cells", [7, 4_000_000])
def test_nearest_by_source_is_each_claims_top_k_per_other_source(sizes, block_cells):
    rng = np.random.default_rng(sum(sizes))
    source_no = np.repeat(np.arange(len(sizes)), sizes)
    rng.shuffle(source_no)
    vectors = _unit(rng, len(source_no))
    k, floor = 2, -0.2
    I, J, cos = nearest_by_source(vectors, source_no, k, floor, block_cells)
    got = {(int(i), int(j)) for i, j in zip(I, J, strict=True)}
    want = set()
    for i in range(len(source_no)):
        for s in set(source_no.tolist()) - {source_no[i]}:
            cols = np.flatnonzero(source_no == s)
            sims = vectors[cols] @ vectors[i]
            want |= {(i, int(cols[c])) for c in np.argsort(-sims)[:k] if sims[c] >= floor}
    assert got == want
    assert np.allclose(cos, np.einsum("ij,ij->i", vectors[I], vectors[J]), atol=1e-6)


def test_nearest_other_skips_the_claims_own_source():
    rng = np.random.default_rng(3)
    source_no = np.array([0, 0, 1, 1, 1, 2])
    vectors = _unit(rng, 6)
    best, cos = nearest_other(vectors, source_no, np.arange(6), block_cells=5)
    for i in range(6):
        others = np.flatnonzero(source_no != source_no[i])
        sims = vectors[others] @ vectors[i]
        assert best[i] == others[np.argmax(sims)]
        assert cos[i] == pytest.approx(float(sims.max()), abs=1e-6)
    lonely, _ = nearest_other(vectors, np.zeros(6, dtype=int), np.arange(6))
    assert (lonely == -1).all()


def _reference_align(claims, vectors, options):
    """The aligner one pair at a time, as it was written before the array version."""
    event_t = calibration.threshold("same_event")
    fact_t = calibration.threshold("same_fact")
    order = list(dict.fromkeys(c.source for c in claims))
    source_of = np.array([c.source for c in claims])
    everyone = np.arange(len(claims))
    best = {i: {} for i in range(len(claims))}
    scored = {}
    for s in order:
        cols, rows = everyone[source_of == s], everyone[source_of != s]
        sims = vectors[rows] @ vectors[cols].T
        for r, i in enumerate(rows):
            kept = []
            for c in np.argsort(-sims[r])[: align._CANDIDATES]:
                sim = sims[r, c]
                if sim < align._COSINE_FLOOR:
                    continue
                j = int(cols[c])
                key = (min(i, j), max(i, j))
                if key not in scored:
                    x = pair_features(claims[key[0]], claims[key[1]], float(sim))
                    scored[key] = (
                        float(calibration.probability("same_event", x)),
                        float(calibration.probability("same_fact", x)),
                    )
                event, fact = scored[key]
                if event >= event_t or fact >= fact_t:
                    kept.append((max(event, fact), j))
            kept.sort(key=lambda t: (-t[0], t[1]))
            if kept:
                best[int(i)][s] = [
                    j for e, j in kept[: options.max_matches] if e >= kept[0][0] - options.match_margin
                ]
    return {
        (claims[i].id, claims[j].id)
        for (i, j) in scored
        if j in best[i].get(claims[j].source, ()) and i in best[j].get(claims[i].source, ())
    }


@pytest.mark.parametrize("extra", [0, 1, 3])
def test_array_aligner_matches_the_pair_by_pair_one(extra):
    # The seeds, plus copies of halves of them under other names: more sources, many close pairs.
    half = CBS.read_text(encoding="utf-8")[:2500], TP.read_text(encoding="utf-8")[:1500]
    articles = [str(CBS), str(TP), *(Article(text=half[n % 2], id=f"copy{n}") for n in range(extra))]
    claims, _, _ = prepare(load_sources(articles))
    vectors = FakeEmbedder().embed([c.text for c in claims])
    options = Options(cache_dir=None)
    got = align.align(claims, vectors, options)
    assert {(m.a, m.b) for m in got} == _reference_align(claims, vectors, options)
    index = {c.id: n for n, c in enumerate(claims)}
    assert [(m.a, m.b) for m in got] == sorted(
        ((m.a, m.b) for m in got), key=lambda p: (index[p[0]], index[p[1]])
    )
    assert got or extra == 0


def test_score_pairs_is_the_one_pair_path():
    claims, _, _ = prepare(load_sources([str(CBS), str(TP)]))
    I, J = np.array([0, 3, 5]), np.array([len(claims) - 1, len(claims) - 2, len(claims) - 3])
    cos = np.array([0.5, 0.7, 0.1])
    got = score_pairs(claims, I, J, cos, ("same_event", "same_fact"))
    for n, (i, j) in enumerate(zip(I, J, strict=True)):
        x = pair_features(claims[i], claims[j], float(cos[n]))
        assert got["same_event"][n] == float(calibration.probability("same_event", x))
        assert got["same_fact"][n] == float(calibration.probability("same_fact", x))


def test_align_with_one_source_or_no_candidates():
    claims, _, _ = prepare(load_sources([str(CBS), str(TP)]))
    cbs = [c for c in claims if c.source == "cbs"]
    vectors = FakeEmbedder().embed([c.text for c in cbs])
    assert align.align(cbs, vectors, Options(cache_dir=None)) == ()
    orthogonal = np.eye(len(claims), dtype=np.float32)  # every cosine 0: below the floor
    assert align.align(claims, orthogonal, Options(cache_dir=None)) == ()


def test_features_in_a_batch_are_the_features_of_each_pair_alone():
    # The batch path shares prepared claims, one name table and bulk string ratios, and from 256
    # pairs on computes the set features as sparse-matrix products; a single pair takes the
    # plain Python path. Any state leaking between pairs, or any rounding the sparse path adds,
    # would make a pair's features depend on its neighbours.
    from compare.features import _BULK, batch_features

    assert 300 >= _BULK

    claims, _, _ = prepare(load_sources([str(CBS), str(TP)]))
    rng = np.random.default_rng(3)
    I, J = rng.integers(0, len(claims), 300), rng.integers(0, len(claims), 300)
    cos = rng.uniform(-0.2, 1.0, 300)
    X = batch_features(claims, I, J, cos)
    for n in range(300):
        assert np.array_equal(X[n], pair_features(claims[I[n]], claims[J[n]], float(cos[n]))), n
    assert len({tuple(r) for r in X}) > 250


def test_scores_bounded_below_a_floor_decide_exactly_as_the_exact_scores():
    # With floors, pairs that cannot reach any floor skip partial_ratio and get an upper bound;
    # every pair that reaches a floor keeps its exact probability, and no decision changes.
    claims, _, _ = prepare(load_sources([str(CBS), str(TP)]))
    rng = np.random.default_rng(11)
    I, J = rng.integers(0, len(claims), 400), rng.integers(0, len(claims), 400)
    cos = rng.uniform(0.0, 1.0, 400)
    decisions, floors = (
        ("same_event", "same_fact"),
        (calibration.threshold("same_event"), calibration.threshold("same_fact")),
    )
    exact = score_pairs(claims, I, J, cos, decisions)
    fast = score_pairs(claims, I, J, cos, decisions, floors=floors)
    reach = np.zeros(400, dtype=bool)
    for d, f in zip(decisions, floors, strict=True):
        assert np.array_equal(exact[d] >= f, fast[d] >= f), d
        reach |= exact[d] >= f
    assert 20 < reach.sum() < 380  # both kinds of pair are in the sample
    for d in decisions:
        assert np.array_equal(exact[d][reach], fast[d][reach])
        assert np.all(fast[d][~reach] >= exact[d][~reach])
