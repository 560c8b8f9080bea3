"""HTML pages: main text through trafilatura, page furniture left out, outlet and date from metadata.

The reference page wraps the CBS/AP seed in the furniture of a busy news site. "Same claims" means:
the claims built from the page have the same texts, kinds and order as those built from the plain
text file; the text file's furniture lines ("Watch CBSN Live", the related-story list) are skipped
by the cleaner there and never reach the HTML body here. What the page's text still holds besides
the prose is what sits inside <article> itself: the dateline of the first paragraph and the
agency's copyright notice, both set aside by the cleaner, so neither becomes a claim.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import subprocess
import sys

import pytest

from compare import Article, InputError
from compare.clean import normalize_text
from compare.decode import decode_page
from compare.html import looks_like_html
from compare.ingest import load_sources
from compare.pipeline import prepare

from .conftest import CBS

HEADLINE = "Defected Syria envoy: Only force can topple Assad"
# The lines of the seed that are site furniture, not article prose (the cleaner skips them).
FURNITURE = [
    "Watch CBSN Live",
    "Special Section: The Arab Spring",
    "Brutal rape claims against Syria forces",
    "Syria's ambassador to Iraq abandons Assad",
    "View CBS News In",
]
# Words that appear only in the page's furniture; none may reach the extracted text.
FURNITURE_MARKERS = [
    "cookies",
    "Newsletter",
    "Politics",
    "Advertisement",
    "outrageous",
    "paid by foreign powers",
    "CBS Interactive",
    "Privacy",
    "Trending",
    "Facebook",
    "dataLayer",
    "tracker",
    "Sign up",
    "Brutal rape claims",
    "Watch CBSN",
]


AP_NOTICE = (
    "\u00a9 2012 The Associated Press. All Rights Reserved. "
    "This material may not be published, broadcast, rewritten, or redistributed."
)


def seed_paragraphs() -> list[str]:
    lines = [ln.strip() for ln in CBS.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [ln for ln in lines if ln not in FURNITURE and ln != HEADLINE]


def news_page(
    *,
    og: bool = True,
    json_ld: bool = True,
    charset: str = "utf-8",
    title: str = HEADLINE,
    paragraphs: list[str] | None = None,
) -> str:
    """The seed article inside a realistic, busy news page."""
    paras = [
        f"<p>{html.escape(p)}</p>" for p in (paragraphs if paragraphs is not None else seed_paragraphs())
    ]
    # An ad and the related-stories box sit inside the article, as they do on the real page.
    paras.insert(
        3,
        '<aside class="related-links"><h4>Special Section: The Arab Spring</h4><ul>'
        '<li><a href="/news/brutal-rape-claims">Brutal rape claims against Syria forces</a></li>'
        '<li><a href="/news/syria-ambassador">Syria\'s ambassador to Iraq abandons '
        "Assad</a></li></ul></aside>",
    )
    paras.insert(
        8,
        '<div class="ad-slot" id="ad-mid"><span class="ad-label">Advertisement</span>'
        '<iframe src="https://ads.example.invalid/slot?id=42" width="300" height="250"></iframe></div>',
    )
    meta = ""
    if og:
        meta += (
            '<meta property="og:site_name" content="CBS News">\n<meta property="og:title" '
            f'content="{html.escape(title)}">\n'
            '<meta property="article:published_time" content="2012-07-12T10:31:00-04:00">\n'
        )
    if json_ld:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": "2012-07-12T10:31:00-04:00",
            "dateModified": "2012-07-13T08:00:00-04:00",
            "author": {"@type": "Organization", "name": "Associated Press"},
            "publisher": {"@type": "Organization", "name": "CBS News"},
        }
        meta += f'<script type="application/ld+json">{json.dumps(ld)}</script>\n'
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>{html.escape(title)} - CBS News</title>
{meta}<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
<style>.ad-slot {{ min-height: 250px }} #cookie-banner {{ position: fixed }}</style>
</head><body>
<div id="cookie-banner" class="consent">We use cookies to personalise content and ads. <button>Accept all cookies</button>
<a href="/privacy">Privacy policy</a></div>
<header class="site-header"><a class="logo" href="/">CBS News</a>
<nav><ul><li><a href="/us/">U.S.</a></li><li><a href="/world/">World</a></li><li><a href="/politics/">Politics</a></li>
<li><a href="/live/">Watch CBSN Live</a></li><li><a href="/newsletters/">Newsletters</a></li></ul></nav></header>
<main>
<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/world/">World</a></nav>
<article class="content">
<h1 class="content__title">{html.escape(title)}</h1>
<p class="content__byline">By Associated Press</p>
<p class="content__meta"><time datetime="2012-07-12T10:31:00-04:00">July 12, 2012 / 10:31 AM</time> / AP</p>
<ul class="share-bar"><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">Reddit</a></li><li><a href="#">Email</a></li></ul>
<section class="content__body">
{chr(10).join(paras)}
</section>
<p class="copyright">{html.escape(AP_NOTICE)}</p>
</article>
<aside class="trending"><h3>Trending News</h3><ol>
<li><a href="/news/a">Storm knocks out power to thousands across the region</a></li>
<li><a href="/news/b">Senate vote on the budget delayed again</a></li></ol></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p class="comment-author">reader_42</p><p>This is outrageous, the world must act now before many more people die in this war!</p></div>
<div class="comment"><p class="comment-author">skeptic</p><p>I read somewhere that the ambassador was paid by foreign powers to say all of this on television.</p></div>
</section>
<form class="newsletter"><label>Sign up for our daily newsletter with the top stories of the day</label><input type="email"><button>Sign up</button></form>
</main>
<footer><ul><li><a href="/privacy">Privacy Policy</a></li><li><a href="/terms">Terms of Use</a></li></ul>
<p>Copyright &copy; 2012 CBS Interactive Inc. All Rights Reserved.</p><p>View CBS News In</p></footer>
<script>(function(){{var s=document.createElement('script');s.src='//tracker.example.invalid/t.js';document.body.appendChild(s);}})();</script>
</body></html>
"""  # noqa: E501 (text as written)


