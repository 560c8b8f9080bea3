"""Check: each claim of a draft -> supported, contradicted or unsupported by the sources.

The same scoring and conflict typing as the comparison (align.pair_score, diff.conflicts), seen
from the draft's side: a draft claim is contradicted when a source claim about the same event
conflicts with it, supported when a source claim reports the same fact, and unsupported when no
source says it. Quotations get a stricter test: the quoted words must appear in the sources,
from the same speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from . import calibration
from .align import pair_probabilities
from .diff import conflicts, describe, speakers_match
from .options import Options
from .records import Claim, Conflict, Finding, Source

_CANDIDATES = 6
_QUOTE = re.compile(r'"([^"]{12,})"')


def _quotes(text: str) -> list[str]:
    return [q.strip(" ,.") for q in _QUOTE.findall(text) if len(q.split()) >= 3]


def _quote_verdict(d: Claim, sources_claims: Sequence[Claim], names: dict[str, str]) -> Finding | None:
    """A quotation in the draft must be found in the sources, said by the same person."""
    quotes = _quotes(d.text)
    if not quotes:
        return None
    for q in quotes:
        hits = [c for c in sources_claims if fuzz.partial_ratio(default_process(q), default_process(c.text)) >= 90]
        if not hits:
            return Finding("contradicted" if d.facts.speaker else "unsupported", (d.id,), 1.0,
                           f"the quotation \u201c{q}\u201d is not in any source", (Conflict("quote", q, "", "not found"),))
        if d.facts.speaker and not any(speakers_match(d.facts.speaker, c.facts.speaker) for c in hits if c.facts.speaker) \
                and any(c.facts.speaker for c in hits):
            said_by = next(c for c in hits if c.facts.speaker)
            return Finding("contradicted", (d.id, said_by.id), 1.0,
                           f"attribution: the draft gives the quotation to {d.facts.speaker}, "
                           f"{names[said_by.source]} to {said_by.facts.speaker}",
                           (Conflict("attribution", d.facts.speaker, said_by.facts.speaker or ""),))
    return None


def verdicts(claims: Sequence[Claim], vectors: np.ndarray, draft: str, sources: Sequence[Source],
             options: Options) -> tuple[Finding, ...]:
    """One finding per draft claim, in draft order."""
    names = {s.id: s.name for s in sources}
    src = {s.id: s for s in sources}
    draft_idx = [i for i, c in enumerate(claims) if c.source == draft]
    other_idx = np.array([i for i, c in enumerate(claims) if c.source != draft])
    others = [claims[i] for i in other_idx]
    event_t = options.event_threshold if options.event_threshold is not None else calibration.threshold("same_event")
    fact_t = options.fact_threshold if options.fact_threshold is not None else calibration.threshold("same_fact")
    out: list[Finding] = []
    for i in draft_idx:
        d = claims[i]
        quote = _quote_verdict(d, others, names)
        if quote is not None:
            out.append(quote)
            continue
        if not len(other_idx):
            out.append(Finding("unsupported", (d.id,), 1.0, "no sources to check against"))
            continue
        sims = vectors[other_idx] @ vectors[i]
        top = np.argsort(-sims, kind="stable")[:_CANDIDATES]
        scored = []
        for k in top:
            c = claims[int(other_idx[k])]
            event, fact = pair_probabilities(d, c, float(sims[k]))
            scored.append((fact, event, float(sims[k]), c))
        contradicting = []
        nli_note = ""
        if options.nli:
            from .nli import load

            probs = load(options.nli).probabilities([(c.text, d.text) for _, _, _, c in scored])
            k = int(np.argmax(probs[:, 0]))
            if probs[k, 0] >= 0.5:
                c = scored[k][3]
                contradicting.append((float(probs[k, 0]), c, [Conflict("meaning", d.text, c.text, f"NLI P(contradiction) {probs[k, 0]:.2f}")]))
            k = int(np.argmax(probs[:, 1]))
            if probs[k, 1] >= 0.5:
                # An entailing source claim counts as support: lift it above the fact threshold.
                scored[k] = (max(scored[k][0], float(probs[k, 1])), *scored[k][1:])
                nli_note = f"; NLI P(entailment) {probs[k, 1]:.2f}"
        for fact, event, sim, c in sorted(scored, key=lambda t: (-t[1], t[3].id)):
            if event < event_t:
                continue
            found, speakers_differ = conflicts(d, c, sim)
            if found and not (speakers_differ and all(x.type == "number" for x in found)):
                contradicting.append((event, c, found))
        scored.sort(key=lambda t: (-t[0], t[3].id))
        best_fact, _, best_sim, best = scored[0]
        if contradicting:
            # Typed rule conflicts first: they name the values; the NLI's verdict only where none.
            event, c, found = sorted(contradicting, key=lambda t: t[2][0].type == "meaning")[0]
            out.append(Finding("contradicted", (d.id, c.id), round(event, 4),
                               "; ".join(describe(x, d, c, src) for x in found), tuple(found)))
        elif best_fact >= fact_t:
            support = [c for f, _, _, c in scored if f >= fact_t and f >= best_fact - options.match_margin][: options.max_matches]
            out.append(Finding("supported", (d.id, *[c.id for c in support]), round(best_fact, 4),
                               f"reported by {', '.join(sorted({names[c.source] for c in support}))} (similarity {best_sim:.2f}){nli_note}"))
        else:
            out.append(Finding("unsupported", (d.id,), round(1.0 - best_fact, 4),
                               f"no source says this; nearest: {best.id} in {names[best.source]} (similarity {best_sim:.2f})"))
    return tuple(out)
