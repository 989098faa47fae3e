"""Charts in Debian's Chromium: a small static page with the four charts, served from tmp_path, drawn by
charts.js with the site's own Vega bundle. What a phone user would see: the SVG images first, the live
charts once a chart is touched, numbers in the page's language, nothing wider than the screen, no request
leaving the site, no console error; and the SVG images without JavaScript and in print."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
import browser_support as bs  # noqa: E402

from build_scripts.charts import assets, builders, render, tilemap

from test_charts import EN, RANKING, SERIES, VI, tiles

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
CHARTS = 4  # series, ranking, tiles, a wide ranking (sparklines are plain SVG images, not charts)
WIDE = [{"unit_id": "ha-noi", "name": "Hà Nội", "value": 1426000, "focus": False},
        {"unit_id": "bac-giang", "name": "Bắc Giang", "value": 250000, "focus": False},
        {"unit_id": "bac-ninh", "name": "Bắc Ninh", "value": 248376, "focus": True}]
DRAWN = f"document.querySelectorAll('.bn-chart[data-bn-state=drawn]').length === {CHARTS}"
# Every text of a drawn chart inside its SVG: no value label or axis title cut off.
CUT_TEXTS = """() => Array.from(document.querySelectorAll('.bn-chart svg')).flatMap(svg => {
  const box = svg.getBoundingClientRect();
  return Array.from(svg.querySelectorAll('text')).filter(t => {
    const r = t.getBoundingClientRect();
    return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
  }).map(t => t.textContent);
})"""

FIGURE_HEIGHTS = "Array.from(document.querySelectorAll('figure.bn-figure')).map(f => f.getBoundingClientRect().height)"

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>charts</title><link rel="icon" href="data:,"><link rel="stylesheet" href="../../assets/stylesheets/charts.css">
<style>body {{ margin: 0 8px; font-family: sans-serif; }}</style></head>
<body><main>
{figures}
</main><script src="../../assets/javascripts/charts.js"></script></body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    verdict, reason = bs.chromium_gate()  # the gate of tests/browser: skip locally, fail under CI=true
    if verdict == "fail":
        pytest.fail(reason, pytrace=False)
    if verdict == "skip":
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("site")
    assets.copy_assets(root, ["vi", "en"])
    for lang, labels in (("vi", VI), ("en", EN)):
        page_dir = root / lang / "grdp"
        charts = {
            "series": (builders.series_chart(SERIES, lang, labels), "GRDP over time"),
            "ranking": (builders.ranking_chart(RANKING, lang, labels), "Provinces ranked"),
            "tiles": (tilemap.tile_map(tiles(), lang, labels), "Tile map"),
            "wide": (builders.ranking_chart(WIDE, lang, labels, decimals=0), "Large values"),
        }
        figures = [render.chart_html(render.write_chart(chart, page_dir, name, lang), text, lang)
                   for name, (chart, text) in charts.items()]
        (page_dir / "index.html").write_text(PAGE.format(lang=lang, figures="".join(figures)), encoding="utf-8")
    _periods_page(root / "vi" / "periods")
    with bs.serve(root) as url:
        yield url.rstrip("/")


# The indicator page's comparison for a chosen period: a <select> in the page, two charts bound to it.
PERIOD_ROWS = [{"unit_id": u, "name": n, "value": v, "focus": u == "bac-ninh", "period": p}
               for p, rows in (("2025-9M", (("bac-ninh", "Bắc Ninh", 11.02), ("ha-noi", "Hà Nội", 7.8))),
                               ("2025-H1", (("tinh-05", "Tỉnh 5", 12.5), ("bac-ninh", "Bắc Ninh", 10.1),
                                            ("ha-noi", "Hà Nội", 7.1))))
               for u, n, v in rows]
PERIOD_CONTROL = ('<p class="bn-chart-control" hidden><label for="bn-period-select">Kỳ</label> <select id="bn-period-select">'
                  '<option value="2025-9M" selected>9 tháng đầu năm 2025</option>'
                  '<option value="2025-H1">6 tháng đầu năm 2025</option></select></p>')
PERIOD_LABELS = {**VI, "select": "#bn-period-select", "selected": "2025-9M",
                 "descriptions": {"2025-9M": "Chín tháng đầu năm", "2025-H1": "Sáu tháng đầu năm"}}


def _periods_page(page_dir: Path) -> None:
    tile_rows = [{**t, "period": period, "value": None if (period == "2025-H1" and i % 2) else t["value"]}
                 for period in ("2025-9M", "2025-H1") for i, t in enumerate(tiles())]
    charts = {"ranking": builders.ranking_periods_chart(PERIOD_ROWS, "vi", PERIOD_LABELS, decimals=2),
              "tiles": tilemap.tile_periods_map(tile_rows, "vi", PERIOD_LABELS)}
    figures = [render.chart_html(render.write_chart(chart, page_dir, name, "vi"), "Chín tháng đầu năm", "vi")
               for name, chart in charts.items()]
    (page_dir / "index.html").write_text(PAGE.format(lang="vi", figures=PERIOD_CONTROL + "".join(figures)),
                                         encoding="utf-8")


@pytest.fixture(scope="module")
def browser(site, chromium_browser):
    return chromium_browser


def wake(page) -> None:
    """What a reader does before the live charts load: the keyboard's focus on the first chart figure."""
    page.locator("figure.bn-figure").first.focus()


