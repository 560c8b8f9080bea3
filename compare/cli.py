"""The command line: parse arguments, build Options, make one library call, write the result.

No logic lives here. Heavy modules are imported inside the commands so ``--help`` answers at
once. Errors: a CompareError prints one line and exits 2; an unexpected error prints one line
naming the file that holds the trace (written without local variables, which would hold the
articles' text) and exits 3; Ctrl-C writes nothing and exits 130.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Annotated

import click
import typer
import typer.core

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
    context_settings={"help_option_names": ["-h", "--help"]},  # commands inherit it
)


class _Command(typer.core.TyperCommand):
    """typer prints an argument's Python type (``<list[str]>``) beside it and braces a required one
    in the usage line (``{sources}...``); a journalist reads neither. Arguments show their metavar
    alone, as click prints them."""

    @staticmethod
    def _label(param: click.Parameter, usage: bool = False) -> str:
        label = param.metavar or (param.name or "").upper()
        if param.nargs != 1 and not label.endswith("..."):
            label += "..."
        return f"[{label}]" if usage and not param.required else label

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(self._label(param, usage=True))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((self._label(param), record[1]))
            else:
                options.append(record)
        for title, records in (("Arguments", arguments), ("Options", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("compare-articles")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        from . import __version__

        return __version__


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"compare-articles {_version()}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_print_version,
            is_eager=True,
            expose_value=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Compare news articles about the same story."""


#: The report format each -o suffix names.
_SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".jsonl": "jsonl",
}


def _fail(message: str, code: int) -> None:
    typer.echo(f"compare-articles: error: {message}", err=True)
    raise typer.Exit(code)


