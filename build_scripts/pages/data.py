"""Data page (/data/): the package (its version and zip with checksum), the releases of CHANGELOG.md, every
resource with its schema as a table, its row count and downloads; the downloads by indicator and by unit
are on their own pages (data_slices.py), linked from here."""

from __future__ import annotations

import re

from markupsafe import Markup

from build_scripts import changelog, db, settings
from build_scripts.pages.site import Site, href
from build_scripts.pages import fragments

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
    version = site.descriptor.get("version")
    zip_name = changelog.release_zip_name(version) if version else f"{site.descriptor['name']}.zip"
    return {
        "version": version_text(version) if version else None,
        "releases": releases(here, version),
        "explore_href": href(here, "data/explore"),
        "package": site.descriptor,
        "title": site.descriptor.get("titles", {}).get(lang, site.descriptor.get("title", "")),
        "package_description": site.descriptor.get("descriptions", {}).get(lang, site.descriptor.get("description", "")),
        "resources": resources,
        "zip_name": zip_name,
        "zip_href": href(here, f"downloads/{zip_name}"),
        "checksum_name": f"{zip_name}.sha256" if version else None,
        "checksum_href": href(here, f"downloads/{zip_name}.sha256") if version else None,
        "descriptor_href": href(here, "downloads/datapackage.json"),
        "licenses": site.descriptor.get("licenses", []),
        "research": fragments.data(site.research, lang, *fragments.snippet_subject(
            site.research, site.focus_id, [row["indicator_id"] for row in site.indicators if row.get("headline")])),
        "slice_pages": slice_pages(site, here),
        "base_url": Markup(base) if re.fullmatch(r"https?://[A-Za-z0-9._/-]+", base) else Markup("https://example.org"),
    }


def slice_pages(site: Site, here: str) -> list[dict]:
    """The pages of downloads by indicator and by unit (build_scripts/pages/data_slices.py), with their counts."""
    from build_scripts.pages import data_slices

    if site.research is None:
        return []
    return [{"kind": kind, "href": href(here, data_slices.directory(kind)), "count": len(site.research.slices_of(kind))}
            for kind in data_slices.KINDS if site.research.slices_of(kind)]


def releases(here: str, version: str | None) -> list[dict]:
    """The data releases of CHANGELOG.md, newest first; the one of the package's version links its zip and
    checksum (the site publishes only the current release's files). Notes are the maintainers' Markdown."""
    rows = []
    for release in changelog.read_changelog(changelog.CHANGELOG).releases:
        current = release.version == version
        rows.append({
            "version": version_text(release.version),
            "date": release.date,
            "notes": Markup(release.notes),  # the repository's own text, written as Markdown
            "current": current,
            "page_href": href(here, f"data/releases/{release.version}/index.md"),  # a version has dots: name the page file
            "zip_name": release.zip_name,
            "zip_href": href(here, f"downloads/{release.zip_name}") if current else None,
            "checksum_name": release.checksum_name,
            "checksum_href": href(here, f"downloads/{release.checksum_name}") if current else None,
        })
    return rows


def version_text(version: str) -> Markup:
    """A version number (digits and dots: changelog and downloads check it) needs no escaping."""
    if not re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", str(version)):
        raise ValueError(f"datapackage.json: the version {str(version)!r} is not MAJOR.MINOR.PATCH (for example 0.2.0)")
    return Markup(version)
