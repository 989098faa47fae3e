"""The comparable series of a post-2025 province on its pages (build_scripts/reform): published figures joined,
before 1 July 2025, to the sums of its former provinces, each derived point with its parts linked and cited.

The reform library decides what is derived (never a partial sum); this module only shapes its rows for the
templates: each part gets the link to its former province's page (when the site has one) and the words
"the sum of the former X and Y" in the page's language.
"""

from __future__ import annotations

from babel.lists import format_list

from build_scripts import i18n
from build_scripts.pages.site import Site, href

POST_REFORM = "post-2025"


def applies(unit: dict) -> bool:
    """Pages of a post-2025 province show its comparable series."""
    return unit.get("boundary") == POST_REFORM


def names_text(parts: list[dict], lang: str) -> str:
    """The former provinces' names as a list in the language: "Bắc Giang và Bắc Ninh"."""
    return format_list([part[f"name_{lang}"] for part in parts], locale=i18n.locale(lang))


def with_links(parts: list[dict], site: Site, here: str) -> list[dict]:
    units = site.units_by_id
    return [{**part, "href": href(here, f"provinces/{part['unit_id']}") if part["unit_id"] in units else None}
            for part in parts]


def series(site: Site, unit_id: str, indicator_id: str, here: str, lang: str) -> list[dict]:
    """One post-2025 province's figures of one indicator as indicator_series.sql gives them (published, with
    notes and targets) joined to the figures derived from its former provinces (kind derived; the reform
    library never derives one where a part is missing), oldest first. A derived row has ``parts`` (linked)
    and ``names`` (for the words comparable_sum)."""
    from build_scripts.reform import comparable

    parts: dict[tuple, list[dict]] = {}
    for row in comparable.comparable_parts(site.con, unit_id, indicator_id):
        parts.setdefault((row["period"], row["status"]), []).append({
            "unit_id": row["part_unit_id"], "name_vi": row["part_name_vi"], "name_en": row["part_name_en"],
            "value": row["part_value"], "backcast": row["part_backcast"], "source_url": row["part_source_url"],
            "source_publisher": row["part_source_publisher"], "source_title": row["part_source_title"],
        })
    rows = [{**row, "parts": [], "names": ""} for row in site.q("indicator_series", indicator_id=indicator_id, unit_id=unit_id)]
    for row in site.q("unit_derived_series", unit_id=unit_id, indicator_id=indicator_id):
        linked = with_links(parts.get((row["period"], row["status"]), []), site, here)
        rows.append({**row, "parts": linked, "names": names_text(linked, lang)})
    return sorted(rows, key=lambda r: (r["end_date"], -r["start_date"].toordinal(), r["kind"] == "target", r["period"]))


def derived_by_indicator(site: Site, unit_id: str, here: str, lang: str) -> list[dict]:
    """Every derived point of one post-2025 province with its parts, grouped by indicator in catalogue order:
    [{indicator_id, name, decimals, unit_label, href, points: [{period, status, value, parts, names}]}]."""
    groups: dict[str, dict] = {}
    points: dict[tuple, dict] = {}
    for row in site.q("unit_derived_parts", unit_id=unit_id, themes=site.themes):
        group = groups.setdefault(row["indicator_id"], {
            "indicator_id": row["indicator_id"], "name": row[f"name_{lang}"], "decimals": row["decimals"],
            "unit_label": i18n.label(lang, "units", row["unit"]),
            "href": href(here, f"indicators/{row['indicator_id']}") if row["indicator_id"] in site.indicators_by_id else None,
            "points": [],
        })
        key = (row["indicator_id"], row["period"], row["status"])
        if key not in points:
            points[key] = {"period": row["period"], "status": row["status"], "value": row["value"], "parts": []}
            group["points"].append(points[key])
        points[key]["parts"].append({
            "unit_id": row["part_unit_id"], "name_vi": row["part_name_vi"], "name_en": row["part_name_en"],
            "value": row["part_value"], "backcast": row["part_backcast"], "source_url": row["part_source_url"],
            "source_publisher": row["part_source_publisher"], "source_title": row["part_source_title"],
        })
    for group in groups.values():
        for point in group["points"]:
            point["parts"] = with_links(point["parts"], site, here)
            point["names"] = names_text(point["parts"], lang)
    return list(groups.values())
