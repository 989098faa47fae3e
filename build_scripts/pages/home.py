"""Home page (/): the focus province at a glance (a tile a headline indicator: latest figure, unit, period,
change on the same period a year before, sparkline, link), the latest period report, every report by
year, and a way into every theme."""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from build_scripts import i18n
from build_scripts.pages import chart_block, province, report
from build_scripts.pages.site import Site, href

TEMPLATE = "home.md.j2"


def keys(site: Site) -> list[str]:
    return [""]


def directory(key: str) -> str:
    return ""


def headline_tiles(site: Site, lang: str, here: str) -> list[dict]:
    """One tile a headline indicator: the focus province's latest figure, else its predecessor's (labelled
    with its own name and boundary: the two units are never merged). In report order."""
    tiles, seen = [], set()
    for unit in site.focus_units:  # the current unit first
        rows = province.latest_rows(site, unit["unit_id"], lang, here, with_sparklines=False)
        wanted = [row for row in rows if row["headline"] and row["indicator_id"] not in seen]
        if not wanted:
            continue
        # a post-2025 province's series reaches back through the sums of its former provinces
        outcomes = {k: list(g) for k, g in groupby(site.q("unit_outcomes", unit_id=unit["unit_id"]),
                                                   key=lambda r: r["indicator_id"])}
        outcomes.update({k: list(g) for k, g in groupby(site.q("home_comparable_outcomes", unit_id=unit["unit_id"]),
                                                        key=lambda r: r["indicator_id"])})
        for row in wanted:
            seen.add(row["indicator_id"])
            row["unit_row"] = unit
            row["unit_href"] = href(here, f"provinces/{unit['unit_id']}")
            row["derived_parts"] = _derived_before(site, row, unit) if row["before_value"] is None else []
            row["change_text"] = province.change_text(row, lang)
            row["figure"] = report.figure_text(row, lang)
            row["change_line"] = _change_line(site, row, lang)
            row["sparkline"] = _sparkline(site, row, outcomes.get(row["indicator_id"], []), unit, lang, here)
            tiles.append(row)
    tiles.sort(key=lambda r: (r["theme_order"], r["display_order"], r["indicator_id"]))
    return tiles


def _derived_before(site: Site, row: dict, unit: dict) -> list[dict]:
    """Fill in the figure a year before from the sum of the former provinces, where the reform's comparable
    series has one; returns its parts (to cite), or [] when there is none."""
    before = report.year_before(site, row["period"])
    derived = site.q("home_derived_figure", unit_id=unit["unit_id"], indicator_id=row["indicator_id"], period=before) \
        if before else []
    if not derived:
        return []
    value = derived[0]["value"]
    row.update(before_period=before, before_value=value, change_abs=row["value"] - value,
               change_pct=(row["value"] / value - 1) * 100 if row["measure"] in ("level", "score") and value > 0 else None)
    return report.derived_parts(site, unit["unit_id"], before).get(row["indicator_id"], [])


def _change_line(site: Site, row: dict, lang: str) -> Markup:
    if row["before_value"] is None:
        return Markup(i18n.t(lang, "home.no_before"))
    return Markup(i18n.t(lang, "home.change_on", change=row["change_text"],
                         period=site.period_label(row["before_period"], lang)))


def _sparkline(site: Site, row: dict, outcomes: list[dict], unit: dict, lang: str, here: str) -> Markup:
    points = province.sparkline_rows(outcomes, row["period_span"])
    if len(points) < 2:
        return Markup("")
    same_span = [r for r in outcomes if r["period_span"] == row["period_span"]]
    description = i18n.t(lang, "chart_sparkline_description", indicator=row[f"name_{lang}"], n=len(points),
                         first=site.period_label(same_span[0]["period"], lang), last=site.period_label(row["period"], lang))
    derived = sum(1 for r in same_span if r.get("kind") == "derived")
    if derived:
        description += " " + i18n.t(lang, "home.sparkline_derived", n=derived)
    return chart_block.sparkline(points, lang, site.out_dir / here,
                                 f"spark-{unit['unit_id']}-{row['indicator_id'].replace('_', '-')}", description, here)


def report_links(site: Site, lang: str, here: str) -> tuple[dict | None, list[tuple[int, list[dict]]]]:
    """The latest report, and every report grouped by year (newest year first, periods in time order)."""
    periods = report.report_periods(site)
    links = [{"period": p["period"], "label": site.period_label(p["period"], lang), "figures": p["figures"],
              "year": p["end_date"].year, "href": href(here, report.directory(p["period"]))} for p in periods]
    by_year = [(year, list(group)) for year, group in groupby(links, key=lambda r: r["year"])]
    by_year.sort(key=lambda pair: -pair[0])
    return (links[-1] if links else None), by_year


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    latest, reports_by_year = report_links(site, lang, here)
    themes = [theme for theme, _ in groupby(site.indicators, key=lambda r: r["theme"])]
    focus = site.focus_units[0] if site.focus_units else {"name_vi": site.focus_id, "name_en": site.focus_id,
                                                          "unit_id": site.focus_id, "boundary": None}
    return {
        "focus": focus,
        "focus_href": href(here, f"provinces/{focus['unit_id']}") if focus["unit_id"] in site.units_by_id else None,
        "headlines": headline_tiles(site, lang, here),
        "latest_report": latest,
        "reports_by_year": reports_by_year,
        "themes": [(theme, href(here, "indicators") + f"#{theme}") for theme in themes],
        "indicators_href": href(here, "indicators"),
        "provinces_href": href(here, "provinces"),
        "data_href": href(here, "data"),
        "sources_href": href(here, "sources"),
        "period": lambda p: site.period_label(p, lang),
    }
