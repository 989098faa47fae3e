"""The data releases: CHANGELOG.md parsed into releases (version, date, notes), and the names of release files.

CHANGELOG.md has one level-2 heading a release, newest first: ``## 0.2.0 - 2026-12-15`` (or ``## [0.2.0] - ...``),
and optionally ``## Unreleased`` above them. Everything under a heading up to the next is that release's notes,
in Markdown. The site's data page lists the releases; each release's zip is named ``release_zip_name(version)``
with ``<zip>.sha256`` beside it.

As a command (used by the release workflow)::

    python -m build_scripts.changelog check [--tag vX.Y.Z]   # the latest release is the package's version
    python -m build_scripts.changelog notes X.Y.Z             # the notes of a release, as Markdown
    python -m build_scripts.changelog zip-name X.Y.Z          # bac-ninh-open-data-X.Y.Z.zip
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHANGELOG = Path(os.environ.get("BN_CHANGELOG") or ROOT / "CHANGELOG.md")  # BN_CHANGELOG: tests build other histories
PACKAGE = ROOT / "datapackage"
PACKAGE_NAME = "bac-ninh-open-data"

_HEADING = re.compile(r"^## (?P<title>.*?)\s*$")
_RELEASE = re.compile(r"^\[?(?P<version>\d+\.\d+\.\d+)\]? - (?P<date>\d{4}-\d{2}-\d{2})$")
_UNRELEASED = re.compile(r"^\[?Unreleased\]?$", re.IGNORECASE)


class ChangelogError(ValueError):
    """A changelog that cannot be read: the message names the file and line."""


@dataclass(frozen=True)
class Release:
    version: str
    date: datetime.date
    notes: str  # Markdown, without the heading; empty if the release has no notes

    @property
    def zip_name(self) -> str:
        return release_zip_name(self.version)

    @property
    def checksum_name(self) -> str:
        return f"{self.zip_name}.sha256"


@dataclass(frozen=True)
class Changelog:
    unreleased: str  # notes under "## Unreleased", empty if none
    releases: tuple[Release, ...]  # newest first

    @property
    def latest(self) -> Release | None:
        return self.releases[0] if self.releases else None

    def release(self, version: str) -> Release | None:
        return next((r for r in self.releases if r.version == version), None)


def release_zip_name(version: str) -> str:
    """The file name of a release's zip: bac-ninh-open-data-0.1.0.zip."""
    return f"{PACKAGE_NAME}-{version}.zip"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksum(path: Path) -> Path:
    """Write ``<path>.sha256`` in the form ``sha256sum --check`` reads; return its path."""
    target = path.with_name(path.name + ".sha256")
    target.write_text(f"{sha256_of(path)}  {path.name}\n", encoding="utf-8", newline="\n")
    return target


def read_changelog(path: Path = CHANGELOG) -> Changelog:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ChangelogError(f"{path}: the changelog is missing.") from None
    except UnicodeDecodeError:
        raise ChangelogError(f"{path}: the changelog is not UTF-8 text.") from None
    return parse_changelog(text, str(path))


def parse_changelog(text: str, file: str = "CHANGELOG.md") -> Changelog:
    sections: list[tuple[int, str, list[str]]] = []  # (line number, heading title, body lines)
    for number, line in enumerate(text.splitlines(), start=1):
        heading = _HEADING.match(line)
        if heading:
            sections.append((number, heading["title"], []))
        elif sections:
            sections[-1][2].append(line)

    unreleased = ""
    releases: list[Release] = []
    for number, title, body in sections:
        notes = "\n".join(body).strip()
        if _UNRELEASED.match(title):
            if releases or unreleased:
                raise ChangelogError(f"{file}:{number}: '## Unreleased' must come once, above every release.")
            unreleased = notes
            continue
        match = _RELEASE.match(title)
        if not match:
            raise ChangelogError(f"{file}:{number}: the heading '## {title}' is not '## VERSION - YYYY-MM-DD' (for example '## 0.2.0 - 2026-12-15') nor '## Unreleased'.")
        try:
            date = datetime.date.fromisoformat(match["date"])
        except ValueError:
            raise ChangelogError(f"{file}:{number}: {match['date']} is not a date.") from None
        release = Release(match["version"], date, notes)
        if releases:
            newer = releases[-1]
            if _key(release.version) >= _key(newer.version):
                raise ChangelogError(f"{file}:{number}: release {release.version} comes below {newer.version}: releases go newest first, each version once.")
            if release.date > newer.date:
                raise ChangelogError(f"{file}:{number}: release {release.version} is dated {release.date}, after {newer.version} ({newer.date}).")
        releases.append(release)
    return Changelog(unreleased, tuple(releases))


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def package_version(package: Path = PACKAGE) -> str | None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    return descriptor.get("version")