def _guard(fn):
    """Turn every failure into one line on stderr and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            with _notices(quiet=kwargs.get("quiet", False)):
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


class _Notices(logging.Handler):
    """The library's log records (the first run's model export, a backend that fell back) as one
    line each on standard error, terminal or not, like every other line the command prints.
    ``--quiet`` drops the first-run notices (the ``compare.setup`` logger), never a warning."""

    def __init__(self, quiet: bool) -> None:
        super().__init__(logging.WARNING)
        if quiet:
            self.addFilter(lambda record: not record.name.startswith("compare.setup"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            typer.echo(f"compare-articles: {record.getMessage()}", err=True)  # the current stderr
        except Exception:
            self.handleError(record)


@contextlib.contextmanager
def _notices(quiet: bool):
    logger = logging.getLogger("compare")
    handler = _Notices(quiet)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False  # the command owns its stderr
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _write_trace(error: BaseException) -> str:
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))  # no locals
    fd, path = tempfile.mkstemp(prefix="compare-articles-", suffix=".trace.txt")
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as f:
        f.write(text)
    return path


def _umask() -> int:
    """The process's umask. Linux tells it in /proc without changing it; elsewhere it is set and
    at once restored, to 077 meanwhile so that nothing created in between is more open."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _folder_of(path: Path) -> Path:
    """The folder a report will be written in, refused by name when it cannot take one."""
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
    return parent


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: a reader never sees half a
    report, and an interrupted run leaves the old file as it was. The file gets the mode any new
    file gets under the user's umask (0644 under 022), not the temporary file's private 0600."""
    parent = _folder_of(path)
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
        os.chmod(tmp, 0o666 & ~_umask())
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


def _plan(outputs: list[Path] | None, fmt: str | None, sources: list[str]) -> list[tuple[Path | None, str]]:
    """Each output (None: standard output) with its format, checked before any work is done, so
    a misspelt -o costs nothing. A file's suffix names its format; ``--format`` sets standard
    output's (-o - or no -o) and a single file's, whatever its suffix."""
    from .report import FORMATS

    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: use {', '.join(FORMATS[:-1])} or {FORMATS[-1]}")
    if not outputs:
        return [(None, fmt or "md")]
    plan: list[tuple[Path | None, str]] = []
    seen: set[str] = set()
    inputs = {os.path.realpath(x) for x in sources if x != "-" and "://" not in x}
    for p in outputs:
        stdout = str(p) == "-"
        key = "-" if stdout else os.path.realpath(p)
        if key in seen:
            where = "standard output (-o -)" if stdout else f"{p}"
            raise OutputError(f"{where}: is given twice with -o; name each output once")
        seen.add(key)
        if stdout:
            plan.append((None, fmt or "md"))
            continue
        if key in inputs:
            raise OutputError(
                f"{p}: is one of the articles compared; writing the report there would overwrite it; "
                "choose another name with -o"
            )
        _folder_of(p)
        known = _SUFFIXES.get(p.suffix.lower())
        if fmt and (len(outputs) == 1 or known is None):
            plan.append((p, fmt))
        elif known:
            plan.append((p, known))
        else:
            named = f"the suffix {p.suffix!r}" if p.suffix else "a name without a suffix"
            raise OutputError(
                f"{p}: cannot tell the report format from {named}; name the file .md, .json, .html, .csv "
                "or .jsonl, or give -o - for standard output"
            )
    return plan


def _emit(report, plan: list[tuple[Path | None, str]], quiet: bool) -> None:
    # Render everything before writing anything: a failure leaves no partial set of files.
    rendered = [(p, report.render(fmt)) for p, fmt in plan]
    for p, text in rendered:
        if p is not None:
            write_atomic(p, text)
            if not quiet:
                typer.echo(f"wrote {p}", err=True)
    for p, text in rendered:
        if p is None:
            sys.stdout.write(text)
            sys.stdout.flush()


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
# Every option names its value (FILE, ID=NAME): typer would print a Python type such as <list[str]>.
Output = Annotated[
    list[Path] | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        show_default=False,
        help="Write the report here instead of standard output; the format follows the suffix (.md, .json, "
        ".html, .csv, .jsonl), and - is standard output. Repeat to write several formats from one run. An "
        "existing file is replaced atomically; a new one gets the mode your umask gives (0644 under 022).",
    ),
]
Format = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="md, json, html, csv or jsonl: the format of standard output (-o - or no -o) and of a single "
        "-o file (default: from the -o suffix, else md).",
    ),
]
Names = Annotated[
    list[str] | None,
    typer.Option(
        "--name", metavar="ID=NAME", show_default=False, help="Display name of a source (repeatable)."
    ),
]
Published = Annotated[
    list[str] | None,
    typer.Option(
        "--published",
        metavar="ID=YYYY-MM-DD",
        show_default=False,
        help="Publication date of a source (repeatable); relative times such as 'last week' are read "
        "against it.",
    ),
]
Model = Annotated[
    str | None,
    typer.Option(
        "--model",
        metavar="NAME_OR_PATH",
        help="sentence-transformers model name or path (default: the bundled all-MiniLM-L6-v2).",
    ),
]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Do not read or write the embedding and page cache.")
]
MaxBytes = Annotated[
    int | None,
    typer.Option(
        "--max-bytes", metavar="BYTES", help="Largest input accepted, in bytes (default 5,000,000)."
    ),
]
Nli = Annotated[
    str | None,
    typer.Option(
        "--nli",
        metavar="NAME_OR_PATH",
        help="Optional NLI cross-encoder (sentence-transformers CrossEncoder name or path) whose "
        "probabilities join the rules in check().",
    ),
]

# Examples end each command's help; "\b" keeps click from rewrapping their lines.
_REPORT_EXAMPLES = """\b
Examples:
  compare-articles report cbs.txt thinkprogress.txt -o report.html -o findings.csv
  compare-articles report cbs.txt - --format json < wire.txt
"""
_CHECK_EXAMPLES = """\b
Examples:
  compare-articles check draft.md --against cbs.txt --against tp.txt --fail-on contradicted,unsupported
  compare-articles check draft.md cbs.txt -o check.html -o verdicts.csv
"""
_EVAL_EXAMPLES = """\b
Examples:
  compare-articles eval --data ../shared/data
  compare-articles eval --set mrpc --limit 200
