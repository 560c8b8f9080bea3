"""Gate lines: a check's failing verdicts as a terminal, an editor and a CI log read them.

``lines(report, verdicts) -> list[str]``, one line per draft claim whose verdict is in
``verdicts``, in draft order, in the compilers' ``path:line:column: message`` form::

    drafts/envoy.md:4:1: contradicted: number: draft says 'more than 27,000 people', CBS News (AP)
    says 'more than 17,000 people' (source CBS News (AP): "Activists say more than 17,000 people ...")

Line and column are 1-based and count characters of the draft as it was read (its file, decoded;
of a saved web page, the page's extracted text), from the claim's start offset: an editor jumps
to the claim. A contradicted claim quotes the source claim that contradicts it; any other, the
draft's own words. Each is one line: quotes are shortened and their line breaks made spaces.
"""

from __future__ import annotations

from collections.abc import Collection

from .records import Claim
from .report import Report

__all__ = ["line_column", "lines"]

#: A quotation in a gate line is shortened to about this many characters.
QUOTE_CHARS = 160


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``text[offset]``; a CR LF or a lone CR ends a line as LF does."""
    head = text[:offset]
    line_start = max(head.rfind("\n"), head.rfind("\r")) + 1
    crlf = head.count("\r\n")
    return head.count("\n") + head.count("\r") - crlf + 1, offset - line_start + 1


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > QUOTE_CHARS:
        flat = flat[: QUOTE_CHARS - 3].rsplit(" ", 1)[0] + " ..."
    return flat


def lines(report: Report, verdicts: Collection[str]) -> list[str]:
    """One line per draft claim whose verdict is in ``verdicts`` (``report`` is a check's)."""
    draft = report.sources[0]
    where = draft.path or draft.id
    out = []
    for f in report.findings:
        if f.kind not in verdicts:
            continue
        claim = report.claim(f.claims[0])
        line, column = line_column(draft.text, claim.start)
        message = " ".join(f.explanation.split())
        evidence = [report.claim(c) for c in f.claims[1:]]
        if f.kind == "contradicted" and evidence:
            message += f" ({_source_quote(report, evidence[0])})"
        else:
            message += f' (draft: "{_quote(claim.text)}")'
        out.append(f"{where}:{line}:{column}: {f.kind}: {message}")
    return out


def _source_quote(report: Report, c: Claim) -> str:
    source = report.source(c.source)
    return f'source {source.name}: "{_quote(source.text[c.start : c.end])}"'
