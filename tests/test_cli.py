import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import compare.pipeline as pipeline
from compare.cli import app

from .conftest import FLOOD_A, FLOOD_B, ROOT, FakeEmbedder

runner = CliRunner()

A, B = FLOOD_A, FLOOD_B


pytestmark = pytest.mark.usefixtures("fake_model")


@pytest.fixture
def pair(tmp_path):
    a, b = tmp_path / "herald.txt", tmp_path / "gazette.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return a, b


def test_report_writes_markdown_and_json_in_one_run(pair, tmp_path):
    md, js = tmp_path / "r.md", tmp_path / "r.json"
    result = runner.invoke(app, ["report", str(pair[0]), str(pair[1]), "-o", str(md), "-o", str(js)])
    assert result.exit_code == 0, result.output
    assert md.read_text(encoding="utf-8").startswith("# Comparison: herald vs gazette")
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["schema"] == "compare.report/1"
    assert [s["id"] for s in data["sources"]] == ["herald", "gazette"]


def test_report_to_stdout_with_names_and_dates(pair):
    result = runner.invoke(
        app,
        [
            "report",
            str(pair[0]),
            str(pair[1]),
            "--format",
            "json",
            "--name",
            "herald=The Herald",
            "--published",
            "gazette=2021-03-02",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sources"][0]["name"] == "The Herald"
    assert data["sources"][1]["published"] == "2021-03-02"


def test_same_inputs_same_bytes(pair, tmp_path):
    outs = []
    for n in range(2):
        out = tmp_path / f"r{n}.md"
        assert runner.invoke(app, ["report", str(pair[0]), str(pair[1]), "-o", str(out)]).exit_code == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda d: d / "missing.txt", "missing.txt: no such file; check the path"),
        (
            lambda d: (d / "empty.txt").write_text("") and d / "empty.txt" or d / "empty.txt",
            "empty.txt: is empty; give it the article's text",
        ),
        (
            lambda d: (d / "x.pdf").write_bytes(b"%PDF-1.4 binary") and d / "x.pdf",
            "x.pdf: looks like a PDF, not text",
        ),
        (
            lambda d: (d / "n.bin").write_bytes(b"ab\x00cd") and d / "n.bin",
            "n.bin: contains NUL bytes, so it is binary, not text",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path, pair, make, message):
    bad = make(tmp_path)
    result = runner.invoke(app, ["report", str(bad), str(pair[1])])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.output


def test_latin1_file_is_read(tmp_path, pair):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(
        "The caf\xe9 near the Riverton bridge was closed by the floods on Monday, the owner said.".encode(
            "latin-1"
        )
    )
    result = runner.invoke(app, ["report", str(latin), str(pair[1]), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert "caf\u00e9" in json.loads(result.stdout)["claims"][0]["text"]


def test_single_source_is_refused(pair):
    result = runner.invoke(app, ["report", str(pair[0])])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"compare-articles: error: only one source given ({pair[0]}); "
        "compare needs at least two articles about the same story"
    )


def test_output_in_missing_folder_writes_nothing(pair, tmp_path):
    out = tmp_path / "nowhere" / "r.md"
    result = runner.invoke(app, ["report", str(pair[0]), str(pair[1]), "-o", str(out)])
    assert result.exit_code == 2
    assert "the folder" in result.stderr and "does not exist; create it first" in result.stderr
    assert not out.parent.exists()


def test_internal_error_exit_3_points_at_trace_without_showing_it(pair, monkeypatch):
    def boom(*a, **k):
        secret = "UNPUBLISHED DRAFT TEXT"  # noqa: F841 - a local that must never be printed
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "compare", boom)
    result = runner.invoke(app, ["report", str(pair[0]), str(pair[1])])
    assert result.exit_code == 3
    assert "internal error (RuntimeError); the trace is in" in result.stderr
    trace_path = result.stderr.split("the trace is in ")[1].split(";")[0]
    trace = open(trace_path, encoding="utf-8").read()
    assert "RuntimeError: boom" in trace
    assert "UNPUBLISHED" not in trace and "UNPUBLISHED" not in result.output


def test_help_does_not_import_torch():
    code = (
        "import sys; from compare.cli import app; import compare; print('torch' in sys.modules, 'numpy' "
        "in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]


def test_python_m_compare_help():
    out = subprocess.run(
        [sys.executable, "-m", "compare", "report", "--help"], capture_output=True, text=True
    )
    assert out.returncode == 0 and "--published" in out.stdout and "Exit codes" in out.stdout


def test_a_partial_eval_prints_without_replacing_the_full_table(tmp_path, monkeypatch):
    # `eval --set mrpc` once overwrote reports/eval.md with one set's rows; a partial run now
    # only prints unless -o names a file.
    data = tmp_path / "data" / "mrpc"
    data.mkdir(parents=True)
    rows = [
        "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String",
        "1\t1\t2\tThe council approved the budget on Monday.\tOn Monday the council approved the budget.",
        "0\t3\t4\tThe river flooded the town on Sunday.\tThe mayor resigned after the vote on Friday.",
    ]
    (data / "train.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    result = runner.invoke(app, ["eval", "--data", "data", "--set", "mrpc"])
    assert result.exit_code == 0, result.output
    assert "MRPC train" in result.output
    assert not (tmp_path / "reports" / "eval.md").exists()
    result = runner.invoke(app, ["eval", "--data", "data", "--set", "mrpc", "-o", "partial.md"])
    assert result.exit_code == 0, result.output
    assert "MRPC train" in (tmp_path / "partial.md").read_text(encoding="utf-8")


# --- version, help ----------------------------------------------------------------------------------------


COMMANDS = ["report", "check", "eval", "prepare-model", "batch", "cluster"]


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    from importlib import metadata

    result = runner.invoke(app, [flag])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"compare-articles {metadata.version('compare-articles')}\n"


def test_version_without_package_metadata(monkeypatch):
    from importlib import metadata

    import compare

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    assert runner.invoke(app, ["-V"]).stdout == f"compare-articles {compare.__version__}\n"


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_dash_h_is_help(command):
    short, long = runner.invoke(app, [*command, "-h"]), runner.invoke(app, [*command, "--help"])
    assert short.exit_code == long.exit_code == 0, short.output
    assert short.stdout == long.stdout and short.stdout.startswith("Usage: ")
    assert "-h, --help" in short.stdout


def _help(command: list[str]) -> str:
    result = runner.invoke(app, [*command, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_shows_no_type_placeholders(command):
    text = _help(command)
    assert not re.search(r"<[^>\s]*>", text), text  # <list[str]>, <path>, <int>
    assert "{" not in text and "}" not in text, text  # {sources}..., {DRAFT [SOURCES]...}...


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_ends_with_examples(command):
    lines = _help([command]).rstrip().splitlines()
    start = max(i for i, line in enumerate(lines) if line.strip() == "Examples:")
    examples = [line.strip() for line in lines[start + 1 :]]
    assert 1 <= len(examples) <= 2
    assert all(f"compare-articles {command}" in e for e in examples), examples


def test_usage_lines_name_arguments_plainly():
    assert _help(["report"]).startswith("Usage: compare-articles report [OPTIONS] SOURCES...\n")
    assert _help(["check"]).startswith("Usage: compare-articles check [OPTIONS] DRAFT...\n")


# --- standard input given twice ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["report", "-", "-"], ["check", "-", "-"], ["check", "-", "--against", "-"]], ids=str
)
def test_standard_input_twice_is_refused(args, pair):
    result = runner.invoke(app, [*args, str(pair[1])], input=A)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "compare-articles: error: -: standard input is given twice, but it can be read only once; pass "
        "one article as -, the others as files\n"
    )
    once = runner.invoke(app, [args[0], "-", str(pair[1]), "-f", "json"], input=A)
    assert once.exit_code == 0, once.output
    assert json.loads(once.stdout)["sources"][0]["id"] == "stdin"


# --- the first run's model export, said on standard error ------------------------------------------------


class _FakeEncoder:
    """Stands in for the ONNX encoder: the export's decisions, not onnxruntime, are under test."""

    def __init__(self, path, model_dir, threads=None):
        assert Path(path).read_text() == "exported"

    def check(self, model_sha256, variant):
        return None

    def encode(self, texts, batch_size=32, progress=None):
        return FakeEmbedder().embed(texts)


@pytest.fixture
def fake_export(monkeypatch):
    """The one-off export without torch: writes a marker file where the model would go."""
    import compare.embed as embed
    from compare import onnx_encoder

    calls = []

    def export(model_dir, target, model_sha256, variant="fp32"):
        calls.append(target)
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        Path(target).write_text("exported")
        return Path(target)

    monkeypatch.setattr(onnx_encoder, "export", export)
    monkeypatch.setattr(onnx_encoder, "OnnxEncoder", _FakeEncoder)
    monkeypatch.setattr(embed, "verify_bundled", lambda path, cache_dir: None)
    monkeypatch.setattr(pipeline, "get_embedder", _REAL_GET_EMBEDDER)
    monkeypatch.setattr(pipeline, "_EMBEDDERS", {})
    monkeypatch.delenv("COMPARE_BACKEND", raising=False)
    return calls


_REAL_GET_EMBEDDER = pipeline.get_embedder


def test_prepare_model_says_what_it_does_on_stderr_off_a_terminal(fake_export):
    from compare import onnx_encoder
    from compare.options import DEFAULT_MODEL_SHA256

    root = Path(os.environ["COMPARE_CACHE_DIR"])
    target = onnx_encoder.export_path(root, DEFAULT_MODEL_SHA256)
    result = runner.invoke(app, ["prepare-model"])  # CliRunner's stderr is no terminal
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{target}\n"
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "compare-articles: first run: preparing the bundled model all-MiniLM-L6-v2 for fast start "
        f"(one-off, about {onnx_encoder.EXPORT_SECONDS} s; cached in {target.parent})"
    )
    ready = r"compare-articles: the bundled model is ready \(\d+ s\); later runs load it from "
    assert re.fullmatch(ready + re.escape(str(target)), lines[1]), lines[1]
    assert len(lines) == 2 and fake_export == [target]
    again = runner.invoke(app, ["prepare-model"])
    assert again.exit_code == 0 and again.stdout == f"{target}\n" and again.stderr == ""
    assert fake_export == [target]  # prepared once


def test_a_first_report_says_so_on_stderr_unless_quiet(fake_export, pair, tmp_path):
    out = tmp_path / "r.md"
    result = runner.invoke(app, ["report", str(pair[0]), str(pair[1]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    first, ready, wrote = [x for x in result.stderr.splitlines() if ": note: " not in x]
    assert first.startswith("compare-articles: first run: preparing the bundled model all-MiniLM-L6-v2")
    assert ready.startswith("compare-articles: the bundled model is ready (")
    assert wrote == f"wrote {out}"
    import compare.onnx_encoder as onnx_encoder
    from compare.options import DEFAULT_MODEL_SHA256

    onnx_encoder.export_path(Path(os.environ["COMPARE_CACHE_DIR"]), DEFAULT_MODEL_SHA256).unlink()
    pipeline._EMBEDDERS.clear()
    # Embeddings cached by the first run need no model at all: --no-cache makes it load again.
    quiet = runner.invoke(app, ["check", str(pair[0]), str(pair[1]), "-q", "--no-cache"])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stderr == "" and len(fake_export) == 2


def test_a_library_user_hears_of_the_first_run_too(tmp_path):
    # No logging configured, standard error a pipe: Python still prints the notice.
    code = f"""
from pathlib import Path
from compare import onnx_encoder
from tests.test_cli import _FakeEncoder
def export(model_dir, target, sha, variant="fp32"):
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    Path(target).write_text("exported")
onnx_encoder.export, onnx_encoder.OnnxEncoder = export, _FakeEncoder
onnx_encoder.load(Path("model"), Path({str(tmp_path)!r}), "0" * 64)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stderr.startswith("first run: preparing the bundled model all-MiniLM-L6-v2 for fast start")
    assert "the bundled model is ready" in out.stderr


def test_prepare_model_failure_is_one_line(fake_export, monkeypatch):
    from compare import onnx_encoder

    def fails(*args, **kwargs):
        raise onnx_encoder.ExportError("exporting the model to ONNX needs torch (torch is missing)")

    monkeypatch.setattr(onnx_encoder, "export", fails)
    result = runner.invoke(app, ["prepare-model"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "compare-articles: error: all-MiniLM-L6-v2 cannot run through ONNX Runtime (exporting the model "
        "to ONNX needs torch (torch is missing)); use the torch backend (COMPARE_BACKEND=torch) or a "
        "writable cache folder (COMPARE_CACHE_DIR)"
    )


def test_prepare_model_with_the_torch_backend_has_nothing_to_do(fake_export, monkeypatch):
    monkeypatch.setenv("COMPARE_BACKEND", "torch")
    result = runner.invoke(app, ["prepare-model"])
    assert result.exit_code == 0 and result.stdout == "" and fake_export == []
    assert "nothing to prepare" in result.stderr


@pytest.mark.slow
def test_prepare_model_really_exports(tmp_path, monkeypatch):
    """The real export, with torch, into a fresh cache folder: then a report needs no export."""
    monkeypatch.setattr(pipeline, "get_embedder", _REAL_GET_EMBEDDER)
    monkeypatch.setattr(pipeline, "_EMBEDDERS", {})
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("COMPARE_BACKEND", raising=False)
    result = runner.invoke(app, ["prepare-model"])
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.strip())
    assert path.is_file() and path.is_relative_to(tmp_path / "cache")
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)
    assert "first run: preparing" in result.stderr and "is ready" in result.stderr
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    report = runner.invoke(
        app,
        [
            "report",
            str(a),
            str(b),
            "-f",
            "json",
            "--published",
            "a=2024-03-04",
            "--published",
            "b=2024-03-04",
        ],
    )
    assert report.exit_code == 0, report.output
    assert report.stderr == "" and "onnx" in json.loads(report.stdout)["model"]  # no export, no note
