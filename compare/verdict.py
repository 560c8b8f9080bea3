"""Check: each claim of a draft -> supported, contradicted or unsupported by the sources.

The pair features of the comparison (``compare.features``) and its typed conflicts
(``diff.conflicts``), seen from the draft's side and weighed by the calibrated verdict model: a
draft claim is contradicted when a source claim about the same event conflicts with it,
supported when a source claim reports the same fact, and unsupported when no source says it.
Quotations get a stricter test: the quoted words must appear in the sources, from the same
speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from . import calibration
from .atoms import setting
from .diff import conflicts, describe, speakers_match
from .features import verdict_features
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
        hits = [
            c for c in sources_claims if fuzz.partial_ratio(default_process(q), default_process(c.text)) >= 90
        ]
        if not hits:
            return Finding(
                "contradicted" if d.facts.speaker else "unsupported",
                (d.id,),
                1.0,
                f"the quotation \u201c{q}\u201d is not in any source",
                (Conflict("quote", q, "", "not found"),),
            )
        if (
            d.facts.speaker
            and not any(speakers_match(d.facts.speaker, c.facts.speaker) for c in hits if c.facts.speaker)
            and any(c.facts.speaker for c in hits)
        ):
            said_by = next(c for c in hits if c.facts.speaker)
            return Finding(
                "contradicted",
                (d.id, said_by.id),
                1.0,
                f"attribution: the draft gives the quotation to {d.facts.speaker}, "
                f"{names[said_by.source]} to {said_by.facts.speaker}",
                (Conflict("attribution", d.facts.speaker, said_by.facts.speaker or ""),),
            )
    return None


def verdicts(
    claims: Sequence[Claim], vectors: np.ndarray, draft: str, sources: Sequence[Source], options: Options
) -> tuple[Finding, ...]:
    """One finding per draft claim, in draft order.

    Each draft claim is scored against its closest source claims by the calibrated verdict model
    (compare/calibration, fitted on RTE-3, FEVER and VitaminC): the candidate the model is most
    decided about gives the verdict, and the typed conflicts the diff finds name the reason.
    """
    names = {s.id: s.name for s in sources}
    src = {s.id: s for s in sources}
    story = setting(claims)
    draft_idx = [i for i, c in enumerate(claims) if c.source == draft]
    other_idx = np.array([i for i, c in enumerate(claims) if c.source != draft])
    others = [claims[i] for i in other_idx]
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
            c, sim = claims[int(other_idx[k])], float(sims[k])
            found, speakers_differ = conflicts(d, c, sim, (), story)
            if speakers_differ and found and all(x.type == "number" for x in found):
                found = []  # different speakers' figures: a discrepancy, not the draft's error
            p = calibration.class_probabilities(
                "verdict", verdict_features(c, d, sim, {x.type for x in found})
            )
            scored.append((p, sim, c, found))
        nli_note = ""
        if options.nli:
            from .nli import load

            probs = load(options.nli).probabilities([(c.text, d.text) for _, _, c, _ in scored])
            for k, (p, sim, c, found) in enumerate(scored):
                if probs[k, 0] >= 0.5 and not found:
                    found = [Conflict("meaning", d.text, c.text, f"NLI P(contradiction) {probs[k, 0]:.2f}")]
                p = {
                    "contradicted": max(p["contradicted"], float(probs[k, 0])),
                    "supported": max(p["supported"], float(probs[k, 1])),
                    "unsupported": p["unsupported"],
                }
                scored[k] = (p, sim, c, found)
            k = int(np.argmax(probs[:, 1]))
            if probs[k, 1] >= 0.5:
                nli_note = f"; NLI P(entailment) {probs[k, 1]:.2f}"
        # The most decided candidate speaks: a draft claim is supported or contradicted by one
        # source claim, and unsupported only when no candidate decides.
        p, sim, c, found = max(
            scored, key=lambda t: (max(t[0]["supported"], t[0]["contradicted"]), -int(t[2].id.split(":")[-1]))
        )
        verdict = max(p, key=p.get)
        if verdict == "contradicted":
            why = (
                "; ".join(describe(x, d, c, src) for x in found)
                if found
                else (
                    f"{names[c.source]} reports otherwise (no single conflicting value; P "
                    f"{p['contradicted']:.2f})"
                )
            )
            out.append(Finding("contradicted", (d.id, c.id), round(p["contradicted"], 4), why, tuple(found)))
        elif verdict == "supported":
            support = [
                t[2]
                for t in sorted(scored, key=lambda t: -t[0]["supported"])
                if t[0]["supported"] >= max(0.5, p["supported"] - options.match_margin)
            ][: options.max_matches] or [c]
            out.append(
                Finding(
                    "supported",
                    (d.id, *[x.id for x in support]),
                    round(p["supported"], 4),
                    (
                        f"reported by {', '.join(sorted({names[x.source] for x in support}))} (similarity "
                        f"{sim:.2f}){nli_note}"
                    ),
                )
            )
        else:
            near = max(scored, key=lambda t: t[1])
            out.append(
                Finding(
                    "unsupported",
                    (d.id,),
                    round(p["unsupported"], 4),
                    (
                        f"no source says this; nearest: {near[2].id} in {names[near[2].source]} "
                        f"(similarity {near[1]:.2f})"
                    ),
                )
            )
    return tuple(out)
