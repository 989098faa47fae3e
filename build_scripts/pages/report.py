"""Period report (/reports/<period>/): the focus province's figures for one period, in the order of the
province's own socio-economic reports, each with its change on the same period a year before, its target
where one exists, its source, and the provinces compared where at least two have a figure.

A period gets a report when one focus unit (the focus province, or its same-named predecessor: different
units, never merged) has at least MIN_FIGURES shown outcomes for it.
"""

from __future__ import annotations

import unicodedata
from itertools import groupby

from markupsafe import Markup

from build_scripts import i18n
from build_scripts.pages import chart_block, markdown, parts, province
from build_scripts.pages.site import Site, href

TEMPLATE = "report.md.j2"
MIN_FIGURES = 6  # shown outcomes of one focus unit for a period to have a report


def reading_order(name: str) -> tuple[str, str]:
    """A key that sorts names as a reader expects: letters first, diacritics only to break ties (Đ with D)."""
    base = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return ("".join(c for c in base if not unicodedata.combining(c)).casefold(), name)


def report_periods(site: Site) -> list[dict]:
    """The periods with a report, oldest first: period, start_date, end_date, figures (of the unit with most)."""
    return site.q("report_periods", focus_ids=site.focus_ids, min_figures=MIN_FIGURES)


LINE_MARKUP = 260  # a figure's line: its link, figure, status, change, year before, target and source link
RANK_MARKUP = 90  # a province's row in a comparison table
COMPARISON_MARKUP = 700  # a comparison's heading, sentence and table head
PAGE_MARKUP = 4_000  # the report's intro, notes and links to the other reports
CHART_MARKUP = 800  # a chart's HTML on the page: its container, static SVG image and caption (the spec is a file)


def keys(site: Site) -> list[str]:
    out = []
    for period in sorted(row["period"] for row in report_periods(site)):
        out += parts.part_keys(period, len(plan(site, raw_blocks(site, period))))
    return out


def directory(key: str) -> str:
    return f"reports/{key}"


def raw_blocks(site: Site, period: str) -> list[dict]:
    """For each focus unit with figures for the period: its figures (report order), the provinces compared by
    indicator, the map's tiles and the parts of derived figures a year before. Nothing rendered yet."""
    blocks = []
    for unit in site.focus_units:
        rows = site.q("report_figures", unit_id=unit["unit_id"], period=period, themes=site.themes)
        if not rows:
            continue
        provinces, tile_units = _comparisons(site, unit, period)
        blocks.append({"unit": unit, "rows": rows, "provinces": provinces, "tile_units": tile_units,
                       "parts": derived_parts(site, unit["unit_id"], year_before(site, period))})
    return blocks


def line_weight(row: dict, block: dict) -> int:
    cited = block["parts"].get(row["indicator_id"], []) if row["before_derived"] else []
    return parts.weight(row["name_vi"], row["source_url"], row["source_publisher"],
                        *(p["part_name_vi"] for p in cited), *(p["part_source_url"] for p in cited),
                        markup=LINE_MARKUP + 60 * len(cited))


def comparison_weight(row: dict, ranking: list[dict], block: dict) -> int:
    names = sum(2 * len(r["name_vi"]) for r in ranking) + sum(2 * len(t["name_vi"]) for t in block["tile_units"])
    charts = 2 * CHART_MARKUP if row["headline"] else 0
    return COMPARISON_MARKUP + 2 * len(row["name_vi"]) + RANK_MARKUP * len(ranking) + names + charts


def plan(site: Site, blocks: list[dict]) -> list[dict]:
    """The report's parts (one when it fits the weight budget): for each focus unit its figures by theme, then
    its comparisons by theme, cut between themes where it can. Each part {"units": {unit_id: {"lines": ids,
    "compared": ids}}, "themes": [(kind, theme)] in it}."""
    sections = []
    for block in blocks:
        unit_id = block["unit"]["unit_id"]
        for theme, rows in groupby(block["rows"], key=lambda r: r["theme"]):
            sections.append(("lines", unit_id, theme, [(r["indicator_id"], line_weight(r, block)) for r in rows]))
        for theme, rows in groupby(block["rows"], key=lambda r: r["theme"]):
            compared = [(r["indicator_id"], comparison_weight(r, block["provinces"][r["indicator_id"]], block))
                        for r in rows if len(block["provinces"].get(r["indicator_id"], [])) >= 2]
            if compared:
                sections.append(("compared", unit_id, theme, compared))
    out = []
    for cut in parts.pack_groups([[w for _, w in items] for *_, items in sections], reserve=PAGE_MARKUP):
        part: dict = {"units": {}, "themes": []}
        for g, rows in cut:
            kind, unit_id, theme, items = sections[g]
            chosen = part["units"].setdefault(unit_id, {"lines": set(), "compared": set()})
            chosen[kind] |= {items[i][0] for i in rows}
            if (kind, theme) not in part["themes"]:
                part["themes"].append((kind, theme))
        out.append(part)
    return out


