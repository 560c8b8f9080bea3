"""Fetch a news page by URL, politely and within limits, with an on-disk cache.

Standard library only (urllib): one GET per page, http/https only, a total time limit, a size cap,
at most ``MAX_REDIRECTS`` redirects, and a User-Agent that says who is asking. Every failure is
a one-line ``InputError`` naming the URL, raised while sources load, so a run with one bad URL
fails before any report is written. Pages are cached by URL hash under ``<cache>/pages/``: a
comparison can be rerun offline, and gives the same result when the live page has since changed.
"""

from __future__ import annotations

import email.message
import hashlib
import json
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import InputError
from .options import DEFAULT_MAX_BYTES

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
USER_AGENT = f"compare-articles/{__version__} (+article comparison; offline-first)"
# What an article can come as; anything else (PDF, images, JSON) is not a page we can read.
_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
_CHUNK = 65536


@dataclass(frozen=True)
class Fetched:
    url: str  # as given
    final_url: str  # after redirects
    data: bytes
    content_type: str  # "text/html", "text/plain", ... ("" when the server sent none)
    charset: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    # urllib follows up to 10 redirects and to ftp:// too; count them ourselves and refuse
    # anything but http(s), so the error can say which limit was hit.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        hops = getattr(req, "compare_hops", 0) + 1
        origin = getattr(req, "compare_origin", req.full_url)
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise InputError(
                f"{origin}: redirects to {newurl}, which is not an http(s) address; save the page and "
                "pass the file"
            )
        if hops > MAX_REDIRECTS:
            raise InputError(
                f"{origin}: redirects more than {MAX_REDIRECTS} times; open it in a browser, then "
                "pass the final address or save the page"
            )
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.compare_hops, new.compare_origin = hops, origin
        return new


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike | None = None,
) -> Fetched:
    """GET ``url`` (or read it from ``cache_dir/pages``); ``cache_dir=None`` skips the cache."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(
            f"{url}: only http:// and https:// addresses can be fetched; save the page or its text as "
            "a file and pass that"
        )
    if not parts.hostname:
        raise InputError(f"{url}: has no host name; check the address")
    entry = (
        Path(cache_dir) / "pages" / hashlib.sha256(url.encode("utf-8")).hexdigest()
        if cache_dir is not None
        else None
    )
    cached = _read_cache(entry, url) if entry else None
    if cached and len(cached.data) <= max_bytes:
        return cached
    result = _get(url, timeout, max_bytes)
    if entry:
        _write_cache(entry, result)
    return result


def _get(url: str, timeout: float, max_bytes: int) -> Fetched:
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    )
    opener = urllib.request.build_opener(_Redirects)  # proxies from the environment still apply
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: email.message.Message = response.headers
            ctype = headers.get_content_type() if headers.get("Content-Type") else ""
            if ctype and ctype not in _TYPES:
                raise InputError(
                    f"{url}: is {ctype}, not an HTML page or text; save the article's text as a .txt "
                    "file and pass that"
                )
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(
                    f"{url}: is {int(length):,} bytes, over the {max_bytes:,}-byte limit; pass "
                    f"--max-bytes {length} to fetch it anyway"
                )
            # Read in chunks against one deadline: the socket timeout alone would let a server
            # that sends a byte at a time hold the run for ever.
            chunks, size = [], 0
            while chunk := response.read(_CHUNK):
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(
                        f"{url}: is over the {max_bytes:,}-byte limit; pass --max-bytes to fetch a "
                        "larger page"
                    )
                if time.monotonic() > deadline:
                    raise TimeoutError
            return Fetched(url, response.geturl(), b"".join(chunks), ctype, headers.get_content_charset())
    except urllib.error.HTTPError as e:
        raise InputError(
            f"{url}: the server answered HTTP {e.code} {e.reason}; check the address, or save the "
            "page and pass the file"
        ) from None
    except urllib.error.URLError as e:
        raise _network_error(url, e.reason, timeout) from None
    except TimeoutError as e:
        raise _network_error(url, e, timeout) from None
    except (OSError, ValueError) as e:  # connection reset mid-body, a malformed address, ...
        raise _network_error(url, e, timeout) from None


def _network_error(url: str, reason: object, timeout: float) -> InputError:
    host = urllib.parse.urlsplit(url).hostname
    if isinstance(reason, socket.gaierror):
        return InputError(
            f"{url}: cannot find the host {host} (DNS lookup failed); check the address and your connection"
        )
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return InputError(
            f"{url}: no complete answer within {timeout:g} s; try again later, or save the page and "
            "pass the file"
        )
    if isinstance(reason, ConnectionRefusedError):
        return InputError(
            f"{url}: {host} refused the connection; check the address, or save the page and pass the file"
        )
    return InputError(
        f"{url}: cannot be fetched ({getattr(reason, 'strerror', None) or reason}); check the "
        "address, or save the page and pass the file"
    )


def _read_cache(entry: Path, url: str) -> Fetched | None:
    try:
        meta = json.loads(entry.with_suffix(".json").read_text(encoding="utf-8"))
        if meta.get("url") != url:  # a hash collision or a foreign file: fetch afresh
            return None
        return Fetched(
            url,
            meta["final_url"],
            entry.with_suffix(".body").read_bytes(),
            meta["content_type"],
            meta["charset"],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no entry, or a damaged one


def _write_cache(entry: Path, page: Fetched) -> None:
    # The body first, the metadata last (each renamed into place): a reader sees a whole entry or none.
    meta = {
        "url": page.url,
        "final_url": page.final_url,
        "content_type": page.content_type,
        "charset": page.charset,
    }
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        for suffix, data in ((".body", page.data), (".json", json.dumps(meta).encode("utf-8"))):
            tmp = entry.with_suffix(f"{suffix}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, entry.with_suffix(suffix))
    except OSError:
        pass  # the cache is an optimisation: an unwritable one must not fail the comparison
