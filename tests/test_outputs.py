"""Where reports go and in which form: CSV and JSON Lines rows built once from the report's dict."""

from __future__ import annotations

import csv
import io
import json

import pytest

from compare.errors import InputError
from compare.render.rows import to_csv, to_jsonl

from .conftest import FLOOD_A, FLOOD_B, FakeEmbedder


def _report_dict(quote: str, name: str, explanation: str) -> dict:
    return {
        "sources": [{"id": "a", "name": name}],
        "findings": [
            {
                "kind": "contradiction",
                "score": 0.5,
                "scope": "across",
                "explanation": explanation,
                "conflicts": [{"type": "number"}, {"type": "number"}, {"type": "time"}],
                "evidence": [{"claim": "a:1", "source": "a", "start": 3, "end": 9, "quote": quote}],
            }
        ],
    }


def test_rows_round_trip_hostile_text():
    quote = 'He said, "no",\r\nthen\u2028left \ud800 @once'
    report = _report_dict(quote, "@Herald", "-3 people: 'a' vs \"b\"")
    (row,) = csv.DictReader(io.StringIO(to_csv(report), newline=""))
    assert row["quote"] == quote.replace("\ud800", "\ufffd")
    assert row["source_name"] == "'@Herald" and row["explanation"] == "'-3 people: 'a' vs \"b\""
    assert row["type"] == "number, time"
    text = to_jsonl(report)
    assert text.count("\n") == 1 and len(text.splitlines()) == 1  # U+2028 is escaped
    assert json.loads(text)["quote"] == quote.replace("\ud800", "\ufffd")
    assert json.loads(text)["source_name"] == "@Herald"


def test_render_knows_every_format():
    from compare import compare

    r = compare([FLOOD_A, FLOOD_B], embedder=FakeEmbedder(), cache_dir=None)
    assert r.render("csv") == r.to_csv() == to_csv(r.to_dict())
    assert r.render("jsonl") == r.to_jsonl() == to_jsonl(r.to_dict())
    with pytest.raises(InputError, match="unknown format 'pdf'; use md, json, html, csv or jsonl"):
        r.render("pdf")