def latest(site: Site) -> dict | None:
    """The report of the period that ended last (of equal ends, the longest), or None without reports."""
    periods = report_periods(site)
    return periods[-1] if periods else None


def change_text(row: dict, lang: str) -> Markup:
    """The change on the same period a year before, as the province page words it."""
    return province.change_text(row, lang)


def figure_text(row: dict, lang: str) -> Markup:
    """A figure with its unit ("45.800,0 triệu USD"); a rank as a rank ("hạng 8")."""
    word = i18n.qualifier_word(row.get("qualifier"), lang)
    prefix = markdown.escape(word) + " " if word else ""
    if row["unit"] == "rank":
        return Markup(prefix + i18n.t(lang, "report.rank_value", value=i18n.number(row["value"], row["decimals"], lang)))
    return Markup(prefix + i18n.quantity(row["value"], row["decimals"], row["unit"], lang, escape=markdown.escape))


def target_text(row: dict, lang: str, site: Site) -> Markup:
    """The target, its period, and for levels how much of it the figure reached; empty without a target.
    Our words, Babel's numbers and labels from the translation files, each label escaped."""
    if row["target_value"] is None:
        return Markup("")
    quantity = i18n.quantity(row["target_value"], row["decimals"], row["unit"], lang, escape=markdown.escape)
    period = markdown.escape(site.period_label(row["target_period"], lang))
    text = i18n.t(lang, "report.target_value", quantity=quantity, period=period)
    if row["target_reached_pct"] is not None:
        text += i18n.t(lang, "report.target_reached", value=i18n.number(row["target_reached_pct"], 1, lang))
    return Markup(text)


def _comparisons(site: Site, unit: dict, period: str) -> tuple[dict[str, list[dict]], list[dict]]:
    """The provinces of the unit's boundary with a figure for the period, by indicator; the map's tiles."""
    if not unit.get("boundary"):
        return {}, []
    params = {"period": period, "boundary": unit["boundary"], "focus_ids": site.focus_ids}
    by_indicator = {k: list(g) for k, g in groupby(site.q("report_province_figures", **params),
                                                  key=lambda r: r["indicator_id"])}
    tiles = site.q("report_tile_units", boundary=unit["boundary"], focus_ids=site.focus_ids)
    return by_indicator, tiles


def _comparison(site: Site, row: dict, ranking: list[dict], tile_units: list[dict], unit: dict, period: str,
                lang: str, here: str) -> dict | None:
    """Provinces ranked and mapped for this indicator and period, when two or more have a figure."""
    if len(ranking) < 2:
        return None
    values = {r["unit_id"]: r["value"] for r in ranking}
    tiles = [{**t, "value": values.get(t["unit_id"])} for t in tile_units]
    name = row[f"name_{lang}"]
    unit_label = i18n.label(lang, "units", row["unit"])
    period_label = site.period_label(period, lang)
    out_dir = site.out_dir / here
    stem = f"{row['indicator_id'].replace('_', '-')}-{unit['unit_id']}"
    focus_rank = next((r["rank"] for r in ranking if r["unit_id"] == unit["unit_id"]), None)
    missing = [t for t in tiles if t["value"] is None]
    result = {"ranking": ranking, "ranking_chart": Markup(""), "map_chart": Markup(""), "focus_rank": focus_rank,
              "missing": sorted((t[f"name_{lang}"] for t in missing), key=reading_order), "tiles": len(tiles)}
    if not row["headline"]:  # charts for the headline indicators; the others are compared in a table
        return result
    result["ranking_chart"] = chart_block.chart(
        "ranking_chart",
        [{"unit_id": r["unit_id"], "name": r[f"name_{lang}"], "value": r["value"], "focus": r["focus"]} for r in ranking],
        lang, {"x_title": f"{name} ({unit_label})", "name": i18n.t(lang, "unit_name")}, out_dir, f"ranking-{stem}",
        i18n.t(lang, "chart_ranking_description", indicator=name, period=period_label, n=len(ranking)),
        row["decimals"], here)
    if tiles:
        description = i18n.t(lang, "report.map_description", indicator=name, period=period_label, total=len(tiles),
                             n=len(tiles) - len(missing), missing=len(missing))
        result["map_chart"] = chart_block.chart(
            "tile_map",
            [{"unit_id": t["unit_id"], "name": t[f"name_{lang}"], "tile_row": t["tile_row"], "tile_col": t["tile_col"],
              "value": t["value"], "focus": t["focus"]} for t in tiles],
            lang, {"legend": f"{name} ({unit_label})", "no_data": i18n.t(lang, "report.no_figure"),
                   "name": i18n.t(lang, "unit_name")},
            out_dir, f"map-{stem}", description, row["decimals"], here)
    return result


