"""Release pages on a package built across two versions: release 0.1.0 of the mini fixture is archived in a
releases/ folder, then 0.2.0 corrects one figure (which moves the comparable sum of the new Bắc Ninh),
adds one and removes one. The 0.2.0 page lists each with its values, the 0.1.0 page says it is the first,
the data page links both; a release whose previous package is not archived says so."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts import i18n, releases

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "mini"

pytestmark = pytest.mark.xdist_group("site-build")

CHANGELOG = """# Changelog

## Unreleased

## 0.2.0 - 2026-12-20

- Bắc Ninh's GRDP of 2024 corrected; Hà Nội's PCI rank of 2023 added; the national growth of 2024 withdrawn.

## 0.1.0 - 2026-11-25

- First release.
"""
CORRECTED = ("bac-ninh-pre2025,grdp_current,2024,actual,src-0000000004,248376,,,,,",
             "bac-ninh-pre2025,grdp_current,2024,actual,src-0000000004,249376.5,,,,,")
ADDED = "ha-noi-pre2025,pci_rank,2023,actual,src-0000000002,12,,,,,"
REMOVED = "viet-nam,grdp_growth,2024,actual,src-0000000004,7.09,,,,,"


def second_release(folder: Path) -> Path:
    shutil.copytree(FIXTURE, folder)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["version"] = "0.2.0"
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    csv = folder / "data" / "observations.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    lines = [CORRECTED[1] if line == CORRECTED[0] else line for line in lines if line != REMOVED]
    lines.insert(lines.index("ha-noi-pre2025,pci_rank,2024,actual,src-0000000002,10,,,,,"), ADDED)
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def build(tmp: Path, package: Path, archive: Path) -> tuple[subprocess.CompletedProcess, Path]:
    (tmp / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    env = {**os.environ, "BN_CHANGELOG": str(tmp / "CHANGELOG.md"), "BN_RELEASES_DIR": str(archive)}
    result = subprocess.run([sys.executable, "-m", "build_scripts", "build", "--package", str(package),
                             "--site-dir", str(tmp / "site"), "--build-dir", str(tmp / "build")],
                            capture_output=True, text=True, cwd=REPO, env=env)
    return result, tmp / "build" / "docs"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("releases")
    archive = tmp / "releases"
    first = releases.write_archive(FIXTURE, archive / "bac-ninh-open-data-0.1.0.zip")
    assert releases.write_archive(FIXTURE, tmp / "again.zip").read_bytes() == first.read_bytes()  # deterministic
    result, docs = build(tmp, second_release(tmp / "package"), archive)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site", docs


def test_the_second_release_lists_what_changed(built):
    site, docs = built
    page = (docs / "data/releases/0.2.0/index.en.md").read_text(encoding="utf-8")
    assert "What this release changed against the one before it, [Release 0.1.0](../0.1.0/index.md)" in page
    assert "- 1 figures corrected" in page and "- 1 figures added" in page and "- 1 figures removed" in page
    corrected = next(line for line in page.splitlines() if "248,376" in line)
    cells = [cell.strip() for cell in corrected.replace("&#95;", "_").replace("\\", "").strip("|").split("|")]
    assert cells[1:7] == [
        "bac-ninh-pre2025", "2024", "actual", "src-0000000004", "248,376", "249,376.5"]
    assert "## Figures added" in page and any("ha-noi-pre2025" in line and "| 12 |" in line for line in page.splitlines())
    assert "## Figures removed" in page and any("viet-nam" in line and "| 7.09 |" in line for line in page.splitlines())
    # the comparable sum of the new Bắc Ninh (old Bắc Ninh + Bắc Giang) moved with the correction
    assert "## Comparable sums that moved" in page
    assert any("bac-ninh |" in line and "498,376.00" in line and "499,376.50" in line for line in page.splitlines())
    vi = (docs / "data/releases/0.2.0/index.md").read_text(encoding="utf-8")
    assert "- 1 số liệu được sửa" in vi and "248.376" in vi and "249.376,5" in vi
    assert (site / "data/releases/0.2.0/index.html").is_file() and (site / "en/data/releases/0.2.0/index.html").is_file()


def test_the_first_release_says_it_is_the_first_and_the_data_page_links_both(built):
    site, docs = built
    for lang, name in (("vi", "index.md"), ("en", "index.en.md")):
        page = (docs / "data/releases/0.1.0" / name).read_text(encoding="utf-8")
        assert i18n.t(lang, "release.first") in page
    data = (site / "data/index.html").read_text(encoding="utf-8")
    assert 'href="releases/0.2.0/"' in data and 'href="releases/0.1.0/"' in data


def test_a_release_whose_previous_package_is_not_archived_says_so(tmp_path):
    result, docs = build(tmp_path, second_release(tmp_path / "package"), tmp_path / "empty-archive")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (docs / "data/releases/0.2.0/index.en.md").read_text(encoding="utf-8")
    assert "does not hold the package of release 0.1.0 (releases/bac-ninh-open-data-0.1.0.zip)" in page
