"""The indicator page's period <select>, in Chromium: the ranking chart and the tile map follow it.

On /indicators/grdp_growth/ in both languages: once the charts are drawn the control shows, the keyboard
reaches it, choosing another period redraws both charts (the first bar becomes that period's leader,
computed from the chart's own data file; the map's hatched tiles become that period's missing provinces),
the captions follow, no console error, and axe-core still finds nothing serious or critical.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import browser_support as bs

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

INDICATOR = "indicators/grdp_growth/"
SELECT = "#bn-period-select"

# Bars and tiles of a live chart as a screen reader gets them: their aria-labels ("name: value"), top to bottom.
MARKS_JS = """
(kind) => {
  const figure = document.querySelector(`figure.bn-figure--${kind}`);
  const marks = figure ? Array.from(figure.querySelectorAll('.bn-chart svg path[role="graphics-symbol"][aria-label]')) : [];
  return marks.map(m => ({label: m.getAttribute('aria-label'), top: m.getBoundingClientRect().top,
                          left: m.getBoundingClientRect().left}))
              .sort((a, b) => a.top - b.top || a.left - b.left).map(m => m.label);
}
"""
CAPTION_JS = "(kind) => document.querySelector(`figure.bn-figure--${kind} figcaption`).textContent.trim()"


# Two periods can share a leader (Quảng Ninh leads both 2025 and its first nine months), so a redraw is
# waited for as a different set of bars, as many as the chosen period has figures.
REDRAWN_JS = """
([js, before, count]) => {
  const bars = eval(js)('ranking');
  return bars.length === count && JSON.stringify(bars) !== JSON.stringify(before);
}
"""


def _wait_for_redraw(page, before: list[str], leader: str, count: int) -> list[str]:
    try:
        page.wait_for_function(REDRAWN_JS, arg=[MARKS_JS, before, count], timeout=bs.ACTION_TIMEOUT_MS)
    except PlaywrightTimeout as error:  # say what the chart shows instead
        bars = page.evaluate(MARKS_JS, "ranking")
        raise AssertionError(f"the ranking did not redraw to {count} bars led by {leader}: it shows {bars}") from error
    return page.evaluate(MARKS_JS, "ranking")


def _data(site_dir, name: str, lang: str) -> list[dict]:
    return json.loads((site_dir / INDICATOR / f"{name}-{lang}.data.json").read_text(encoding="utf-8"))


def _spec(site_dir, name: str, lang: str) -> dict:
    return json.loads((site_dir / INDICATOR / f"{name}-{lang}.vl.json").read_text(encoding="utf-8"))


def _open(browser, site_url, lang):
    context = bs.desktop_context(browser)
    recorder = bs.Recorder().attach(context)
    page = context.new_page()
    page.goto(site_url + bs.localized(INDICATOR, lang), wait_until="load")
    page.evaluate(bs.WAKE_CHARTS_JS)
    page.wait_for_function(bs.ALL_CHARTS_DRAWN_JS, timeout=bs.CHART_TIMEOUT_MS)
    return context, recorder, page


@pytest.mark.parametrize("lang", bs.LANGUAGES)
def test_choosing_a_period_redraws_the_ranking_and_the_map(browser, site_url, site_dir, lang):
    ranking, tiles = _data(site_dir, "ranking", lang), _data(site_dir, "tiles", lang)
    spec = _spec(site_dir, "ranking", lang)
    latest = spec["params"][0]["value"]
    periods = sorted({r["period"] for r in ranking})
    assert len(periods) >= 2, f"grdp_growth has {periods}: a period select needs two rankable periods"
    other = next(p for p in periods if p != latest)
    leader = min((r for r in ranking if r["period"] == other), key=lambda r: r["order"])["name"]
    latest_leader = min((r for r in ranking if r["period"] == latest), key=lambda r: r["order"])["name"]
    no_data = next(r["value_text"] for r in tiles if r["value"] is None)
    missing = sorted(r["name"] for r in tiles if r["period"] == other and r["value"] is None)

    context, recorder, page = _open(browser, site_url, lang)
    try:
        control = page.locator(SELECT)
        assert control.is_visible(), f"the period select on {page.url} stays hidden once the charts are drawn"
        assert control.input_value() == latest
        assert page.locator(f"label[for='{SELECT[1:]}']").inner_text().strip(), "the select has no label"
        bars = page.evaluate(MARKS_JS, "ranking")
        assert bars and bars[0].startswith(latest_leader + ": "), f"latest period's first bar: {bars[:3]}"
        tiles_before = page.evaluate(MARKS_JS, "tile_map")

        control.select_option(other)
        bars = _wait_for_redraw(page, bars, leader, len([r for r in ranking if r["period"] == other]))
        assert bars[0].startswith(leader + ": "), bars[:3]
        tiles_after = page.evaluate(MARKS_JS, "tile_map")
        assert tiles_after != tiles_before, "the tile map did not redraw for the chosen period"
        hatched = sorted(label.split(": ")[0] for label in tiles_after if label.endswith(": " + no_data))
        assert hatched == missing, f"tiles without a figure for {other}: {hatched}, expected {missing}"
        descriptions = spec["usermeta"]["period_descriptions"]
        assert page.evaluate(CAPTION_JS, "ranking") == descriptions[other]

        errors = recorder.console_errors + recorder.page_errors
        assert not errors, f"{page.url} logged errors:\n" + "\n".join(errors)
        blocking = [v for v in bs.axe_violations(page) if v.get("impact") in bs.BLOCKING_IMPACTS]
        assert not blocking, bs.format_violations(blocking)
    finally:
        context.close()


@pytest.mark.parametrize("lang", bs.LANGUAGES)
def test_the_keyboard_reaches_the_select_and_changes_the_period(browser, site_url, site_dir, lang):
    ranking = _data(site_dir, "ranking", lang)
    options = [o for o in _option_values(site_dir, lang)]
    second = options[1]
    leader = min((r for r in ranking if r["period"] == second), key=lambda r: r["order"])["name"]
    context, recorder, page = _open(browser, site_url, lang)
    try:
        # Start from the paragraph before the control, as a reader tabbing down the page would.
        page.locator("figure.bn-figure--ranking").evaluate(
            "el => { const p = el.previousElementSibling.previousElementSibling; p.setAttribute('tabindex', '-1'); p.focus(); }")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.id") == SELECT[1:], "Tab did not reach the period select"
        before = page.evaluate(MARKS_JS, "ranking")
        page.keyboard.press("ArrowDown")  # a closed select changes its value with the arrow keys
        bars = _wait_for_redraw(page, before, leader, len([r for r in ranking if r["period"] == second]))
        assert bars[0].startswith(leader + ": "), bars[:3]
        assert page.locator(SELECT).input_value() == second
        errors = recorder.console_errors + recorder.page_errors
        assert not errors, "\n".join(errors)
    finally:
        context.close()


def test_without_javascript_the_select_is_hidden_and_the_images_show(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=bs.DESKTOP)
    try:
        page = context.new_page()
        page.goto(site_url + INDICATOR, wait_until="load")
        assert not page.locator(SELECT).is_visible(), "without JavaScript the period select does nothing: it must be hidden"
        for kind in ("ranking", "tile_map"):
            image = page.locator(f"figure.bn-figure--{kind} img.bn-chart-fallback")
            assert image.is_visible() and image.evaluate("img => img.naturalWidth > 0"), kind
    finally:
        context.close()


def _option_values(site_dir, lang: str) -> list[str]:
    import re

    html = (site_dir / bs.localized(INDICATOR, lang) / "index.html").read_text(encoding="utf-8")
    select = re.search(r'<select id="bn-period-select"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"{bs.localized(INDICATOR, lang)} has no period select"
    return re.findall(r'<option value="([^"]+)"', select.group(1))
