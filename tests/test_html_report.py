"""The HTML report, fast (fake embedder): hostile article text stays text everywhere it appears,
the same report gives the same bytes, and the page carries a strict CSP with no inline handlers."""

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

import compare.pipeline as pipeline
from compare import Article, check, compare
from compare.cli import app
from compare.render.html import render

from .conftest import FakeEmbedder

HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a> '
    "\" onmouseover=\"alert(4)\" ' onfocus='alert(5)' </textarea></style> \x00\x07\x1b\x7f\x85 \ud800 &amp;"
)

A = (
    "Flooding closed the main bridge in Riverton on Monday, officials said. "
    "At least 12 people were rescued from their homes. The mayor said the bridge will reopen next week."
)
B = (
    "The main bridge in Riverton was closed by floods on Monday. Rescuers saved at least 12 people "
    "from their homes. "
    "A local school was turned into a shelter for 200 families."
)
C = (
    "Floods shut the main bridge in Riverton on Monday. Rescuers saved at least 30 people from their homes. "
    "The mayor said the bridge would stay shut for a month."
)

# The only markup the renderer may produce; anything else came from an article.
ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "strong",
    "section",
    "div",
    "svg",
    "rect",
    "span",
    "ul",
    "li",
    "article",
    "a",
    "aside",
    "ol",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "button",
    "footer",
    "script",
}


class Page(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)

    def handle_endtag(self, tag):
        self._in = None


def _fake(**kw):
    return dict(embedder=FakeEmbedder(), cache_dir=None, **kw)


@pytest.fixture(scope="module")
def hostile_report():
    evil = HOSTILE.replace("\ud800", "")  # a lone surrogate in an id would not survive file names either
    a = Article(
        text="Watch Live\n\n" + HOSTILE + " Flooding closed the bridge.\n\n" + A,
        id="herald" + evil[:40],
        name="Herald " + HOSTILE,
        path="javascript:alert(6)/" + HOSTILE,
        published="2021-03-01",
    )
    b = Article(text=B + "\n\n" + HOSTILE + " The bridge was closed by floods.", id="gazette", name="Gazette")
    return compare([a, b], **_fake())


def _poison(d: dict) -> dict:
    """Every free-text field of a report dict gets the hostile payload, including the ones the
    pipeline never fills from articles today (explanations, conflict values, notes, model)."""

    def walk(x, key=""):
        if isinstance(x, dict):
            return {k: walk(v, k) for k, v in x.items()}
        if isinstance(x, list):
            return [walk(v, key) for v in x]
        if isinstance(x, str) and key in {
            "text",
            "name",
            "path",
            "published",
            "explanation",
            "quote",
            "reason",
            "a",
            "b",
            "detail",
            "model",
            "notes",
            "type",
        }:
            return x + HOSTILE
        return x

    return walk(dict(d, notes=[*d["notes"], "a note"]))


def _assert_safe(out: str) -> None:
    page = Page(out)
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name != "style", tag  # would need 'unsafe-inline'
            if name == "href":
                assert re.fullmatch(r"#[cf]-\d+", value), value
            if name in ("id", "class", "data-f", "data-peers", "aria-describedby"):
                assert re.fullmatch(r"[a-z0-9 -]*", value or ""), (name, value)
    assert [t for t, _ in page.tags].count("script") == 1
    assert "alert" not in "".join(page.scripts)
    assert not re.search(r"<(img|textarea|iframe|object|embed)\b", out, re.I)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]", out)
    out.encode("utf-8")  # would raise on a lone surrogate


def test_hostile_article_text_is_escaped_everywhere(hostile_report):
    out = hostile_report.to_html()
    _assert_safe(out)
    # The payload is visible as text: in the column, the findings, the source name and path.
    assert out.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4
    assert "&quot; onmouseover=&quot;alert(4)&quot;" in out and "&#x27; onfocus=&#x27;alert(5)&#x27;" in out
    assert "javascript:alert(6)" in out  # the path, as text only (hrefs are checked above)


def test_every_text_field_of_the_contract_is_escaped(hostile_report):
    d = _poison(hostile_report.to_dict())
    out = render(d, {s.id: s.text + HOSTILE for s in hostile_report.sources})
    _assert_safe(out)
    for where in ("<title>", 'class="note"', 'class="why"', "<blockquote>", "<footer>", 'class="skipped"'):
        assert where in out, where
    assert out.count("&lt;script&gt;") > 20


