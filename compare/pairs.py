"""Candidate pairs for the aligner, as matrix operations.

``nearest_by_source`` gives each claim's nearest claims in every other source from one matrix
product per block of rows against all claims (rather than one narrow product per source and a
Python loop per claim); ``nearest_other`` gives each claim's nearest claim in any other source,
the same way; ``score_pairs`` scores a batch of pairs with ``features.pair_features`` and the
calibrated models, so the probabilities are exactly those of the one-pair path.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from . import calibration
from .features import NAMES, batch_features, partial_ratios
from .records import Claim


def nearest_by_source(
    vectors: np.ndarray, source_no: np.ndarray, k: int, floor: float, block_cells: int = 4_000_000
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each claim's ``k`` nearest claims (by cosine, at least ``floor``) in every other source.

    Returns directed pairs ``(I, J, cosine)``: J[n] is among I[n]'s nearest in J[n]'s source.
    One matrix product per block of rows against all claims; memory stays under
    ``block_cells`` cells however many claims there are.
    """
    n = len(source_no)
    perm = np.argsort(source_no, kind="stable")  # each source's claims side by side
    bounds = np.r_[0, np.flatnonzero(np.diff(source_no[perm])) + 1, n]
    others = np.ascontiguousarray(vectors[perm].T)
    step = max(1, block_cells // max(1, n))
    I, J, C = [], [], []
    for lo in range(0, n, step):
        rows = np.arange(lo, min(n, lo + step))
        sims = vectors[rows] @ others
        for a, b in itertools.pairwise(bounds.tolist()):
            mine = rows[source_no[rows] != source_no[perm[a]]]
            if not len(mine):
                continue
            block = sims[mine - lo, a:b]
            if k < b - a:
                top = np.argpartition(-block, k - 1, axis=1)[:, :k]
            else:
                top = np.broadcast_to(np.arange(b - a), (len(mine), b - a))
            cos = np.take_along_axis(block, top, axis=1)
            r, c = np.nonzero(cos >= floor)
            I.append(mine[r])
            J.append(perm[a + top[r, c]])
            C.append(cos[r, c])
    if not I:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=vectors.dtype)
    return np.concatenate(I).astype(np.int64), np.concatenate(J).astype(np.int64), np.concatenate(C)


