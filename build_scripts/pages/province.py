"""Province page (/provinces/<unit_id>/), for every unit with figures: each indicator's latest value,
change on the same period a year before and period, with a sparkline; what it was merged from or into.
A post-2025 province's page compares with, and draws, its comparable series, and lists each derived figure
(the sum of its former provinces before 1 July 2025) with its parts and their sources."""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from build_scripts import i18n, settings
from build_scripts.pages import chart_block, comparable, parts
from build_scripts.pages.site import Site, href
from build_scripts.research import fragments

TEMPLATE = "province.md.j2"


LATEST_MARKUP = 560  # a latest figure's row: links, sparkline (its alt text), change, period and status words
PART_MARKUP = 170  # a former province in a derived figure's row: its link, figure and source link
POINT_MARKUP = 160  # a derived figure's row: period, value, status and the sentence naming the parts


def latest_weight(row: dict) -> int:
    return parts.weight(row["name_vi"], row["name_vi"], row["source_url"], row["source_publisher"], markup=LATEST_MARKUP)


def derived_weight(group: dict) -> int:
    return sum(POINT_MARKUP + sum(parts.weight(p["name_vi"], p["source_url"], p["source_publisher"], markup=PART_MARKUP)
                                  for p in point["parts"]) for point in group["points"])


def plan(site: Site, unit: dict, latest: list[dict], derived: list[dict]) -> dict[str, list[dict]] | None:
    """None when the whole page fits the weight budget; else, by theme in report order, its parts, each
    {"latest": rows, "derived": groups}: the theme's latest figures, then its derived series, cut by weight."""
    weights = [latest_weight(r) for r in latest] + [derived_weight(g) for g in derived]
    if sum(weights) <= parts.BUDGET:
        return None
    themes = {i["indicator_id"]: i["theme"] for i in site.indicators}
    items: dict[str, list[tuple[str, dict, int]]] = {}
    for row, w in zip(latest, weights):
        items.setdefault(row["theme"], []).append(("latest", row, w))
    for group, w in zip(derived, weights[len(latest):]):
        items.setdefault(themes.get(group["indicator_id"], ""), []).append(("derived", group, w))
    order = {theme: i for i, theme in enumerate(site.themes)}
    out: dict[str, list[dict]] = {}
    for theme in sorted(items, key=lambda t: (order.get(t, len(order)), t)):
        entries = items[theme]
        out[theme] = [{"latest": [e[1] for e in entries[r.start:r.stop] if e[0] == "latest"],
                       "derived": [e[1] for e in entries[r.start:r.stop] if e[0] == "derived"]}
                      for r in parts.pack([e[2] for e in entries])]
    return out


def content(site: Site, unit: dict, lang: str, here: str, with_sparklines: bool) -> tuple[list[dict], list[dict]]:
    """The page's latest figures and, for a post-2025 province, its derived series."""
    series = comparable.applies(unit)
    latest = latest_rows(site, unit["unit_id"], lang, here, with_sparklines=with_sparklines, series=series)
    derived = comparable.derived_by_indicator(site, unit["unit_id"], here, lang) if series else []
    return latest, derived


def keys(site: Site) -> list[str]:
    out = []
    for unit in site.units:
        out.append(unit["unit_id"])
        cut = plan(site, unit, *content(site, unit, settings.DEFAULT_LANGUAGE, directory(unit["unit_id"]), False))
        for theme, theme_parts in (cut or {}).items():
            out += parts.part_keys(f"{unit['unit_id']}/{theme}", len(theme_parts))
    return out


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
    base, n = parts.split_key(key)
    unit_id, _, theme = base.partition("/")
    unit = site.units_by_id[unit_id]
    here = directory(key)
    units = site.units_by_id
    series = comparable.applies(unit)
    weights_only = plan(site, unit, *content(site, unit, settings.DEFAULT_LANGUAGE, here, False))
    page = {
        "unit": unit,
        "name": unit[f"name_{lang}"],
        "comparable": series,
        "period": lambda p: site.period_label(p, lang),
        "unit_href": href(here, directory(unit_id)),
        "theme": theme,
    }
    if theme:  # one theme's part of a province cut by weight
        latest, derived = content(site, unit, lang, here, True)
        theme_parts = weights_only[theme]
        wanted = theme_parts[n - 1]
        ids = {r["indicator_id"] for r in wanted["latest"]}
        groups = {g["indicator_id"] for g in wanted["derived"]}
        return {**page, "mode": "theme",
                "themes": [(theme, [r for r in latest if r["indicator_id"] in ids])],
                "derived": [g for g in derived if g["indicator_id"] in groups],
                "part": n, "part_count": len(theme_parts),
                "part_links": parts.links(here, f"provinces/{unit_id}/{theme}", len(theme_parts), n, href)}
    merged_into = site.q("unit_merged_into", unit_id=key)
    merged_from = site.q("unit_merged_from", unit_id=key)
    for row in merged_into + merged_from:
        row["href"] = href(here, f"provinces/{row['unit_id']}") if row["unit_id"] in units else None
    region = units.get(unit["region_id"]) if unit["region_id"] else None
    page.update({
        "region": region,
        "region_href": href(here, f"provinces/{region['unit_id']}") if region and region["unit_id"] in units else None,
        "merged_into": merged_into,
        "merged_from": merged_from,
        "research": fragments.unit(site.research, key, lang),
    })
    if weights_only is not None:  # the province's overview: each theme's page, with its counts
        return {**page, "mode": "overview", "themes": [], "derived": [],
                "theme_pages": [{"theme": t, "href": href(here, directory(f"{unit_id}/{t}")),
                                 "indicators": sum(len(p["latest"]) for p in tp),
                                 "derived": sum(len(g["points"]) for p in tp for g in p["derived"]),
                                 "parts": len(tp)} for t, tp in weights_only.items()]}
    latest, derived = content(site, unit, lang, here, True)
    return {**page, "mode": "full", "themes": [(t, list(g)) for t, g in groupby(latest, key=lambda r: r["theme"])],
            "derived": derived}
