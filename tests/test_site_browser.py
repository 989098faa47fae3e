"""The built fixture site in Debian's Chromium: an indicator page in both languages draws its charts from
the site's own files, switches language, requests nothing outside the site, and looks like a page
(a screenshot that is not blank)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
import browser_support as bs  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "mini"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("site-build")]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    verdict, reason = bs.chromium_gate()  # the gate of tests/browser: skip locally, fail under CI=true
    if verdict == "fail":
        pytest.fail(reason, pytrace=False)
    if verdict == "skip":
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("browser-site")
    result = subprocess.run([sys.executable, "-m", "build_scripts", "build", "--package", str(FIXTURE),
                             "--site-dir", str(root / "site"), "--build-dir", str(root / "build")],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    with bs.serve(root / "site") as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def browser(base_url, chromium_browser):
    return chromium_browser


@pytest.mark.parametrize("path, heading, number", [
    ("/indicators/grdp_growth/", "Tăng trưởng GRDP", "3,20"),
    ("/en/indicators/grdp_growth/", "GRDP growth", "3.20"),
])
def test_indicator_page_draws_its_charts_from_the_site_only(base_url, browser, tmp_path, path, heading, number):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    outside, errors = [], []
    page.on("request", lambda r: r.url.startswith(base_url) or r.url.startswith("data:") or outside.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type in ("warning", "error") and "chart" in m.text and errors.append(m.text))
    page.goto(base_url + path)
    page.locator("figure.bn-figure").first.focus()  # a reader reaching a chart loads the live charts
    page.wait_for_function("() => document.querySelectorAll('.bn-chart').length > 0 && "
                           "[...document.querySelectorAll('.bn-chart')].every(c => ['drawn', 'failed'].includes(c.dataset.bnState))",
                           polling=200, timeout=60_000)
    states = page.evaluate("[...document.querySelectorAll('.bn-chart')].map(c => c.dataset.bnState)")
    assert states == ["drawn", "drawn", "drawn"], (states, errors)  # the series, the ranking, the tile map
    assert page.locator("h1").first.text_content().strip() == heading
    assert page.locator(".bn-chart svg").count() == 3
    assert number in page.locator("main").text_content()
    shot = tmp_path / "indicator.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000  # a page with text, tables and charts, not a blank image
    assert outside == [] and errors == []
    page.close()


def test_language_switch_goes_to_the_same_page_in_english(base_url, browser):
    page = browser.new_page()
    page.goto(base_url + "/indicators/grdp_growth/")
    href = page.locator('a[hreflang="en"]').first.get_attribute("href")
    page.goto(page.url + href if not href.startswith("/") else base_url + href)
    assert page.url.endswith("/en/indicators/grdp_growth/")
    assert page.locator("h1").first.text_content().strip() == "GRDP growth"
    page.close()