def nearest_across(
    vectors: np.ndarray, source_no: np.ndarray, k: int, budget: int, floor: float
) -> list[tuple[int, int]]:
    """Each claim's ``k`` nearest claims (cosine at least ``floor``) in every other source, and of
    those its ``budget`` nearest in all, as pairs ``(i, j)`` with ``i < j``, in order: with many
    sources the work stays a few pairs a claim, not ``k`` a source."""
    others = max(1, len(np.unique(source_no)) - 1)
    I, J, C = nearest_by_source(vectors, source_no, max(1, min(k, -(-budget // others))), floor)
    by_row = np.lexsort((J, -C, I))  # each claim's pairs, nearest first
    first = np.r_[0, np.flatnonzero(np.diff(I[by_row])) + 1]
    rank = np.arange(len(by_row)) - np.repeat(first, np.diff(np.r_[first, len(by_row)]))
    keep = by_row[rank < budget]
    return sorted({(min(i, j), max(i, j)) for i, j in zip(I[keep].tolist(), J[keep].tolist(), strict=True)})


def nearest_other(
    vectors: np.ndarray, source_no: np.ndarray, rows: np.ndarray, block_cells: int = 4_000_000
) -> tuple[np.ndarray, np.ndarray]:
    """For each claim in ``rows``: its nearest claim in another source (-1 if none) and the cosine."""
    n = len(source_no)
    rows = np.asarray(rows, dtype=np.int64)
    best = np.full(len(rows), -1, dtype=np.int64)
    cos = np.zeros(len(rows), dtype=np.float64)
    step = max(1, block_cells // max(1, n))
    for lo in range(0, len(rows), step):
        chunk = rows[lo : lo + step]
        sims = vectors[chunk] @ vectors.T
        sims[source_no[chunk][:, None] == source_no[None, :]] = -np.inf
        k = np.argmax(sims, axis=1)
        got = sims[np.arange(len(chunk)), k]
        ok = np.isfinite(got)
        best[lo : lo + step] = np.where(ok, k, -1)
        cos[lo : lo + step] = np.where(ok, got, 0.0)
    return best, cos


def score_pairs(
    claims: Sequence[Claim],
    I: np.ndarray,
    J: np.ndarray,
    cosine: np.ndarray,
    decisions: Sequence[str],
    floors: Sequence[float] | None = None,
) -> dict[str, np.ndarray]:
    """``calibration.probability(decision, pair_features(claims[I[n]], claims[J[n]], cosine[n]))``
    for each pair and decision.

    With ``floors`` (one per decision), a caller that only asks which pairs reach a floor gets,
    for a pair that can reach none, a bound below each floor instead of the exact probability:
    the costliest feature, ``partial_ratio``, is computed only where it can matter. Exact for
    that question: each model is monotone in that feature, so setting it to whichever end of
    [0, 1] raises the score bounds the score from above, and floating-point sums and the
    logistic are monotone too. With 50 sources ~9 in 10 candidate pairs are settled so."""
    I, J = np.asarray(I).tolist(), np.asarray(J).tolist()
    cosine = np.asarray(cosine, dtype=np.float64)
    if floors is None:
        X = batch_features(claims, I, J, cosine)
        return {d: calibration.probability(d, X) for d in decisions}
    X = batch_features(claims, I, J, cosine, with_partial=False)
    col = NAMES.index("partial_ratio")
    bounds = {}
    for d in decisions:
        X[:, col] = 1.0 if calibration.load()[d]["coef"][col] > 0 else 0.0
        bounds[d] = calibration.probability(d, X)
    need = np.zeros(len(I), dtype=bool)
    for d, floor in zip(decisions, floors, strict=True):
        need |= bounds[d] >= floor
    rows = np.flatnonzero(need)
    X[rows, col] = partial_ratios(claims, [I[r] for r in rows], [J[r] for r in rows])
    for d in decisions:
        bounds[d][rows] = calibration.probability(d, X[rows])
    return bounds


def nearest_within(
    vectors: np.ndarray, source_no: np.ndarray, k: int, floor: float, window: int = 500
) -> tuple[np.ndarray, np.ndarray]:
    """Each claim's ``k`` nearest claims (cosine at least ``floor``) in its *own* source, among the
    ``window`` claims before and after it: undirected pairs ``(I, J)`` with I < J, each once.

    A block of rows at a time, so a long or repetitive source gives at most ``k`` pairs per claim
    in time and memory linear in its length."""
    pairs: set[tuple[int, int]] = set()
    for s in np.unique(source_no).tolist():
        own = np.flatnonzero(source_no == s)
        n = len(own)
        if n < 2:
            continue
        for lo in range(0, n, 256):
            hi = min(n, lo + 256)
            c0, c1 = max(0, lo - window), min(n, hi + window)
            sims = vectors[own[lo:hi]] @ vectors[own[c0:c1]].T
            rows = np.arange(hi - lo)
            sims[rows, lo - c0 + rows] = -np.inf  # a claim is not its own neighbour
            kk = min(k, c1 - c0 - 1)
            top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
            cos = np.take_along_axis(sims, top, axis=1)
            r, c = np.nonzero(cos >= floor)
            for x, y in zip(own[lo + r].tolist(), own[c0 + top[r, c]].tolist(), strict=True):
                pairs.add((min(x, y), max(x, y)))
    ordered = sorted(pairs)
    return np.asarray([p[0] for p in ordered], dtype=np.int64), np.asarray(
        [p[1] for p in ordered], dtype=np.int64
    )
