"""The pre-commit / CI gate: the hook manifest, several drafts against one set of sources,
PATH:LINE:COLUMN lines on standard output, and Markdown drafts read without their markup."""

import json
import re
import tomllib

import pytest
import yaml
from typer.testing import CliRunner

import compare.pipeline as pipeline
from compare.cli import app

from .conftest import ROOT, FakeEmbedder

runner = CliRunner()

SOURCE = (
    "Flooding closed the main bridge in Riverton on Monday, officials said.\n"
    "Rescuers saved at least 12 people from their homes in the flooded streets.\n"
    "A local school was turned into a shelter for 200 families.\n"
)


@pytest.fixture
def embedded(monkeypatch):
    """The fake model, counting how often it is loaded and every text it embeds."""
    seen = {"loads": 0, "texts": []}
    model = FakeEmbedder()
    inner = model.embed

    def embed(texts):
        seen["texts"].extend(texts)
        return inner(texts)

    model.embed = embed

    def load(options):
        seen["loads"] += 1
        return model

    monkeypatch.setattr(pipeline, "get_embedder", load)
    return seen


@pytest.fixture
def story(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "drafts").mkdir()
    source = tmp_path / "sources" / "herald.txt"
    source.write_text(SOURCE, encoding="utf-8")
    return tmp_path, source


def _invoke(*args):
    return runner.invoke(app, ["check", *map(str, args), "--no-cache"])


# --- the hook manifest ------------------------------------------------------------------------


def test_hook_manifest_names_an_installed_console_script():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "compare-check")
    assert hook["entry"] == "compare-articles check"
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    # one process for all the changed drafts: the sources are read and the model loaded once
    assert hook["require_serial"] is True
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert hook["entry"].split()[0] in scripts
    files = re.compile(hook["files"])
    assert all(files.search(p) for p in ("drafts/envoy.md", "notes/x.markdown", "draft.txt"))
    assert not any(files.search(p) for p in ("compare/cli.py", "sources.toml", "draft.md.bak"))


# --- several drafts ---------------------------------------------------------------------------


def test_every_argument_is_a_draft_held_against_the_sources_alone(story, embedded):
    root, source = story
    right = root / "drafts" / "right.txt"
    right.write_text("Rescuers saved at least 12 people from their homes in the flooded streets.\n")
    wrong = root / "drafts" / "wrong.txt"
    wrong.write_text("Rescuers saved at least 40 people from their homes in the flooded streets.\n")
    result = _invoke(right, wrong, "--against", source)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    # the right draft is not contradicted by the wrong one: a draft is never another's source
    assert len(lines) == 1 and lines[0].startswith(f"{wrong}:1:1: contradicted: "), result.stdout
    assert "12 people" in lines[0] and "40 people" in lines[0]
    assert f"{right}: 1 supported, 0 contradicted, 0 unsupported" in result.stderr
    assert f"{wrong}: 0 supported, 1 contradicted, 0 unsupported" in result.stderr


def test_sources_are_read_and_the_model_loaded_once_for_all_drafts(story, embedded):
    root, source = story
    drafts = []
    for n in range(3):
        d = root / "drafts" / f"d{n}.txt"
        d.write_text(f"Draft {n} says the school was turned into a shelter for 200 families.\n")
        drafts.append(d)
    result = _invoke(*drafts, "--against", source)
    assert result.exit_code == 0, result.output
    assert embedded["loads"] == 1
    for line in SOURCE.splitlines():
        assert embedded["texts"].count(line) == 1, line


def test_a_changed_source_passed_by_pre_commit_is_not_checked_as_a_draft(story, embedded):
    root, source = story
    result = _invoke(source, "--against", source)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"skipping {source}: it is one of the --against sources" in result.stderr


def test_without_against_the_first_argument_is_the_draft_and_the_rest_its_sources(story, embedded):
    root, source = story
    draft = root / "drafts" / "wrong.txt"
    draft.write_text("Rescuers saved at least 40 people from their homes in the flooded streets.\n")
    result = _invoke(draft, source)
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith(f"{draft}:1:1: contradicted: ")
    assert result.stderr.strip().endswith("0 supported, 1 contradicted, 0 unsupported")


# --- the gate's output ------------------------------------------------------------------------


def test_gate_lines_point_at_the_claim_and_quote_the_source(story, embedded):
    root, source = story
    draft = root / "drafts" / "story.txt"
    draft.write_text(
        "Riverton floods\n\n"
        "The school became a shelter for 200 families. Rescuers saved at least 40 people from their "
        "homes in the flooded streets.\n"
    )
    result = _invoke(draft, "--against", source, "--fail-on", "contradicted,unsupported")
    assert result.exit_code == 1, result.output
    (line,) = [x for x in result.stdout.splitlines() if ": contradicted: " in x]
    where, _, rest = line.partition(": contradicted: ")
    path, row, col = where.rsplit(":", 2)
    assert path == str(draft) and (int(row), int(col)) == (3, 47)
    text = draft.read_text().splitlines()[int(row) - 1]
    assert text[int(col) - 1 :].startswith("Rescuers saved at least 40")
    assert rest.endswith(
        '(source herald: "Rescuers saved at least 12 people from their homes in the flooded streets.")'
    )
    # the full report is not on standard output without -o
    assert "# " not in result.stdout and "Supported" not in result.stdout


