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

Cosines come from one matrix product per block of claims (``compare.pairs``); only the few top
candidates per claim and source reach the slower feature scoring, and of those only the ones
that can still become a match: cost grows with claims times sources, not with claims squared.
Features of all those pairs are computed at once as sparse row products, and the costliest one
(``partial_ratio``) only for pairs whose score bound can still reach a threshold.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from . import calibration
from .options import Options
from .pairs import nearest_by_source, score_pairs
from .records import Claim, Match

#: candidates per claim and source taken from the cosine matrix before finer scoring
_CANDIDATES = 4
#: cosines below this never align, whatever the wording
_COSINE_FLOOR = 0.25
#: cells of one block of a cosine matrix (4 bytes each): long sources are scored a block of rows at a time
_BLOCK_CELLS = 4_000_000


def lexical(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b, processor=default_process) / 100.0


def align(claims: Sequence[Claim], vectors: np.ndarray, options: Options) -> tuple[Match, ...]:
    """Matches between claims of different sources, in claim order."""
    if len(claims) < 2:
        return ()
    event_t = (
        options.event_threshold
        if options.event_threshold is not None
        else calibration.threshold("same_event")
    )
    fact_t = (
        options.fact_threshold if options.fact_threshold is not None else calibration.threshold("same_fact")
    )
    n = len(claims)
    order = {s: r for r, s in enumerate(dict.fromkeys(c.source for c in claims))}
    source_no = np.array([order[c.source] for c in claims])
    # 1. Candidates as arrays: J[m] is among I[m]'s _CANDIDATES nearest claims in J[m]'s source.
    I, J, sims = nearest_by_source(vectors, source_no, _CANDIDATES, _COSINE_FLOOR, _BLOCK_CELLS)
    o = np.lexsort((I, source_no[J]))  # source by source, claim by claim
    I, J, sims = I[o], J[o], sims[o]
    # 2. A pair can match only when each claim is among the other's candidates, and a claim's
    #    candidates in one source need scores only when one of them is such a pair. A pair met
    #    from both sides keeps the cosine it was met with first.
    pair_of, first, inverse, sides = np.unique(
        np.minimum(I, J) * n + np.maximum(I, J), return_index=True, return_inverse=True, return_counts=True
    )
    group = I * len(order) + source_no[J]
    needed = np.isin(group, group[sides[inverse] == 2])
    wanted = np.unique(inverse[needed])
    p = score_pairs(
        claims,
        pair_of[wanted] // n,
        pair_of[wanted] % n,
        sims[first[wanted]],
        ("same_event", "same_fact"),
        floors=(event_t, fact_t),
    )
    event = np.full(len(pair_of), np.nan)
    fact = np.full(len(pair_of), np.nan)
    event[wanted], fact[wanted] = p["same_event"], p["same_fact"]
    # 3. Per claim and source, keep the best: at most max_matches within match_margin of the top.
    #    A paraphrase is the same event by definition, whatever the event model says.
    e, f = event[inverse], fact[inverse]
    kept = np.flatnonzero(needed & ((e >= event_t) | (f >= fact_t)))
    if not len(kept):
        return ()
    value = np.maximum(e[kept], f[kept])
    o = np.lexsort((J[kept], -value, group[kept]))
    kept, value, g = kept[o], value[o], group[kept][o]
    head = np.maximum.accumulate(np.where(np.r_[True, g[1:] != g[:-1]], np.arange(len(g)), 0))
    chosen = kept[
        (np.arange(len(g)) - head < options.max_matches) & (value >= value[head] - options.match_margin)
    ]
    # 4. A match is a pair that each side kept.
    matches = []
    for q in np.flatnonzero(np.bincount(inverse[chosen], minlength=len(pair_of)) == 2).tolist():
        ci, cj = claims[int(pair_of[q] // n)], claims[int(pair_of[q] % n)]
        matches.append(
            Match(
                a=ci.id,
                b=cj.id,
                event=round(float(event[q]), 4),
                fact=round(float(fact[q]), 4),
                similarity=round(float(sims[first[q]]), 4),
            )
        )
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
