"""Robust under bad input and hostile text (issue #6): clear errors, nothing lost, nothing injected.

Every case goes through the real command line (typer's CliRunner on ``compare.cli.app``) with
the fake embedder: a user error is one line on stderr naming the input and the fix, exit 2; an
internal error is one line naming the trace file, exit 3; Ctrl-C is exit 130; never a traceback,
never half a report, never a temporary file left behind.
"""

from __future__ import annotations

import builtins
import errno
import html
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import compare.pipeline as pipeline
from compare import Article, compare
from compare.clean import normalize_text
from compare.cli import app
from compare.pipeline import english_share
from compare.segment import MAX_WORDS

from .conftest import FLOOD_A, FLOOD_B, ROOT, FakeEmbedder

runner = CliRunner()
PREFIX = "compare-articles: error: "

A, B = FLOOD_A, FLOOD_B


pytestmark = pytest.mark.usefixtures("fake_model")


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "gazette.txt"
    p.write_text(B, encoding="utf-8")
    return p


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def run(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def one_line_error(result, code: int) -> str:
    """The single stderr line of a failed run, checked for the exit code and the contract."""
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(PREFIX), lines[0]
    return lines[0][len(PREFIX) :]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def report_json(*args) -> dict:
    result = run("report", *args, "-f", "json")
    assert result.exit_code == 0, (result.output, result.exception)
    return json.loads(result.stdout)


def check_offsets(original: str, data: dict, source: str) -> None:
    """Every claim of ``source`` points at its text in the source as decoded, and so does its evidence."""
    own = [c for c in data["claims"] if c["source"] == source]
    assert own
    for c in own:
        assert normalize_text(original[c["start"] : c["end"]]) == c["text"], c
    quotes = [ev for f in data["findings"] for ev in f["evidence"] if ev["source"] == source]
    for ev in quotes:
        assert ev["quote"] == original[ev["start"] : ev["end"]]


# --- inputs that cannot be compared: one line, exit 2 -----------------------------------------------------


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("empty.txt", b"", "is empty; give it the article's text"),
        ("blank.txt", b" \n\t\r\n  \n", "is empty; give it the article's text"),
        ("blank16.txt", "\ufeff  \n ".encode("utf-16-le"), "is empty; give it the article's text"),
        (
            "scan.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "looks like a PDF, not text; save the article as plain text (UTF-8) and pass that",
        ),
        (
            "photo.png",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "looks like a PNG image, not text; save the article as plain text (UTF-8) and pass that",
        ),
        (
            "nul.txt",
            b"Officials said\x00 twelve people",
            (
                "contains NUL bytes, so it is binary, not text; save the article as plain text (UTF-8) "
                "and pass that"
            ),
        ),
        (
            "dashes.txt",
            b"----\n****\n1234",
            "holds no sentence-shaped text to compare; give it the article's prose",
        ),
    ],
)
def test_unusable_input_is_named_with_the_fix(tmp_path, good, name, data, message):
    bad = write(tmp_path / name, data)
    assert one_line_error(run("report", bad, good), 2) == f"{bad}: {message}"


def test_missing_path(tmp_path, good):
    missing = tmp_path / "nowhere.txt"
    assert one_line_error(run("report", missing, good), 2) == f"{missing}: no such file; check the path"


def test_directory_as_input(tmp_path, good):
    folder = tmp_path / "articles"
    folder.mkdir()
    assert (
        one_line_error(run("report", folder, good), 2)
        == f"{folder}: is a directory; pass the article files inside it"
    )


def test_one_source_only(good):
    assert one_line_error(run("report", good), 2) == (
        f"only one source given ({good}); compare needs at least two articles about the same story"
    )


def test_the_same_file_twice(good):
    assert (
        one_line_error(run("report", good, good), 2)
        == f"{good}: is given twice (as {good} too); pass each source once"
    )