def test_with_output_the_report_is_written_and_the_gate_lines_still_printed(story, embedded, tmp_path):
    root, source = story
    draft = root / "drafts" / "wrong.txt"
    draft.write_text("Rescuers saved at least 40 people from their homes in the flooded streets.\n")
    out = tmp_path / "check.json"
    result = _invoke(draft, "--against", source, "-o", out)
    assert result.exit_code == 1, result.output
    assert json.loads(out.read_text())["mode"] == "check"
    assert result.stdout.startswith(f"{draft}:1:1: contradicted: ")
    # and an explicit --format still puts the report itself on standard output
    md = _invoke(draft, "--against", source, "--format", "md")
    assert md.exit_code == 1 and md.stdout.startswith("# Pre-publication check: wrong vs herald"), md.stdout[
        :200
    ]


def test_several_drafts_write_one_report_each(story, embedded, tmp_path):
    root, source = story
    a, b = root / "drafts" / "a.txt", root / "drafts" / "b.txt"
    a.write_text("The school became a shelter for 200 families, officials said.\n")
    b.write_text("The school became a shelter for 300 families, officials said.\n")
    out = tmp_path / "check.json"
    result = _invoke(a, b, "--against", source, "-o", out)
    assert result.exit_code == 1, result.output
    for name in ("a", "b"):
        data = json.loads((tmp_path / f"check.{name}.json").read_text())
        assert data["sources"][0]["id"] == name and len(data["sources"]) == 2
    assert not out.exists()
    refused = _invoke(a, b, "--against", source, "--format", "json")
    assert refused.exit_code == 2 and "write them with -o" in refused.stderr


# --- Markdown drafts --------------------------------------------------------------------------

MARKDOWN = """---
title: Riverton floods
---
# Floods close *Riverton* bridge

- **Rescuers** saved at least 40 people from their homes in the flooded streets.
- The school became a shelter for 200 families, according to [the city](https://riverton.gov/news).

The mayor said the bridge
will reopen next week.

```
not a claim: 999 people
```
"""


def test_a_markdown_draft_is_read_without_its_markup(story, embedded, tmp_path):
    root, source = story
    draft = root / "drafts" / "floods.md"
    draft.write_text(MARKDOWN, encoding="utf-8")
    out = tmp_path / "check.json"
    result = _invoke(draft, "--against", source, "-o", out, "--fail-on", "contradicted,unsupported")
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text())
    claims = [c for c in data["claims"] if c["source"] == "floods"]
    texts = [c["text"] for c in claims]
    assert texts == [
        "Floods close Riverton bridge",
        "Rescuers saved at least 40 people from their homes in the flooded streets.",
        "The school became a shelter for 200 families, according to the city.",
        "The mayor said the bridge will reopen next week.",
    ]
    for c in claims:  # offsets point into the file as written
        span = MARKDOWN[c["start"] : c["end"]]
        assert all(w.strip(".") in span for w in c["text"].split()), (c["text"], span)
        assert not span.startswith(("#", "-", "*", "[")), span
    reasons = {s["reason"] for s in data["skipped"] if s["source"] == "floods"}
    assert {"front matter of the Markdown draft", "code block in the Markdown draft"} <= reasons
    # and the gate line's line and column are the file's
    line = next(x for x in result.stdout.splitlines() if ": contradicted: " in x)
    assert line.startswith(f"{draft}:6:5: contradicted: "), line


def test_a_markdown_draft_written_like_plain_text_keeps_its_title_and_joins_wrapped_lines(
    story, embedded, tmp_path
):
    # No blank lines: to Markdown one paragraph. The short first line is a title, a line ending a
    # sentence ends its line, and a line broken mid-sentence was wrapped.
    root, source = story
    draft = root / "drafts" / "floods.md"
    draft.write_text(
        "Floods close Riverton bridge\n"
        "Rescuers saved at least 12 people from their homes in the flooded streets.\n"
        "The school became a shelter for 200 families, and the mayor said\n"
        "the bridge will reopen next week.\n",
        encoding="utf-8",
    )
    out = tmp_path / "check.json"
    result = _invoke(draft, "--against", source, "-o", out)
    assert result.exit_code == 0, result.output
    claims = [c for c in json.loads(out.read_text())["claims"] if c["source"] == "floods"]
    assert [(c["kind"], c["text"]) for c in claims] == [
        ("headline", "Floods close Riverton bridge"),
        ("sentence", "Rescuers saved at least 12 people from their homes in the flooded streets."),
        (
            "sentence",
            "The school became a shelter for 200 families, and the mayor said the bridge will reopen next "
            "week.",
        ),
    ]
    # the same words in a .txt file are not Markdown: read line by line, markup and all
    text = root / "drafts" / "floods.txt"
    text.write_text("- **Rescuers** saved at least 12 people from their homes in the flooded streets.\n")
    _invoke(text, "--against", source, "-o", out)
    (claim,) = [c for c in json.loads(out.read_text())["claims"] if c["source"] == "floods"]
    assert "**Rescuers**" in claim["text"]
