"""Indicator page (/indicators/<indicator_id>/): definition, the focus province over time with its targets,
provinces ranked for a chosen period (a chart and a tile map that follow the page's period <select>; the
table lists the latest period, each figure with its source), other sources, downloads and how to cite.

Every figure of every unit is not listed on the page (at hundreds of indicators and decades of figures a
page would weigh megabytes): the indicator's downloads and each province's page carry them, with sources.

The post-2025 focus province is shown with its comparable series: before 1 July 2025, the sums of its former
provinces (kind derived), drawn apart in the chart and listed with each part and its source."""

from __future__ import annotations

from collections import Counter

from build_scripts import i18n
from build_scripts.pages import chart_block, comparable, titles
from build_scripts.pages.site import Site, href
from build_scripts.pages import fragments

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

    periods = rankable(site, key, lang)
    latest = periods[0]["rows"] if periods else []
    units = site.units_by_id
    for row in latest:
        row["href"] = href(here, f"provinces/{row['unit_id']}") if row["unit_id"] in units else None
    tiles = tile_rows(site, periods, lang)
    select_id = SELECT_ID if len(periods) > 1 else None
    ranking_chart = ranking_figure(indicator, periods, lang, out_dir, here, select_id) if periods else ""
    tile_chart = tile_figure(indicator, periods, tiles, lang, out_dir, here, select_id) if tiles else ""
    others = other_figures(site, key, focus, latest)
    listed = differing(others)
    return {
        "indicator": indicator,
        "name": name,
        "page_title": titles.front_matter_title(name),  # <title> from front matter: the heading is package text
        "unit_label": unit_label,
        "focus": focus,
        "focus_name": site.focus_units[0][f"name_{lang}"] if site.focus_units else site.focus_id,
        "ranking": latest,
        "ranking_periods": [{"period": p["period"], "label": p["label"], "n": len(p["rows"])} for p in periods],
        # the provinces the periods rank: one boundary's, or each period its own (before and after the reform)
        "ranking_boundary": (lambda b: b.pop() if len(b) == 1 else "both")({r["boundary"] for p in periods for r in p["rows"]}),
        "period_select": select_id if (ranking_chart or tile_chart) else None,
        "ranking_chart": ranking_chart,
        "tile_chart": tile_chart,
        "others": listed,
        "others_same": len(others) - len(listed),
        "download": lambda name: href(here, f"downloads/{name}"),
        "data_page": href(here, "data"),
        "sources_page": href(here, "sources"),
        "page_url": site.page_url(here, lang),
        "period": label,
        "research": fragments.indicator(site.research, key, lang, unit_label),
    }


def other_figures(site: Site, key: str, focus: list[dict], ranking: list[dict]) -> list[dict]:
    """The figures of other sources (or of a less final status) of the figures this page shows: the focus
    province's series and targets, the former provinces summed into its derived figures, and the latest
    ranking. The others of every unit and period are in the downloads (observations with every source)."""
    shown = {(r["unit_id"], r["period"], "outcome") for r in ranking}
    for block in focus:
        unit_id = block["unit"]["unit_id"]
        for row in block["outcomes"]:
            shown.add((unit_id, row["period"], "outcome"))
            shown.update((part["unit_id"], row["period"], "outcome") for part in row.get("parts") or [])
        shown.update((unit_id, row["period"], "target") for row in block["targets"])
    return [row for row in site.q("indicator_other_figures", indicator_id=key)
            if (row["unit_id"], row["period"], row["kind"]) in shown]


def differing(others: list[dict]) -> list[dict]:
    """The other figures a reader needs listed: those that differ from the figure shown (equal ones only corroborate it)."""
    rows = [row for row in others if row["value"] != row["shown_value"]]
    for row in rows:  # more than 1 % apart is marked, as validation warns of it
        largest = max(abs(row["value"]), abs(row["shown_value"]))
        row["far"] = largest > 0 and abs(row["value"] - row["shown_value"]) > 0.01 * largest
    return rows


SELECT_ID = "bn-period-select"  # the page's one period <select>; both charts bind to it by this id


