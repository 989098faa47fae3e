"""Indicators index (/indicators/): every indicator with figures, grouped by theme in report order.

The indicators are listed here rather than in the navigation, which every page repeats."""

from __future__ import annotations

from itertools import groupby

from build_scripts.pages.site import Site, href

TEMPLATE = "indicator_index.md.j2"


def keys(site: Site) -> list[str]:
    return [""]


def directory(key: str) -> str:
    return "indicators"


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    counts = {r["indicator_id"]: r["figures"] for r in site.q("indicator_figure_counts")}
    rows = [{**r, "href": href(here, f"indicators/{r['indicator_id']}"), "figures": counts.get(r["indicator_id"], 0)}
            for r in site.indicators]
    return {"themes": [(theme, list(group)) for theme, group in groupby(rows, key=lambda r: r["theme"])]}
