"""Align: claims x claims -> matches across sources, and facts (groups of matched claims).

Sources reorder, merge and split facts, so alignment is many-to-many: each claim keeps up to
``max_matches`` counterparts per other source, and a pair stands only when each side has the
other among its best (mutual top-k), which keeps one generic sentence from matching everything.

Two calibrated probabilities decide (``compare/calibration``): P(same event), fitted on ECB+
cross-document event pairs, gates alignment; P(same fact), fitted on MRPC, separates an
agreement from two claims that are merely about the same event. Both are logistic models over
``compare.features`` (cosine, wording, shared names and figures), because MiniLM's cosine
alone rates "six killed" and "seven killed" as the same sentence and rates two different
interviews of one man as close.

Cosines come from one matrix product per source; only the few top candidates per claim reach
the slower feature scoring, so cost stays near-linear in claims.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from . import calibration
from .features import pair_features
from .options import Options
from .records import Claim, Match

#: candidates per claim and source taken from the cosine matrix before finer scoring
_CANDIDATES = 4
#: cosines below this never align, whatever the wording
_COSINE_FLOOR = 0.25
#: cells of one block of a cosine matrix (4 bytes each): long sources are scored a block of rows at a time
_BLOCK_CELLS = 4_000_000
#: a figure-bearing claim is paired with at most this many of its nearest claims in its own source
_WITHIN_K = 8


def lexical(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b, processor=default_process) / 100.0


def pair_probabilities(a: Claim, b: Claim, cosine: float) -> tuple[float, float]:
    """(P(same event), P(same fact)) for one pair."""
    x = pair_features(a, b, cosine)
    return float(calibration.probability("same_event", x)), float(calibration.probability("same_fact", x))


def candidates(vectors: np.ndarray, rows: np.ndarray, cols: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Top-k columns by cosine for each row: (indices into cols, cosines)."""
    k = min(k, len(cols))
    if k >= len(cols):
        top = np.tile(np.arange(len(cols)), (len(rows), 1))
        return top, np.take_along_axis(vectors[rows] @ vectors[cols].T, top, axis=1)
    # Rows in blocks, so memory stays bounded however long the sources are (no rows x cols matrix).
    step = max(1, _BLOCK_CELLS // max(1, len(cols)))
    tops, coss = [], []
    for lo in range(0, len(rows), step):
        sims = vectors[rows[lo:lo + step]] @ vectors[cols].T
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        tops.append(top)
        coss.append(np.take_along_axis(sims, top, axis=1))
    if not tops:
        return np.zeros((0, k), dtype=np.intp), np.zeros((0, k), dtype=vectors.dtype)
    return np.concatenate(tops), np.concatenate(coss)


def align(claims: Sequence[Claim], vectors: np.ndarray, options: Options) -> tuple[Match, ...]:
    """Matches between claims of different sources, in claim order."""
    if len(claims) < 2:
        return ()
    event_t = options.event_threshold if options.event_threshold is not None else calibration.threshold("same_event")
    fact_t = options.fact_threshold if options.fact_threshold is not None else calibration.threshold("same_fact")
    order = list(dict.fromkeys(c.source for c in claims))
    source_of = np.array([c.source for c in claims])
    members = {s: np.flatnonzero(source_of == s) for s in order}
    everyone = np.arange(len(claims))
    best: dict[int, dict[str, list[int]]] = {i: {} for i in range(len(claims))}
    scored: dict[tuple[int, int], tuple[float, float, float]] = {}
    for s in order:
        cols = members[s]
        rows = everyone[source_of != s]
        top, cos = candidates(vectors, rows, cols, _CANDIDATES)
        for r, i in enumerate(rows):
            kept = []
            for c, sim in zip(top[r], cos[r]):
                if sim < _COSINE_FLOOR:
                    continue
                j = int(cols[c])
                key = (min(i, j), max(i, j))
                if key not in scored:
                    scored[key] = (*pair_probabilities(claims[key[0]], claims[key[1]], float(sim)), float(sim))
                event, fact = scored[key][:2]
                # A paraphrase is the same event by definition, whatever the event model says.
                if event >= event_t or fact >= fact_t:
                    kept.append((max(event, fact), j))
            kept.sort(key=lambda t: (-t[0], t[1]))
            if kept:
                top_event = kept[0][0]
                best[int(i)][s] = [j for e, j in kept[: options.max_matches] if e >= top_event - options.match_margin]
    matches = []
    for (i, j), (event, fact, cos) in sorted(scored.items()):
        ci, cj = claims[i], claims[j]
        if j in best[i].get(cj.source, ()) and i in best[j].get(ci.source, ()):
            matches.append(Match(a=ci.id, b=cj.id, event=round(event, 4), fact=round(fact, 4), similarity=round(cos, 4)))
    return tuple(matches)


def group(claims: Sequence[Claim], matches: Sequence[Match]) -> tuple[tuple[str, ...], ...]:
    """Facts: connected groups of matched claims (union-find), each in claim order."""
    order = {c.id: n for n, c in enumerate(claims)}
    parent = {c.id: c.id for c in claims}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for m in matches:
        ra, rb = root(m.a), root(m.b)
        if ra != rb:
            parent[max(ra, rb, key=order.get)] = min(ra, rb, key=order.get)
    groups: dict[str, list[str]] = {}
    for c in claims:
        groups.setdefault(root(c.id), []).append(c.id)
    facts = [tuple(g) for g in groups.values() if len(g) > 1]
    return tuple(sorted(facts, key=lambda g: order[g[0]]))


def within_candidates(claims: Sequence[Claim], vectors: np.ndarray, floor: float = 0.45) -> tuple[tuple[int, int, float], ...]:
    """Pairs of claims from the *same* source that carry figures and are close in meaning: the
    places where an article reports two speakers' different numbers for one event."""
    idx = [i for i, c in enumerate(claims) if c.facts.quantities]
    out = []
    for s in sorted({claims[i].source for i in idx}):
        own = [i for i in idx if claims[i].source == s]
        n = len(own)
        if n < 2:
            continue
        # Nearest neighbours only, a block of rows at a time: a long or repetitive source gives
        # at most _WITHIN_K pairs per claim, in bounded memory, instead of every similar pair.
        k = min(_WITHIN_K, n - 1)
        step = max(1, _BLOCK_CELLS // n)
        pairs: dict[tuple[int, int], float] = {}
        for lo in range(0, n, step):
            sims = vectors[own[lo:lo + step]] @ vectors[own].T
            rows = np.arange(sims.shape[0])
            sims[rows, lo + rows] = -np.inf  # a claim is not its own neighbour
            top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            cos = np.take_along_axis(sims, top, axis=1)
            r, c = np.nonzero(cos >= floor)
            for x, y, v in zip((lo + r).tolist(), top[r, c].tolist(), cos[r, c].tolist()):
                key = (min(x, y), max(x, y))
                if key not in pairs or x < y:
                    pairs[key] = v
        out.extend((own[x], own[y], v) for (x, y), v in sorted(pairs.items()))
    return tuple(out)