def _deny_reading(monkeypatch, target: Path) -> None:
    """Make every way of opening ``target`` fail as chmod 000 would (for a non-root user)."""
    real_open, real_io_open = builtins.open, io.open

    def guarded(real):
        def opener(file, *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and os.path.realpath(file) == os.path.realpath(target):
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real(file, *args, **kwargs)

        return opener

    monkeypatch.setattr(builtins, "open", guarded(real_open))
    monkeypatch.setattr(io, "open", guarded(real_io_open))


def test_unreadable_file_simulated(tmp_path, good, monkeypatch):
    locked = write(tmp_path / "locked.txt", A)
    _deny_reading(monkeypatch, locked)
    assert (
        one_line_error(run("report", locked, good), 2)
        == f"{locked}: cannot be read (permission denied); check its permissions"
    )


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a chmod 000 file anyway"
)
def test_unreadable_file_chmod_000(tmp_path, good):
    locked = write(tmp_path / "locked.txt", A)
    locked.chmod(0)
    try:
        assert (
            one_line_error(run("report", locked, good), 2)
            == f"{locked}: cannot be read (permission denied); check its permissions"
        )
    finally:
        locked.chmod(0o644)


def test_fifty_megabytes_is_refused_by_default_naming_the_flag(tmp_path, good):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50_000_000)  # sparse: the size check must come before any read
    assert one_line_error(run("report", big, good), 2) == (
        f"{big}: is 50,000,000 bytes, over the 5,000,000-byte limit; pass --max-bytes 50000000 to "
        "compare it anyway"
    )


def test_over_the_limit_on_standard_input(good):
    result = run("report", "-", good, "--max-bytes", "1000", input=b"x " * 600)
    assert (
        one_line_error(result, 2)
        == "standard input: is over the 1,000-byte limit; pass --max-bytes to raise it"
    )


def test_max_bytes_must_be_positive(tmp_path, good):
    a = write(tmp_path / "a.txt", A)
    assert (
        one_line_error(run("report", a, good, "--max-bytes", "0"), 2)
        == "--max-bytes 0: give a positive number of bytes"
    )


