"""The build of the real package (datapackage/): every indicator with figures and every unit with figures
has its page in both languages, and every download opens (Parquet read back with DuckDB, the zip
validated with frictionless). Slow: it renders every chart of the portal."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "datapackage"

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site-build")]


def read_csv(name: str) -> list[dict]:
    with open(PACKAGE / "data" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def site(real_site):
    """The real site of tests/conftest.py: one build a test run, shared by every file and xdist worker."""
    if not (PACKAGE / "data" / "observations.csv").is_file():
        pytest.fail("datapackage/data/observations.csv is missing: the real package has no figures yet")
    return real_site


def test_every_indicator_with_figures_has_its_page_in_both_languages(site):
    indicators = sorted({row["indicator_id"] for row in read_csv("observations")})
    assert indicators
    missing = [f"{prefix}indicators/{i}/" for i in indicators for prefix in ("", "en/")
               if not (site / f"{prefix}indicators/{i}/index.html").is_file()]
    assert missing == []


def test_every_unit_with_figures_has_its_page_in_both_languages(site):
    units = sorted({row["unit_id"] for row in read_csv("observations")})
    missing = [f"{prefix}provinces/{u}/" for u in units for prefix in ("", "en/")
               if not (site / f"{prefix}provinces/{u}/index.html").is_file()]
    assert missing == []
    assert (site / "provinces/bac-ninh/index.html").is_file() and (site / "en/index.html").is_file()


def test_every_download_opens(site, tmp_path):
    import duckdb

    from build_scripts.downloads import text_fields
    from build_scripts.spreadsheet import safe_csv

    descriptor = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
    downloads = site / "downloads"
    for resource in descriptor["resources"]:
        name = resource["name"]
        rows = len(read_csv(name))
        # the package file, its formula-like text cells prefixed (build_scripts/spreadsheet.py)
        expected = safe_csv((PACKAGE / resource["path"]).read_bytes(), text_fields(resource))
        assert (downloads / f"{name}.csv").read_bytes() == expected
        count = duckdb.sql("SELECT count(*) FROM read_parquet($p)", params={"p": str(downloads / f"{name}.parquet")}).fetchall()
        assert count == [(rows,)], name
        assert len(json.loads((downloads / f"{name}.json").read_text(encoding="utf-8"))) == rows, name
    archive = downloads / f"{descriptor['name']}.zip"
    with zipfile.ZipFile(archive) as handle:
        handle.extractall(tmp_path)
    frictionless = Path(sys.executable).with_name("frictionless")
    result = subprocess.run([str(frictionless), "validate", str(tmp_path / "datapackage.json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_no_english_note_on_a_vietnamese_page(site):
    """Every figure's note reads in Vietnamese on the Vietnamese site: a table cell that ends in a figure's
    English note (": <note>", as the value cells write it) is an English sentence on a Vietnamese page,
    unless the note is the same in both languages (a name such as "PCI 2022")."""
    import html
    import re

    rows = read_csv("observations")
    english = {r["note"] for r in rows if r["note"] and r["note"] != r["note_vi"]}
    vietnamese = {r["note_vi"] for r in rows if r["note_vi"]}
    cell = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
    tag = re.compile(r"<[^>]+>")
    found, shown_vi = [], 0
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative.startswith(("en/", "assets/", "downloads/", "api/")):
            continue
        for raw in cell.findall(page.read_text(encoding="utf-8")):
            text = html.unescape(tag.sub("", raw)).strip()
            head, sep, note = text.rpartition(": ")
            if not sep:
                continue
            if note in english:
                found.append((relative, note))
            elif note in vietnamese:
                shown_vi += 1
    assert found[:10] == []
    assert shown_vi > 0  # the Vietnamese notes are on the pages (the check above looked at note cells)
