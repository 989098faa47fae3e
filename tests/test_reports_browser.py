"""The home page, a period report and search, in Chromium at a phone's width, on the real site.

The site is the real build shared by the whole test run (tests/conftest.py: real_site);
REPORTS_SITE_DIR=<a built site> reuses another one instead (for quick reruns). Expected numbers are not typed in
here: they are read from the chart data the build wrote and formatted with Babel for the page's language,
so the tests follow the package and still fail when a chart or a page shows the wrong format.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from build_scripts import i18n

sys.path.insert(0, str(Path(__file__).parent / "browser"))
import browser_support as bs  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = {"width": 390, "height": 844}
REPORT = "reports/2025-9M/"


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    verdict, reason = bs.chromium_gate()
    if verdict == "fail":
        pytest.fail(reason, pytrace=False)
    if verdict == "skip":
        pytest.skip(reason)
    given = os.environ.get("REPORTS_SITE_DIR")
    return Path(given) if given else real_site


@pytest.fixture(scope="module")
def page(site, chromium_browser):
    with bs.serve(site) as base:
        context = chromium_browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        tab = context.new_page()
        tab.base = base
        yield tab
        context.close()


def overflow(tab) -> int:
    """How many pixels the page is wider than the phone's screen (0 = no sideways scrolling)."""
    return tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_home_shows_a_tile_a_headline_indicator_on_a_phone(page, site):
    page.goto(page.base)
    tiles = page.locator(".grid.cards li")
    assert tiles.count() >= 7  # growth, output, industry, trade, investment, budget, population
    for i in range(tiles.count()):
        tile = tiles.nth(i)
        assert tile.is_visible()
        link = tile.locator("a").first
        assert "indicators/" in link.get_attribute("href")
        assert tile.locator("strong").nth(1).inner_text().strip()  # the figure with its unit
    assert overflow(page) <= 0
    sparklines = page.locator(".grid.cards img.bn-sparkline")
    assert sparklines.count() >= 1
    for i in range(sparklines.count()):
        sparklines.nth(i).scroll_into_view_if_needed()  # lazy images load near the screen
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=sparklines.nth(i).element_handle())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_figures_are_written_in_the_pages_language(page, lang):
    from build_scripts import db, settings
    from build_scripts.pages.site import Site

    con = db.load_package(settings.PACKAGE_DIR)
    site = Site.load(con, settings.PACKAGE_DIR, Path("unused"))  # prepares the page tables unit_latest reads
    latest = {r["indicator_id"]: r for r in site.q("unit_latest", unit_id=settings.FOCUS_UNIT, themes=site.themes)}
    row = latest["grdp_current"]
    page.goto(page.base + ("" if lang == "vi" else "en/"))
    tile = page.locator(".grid.cards li", has=page.locator("a[href*='indicators/grdp_current/']")).first
    text = tile.inner_text()
    assert i18n.number(row["value"], row["decimals"], lang) in text
    assert i18n.label(lang, "units", row["unit"]) in text
    assert i18n.period(site.periods[row["period"]], lang) in text  # "năm 2025", "2025"


def test_the_latest_report_opens_from_the_home_page(page):
    page.goto(page.base)
    page.locator("#latest-report + p a").first.click()
    page.wait_for_load_state()
    assert "/reports/" in page.url
    assert page.locator("h1").inner_text().startswith("Tình hình kinh tế - xã hội")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_charts_write_numbers_in_the_pages_language(page, site, lang):
    prefix = "" if lang == "vi" else "en/"
    page.goto(page.base + prefix + REPORT)
    page.locator("figure.bn-figure").first.focus()  # the live charts load when a reader reaches one
    page.wait_for_selector(".bn-chart[data-bn-state=drawn]", state="attached", timeout=15000)
    assert overflow(page) <= 0
    data = json.loads((site / REPORT / f"ranking-grdp-growth-bac-ninh-{lang}.data.json").read_text(encoding="utf-8"))
    focus = next(row for row in data if row["focus"])
    decimals = 2  # grdp_growth is written with two decimals
    expected = i18n.number(focus["value"], decimals, lang)
    chart = page.locator("figure.bn-figure", has=page.locator("img[src*='ranking-grdp-growth']")).first
    chart.scroll_into_view_if_needed()
    page.wait_for_function("f => f.querySelector('.bn-chart svg')", arg=chart.element_handle(), timeout=15000)
    labels = chart.locator(".bn-chart svg text").all_text_contents()
    assert any(label.strip() == expected for label in labels), (expected, labels[:40])
    other = i18n.number(focus["value"], decimals, "en" if lang == "vi" else "vi")
    assert other != expected and not any(label.strip() == other for label in labels)
    # the map: provinces without a figure have their own legend entry, never a colour of the scale
    tiles = page.locator("figure.bn-figure", has=page.locator("img[src*='map-grdp-growth']")).first
    tiles.scroll_into_view_if_needed()
    page.wait_for_function("f => f.querySelector('.bn-chart svg')", arg=tiles.element_handle(), timeout=15000)
    legend = " ".join(tiles.locator(".bn-chart svg text").all_text_contents())
    assert i18n.t(lang, "report.no_figure") in legend


@pytest.mark.parametrize("query, expected", [("quang ninh", "Quảng Ninh"), ("ha noi", "Hà Nội"),
                                             ("tang truong", "Tăng trưởng")])
def test_search_finds_vietnamese_words_typed_without_diacritics(page, query, expected):
    """The page is among the first ten results (the lunr.vi override folds diacritics; ranking is lunr's)."""
    page.goto(page.base)
    titles, _ = bs.search(page, query, expected)
    assert any(expected in title for title in titles), titles
    # "bac ninh" finds pages too, but nearly every page names Bắc Ninh, and Material's prefix search ranks
    # "bạch" (bach) first: tests/test_reports_search.py checks that query on a small site