@pytest.mark.parametrize(
    "args,error",
    [
        ([], "Missing argument"),
        (["--bogus"], "No such option: --bogus"),
        (["a.txt", "b.txt", "--max-bytes", "lots"], "Invalid value for '--max-bytes'"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args, error):
    result = run("report", *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert error in result.stderr.strip().splitlines()[-1]


def test_unknown_command_exits_2():
    result = run("nonsense")
    assert result.exit_code == 2 and "No such command" in result.stderr and "Traceback" not in result.output


def test_check_with_empty_draft(tmp_path, good):
    draft = write(tmp_path / "draft.md", "\n\n")
    assert (
        one_line_error(run("check", draft, "--against", good), 2)
        == f"{draft}: is empty; give it the article's text"
    )


# --- odd but valid input: it works, and offsets stay right ------------------------------------------------


def codecs_utf16(text: str) -> bytes:
    return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")


def test_utf16_with_bom(tmp_path, good):
    text = (
        "\u201cFlooding\u201d closed the main bridge in Riverton on Monday, officials said.\nAt least 12 "
        "people were rescued."
    )
    f = write(tmp_path / "wide.txt", codecs_utf16(text))
    data = report_json(f, good)
    assert data["claims"][0]["text"].startswith('"Flooding" closed the main bridge')
    check_offsets(text, data, "wide")


def test_utf16_big_endian_with_bom(tmp_path, good):
    text = (
        "Flooding closed the main bridge in Riverton on Monday, officials said. At least 12 people were "
        "rescued."
    )
    f = write(tmp_path / "wide.txt", "\ufeff".encode("utf-16-be") + text.encode("utf-16-be"))
    check_offsets(text, report_json(f, good), "wide")


def test_cp1252_smart_quotes(tmp_path, good):
    text = (
        "The mayor\u2019s office said \u201cthe bridge will reopen next week\u201d \u2014 after "
        "repairs costing \u20ac2 million.\n"
        "At least 12 people were rescued from their homes, officials said."
    )
    f = write(tmp_path / "win.txt", text.encode("cp1252"))
    data = report_json(f, good)
    first = data["claims"][0]
    assert first["text"] == (
        'The mayor\'s office said "the bridge will reopen next week" - after repairs costing \u20ac2 million.'
    )
    assert (
        text[first["start"] : first["end"]] == text.splitlines()[0]
    )  # the quote a reader checks keeps the curly quotes
    check_offsets(text, data, "win")


def test_mixed_line_endings(tmp_path, good):
    text = (
        "Bridge closed by floods\r\n\r\nFlooding closed the main bridge in Riverton on Monday, "
        "officials said.\r"
        "At least 12 people were rescued from their homes.\nThe mayor said the bridge will reopen "
        "next week.\n\r\n"
        "Schools stay shut,\u2028officials said.\r\r"
    )
    f = write(tmp_path / "mixed.txt", text)
    data = report_json(f, good)
    check_offsets(text, data, "mixed")
    texts = [c["text"] for c in data["claims"] if c["source"] == "mixed"]
    assert texts == [
        "Bridge closed by floods",
        "Flooding closed the main bridge in Riverton on Monday, officials said.",
        "At least 12 people were rescued from their homes.",
        "The mayor said the bridge will reopen next week.",
    ]
    skipped = [(x["text"], text[x["start"] : x["end"]]) for x in data["skipped"]]
    assert ("Schools stay shut,", "Schools stay shut,") in skipped  # listed, not lost


def test_ten_thousand_word_sentence(tmp_path, good):
    words = [f"word{n % 97}" for n in range(10_000)]
    f = write(tmp_path / "run_on.txt", "The officials said " + " ".join(words) + " and nothing else.")
    data = report_json(f, good)
    own = [c for c in data["claims"] if c["source"] == "run_on"]
    assert len(own) >= 10_000 // MAX_WORDS
    assert max(len(c["text"].split()) for c in own) <= MAX_WORDS + 3
    assert sum(len(c["text"].split()) for c in own) == 10_000 + 6  # capped, nothing dropped


def test_two_identical_texts_agree_completely(tmp_path):
    a, b = write(tmp_path / "herald.txt", A), write(tmp_path / "copy.txt", A)
    data = report_json(a, b)
    kinds = {f["kind"] for f in data["findings"]}
    assert kinds == {"agreement"}
    agreed = {c for f in data["findings"] for c in f["claims"]}
    assert agreed == {c["id"] for c in data["claims"]}
    assert data["notes"][0] == "two sources have identical text; every claim in them agrees"
    # the rest: neither is dated, and both say "Monday" (the same word names another day in a
    # copy published a week later)
    assert all(n.split(" has no publication date, yet ")[0] in ("herald", "copy") for n in data["notes"][1:])
    md = run("report", a, b)
    assert "> **Note:** two sources have identical text; every claim in them agrees" in md.stdout


# --- another language: a note, not confident nonsense -----------------------------------------------------

SPANISH = """El embajador sirio en Irak abandona el régimen

BEIRUT (AP) — El embajador de Siria en Irak, Nawaf al Fares, anunció el miércoles su deserción y pidió a los militares que se unan a la revolución, según un vídeo difundido en internet.

Fares es el diplomático de más alto rango que abandona el gobierno del presidente Bashar al Asad desde que comenzó la revuelta en marzo de 2011. Según el Observatorio Sirio para los Derechos Humanos, al menos 20 personas murieron el jueves en ataques en la provincia de Hama.
"""  # noqa: E501 (text as written)
GERMAN = """Syrischer Botschafter im Irak läuft zu den Rebellen über

BEIRUT (AP) - Der syrische Botschafter im Irak, Nawaf al Fares, hat sich nach eigenen Angaben von der Regierung in Damaskus losgesagt. In einem am Mittwoch im Internet veröffentlichten Video rief er die Soldaten auf, sich dem Aufstand anzuschließen.

Nach Angaben der in London ansässigen Syrischen Beobachtungsstelle für Menschenrechte wurden am Donnerstag bei Angriffen in der Provinz Hama mindestens 20 Menschen getötet. Eine andere Gruppe sprach von sieben Toten in dem Dorf Treemseh.
"""  # noqa: E501 (text as written)
FRENCH = """L'ambassadeur de Syrie en Irak fait défection

BEYROUTH (AP) — L'ambassadeur de Syrie en Irak, Nawaf al-Farès, a annoncé mercredi sa défection dans une vidéo diffusée sur internet, appelant l'armée à rejoindre la révolution.

D'après l'Observatoire syrien des droits de l'homme, basé à Londres, au moins 20 personnes ont été tuées jeudi dans des attaques dans la province de Hama. Un autre groupe a fait état de sept morts dans le village de Treemseh.
"""  # noqa: E501 (text as written)
NAMES = """Syrian envoy Nawaf al-Fares joins Assad opponents

Nawaf al-Fares, Manaf Tlass, Riad Hijab, Mohammed Mufleh, Jihad Makdissi, Bashar al-Assad, Maher al-Assad, Asef Shawkat, Dawoud Rajha, Hassan Turkmani and Hisham Bakhtiar: the names dominate Damascus gossip, Beirut cafes, Baghdad ministries, Ankara briefings, Amman salons, Doha studios and Riyadh diwans.
Kofi Annan, Ban Ki-moon, Sergei Lavrov, Hillary Clinton, William Hague, Laurent Fabius, Ahmet Davutoglu, Nabil Elaraby and Hamad bin Jassim met Thursday in Geneva, Paris, Istanbul and Moscow.
Fares told Al-Jazeera, CNN, BBC Arabic, Al-Arabiya and Reuters he backed Free Syrian Army commanders Riad al-Asaad, Mustafa al-Sheikh and Qassem Saadeddine.
"""  # noqa: E501 (text as written)


@pytest.mark.parametrize("name,text", [("es", SPANISH), ("de", GERMAN), ("fr", FRENCH)])
def test_another_language_gets_a_clear_note(tmp_path, good, name, text):
    f = write(tmp_path / f"{name}.txt", text)
    data = report_json(f, good)
    # (the gazette's flood story shares nothing with it, and neither is dated: notes of their own)
    assert [n for n in data["notes"] if "English" in n] == [
        f"{name} does not look like English text; compare reads English only, so its findings are unreliable"
    ]
    assert not [x for x in data["findings"] if x["kind"] == "contradiction"]
    md = run("report", f, good).stdout
    assert f"> **Note:** {name} does not look like English text" in md


def test_english_thick_with_names_is_english(tmp_path, good):
    f = write(tmp_path / "names.txt", NAMES)
    assert not [n for n in report_json(f, good)["notes"] if "English" in n]
    assert english_share(NAMES) > 0.15
    assert english_share(NAMES.upper()) > 0.06  # an all-caps wire story is English too
    for text in (SPANISH, GERMAN, FRENCH):
        assert english_share(text) < 0.02
    for seed in ("000_41ce0450144724b7.txt", "002_0d01754cb50d208e.txt"):
        assert english_share((ROOT / "seeds" / seed).read_text(encoding="utf-8")) > 0.25


# --- output: atomic, never half a report, never over an input ---------------------------------------------


def test_output_in_missing_folder(tmp_path, good):
    a = write(tmp_path / "a.txt", A)
    out = tmp_path / "missing" / "r.md"
    assert one_line_error(run("report", a, good, "-o", out), 2) == (
        f"{out}: the folder {out.parent} does not exist; create it first (mkdir -p {out.parent})"
    )
    assert not out.parent.exists()


def test_directory_as_output(tmp_path, good):
    a = write(tmp_path / "a.txt", A)
    assert one_line_error(run("report", a, good, "-o", tmp_path), 2) == (
        f"{tmp_path}: is a directory; give a file name such as {tmp_path / 'report.md'}"
    )


def test_read_only_folder_simulated(tmp_path, good, monkeypatch):
    a = write(tmp_path / "a.txt", A)
    out = tmp_path / "r.md"

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    assert one_line_error(run("report", a, good, "-o", out), 2) == (
        f"{out}: cannot write in {tmp_path} (Permission denied); choose a writable folder with -o"
    )
    assert not out.exists()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into a read-only folder anyway"
)
def test_read_only_folder(tmp_path, good):
    a = write(tmp_path / "a.txt", A)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        out = folder / "r.md"
        assert one_line_error(run("report", a, good, "-o", out), 2) == (
            f"{out}: cannot write in {folder} (Permission denied); choose a writable folder with -o"
        )
    finally:
        folder.chmod(0o755)


def test_existing_output_is_replaced_atomically(tmp_path, good):
    a = write(tmp_path / "a.txt", A)
    md, js = tmp_path / "r.md", tmp_path / "r.json"
    md.write_text("OLD REPORT\n")
    js.write_text("{}\n")
    result = run("report", a, good, "-o", md, "-o", js)
    assert result.exit_code == 0, result.output
    assert md.read_text(encoding="utf-8").startswith("# Comparison: a vs gazette")
    assert json.loads(js.read_text(encoding="utf-8"))["schema"] == "compare.report/1"
    assert leftovers(tmp_path) == []


def test_disk_full_while_writing_keeps_the_old_file(tmp_path, good, monkeypatch):
    a = write(tmp_path / "a.txt", A)
    out = tmp_path / "r.md"
    out.write_text("OLD REPORT\n")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert one_line_error(run("report", a, good, "-o", out), 2) == (
        f"{out}: cannot be written (No space left on device); free some space or choose another place with -o"
    )
    assert out.read_text() == "OLD REPORT\n"
    assert leftovers(tmp_path) == []


def test_output_over_an_input_is_refused(tmp_path, good):
    a = write(tmp_path / "a.txt", A)
    assert one_line_error(run("report", a, good, "-o", a), 2) == (
        f"{a}: is one of the articles compared; writing the report there would overwrite it; choose "
        "another name with -o"
    )
    assert a.read_text(encoding="utf-8") == A


# --- interrupted and internal errors ----------------------------------------------------------------------


def test_ctrl_c_inside_compare_leaves_the_old_report(tmp_path, good, monkeypatch):
    a = write(tmp_path / "a.txt", A)
    out = tmp_path / "r.md"
    out.write_text("OLD REPORT\n")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "embed_claims", interrupted)  # deep inside compare()
    assert one_line_error(run("report", a, good, "-o", out), 130) == "interrupted; no report was written"
    assert out.read_text() == "OLD REPORT\n"
    assert leftovers(tmp_path) == []


def test_ctrl_c_while_writing_leaves_the_old_report(tmp_path, good, monkeypatch):
    a = write(tmp_path / "a.txt", A)
    out = tmp_path / "r.md"
    out.write_text("OLD REPORT\n")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    assert one_line_error(run("report", a, good, "-o", out), 130) == "interrupted; no report was written"
    assert out.read_text() == "OLD REPORT\n"
    assert leftovers(tmp_path) == []


def test_ctrl_c_in_check(tmp_path, good, monkeypatch):
    draft = write(tmp_path / "draft.txt", A)
    monkeypatch.setattr(pipeline, "embed_claims", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
    assert one_line_error(run("check", draft, "--against", good), 130) == "interrupted; no report was written"


def test_internal_error_while_rendering(tmp_path, good, monkeypatch):
    from compare.report import Report

    a = write(tmp_path / "a.txt", A)
    out = tmp_path / "r.md"

    def broken(self, fmt):
        draft = "UNPUBLISHED LOCAL"  # noqa: F841 - a local that must never reach the trace
        raise ValueError("renderer bug")

    monkeypatch.setattr(Report, "render", broken)
    line = one_line_error(run("report", a, good, "-o", out), 3)
    m = re.fullmatch(r"internal error \(ValueError\); the trace is in (\S+); please report it", line)
    assert m, line
    trace = Path(m.group(1)).read_text(encoding="utf-8")
    assert "ValueError: renderer bug" in trace and "UNPUBLISHED" not in trace
    Path(m.group(1)).unlink()
    assert not out.exists() and leftovers(tmp_path) == []


def test_internal_error_when_the_trace_cannot_be_saved(tmp_path, good, monkeypatch):
    import compare.cli as cli

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    def no_space(error):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pipeline, "embed_claims", boom)
    monkeypatch.setattr(cli, "_write_trace", no_space)
    a = write(tmp_path / "a.txt", A)
    assert one_line_error(run("report", a, good), 3) == (
        "internal error (RuntimeError); its trace could not be saved (No space left on device); "
        "please report it"
    )


# --- hostile text: nothing injected -----------------------------------------------------------------------

HOSTILE = (
    "Officials | said `rm -rf /` <script>alert(1)</script> that 12 people died in Hama on Monday.\n"
    "Witnesses said <img src=x onerror=alert(1)> and [the report](javascript:alert(1)) put the toll "
    "at 14 people in Hama.\n"
    'Rebels said ![pic](http://evil.example/x.png) and <a href="javascript:x">click</a> that 15 '
    "people died in Hama.\n"
    "Control \x1b[31m red \x07 bell \x0b tab \u202e reversed \u2066 isolate text said 13 people died "
    "in Hama on Monday.\n"
    "**bold** _em_ ~~strike~~ # heading &lt;b&gt; &amp; <!-- comment --> <https://x.example> said 16 "
    "people died.\n"
    "| Source | Reason | Chars | Text |\n"
    "A table row | with | many | pipes | said 17 people died in Hama.\n"
)
HOSTILE_NAME = "<b>Evil</b> | `News` [x](javascript:y) \u202eswen\u202c"
_ALLOWED_TAGS = {
    "h1",
    "h2",
    "h3",
    "p",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "blockquote",
    "hr",
    "br",
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def _table_rows_keep_their_columns(md: str) -> None:
    width = None
    for line in md.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        if width is None:
            width = cells
        assert cells == width, line


def _hostile_report():
    return compare(
        [
            Article(text=HOSTILE, id="evil|id", name=HOSTILE_NAME),
            Article(
                text="Officials said 12 people died in Hama on Monday. Rebels said 14 people died in Hama.",
                id="good",
            ),
        ],
        embedder=FakeEmbedder(),
    )


def test_markdown_escapes_hostile_text_on_the_command_line(tmp_path, good):
    evil = write(tmp_path / "evil.txt", HOSTILE)
    out = tmp_path / "r.md"
    result = run("report", evil, good, "-o", out, "--name", f"evil={HOSTILE_NAME}")
    assert result.exit_code == 0, result.output
    md = out.read_text(encoding="utf-8")
    _assert_safe_markdown(md)


def test_markdown_escapes_hostile_text():
    _assert_safe_markdown(_hostile_report().to_markdown())


def _assert_safe_markdown(md: str, hostile: bool = True) -> None:
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", md)
    assert "<" not in md.replace("&lt;", "")  # no raw tag, comment or autolink
    assert not re.search(r"(?<!\\)\]\(", md)  # no link or image syntax
    assert not re.search(r"(?<!\\)`", md)  # no code span
    _table_rows_keep_their_columns(md)
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough").render(md)
    parser = _Tags()
    parser.feed(rendered)
    assert {t for t, _ in parser.tags} <= _ALLOWED_TAGS, parser.tags
    assert all(not attrs or attrs == [("style", "text-align:right")] for _, attrs in parser.tags)
    visible = html.unescape("".join(parser.text))
    if hostile:
        assert "<script>alert(1)</script>" in visible  # shown as text, not dropped


def test_json_is_valid_for_any_input_lone_surrogates_included():
    text = "The minister \ud800 said 12 people \udfff died in Hama on Monday \x00\x1b. " + HOSTILE
    r = compare(
        [
            Article(text=text, id="s\udcff", name="\ud83d broken emoji"),
            Article(text="The minister said 14 people died in Hama on Monday.", id="t"),
        ],
        embedder=FakeEmbedder(),
    )

    def strict(constant):
        raise ValueError(f"not JSON: {constant}")

    raw = r.to_json()
    raw.encode("ascii")  # ASCII only: valid whatever the reader's encoding
    data = json.loads(raw, parse_constant=strict)
    assert data["sources"][0]["id"] == "s\udcff"
    quotes = [ev["quote"] for f in data["findings"] for ev in f["evidence"]]
    assert any("\ud800" in q for q in quotes)  # nothing lost: the evidence is the original text
    _assert_safe_markdown(r.to_markdown())


def test_non_utf8_file_name(tmp_path, good):
    odd = tmp_path / "caf\udce9.txt"  # a Latin-1 file name as Linux hands it to Python
    try:
        write(odd, A)
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system refuses undecodable names")
    out = tmp_path / "r.json"
    result = run("report", odd, good, "-o", out, "-o", tmp_path / "r.md")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="ascii"))["sources"][0]["id"] == "caf\udce9"
    _assert_safe_markdown((tmp_path / "r.md").read_text(encoding="utf-8"), hostile=False)


