"""Provinces index (/provinces/): every unit with figures, by type and boundary."""

from __future__ import annotations

from itertools import groupby

from build_scripts.pages.site import Site, href

TEMPLATE = "province_index.md.j2"


def keys(site: Site) -> list[str]:
    return [""]


def directory(key: str) -> str:
    return "provinces"


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    rows = [{**u, "href": href(here, f"provinces/{u['unit_id']}"), "focus": u["unit_id"] in site.focus_ids} for u in site.units]
    groups = [(k, list(g)) for k, g in groupby(rows, key=lambda u: (u["unit_type"] if u["unit_type"] in ("country", "region") else "province", u["boundary"]))]
    return {"groups": groups}