"""
_PREPARE_EXAMPLES = """\b
Examples:
  compare-articles prepare-model
  COMPARE_CACHE_DIR=/opt/compare-cache compare-articles prepare-model
"""


@app.command(cls=_Command, epilog=_REPORT_EXAMPLES)
@_guard
def report(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="SOURCES...",
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
        bool,
        typer.Option(
            "--quiet", "-q", help="No progress, first-run, notes or 'wrote' lines on standard error."
        ),
    ] = False,
) -> None:
    """Compare two or more articles and write a report: contradictions first, then agreements,
    unique facts per source and skipped page furniture.

    Exit codes: 0 report written; 2 bad input or options; 3 internal error.
    """
    from .ingest import parse_assignments
    from .pipeline import compare

    plan = _plan(output, fmt, sources)
    options = _options(model, no_cache, max_bytes, quiet)
    result = compare(
        sources,
        names=parse_assignments(name, "--name"),
        published=parse_assignments(published, "--published"),
        options=options,
    )
    _emit(result, plan, quiet)
    _print_notes([result], quiet)


def _print_notes(reports, quiet: bool) -> None:
    """Every note of the reports on standard error, once each: what makes findings less sure
    (not English, no publication date, sources that share almost nothing) must reach a reader
    who only sees the terminal."""
    if quiet:
        return
    for note in dict.fromkeys(n for r in reports for n in r.notes):
        typer.echo(f"compare-articles: note: {note}", err=True)


@app.command(cls=_Command, epilog=_CHECK_EXAMPLES)
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
            metavar="SOURCE",
            show_default=False,
            help="A source to hold the drafts against (repeat for each source). A draft given that is also "
            "a source is skipped.",
        ),
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            metavar="VERDICTS",
            help="Comma-separated verdicts that make the exit code 1: contradicted, unsupported.",
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
        bool,
        typer.Option(
            "--quiet", "-q", help="No progress, first-run, notes or summary lines on standard error."
        ),
    ] = False,
    nli: Nli = None,
) -> None:
    """Hold drafts against their sources before publication: each draft claim is supported,
    contradicted or unsupported.

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
    # Every output checked before any work: one plan per draft (several drafts, one file each).
    plans = [
        _plan(output if len(drafts) == 1 or not output else _per_draft(output, d), fmt, [d, *sources])
        if output or fmt
        else []
        for d in drafts
    ]
    options = _options(model, no_cache, max_bytes, quiet, nli)
    results = check_each(
        drafts,
        sources,
        names=parse_assignments(name, "--name"),
        published=parse_assignments(published, "--published"),
        options=options,
    )
    for result, plan in zip(results, plans, strict=True):
        _emit(result, plan, quiet)
        if all(p is not None for p, _ in plan):  # no report on standard output: the gate lines are
            for line in gate_lines(result, wanted):
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
        if same(p) in given and p != "-":  # standard input twice is refused where it is read
            if not quiet:
                typer.echo(f"compare-articles: skipping {p}: it is one of the --against sources", err=True)
            continue
        drafts.append(p)
    return drafts


def _per_draft(outputs: list[Path], draft: str) -> list[Path]:
    """``-o check.md`` for several drafts: ``check.<draft>.md`` for each, the draft's file name
    without its suffix (standard output stays standard output)."""
    name = "stdin" if draft == "-" else Path(draft.rstrip("/").rsplit("/", 1)[-1]).stem
    return [p if str(p) == "-" else p.with_name(f"{p.stem}.{name}{p.suffix}") for p in outputs]


@app.command(name="eval", cls=_Command, epilog=_EVAL_EXAMPLES)
@_guard
def evaluate_cmd(
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            metavar="DIR",
            help="Folder of the public evaluation sets "
            "(mrpc/, rte3/, fever/, vitaminc/, claimdiff/, ecbplus/).",
        ),
    ] = Path("../shared/data"),
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="SET",
            show_default=False,
            help="Run only this set (repeatable): gold, mrpc, rte3, fever, vitaminc, claimdiff, ecbplus, "
            "stories.",
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", metavar="N", help="At most this many items per set (a fixed random sample)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
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