def check(changelog: Changelog, version: str | None, tag: str | None = None) -> list[str]:
    """What is inconsistent between the changelog, the package's version and a release tag; empty if nothing."""
    problems = []
    latest = changelog.latest
    if latest is None:
        problems.append("CHANGELOG.md has no release.")
    elif latest.version != version:
        problems.append(f"the latest release in CHANGELOG.md is {latest.version}, but datapackage.json has version {version}.")
    if tag is not None and tag != f"v{version}":
        problems.append(f"the tag {tag} is not v{version}, the version in datapackage.json.")
    problems.extend(archive_problems(changelog, version))
    return problems


ARCHIVE_NAME = "releases"


def archive_dir() -> Path:
    """releases/ of the repository, or the folder BN_RELEASES_DIR names (tests build other histories)."""
    given = os.environ.get("BN_RELEASES_DIR")
    return Path(given) if given else ROOT / ARCHIVE_NAME


def archive_path(version: str) -> Path:
    """The committed archive of a released version's package (build_scripts/releases.py writes it)."""
    return archive_dir() / release_zip_name(version)


def archive_problems(changelog: Changelog, version: str | None) -> list[str]:
    """The release before ``version`` must be in the release archive (releases/), which its release page
    compares with: a release whose previous package is missing could not say what it changed."""
    versions = [release.version for release in changelog.releases]
    if version not in versions or versions.index(version) + 1 >= len(versions):
        return []
    previous = versions[versions.index(version) + 1]
    if archive_path(previous).is_file():
        return []
    return [f"releases/{release_zip_name(previous)} is missing: the page of release {version} compares with it "
            f"(write it from the previous release's tag: git worktree add /tmp/v{previous} v{previous}, then "
            f"python -m build_scripts.releases archive --package /tmp/v{previous}/datapackage)."]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m build_scripts.changelog", description="The data releases recorded in CHANGELOG.md.")
    parser.add_argument("--changelog", type=Path, default=CHANGELOG, help="default: CHANGELOG.md")
    sub = parser.add_subparsers(dest="command", required=True)
    check_parser = sub.add_parser("check", help="the latest release is the version of datapackage.json (and of --tag)")
    check_parser.add_argument("--package", type=Path, default=PACKAGE)
    check_parser.add_argument("--tag", help="the git tag being released, vX.Y.Z")
    sub.add_parser("notes", help="the notes of a release").add_argument("version")
    sub.add_parser("zip-name", help="the file name of a release's zip").add_argument("version")
    args = parser.parse_args(argv)

    if args.command == "zip-name":
        print(release_zip_name(args.version))
        return 0
    try:
        changelog = read_changelog(args.changelog)
    except ChangelogError as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "notes":
        release = changelog.release(args.version)
        if release is None:
            print(f"{args.changelog}: there is no release {args.version}.", file=sys.stderr)
            return 1
        print(release.notes)
        return 0
    try:
        version = package_version(args.package)
    except (OSError, ValueError) as error:
        print(f"{args.package / 'datapackage.json'}: cannot read the package version ({error}).", file=sys.stderr)
        return 1
    problems = check(changelog, version, args.tag)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"release {version}: CHANGELOG.md, datapackage.json{' and the tag' if args.tag else ''} agree.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
