"""The build of the fixture package end to end: every page in both languages, every download, two builds
byte-identical, a failed build leaves the previous site as it was, nothing loaded from outside the site."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "mini"
INDICATORS = ["export_value", "grdp_current", "grdp_growth", "pci_rank"]
UNITS = ["bac-giang-pre2025", "bac-ninh", "bac-ninh-pre2025", "ha-noi", "ha-noi-pre2025", "viet-nam"]

pytestmark = pytest.mark.xdist_group("site-build")


def build(package: Path, site: Path, build_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_scripts", "build", "--package", str(package),
                           "--site-dir", str(site), "--build-dir", str(build_dir)],
                          capture_output=True, text=True, cwd=REPO)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    """The text a reader sees (tags dropped, character references decoded), whitespace collapsed."""
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("build")
    result = build(FIXTURE, root / "site", root / "build")
    assert result.returncode == 0, result.stderr
    return root / "site", result


def test_build_is_quiet_off_a_terminal_apart_from_a_summary(site):
    _, result = site
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("built ") and "pages" in lines[0], result.stderr


def test_every_indicator_and_unit_has_its_page_in_both_languages(site):
    root, _ = site
    for prefix in ("", "en/"):
        assert (root / prefix / "index.html").is_file()
        for indicator in INDICATORS:
            assert (root / f"{prefix}indicators/{indicator}/index.html").is_file(), (prefix, indicator)
        for unit in UNITS:
            assert (root / f"{prefix}provinces/{unit}/index.html").is_file(), (prefix, unit)
        for page in ("data", "sources", "indicators", "provinces"):
            assert (root / f"{prefix}{page}/index.html").is_file()


def test_pages_are_in_their_language_with_a_language_switch(site):
    root, _ = site
    vi = (root / "indicators/grdp_growth/index.html").read_text(encoding="utf-8")
    en = (root / "en/indicators/grdp_growth/index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in vi and '<html lang="en"' in en
    assert "9 tháng đầu năm 2025" in vi and "first nine months of 2025" in en
    assert "11,02" in vi and "11.02" in en
    assert 'hreflang="en"' in vi and 'hreflang="vi"' in en


def test_package_text_is_shown_as_text_never_as_markup(site):
    root, _ = site
    for page in root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html and "<b>later</b>" not in html, page
    sources = page_text(root / "en/sources/index.html")
    assert "Tin *nhanh* [kinh tế] <script>alert(1)</script>" in sources  # shown, as text
    assert "Báo Mẫu | Tin tức" in sources
    assert "Merged from **old** Bắc Ninh" in page_text(root / "provinces/bac-ninh/index.html")
    assert "Early estimates may be revised <b>later</b>." in page_text(root / "en/indicators/grdp_growth/index.html")


def test_every_figure_on_the_indicator_page_links_its_source(site):
    """The focus province's series and targets, and the latest ranking: every figure with its source (the
    figures of every unit and period are in the downloads, not on the page)."""
    root, _ = site
    html = (root / "en/indicators/grdp_growth/index.html").read_text(encoding="utf-8")
    tables = [t for t in re.findall(r"<table>(.*?)</table>", html, re.S) if re.search(r"<th[^>]*>Value", t)]
    rows = [row for t in tables for row in re.findall(r"<tr>(.*?)</tr>", t, re.S)[1:]]
    assert len(tables) == 5 and len(rows) == 8  # two series, two target tables, the ranking of 2025-9M
    assert all('href="https://example.org/' in row for row in rows)


def test_nothing_is_loaded_from_outside_the_site(site):
    root, _ = site
    pattern = re.compile(r'<(?:script|img|iframe|source)[^>]*\bsrc="(?:https?:)?//|<link[^>]*rel="(?:stylesheet|preload|preconnect)"[^>]*href="(?:https?:)?//')
    for page in root.rglob("*.html"):
        assert not pattern.search(page.read_text(encoding="utf-8")), page
    assert "fonts.googleapis" not in "".join(p.read_text(encoding="utf-8") for p in root.rglob("*.html"))


def test_downloads_open(site):
    import duckdb

    root, _ = site
    downloads = root / "downloads"
    expected = {"units": 7, "unit_crosswalk": 3, "indicators": 4, "sources": 4, "observations": 20}
    for name, rows in expected.items():
        with open(downloads / f"{name}.csv", encoding="utf-8", newline="") as handle:
            assert len(list(csv.DictReader(handle))) == rows, name
        parquet = duckdb.sql("SELECT count(*) FROM read_parquet($path)", params={"path": str(downloads / f"{name}.parquet")}).fetchall()
        assert parquet == [(rows,)], name
        assert len(json.loads((downloads / f"{name}.json").read_text(encoding="utf-8"))) == rows, name
    comparable = duckdb.sql("SELECT count(*) FROM read_parquet($path)", params={"path": str(downloads / "observations_comparable.parquet")}).fetchall()
    assert comparable[0][0] == len(json.loads((downloads / "observations_comparable.json").read_text(encoding="utf-8"))) > 0
    value = duckdb.sql("SELECT value FROM read_parquet($path) WHERE unit_id = 'bac-ninh' AND indicator_id = 'grdp_growth' AND status = 'plan'",
                       params={"path": str(downloads / "observations.parquet")}).fetchall()
    assert value == [(11.5,)]


def test_the_package_zip_validates_with_stock_frictionless(site, tmp_path):
    root, _ = site
    archive = root / "downloads" / "bac-ninh-open-data.zip"
    with zipfile.ZipFile(archive) as handle:
        assert sorted(handle.namelist()) == ["data/indicators.csv", "data/observations.csv",
                                             "data/observations_comparable.csv", "data/sources.csv",
                                             "data/unit_crosswalk.csv", "data/units.csv", "datapackage.json"]
        handle.extractall(tmp_path)
    frictionless = Path(sys.executable).with_name("frictionless")
    result = subprocess.run([str(frictionless), "validate", str(tmp_path / "datapackage.json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
    result = subprocess.run([str(frictionless), "validate", str(archive)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-2000:]


def test_chart_specs_and_data_are_files_beside_the_page(site):
    root, _ = site
    page = root / "indicators/grdp_growth"
    html = (page / "index.html").read_text(encoding="utf-8")
    specs = re.findall(r'data-spec="([^"]+)"', html)
    assert specs, "the indicator page shows its charts"
    for spec in specs:
        assert (page / spec).is_file(), spec
        data_url = json.loads((page / spec).read_text(encoding="utf-8"))["data"]["url"]
        assert (page / data_url).is_file()
    assert '"values"' not in html


def test_two_builds_are_byte_identical(site, tmp_path):
    root, _ = site
    result = build(FIXTURE, tmp_path / "site", tmp_path / "build")
    assert result.returncode == 0, result.stderr
    assert tree_digest(tmp_path / "site") == tree_digest(root)


def test_a_failed_build_exits_1_and_keeps_the_previous_site(site, tmp_path):
    root, _ = site
    previous = tmp_path / "site"
    shutil.copytree(root, previous)
    before = tree_digest(previous)
    broken = tmp_path / "broken"
    shutil.copytree(FIXTURE, broken)
    observations = broken / "data" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace(",11.5,", ",eleven,"), encoding="utf-8")
    result = build(broken, previous, tmp_path / "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "observations" in result.stderr and "value" in result.stderr
    assert tree_digest(previous) == before
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "site.lock")  # the site's build lock stays
    assert left == ["broken", "build", "site"] or "build" not in left


def test_a_missing_package_is_one_sentence(tmp_path):
    result = build(tmp_path / "nowhere", tmp_path / "site", tmp_path / "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "datapackage.json" in result.stderr
    assert not (tmp_path / "site").exists()


def test_the_generated_config_passes_mkdocs_build_strict(site, tmp_path):
    root, result = site
    config = root.parent / "build" / "mkdocs.yml"
    assert "strict: true" in config.read_text(encoding="utf-8")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    run = subprocess.run([str(mkdocs), "build", "--strict", "-q", "-f", str(config), "-d", str(tmp_path / "strict")],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr[-3000:]
    assert (tmp_path / "strict" / "en" / "indicators" / "grdp_growth" / "index.html").is_file()


def test_every_local_link_image_and_chart_file_exists(site):
    root, _ = site
    missing = []
    for page in sorted(root.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for attr, url in re.findall(r'\b(src|href|data-spec)="([^"#?]*)[^"]*"', html):
            if not url or re.match(r"[a-z]+:", url) or url.startswith("//"):
                continue
            target = (root / url.lstrip("/")) if url.startswith("/") else (page.parent / url).resolve()
            if url.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                missing.append(f"{page.relative_to(root)}: {attr}={url}")
    assert missing == []
