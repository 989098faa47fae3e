"""CHANGELOG.md: parsed into releases for the data page and the versioned zip, and kept in step with the package."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.changelog import ChangelogError, check, parse_changelog, read_changelog, release_zip_name, write_checksum

ROOT = Path(__file__).resolve().parents[1]

SAMPLE = """# Changelog

Intro text.

## Unreleased

- Hà Nội's 2025 GRDP.

## [0.2.0] - 2026-12-15

- Bắc Ninh's 2025-9M figures.

### Corrected

- 2024 GRDP of Bắc Giang (pre-2025).

## 0.1.0 - 2026-11-25

- First release.
"""


def test_releases_are_read_newest_first_with_version_date_and_notes():
    changelog = parse_changelog(SAMPLE)
    assert changelog.unreleased == "- Hà Nội's 2025 GRDP."
    assert [(r.version, r.date) for r in changelog.releases] == [("0.2.0", datetime.date(2026, 12, 15)), ("0.1.0", datetime.date(2026, 11, 25))]
    assert changelog.latest.notes == "- Bắc Ninh's 2025-9M figures.\n\n### Corrected\n\n- 2024 GRDP of Bắc Giang (pre-2025)."
    assert changelog.latest.zip_name == "bac-ninh-open-data-0.2.0.zip"
    assert changelog.latest.checksum_name == "bac-ninh-open-data-0.2.0.zip.sha256"


@pytest.mark.parametrize(
    "text, message",
    [
        ("# C\n\n## 0.1 - 2026-11-25\n", "CHANGELOG.md:3: the heading '## 0.1 - 2026-11-25' is not '## VERSION - YYYY-MM-DD' (for example '## 0.2.0 - 2026-12-15') nor '## Unreleased'."),
        ("## 0.1.0 - 2026-02-30\n", "CHANGELOG.md:1: 2026-02-30 is not a date."),
        ("## 0.1.0 - 2026-11-25\n\n## 0.2.0 - 2026-10-01\n", "CHANGELOG.md:3: release 0.2.0 comes below 0.1.0: releases go newest first, each version once."),
        ("## 0.2.0 - 2026-11-25\n\n## 0.1.0 - 2026-12-01\n", "CHANGELOG.md:3: release 0.1.0 is dated 2026-12-01, after 0.2.0 (2026-11-25)."),
        ("## 0.1.0 - 2026-11-25\n## Unreleased\n", "CHANGELOG.md:2: '## Unreleased' must come once, above every release."),
    ],
)
def test_a_malformed_changelog_names_the_line(text, message):
    with pytest.raises(ChangelogError) as raised:
        parse_changelog(text)
    assert str(raised.value) == message


def test_the_repository_changelog_records_the_package_version():
    changelog = read_changelog(ROOT / "CHANGELOG.md")
    version = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert check(changelog, version) == []
    assert all(release.notes for release in changelog.releases), "every release says what it changed"


def test_check_reports_a_version_or_tag_out_of_step():
    changelog = parse_changelog(SAMPLE)
    assert check(changelog, "0.3.0", "v0.2.0") == [
        "the latest release in CHANGELOG.md is 0.2.0, but datapackage.json has version 0.3.0.",
        "the tag v0.2.0 is not v0.3.0, the version in datapackage.json.",
    ]


def test_the_checksum_file_is_what_sha256sum_checks(tmp_path):
    archive = tmp_path / release_zip_name("0.1.0")
    archive.write_bytes(b"zip bytes")
    checksum = write_checksum(archive)
    assert checksum.name == "bac-ninh-open-data-0.1.0.zip.sha256"
    assert checksum.read_text() == f"{hashlib.sha256(b'zip bytes').hexdigest()}  bac-ninh-open-data-0.1.0.zip\n"
    assert subprocess.run(["sha256sum", "--check", "--quiet", checksum.name], cwd=tmp_path).returncode == 0


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "build_scripts.changelog", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def test_the_release_commands(tmp_path):
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(SAMPLE, encoding="utf-8")
    package = tmp_path / "package"
    package.mkdir()
    (package / "datapackage.json").write_text(json.dumps({"version": "0.2.0"}))
    archive = {"BN_RELEASES_DIR": str(tmp_path / "releases")}  # 0.2.0's page compares with 0.1.0's package
    unarchived = run("--changelog", str(changelog), "check", "--package", str(package), "--tag", "v0.2.0", env=archive)
    assert unarchived.returncode == 1 and unarchived.stderr.startswith("releases/bac-ninh-open-data-0.1.0.zip is missing")
    (tmp_path / "releases").mkdir()
    (tmp_path / "releases" / "bac-ninh-open-data-0.1.0.zip").write_bytes(b"PK")
    ok = run("--changelog", str(changelog), "check", "--package", str(package), "--tag", "v0.2.0", env=archive)
    assert (ok.returncode, ok.stdout) == (0, "release 0.2.0: CHANGELOG.md, datapackage.json and the tag agree.\n")
    wrong = run("--changelog", str(changelog), "check", "--package", str(package), "--tag", "v0.2.1", env=archive)
    assert (wrong.returncode, wrong.stderr) == (1, "the tag v0.2.1 is not v0.2.0, the version in datapackage.json.\n")
    assert run("--changelog", str(changelog), "notes", "0.1.0").stdout == "- First release.\n"
    missing = run("--changelog", str(changelog), "notes", "9.9.9")
    assert (missing.returncode, missing.stderr) == (1, f"{changelog}: there is no release 9.9.9.\n")
    assert run("zip-name", "0.2.0").stdout == "bac-ninh-open-data-0.2.0.zip\n"


def test_check_asks_for_the_archive_of_the_previous_release(tmp_path, monkeypatch):
    from build_scripts import changelog, releases

    two = changelog.parse_changelog("## 0.2.0 - 2026-12-20\n\n- more\n\n## 0.1.0 - 2026-11-25\n\n- first\n")
    monkeypatch.setenv("BN_RELEASES_DIR", str(tmp_path / "releases"))
    problems = changelog.check(two, "0.2.0")
    assert problems == [p for p in problems if p.startswith("releases/bac-ninh-open-data-0.1.0.zip is missing")] and problems
    assert changelog.archive_problems(two, "0.1.0") == []  # the first release compares with nothing
    package = tmp_path / "package"
    (package / "data").mkdir(parents=True)
    (package / "datapackage.json").write_text('{"name": "p", "version": "0.1.0", "resources": [{"name": "r", "path": "data/r.csv"}]}', encoding="utf-8")
    (package / "data" / "r.csv").write_text("a\n1\n", encoding="utf-8")
    assert releases.main(["archive", "--package", str(package)]) == 0
    assert changelog.check(two, "0.2.0") == []
