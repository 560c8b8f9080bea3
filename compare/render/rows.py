"""Report dict -> flat rows for spreadsheets (CSV) and line-oriented tools (JSON Lines).

One row per finding and claim: a contradiction between two sources is two rows sharing the
``finding`` number, a unique fact one row, a check verdict one row for the draft's claim and one
per source claim given as its evidence. The rows are built once, here, from the report's plain
dict (the JSON contract), and both formats write the same columns in the same order, so the same
report always gives the same bytes.

CSV is for spreadsheets, which run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula: such cells get a leading ``'`` (OWASP's advice against CSV
injection), so an article cannot plant a formula in a journalist's sheet. JSON Lines keeps the
text exactly as in the JSON report.
"""

from __future__ import annotations

import csv
import io
import json
import re

#: The columns of both formats, in order.
COLUMNS = (
    "finding",  # 1-based number of the finding, in report order
    "kind",  # contradiction, agreement, unique, ... or supported, contradicted, unsupported
    "type",  # the conflict types, comma-separated ("number, time"); empty when none
    "score",
    "scope",  # "across" sources or "within" one
    "source",  # source id
    "source_name",
    "claim",  # claim id ("cbs:12")
    "quote",  # the claim's original text
    "start",  # character offsets of the quote in the source text
    "end",
    "explanation",
)

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A lone surrogate (possible in text handed to the library) cannot be written as UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Line breaks that json.dumps leaves raw without ensure_ascii, and str.splitlines() splits on.
_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _text(value: str) -> str:
    return _SURROGATE.sub("\ufffd", value)


def rows(report: dict) -> list[dict]:
    """One dict per finding and claim, keyed by ``COLUMNS``."""
    names = {s["id"]: s["name"] for s in report["sources"]}
    out: list[dict] = []
    for n, f in enumerate(report["findings"], 1):
        types = ", ".join(dict.fromkeys(c["type"] for c in f["conflicts"]))
        for e in f["evidence"]:
            out.append(
                {
                    "finding": n,
                    "kind": f["kind"],
                    "type": _text(types),
                    "score": f["score"],
                    "scope": f["scope"],
                    "source": _text(e["source"]),
                    "source_name": _text(names[e["source"]]),
                    "claim": _text(e["claim"]),
                    "quote": _text(e["quote"]),
                    "start": e["start"],
                    "end": e["end"],
                    "explanation": _text(f["explanation"]),
                }
            )
    return out


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(report: dict) -> str:
    """RFC 4180 CSV with a header row: fields holding commas, quotes or line breaks are quoted,
    so article text reads back exactly (bar the ``'`` before a would-be formula)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(report):
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    return buffer.getvalue()


def _line(row: dict) -> str:
    text = json.dumps(row, ensure_ascii=False)  # control characters, \n and \r included, are escaped
    for raw, escaped in _BREAKS.items():
        text = text.replace(raw, escaped)  # they can only occur inside strings
    return text + "\n"


def to_jsonl(report: dict) -> str:
    """One JSON object a line, keys in ``COLUMNS`` order; UTF-8, not escaped to ASCII, with every
    line break inside a value escaped so that any line splitter finds one object a line."""
    return "".join(_line(row) for row in rows(report))
