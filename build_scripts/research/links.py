"""The public addresses and the download records of a slice, shared by the API, DCAT and JSON-LD.

A download record is ``{"format", "media_type", "url", "bytes", "sha256"}``; sizes and digests come from
``checksums.compute`` (so a record is only made for a file that exists).
"""

from __future__ import annotations

from build_scripts.research import common

MEDIA_TYPES = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "json": "application/json",
    "zip": "application/zip",
}
SLICE_FORMATS = ("csv", "parquet", "json")


def api_path(kind: str | None = None, key: str | None = None) -> str:
    """api/v1/index.json, api/v1/indicators/<id>.json or api/v1/units/<id>.json (from the site root)."""
    if kind is None:
        return f"api/{common.API_VERSION}/index.json"
    return f"api/{common.API_VERSION}/{kind}/{key}.json"


def page_directory(kind: str, key: str) -> str:
    """The site's page of an indicator or a unit (units are on the province pages)."""
    return f"indicators/{key}" if kind == "indicators" else f"provinces/{key}"


def pages(descriptor: dict, directory: str) -> dict[str, str]:
    return {lang: common.site_url(descriptor, common.page_path(directory, lang)) for lang in common.LANGUAGES}


def download(descriptor: dict, sums: dict, path: str) -> dict:
    info = sums[path]
    fmt = path.rsplit(".", 1)[-1]
    return {"format": fmt, "media_type": MEDIA_TYPES.get(fmt, "application/octet-stream"),
            "url": common.site_url(descriptor, path), "path": path, "bytes": info.bytes, "sha256": info.sha256}


def slice_downloads(descriptor: dict, sums: dict, kind: str, key: str) -> dict[str, dict]:
    return {fmt: download(descriptor, sums, f"downloads/{kind}/{key}.{fmt}") for fmt in SLICE_FORMATS}


def package_downloads(descriptor: dict, sums: dict) -> list[dict]:
    """The package's own downloads: every file under downloads/ that is not a slice, sorted by path."""
    return [download(descriptor, sums, path) for path in sorted(sums)
            if not path.startswith(("downloads/indicators/", "downloads/units/"))]