@app.command(name="prepare-model", cls=_Command, epilog=_PREPARE_EXAMPLES)
@_guard
def prepare_model_cmd(
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No first-run lines on standard error (warnings stay).")
    ] = False,
) -> None:
    """Prepare the bundled model for fast start now, once, so that no report pays for it: for a
    setup script or a container image. Prints where the prepared model lives.

    The first run of any command exports the bundled all-MiniLM-L6-v2 to ONNX (about ten seconds,
    with torch) into the cache folder (COMPARE_CACHE_DIR, else ~/.cache/compare); later runs load
    that file without importing torch. Running this again only checks the file.
    COMPARE_BACKEND=onnx-int8 prepares the int8 variant; with COMPARE_BACKEND=torch there is
    nothing to prepare.

    Exit codes: 0 ready; 2 the model cannot be prepared; 3 internal error.
    """
    from .embed import prepare_model
    from .options import Options

    options = Options()
    path = prepare_model(backend=options.backend, cache_dir=options.cache_dir)
    if path is None:
        if not quiet:
            typer.echo(
                "compare-articles: nothing to prepare: the model runs with sentence-transformers "
                "(COMPARE_BACKEND=torch, or onnxruntime is not installed)",
                err=True,
            )
        return
    typer.echo(str(path))


_BATCH_EXAMPLES = """\b
Examples:
  compare-articles batch clusters.jsonl -o results/
  compare-articles batch clusters.jsonl -o results/ --engine dask --workers 4 --resume
"""


@app.command(cls=_Command, epilog=_BATCH_EXAMPLES)
@_guard
def batch(
    clusters: Annotated[
        Path,
        typer.Argument(
            show_default=False,
            metavar="CLUSTERS.jsonl",
            help='JSON Lines, one story cluster a line: its "cluster" id and its "articles", each with an '
            '"id", one of "text", "path" or "url", and a "name" and "published" date if known. Relative '
            "paths are read from the file's folder.",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FOLDER",
            show_default=False,
            help="Folder for the results: findings/ (Parquet, by day), reports/ (JSON Lines), status/ "
            "(Parquet, one row per cluster). A new or empty folder, or with --resume this run's own.",
        ),
    ],
    engine: Annotated[
        str, typer.Option("--engine", metavar="ENGINE", help="local (this process) or dask.")
    ] = "local",
    workers: Annotated[
        int | None,
        typer.Option("--workers", metavar="N", help="Dask worker processes of a local cluster (default 2)."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", metavar="ADDRESS", help="A running Dask scheduler (tcp://host:8786) instead."
        ),
    ] = None,
    threads_per_worker: Annotated[
        int,
        typer.Option(
            "--threads-per-worker",
            metavar="N",
            help="Threads the model may use in each worker (or in this process): cores / workers.",
        ),
    ] = 1,
    shard_size: Annotated[
        int, typer.Option("--shard-size", metavar="N", help="Clusters per task and per set of files.")
    ] = 64,
    resume: Annotated[
        bool, typer.Option("--resume", help="Finish a run that stopped: skip the shards already written.")
    ] = False,
    model: Model = None,
    no_cache: NoCache = False,
    max_bytes: MaxBytes = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress or summary on standard error.")
    ] = False,
) -> None:
    """Compare every story cluster of a JSON Lines file, shard by shard, in this process or on
    Dask; one bad cluster is a status row, not the end of the run.

    Exit codes: 0 every cluster compared; 1 some clusters ended in an error (the status rows say
    which and why); 2 bad input or options; 3 internal error; 4 the run stopped before the end (a
    worker died): the shards written are kept, rerun with --resume.
    """
    from .batch import run_batch

    if scheduler and engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    if workers is not None and engine != "dask":
        raise InputError("--workers needs --engine dask (the local engine is one process)")
    options = _options(model, no_cache, max_bytes, True)
    started = time.monotonic()
    counts = {"done": 0, "failed": 0}
    interactive = sys.stderr.isatty()
    # A terminal's line is redrawn at most ten times a second; a log gets a line every 10 s.
    every, last = (0.1 if interactive else 10.0), [0.0]

    def progress(clusters: int, failed: int) -> None:
        counts["done"] += clusters
        counts["failed"] += failed
        now = time.monotonic()
        if quiet or now - last[0] < every:
            return
        last[0] = now
        rate = counts["done"] / max(now - started, 1e-9)
        line = f"compare-articles: {counts['done']} clusters done, {counts['failed']} failed, {rate:.2f}/s"
        typer.echo(("\r" + line) if interactive else line, err=True, nl=not interactive)

    summary = run_batch(
        clusters,
        output,
        engine=engine,
        workers=workers,
        scheduler=scheduler,
        threads_per_worker=threads_per_worker,
        shard_size=shard_size,
        resume=resume,
        options=options,
        progress=progress,
    )
    if not quiet:
        if interactive and summary.done:
            typer.echo("", err=True)
        before = (
            f", {summary.skipped} done before ({summary.failed_before} of them failed)"
            if summary.skipped
            else ""
        )
        typer.echo(
            f"compare-articles: {summary.done - summary.failed} of {summary.clusters} clusters compared now, "
            f"{summary.failed} failed{before}, {summary.seconds:.1f} s ({summary.per_second:.2f}/s); "
            f"results in {summary.out}",
            err=True,
        )
    if summary.failed or summary.failed_before:
        raise typer.Exit(1)


