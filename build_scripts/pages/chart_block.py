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
    """HTML showing the chart made by the builder of that name (charts/kinds.py) from rows, lang and labels,
    or nothing without charts.
    Content-addressed by what the builder is given: an unchanged chart is neither built nor rendered again,
    and Altair (builders) is imported only by a process that has a chart to build."""
    if not settings.CHARTS or not rows:
        return Markup("")
    try:
        from build_scripts.charts import render
    except ImportError:
        return Markup("")
    words = {**labels, "description": description}

    def build():
        from build_scripts.charts.kinds import BUILDERS

        return BUILDERS[builder](rows, lang, words, decimals=decimals)

    files = cache.write_built_chart([builder, rows, words, decimals], build, out_dir, f"{name}-{lang}", lang)
    return Markup(render.chart_html(files, description, lang, url_prefix(here, lang)).strip())


SPARKLINE_DIR = "sparklines"  # beside the page, so that the home page's do not crowd the site's root


def sparkline(rows: list[dict], lang: str, out_dir: Path, name: str, description: str, here: str = "") -> Markup:
    """A sparkline as an <img> of its SVG, on one line so that it fits a table cell. The SVG is plain text
    from charts/sparkline.py (microseconds: written every time, not cached, since a cache lookup costs more
    than drawing it); it has no words, so one file serves every language (the alt text is the page's)."""
    if not settings.CHARTS or len(rows) < 2:
        return Markup("")
    from build_scripts.charts import sparkline as spark

    svg = out_dir / SPARKLINE_DIR / f"{name}.svg"
    svg.parent.mkdir(parents=True, exist_ok=True)
    _write_if_changed(svg, spark.svg(rows).encode("utf-8"))
    size = spark.size()
    return Markup('<img class="bn-sparkline" src="{}{}/{}" alt="{}" width="{}" height="{}" loading="lazy">').format(
        url_prefix(here, lang), SPARKLINE_DIR, svg.name, description, size["width"], size["height"])


def _write_if_changed(path: Path, data: bytes) -> None:
    try:
        if path.read_bytes() == data:
            return  # the other language's page wrote the same bytes
    except FileNotFoundError:
        pass
    path.write_bytes(data)
