"""Province page (/provinces/<unit_id>/), for every unit with figures: each indicator's latest value,
change on the same period a year before and period, with a sparkline; what it was merged from or into.
A post-2025 province's page compares with, and draws, its comparable series, and lists each derived figure
(the sum of its former provinces before 1 July 2025) with its parts and their sources."""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from build_scripts import i18n, settings
from build_scripts.pages import chart_block, comparable, parts, titles
from build_scripts.pages.site import Site, href
from build_scripts.pages import fragments

TEMPLATE = "province.md.j2"


PAGE_MARKUP = 8_000  # the unit's facts, what it was merged from or into, its downloads
LATEST_MARKUP = 460  # a latest figure's row: links, sparkline (its alt text), change, period and status words
PART_MARKUP = 140  # a former province in a derived figure's row: its link, figure and source link
POINT_MARKUP = 150  # a derived figure's row: period, value, status and the sentence naming the parts


def latest_weight(row: dict) -> int:
    return parts.weight(row["name_vi"], row["name_vi"], row["source_url"], row["source_publisher"], markup=LATEST_MARKUP)


def derived_weight(group: dict) -> int:
    return sum(POINT_MARKUP + sum(parts.weight(p["name_vi"], p["source_url"], p["source_publisher"], markup=PART_MARKUP)
                                  for p in point["parts"]) for point in group["points"])


def plan(site: Site, latest: list[dict], derived: list[dict]) -> list[dict]:
    """The page's parts (one when it fits the weight budget): its latest figures by theme, then its derived
    series by theme, cut between themes where it can. Each part {"latest": rows, "derived": groups, "themes":
    [(kind, theme)] in it}."""
    themes = {i["indicator_id"]: i["theme"] for i in site.indicators}
    sections = [("latest", theme, list(rows)) for theme, rows in groupby(latest, key=lambda r: r["theme"])]
    sections += [("derived", theme, list(groups)) for theme, groups in
                 groupby(derived, key=lambda g: themes.get(g["indicator_id"], ""))]
    weights = [[latest_weight(r) if kind == "latest" else derived_weight(r) for r in rows] for kind, _, rows in sections]
    out = []
    for cut in parts.pack_groups(weights, reserve=PAGE_MARKUP):
        part = {"latest": [], "derived": [], "themes": []}
        for g, rows in cut:
            kind, theme, items = sections[g]
            part[kind] += [items[i] for i in rows]
            if (kind, theme) not in part["themes"]:
                part["themes"].append((kind, theme))
        out.append(part)
    return out


def content(site: Site, unit: dict, lang: str, here: str, history: bool = True) -> tuple[list[dict], list[dict]]:
    """The page's latest figures (with their sparklines' points, unless not history) and, for a post-2025
    province, its derived series. Sparklines are drawn by add_sparkline, for the rows a page part shows."""
    series = comparable.applies(unit)
    latest = latest_rows(site, unit["unit_id"], lang, here, with_sparklines=False, series=series, history=history)
    derived = comparable.derived_by_indicator(site, unit["unit_id"], here, lang) if series else []
    return latest, derived


def keys(site: Site) -> list[str]:
    out = []
    for unit in site.units:
        here = directory(unit["unit_id"])
        out += parts.part_keys(unit["unit_id"], len(plan(site, *content(site, unit, settings.DEFAULT_LANGUAGE, here, history=False))))
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
                series: bool = False, history: bool = True) -> list[dict]:
    """Each indicator's latest figure, its change and sparkline; with ``series`` (a post-2025 province) the
    year before and the sparkline come from its comparable series (derived figures before the reform).
    Without history, no sparkline points (the rows' weights only)."""
    latest, past = ("unit_latest_comparable", "unit_comparable_outcomes") if series else ("unit_latest", "unit_outcomes")
    rows = site.q(latest, unit_id=unit_id, themes=site.themes)
    outcomes = {k: list(g) for k, g in groupby(site.q(past, unit_id=unit_id), key=lambda r: r["indicator_id"])} \
        if history else {}
    for row in rows:
        row["href"] = href(here, f"indicators/{row['indicator_id']}")
        row["change_text"] = change_text(row, lang)
        row["unit_label"] = i18n.label(lang, "units", row["unit"])
        row.setdefault("before_derived", False)
        row["sparkline"] = ""
        row["spark_points"] = sparkline_rows(outcomes.get(row["indicator_id"], []), row["period_span"])
        row["spark_first"] = (_first_period(outcomes[row["indicator_id"]], row["period_span"])
                              if len(row["spark_points"]) >= 2 else None)
        if with_sparklines:
            add_sparkline(site, row, lang, here)
    return rows