def test_without_texts_the_columns_show_the_claims(hostile_report):
    out = render(_poison(hostile_report.to_dict()))
    _assert_safe(out)
    assert 'class="claim' in out


def test_same_report_same_bytes_and_different_report_different_nonce():
    one = compare([A, B], **_fake()).to_html()
    two = compare([A, B], **_fake()).to_html()
    assert one == two
    other = compare([A, C], **_fake()).to_html()
    nonce = lambda s: re.search(r"'nonce-([^']+)'", s).group(1)  # noqa: E731
    assert nonce(one) != nonce(other)


def test_csp_is_strict_and_matches_the_page():
    out = compare([A, B], **_fake()).to_html()
    page = Page(out)
    metas = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    csp = metas[0]["content"]
    assert csp.startswith("default-src 'none';")
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    nonce = re.search(r"script-src 'nonce-([A-Za-z0-9+/=]+)';", csp).group(1)
    assert [a.get("nonce") for t, a in page.tags if t == "script"] == [nonce]
    style_hash = base64.b64encode(hashlib.sha256(page.styles[0].encode()).digest()).decode()
    assert f"style-src 'sha256-{style_hash}';" in csp
    # The CSP meta comes before any style or script, or it would not cover them.
    assert out.index("Content-Security-Policy") < out.index("<style>") < out.index("<script")
    assert not re.search(r"\son[a-z]+\s*=", out.replace(page.scripts[0], ""))


def test_two_sources_get_summary_bars_and_side_by_side_columns():
    report = compare([Article(text=A, id="herald"), Article(text=B, id="gazette")], **_fake())
    out = report.to_html()
    assert out.count('class="bar"') == 2 and 'id="matrix"' not in out
    assert out.index('id="h-src-0"') < out.index('id="h-src-1"')
    assert 'aria-live="polite"' in out and "aria-describedby=" in out
    agreements = [f for f in report.findings if f.kind == "agreement"]
    assert agreements  # a claim links to its finding; the finding lists both claims
    n = next(i for i, f in enumerate(report.findings) if f.kind == "agreement")
    assert re.search(rf'<a class="claim agreement" id="c-\d+" href="#f-{n}" data-f="f-{n}[ "]', out)


def test_three_sources_get_a_claim_matrix():
    report = compare(
        [Article(text=A, id="herald"), Article(text=B, id="gazette"), Article(text=C, id="post")], **_fake()
    )
    out = report.to_html()
    assert report.facts
    rows = re.findall(r'<tr data-order="(\d+)" data-score="(\d+)">(.*?)</tr>', out)
    assert len(rows) == len(report.facts)
    scores = [int(s) for _, s, _ in rows]
    assert scores == sorted(scores, reverse=True)  # most contested first without JavaScript
    for _, _, cells in rows:
        assert len(re.findall(r'<td class="m-(agrees|contradicts|differs|silent)">', cells)) == 3


def test_check_mode_puts_the_draft_first():
    draft = (
        "The main bridge in Riverton closed on Monday. At least 40 people were rescued. Aliens landed in "
        "the park."
    )
    report = check(
        Article(text=draft, id="draft"),
        [Article(text=A, id="herald"), Article(text=B, id="gazette")],
        **_fake(),
    )
    out = report.to_html()
    _assert_safe(out)
    assert out.startswith("<!DOCTYPE html>") and "Pre-publication check: draft vs herald vs gazette" in out
    assert out.index('<h2 id="h-src-0">draft</h2>') < out.index('<h2 id="h-src-1">herald</h2>')
    assert "Draft claims, in order" in out and out.count('class="bar"') == 1
    assert any(
        k in out
        for k in ('class="claim supported"', 'class="claim contradicted"', 'class="claim unsupported"')
    )


def test_notebook_repr_is_a_sandboxed_iframe():
    out = compare([A, B], **_fake())._repr_html_()
    assert out.startswith("<iframe") and 'sandbox="allow-scripts"' in out
    assert "<script" not in out and "&lt;script nonce=" in out


def test_cli_writes_html_by_suffix_and_by_format(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "get_embedder", lambda options: FakeEmbedder())
    a, b = tmp_path / "herald.txt", tmp_path / "gazette.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(a), str(b), "-o", str(out), "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = runner.invoke(app, ["report", str(a), str(b), "--format", "html"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert result.stdout == out.read_text(encoding="utf-8")