def rankable(site: Site, key: str, lang: str) -> list[dict]:
    """The rankable periods, latest first: {period, label, rows} with the rows ranked (queries/ranking_periods.sql)."""
    periods: dict[str, dict] = {}
    for row in site.q("ranking_periods", indicator_id=key, focus_ids=site.focus_ids):
        if row["period"] not in periods:
            periods[row["period"]] = {"period": row["period"], "label": site.period_label(row["period"], lang), "rows": []}
        periods[row["period"]]["rows"].append(row)
    return list(periods.values())


def ranking_figure(indicator: dict, periods: list[dict], lang: str, out_dir, here: str, select_id: str | None):
    """The ranking chart: every rankable period in one spec following the <select>, or the one period."""
    name = indicator[f"name_{lang}"]
    unit_label = i18n.label(lang, "units", indicator["unit"])
    labels = {"x_title": f"{name} ({unit_label})", "name": i18n.t(lang, "unit_name")}
    descriptions = {}
    for i, p in enumerate(periods):  # the latest period's ranking is the table below; the others are not
        key = "chart_ranking_description" if i == 0 else "period_select.ranking_description"
        descriptions[p["period"]] = i18n.t(lang, key, indicator=name, period=p["label"], n=len(p["rows"]))
    rows = [{"unit_id": r["unit_id"], "name": r[f"name_{lang}"], "value": r["value"], "focus": r["focus"],
             "period": p["period"]} for p in (periods if select_id else periods[:1]) for r in p["rows"]]
    latest = periods[0]["period"]
    if select_id:
        labels.update(select=f"#{select_id}", selected=latest, descriptions=descriptions)
        return chart_block.chart("ranking_periods_chart", rows, lang, labels, out_dir, "ranking",
                                 descriptions[latest], indicator["decimals"], here)
    rows = [{k: v for k, v in r.items() if k != "period"} for r in rows]
    return chart_block.chart("ranking_chart", rows, lang, labels, out_dir, "ranking", descriptions[latest],
                             indicator["decimals"], here)


def tile_rows(site: Site, periods: list[dict], lang: str) -> list[dict]:
    """A tile a province and rankable period (value None without a figure), each period on the map of its
    ranked provinces' boundary (63 tiles before 2025-07-01, 34 after), when every ranked unit of every
    period is placed on its map; else none."""
    focus = set(site.focus_ids)
    out = []
    for p in periods:
        boundaries = {r["boundary"] for r in p["rows"]}
        tiles = site.q("tile_units", boundary=boundaries.pop()) if len(boundaries) == 1 else []
        values = {r["unit_id"]: r["value"] for r in p["rows"]}
        if not tiles or not set(values) <= {t["unit_id"] for t in tiles}:
            return []
        out += [{"unit_id": t["unit_id"], "name": t[f"name_{lang}"], "tile_row": t["tile_row"], "tile_col": t["tile_col"],
                 "value": values.get(t["unit_id"]), "focus": t["unit_id"] in focus, "period": p["period"]} for t in tiles]
    return out


def tile_figure(indicator: dict, periods: list[dict], tiles: list[dict], lang: str, out_dir, here: str,
                select_id: str | None):
    """The tile map of the chosen period (every rankable period following the <select>), or of the one period."""
    name = indicator[f"name_{lang}"]
    unit_label = i18n.label(lang, "units", indicator["unit"])
    totals = Counter(t["period"] for t in tiles)  # each period's map: 63 tiles before the reform, 34 after
    descriptions = {p["period"]: i18n.t(lang, "period_select.tiles_description", indicator=name, period=p["label"],
                                        n=len(p["rows"]), total=totals[p["period"]]) for p in periods}
    labels = {"legend": f"{name} ({unit_label})", "no_data": i18n.t(lang, "no_data"), "name": i18n.t(lang, "unit_name")}
    latest = periods[0]["period"]
    if select_id:
        labels.update(select=f"#{select_id}", selected=latest, descriptions=descriptions)
        return chart_block.chart("tile_periods_map", tiles, lang, labels, out_dir, "tiles", descriptions[latest],
                                 indicator["decimals"], here)
    rows = [{k: v for k, v in t.items() if k != "period"} for t in tiles if t["period"] == latest]
    return chart_block.chart("tile_map", rows, lang, labels, out_dir, "tiles", descriptions[latest],
                             indicator["decimals"], here)