# --- the fuzz harness stays runnable ----------------------------------------------------------------------


def test_fuzz_harness_smoke(tmp_path, capsys):
    """A few fixed-seed iterations of fuzz/fuzz_pipeline.py: no crash, and the harness itself still works."""
    sys.path.insert(0, str(ROOT / "fuzz"))
    try:
        import fuzz_pipeline
    finally:
        sys.path.remove(str(ROOT / "fuzz"))
    assert (
        fuzz_pipeline.loop(
            seconds=120, seed=6, out=tmp_path / "crashes", slow=60, report_every=1e9, iterations=8
        )
        == 0
    )
    stats = json.loads(capsys.readouterr().out)
    assert stats["iterations"] == 8 and stats["crashes"] == 0
    assert not (tmp_path / "crashes").exists()


# --- a long input with --max-bytes raised: bounded memory -------------------------------------------------

_BIG_SCRIPT = textwrap.dedent("""
    import random, resource, sys
    sys.path.insert(0, {root!r})
    import compare.pipeline as pipeline
    from tests.conftest import FakeEmbedder
    pipeline.get_embedder = lambda options: FakeEmbedder()
    from compare.cli import app

    rng = random.Random(6)
    names = "Assad Fares Tlass Lavrov Annan Hama Homs Aleppo Damascus Treemseh Baghdad Beirut Geneva Okafor".split()
    nouns = "people soldiers refugees officials villages tanks protesters children homes families".split()
    when = ["on Monday", "last week", "in March", "two days ago", "on 12 July", "since 2011"]
    out, size = [], 0
    while size < {size}:
        n, m = rng.choice(names), rng.choice(names)
        s = rng.choice([
            f"{{n}} said at least {{rng.randint(2, 90000):,}} {{rng.choice(nouns)}} were killed near {{m}} {{rng.choice(when)}}.",
            f"The ministry in {{n}} did not confirm reports that {{rng.randint(2, 500)}} {{rng.choice(nouns)}} had fled {{rng.choice(when)}}.",
            f"\\u201cWe will not leave {{m}},\\u201d {{n}} told reporters {{rng.choice(when)}}, adding that talks had stalled.",
            f"Residents of {{m}} described heavy shelling as the {{rng.choice(nouns)}} waited for news from {{n}}.",
        ])
        out.append(s + ("\\n\\n" if rng.random() < 0.3 else " "))
        size += len(s) + 2
    open(sys.argv[1], "w", encoding="utf-8").write("".join(out))
    try:
        app(["report", sys.argv[1], sys.argv[2], "-o", sys.argv[3], "-o", sys.argv[4], "--max-bytes", str(10 ** 9), "-q"])
    except SystemExit as e:
        print(e.code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
""")  # noqa: E501 (text as written)


@pytest.mark.slow
def test_long_input_with_raised_limit_runs_in_bounded_memory(tmp_path, good):
    size = 5_200_000  # over the default limit
    script = tmp_path / "big.py"
    script.write_text(_BIG_SCRIPT.format(root=str(ROOT), size=size))
    done = subprocess.run(
        [
            sys.executable,
            str(script),
            str(tmp_path / "big.txt"),
            str(good),
            str(tmp_path / "r.md"),
            str(tmp_path / "r.json"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    code, peak_kib = done.stdout.split()
    assert code == "0", done.stderr
    assert (tmp_path / "big.txt").stat().st_size > 5_000_000
    json.loads((tmp_path / "r.json").read_text(encoding="ascii"))
    peak = int(peak_kib) * 1024
    # Measured: about 80 MiB + 225 bytes per input byte on this news-shaped text, most of it the
    # reports themselves (the JSON alone is ~20x the input: every claim with its facts, every
    # finding with its evidence). Linear, with room to spare; a claims x claims matrix (60,000
    # claims here: 14 GB of float32) or every similar pair within the source would blow it.
    assert peak < 400 * 2**20 + 300 * size, f"peak RSS {peak / 2**20:.0f} MiB"
