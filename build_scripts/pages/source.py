"""Source page (/sources/<source_id>/): one source (its address, publisher, date, kind and language) and every
figure that rests on it, one row an indicator and unit with its figures in time order. A source with more
figures than one page carries is cut into parts (/sources/<source_id>/2/...; build_scripts/pages/parts.py)."""

from __future__ import annotations

from itertools import groupby

from build_scripts import i18n
from build_scripts.pages import parts, sources, titles
from build_scripts.pages.site import Site, href

TEMPLATE = "source.md.j2"
ROW_MARKUP = 230  # two links (indicator and unit pages), the unit's label and the row's table cells
FIGURE_CHARS = 32  # a figure in its cell: the period in words, the value and the separator


def row_weight(name_chars: int, figures: int) -> int:
    return ROW_MARKUP + 2 * name_chars + FIGURE_CHARS * figures  # Vietnamese letters take two bytes


def cuts(site: Site) -> dict[str, list[range]]:
    """Every source's rows cut into parts, by source id (a source without figures: one part, no rows)."""
    out: dict[str, list[range]] = {}
    for source_id, rows in groupby(site.q("source_figure_rows", themes=site.themes), key=lambda r: r["source_id"]):
        out[source_id] = parts.pack([row_weight(r["name_chars"], r["figures"]) for r in rows])
    return out


def keys(site: Site) -> list[str]:
    cut = cuts(site)
    out = []
    for source in sources.source_rows(site):
        out += parts.part_keys(source["source_id"], len(cut.get(source["source_id"], [range(0)])))
    return sorted(out, key=lambda k: parts.split_key(k))


def directory(key: str) -> str:
    return f"sources/{key}"


def page_rows(site: Site, source_id: str, lang: str) -> list[dict]:
    """One row an indicator and unit, its figures in time order (as source_figure_rows.sql counts them)."""
    rows = []
    figures = site.q("source_page_figures", source_id=source_id, themes=site.themes)
    for _, group in groupby(figures, key=lambda r: (r["indicator_id"], r["unit_id"])):
        group = list(group)
        rows.append({**group[0], "figures": group, "unit_label": i18n.label(lang, "units", group[0]["unit"])})
    return rows


def with_links(site: Site, rows: list[dict], here: str) -> list[dict]:
    """The rows a part shows, with links to their indicator's and unit's pages (made for these rows only:
    a source of thousands of rows is cut into parts that each link a few hundred)."""
    units, indicators = site.units_by_id, site.indicators_by_id
    return [{**row,
             "indicator_href": href(here, f"indicators/{row['indicator_id']}")
             if row["indicator_id"] in indicators else None,
             "unit_href": href(here, f"provinces/{row['unit_id']}") if row["unit_id"] in units else None}
            for row in rows]


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    source_id, n = parts.split_key(key)
    source = next(s for s in sources.source_rows(site) if s["source_id"] == source_id)
    rows = page_rows(site, source_id, lang)
    cut = parts.pack([row_weight(len(r["indicator_name_vi"]) + len(r["name_vi"]), len(r["figures"])) for r in rows])
    return {
        "source": source,
        "page_title": titles.front_matter_title((source.get("title") or source.get("publisher") or source_id) + (
            f" ({i18n.t(lang, 'split.part_of', n=n, count=len(cut))})" if len(cut) > 1 else "")),
        "rows": with_links(site, [rows[i] for i in cut[n - 1]], here),
        "part": n,
        "part_count": len(cut),
        "part_links": parts.links(here, f"sources/{source_id}", len(cut), n, href),
        "index_href": href(here, sources.index_directory(site, source_id)),
        "period": lambda p: site.period_label(p, lang),
    }
