"""The Report: what every entry point returns, and its plain-dict form (the JSON contract).

Rendering is two steps: Report -> dict (versioned schema ``compare.report/1``) -> Markdown,
JSON, HTML, or flat rows as CSV and JSON Lines. Notebooks display a Report through the same
renderers the CLI uses.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from .records import Claim, Finding, Skipped, Source

SCHEMA = "compare.report/1"
#: The formats ``Report.render`` writes.
FORMATS = ("md", "json", "html", "csv", "jsonl")


def _num(x: float) -> float | None:
    # JSON has no infinity: an open-ended range ("at least 20") ends in null.
    return None if math.isinf(x) or math.isnan(x) else round(x, 4)


def claim_dict(c: Claim) -> dict:
    f = c.facts
    return {
        "id": c.id,
        "source": c.source,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "kind": c.kind,
        "speaker": f.speaker or c.speaker,
        "numbers": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "value": _num(q.value),
                "low": _num(q.low),
                "high": _num(q.high),
                "qualifier": q.qualifier,
                "unit": q.unit,
            }
            for q in f.quantities
        ],
        "times": [
            {
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "kind": t.kind,
                "low": t.low.isoformat() if t.low else None,
                "high": t.high.isoformat() if t.high else None,
            }
            for t in f.times
        ],
        "entities": [{"text": e.text, "start": e.start, "end": e.end, "key": e.key} for e in f.entities],
        "negated": f.negated,
        "negation_cues": list(f.negation_cues),
        "hedges": list(f.hedges),
        "references": [
            {
                "text": r.text,
                "start": r.start,
                "end": r.end,
                "name": r.name,
                "key": r.key,
                "source": r.source,
                "claim": r.claim,
                "shared": list(r.shared),
            }
            for r in f.references
        ],
    }


@dataclass(frozen=True)
class Report:
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...] = ()
    facts: tuple[tuple[str, ...], ...] = ()
    mode: str = "report"  # "report" (compare) or "check" (a draft against its sources)
    model: str = ""
    notes: tuple[str, ...] = ()
    _by_id: dict = field(default_factory=dict, repr=False, compare=False)

    def claim(self, claim_id: str) -> Claim:
        if not self._by_id:
            self._by_id.update((c.id, c) for c in self.claims)
        return self._by_id[claim_id]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.kind] = out.get(f.kind, 0) + 1
        return out

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "mode": self.mode,
            "model": self.model,
            "sources": [
                {
                    "id": s.id,
                    "name": s.name,
                    "path": s.path,
                    "published": s.published.isoformat() if s.published else None,
                }
                for s in self.sources
            ],
            "claims": [claim_dict(c) for c in self.claims],
            "findings": [self._finding_dict(f) for f in self.findings],
            "facts": [
                {"claims": list(g), "sources": sorted({self.claim(x).source for x in g})} for g in self.facts
            ],
            "skipped": [
                {"source": s.source, "text": s.text, "reason": s.reason, "start": s.start, "end": s.end}
                for s in self.skipped
            ],
            "notes": list(self.notes),
        }

    def _finding_dict(self, f: Finding) -> dict:
        evidence = []
        for cid in f.claims:
            c = self.claim(cid)
            evidence.append(
                {
                    "claim": cid,
                    "source": c.source,
                    "start": c.start,
                    "end": c.end,
                    "quote": self.source(c.source).text[c.start : c.end],
                }
            )
        return {
            "kind": f.kind,
            "claims": list(f.claims),
            "score": round(f.score, 4),
            "explanation": f.explanation,
            "conflicts": [
                {
                    "type": x.type,
                    "a": x.a,
                    "b": x.b,
                    "detail": x.detail,
                    **({"fact": x.fact} if x.fact else {}),
                }
                for x in f.conflicts
            ],
            "scope": f.scope,
            "evidence": evidence,
        }

    def to_frame(self):
        """The findings as a pandas DataFrame, one row per finding, with both quotes side by side."""
        try:
            import pandas as pd
        except ImportError:
            from .errors import CompareError

            raise CompareError(
                "to_frame() needs pandas; install it with: pip install 'compare-articles[frame]'"
            ) from None
        rows = []
        for f in self.findings:
            claims = [self.claim(c) for c in f.claims]
            row = {
                "kind": f.kind,
                "scope": f.scope,
                "score": round(f.score, 4),
                "types": ", ".join(c.type for c in f.conflicts),
                "explanation": f.explanation,
            }
            for n, c in enumerate(claims[:2]):
                side = "ab"[n]
                row.update(
                    {
                        f"claim_{side}": c.id,
                        f"source_{side}": c.source,
                        f"text_{side}": c.text,
                        f"start_{side}": c.start,
                        f"end_{side}": c.end,
                    }
                )
            rows.append(row)
        return pd.DataFrame(rows)

    def to_json(self) -> str:
        # ensure_ascii keeps the output valid JSON whatever the input held (lone surrogates too).
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=True, sort_keys=False) + "\n"

    def to_markdown(self) -> str:
        from .render.markdown import render

        return render(self.to_dict())

    def to_csv(self) -> str:
        """One row per finding and claim, with a header (``compare.render.rows.COLUMNS``), for
        spreadsheets; cells that a spreadsheet would run as a formula start with ``'``."""
        from .render.rows import to_csv

        return to_csv(self.to_dict())

    def to_jsonl(self) -> str:
        """The rows of ``to_csv`` as JSON Lines: one object per finding and claim."""
        from .render.rows import to_jsonl

        return to_jsonl(self.to_dict())

    def render(self, fmt: str) -> str:
        """The report in one of ``FORMATS``."""
        if fmt == "json":
            return self.to_json()
        if fmt == "md":
            return self.to_markdown()
        if fmt == "html":
            return self.to_html()
        if fmt == "csv":
            return self.to_csv()
        if fmt == "jsonl":
            return self.to_jsonl()
        from .errors import InputError

        raise InputError(f"unknown format {fmt!r}; use {', '.join(FORMATS[:-1])} or {FORMATS[-1]}")

    def to_html(self) -> str:
        from .render.html import render_report

        return render_report(self)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        from .render.html import notebook

        return notebook(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {k}" for k, n in sorted(self.counts().items()))
        return (
            f"<Report {self.mode}: {len(self.sources)} sources, {len(self.claims)} claims; "
            f"{counts or 'no findings'}>"
        )
