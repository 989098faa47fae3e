"""Release pages (/data/releases/<version>/): for each release of CHANGELOG.md, what it changed against the
release before it (build_scripts/releases.py, the comparison of ``python -m build_scripts diff``): figures
added, changed (old and new value) and removed, sources added and removed, derived sums that moved; the
first release says it is the first. Long lists stop at MAX_ROWS rows, with the number left out."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from build_scripts import changelog, releases
from build_scripts.pages.data import version_text
from build_scripts.pages.site import Site, href

TEMPLATE = "release.md.j2"
MAX_ROWS = 300  # rows a table of a release page; the rest is counted (the page stays under its size limit)
FIGURE_CHANGES = ("changed", "added", "removed")


def keys(site: Site) -> list[str]:
    return [release.version for release in changelog.read_changelog(changelog.CHANGELOG).releases]


def directory(key: str) -> str:
    return f"data/releases/{key}"


def _changes(version: str, package_dir: Path) -> releases.ReleaseChanges:
    """Both languages of a page ask: compared once for a changelog, an archive folder and a package."""
    return _changes_of(version, package_dir, Path(changelog.CHANGELOG), changelog.archive_dir())


@lru_cache(maxsize=8)
def _changes_of(version: str, package_dir: Path, changelog_file: Path, archive: Path) -> releases.ReleaseChanges:
    return releases.changes(version, package_dir, changelog.read_changelog(changelog_file))


def decimals(text) -> int:
    """The decimals a value is written with in the package (its figures keep their published precision)."""
    value = str(text or "")
    return len(value.split(".", 1)[1]) if "." in value else 0


def _capped(rows: list[dict]) -> dict:
    return {"rows": rows[:MAX_ROWS], "more": max(0, len(rows) - MAX_ROWS)}


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    log = changelog.read_changelog(changelog.CHANGELOG)
    release = log.release(key)
    found = _changes(key, Path(site.package_dir))
    comparison = found.comparison
    figures = {change: [] for change in FIGURE_CHANGES}
    sources = {"added": [], "removed": []}
    derived = []
    if comparison is not None:
        for row in comparison.figures:
            if row["change"] in figures:
                figures[row["change"]].append({**row, "old_decimals": decimals(row["old_value"]), "new_decimals": decimals(row["new_value"])})
        for row in comparison.sources:
            sources[row["change"]].append(row)
        derived = comparison.derived or []
    current = release.version == site.descriptor.get("version")
    return {
        "version": version_text(release.version),
        "date": release.date,
        "notes": Markup(release.notes),  # the repository's own text, written as Markdown
        "first": found.previous is None,
        "previous": version_text(found.previous) if found.previous else None,
        "previous_href": href(here, f"{directory(found.previous)}/index.md") if found.previous else None,  # dots: a file
        "missing": found.missing,
        "compared": comparison is not None,
        "figures": {change: _capped(rows) for change, rows in figures.items()},
        "counts": {**{change: len(rows) for change, rows in figures.items()}, "derived": len(derived)},
        "sources": sources,
        "derived": _capped(derived),
        "derived_failure": comparison.derived_failure if comparison is not None else None,
        "data_href": href(here, "data"),
        "zip_href": href(here, f"downloads/{changelog.release_zip_name(release.version)}") if current else None,
        "zip_name": changelog.release_zip_name(release.version),
    }