_CLUSTER_EXAMPLES = """\b
Examples:
  compare-articles cluster articles.jsonl -o clusters.jsonl
  compare-articles cluster articles.jsonl -o clusters.jsonl --window-days 2 --threshold 0.45
"""


@app.command(cls=_Command, epilog=_CLUSTER_EXAMPLES)
@_guard
def cluster(
    articles: Annotated[
        Path,
        typer.Argument(
            show_default=False,
            metavar="ARTICLES.jsonl",
            help='JSON Lines, one article a line: an "id", one of "text", "path" or "url", and a "name" and '
            '"published" date if known.',
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            show_default=False,
            help="Where to write the stories, one a line, in the input format of batch; - for standard "
            "output.",
        ),
    ],
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            metavar="T",
            help="Cosine distance under which two leads are one story (default fitted on ECB+ dev; lower "
            "splits more).",
        ),
    ] = None,
    window_days: Annotated[
        int | None,
        typer.Option(
            "--window-days", metavar="D", help="Only articles within D days of each other are grouped."
        ),
    ] = None,
    model: Model = None,
    no_cache: NoCache = False,
    max_bytes: MaxBytes = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on standard error.")] = False,
) -> None:
    """Group a stream of articles into stories by their headline and first sentences, for batch.
    An article that shares its story with no other is counted, not written.

    Exit codes: 0 written; 2 bad input or options; 3 internal error.
    """
    from . import stories

    if str(output) != "-" and output.suffix.lower() not in (".jsonl", ".ndjson"):
        raise InputError(f"{output}: write the stories to a .jsonl file (or - for standard output)")
    options = _options(model, no_cache, max_bytes, quiet)
    grouped = stories.group_file(
        articles,
        threshold=stories.DEFAULT_THRESHOLD if threshold is None else threshold,
        window_days=stories.DEFAULT_WINDOW_DAYS if window_days is None else window_days,
        options=options,
    )
    text = stories.clusters_jsonl(grouped.stories)
    if str(output) == "-":
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
    if not quiet:
        for line in grouped.skipped:
            typer.echo(f"compare-articles: skipped {line}", err=True)
        written = sum(len(s) for s in grouped.stories)
        typer.echo(
            f"compare-articles: {len(grouped.stories)} stories of {written} articles"
            f"{'' if str(output) == '-' else f' written to {output}'}; {grouped.singles} articles alone in "
            f"their story, {len(grouped.skipped)} skipped",
            err=True,
        )


def main() -> None:
    app(prog_name="compare-articles")


if __name__ == "__main__":  # pragma: no cover
    main()
