"""Where reports go and in which form: CSV and JSON Lines rows, -o - (standard output), outputs
refused before any work, and the mode a written report gets under the user's umask."""

from __future__ import annotations

import csv
import io
import json
import os
import stat

import pytest
from typer.testing import CliRunner

import compare.cli as cli
import compare.pipeline as pipeline
from compare.cli import app
from compare.errors import InputError
from compare.render.rows import COLUMNS, to_csv, to_jsonl

from .conftest import FLOOD_A, FLOOD_B, FakeEmbedder

runner = CliRunner()

pytestmark = pytest.mark.usefixtures("fake_model")


@pytest.fixture
def pair(tmp_path):
    a, b = tmp_path / "herald.txt", tmp_path / "gazette.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return str(a), str(b)


# The flood story again, with a sentence that carries commas and quotes, and one that a
# spreadsheet would run as a formula if it were not neutralised.
A = FLOOD_A + ' The mayor said: "Stay home, stay safe, and call 911."\n\n=1+2 was scrawled on the bridge.'
B = FLOOD_B


def run(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def one_line_error(result, code: int) -> str:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("compare-articles: error: ")
    return lines[0].removeprefix("compare-articles: error: ")


def _json_report(pair) -> dict:
    result = run("report", *pair, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- CSV and JSON Lines ---------------------------------------------------------------------------------


def test_csv_has_one_row_per_finding_and_claim(pair, tmp_path):
    out = tmp_path / "findings.csv"
    result = run("report", *pair, "-o", out)
    assert result.exit_code == 0, result.output
    data = _json_report(pair)
    with open(out, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    assert tuple(table[0]) == COLUMNS
    expected = [(n, e) for n, f in enumerate(data["findings"], 1) for e in f["evidence"]]
    assert len(table) - 1 == len(expected) > 0
    for row, (n, e) in zip(table[1:], expected, strict=True):
        cells = dict(zip(COLUMNS, row, strict=True))
        finding = data["findings"][n - 1]
        assert cells["finding"] == str(n) and cells["kind"] == finding["kind"]
        assert cells["claim"] == e["claim"] and cells["source"] == e["source"]
        assert (int(cells["start"]), int(cells["end"])) == (e["start"], e["end"])
        assert cells["quote"] == (e["quote"] if not e["quote"].startswith("=") else "'" + e["quote"])
        assert cells["score"] == str(finding["score"])
    # Article text with commas and quotes reads back exactly (line breaks: see the rows test).
    quotes = [dict(zip(COLUMNS, r, strict=True))["quote"] for r in table[1:]]
    assert 'The mayor said: "Stay home, stay safe, and call 911."' in quotes


def test_a_would_be_formula_is_neutralised_in_csv_only(pair, tmp_path):
    csv_out, jsonl_out = tmp_path / "r.csv", tmp_path / "r.jsonl"
    result = run("report", *pair, "-o", csv_out, "-o", jsonl_out, "--name", "gazette=+Gazette")
    assert result.exit_code == 0, result.output
    cells = [c for row in csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8"))) for c in row]
    assert "'=1+2 was scrawled on the bridge." in cells and "'+Gazette" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    rows = [json.loads(line) for line in jsonl_out.read_text(encoding="utf-8").splitlines()]
    assert "=1+2 was scrawled on the bridge." in {r["quote"] for r in rows}
    assert "+Gazette" in {r["source_name"] for r in rows}


def test_jsonl_rows_match_the_csv_rows(pair, tmp_path):
    csv_out, jsonl_out = tmp_path / "r.csv", tmp_path / "r.jsonl"
    assert run("report", *pair, "-o", csv_out, "-o", jsonl_out).exit_code == 0
    text = jsonl_out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    rows = [json.loads(line) for line in text.split("\n")[:-1]]
    table = list(csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8"), newline="")))[1:]
    assert len(rows) == len(table)
    for r, row in zip(rows, table, strict=True):
        assert tuple(r) == COLUMNS
        assert isinstance(r["finding"], int) and isinstance(r["start"], int)
        for column, cell in zip(COLUMNS, row, strict=True):
            value = "" if r[column] is None else str(r[column])
            assert cell in (value, "'" + value)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_format_to_standard_output_and_the_same_bytes_every_run(pair, tmp_path, fmt):
    first = run("report", *pair, "--format", fmt)
    assert first.exit_code == 0, first.output
    again = tmp_path / f"again.{fmt}"
    assert run("report", *pair, "-o", again).exit_code == 0
    assert again.read_bytes() == first.stdout_bytes
    header = first.stdout_bytes.decode("utf-8").split("\r\n" if fmt == "csv" else "\n")[0]
    if fmt == "csv":
        assert header == ",".join(COLUMNS)
    else:
        assert tuple(json.loads(header)) == COLUMNS


def test_check_verdicts_as_rows(tmp_path):
    draft, source = tmp_path / "draft.txt", tmp_path / "source.txt"
    draft.write_text(FLOOD_A, encoding="utf-8")
    source.write_text(FLOOD_B, encoding="utf-8")
    out_csv, out_json = tmp_path / "v.csv", tmp_path / "v.json"
    result = run(
        "check", draft, "--against", source, "-o", out_csv, "-o", out_json, "--fail-on", "unsupported"
    )
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out_json.read_text(encoding="utf-8"))
    table = [dict(zip(COLUMNS, r, strict=True)) for r in list(csv.reader(open(out_csv, newline="")))[1:]]
    assert len(table) == sum(len(f["evidence"]) for f in data["findings"])
    assert {r["kind"] for r in table} <= {"supported", "contradicted", "unsupported"}
    # Each verdict's first row is the draft's claim; any further rows are its evidence in the source.
    firsts = {}
    for r in table:
        firsts.setdefault(r["finding"], r)
    assert len(firsts) == len(data["findings"]) and all(r["source"] == "draft" for r in firsts.values())
    evidence = [r for r in table if r is not firsts[r["finding"]]]
    assert all(r["source"] == "source" for r in evidence)
    assert any(r["kind"] == "supported" for r in evidence)


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


# --- -o - ---------------------------------------------------------------------------------------------


def test_dash_writes_the_report_to_standard_output(pair):
    result = run("report", *pair, "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Comparison: herald vs gazette")
    assert "wrote" not in result.stderr
    as_json = run("report", *pair, "-o", "-", "--format", "json")
    assert json.loads(as_json.stdout)["schema"] == "compare.report/1"


def test_dash_beside_files(pair, tmp_path):
    js = tmp_path / "r.json"
    result = run("report", *pair, "-o", js, "-o", "-", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert json.loads(js.read_text(encoding="utf-8"))["schema"] == "compare.report/1"
    assert result.stdout_bytes.startswith(",".join(COLUMNS).encode() + b"\r\n")
    assert [x for x in result.stderr.splitlines() if ": note: " not in x] == [f"wrote {js}"]


def test_dash_twice_is_refused(pair):
    assert one_line_error(run("report", *pair, "-o", "-", "-o", "-"), 2) == (
        "standard output (-o -): is given twice with -o; name each output once"
    )


# --- outputs refused before any work --------------------------------------------------------------------


@pytest.fixture
def no_work(monkeypatch):
    """Fail the test if a command gets as far as comparing anything."""

    def must_not_run(*args, **kwargs):
        raise AssertionError("the command did work before refusing its output")

    monkeypatch.setattr(pipeline, "compare", must_not_run)
    monkeypatch.setattr(pipeline, "check", must_not_run)


@pytest.mark.parametrize("command", ["report", "check"])
@pytest.mark.parametrize(
    "name,named",
    [
        ("x.pdf", "the suffix '.pdf'"),
        ("report", "a name without a suffix"),
        ("r.MD.bak", "the suffix '.bak'"),
    ],
)
def test_unknown_suffix_is_refused_before_any_work(pair, tmp_path, no_work, command, name, named):
    out = tmp_path / name
    assert one_line_error(run(command, *pair, "-o", tmp_path / "ok.md", "-o", out), 2) == (
        f"{out}: cannot tell the report format from {named}; name the file .md, .json, .html, .csv or "
        ".jsonl, or give -o - for standard output"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazette.txt", "herald.txt"]


def test_a_bad_format_and_a_missing_folder_are_refused_before_any_work(pair, tmp_path, no_work):
    assert one_line_error(run("report", *pair, "--format", "pdf"), 2) == (
        "--format 'pdf': use md, json, html, csv or jsonl"
    )
    out = tmp_path / "nowhere" / "r.csv"
    assert one_line_error(run("check", *pair, "-o", out), 2) == (
        f"{out}: the folder {out.parent} does not exist; create it first (mkdir -p {out.parent})"
    )


def test_format_names_a_single_file_whatever_its_suffix(pair, tmp_path):
    out = tmp_path / "findings.txt"
    assert run("report", *pair, "-o", out, "--format", "csv").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(",".join(COLUMNS))


# --- file modes -----------------------------------------------------------------------------------------


@pytest.fixture
def umask():
    old = os.umask(0o022)
    os.umask(old)

    def set_to(mask: int) -> None:
        os.umask(mask)

    yield set_to
    os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_reports_get_the_mode_the_umask_gives(pair, tmp_path, umask, mask, mode):
    umask(mask)
    md, csv_out = tmp_path / "r.md", tmp_path / "r.csv"
    csv_out.write_text("old")
    csv_out.chmod(0o600)  # an existing file takes the umask's mode too
    result = run("report", *pair, "-o", md, "-o", csv_out)
    assert result.exit_code == 0, result.output
    for path in (md, csv_out):
        assert stat.S_IMODE(path.stat().st_mode) == mode, path


@pytest.mark.skipif(os.name != "posix", reason="POSIX umask")
def test_the_umask_is_read_without_proc(monkeypatch, umask):
    umask(0o027)
    assert cli._umask() == 0o027

    def no_proc(*args, **kwargs):
        raise FileNotFoundError("/proc/self/status")

    monkeypatch.setattr(cli, "open", no_proc, raising=False)
    assert cli._umask() == 0o027
    assert os.umask(0o027) == 0o027  # and it was put back
