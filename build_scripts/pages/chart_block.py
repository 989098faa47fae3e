"""The one place a page asks for a chart: Altair spec files beside the page and the HTML that shows them.

The builders and renderers live in build_scripts/charts (another module's job). Until they are
importable, or with settings.CHARTS off, a page gets no chart and keeps its description and table.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from build_scripts import settings


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


def chart(builder: str, rows: list[dict], lang: str, labels: dict | None, out_dir: Path, name: str, description: str) -> Markup:
    """HTML showing the chart made by builders.<builder>(rows, lang[, labels]), or nothing without charts."""
    loaded = _charts()
    if loaded is None or not rows:
        return Markup("")
    builders, render = loaded
    make = getattr(builders, builder)
    spec = make(rows, lang) if labels is None else make(rows, lang, labels)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = render.write_chart(spec, out_dir, name, lang)
    html = render.chart_html(files, description, lang)
    return Markup(" ".join(line.strip() for line in str(html).splitlines() if line.strip()))  # one line: fits a table cell
