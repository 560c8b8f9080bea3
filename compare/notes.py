"""Notes for the reader: what makes a report's findings less sure than they read.

Pure functions over the records a run produced; the pipeline adds what they return to
``Report.notes`` (shown in every format, and by the command line on standard error).

* ``undated``: a source with no publication date whose findings depend on one, because it dates
  events relative to its own day ("yesterday", "on Monday", "last week") or because its figures
  or dates conflict with another source's (a larger count may be a later update).
* ``little_shared``: two sources of which almost no claim aligns with the other's: probably not
  one story, so a contradiction between them means little; ``draft_apart``, the same for a
  check's draft and its sources.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Sequence

from .records import Claim, Finding, Match, Source

__all__ = ["LITTLE_SHARED", "aligned", "draft_apart", "little_shared", "undated"]

#: Two sources share almost nothing when, on each side, fewer than this share of its claims align
#: with a claim of the other (the larger of the two shares is below it: a short draft whose every
#: claim a long source reports shares much). Measured on ECB+ dev (../shared/data/ecbplus/
#: docs_dev.jsonl, read as the evaluation reads it; 100 random pairs of documents of each kind,
#: seed 15, the bundled model): pairs about one event (same sub-topic) have a median larger share
#: of 0.54 (quartiles 0.33 and 0.76), and 4 of 100 fall below 0.08, all four with no claim aligned
#: (articles of 1 to 21 claims), the next at 0.097; pairs from different topics align nothing in 97
#: of 100 and 99 fall below 0.08 (the others at 0.05 and 0.143). Any threshold from 0.05 to 0.097
#: separates the same; pairs about the other event of one topic (N_ecb against N_ecbplus, a
#: cluster mixing two events) fall below 0.08 in 50 of 100. The share of all claims of both
#: (no max) separates worse: 6 same-event pairs below 0.08, 14 below 0.15.
LITTLE_SHARED = 0.08

#: Conflicts whose reading depends on when each source was published.
_DATED_CONFLICTS = frozenset({"number", "time"})


def undated(sources: Sequence[Source], claims: Sequence[Claim], findings: Iterable[Finding]) -> list[str]:
    """One note per source without a publication date whose findings depend on it."""
    by_id = {c.id: c for c in claims}
    conflicting: set[str] = set()
    for f in findings:
        if f.scope == "across" and any(x.type in _DATED_CONFLICTS for x in f.conflicts):
            conflicting.update(by_id[c].source for c in f.claims if c in by_id)
    notes = []
    for s in sources:
        if s.published is not None:
            continue
        # Times the extractor could not pin to days without the publication date (durations
        # such as "for three hours" need none).
        relative = list(
            dict.fromkeys(
                t.text
                for c in claims
                if c.source == s.id
                for t in c.facts.times
                if t.kind != "duration" and t.low is None
            )
        )
        why = []
        if relative:
            shown = ", ".join(f"'{t}'" for t in relative[:3])
            why.append(f"it dates events relative to its own day ({shown})")
        if s.id in conflicting:
            why.append("its figures or dates differ from another source's")
        if why:
            notes.append(
                f"{s.name} has no publication date, yet {' and '.join(why)}: findings that depend on "
                "when it was published (which day a relative date names, whether a larger figure is a "
                f"later update) may be wrong; give its date with --published {s.id}=YYYY-MM-DD"
            )
    return notes


def aligned(
    claims: Sequence[Claim], matches: Iterable[Match], a: Collection[str], b: Collection[str]
) -> tuple[tuple[int, int], tuple[int, int]]:
    """For sources ``a`` and sources ``b`` (ids), each side's (claims aligned with a claim of the
    other side, claims)."""
    source = {c.id: c.source for c in claims}
    hit: set[str] = set()
    for m in matches:
        x, y = source[m.a], source[m.b]
        if (x in a and y in b) or (x in b and y in a):
            hit.update((m.a, m.b))
    return tuple(
        (sum(c.id in hit for c in claims if c.source in side), sum(c.source in side for c in claims))
        for side in (a, b)
    )


def _little(share: tuple[tuple[int, int], tuple[int, int]]) -> bool:
    sides = [k / n for k, n in share if n]
    return bool(sides) and max(sides) < LITTLE_SHARED


def little_shared(
    sources: Sequence[Source], claims: Sequence[Claim], matches: Sequence[Match], told: Collection[str] = ()
) -> list[str]:
    """One note per pair of sources that share almost nothing, unless ``told`` already says they
    look like reports of different events."""
    notes = []
    for a, b in itertools.combinations(sources, 2):
        share = aligned(claims, matches, {a.id}, {b.id})
        if not _little(share) or any(
            n.startswith(f"{x.name} and {y.name} look like reports of different events")
            for x, y in ((a, b), (b, a))
            for n in told
        ):
            continue
        (ka, na), (kb, nb) = share
        notes.append(
            f"{a.name} and {b.name} share almost nothing ({ka} of {na} claims of {a.name} and {kb} of {nb} "
            f"of {b.name} align with the other's): they may not be about the same story; contradictions "
            "between them are unlikely to be meaningful"
        )
    return notes


def draft_apart(
    draft: Source,
    sources: Sequence[Source],
    claims: Sequence[Claim],
    matches: Sequence[Match],
    findings: Iterable[Finding],
) -> list[str]:
    """A check's draft that shares almost nothing with its sources together; else each source it
    shares almost nothing with that still contradicts it."""
    share = aligned(claims, matches, {draft.id}, {s.id for s in sources})
    if _little(share):
        (k, n), _ = share
        return [
            f"{draft.name} shares almost nothing with its sources ({k} of its {n} claims align with one of "
            "theirs): it may be about another story, or they may be the wrong sources; contradictions found "
            "against them are unlikely to be meaningful"
        ]
    by_id = {c.id: c for c in claims}
    cited = {by_id[c].source for f in findings if f.kind == "contradicted" for c in f.claims[1:]}
    notes = []
    for s in sources:
        if s.id not in cited:
            continue
        share = aligned(claims, matches, {draft.id}, {s.id})
        if _little(share):
            (ka, na), (kb, nb) = share
            notes.append(
                f"{draft.name} and {s.name} share almost nothing ({ka} of {na} claims of {draft.name} and "
                f"{kb} of {nb} of {s.name} align with the other's): they may not be about the same story; "
                f"contradictions from {s.name} are unlikely to be meaningful"
            )
    return notes