def add_sparkline(site: Site, row: dict, lang: str, here: str) -> None:
    """The row's sparkline (an <img> of its SVG, written beside the page), when it has two points or more."""
    points = row["spark_points"]
    if len(points) < 2:
        return
    description = i18n.t(lang, "chart_sparkline_description", indicator=row[f"name_{lang}"], n=len(points),
                         first=site.period_label(row["spark_first"], lang), last=site.period_label(row["period"], lang))
    row["sparkline"] = chart_block.sparkline(points, lang, site.out_dir / here, f"spark-{row['indicator_id']}",
                                             description, here)


def _first_period(outcomes: list[dict], span: str) -> str:
    return next(r["period"] for r in outcomes if r["period_span"] == span)


def model(site: Site, key: str, lang: str) -> dict:
    unit_id, n = parts.split_key(key)
    unit = site.units_by_id[unit_id]
    here = directory(key)
    units = site.units_by_id
    latest, derived = content(site, unit, lang, here)
    cut = plan(site, latest, derived)
    part = cut[n - 1]
    chosen = {r["indicator_id"] for r in part["latest"]}
    for row in latest:
        if row["indicator_id"] in chosen:
            add_sparkline(site, row, lang, here)
    groups = {g["indicator_id"] for g in part["derived"]}
    lineage = site.q("unit_lineage", unit_id=unit_id)
    for row in lineage:
        row["href"] = href(here, f"provinces/{row['unit_id']}") if row["unit_id"] in units else None
    events = [{"date": day, "changes": list(rows)} for day, rows in groupby(lineage, key=lambda r: r["effective_date"])]
    region = units.get(unit["region_id"]) if unit["region_id"] else None
    return {
        "unit": unit,
        "name": unit[f"name_{lang}"],
        "page_title": titles.front_matter_title(unit[f"name_{lang}"] + (
            f" ({i18n.label(lang, 'boundaries', unit['boundary'])})" if unit.get("boundary") else "") + (
            f" ({i18n.t(lang, 'split.part_of', n=n, count=len(cut))})" if len(cut) > 1 else "")),
        "region": region,
        "region_href": href(here, f"provinces/{region['unit_id']}") if region and region["unit_id"] in units else None,
        "events": events,
        "chain_break": next((r["break_date"] for r in site.q("unit_chain_break", unit_id=unit_id)), None)
        if comparable.applies(unit) else None,
        "themes": [(theme, list(group)) for theme, group in
                   groupby((r for r in latest if r["indicator_id"] in chosen), key=lambda r: r["theme"])],
        "comparable": comparable.applies(unit),
        "derived": [g for g in derived if g["indicator_id"] in groups],
        "derived_parts": [str(i) for i, p in enumerate(cut, 1) if p["derived"]],
        "first_href": href(here, directory(unit_id)),
        "part": n,
        "part_count": len(cut),
        "part_links": [{**link, "themes": cut[link["n"] - 1]["themes"]}
                       for link in parts.links(here, directory(unit_id), len(cut), n, href)],
        "period": lambda p: site.period_label(p, lang),
        "research": fragments.unit(site.research, unit_id, lang),
    }
