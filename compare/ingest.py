"""Ingest: paths, stdin, strings and Articles -> Sources with resolved metadata.

Decoding is strict about what is text: a byte stream with NULs or a known binary signature is
refused with a message naming the file, rather than compared as mojibake.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import os
import sys
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from .errors import InputError
from .options import DEFAULT_MAX_BYTES
from .records import Article, Source, parse_date

# Leading bytes of formats users paste by mistake, named so the error can say what it saw.
_SIGNATURES = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (docx/xlsx?)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown", ".html", ".htm"}


def decode(data: bytes, label: str) -> str:
    """Bytes -> text: BOMs first, then strict UTF-8, then Windows-1252 (a superset of Latin-1 in
    practice for news text). Binary input is an error naming the file."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{label}: starts with a {encoding} byte-order mark but does not decode as {encoding}; re-save it as UTF-8") from None
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise InputError(f"{label}: looks like {what}, not text; save the article as plain text (UTF-8) and pass that")
    if b"\x00" in data[:65536]:
        raise InputError(f"{label}: contains NUL bytes, so it is binary, not text; save the article as plain text (UTF-8) and pass that")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read one input file (or ``-`` for stdin) as text."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        label = "standard input"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file; check the path")
        if p.is_dir():
            raise InputError(f"{path}: is a directory; pass the article files inside it")
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(f"{path}: is {size:,} bytes, over the {max_bytes:,}-byte limit; pass --max-bytes {size} to compare it anyway")
            data = p.read_bytes()
        except PermissionError:
            raise InputError(f"{path}: cannot be read (permission denied); check its permissions") from None
        except OSError as e:
            raise InputError(f"{path}: cannot be read ({e.strerror or e}); check the file") from None
        label = path
    if len(data) > max_bytes:
        raise InputError(f"{label}: is over the {max_bytes:,}-byte limit; pass --max-bytes to raise it")
    text = decode(data, label)
    if not text.strip():
        raise InputError(f"{label}: is empty; give it the article's text")
    return text


def _looks_like_path(value: str) -> bool:
    # A library user may hand us a path or the article text itself as a plain string; text has
    # line breaks or spaces between many words, a path is one short line.
    if "\n" in value or len(value) > 1024:
        return False
    return value == "-" or Path(value).suffix.lower() in _TEXT_SUFFIXES or os.sep in value or Path(value).exists()


def _sidecar(directory: Path, cache: dict[Path, dict[str, dict]]) -> dict[str, dict]:
    """Metadata from a ``sources.toml`` beside the files, keyed by file name."""
    if directory in cache:
        return cache[directory]
    entries: dict[str, dict] = {}
    toml = directory / "sources.toml"
    if toml.is_file():
        try:
            data = tomllib.loads(toml.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"{toml}: is not valid TOML ({e}); fix or remove it") from None
        for entry in data.get("source", []):
            if isinstance(entry, dict) and "file" in entry:
                entries[str(entry["file"])] = entry
    cache[directory] = entries
    return entries


def _unique_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    taken.add(candidate)
    return candidate


def load_sources(
    inputs: Sequence[str | os.PathLike | Article],
    *,
    names: Mapping[str, str] | None = None,
    published: Mapping[str, str | _dt.date] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[Source, ...]:
    """Resolve every input to a Source. ``names``/``published`` are keyed by source id and win
    over ``sources.toml`` and over an Article's own fields."""
    names = dict(names or {})
    published = dict(published or {})
    sidecars: dict[Path, dict[str, dict]] = {}
    seen_paths: dict[str, str] = {}
    taken: set[str] = set()
    sources: list[Source] = []
    for n, item in enumerate(inputs, 1):
        meta: dict = {}
        if isinstance(item, Article):
            article = item
            if not isinstance(article.text, str) or not article.text.strip():
                raise InputError(f"article {article.id or n}: has no text; give it the article's text")
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _looks_like_path(item)):
            path = os.fspath(item)
            if path != "-":
                real = os.path.realpath(path)
                if real in seen_paths:
                    raise InputError(f"{path}: is given twice (as {seen_paths[real]} too); pass each source once")
                seen_paths[real] = path
                meta = _sidecar(Path(path).resolve().parent, sidecars).get(Path(path).name, {})
            text = read_path(path, max_bytes)
            stem = "stdin" if path == "-" else Path(path).stem
            article = Article(text=text, id=meta.get("id") or stem, name=meta.get("name"), path=path,
                              published=meta.get("published"))
        elif isinstance(item, str):
            if not item.strip():
                raise InputError(f"text {n}: is empty; give it the article's text")
            article = Article(text=item, id=f"text{n}")
        else:
            raise InputError(f"input {n}: is a {type(item).__name__}; pass a path, the article text or an Article")
        if len(article.text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputError(f"{article.path or article.id}: is over the {max_bytes:,}-byte limit; pass --max-bytes to raise it")
        sid = _unique_id(str(article.id or f"source{n}"), taken)
        date = published.get(sid, article.published)
        if isinstance(date, str):
            date = parse_date(date, what=f"published date of {sid}")
        elif isinstance(date, _dt.datetime):
            date = date.date()
        sources.append(Source(id=sid, name=names.get(sid) or article.name or sid, text=article.text,
                              published=date, path=article.path))
    unknown = (set(names) | set(published)) - taken
    if unknown:
        raise InputError(f"--name/--published name unknown source id {sorted(unknown)[0]!r}; known ids: {', '.join(sorted(taken))}")
    return tuple(sources)


def parse_assignments(values: Sequence[str] | None, option: str) -> dict[str, str]:
    """``["cbs=CBS News"]`` -> ``{"cbs": "CBS News"}``, for --name and --published."""
    out: dict[str, str] = {}
    for value in values or ():
        key, sep, val = value.partition("=")
        if not sep or not key.strip() or not val.strip():
            raise InputError(f"{option} {value!r}: expected ID=VALUE, e.g. {option} cbs=2012-07-12")
        out[key.strip()] = val.strip()
    return out
