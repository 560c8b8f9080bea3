"""Ingest: paths, URLs, stdin, strings and Articles -> Sources with resolved metadata.

Decoding is strict about what is text: a byte stream with NULs or a known binary signature is
refused with a message naming the file, rather than compared as mojibake. HTML (by suffix, or by
its first tag) is reduced to the article's main text by ``compare.html``, and the page's outlet
and date fill the Source's name and date where the user gave none. URLs are fetched by
``compare.fetch`` (imported only when a URL is given: urllib is slow to import).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import sys
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from . import html as _html
from .decode import decode, decode_page
from .errors import InputError
from .options import DEFAULT_MAX_BYTES, default_cache_dir
from .records import Article, Source, parse_date

_TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown", ".html", ".htm"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def _read_bytes(path: str, max_bytes: int) -> tuple[bytes, str]:
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
                raise InputError(
                    f"{path}: is {size:,} bytes, over the {max_bytes:,}-byte limit; pass --max-bytes "
                    f"{size} to compare it anyway"
                )
            data = p.read_bytes()
        except PermissionError:
            raise InputError(f"{path}: cannot be read (permission denied); check its permissions") from None
        except OSError as e:
            raise InputError(f"{path}: cannot be read ({e.strerror or e}); check the file") from None
        label = path
    if len(data) > max_bytes:
        raise InputError(f"{label}: is over the {max_bytes:,}-byte limit; pass --max-bytes to raise it")
    return data, label


def _nonempty(text: str, label: str) -> str:
    if not text.strip():
        raise InputError(f"{label}: is empty; give it the article's text")
    return text


def _read_document(
    data: bytes, label: str, *, html: bool, charset: str | None = None, url: str | None = None
) -> tuple[str, _html.Page | None]:
    """Bytes of a file, stdin or fetched page -> (text, the page when it was HTML)."""
    text = _nonempty(decode(data, label), label)
    if html or _html.looks_like_html(text):
        page = _html.extract(decode_page(data, label, charset), label, url)
        return page.text, page
    if charset:  # text/plain from a server that names its charset
        try:
            return _nonempty(data.decode(charset), label), None
        except (LookupError, UnicodeDecodeError):
            pass
    return text, None


def _is_url(value: str) -> bool:
    """``scheme://...``: fetched when http(s), refused by name otherwise (never read as a path)."""
    scheme, sep, _ = value.partition("://")
    return (
        bool(sep)
        and "\n" not in value
        and scheme[:1].isalpha()
        and all(c.isascii() and (c.isalnum() or c in "+.-") for c in scheme)
    )


def _url_id(url: str) -> str:
    """An id for a fetched page: the outlet's domain ("https://www.bbc.co.uk/news/x" -> "bbc"),
    or for an address without one (127.0.0.1, localhost) the last part of its path."""
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    labels = [
        x for x in (parts.hostname or "").split(".") if x not in ("www", "m", "amp", "edition", "mobile")
    ]
    if len(labels) >= 2 and not labels[-1].isdigit():
        labels = labels[:-1]  # the top-level domain
        if len(labels) >= 2 and labels[-1] in ("co", "com", "org", "net", "gov", "ac", "edu", "news"):
            labels = labels[:-1]  # a second-level one: .co.uk, .com.au
        return labels[-1]
    stem = Path(parts.path.rstrip("/")).stem
    return stem or parts.hostname or "page"


def _looks_like_path(value: str) -> bool:
    # A library user may hand us a path or the article text itself as a plain string; text has
    # line breaks or spaces between many words, a path is one short line.
    if not value.strip() or "\n" in value or len(value) > 1024 or _html.looks_like_html(value):
        return False
    if value == "-":
        return True
    try:
        if Path(value).exists():
            return True
    except OSError:  # a name too long for the file system: text
        return False
    if Path(value).suffix.lower() in _TEXT_SUFFIXES:
        return True  # "drafts/story.md", "my draft.txt": a file, if a missing one
    # words, not a path: "The 9/11 attacks killed nearly 3,000 people.", "9/11 anniversary marked"
    return os.sep in value and " " not in value


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


class _Default:
    def __repr__(self) -> str:
        return "the default cache dir"


#: ``cache_dir`` default of ``load_sources``: ``options.default_cache_dir()``, read at call time.
DEFAULT_CACHE = _Default()


