"""Home page (/): the focus province's headline figures at a glance, and the way into the portal."""

from __future__ import annotations

from itertools import groupby

from build_scripts.pages import province
from build_scripts.pages.site import Site, href

TEMPLATE = "home.md.j2"


def keys(site: Site) -> list[str]:
    return [""]


def directory(key: str) -> str:
    return ""


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    headlines, seen = [], set()
    for unit in site.focus_units:  # the current unit first; its predecessor for what only it has
        for row in province.latest_rows(site, unit["unit_id"], lang, here):
            if row["headline"] and row["indicator_id"] not in seen:
                seen.add(row["indicator_id"])
                headlines.append({**row, "unit": unit, "unit_href": href(here, f"provinces/{unit['unit_id']}")})
    headlines.sort(key=lambda r: (r["theme_order"], r["display_order"], r["indicator_id"]))
    themes = [theme for theme, _ in groupby(site.indicators, key=lambda r: r["theme"])]
    focus = site.focus_units[0] if site.focus_units else {"name_vi": site.focus_id, "name_en": site.focus_id, "unit_id": site.focus_id}
    return {
        "focus": focus,
        "focus_href": href(here, f"provinces/{focus['unit_id']}") if focus["unit_id"] in site.units_by_id else None,
        "headlines": headlines,
        "themes": [(theme, href(here, "indicators") + f"#{theme}") for theme in themes],
        "indicators_href": href(here, "indicators"),
        "provinces_href": href(here, "provinces"),
        "data_href": href(here, "data"),
        "sources_href": href(here, "sources"),
        "period": lambda p: site.period_label(p, lang),
    }
