"""Province page (/provinces/<unit_id>/), for every unit with figures: each indicator's latest value,
change on the same period a year before and period, with a sparkline; what it was merged from or into.
A post-2025 province's page compares with, and draws, its comparable series, and lists each derived figure
(the sum of its former provinces before 1 July 2025) with its parts and their sources."""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from build_scripts import i18n
from build_scripts.pages import chart_block, comparable
from build_scripts.pages.site import Site, href
from build_scripts.research import fragments

TEMPLATE = "province.md.j2"


def keys(site: Site) -> list[str]:
    return [row["unit_id"] for row in site.units]


def directory(key: str) -> str:
    return f"provinces/{key}"


def change_text(row: dict, lang: str) -> Markup:
    """The change on the same period a year before, in the words of the indicator's measure."""
    return Markup(_change_text(row, lang))  # our words and a formatted number: no package text


def _change_text(row: dict, lang: str) -> str:
    if row["before_value"] is None:
        return i18n.t(lang, "no_change")
    decimals = row["decimals"]
    if row["change_pct"] is not None:
        value = i18n.number(row["change_pct"], 1, lang, signed=True)
        return i18n.t(lang, "change_pct", sign="", value=value)
    value = i18n.number(row["change_abs"], decimals, lang, signed=True)
    if row["measure"] == "rank":
        return i18n.t(lang, "change_places", sign="", value=value)
    if row["unit"] == "percent":
        return i18n.t(lang, "change_points", sign="", value=value)
    return i18n.t(lang, "change_abs", sign="", value=value)


def sparkline_rows(outcomes: list[dict], span: str) -> list[dict]:
    return [{"end_date": r["end_date"].isoformat(), "value": r["value"], "kind": r.get("kind", "outcome")}
            for r in outcomes if r["period_span"] == span]


def latest_rows(site: Site, unit_id: str, lang: str, here: str, with_sparklines: bool = True,
                series: bool = False) -> list[dict]:
    """Each indicator's latest figure, its change and sparkline; with ``series`` (a post-2025 province) the
    year before and the sparkline come from its comparable series (derived figures before the reform)."""
    latest, history = ("unit_latest_comparable", "unit_comparable_outcomes") if series else ("unit_latest", "unit_outcomes")
    rows = site.q(latest, unit_id=unit_id, themes=site.themes)
    outcomes = {k: list(g) for k, g in groupby(site.q(history, unit_id=unit_id), key=lambda r: r["indicator_id"])}
    out_dir = site.out_dir / here
    for row in rows:
        row["href"] = href(here, f"indicators/{row['indicator_id']}")
        row["change_text"] = change_text(row, lang)
        row["unit_label"] = i18n.label(lang, "units", row["unit"])
        row.setdefault("before_derived", False)
        row["sparkline"] = ""
        points = sparkline_rows(outcomes.get(row["indicator_id"], []), row["period_span"])
        if with_sparklines and len(points) >= 2:
            description = i18n.t(lang, "chart_sparkline_description", indicator=row[f"name_{lang}"], n=len(points),
                                 first=site.period_label(_first_period(outcomes[row["indicator_id"]], row["period_span"]), lang),
                                 last=site.period_label(row["period"], lang))
            row["sparkline"] = chart_block.sparkline(points, lang, out_dir, f"spark-{row['indicator_id']}", description, here)
    return rows


def _first_period(outcomes: list[dict], span: str) -> str:
    return next(r["period"] for r in outcomes if r["period_span"] == span)


def model(site: Site, key: str, lang: str) -> dict:
    unit = site.units_by_id[key]
    here = directory(key)
    units = site.units_by_id
    merged_into = site.q("unit_merged_into", unit_id=key)
    merged_from = site.q("unit_merged_from", unit_id=key)
    for row in merged_into + merged_from:
        row["href"] = href(here, f"provinces/{row['unit_id']}") if row["unit_id"] in units else None
    region = units.get(unit["region_id"]) if unit["region_id"] else None
    series = comparable.applies(unit)
    rows = latest_rows(site, key, lang, here, series=series)
    themes = [(theme, list(group)) for theme, group in groupby(rows, key=lambda r: r["theme"])]
    return {
        "unit": unit,
        "name": unit[f"name_{lang}"],
        "region": region,
        "region_href": href(here, f"provinces/{region['unit_id']}") if region and region["unit_id"] in units else None,
        "merged_into": merged_into,
        "merged_from": merged_from,
        "themes": themes,
        "comparable": series,
        "derived": comparable.derived_by_indicator(site, key, here, lang) if series else [],
        "period": lambda p: site.period_label(p, lang),
        "research": fragments.unit(site.research, key, lang),
    }
