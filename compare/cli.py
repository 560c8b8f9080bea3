"""The command line: parse arguments, build Options, make one library call, write the result.

No logic lives here. Heavy modules are imported inside the commands so ``--help`` answers at
once. Errors: a CompareError prints one line and exits 2; an unexpected error prints one line
naming the file that holds the trace (written without local variables, which would hold the
articles' text) and exits 3; Ctrl-C writes nothing and exits 130.
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Annotated

import typer

from .errors import CompareError, InputError, OutputError

app = typer.Typer(
    name="compare-articles",
    help="Compare news articles about the same story: what they agree on, where they contradict each "
    "other and why, "
    "and what only one of them reports.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # rich tracebacks print local variables: drafts would leak
    rich_markup_mode=None,
)


@app.callback()
def _root() -> None:
    """Compare news articles about the same story."""


_FORMATS = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}


def _fail(message: str, code: int) -> None:
    typer.echo(f"compare-articles: error: {message}", err=True)
    raise typer.Exit(code)


def _guard(fn):
    """Turn every failure into one line on stderr and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except CompareError as e:
            _fail(e.message, e.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted; no report was written", 130)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as e:  # an internal bug: keep the trace, never show it inline
            try:
                where = f"the trace is in {_write_trace(e)}"
            except OSError as w:
                where = f"its trace could not be saved ({w.strerror or type(w).__name__})"
            _fail(f"internal error ({type(e).__name__}); {where}; please report it", 3)

    return wrapper


def _write_trace(error: BaseException) -> str:
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))  # no locals
    fd, path = tempfile.mkstemp(prefix="compare-articles-", suffix=".trace.txt")
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as f:
        f.write(text)
    return path


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: a reader never sees half a
    report, and an interrupted run leaves the old file as it was."""
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent_is_dir, path_is_dir = parent.is_dir(), path.is_dir()
    except OSError as e:  # e.g. a folder on the way that may not be entered
        raise OutputError(
            f"{path}: cannot reach {parent} ({e.strerror}); choose a writable folder with -o"
        ) from None
    if not parent_is_dir:
        raise OutputError(f"{path}: the folder {parent} does not exist; create it first (mkdir -p {parent})")
    if path_is_dir:
        raise OutputError(f"{path}: is a directory; give a file name such as {path / 'report.md'}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as e:
        raise OutputError(
            f"{path}: cannot write in {parent} ({e.strerror}); choose a writable folder with -o"
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        try:
            Path(tmp).unlink(missing_ok=True)
        except OSError:
            pass
        if isinstance(e, OSError):  # disk full, quota, I/O error: the old file is left as it was
            raise OutputError(
                f"{path}: cannot be written ({e.strerror or e}); free some space or choose another "
                "place with -o"
            ) from None
        raise


def _format_for(path: Path | None, fmt: str | None) -> str:
    if fmt:
        if fmt not in ("md", "json", "html"):
            raise InputError(f"--format {fmt!r}: use md, json or html")
        return fmt
    if path is None:
        return "md"
    return _FORMATS.get(path.suffix.lower(), "md")


def _emit(report, outputs: list[Path] | None, fmt: str | None, quiet: bool) -> None:
    if not outputs:
        sys.stdout.write(report.render(_format_for(None, fmt)))
        return
    inputs = {os.path.realpath(s.path) for s in report.sources if s.path and s.path != "-"}
    for p in outputs:
        if os.path.realpath(p) in inputs:
            raise OutputError(
                f"{p}: is one of the articles compared; writing the report there would overwrite it; "
                "choose another name with -o"
            )
    # Render everything before writing anything: a failure leaves no partial set of files.
    rendered = [(p, report.render(_format_for(p, fmt if len(outputs) == 1 else None))) for p in outputs]
    for p, text in rendered:
        write_atomic(p, text)
        if not quiet:
            typer.echo(f"wrote {p}", err=True)


def _options(model: str | None, no_cache: bool, max_bytes: int | None, quiet: bool, nli: str | None = None):
    from .options import Options

    kwargs: dict = {"progress": not quiet and sys.stderr.isatty(), "nli": nli or None}
    if model:
        kwargs["model"] = model
    if no_cache:
        kwargs["cache_dir"] = None
    if max_bytes is not None:
        if max_bytes <= 0:
            raise InputError(f"--max-bytes {max_bytes}: give a positive number of bytes")
        kwargs["max_bytes"] = max_bytes
    return Options(**kwargs)


# Options that several commands share, declared once (sqlite-utils' shared-option decorators,
# with typer's Annotated aliases); each command's signature reads as the list of what it takes.
Output = Annotated[
    list[Path] | None,
    typer.Option(
        "--output",
        "-o",
        show_default=False,
        help="Write the report here instead of standard output; the format follows the suffix (.md, .json, "
        ".html). Repeat to write several formats from one run. An existing file is replaced atomically.",
    ),
]
Format = Annotated[
    str | None,
    typer.Option("--format", "-f", help="md, json or html (default: from the -o suffix, else md)."),
]
Names = Annotated[
    list[str] | None,
    typer.Option("--name", show_default=False, help="Display name of a source: ID=NAME (repeatable)."),
]
Published = Annotated[
    list[str] | None,
    typer.Option(
        "--published",
        show_default=False,
        help="Publication date of a source: ID=YYYY-MM-DD (repeatable); relative times such as 'last week' "
        "are read against it.",
    ),
]
Model = Annotated[
    str | None,
    typer.Option(
        "--model", help="sentence-transformers model name or path (default: the bundled all-MiniLM-L6-v2)."
    ),
]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Do not read or write the embedding and page cache.")
]
MaxBytes = Annotated[
    int | None, typer.Option("--max-bytes", help="Largest input accepted, in bytes (default 5,000,000).")
]
Nli = Annotated[
    str | None,
    typer.Option(
        "--nli",
        help="Optional NLI cross-encoder (sentence-transformers CrossEncoder name or path) whose "
        "probabilities join the rules in check().",
    ),
]


@app.command()
@_guard
def report(
    sources: Annotated[
        list[str],
        typer.Argument(
            show_default=False,
            help="Article files (UTF-8, cp1252 or UTF-16 text, or saved .html pages), http(s) URLs, or - for "
            "standard input. A sources.toml beside them supplies ids, names and dates; a page supplies its "
            "outlet and date.",
        ),
    ],
    output: Output = None,
    fmt: Format = None,
    name: Names = None,
    published: Published = None,
    model: Model = None,
    no_cache: NoCache = False,
    max_bytes: MaxBytes = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress, notes or 'wrote' lines on standard error.")
    ] = False,
) -> None:
    """Compare two or more articles and write a report: contradictions first, then agreements,
    unique facts per source and skipped page furniture.

    Exit codes: 0 report written; 2 bad input or options; 3 internal error.
    """
    from .ingest import parse_assignments
    from .pipeline import compare

    options = _options(model, no_cache, max_bytes, quiet)
    result = compare(
        sources,
        names=parse_assignments(name, "--name"),
        published=parse_assignments(published, "--published"),
        options=options,
    )
    _emit(result, output, fmt, quiet)
    _print_notes([result], quiet)


def _print_notes(reports, quiet: bool) -> None:
    """Every note of the reports on standard error, once each: what makes findings less sure
    (not English, no publication date, sources that share almost nothing) must reach a reader
    who only sees the terminal."""
    if quiet:
        return
    for note in dict.fromkeys(n for r in reports for n in r.notes):
        typer.echo(f"compare-articles: note: {note}", err=True)


@app.command()
@_guard
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            show_default=False,
            metavar="DRAFT",
            help="The drafts to check, each on its own against every --against source (a pre-commit hook "
            "passes every changed draft). Without --against: one draft, then its sources.",
        ),
    ],
    against: Annotated[
        list[str] | None,
        typer.Option(
            "--against",
            "-a",
            show_default=False,
            help="A source to hold the drafts against (repeat for each source). A draft given that is also "
            "a source is skipped.",
        ),
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on", help="Comma-separated verdicts that make the exit code 1: contradicted, unsupported."
        ),
    ] = "contradicted",
    output: Output = None,
    fmt: Format = None,
    name: Names = None,
    published: Published = None,
    model: Model = None,
    no_cache: NoCache = False,
    max_bytes: MaxBytes = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress, notes or summary lines on standard error.")
    ] = False,
    nli: Nli = None,
) -> None:
    """Hold drafts against their sources before publication: each draft claim is supported,
    contradicted or unsupported.

    Example: compare-articles check draft.md --against cbs.txt --against thinkprogress.txt
    --fail-on contradicted,unsupported

    Standard output gets one line per draft claim with a verdict named in --fail-on, as
    PATH:LINE:COLUMN: VERDICT: REASON (source NAME: "its words"); standard error gets the notes
    and a count of each verdict. The full report is written with -o (the format from the suffix;
    several drafts give one file each, the draft's id before the suffix), or to standard output
    with --format. A Markdown draft (.md, .markdown) is read without its markup.

    Exit codes: 0 no verdict named in --fail-on occurred; 1 one did, in any draft (the report is
    still written); 2 bad input or options; 3 internal error.
    """
    from .gate import lines as gate_lines
    from .ingest import parse_assignments
    from .kinds import VERDICTS
    from .pipeline import check_each

    wanted = {v.strip() for v in fail_on.split(",") if v.strip()}
    if not wanted <= {"contradicted", "unsupported"}:
        raise InputError(f"--fail-on {fail_on!r}: use contradicted, unsupported or both, comma-separated")
    if against:
        sources = list(against)
        drafts = _drafts_only(paths, sources, quiet)
    else:
        drafts, sources = paths[:1], paths[1:]
    if not sources:
        raise InputError("no sources to check the draft against; add --against FILE")
    if not drafts:
        return
    if len(drafts) > 1 and not output and fmt in ("json", "html"):
        raise InputError(
            f"--format {fmt} with {len(drafts)} drafts: one {fmt} document per draft cannot share standard "
            "output; write them with -o"
        )
    options = _options(model, no_cache, max_bytes, quiet, nli)
    results = check_each(
        drafts,
        sources,
        names=parse_assignments(name, "--name"),
        published=parse_assignments(published, "--published"),
        options=options,
    )
    for result in results:
        if output:
            _emit(result, output if len(results) == 1 else _per_draft(output, result), fmt, quiet)
        elif fmt:
            _emit(result, None, fmt, quiet)
        for line in gate_lines(result, wanted) if output or not fmt else ():
            typer.echo(line)
    sys.stdout.flush()  # the gate lines before the notes, where a hook runner merges the two streams
    _print_notes(results, quiet)
    failed = False
    for result in results:
        counts = result.counts()
        if not quiet:
            where = f"{result.sources[0].path or result.sources[0].id}: " if len(results) > 1 else ""
            typer.echo(where + ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS), err=True)
        failed = failed or any(counts.get(v, 0) for v in wanted)
    if failed:
        raise typer.Exit(1)


def _drafts_only(paths: list[str], sources: list[str], quiet: bool) -> list[str]:
    """The positional arguments that are not also sources: pre-commit passes every changed file the
    hook's pattern matches, and a source is never checked as a draft (nor against itself)."""

    def same(p: str) -> str:
        return p if p == "-" or "://" in p else os.path.realpath(p)

    given = {same(s) for s in sources}
    drafts = []
    for p in dict.fromkeys(paths):
        if same(p) in given:
            if not quiet:
                typer.echo(f"compare-articles: skipping {p}: it is one of the --against sources", err=True)
            continue
        drafts.append(p)
    return drafts


def _per_draft(outputs: list[Path], report) -> list[Path]:
    """``-o check.md`` for several drafts: ``check.<draft id>.md`` for each."""
    draft = report.sources[0].id
    return [p.with_name(f"{p.stem}.{draft}{p.suffix}") for p in outputs]


@app.command(name="eval")
@_guard
def evaluate_cmd(
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            help="Folder of the public evaluation sets "
            "(mrpc/, rte3/, fever/, vitaminc/, claimdiff/, ecbplus/).",
        ),
    ] = Path("../shared/data"),
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            show_default=False,
            help="Run only this set (repeatable): gold, mrpc, rte3, fever, vitaminc, claimdiff, ecbplus.",
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", help="At most this many items per set (a fixed random sample).")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            show_default=False,
            help="Where to write the Markdown table. Default: reports/eval.md for a full run; a run with "
            "--set or --limit only prints, so it never replaces the full table.",
        ),
    ] = None,
    model: Model = None,
    no_cache: NoCache = False,
    nli: Nli = None,
) -> None:
    """Measure agreement, contradiction and support judgements on public labelled data, beside
    plain baselines.

    Exit codes: 0 done; 2 bad options or missing data; 3 internal error.
    """
    from .evaluate import evaluate, to_markdown

    options = _options(model, no_cache, None, True, nli)
    rows = evaluate(data, sets=sets, limit=limit, options=options)
    backend = "" if options.backend == "auto" else f" (backend {options.backend}, from COMPARE_BACKEND)"
    text = to_markdown(rows, limit=limit, model=options.model + backend)
    sys.stdout.write(text)
    if output is None and not sets and limit is None:
        output = Path("reports/eval.md")
    if output:
        write_atomic(output, text)


def main() -> None:
    app(prog_name="compare-articles")


if __name__ == "__main__":  # pragma: no cover
    main()
