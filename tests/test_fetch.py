"""URLs: fetched from a local server on 127.0.0.1 started by the test; nothing leaves the machine."""

from __future__ import annotations

import datetime as dt
import http.server
import socket
import threading
import time

import pytest
from typer.testing import CliRunner

import compare.pipeline as pipeline
from compare import InputError
from compare.cli import app
from compare.fetch import USER_AGENT, fetch
from compare.ingest import load_sources

from .conftest import CBS, TP, FakeEmbedder
from .test_html import assert_same_as_plain, claim_texts, news_page

PAGE = news_page().encode("utf-8")


class Handler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []
    agents: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        Handler.hits.append(self.path)
        Handler.agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path.startswith("/hop/"):  # /hop/n: n + 1 redirects (to /hop/n-1 ... /hop/0, then the page)
            n = int(path.rsplit("/", 1)[1])
            return self._send(302, b"", location="/news/syria-envoy" if n == 0 else f"/hop/{n - 1}")
        if path == "/to-ftp":
            return self._send(301, b"", location="ftp://127.0.0.1/page.html")
        if path == "/news/syria-envoy":
            return self._send(200, PAGE)
        if path == "/plain":
            return self._send(
                200,
                "Caf\u00e9 owners said on Monday that the street will close for a week.".encode("cp1252"),
                ctype="text/plain; charset=windows-1252",
            )
        if path == "/report.pdf":
            return self._send(200, b"%PDF-1.7 ...", ctype="application/pdf")
        if path == "/slow":
            time.sleep(1.5)
            return self._send(200, PAGE)
        if path == "/big":
            return self._send(200, PAGE)  # with a Content-Length over the cap
        if path == "/big-stream":  # no Content-Length: the cap must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                self.wfile.write(PAGE)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if path == "/error":
            return self._send(500, b"<html><body>Internal Server Error</body></html>")
        return self._send(404, b"<html><body>Not Found</body></html>")

    def _send(self, code, body, ctype="text/html; charset=utf-8", location=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout and size tests): that is the point

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _local(monkeypatch):
    # A proxy set in the environment must not see the test's requests.
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    Handler.hits.clear()
    Handler.agents.clear()


@pytest.fixture(scope="module")
def plain_claims():
    (cbs,) = load_sources([str(CBS)])
    return claim_texts(cbs)


def test_a_busy_page_by_url_gives_the_plain_texts_claims_with_outlet_and_date(server, plain_claims):
    url = f"{server}/news/syria-envoy"
    (src,) = load_sources([url])
    assert (src.id, src.name, src.published, src.path) == (
        "syria-envoy",
        "CBS News",
        dt.date(2012, 7, 12),
        url,
    )
    assert_same_as_plain(src, plain_claims)
    assert Handler.agents == [USER_AGENT] and USER_AGENT.startswith("compare-articles/0.")


def test_redirects_are_followed_and_capped(server):
    (src,) = load_sources([f"{server}/hop/4"], cache_dir=None)  # five redirects: allowed
    assert src.name == "CBS News" and src.path == f"{server}/hop/4"
    assert Handler.hits[-1] == "/news/syria-envoy"
    with pytest.raises(InputError, match=r"/hop/5: redirects more than 5 times; open it in a browser"):
        load_sources([f"{server}/hop/5"], cache_dir=None)
    with pytest.raises(
        InputError,
        match=r"/to-ftp: redirects to ftp://127.0.0.1/page.html, which is not an http\(s\) address",
    ):
        load_sources([f"{server}/to-ftp"], cache_dir=None)


@pytest.mark.parametrize(
    "path,status", [("/missing", "HTTP 404 Not Found"), ("/error", "HTTP 500 Internal Server Error")]
)
def test_http_errors_name_the_url_and_the_status(server, path, status):
    with pytest.raises(
        InputError, match=rf"^{server}{path}: the server answered {status}; check the address"
    ):
        load_sources([f"{server}{path}"])


def test_timeout(server):
    start = time.monotonic()
    with pytest.raises(
        InputError, match=rf"^{server}/slow: no complete answer within 0.3 s; try again later"
    ):
        load_sources([f"{server}/slow"], timeout=0.3)
    assert time.monotonic() - start < 1.2


