"""Data page (/data/): every resource with its schema as a table, its row count and downloads; the package."""

from __future__ import annotations

import re

from markupsafe import Markup

from build_scripts import db, settings
from build_scripts.pages.site import Site, href
from build_scripts.research import fragments

TEMPLATE = "data.md.j2"
FORMATS = ("csv", "parquet", "json")


def keys(site: Site) -> list[str]:
    return [""]


def directory(key: str) -> str:
    return "data"


def code_name(name: str) -> Markup:
    """A resource name inside a code block (no escaping there): only names that are plain identifiers."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"resource name {name!r} is not a plain identifier")
    return Markup(name)


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    resources = []
    order = list(settings.RESOURCES)
    for res in sorted(site.descriptor["resources"], key=lambda r: (order.index(r["name"]) if r["name"] in order else len(order), r["name"])):
        schema = res["schema"]
        resources.append({
            "name": res["name"],
            "code_name": code_name(res["name"]),
            "title": res.get("title", res["name"]),
            "description": res.get("description", ""),
            "rows": db.row_count(site.con, res["name"]),
            "fields": schema["fields"],
            "primary_key": schema.get("primaryKey", []),
            "foreign_keys": schema.get("foreignKeys", []),
            "downloads": [(f"{res['name']}.{fmt}", href(here, f"downloads/{res['name']}.{fmt}")) for fmt in FORMATS],
        })
    base = site.descriptor.get("homepage", "").rstrip("/")
    return {
        "package": site.descriptor,
        "title": site.descriptor.get("titles", {}).get(lang, site.descriptor.get("title", "")),
        "package_description": site.descriptor.get("descriptions", {}).get(lang, site.descriptor.get("description", "")),
        "resources": resources,
        "zip_name": f"{site.descriptor['name']}.zip",
        "zip_href": href(here, f"downloads/{site.descriptor['name']}.zip"),
        "descriptor_href": href(here, "downloads/datapackage.json"),
        "licenses": site.descriptor.get("licenses", []),
        "research": fragments.data(site.research, lang, *fragments.snippet_subject(
            site.research, site.focus_id, [row["indicator_id"] for row in site.indicators if row.get("headline")])),
        "base_url": Markup(base) if re.fullmatch(r"https?://[A-Za-z0-9._/-]+", base) else Markup("https://example.org"),
    }