def open_page(browser, url, **options):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, **options)
    page = context.new_page()
    seen = {"errors": [], "requests": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.goto(url)
    return context, page, seen


@pytest.mark.parametrize("lang, number", [("vi", "1.234,5"), ("en", "1,234.5")])
def test_charts_draw_on_a_phone_in_the_page_language(site, browser, lang, number):
    context, page, seen = open_page(browser, f"{site}/{lang}/grdp/")
    try:
        wake(page)
        page.wait_for_function(DRAWN, timeout=20_000)
        assert page.locator(".bn-chart svg").count() == CHARTS
        assert page.locator("figure.bn-live").count() == CHARTS
        assert page.evaluate(CUT_TEXTS) == []
        for img in page.locator("img.bn-chart-fallback").all():
            assert not img.is_visible()  # the live chart replaced the image
        ranking = page.locator(".bn-figure--ranking .bn-chart svg").first
        assert number in ranking.text_content()
        widths = page.evaluate(
            "Array.from(document.querySelectorAll('.bn-chart svg')).map(s => s.getBoundingClientRect().right)")
        assert max(widths) <= PHONE["width"], widths
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert all(url.startswith(site) for url in seen["requests"]), [u for u in seen["requests"] if not u.startswith(site)]
        assert seen["errors"] == []
        # The live chart names each mark for screen readers.
        assert page.locator(".bn-figure--ranking [aria-label^='Bắc Ninh: ']").count() == 2
    finally:
        context.close()


def test_without_javascript_the_svg_images_show(site, browser):
    context, page, seen = open_page(browser, f"{site}/vi/grdp/", java_script_enabled=False)
    try:
        images = page.locator("img.bn-chart-fallback")
        assert images.count() == CHARTS
        page.wait_for_function(
            "Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)", timeout=10_000)
        for img in images.all():
            assert img.is_visible()
            assert img.get_attribute("alt")
        widths = page.evaluate("Array.from(document.images).map(i => i.getBoundingClientRect().right)")
        assert max(widths) <= PHONE["width"]
    finally:
        context.close()


def test_print_shows_the_images_not_the_live_charts(site, browser):
    context, page, seen = open_page(browser, f"{site}/en/grdp/")
    try:
        wake(page)
        page.wait_for_function(DRAWN, timeout=20_000)
        page.emulate_media(media="print")
        for img in page.locator("img.bn-chart-fallback").all():
            assert img.is_visible()
        # Loaded already: printing does not wait for an image that was hidden behind the live chart.
        assert page.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
        for chart in page.locator(".bn-chart").all():
            assert not chart.is_visible()
    finally:
        context.close()


def test_tooltips_show_numbers_in_the_page_language(site, browser):
    context, page, seen = open_page(browser, f"{site}/vi/grdp/")
    try:
        wake(page)
        page.wait_for_function(DRAWN, timeout=20_000)
        bar = page.locator(".bn-figure--ranking [aria-label='Hà Nội: 1.234,5']").first
        bar.hover()
        tooltip = page.locator("#vg-tooltip-element")
        tooltip.wait_for(state="visible", timeout=5_000)
        assert "1.234,5" in tooltip.text_content() and "Hà Nội" in tooltip.text_content()
        assert seen["errors"] == []
    finally:
        context.close()


def test_chart_figures_pass_axe(site, browser):
    from axe_playwright_python.sync_playwright import Axe

    context, page, seen = open_page(browser, f"{site}/vi/grdp/")
    try:
        wake(page)
        page.wait_for_function(DRAWN, timeout=20_000)
        results = Axe().run(page, context={"include": [["figure"]]})
        violations = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]]
        assert violations == []
    finally:
        context.close()


