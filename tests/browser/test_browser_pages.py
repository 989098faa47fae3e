"""Each key page, in both languages, at a phone's width: it loads in its language, draws every chart,
logs no error, asks nothing of another host, passes axe-core and does not scroll sideways."""

from __future__ import annotations

import pytest

import browser_support as bs

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Pages whose purpose includes a chart: they must have at least one.
MUST_HAVE_CHARTS = {"home", "indicator", "province"}
KINDS = ("home", "indicator", "province", "report")
CASES = [pytest.param(kind, lang, id=f"{kind}-{lang}") for kind in KINDS for lang in bs.LANGUAGES]


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_page_loads_in_its_language(page_visit, kind, lang):
    seen = page_visit(kind, lang)
    assert seen.status == 200, f"{seen.url} answered HTTP {seen.status}"
    assert seen.lang_attribute == lang, f"{seen.url} has <html lang={seen.lang_attribute!r}>, expected {lang!r}"


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_every_chart_is_drawn(page_visit, kind, lang):
    """Live charts (div.bn-chart) are drawn by vega-embed; sparklines (img.bn-sparkline) load and say what they show."""
    seen = page_visit(kind, lang)
    if kind in MUST_HAVE_CHARTS:
        assert seen.charts or seen.sparklines, f"{seen.url} has no chart (no div.bn-chart, no img.bn-sparkline)"
    undrawn = [c for c in seen.charts if not (c["embedded"] and c["renderer"] and c["width"] > 0 and c["height"] > 0)]
    assert not undrawn, (
        f"{len(undrawn)} of {len(seen.charts)} charts on {seen.url} were not drawn by vega-embed within "
        f"{bs.CHART_TIMEOUT_MS} ms:\n" + "\n".join(str(c) for c in undrawn)
    )
    broken = [s for s in seen.sparklines if not (s["loaded"] and s["alt"])]
    assert not broken, f"sparklines on {seen.url} that did not load or have no alt text:\n" + "\n".join(map(str, broken))


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_no_console_error_and_no_page_error(page_visit, kind, lang):
    seen = page_visit(kind, lang)
    errors = seen.recorder.console_errors + seen.recorder.page_errors
    assert not errors, f"{seen.url} logged errors:\n" + "\n".join(errors)


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_every_request_stays_on_the_site_and_succeeds(page_visit, kind, lang):
    seen = page_visit(kind, lang)
    outside = seen.recorder.outside_requests()
    assert not outside, f"{seen.url} requested other hosts:\n" + "\n".join(outside)
    failed = sorted(set(seen.recorder.failed))
    assert not failed, f"{seen.url} had failing requests:\n" + "\n".join(failed)


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_axe_finds_no_serious_or_critical_violation(page_visit, kind, lang):
    seen = page_visit(kind, lang)
    blocking = seen.axe_blocking
    assert not blocking, (
        f"axe-core found {len(blocking)} serious or critical violation(s) on {seen.url}:\n" + bs.format_violations(blocking)
    )


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_no_sideways_scroll_at_phone_width(page_visit, kind, lang):
    seen = page_visit(kind, lang)
    width = seen.scroll["scrollWidth"]
    limit = min(seen.scroll["innerWidth"], bs.PHONE["width"]) + 1
    assert width <= limit, (
        f"{seen.url} is {width} px wide on a {bs.PHONE['width']} px phone (innerWidth {seen.scroll['innerWidth']}); "
        "elements sticking out:\n" + "\n".join(seen.overflow_culprits)
    )


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_a_drawn_chart_hides_its_static_image(page_visit, kind, lang):
    seen = page_visit(kind, lang)
    doubled = [c["spec"] for c in seen.charts if c["renderer"] and c["fallbackShown"]]
    assert not doubled, f"{seen.url} shows these charts twice (live chart and its SVG image): {doubled}"


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_the_vega_bundle_waits_until_a_reader_touches_a_chart(page_visit, kind, lang):
    """The build's SVG images answer first; the live charts' bundle loads only when a chart is touched."""
    seen = page_visit(kind, lang)
    assert not seen.bundle_before_touch, f"{seen.url} loaded the Vega bundle before any chart was touched"


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_the_live_charts_take_the_images_place_without_moving_the_page(page_visit, kind, lang):
    seen = page_visit(kind, lang)
    before, after = seen.boxes_before, seen.boxes_after
    assert len(before["figures"]) == len(after["figures"])
    moved = [(i, b, a) for i, (b, a) in enumerate(zip(before["figures"], after["figures"]))
             if abs(b[0] - a[0]) > 2 or abs(b[1] - a[1]) > 2]
    assert not moved, f"{seen.url}: chart figures (index, [top, height] before, after) that moved: {moved}"


# A first visit on a phone: what the page and everything it loads weigh, gzip-compressed as a static host
# sends them. The indicator page carries the Vega bundle (~300 KiB compressed) for its charts.
BUDGET_KIB = {"home": 512, "indicator": 1024, "province": 512, "report": 768}
LARGEST_FILE_KIB = 1024


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_page_stays_light_on_a_first_visit(page_visit, site_dir, kind, lang):
    seen = page_visit(kind, lang)
    files = sorted({f for f in (bs.served_file(site_dir, url) for url in seen.recorder.requests) if f is not None})
    sizes = {f.relative_to(site_dir).as_posix(): (f.stat().st_size, bs.gzip_size(f)) for f in files}
    heaviest = sorted(sizes.items(), key=lambda kv: -kv[1][0])[:5]
    listing = "\n".join(f"  {name}: {raw / 1024:,.0f} KiB ({gz / 1024:,.0f} KiB gzip)" for name, (raw, gz) in heaviest)
    too_big = [name for name, (raw, _) in sizes.items() if raw > LARGEST_FILE_KIB * 1024]
    assert not too_big, f"{seen.url} loads files over {LARGEST_FILE_KIB} KiB: {too_big}; heaviest:\n{listing}"
    total = sum(gz for _, gz in sizes.values()) / 1024
    assert total <= BUDGET_KIB[kind], (
        f"{seen.url} transfers {total:,.0f} KiB (gzip) on a first visit, over its {BUDGET_KIB[kind]} KiB budget; heaviest:\n{listing}"
    )


DESKTOP_CASES = [pytest.param(kind, lang, id=f"{kind}-{lang}") for kind in ("home", "indicator") for lang in bs.LANGUAGES]


# What a desktop shows and a phone hides: the header's tabs, the sidebars, the footer. The page body is
# checked at phone width above (axe takes 10-20 s on an indicator page's long tables: once is enough).
DESKTOP_CHROME = [[".md-header"], [".md-tabs"], [".md-sidebar--primary"], [".md-sidebar--secondary"], [".md-footer"]]


@pytest.mark.parametrize(("kind", "lang"), DESKTOP_CASES)
def test_axe_finds_no_serious_or_critical_violation_in_the_desktop_layout(browser, site_url, page_path, kind, lang):
    url = site_url + page_path(kind, lang)
    context = bs.desktop_context(browser)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        present = [sel for sel in DESKTOP_CHROME if page.locator(sel[0]).count()]
        blocking = [v for v in bs.axe_violations(page, context={"include": present}) if v.get("impact") in bs.BLOCKING_IMPACTS]
    finally:
        context.close()
    assert not blocking, (
        f"axe-core found {len(blocking)} serious or critical violation(s) in the header, tabs, sidebars or footer of "
        f"{url} at {bs.DESKTOP['width']} px:\n" + bs.format_violations(blocking)
    )
