"""make bench: the table's lines and columns on a tiny package, what a page transfers, bad sizes refused.
No wall-clock assertion: the figures depend on the machine."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import harness, site_metrics
from benchmarks.__main__ import main as bench_main
from benchmarks.rebuild import change_one_figure
from benchmarks.synthetic import generate

REPO = Path(__file__).resolve().parent.parent

EXPECTED_LINES = [
    "figures (observations)", "validate: ours", "validate: stock frictionless", "validate: speed-up (frictionless / ours)",
    "build phase: validate", "build phase: load", "build phase: pages", "build phase: downloads", "build phase: mkdocs",
    "of pages: queries (CPU, all workers)", "of pages: charts (CPU, all workers)", "build total (wall)",
    "bare mkdocs build (wall)", "ratio build / bare mkdocs (budget 2x)", "ratio to half the data (budget 2.1x)",
    "peak memory: process tree (budget 1 GB)", "site size", "HTML pages", "median HTML page", "largest HTML page",
    "pages over 100 KB (budget 0)", "page transfer, median (gzip)", "page transfer, heaviest (gzip / raw)",
    "floor: bare mkdocs-material site of as many pages (wall / CPU)", "ratio build / floor (budget 3x; wall / CPU)",
    "ratio mkdocs phase / floor (budget 1.3x)", "peak memory: floor site",
]


def _table(text: str) -> tuple[list[str], dict[str, list[str]]]:
    lines = [line for line in text.splitlines() if line.startswith("|")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    rows = {}
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0]] = cells[1:]
    return header, rows


def test_bench_quick_prints_the_table_and_json(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--rebuild", "--work", str(tmp_path / "work"), "--out", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    header, rows = _table(result.stdout)
    assert header == ["measurement", "3x3x4"]
    for line in EXPECTED_LINES:
        assert line in rows, f"the table has no line {line!r}"
        assert len(rows[line]) == 1
    assert rows["figures (observations)"] == ["45"]
    assert rows["validate: ours"][0].endswith(" s")
    assert rows["requests outside the site"] == ["0"]
    assert int(rows["HTML pages"][0]) > 10
    # the content-addressed cache: nothing rendered again when nothing changed, something when a figure changed
    rendered, reused = (int(x) for x in rows["rebuild, unchanged: charts rendered / reused"][0].split(" / "))
    assert rendered == 0 and reused > 0
    made, reused = (int(x) for x in rows["rebuild, unchanged: download files made / from the cache"][0].split(" / "))
    assert made == 0 and reused > 0
    rendered, reused = (int(x) for x in rows["rebuild, one indicator: charts rendered / reused"][0].split(" / "))
    assert 0 < rendered < reused
    made, reused = (int(x) for x in rows["rebuild, one indicator: download files made / from the cache"][0].split(" / "))
    assert 0 < made < reused  # the files that hold the changed figure, not every download
    report = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    (case,) = report["cases"]
    assert case["floor"]["pages"] == case["site"]["pages"]  # the floor has as many pages as the portal built
    assert set(case["build"]["phases"]) >= {"validate", "load", "pages", "downloads", "mkdocs"}
    assert case["build"]["tree_mb"] > 0 and case["site"]["pages"] == int(rows["HTML pages"][0])


def test_a_bad_size_is_a_sentence_and_exit_2(capsys):
    assert bench_main(["--sizes", "200x34", "--work", "/nonexistent-never-created"]) == 2
    err = capsys.readouterr().err
    assert "size '200x34': expected INDICATORSxPROVINCESxPERIODS" in err
    assert "Traceback" not in err


def test_sizes_give_the_figures_asked_for_shaped_like_the_portal(tmp_path):
    stats = harness.make_package(tmp_path / "p", (5, 4, 20))
    assert stats["observations"] == 5 * 4 * 20 == harness.observation_count(tmp_path / "p")
    text = (tmp_path / "p/data/observations.csv").read_text(encoding="utf-8")
    focus_periods = sorted({line.split(",")[2] for line in text.splitlines() if line.startswith("bac-ninh-pre2025,indicator_000,")})
    assert focus_periods == [str(y) for y in range(2009, 2025)]  # 16 years before the reform, then 4 periods of 2025
    result = subprocess.run([sys.executable, "-m", "build_scripts", "validate", "--package", str(tmp_path / "p")],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "assets/javascripts/vendor").mkdir(parents=True)
    (site / "assets/style.css").write_text("body{color:red}\n" * 50)
    (site / "assets/javascripts/charts.js").write_text("console.log(1);\n" * 30)
    (site / "assets/javascripts/vendor/vega-bundle.js").write_text("var vega=1;\n" * 400)
    (site / "assets/javascripts/chart-locales.json").write_text("{}\n")
    (site / "a").mkdir()
    (site / "a/c.vl.json").write_text(json.dumps({"data": {"url": "c.data.json"}, "mark": "bar"}))
    (site / "a/c.data.json").write_text(json.dumps([{"x": i} for i in range(100)]))
    (site / "a/c.svg").write_text("<svg></svg>\n")
    (site / "a/index.html").write_text(
        '<html><link rel="stylesheet" href="../assets/style.css"><script src="../assets/javascripts/charts.js"></script>'
        '<div class="bn-chart" data-spec="c.vl.json"></div><img src="c.svg">' + "x" * 120_000 + "</html>")
    (site / "index.html").write_text('<html><link rel="stylesheet" href="assets/style.css">'
                                     '<script src="https://cdn.example.org/x.js"></script></html>')
    return site


def test_a_page_transfers_its_html_styles_scripts_images_and_chart_files(tmp_path):
    site = _site(tmp_path)
    files, missing = site_metrics.page_files(site, site / "a/index.html")
    names = sorted(p.relative_to(site).as_posix() for p in files)
    assert names == ["a/c.data.json", "a/c.svg", "a/c.vl.json", "a/index.html", "assets/javascripts/chart-locales.json",
                     "assets/javascripts/charts.js", "assets/javascripts/vendor/vega-bundle.js", "assets/style.css"]
    assert missing == []
    m = site_metrics.measure(site)
    assert m["pages"] == 2 and m["pages_over_100kb"] == 1 and m["page_largest"] == "a/index.html"
    assert m["transfer_max_page"] == "a/index.html"
    assert m["transfer_max_raw"] == sum(p.stat().st_size for p in files)
    assert m["transfer_max_gzip"] == sum(len(gzip.compress(p.read_bytes(), 6, mtime=0)) for p in files)
    assert m["external_refs"] == ["https://cdn.example.org/x.js"]


def test_changing_one_figure_keeps_the_file_canonical(tmp_path):
    generate(tmp_path / "p", 3, 2, 4)
    before = (tmp_path / "p/data/observations.csv").read_text(encoding="utf-8").splitlines()
    changed = change_one_figure(tmp_path / "p")
    after = (tmp_path / "p/data/observations.csv").read_text(encoding="utf-8").splitlines()
    assert changed == "indicator_001"
    diff = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(diff) == 1 and "indicator_001" in diff[0][0]


def test_the_changed_figure_is_one_a_chart_shows(tmp_path):
    harness.make_package(tmp_path / "p", (3, 2, 5))
    before = (tmp_path / "p/data/observations.csv").read_text(encoding="utf-8").splitlines()
    change_one_figure(tmp_path / "p")
    after = (tmp_path / "p/data/observations.csv").read_text(encoding="utf-8").splitlines()
    (old, new), = [(a, b) for a, b in zip(before, after) if a != b]
    assert old.startswith("bac-ninh-pre2025,indicator_001,2024,") and new.startswith("bac-ninh-pre2025,indicator_001,2024,")


@pytest.mark.parametrize("text", ["0x3x3", "axbxc", "1x2x3x4"])
def test_parse_size_refuses(text):
    with pytest.raises(harness.BenchError):
        harness.parse_size(text)


def test_the_floor_site_has_the_pages_asked_for(tmp_path):
    from benchmarks import floor

    floor.write(tmp_path / "f", 120)
    pages = sorted((tmp_path / "f/docs").rglob("*.md"))
    assert len(pages) == 120 and (tmp_path / "f/docs/index.md") in pages
    assert sum(1 for line in pages[-1].read_text(encoding="utf-8").splitlines() if line.startswith("| 20")) == floor.ROWS


def test_twice_the_data_is_every_indicator_again_and_still_valid(tmp_path):
    harness.make_package(tmp_path / "p", (3, 2, 4))
    harness.double_package(tmp_path / "p", tmp_path / "d")
    assert harness.observation_count(tmp_path / "d") == 2 * harness.observation_count(tmp_path / "p")
    indicators = (tmp_path / "d/data/indicators.csv").read_text(encoding="utf-8")
    assert "indicator_000_x2," in indicators and "indicator_002_x2," in indicators
    result = subprocess.run([sys.executable, "-m", "build_scripts", "validate", "--package", str(tmp_path / "d")],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
