"""Indicator page (/indicators/<indicator_id>/): definition, the focus province over time with its targets,
provinces ranked, every value with its source, other sources, downloads and how to cite.

The post-2025 focus province is shown with its comparable series: before 1 July 2025, the sums of its former
provinces (kind derived), drawn apart in the chart and listed with each part and its source."""

from __future__ import annotations

from collections import Counter

from build_scripts import i18n
from build_scripts.pages import chart_block, comparable
from build_scripts.pages.site import Site, href
from build_scripts.research import fragments

TEMPLATE = "indicator.md.j2"


def keys(site: Site) -> list[str]:
    return [row["indicator_id"] for row in site.indicators]


def directory(key: str) -> str:
    return f"indicators/{key}"


def chart_span(outcomes: list[dict]) -> str | None:
    """The period span the chart joins: whole years when there are two or more, else the commonest span."""
    counts = Counter(row["period_span"] for row in outcomes)
    if counts.get("", 0) >= 2:
        return ""
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def model(site: Site, key: str, lang: str) -> dict:
    indicator = site.indicators_by_id[key]
    here = directory(key)
    name = indicator[f"name_{lang}"]
    unit_label = i18n.label(lang, "units", indicator["unit"])
    label = lambda period: site.period_label(period, lang)  # noqa: E731
    out_dir = site.out_dir / here

    focus = []
    for unit in site.focus_units:
        series = comparable.applies(unit)  # a post-2025 province: its comparable series, parts cited
        rows = (comparable.series(site, unit["unit_id"], key, here, lang) if series
                else site.q("indicator_series", indicator_id=key, unit_id=unit["unit_id"]))
        if not rows:
            continue
        outcomes = [r for r in rows if r["kind"] in ("outcome", "derived")]
        targets = [r for r in rows if r["kind"] == "target"]
        span = chart_span(outcomes)
        in_chart = [r for r in rows if r["period_span"] == span]
        chart_rows = [
            {"period": r["period"], "period_label": label(r["period"]), "end_date": r["end_date"].isoformat(),
             "value": r["value"], "status": r["status"], "kind": r["kind"]}
            for r in in_chart
        ]
        chart_html = ""
        span_label = ""
        if len([r for r in in_chart if r["kind"] in ("outcome", "derived")]) >= 2:
            first, last = in_chart[0]["period"], in_chart[-1]["period"]
            span_label = site.period_span_label(first, lang)
            description = i18n.t(lang, "chart_series_description", indicator=name, unit=unit[f"name_{lang}"],
                                 kind_label=span_label, n=len(chart_rows), first=label(first), last=label(last),
                                 unit_label=unit_label)
            labels = {"y_title": f"{name} ({unit_label})", "period": i18n.t(lang, "period"),
                      "outcome": i18n.label(lang, "kinds", "outcome"), "target": i18n.label(lang, "kinds", "target"),
                      "derived": i18n.label(lang, "kinds", "derived")}
            chart_html = chart_block.chart("series_chart", chart_rows, lang, labels, out_dir,
                                           f"series-{unit['unit_id']}", description, indicator["decimals"], here)
        focus.append({"unit": unit, "outcomes": outcomes, "targets": targets, "chart": chart_html,
                      "span_label": span_label, "href": href(here, f"provinces/{unit['unit_id']}"),
                      "derived": any(r["kind"] == "derived" for r in outcomes)})

    ranking = site.q("ranking", indicator_id=key, focus_ids=site.focus_ids)
    ranking_chart = ""
    if ranking:
        period = label(ranking[0]["period"])
        description = i18n.t(lang, "chart_ranking_description", indicator=name, period=period, n=len(ranking))
        rows = [{"unit_id": r["unit_id"], "name": r[f"name_{lang}"], "value": r["value"], "focus": r["focus"]}
                for r in ranking]
        labels = {"x_title": f"{name} ({unit_label})", "name": i18n.t(lang, "unit_name")}
        ranking_chart = chart_block.chart("ranking_chart", rows, lang, labels, out_dir, "ranking", description,
                                          indicator["decimals"], here)

    tile_chart = tile_map(site, indicator, ranking, lang, out_dir, here) if ranking else ""

    units = site.units_by_id
    values = site.q("indicator_values", indicator_id=key)
    for row in values:
        row["href"] = href(here, f"provinces/{row['unit_id']}") if row["unit_id"] in units else None
    return {
        "indicator": indicator,
        "name": name,
        "unit_label": unit_label,
        "focus": focus,
        "focus_name": site.focus_units[0][f"name_{lang}"] if site.focus_units else site.focus_id,
        "ranking": ranking,
        "ranking_chart": ranking_chart,
        "tile_chart": tile_chart,
        "values": values,
        "others": site.q("indicator_other_figures", indicator_id=key),
        "download": lambda name: href(here, f"downloads/{name}"),
        "data_page": href(here, "data"),
        "sources_page": href(here, "sources"),
        "page_url": site.page_url(here, lang),
        "period": label,
        "research": fragments.indicator(site.research, key, lang, unit_label),
    }


def tile_map(site: Site, indicator: dict, ranking: list[dict], lang: str, out_dir, here: str):
    """The ranked period on the tile-grid map, when the ranked units are the ones placed on it."""
    tiles = site.q("tile_units")
    placed = {row["unit_id"] for row in tiles}
    if not tiles or not {row["unit_id"] for row in ranking} <= placed:
        return ""
    values = {row["unit_id"]: row["value"] for row in ranking}
    rows = [{"unit_id": t["unit_id"], "name": t[f"name_{lang}"], "tile_row": t["tile_row"], "tile_col": t["tile_col"],
             "value": values.get(t["unit_id"])} for t in tiles]
    name = indicator[f"name_{lang}"]
    unit_label = i18n.label(lang, "units", indicator["unit"])
    description = i18n.t(lang, "chart_tiles_description", indicator=name, period=site.period_label(ranking[0]["period"], lang))
    labels = {"legend": f"{name} ({unit_label})", "no_data": i18n.t(lang, "no_data"), "name": i18n.t(lang, "unit_name")}
    return chart_block.chart("tile_map", rows, lang, labels, out_dir, "tiles", description, indicator["decimals"], here)
