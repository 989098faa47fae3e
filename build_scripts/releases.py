"""What each data release changed against the one before it, for the release pages (/data/releases/<version>/).

The previous release's package comes from the release archive committed in the repository: ``releases/``
holds, for every release of CHANGELOG.md, the zip of ``datapackage/`` as it was released
(``bac-ninh-open-data-<version>.zip``: datapackage.json and data/*.csv). The build reads it offline and the
same archive gives the same page. The release of the package being built is ``datapackage/`` itself.
The comparison is the one of ``python -m build_scripts diff`` (build_scripts/diff): figures added, changed
and removed, sources added and removed, the derived sums that moved.

Making an archive (at the release's tag, before the next release is cut)::

    python -m build_scripts.releases archive [--package DIR]    # releases/bac-ninh-open-data-<version>.zip
"""

from __future__ import annotations

import json
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from build_scripts import changelog


def package_members(package_dir: Path) -> dict[str, bytes]:
    """datapackage.json and the files of its resources, by their path in the package."""
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    members = {"datapackage.json": (package_dir / "datapackage.json").read_bytes()}
    for resource in descriptor.get("resources", []):
        members[resource["path"]] = (package_dir / resource["path"]).read_bytes()
    return members


def write_archive(package_dir: Path, dest: Path | None = None) -> Path:
    """The archive of the package's version (fixed dates and modes: the same package gives the same bytes)."""
    from build_scripts import downloads

    version = changelog.package_version(package_dir)
    downloads.check_version(version)
    if not version:
        raise ValueError(f"{package_dir / 'datapackage.json'}: the package has no version to archive")
    dest = dest or changelog.archive_path(version)
    dest.parent.mkdir(parents=True, exist_ok=True)
    return downloads.write_zip(package_members(package_dir), dest)


@dataclass
class ReleaseChanges:
    version: str
    previous: str | None  # the release before it in CHANGELOG.md; None for the first release
    comparison: object | None = None  # build_scripts.diff.Comparison, when both packages could be read
    missing: str | None = None  # the archive that is not there, when a package could not be had


def _extract(archive: Path, folder: Path) -> Path:
    with zipfile.ZipFile(archive) as zipped:
        for member in zipped.infolist():
            target = (folder / member.filename).resolve()
            if not target.is_relative_to(folder.resolve()):
                raise ValueError(f"{archive}: the member {member.filename} lies outside the package")
        zipped.extractall(folder)
    return folder


def changes(version: str, package_dir: Path, log: changelog.Changelog | None = None) -> ReleaseChanges:
    """What release ``version`` changed against the release before it. The package of the version being
    built is package_dir; any other comes from its archive."""
    from build_scripts.diff import compare_packages

    log = log or changelog.read_changelog(changelog.CHANGELOG)
    versions = [release.version for release in log.releases]  # newest first
    previous = versions[versions.index(version) + 1] if versions.index(version) + 1 < len(versions) else None
    result = ReleaseChanges(version, previous)
    if previous is None:
        return result
    current = changelog.package_version(package_dir)
    with tempfile.TemporaryDirectory(prefix="release-") as tmp:
        sides = {}
        for name in (previous, version):
            if name == current:
                sides[name] = package_dir
            elif changelog.archive_path(name).is_file():
                sides[name] = _extract(changelog.archive_path(name), Path(tmp) / name)
            else:
                result.missing = f"{changelog.ARCHIVE_NAME}/{changelog.release_zip_name(name)}"
                return result
        result.comparison = compare_packages(str(sides[previous]), sides[version])
    return result


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m build_scripts.releases", description="The release archive (releases/).")
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("archive", help="write releases/<zip> of the package's version")
    make.add_argument("--package", type=Path, default=changelog.PACKAGE)
    args = parser.parse_args(argv)
    try:
        path = write_archive(args.package)
    except (OSError, ValueError, KeyError) as error:
        print(f"{args.package}: cannot archive the package ({error})", file=sys.stderr)
        return 1
    print(f"wrote {path} ({changelog.sha256_of(path)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
