"""Puts the chart assets into a docs folder for MkDocs: build_scripts/assets/** (charts.js, the Vega
bundle and its licences, charts.css) plus javascripts/chart-locales.json, the number and date locales
of the site's languages built from Babel. mkdocs.yml then needs only

    extra_css: [assets/stylesheets/charts.css]
    extra_javascript: [assets/javascripts/charts.js]

(charts.js loads the bundle and the locales itself, only on pages that have a chart)."""

from __future__ import annotations

import shutil
from pathlib import Path

from .locale import browser_locales
from .render import dumps

SOURCE = Path(__file__).resolve().parents[1] / "assets"
EXTRA_CSS = ["assets/stylesheets/charts.css"]
EXTRA_JAVASCRIPT = ["assets/javascripts/charts.js", "assets/javascripts/tables.js"]
LOCALES = "javascripts/chart-locales.json"


def copy_assets(docs_dir: Path, langs: list[str], subdir: str = "assets") -> list[Path]:
    """Copy the assets into ``docs_dir/subdir`` and write the locales of ``langs``; return the files
    written, sorted. Files already identical are left untouched."""
    target = Path(docs_dir) / subdir
    written: list[Path] = []
    for source in sorted(p for p in SOURCE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        dest = target / source.relative_to(SOURCE)
        if not dest.exists() or dest.read_bytes() != source.read_bytes():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, dest)
        written.append(dest)
    locales = target / LOCALES
    text = dumps(browser_locales(langs)).encode("utf-8")
    if not locales.exists() or locales.read_bytes() != text:
        locales.parent.mkdir(parents=True, exist_ok=True)
        locales.write_bytes(text)
    written.append(locales)
    return sorted(written)