def year_before(site: Site, period: str) -> str | None:
    """The same period a year before (the period macros say which)."""
    rows = site.q("report_period_year_before", period=period)
    return rows[0]["period"] if rows else None


def derived_parts(site: Site, unit_id: str, period: str | None) -> dict[str, list[dict]]:
    """The former provinces summed into each derived figure of a post-2025 province, by indicator."""
    if period is None:
        return {}
    rows = site.q("report_derived_parts", unit_id=unit_id, period=period)
    return {k: list(g) for k, g in groupby(rows, key=lambda r: r["indicator_id"])}


def _neighbours(site: Site, periods: list[str], key: str, here: str) -> dict:
    """The reports just before and after this one, and the one of the same period a year before."""
    i = periods.index(key)
    before = year_before(site, key)
    link = lambda p: {"period": p, "href": href(here, directory(p))} if p else None  # noqa: E731
    return {"previous": link(periods[i - 1] if i > 0 else None),
            "next": link(periods[i + 1] if i + 1 < len(periods) else None),
            "year_before": link(before if before in periods else None)}


def model(site: Site, key: str, lang: str) -> dict:
    period, n = parts.split_key(key)
    here = directory(key)
    periods = [row["period"] for row in report_periods(site)]
    raw = raw_blocks(site, period)
    cut = plan(site, raw)
    wanted = cut[n - 1]["units"]
    blocks = []
    for block in raw:
        unit = block["unit"]
        chosen = wanted.get(unit["unit_id"])
        if chosen is None:
            continue
        rows = [r for r in block["rows"] if r["indicator_id"] in chosen["lines"] | chosen["compared"]]
        for row in rows:
            row["href"] = href(here, f"indicators/{row['indicator_id']}")
            row["unit_label"] = i18n.label(lang, "units", row["unit"])
            row["derived_parts"] = block["parts"].get(row["indicator_id"], []) if row["before_derived"] else []
            row["figure"] = figure_text(row, lang)
            row["change_text"] = change_text(row, lang)
            row["target_text"] = target_text(row, lang, site)
            row["comparison"] = _comparison(site, row, block["provinces"].get(row["indicator_id"], []),
                                            block["tile_units"], unit, period, lang, here) \
                if row["indicator_id"] in chosen["compared"] else None
        lines = [r for r in rows if r["indicator_id"] in chosen["lines"]]
        blocks.append({
            "unit": unit,
            "href": href(here, f"provinces/{unit['unit_id']}") if unit["unit_id"] in site.units_by_id else None,
            "themes": [(t, list(group)) for t, group in groupby(lines, key=lambda r: r["theme"])],
            "n": len(block["rows"]),
            "compared": [r for r in rows if r["comparison"]],
            "missing_before": any(r["before_value"] is None for r in lines),
        })
    return {
        "part": n,
        "part_count": len(cut),
        "part_links": [{**link, "themes": cut[link["n"] - 1]["themes"]}
                       for link in parts.links(here, directory(period), len(cut), n, href)],
        "first_href": href(here, directory(period)),
        "period_key": period,
        "period_label": site.period_label(period, lang),
        "blocks": blocks,
        "neighbours": _neighbours(site, periods, period, here),
        "home_href": href(here, ""),
        "sources_href": href(here, "sources"),
        "period": lambda p: site.period_label(p, lang),
    }