@pytest.mark.parametrize("path", ["/big", "/big-stream"])
def test_size_cap(server, path):
    with pytest.raises(
        InputError, match=rf"^{server}{path}: is .*over the 5,000-byte limit; pass --max-bytes"
    ):
        load_sources([f"{server}{path}"], max_bytes=5_000)  # the page is about 8,000 bytes


@pytest.mark.parametrize("url", ["ftp://example.org/story.html", "file:///etc/passwd", "javascript://x"])
def test_only_http_and_https(url):
    with pytest.raises(
        InputError, match=rf"^{url}: only http:// and https:// addresses can be fetched; save the page"
    ):
        load_sources([url])


def test_content_types(server):
    with pytest.raises(
        InputError,
        match=r"/report.pdf: is application/pdf, not an HTML page or text; save the article's text as a .txt",
    ):
        load_sources([f"{server}/report.pdf"])
    (src,) = load_sources([f"{server}/plain"])  # text/plain is read as text, by the charset the server names
    assert src.text.startswith("Caf\u00e9 owners") and src.name == "plain"


def test_dns_failure_and_refused_connection(monkeypatch):
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with monkeypatch.context() as m:
        m.setattr(socket, "getaddrinfo", no_dns)
        with pytest.raises(
            InputError,
            match=r"^https://news.example/a: cannot find the host news.example \(DNS lookup failed\)",
        ):
            load_sources(["https://news.example/a"])
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputError, match=rf"^http://127.0.0.1:{port}/a: 127.0.0.1 refused the connection"):
        load_sources([f"http://127.0.0.1:{port}/a"])


def test_cache_hit_does_not_reach_the_server(server, tmp_path):
    url = f"{server}/news/syria-envoy"
    first = load_sources([url], cache_dir=tmp_path)
    second = load_sources([url], cache_dir=tmp_path)
    assert Handler.hits == ["/news/syria-envoy"] and first == second
    assert len(list((tmp_path / "pages").glob("*.body"))) == 1
    load_sources([url], cache_dir=None)  # no cache: fetched again, nothing written
    assert len(Handler.hits) == 2
    assert fetch(url, cache_dir=tmp_path).final_url == url


def test_command_line_name_and_date_win_and_a_bad_url_writes_no_report(server, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "get_embedder", lambda options: FakeEmbedder())
    out = tmp_path / "r.json"
    runner = CliRunner()
    args = ["report", f"{server}/news/syria-envoy", str(TP), "-o", str(out), "--no-cache", "-q"]
    result = runner.invoke(app, [*args, "--name", "syria-envoy=AP", "--published", "syria-envoy=2012-07-13"])
    assert result.exit_code == 0, result.output
    source = __import__("json").loads(out.read_text(encoding="utf-8"))["sources"][0]
    assert (source["name"], source["published"], source["path"]) == (
        "AP",
        "2012-07-13",
        f"{server}/news/syria-envoy",
    )
    out.unlink()
    result = runner.invoke(app, ["report", str(TP), f"{server}/missing", "-o", str(out)])
    assert result.exit_code == 2 and "HTTP 404" in result.output and not out.exists()
    assert len([h for h in Handler.hits if h == "/news/syria-envoy"]) == 1  # --no-cache: nothing was stored
    result = runner.invoke(app, args)
    assert len([h for h in Handler.hits if h == "/news/syria-envoy"]) == 2


@pytest.mark.parametrize(
    "url,sid",
    [
        ("https://www.cbsnews.com/news/defected-syria-envoy/", "cbsnews"),
        ("https://edition.cnn.com/2012/07/12/world/syria.html", "cnn"),
        ("https://news.bbc.co.uk/2/hi/middle_east/1.stm", "bbc"),
        ("http://127.0.0.1:8000/news/story.html", "story"),
        ("http://localhost/", "localhost"),
    ],
)
def test_url_ids_name_the_outlet(url, sid):
    from compare.ingest import _url_id

    assert _url_id(url) == sid


def test_the_same_url_twice_is_refused(server):
    url = f"{server}/news/syria-envoy"
    with pytest.raises(InputError, match=r"is given twice; pass each source once"):
        load_sources([url, url])