def claim_texts(source) -> list[tuple[str, str]]:
    claims, _, _ = prepare([source])
    return [(c.kind, c.text) for c in claims]


@pytest.fixture(scope="module")
def plain_claims():
    (cbs,) = load_sources([str(CBS)])
    return claim_texts(cbs)


def assert_same_as_plain(source, plain_claims):
    claims, skipped, _ = prepare([source])
    assert [(c.kind, c.text) for c in claims] == plain_claims
    assert claims[0].kind == "headline" and claims[0].text == HEADLINE
    # Nothing of the page's furniture is left to skip, only what the <article> itself holds.
    assert [(s.text, s.reason) for s in skipped] == [("(AP) BEIRUT -", "dateline"), (AP_NOTICE, "copyright")]
    for marker in FURNITURE_MARKERS:
        assert marker not in source.text, marker
    for c in claims:  # offsets point into the extracted text the Source holds
        assert normalize_text(source.text[c.start : c.end]) == c.text


def test_busy_page_file_gives_the_plain_texts_claims_with_outlet_and_date(tmp_path, plain_claims):
    page = tmp_path / "cbs-page.html"
    page.write_text(news_page(), encoding="utf-8")
    (src,) = load_sources([page])
    assert (src.id, src.name, src.published, src.path) == (
        "cbs-page",
        "CBS News",
        dt.date(2012, 7, 12),
        str(page),
    )
    assert src.text.splitlines()[0] == HEADLINE
    assert_same_as_plain(src, plain_claims)


