"""Sources index (/sources/): every source, newest first, grouped by year of publication, one line a source
(its title linked to its own page /sources/<source_id>/, publisher, date, number of figures).

When the whole list would make a page over the weight budget (build_scripts/pages/parts.py), /sources/ lists
the years, each with its own page /sources/<year>/ (undated sources: /sources/undated/), itself cut into
parts when one year is over the budget."""

from __future__ import annotations

from itertools import groupby

from build_scripts.pages import parts
from build_scripts.pages.site import Site, href

TEMPLATE = "sources.md.j2"
UNDATED = "undated"
ROW_MARKUP = 140  # the row's table cells, its link to the source page and the figure count's words


class SourceIdClash(ValueError):
    """A source id that is also the address of a year's list of sources."""


def year_of(source: dict) -> str:
    return source["published"][:4] if source.get("published") else UNDATED


def row_weight(source: dict) -> int:
    return parts.weight(source.get("title"), source.get("publisher"), source.get("published"), source["source_id"],
                        markup=ROW_MARKUP)


def source_rows(site: Site) -> list[dict]:
    """Every source with its counts, the newest first, undated last (queried once a site: every page reads it)."""
    if getattr(site, "_sources_list", None) is None:
        site._sources_list = site.q("sources_list")
    return site._sources_list


def years(site: Site) -> list[tuple[str, list[dict]]]:
    """The sources grouped by year of publication: the newest year first, undated sources last."""
    rows = source_rows(site)
    return [(year, list(group)) for year, group in groupby(rows, key=year_of)]


def by_year(groups: list[tuple[str, list[dict]]]) -> bool:
    """Whether the list is too heavy for one page and goes on a page a year."""
    return sum(row_weight(s) for _, rows in groups for s in rows) > parts.BUDGET


def year_parts(rows: list[dict]) -> list[range]:
    return parts.pack([row_weight(s) for s in rows])


def keys(site: Site) -> list[str]:
    groups = years(site)
    if not by_year(groups):
        return [""]
    clash = sorted({year for year, _ in groups} & {s["source_id"] for _, rows in groups for s in rows})
    if clash:
        raise SourceIdClash(f"sources.csv: source_id {clash[0]!r} is also the address of the list of sources published "
                            f"in {clash[0]} (/sources/{clash[0]}/); give the source another id")
    out = [""]
    for year, rows in groups:
        out += parts.part_keys(year, len(year_parts(rows)))
    return out


def index_directory(site: Site, source_id: str) -> str:
    """The page of the index that lists a source: /sources/, or its year's page (or part of it)."""
    groups = years(site)
    if not by_year(groups):
        return "sources"
    for year, rows in groups:
        ids = [s["source_id"] for s in rows]
        if source_id in ids:
            n = next(k for k, cut in enumerate(year_parts(rows), 1) if ids.index(source_id) in cut)
            return directory(parts.part_keys(year, n)[-1])
    return "sources"


def directory(key: str) -> str:
    return f"sources/{key}" if key else "sources"


def _row(source: dict, here: str) -> dict:
    return {**source, "href": href(here, f"sources/{source['source_id']}")}


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    groups = years(site)
    common = {"year_label": lambda year: year, "undated": UNDATED, "total": sum(len(rows) for _, rows in groups),
              "index_href": href(here, "sources"), "figures": sum(s["figures"] for _, rows in groups for s in rows)}
    if not key:
        if not by_year(groups):
            return {**common, "mode": "all", "groups": [(year, [_row(s, here) for s in rows]) for year, rows in groups]}
        return {**common, "mode": "years",
                "years": [{"year": year, "href": href(here, f"sources/{year}"), "sources": len(rows),
                           "figures": sum(s["figures"] for s in rows)} for year, rows in groups]}
    year, n = parts.split_key(key)
    rows = dict(groups)[year]
    cut = year_parts(rows)
    return {**common, "mode": "year", "year": year,
            "groups": [(year, [_row(rows[i], here) for i in cut[n - 1]])],
            "part": n, "part_count": len(cut),
            "part_links": parts.links(here, f"sources/{year}", len(cut), n, href)}
