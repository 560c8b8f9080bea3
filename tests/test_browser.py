"""The HTML report in a real browser: headless Chromium (Debian's chromium and chromium-driver
packages, driven by Selenium; nothing is downloaded). Selecting a claim highlights its
counterparts, the strict CSP blocks nothing of ours, and a screenshot shows a real page.

Set COMPARE_SCREENSHOT_DIR to keep the screenshots (default: pytest's tmp folder)."""

from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import pytest

from compare import Article, check, compare

from .conftest import CBS, TP, FakeEmbedder

CHROMIUM = Path(os.environ.get("COMPARE_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("COMPARE_CHROMEDRIVER", "/usr/bin/chromedriver"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--window-size=1500,1100",
]

webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium is not installed: pip install -e '.[test]'"
)
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        f"Chromium or its driver is missing ({CHROMIUM}, {CHROMEDRIVER}); `make test` installs Debian's "
        "chromium and chromium-driver with apt-get",
        allow_module_level=True,
    )

# Records every CSP violation from the first byte of each page (before the report's own script runs).
_WATCH = (
    "window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) {"
    " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });"
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    except Exception as e:  # e.g. a driver that does not match the browser
        pytest.skip(f"headless Chromium would not start: {type(e).__name__}: {str(e).splitlines()[0]}")
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _WATCH})
    yield driver
    driver.quit()


def _open(browser, html: str, path: Path) -> list[str]:
    """Load the page from a file (as a user would) and return its console errors."""
    path.write_text(html, encoding="utf-8")
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(path.as_uri())
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def _classes(browser, css: str) -> set[str]:
    return set(browser.execute_script(f"return [...document.querySelectorAll({css!r})].map(e => e.id)"))


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


def _screenshot(browser, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    assert browser.save_screenshot(str(shot))
    keep = os.environ.get("COMPARE_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / name)
    width, height = _png_size(shot)
    assert width >= 1000 and height >= 700, (width, height)
    assert shot.stat().st_size > 50_000  # a blank or broken page compresses to a few kB
    return shot


def _select_and_check_counterpart(browser, report) -> None:
    by_id = {c.id: n for n, c in enumerate(report.claims)}
    finding = next(f for f in report.findings if f.kind == "agreement")
    first, other = (f"c-{by_id[c]}" for c in finding.claims)
    browser.find_element("id", first).click()
    assert _classes(browser, ".claim.selected") == {first}
    assert other in _classes(browser, ".claim.counterpart")
    panel = browser.find_element("id", "panel")
    assert panel.is_displayed() and "Why:" in panel.text and "Agreement" in panel.text
    # Keyboard: right arrow goes to the counterpart in the next column, and selects it.
    from selenium.webdriver.common.keys import Keys

    browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    focused = browser.switch_to.active_element.get_attribute("id")
    assert focused in _classes(browser, ".claim.selected") and focused != first
    browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element.get_attribute("id") != focused
    browser.find_element("id", first).click()  # leave the agreement selected for the screenshot


@pytest.mark.slow
def test_seed_report_in_chromium(browser, tmp_path):
    report = compare([str(CBS), str(TP)], cache_dir=None)  # the real model
    errors = _open(browser, report.to_html(), tmp_path / "seeds.html")
    assert errors == [] and browser.execute_script("return window.__csp") == []
    _select_and_check_counterpart(browser, report)
    _screenshot(browser, tmp_path, "seeds.png")


def test_fake_report_in_chromium(browser, tmp_path):
    a = (
        "Flooding closed the main bridge in Riverton on Monday, officials said. At least 12 people "
        "were rescued from their "
        "homes. The mayor said the bridge will reopen next week."
    )
    b = (
        "The main bridge in Riverton was closed by floods on Monday. Rescuers saved at least 12 "
        "people from their homes. "
        "A local school was turned into a shelter for 200 families."
    )
    report = compare(
        [Article(text=a, id="herald"), Article(text=b, id="gazette")], embedder=FakeEmbedder(), cache_dir=None
    )
    errors = _open(browser, report.to_html(), tmp_path / "fake.html")
    assert errors == [] and browser.execute_script("return window.__csp") == []
    _select_and_check_counterpart(browser, report)


def test_matrix_sorts_and_check_mode_renders(browser, tmp_path):
    texts = [
        "Floods closed the main bridge in Riverton on Monday. At least 12 people were rescued.",
        "The main bridge in Riverton was closed by floods on Monday. Rescuers saved at least 12 people.",
        "Floods shut the main bridge in Riverton on Monday. Rescuers saved at least 30 people.",
    ]
    report = compare(
        [Article(text=t, id=f"s{n}") for n, t in enumerate(texts)], embedder=FakeEmbedder(), cache_dir=None
    )
    assert _open(browser, report.to_html(), tmp_path / "three.html") == []
    order = "return [...document.querySelectorAll('#matrix tbody tr')].map(r => +r.dataset.order)"
    before = browser.execute_script(order)
    browser.find_element("id", "sort").click()
    assert browser.execute_script(order) == sorted(before)
    browser.find_element("id", "sort").click()
    assert browser.execute_script(order) == before

    draft = check(
        Article(text=texts[2], id="draft"),
        [Article(text=t, id=f"s{n}") for n, t in enumerate(texts[:2])],
        embedder=FakeEmbedder(),
        cache_dir=None,
    )
    assert _open(browser, draft.to_html(), tmp_path / "check.html") == []
    heads = browser.execute_script(
        "return [...document.querySelectorAll('.source h2')].map(h => h.textContent)"
    )
    assert heads == ["draft", "s0", "s1"]
    browser.find_element("css selector", "#h-src-0 ~ .text a.claim").click()
    assert browser.find_element("id", "panel").text.count("Why:") >= 1
    assert browser.execute_script("return window.__csp") == []


def test_csp_blocks_injected_script(browser, tmp_path):
    # The control for the tests above: markup that slipped past escaping would be refused and reported.
    page = compare(
        ["A bridge closed on Monday.", "The bridge closed on Monday."],
        embedder=FakeEmbedder(),
        cache_dir=None,
    )
    html = page.to_html().replace(
        "<footer>", '<footer><script>document.title="pwned"</script><button id="x" onclick="1">'
    )
    errors = _open(browser, html, tmp_path / "tampered.html")
    assert browser.title != "pwned"
    assert browser.execute_script("return window.__csp"), "no CSP violation recorded"
    assert any("Content Security Policy" in e for e in errors), errors