def test_html_is_sniffed_without_the_suffix_and_from_stdin(tmp_path, monkeypatch, plain_claims):
    saved = tmp_path / "saved.txt"
    saved.write_text("\n\n  " + news_page(), encoding="utf-8")
    (src,) = load_sources([saved])
    assert src.name == "CBS News"
    assert_same_as_plain(src, plain_claims)

    class Stdin:
        buffer = __import__("io").BytesIO(news_page().encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin)
    (src,) = load_sources(["-"])
    assert (src.id, src.name, src.published) == ("stdin", "CBS News", dt.date(2012, 7, 12))


def test_library_strings_and_articles_that_are_html(plain_claims):
    a, b = load_sources([news_page(), Article(text=news_page(), id="cbs", name="CBS (AP)")])
    assert (a.id, a.name, a.published) == ("text1", "CBS News", dt.date(2012, 7, 12))
    assert (b.id, b.name, b.published) == (
        "cbs",
        "CBS (AP)",
        dt.date(2012, 7, 12),
    )  # the Article's own name wins
    assert_same_as_plain(a, plain_claims)


def test_json_ld_date_alone_is_read_and_the_title_leads_when_the_page_lacks_an_h1(tmp_path):
    page = news_page(og=False).replace(f'<h1 class="content__title">{html.escape(HEADLINE)}</h1>', "")
    (src,) = load_sources([page])
    assert src.published == dt.date(2012, 7, 12)
    assert src.text.splitlines()[0] == HEADLINE
    assert prepare([src])[0][0].kind == "headline"


def test_options_and_sources_toml_win_over_page_metadata(tmp_path):
    (tmp_path / "page.html").write_text(news_page(), encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nfile = "page.html"\nid = "ap"\npublished = "2012-07-11"\n', encoding="utf-8"
    )
    (src,) = load_sources([tmp_path / "page.html"])
    assert (src.id, src.name, src.published) == ("ap", "CBS News", dt.date(2012, 7, 11))
    (src,) = load_sources(
        [tmp_path / "page.html"], names={"ap": "AP via CBS"}, published={"ap": "2012-07-13"}
    )
    assert (src.name, src.published) == ("AP via CBS", dt.date(2012, 7, 13))


def test_a_page_without_article_text_is_a_one_line_error(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        "<!doctype html><html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<footer>Copyright 2012</footer></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(
        InputError,
        match=r"index.html: no article text found in the page; save the article's text as a .txt file",
    ):
        load_sources([page])


def test_charset_from_the_page_and_a_bom():
    text = "Президент Сирии Башар Асад заявил в четверг, что не уйдёт в отставку ни при каких условиях."
    page = news_page(charset="windows-1251", paragraphs=[text] * 3).replace("&rsaquo;", ">")
    data = page.encode("cp1251", errors="replace")
    assert text in decode_page(data, "p.html")
    assert text in decode_page(
        data.replace(b"windows-1251", b"utf-8"), "p.html", charset="cp1251"
    )  # HTTP beats meta
    assert decode_page(
        b"\xef\xbb\xbf<html>caf\xc3\xa9</html>".replace(b"<html>", b'<html><meta charset="latin-1">'), "p"
    ).endswith("café</html>")  # a BOM beats the meta tag


@pytest.mark.parametrize(
    "text,expected",
    [
        ("<!DOCTYPE html><html>", True),
        ("  \n<html lang='en'>", True),
        ("\ufeff<!doctype HTML>", True),
        ("<HTML>", True),
        ("The <html> tag starts a page.", False),
        ("<htmlish>", False),
        ("Plain text.\n<html>", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_importing_compare_does_not_import_trafilatura():
    code = (
        "import sys, compare, compare.ingest, compare.cli; print('trafilatura' in sys.modules, 'lxml' in "
        "sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_one_line_html_string_is_a_page_not_a_path():
    line = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Bridge closes</h1><p>The mayor of "
        "Riverton said "
        "on Monday that the main bridge will close for repairs next week.</p></article></body></html>"
    )
    (src,) = load_sources([line])
    assert src.text.splitlines() == [
        "Bridge closes",
        "The mayor of Riverton said on Monday that the main bridge will close for repairs next week.",
    ]
