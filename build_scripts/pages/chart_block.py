"""The one place a page asks for a chart: Altair spec files beside the page and the HTML that shows them.

The builders and renderers live in build_scripts/charts. With settings.CHARTS off, or without that
package, a page gets no chart and keeps its description and table. Sparklines, many to a page, are
shown as their build-time SVG only (no script per sparkline).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from build_scripts import cache, settings


def _charts():
    if not settings.CHARTS:
        return None
    try:
        from build_scripts.charts import builders, render
    except ImportError:
        return None
    return builders, render


def available() -> bool:
    return _charts() is not None


def url_prefix(here: str, lang: str) -> str:
    """From a page to its chart files. Files beside a page are published once, at the default language's
    address (mkdocs-static-i18n), so a page at /en/<here>/ reaches them at ../(...)/<here>/."""
    if lang == settings.DEFAULT_LANGUAGE:
        return ""
    depth = len([part for part in here.split("/") if part]) + 1
    return "../" * depth + (f"{here}/" if here else "")


def chart(builder: str, rows: list[dict], lang: str, labels: dict, out_dir: Path, name: str,
          description: str, decimals: int = 1, here: str = "") -> Markup:
    """HTML showing the chart made by builders.<builder>(rows, lang, labels), or nothing without charts."""
    loaded = _charts()
    if loaded is None or not rows:
        return Markup("")
    builders, render = loaded
    spec = getattr(builders, builder)(rows, lang, {**labels, "description": description}, decimals=decimals)
    files = cache.write_chart(spec, out_dir, f"{name}-{lang}", lang)  # content-addressed: unchanged charts are not rendered again
    return Markup(render.chart_html(files, description, lang, url_prefix(here, lang)).strip())


SPARKLINE_DIR = "sparklines"  # beside the page, so that the home page's do not crowd the site's root


def sparkline(rows: list[dict], lang: str, out_dir: Path, name: str, description: str, here: str = "") -> Markup:
    """A sparkline as an <img> of its SVG, on one line so that it fits a table cell."""
    loaded = _charts()
    if loaded is None or len(rows) < 2:
        return Markup("")
    builders, render = loaded
    svg = out_dir / SPARKLINE_DIR / f"{name}.svg"
    if not svg.exists():  # no words in a sparkline: one SVG serves every language (the alt text is per page)
        svg = cache.write_chart(builders.sparkline(rows, lang), out_dir / SPARKLINE_DIR, name, lang).svg
    size = render.svg_size(svg.read_text(encoding="utf-8"))
    dims = Markup(' width="{}" height="{}"').format(size["width"], size["height"]) if size else Markup("")
    return Markup('<img class="bn-sparkline" src="{}{}/{}" alt="{}"{} loading="lazy">').format(
        url_prefix(here, lang), SPARKLINE_DIR, svg.name, description, dims)
