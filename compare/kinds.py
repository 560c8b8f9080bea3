"""The kinds of finding, spelled once: what diff and check emit, in the order reports list them,
with the words and marks every renderer (Markdown, HTML, the CLI's summary) shows for them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # one finding: "Contradiction"
    title: str  # a report section of them: "Contradictions"
    icon: str
    meaning: str
    rank: int  # a claim in several findings is marked with its lowest-ranked kind


#: Comparison kinds in report order (most actionable first), then the verdicts of a check.
KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "contradiction",
            "Contradiction",
            "Contradictions",
            "\u2717",
            "the sources state conflicting values for the same event",
            0,
        ),
        Kind(
            "discrepancy",
            "Discrepancy",
            "Discrepancies (different speakers, different figures)",
            "\u2260",
            "different speakers give different figures",
            2,
        ),
        Kind(
            "update",
            "Update",
            "Updates (a later report, a newer figure)",
            "\u2191",
            "a later report gives a newer figure",
            3,
        ),
        Kind("agreement", "Agreement", "Agreements", "\u2713", "two sources report the same fact", 5),
        Kind("unique", "Unique", "Unique", "\u25c6", "only this source reports it", 7),
        Kind("supported", "Supported", "Supported", "\u2713", "a source carries this claim", 6),
        Kind(
            "contradicted", "Contradicted", "Contradicted", "\u2717", "a source states a conflicting value", 1
        ),
        Kind("unsupported", "Unsupported", "Unsupported", "?", "no source carries this claim", 4),
    )
}
#: What compare() reports, in report order; the kinds that pair two claims come first.
REPORT_KINDS = ("contradiction", "discrepancy", "update", "agreement", "unique")
#: What check() says of each draft claim.
VERDICTS = ("supported", "contradicted", "unsupported")
