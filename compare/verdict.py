"""Check: each claim of a draft -> supported, contradicted or unsupported by the sources.

The pair features of the comparison (``compare.features``) and its typed conflicts
(``diff.conflicts``), seen from the draft's side and weighed by the calibrated verdict model: a
draft claim is contradicted when a source claim about the same event conflicts with it,
supported when a source claim reports the same fact, and unsupported when no source says it.
Quotations get a stricter test: the quoted words must appear in the sources, from the same
speaker.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from . import calibration
from .categories import in_context as categories_in_context
from .diff import conflicts, describe, speakers_match
from .diff.clauses import named
from .features import verdict_features
from .names import Misspelt, misspelt, persons
from .options import Options
from .reading import setting
from .records import Claim, Conflict, Finding, Source

_CANDIDATES = 6
#: Conflicts that decide a verdict alone: one line to call printed two ways, a charge or a
#: condition other than the sources', a person from another town, a place on the other side of a
#: city, is wrong whatever the rest of the sentence gets right (the verdict model was fitted
#: before such conflicts existed).
_DECISIVE = frozenset({"phone", "category", "place", "number"})
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
    by_id = {c.id: c for c in claims}
    spelt = _misspelt_in_draft(claims, vectors, draft)
    kinds = categories_in_context(claims)
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
        for rank, k in enumerate(top):
            c, sim = claims[int(other_idx[k])], float(sims[k])
            found, speakers_differ = conflicts(d, c, sim, (), story, (kinds[d.id], kinds[c.id]))
            if (
                speakers_differ
                and found
                and all(x.type == "number" for x in found)
                and named((d.facts.speaker or "").strip(" \"'`.,:;"))
            ):
                # different named speakers' figures ("the Committees said seven" / "the Observatory
                # said six"): a discrepancy, not the draft's error; a figure the draft gives
                # "activists" or "officials" answers to every source's
                found = []
            # only the source claim closest to the draft's decides alone: a nearby sentence about
            # another block, another line or another victim is no verdict on this one
            if rank == 0 and any(x.type in _DECISIVE for x in found):
                p = {"contradicted": 1.0, "supported": 0.0, "unsupported": 0.0}
            else:
                p = calibration.class_probabilities(
                    "verdict", verdict_features(c, d, sim, {x.type for x in found})
                )
                if any(x.type in _DECISIVE for x in found):
                    # a source claim giving another figure, place or kind for the draft's fact is
                    # never the evidence that supports it
                    p = {**p, "supported": 0.0}
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
    return tuple(_with_spelling(f, spelt.get(f.claims[0], []), by_id, src) for f in out)


def _misspelt_in_draft(
    claims: Sequence[Claim], vectors: np.ndarray, draft: str
) -> dict[str, list[tuple[Conflict, str]]]:
    """Per draft claim, the people's names it spells as no source does, where a source spells
    the same person's name another way (``names.misspelt``), with the source claim naming them."""
    written = {(p.given, p.surname) for c in claims if c.source != draft for p in persons(c)}
    out: dict[str, list[tuple[Conflict, str]]] = {}
    for m in misspelt(claims, vectors):
        if m.b.source == draft:
            m = Misspelt(m.b, m.a, m.similarity)
        if m.a.source != draft or (m.a.given, m.a.surname) in written:
            continue
        out.setdefault(m.a.claim, []).append((m.conflict(), m.b.claim))
    return out


def _with_spelling(f: Finding, spelt: list, by_id: dict[str, Claim], src: dict[str, Source]) -> Finding:
    """A draft claim that misspells a name is contradicted, whatever else it gets right."""
    if not spelt:
        return f
    d = by_id[f.claims[0]]
    why = "; ".join(describe(c, d, by_id[other], src) for c, other in spelt)
    found = tuple(c for c, _ in spelt)
    if f.kind == "contradicted":
        return dataclasses.replace(f, explanation=f"{f.explanation}; {why}", conflicts=f.conflicts + found)
    others = tuple(dict.fromkeys(other for _, other in spelt))
    return Finding("contradicted", (d.id, *others), 1.0, f"{why} (otherwise {f.kind})", found)
