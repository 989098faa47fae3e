"""Sources page (/sources/): every source, newest first, with the figures that rest on it."""

from __future__ import annotations

from itertools import groupby

from build_scripts import i18n
from build_scripts.pages.site import Site, href

TEMPLATE = "sources.md.j2"


def keys(site: Site) -> list[str]:
    return [""]


def directory(key: str) -> str:
    return "sources"


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    figures = {k: list(g) for k, g in groupby(site.q("source_figures"), key=lambda r: r["source_id"])}
    units = site.units_by_id
    sources = []
    for source in site.q("sources_list"):
        rows = []  # one row an indicator and unit; its figures in time order in one cell (keeps the page light)
        for (_, unit_id), group in groupby(figures.get(source["source_id"], []), key=lambda r: (r["indicator_id"], r["unit_id"])):
            group = list(group)
            first = group[0]
            rows.append({**first, "figures": group,
                         "indicator_href": href(here, f"indicators/{first['indicator_id']}"),
                         "unit_href": href(here, f"provinces/{unit_id}") if unit_id in units else None,
                         "unit_label": i18n.label(lang, "units", first["unit"])})
        sources.append({**source, "rows": rows})
    return {"sources": sources, "period": lambda p: site.period_label(p, lang)}
