"""The static JSON API under /api/v1/: an index, one document an indicator and one a unit.

    api/v1/index.json                   the package, every indicator and every unit with figures, with links
    api/v1/indicators/<indicator_id>.json   the indicator, its sources and every published figure
    api/v1/units/<unit_id>.json         the unit, its sources and every published figure

Every document carries ``api_version`` ("v1") and ``package_version``. Keys are sorted; the fields are
documented in docs/api.md (a test checks the page names every field). Within v1 fields are only added;
a change that removes or renames one gets /api/v2/, and v1 stays.

Each document is made through ``store`` (build_scripts/cache.py) at the address of what it is made from:
the descriptor, its row of slice_indicators.sql / slice_units.sql, its slice's digest (slices.digests), the
sizes and digests of its slice files, and the digests of the sources (and, for a unit, of the units and
the crosswalk: its successors and predecessors). A rebuild makes again only the documents that changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts import cache
from build_scripts.store import make_now
from build_scripts.research import citation, common, links, slices

# The fields of a figure in each document: the long format less what is constant in the file or listed once.
INDICATOR_FIGURE = ("unit_id", "unit_name_vi", "unit_name_en", "period", "period_start", "period_end", "status",
                    "value", "qualifier", "shown", "producer", "source_id", "note", "note_vi")
UNIT_FIGURE = ("indicator_id", "indicator_name_vi", "indicator_name_en", "unit", "measure", "price_basis", "period",
               "period_start", "period_end", "status", "value", "qualifier", "shown", "producer", "source_id", "note",
               "note_vi")
SOURCE_FIELDS = ("source_id", "title", "publisher", "url", "published", "language", "kind", "figures")
INDICATOR_FIELDS = ("indicator_id", "theme", "name_vi", "name_en", "description_vi", "description_en", "caveats_vi",
                    "caveats_en", "unit", "measure", "price_basis", "additive", "higher_is_better", "decimals")
UNIT_FIELDS = ("unit_id", "name_vi", "name_en", "unit_type", "boundary", "region_id", "gso_code", "valid_from",
               "valid_to")


def _head(descriptor: dict) -> dict:
    licences = descriptor.get("licenses") or [{}]
    return {
        "api_version": common.API_VERSION,
        "package_version": descriptor.get("version"),
        "license": {"name": licences[0].get("name"), "url": licences[0].get("path")},
    }


def _coverage(row: dict) -> dict:
    return {"figures": row["figures"], "first_period_start": row["first_start"], "last_period_end": row["last_end"]}


def index(con, descriptor: dict, sums: dict) -> dict:
    indicators = [{
        "indicator_id": row["indicator_id"],
        "name_vi": row["name_vi"], "name_en": row["name_en"],
        "theme": row["theme"], "unit": row["unit"], "measure": row["measure"], "price_basis": row["price_basis"],
        "unit_count": row["units"],
        **_coverage(row),
        "url": common.site_url(descriptor, links.api_path("indicators", row["indicator_id"])),
        "pages": links.pages(descriptor, links.page_directory("indicators", row["indicator_id"])),
        "downloads": links.slice_downloads(descriptor, sums, "indicators", row["indicator_id"]),
    } for row in common.query(con, "slice_indicators")]
    units = [{
        "unit_id": row["unit_id"],
        "name_vi": row["name_vi"], "name_en": row["name_en"],
        "unit_type": row["unit_type"], "boundary": row["boundary"],
        "indicator_count": row["indicators"],
        **_coverage(row),
        "url": common.site_url(descriptor, links.api_path("units", row["unit_id"])),
        "pages": links.pages(descriptor, links.page_directory("units", row["unit_id"])),
        "downloads": links.slice_downloads(descriptor, sums, "units", row["unit_id"]),
    } for row in common.query(con, "slice_units")]
    package = {
        "name": descriptor.get("name"),
        "title": {lang: common.text_in(descriptor, "title", lang) for lang in common.LANGUAGES},
        "description": {lang: common.text_in(descriptor, "description", lang) for lang in common.LANGUAGES},
        "created": descriptor.get("created"),
        "homepage": common.base_url(descriptor),
        "citation": {lang: citation.package(descriptor, lang)["text"] for lang in common.LANGUAGES},
        "downloads": links.package_downloads(descriptor, sums),
        "sha256sums_url": common.site_url(descriptor, "downloads/SHA256SUMS"),
        "catalog_url": common.site_url(descriptor, "catalog.jsonld"),
    }
    return {**_head(descriptor), "url": common.site_url(descriptor, links.api_path()), "package": package,
            "indicators": indicators, "units": units}


def _figures(con, query: str, key: str, fields: tuple[str, ...]) -> list[dict]:
    return [{f: row[f] for f in fields} for row in common.query(con, query, key=key)]


def _sources(con, query: str, key: str) -> list[dict]:
    return [{f: row[f] for f in SOURCE_FIELDS} for row in common.query(con, query, key=key)]


def indicator_document(con, descriptor: dict, sums: dict, row: dict) -> dict:
    key = row["indicator_id"]
    return {
        **_head(descriptor),
        "url": common.site_url(descriptor, links.api_path("indicators", key)),
        "index_url": common.site_url(descriptor, links.api_path()),
        "indicator": {f: row[f] for f in INDICATOR_FIELDS},
        "pages": links.pages(descriptor, links.page_directory("indicators", key)),
        "downloads": links.slice_downloads(descriptor, sums, "indicators", key),
        "citation": {lang: citation.indicator(descriptor, row, lang)["text"] for lang in common.LANGUAGES},
        "sources": _sources(con, "indicator_sources", key),
        "figures": _figures(con, "indicator_slice", key, INDICATOR_FIGURE),
    }


def unit_document(con, descriptor: dict, sums: dict, row: dict) -> dict:
    key = row["unit_id"]
    unit = {f: row[f] for f in UNIT_FIELDS}
    unit["became_part_of"] = common.query(con, "unit_successors", key=key)
    unit["merged_from"] = common.query(con, "unit_predecessors", key=key)
    return {
        **_head(descriptor),
        "url": common.site_url(descriptor, links.api_path("units", key)),
        "index_url": common.site_url(descriptor, links.api_path()),
        "unit": unit,
        "pages": links.pages(descriptor, links.page_directory("units", key)),
        "downloads": links.slice_downloads(descriptor, sums, "units", key),
        "citation": {lang: citation.package(descriptor, lang)["text"] for lang in common.LANGUAGES},
        "sources": _sources(con, "unit_sources", key),
        "figures": _figures(con, "unit_slice", key, UNIT_FIGURE),
    }


def _write_doc(path: Path, make_doc) -> Path:
    return common.write_text(path, common.dumps(make_doc()))


def write_all(con, descriptor: dict, sums: dict, site_dir: Path, store=None, found: dict | None = None) -> list[Path]:
    """Write the index and every document; returns the files, sorted. Run after checksums.write. ``store``
    is cache.files (or, without it, make_now: every document made); ``found`` is slices.digests(con)
    when the caller has it already."""
    store = store or make_now
    common.ensure_long(con)
    found = slices.digests(con) if found is None else found
    tables = common.query(con, "table_digests")[0]
    head = cache.address(descriptor)
    shutil.rmtree(site_dir / "api" / common.API_VERSION, ignore_errors=True)
    indicators, units = common.query(con, "slice_indicators"), common.query(con, "slice_units")
    path = site_dir / links.api_path()
    all_sums = [[s.path, s.bytes, s.sha256] for s in sums.values()]
    store("api-index", [head, indicators, units, all_sums], [path],
          lambda: _write_doc(path, lambda: index(con, descriptor, sums)), slices.CODE)
    files = [path]
    for kind, rows, extra in (("indicators", indicators, [tables["sources"]]),
                              ("units", units, [tables["sources"], tables["units"], tables["crosswalk"]])):
        make = indicator_document if kind == "indicators" else unit_document
        for row in rows:
            key = row["indicator_id" if kind == "indicators" else "unit_id"]
            path = site_dir / links.api_path(kind, key)
            parts = [head, row, found[(kind, key)]["digest"], links.slice_downloads(descriptor, sums, kind, key), extra]
            store(f"api-{kind}", parts, [path], lambda path=path, make=make, row=row: _write_doc(path, lambda: make(con, descriptor, sums, row)),
                  slices.CODE)
            files.append(path)
    return sorted(files)