def load_sources(
    inputs: Sequence[str | os.PathLike | Article],
    *,
    names: Mapping[str, str] | None = None,
    published: Mapping[str, str | _dt.date] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike | None | _Default = DEFAULT_CACHE,
    timeout: float | None = None,
) -> tuple[Source, ...]:
    """Resolve every input to a Source. ``names``/``published`` are keyed by source id and win
    over ``sources.toml`` and over an Article's own fields, which win over an HTML page's own
    metadata (og:site_name, publication date). URLs are fetched with ``timeout`` seconds each
    (default 20) and cached under ``cache_dir``/pages (``None``: neither read nor written)."""
    if isinstance(cache_dir, _Default):
        cache_dir = default_cache_dir()
    # Standard input can be read once: a second "-" would be an empty article. Refused before
    # anything is read or fetched.
    if sum(1 for item in inputs if isinstance(item, (str, os.PathLike)) and os.fspath(item) == "-") > 1:
        raise InputError(
            "-: standard input is given twice, but it can be read only once; pass one article as -, "
            "the others as files"
        )
    names = dict(names or {})
    published = dict(published or {})
    sidecars: dict[Path, dict[str, dict]] = {}
    seen_paths: dict[str, str] = {}
    taken: set[str] = set()
    sources: list[Source] = []
    for n, item in enumerate(inputs, 1):
        meta: dict = {}
        page: _html.Page | None = None
        if isinstance(item, Article):
            article = item
            if not isinstance(article.text, str) or not article.text.strip():
                raise InputError(f"article {article.id or n}: has no text; give it the article's text")
            if _html.looks_like_html(article.text):
                page = _html.extract(
                    article.text,
                    f"article {article.id or n}",
                    article.path if _is_url(article.path or "") else None,
                )
                article = dataclasses.replace(article, text=page.text)
        elif isinstance(item, str) and _is_url(item.strip()):
            from .fetch import DEFAULT_TIMEOUT, fetch

            url = item.strip()
            if url in seen_paths:
                raise InputError(f"{url}: is given twice; pass each source once")
            seen_paths[url] = url
            got = fetch(url, max_bytes=max_bytes, cache_dir=cache_dir, timeout=timeout or DEFAULT_TIMEOUT)
            is_html = got.content_type in ("text/html", "application/xhtml+xml")  # no type: sniffed
            text, page = _read_document(got.data, url, html=is_html, charset=got.charset, url=got.final_url)
            article = Article(text=text, id=_url_id(url), path=url)
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _looks_like_path(item)):
            path = os.fspath(item)
            if path != "-":
                real = os.path.realpath(path)
                if real in seen_paths:
                    raise InputError(
                        f"{path}: is given twice (as {seen_paths[real]} too); pass each source once"
                    )
                seen_paths[real] = path
                meta = _sidecar(Path(path).resolve().parent, sidecars).get(Path(path).name, {})
            data, label = _read_bytes(path, max_bytes)
            text, page = _read_document(data, label, html=Path(path).suffix.lower() in _HTML_SUFFIXES)
            stem = "stdin" if path == "-" else Path(path).stem
            article = Article(
                text=text,
                id=meta.get("id") or stem,
                name=meta.get("name"),
                path=path,
                published=meta.get("published"),
            )
        elif isinstance(item, str):
            if not item.strip():
                raise InputError(f"text {n}: is empty; give it the article's text")
            if _html.looks_like_html(item):
                page = _html.extract(item, f"text {n}")
            article = Article(text=page.text if page else item, id=f"text{n}")
        else:
            raise InputError(
                f"input {n}: is a {type(item).__name__}; pass a path, the article text or an Article"
            )
        if len(article.text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputError(
                f"{article.path or article.id}: is over the {max_bytes:,}-byte limit; pass "
                "--max-bytes to raise it"
            )
        if page:  # the page's own metadata, where neither the user nor sources.toml gave any
            article = dataclasses.replace(
                article, name=article.name or page.sitename, published=article.published or page.published
            )
        sid = _unique_id(str(article.id or f"source{n}"), taken)
        date = published.get(sid, article.published)
        if isinstance(date, str):
            date = parse_date(date, what=f"published date of {sid}")
        elif isinstance(date, _dt.datetime):
            date = date.date()
        sources.append(
            Source(
                id=sid,
                name=names.get(sid) or article.name or sid,
                text=article.text,
                published=date,
                path=article.path,
            )
        )
    unknown = (set(names) | set(published)) - taken
    if unknown:
        raise InputError(
            f"--name/--published name unknown source id {sorted(unknown)[0]!r}; known ids: "
            f"{', '.join(sorted(taken))}"
        )
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