def instant_navigation_page(browser):
    """A phone-sized page that records errors, with a stand-in for mkdocs-material's document$ (an RxJS
    subject): subscribe calls back now and on next()."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.add_init_script("""window.document$ = {subscribers: [],
        subscribe(fn) { this.subscribers.push(fn); fn(document); },
        next() { this.subscribers.forEach(fn => fn(document)); }};""")
    return context, page, errors


def test_charts_redraw_after_instant_navigation(site, browser):
    """mkdocs-material's instant navigation swaps the page body and emits document$: charts on the new
    body are drawn, the views of the old one are finalised."""
    context, page, errors = instant_navigation_page(browser)
    try:
        page.goto(f"{site}/vi/grdp/")
        wake(page)
        page.wait_for_function(DRAWN, timeout=20_000)
        # The new page's body, as served (not yet drawn), replaces the old one.
        page.evaluate("""async () => {
            const html = await (await fetch(location.href)).text();
            const fresh = new DOMParser().parseFromString(html, 'text/html');
            const main = document.querySelector('main');
            main.replaceChildren(document.importNode(fresh.querySelector('.bn-figure--series'), true));
            window.document$.next();
        }""")
        wake(page)
        page.wait_for_function("document.querySelectorAll('.bn-chart[data-bn-state=drawn]').length === 1", timeout=20_000)
        assert page.locator("main .bn-chart svg").count() == 1
        assert page.locator("main figure.bn-live").count() == 1
        assert errors == []
    finally:
        context.close()


FIRST_BAR = """() => { const marks = Array.from(document.querySelectorAll('.bn-figure--ranking .bn-chart svg path[role="graphics-symbol"][aria-label]'));
  marks.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  return marks.length ? marks[0].getAttribute('aria-label') : null; }"""


def test_period_select_redraws_both_charts_also_after_instant_navigation(site, browser):
    """The charts bind to the page's <select> when they are embedded; after an instant navigation (the body
    swapped, document$ emitted) the new charts bind to the new page's select, the old views are finalised."""
    context, page, errors = instant_navigation_page(browser)
    try:
        page.goto(f"{site}/vi/periods/")
        assert page.locator("#bn-period-select").is_visible()  # shown as soon as the script runs
        wake(page)
        page.wait_for_function("document.querySelectorAll('.bn-chart[data-bn-state=drawn]').length === 2", timeout=20_000)
        assert page.evaluate(FIRST_BAR) == "Bắc Ninh: 11,02"
        page.select_option("#bn-period-select", "2025-H1")
        page.wait_for_function(f"({FIRST_BAR})() === 'Tỉnh 5: 12,50'", timeout=10_000)
        assert page.locator(".bn-figure--ranking figcaption").inner_text() == "Sáu tháng đầu năm"
        hatched = page.locator('.bn-figure--tile_map .bn-chart svg [aria-label$=": không có số liệu"]').count()
        missing = sum(1 for i, t in enumerate(tiles()) if t["value"] is None or i % 2)
        assert hatched == missing == 18  # the first half: every other tile, and the three never given
        # Instant navigation to a fresh copy of the page: a new select, new charts, the latest period again.
        page.evaluate("""async () => {
            const html = await (await fetch(location.href)).text();
            const fresh = new DOMParser().parseFromString(html, 'text/html');
            document.querySelector('main').replaceChildren(...Array.from(fresh.querySelector('main').children)
                .map(el => document.importNode(el, true)));
            window.document$.next();
        }""")
        wake(page)
        page.wait_for_function("document.querySelectorAll('.bn-chart[data-bn-state=drawn]').length === 2", timeout=20_000)
        assert page.evaluate(FIRST_BAR) == "Bắc Ninh: 11,02"
        page.select_option("#bn-period-select", "2025-H1")
        page.wait_for_function(f"({FIRST_BAR})() === 'Tỉnh 5: 12,50'", timeout=10_000)
        assert errors == []
    finally:
        context.close()


def test_the_images_answer_until_a_chart_is_touched_then_the_charts_take_their_place(site, browser):
    """No Vega bundle before a reader touches a chart; a tap draws every chart of the page over its image,
    which it replaces in one step at the same size."""
    context, page, seen = open_page(browser, f"{site}/vi/grdp/")
    try:
        page.wait_for_load_state("networkidle")
        assert not any(u.endswith("vega-bundle.js") for u in seen["requests"])
        assert page.locator(".bn-chart[data-bn-state=waiting]").count() == CHARTS
        images = page.locator("img.bn-chart-fallback")
        assert all(img.is_visible() for img in images.all())
        before = page.evaluate(FIGURE_HEIGHTS)
        page.locator("figure.bn-figure--ranking").first.tap()
        page.wait_for_function(DRAWN, timeout=20_000)
        assert any(u.endswith("vega-bundle.js") for u in seen["requests"])
        after = page.evaluate(FIGURE_HEIGHTS)
        assert [abs(a - b) <= 2 for a, b in zip(after, before)] == [True] * CHARTS, (before, after)
        assert seen["errors"] == []
    finally:
        context.close()


def test_a_period_chosen_before_the_charts_are_drawn_is_the_one_they_draw(site, browser):
    context, page, seen = open_page(browser, f"{site}/vi/periods/")
    try:
        page.select_option("#bn-period-select", "2025-H1")  # focusing the select wakes the charts
        page.wait_for_function("document.querySelectorAll('.bn-chart[data-bn-state=drawn]').length === 2", timeout=20_000)
        page.wait_for_function(f"({FIRST_BAR})() === 'Tỉnh 5: 12,50'", timeout=10_000)
        assert page.locator(".bn-figure--ranking figcaption").inner_text() == "Sáu tháng đầu năm"
        assert seen["errors"] == []
    finally:
        context.close()
