"""Charts for everyone: without JavaScript and in print each chart shows its static SVG image; every
chart has a text alternative, and the chart's numbers are in a table beside it."""

from __future__ import annotations

import pytest

import browser_support as bs

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Pages with chart figures (div.bn-chart beside its img.bn-chart-fallback): indicator pages always have
# them; a period report may. Home and province pages show sparklines, static images by design.
CHART_PAGES = [pytest.param(kind, lang, id=f"{kind}-{lang}") for kind in ("indicator", "report") for lang in bs.LANGUAGES]
MUST_HAVE_FIGURES = {"indicator"}

# For each chart figure: is its static image laid out, loaded, and described?
FALLBACKS_JS = """
async () => {
  const out = [];
  for (const figure of document.querySelectorAll('figure')) {
    const chart = figure.querySelector('.bn-chart');
    if (!chart) continue;
    const img = figure.querySelector('img.bn-chart-fallback');
    if (img) {
      img.scrollIntoView();
      if (!img.complete) await new Promise(r => { img.onload = img.onerror = r; setTimeout(r, 5000); });
    }
    const box = img ? img.getBoundingClientRect() : null;
    out.push({
      spec: chart.getAttribute('data-spec') || '',
      image: img ? img.getAttribute('src') : null,
      shown: !!(box && box.width > 0 && box.height > 0),
      loaded: !!(img && img.complete && img.naturalWidth > 0),
      chartShown: chart.getBoundingClientRect().height > 0,
    });
  }
  return out;
}
"""

# For each chart figure: its text alternative, and whether a table with its numbers follows it.
TEXT_ALTERNATIVES_JS = """
() => Array.from(document.querySelectorAll('figure')).filter(f => f.querySelector('.bn-chart')).map(figure => {
  const img = figure.querySelector('img.bn-chart-fallback');
  const caption = figure.querySelector('figcaption');
  const sparkline = figure.matches('.bn-figure--sparkline') || !!figure.closest('td, th');
  let table = !!figure.querySelector('table');
  for (let el = figure.nextElementSibling; el && !table; el = el.nextElementSibling) {
    if (el.matches('h1, h2, h3')) break;  // figures side by side may share the table after them
    table = el.matches('table') || !!el.querySelector('table');
  }
  return {
    spec: (figure.querySelector('.bn-chart').getAttribute('data-spec')) || '',
    alt: img ? (img.getAttribute('alt') || '').trim() : '',
    caption: caption ? caption.textContent.trim() : '',
    sparkline, table,
  };
})
"""


def _open(browser, url, *, javascript=True):
    context = bs.phone_context(browser, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page


@pytest.mark.parametrize(("kind", "lang"), CHART_PAGES)
def test_without_javascript_every_chart_shows_its_svg_image(browser, site_url, page_path, kind, lang):
    url = site_url + page_path(kind, lang)
    context, page = _open(browser, url, javascript=False)
    try:
        figures = page.evaluate(FALLBACKS_JS)  # scrolls to each image, as a reader would
        assert figures or kind not in MUST_HAVE_FIGURES, f"{url} has no chart figure"
        missing = [f for f in figures if not (f["shown"] and f["loaded"])]
        assert not missing, f"without JavaScript these charts on {url} show no image:\n" + "\n".join(map(str, missing))
    finally:
        context.close()


@pytest.mark.parametrize(("kind", "lang"), CHART_PAGES)
def test_in_print_every_chart_is_its_svg_image(browser, site_url, page_path, kind, lang):
    url = site_url + page_path(kind, lang)
    context, page = _open(browser, url)
    try:
        page.evaluate(bs.WAKE_CHARTS_JS)
        page.wait_for_function(bs.ALL_CHARTS_DRAWN_JS, timeout=bs.CHART_TIMEOUT_MS)  # the reader prints a drawn page
        page.emulate_media(media="print")
        figures = page.evaluate(FALLBACKS_JS)
        assert figures or kind not in MUST_HAVE_FIGURES, f"{url} has no chart figure"
        missing = [f for f in figures if not (f["shown"] and f["loaded"])]
        assert not missing, f"in print these charts on {url} show no image:\n" + "\n".join(map(str, missing))
        doubled = [f["spec"] for f in figures if f["chartShown"]]
        assert not doubled, f"in print these charts on {url} appear twice (live chart and image): {doubled}"
    finally:
        context.close()


@pytest.mark.parametrize(("kind", "lang"), CHART_PAGES)
def test_every_chart_has_a_text_alternative_and_its_numbers_in_a_table(browser, site_url, page_path, kind, lang):
    url = site_url + page_path(kind, lang)
    context, page = _open(browser, url)
    try:
        figures = page.evaluate(TEXT_ALTERNATIVES_JS)
        assert figures or kind not in MUST_HAVE_FIGURES, f"{url} has no chart figure"
        undescribed = [f["spec"] for f in figures if not (f["alt"] and f["caption"])]
        assert not undescribed, f"charts on {url} without an image alt text and a caption: {undescribed}"
        tableless = [f["spec"] for f in figures if not f["sparkline"] and not f["table"]]
        assert not tableless, f"charts on {url} with no table of their numbers before the next heading: {tableless}"
    finally:
        context.close()
