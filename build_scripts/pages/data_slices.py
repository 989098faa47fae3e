"""Downloads by indicator and by unit (/data/indicators/, /data/units/): each slice of the package (one file a
indicator or unit, in CSV, Parquet and JSON, its rows, size and SHA-256, and its API file), moved off /data/
so that page stays light; cut into parts (/data/indicators/2/...) when one page would be too heavy.

The table is the research blocks' own (templates/research/_slices.md.j2, words in research/i18n), filled with
this page's rows, so its links are relative to this page."""

from __future__ import annotations

from markupsafe import Markup

from build_scripts.pages import parts, render
from build_scripts.pages.site import Site, href
from build_scripts.pages import fragments
from build_scripts.research import common, links

TEMPLATE = "data_slices.md.j2"
KINDS = ("indicators", "units")  # the slices' kinds, each a page
TITLE_KEYS = {"indicators": ("slices_title_indicators", "slice_indicator_name"),
              "units": ("slices_title_units", "slice_unit_name")}
ROW_MARKUP = 760  # three files (link, size, SHA-256 with its title), the API link and the table cells


def _entry(pub, kind: str, key: str) -> dict:
    return pub.indicator_entry(key) if kind == "indicators" else pub.unit_entry(key)


def row_weight(pub, kind: str, item) -> int:
    entry = _entry(pub, kind, item.key)
    return parts.weight(entry.get("name_vi") or item.key, item.key, item.key, markup=ROW_MARKUP) + 3 * len(item.key)


def cut(pub, kind: str) -> list[range]:
    return parts.pack([row_weight(pub, kind, item) for item in pub.slices_of(kind)])


def keys(site: Site) -> list[str]:
    if site.research is None:  # a build without downloads: no slices to list
        return []
    return [key for kind in KINDS if site.research.slices_of(kind) for key in parts.part_keys(kind, len(cut(site.research, kind)))]


def directory(key: str) -> str:
    return f"data/{key}"


def table(pub, kind: str, items: list, lang: str, here: str) -> Markup:
    """The slices' table (the research template) for these items, linked from this page."""
    rows = []
    for item in items:
        entry = _entry(pub, kind, item.key)
        rows.append({
            "key": fragments.code(item.key),
            "name": entry.get(f"name_{lang}") or item.key,
            "rows": item.rows,
            "page_href": href(here, links.page_directory(kind, item.key)) if pub.has_page(kind, item.key) else None,
            "files": [{**record, "name": record["path"].rsplit("/", 1)[-1], "href": fragments.href(here, record["path"])}
                      for record in links.slice_downloads(pub.descriptor, pub.sums, kind, item.key).values()],
            "api_href": fragments.href(here, links.api_path(kind, item.key)),
        })
    title_key, name_key = TITLE_KEYS[kind]
    group = {"title": common.t(lang, title_key), "name_header": common.t(lang, name_key), "items": rows}
    text = render.environment(lang).get_template("research/_slices.md.j2").render(
        w=common.words(lang), groups=[group], sums_href=fragments.href(here, "downloads/SHA256SUMS"))
    return Markup("\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n")  # Markdown the template escaped


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    kind, n = parts.split_key(key)
    pub = site.research
    items = pub.slices_of(kind)
    ranges = cut(pub, kind)
    return {
        "kind": kind,
        "table": table(pub, kind, [items[i] for i in ranges[n - 1]], lang, here),
        "count": len(items),
        "part": n,
        "part_count": len(ranges),
        "part_links": parts.links(here, f"data/{kind}", len(ranges), n, href),
        "data_href": href(here, "data"),
    }
