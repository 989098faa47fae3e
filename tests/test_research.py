"""The researchers' downloads: every file opens in its format, holds the rows it should, and is the same
byte for byte from one build to the next; SHA256SUMS checks out."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from test_research_site import FIXTURE, build

COLUMNS = ["unit_id", "unit_name_vi", "unit_name_en", "indicator_id", "indicator_name_vi", "indicator_name_en",
           "unit", "measure", "price_basis", "period", "period_start", "period_end", "status", "value", "qualifier",
           "shown", "producer", "source_id", "source_url", "source_publisher", "source_title", "source_published", "note",
           "note_vi"]


@pytest.fixture(scope="module")
def pub(tmp_path_factory):
    return build(tmp_path_factory.mktemp("research"))


def fixture_rows() -> list[dict]:
    with (FIXTURE / "data" / "observations.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw, f"{path.name}: not UTF-8 without BOM with LF"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


@pytest.mark.parametrize("kind, column", [("indicators", "indicator_id"), ("units", "unit_id")])
def test_every_slice_opens_in_each_format_and_holds_every_published_figure(pub, kind, column):
    expected = Counter(row[column] for row in fixture_rows())
    folder = pub.site_dir / "downloads" / kind
    assert sorted(p.stem for p in folder.glob("*.csv")) == sorted(expected)
    for key, count in expected.items():
        rows = read_csv(folder / f"{key}.csv")
        assert list(rows[0]) == COLUMNS
        assert len(rows) == count and {r[column] for r in rows} == {key}
        table = pq.read_table(folder / f"{key}.parquet")
        assert table.column_names == COLUMNS and table.num_rows == count
        records = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        assert len(records) == count and list(records[0]) == COLUMNS
        # the three formats hold the same figures in the same order
        assert [r["value"] for r in records] == table.column("value").to_pylist() == [float(r["value"]) for r in rows]
        assert [r["period"] for r in records] == [r["period"] for r in rows]


def test_disagreeing_sources_are_both_kept_and_the_shown_one_is_marked(pub):
    rows = read_csv(pub.site_dir / "downloads" / "indicators" / "export_value.csv")
    q3 = [r for r in rows if r["unit_id"] == "bac-ninh" and r["period"] == "2025-9M"]
    assert [(r["source_id"], r["value"], r["shown"]) for r in q3] == [
        ("src-0000000001", "45000.5", "true"),  # the statistics office's, before a later news page
        ("src-0000000002", "45800.0", "false"),
    ]
    assert q3[1]["source_url"] == "https://example.org/tin?a=1&b=2"
    assert q3[1]["note"] == "figure read from a chart | rounded"


def test_a_target_is_shown_beside_the_outcome_of_the_same_period(pub):
    table = pq.read_table(pub.site_dir / "downloads" / "units" / "bac-ninh-pre2025.parquet").to_pylist()
    growth_2024 = [(r["status"], r["value"], r["shown"]) for r in table
                   if r["indicator_id"] == "grdp_growth" and r["period"] == "2024"]
    assert growth_2024 == [("actual", 6.03, True), ("plan", 6.5, True)]


def test_rows_are_sorted_and_periods_have_their_dates(pub):
    rows = read_csv(pub.site_dir / "downloads" / "units" / "bac-ninh-pre2025.csv")
    keys = [(r["indicator_id"], r["unit_id"], r["period_start"], r["period_end"], r["period"], r["status"],
             r["source_id"]) for r in rows]
    assert keys == sorted(keys)
    nine_months = next(r for r in rows if r["period"] == "2024-9M")
    assert (nine_months["period_start"], nine_months["period_end"]) == ("2024-01-01", "2024-09-30")
    assert {r["unit"] for r in rows if r["indicator_id"] == "grdp_current"} == {"billion_vnd"}


def test_the_same_package_gives_the_same_bytes(pub, tmp_path):
    again = build(tmp_path)
    first = {p.relative_to(pub.site_dir): p.read_bytes() for p in pub.files}
    second = {p.relative_to(again.site_dir): p.read_bytes() for p in again.files}
    assert sorted(first) == sorted(second)
    changed = [str(p) for p in first if first[p] != second[p]]
    assert changed == []


def test_sha256sums_lists_every_download_with_its_digest(pub):
    downloads = pub.site_dir / "downloads"
    lines = (downloads / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = {}
    for line in lines:
        digest, name = line.split("  ", 1)
        listed[name] = digest
    files = sorted(p.relative_to(downloads).as_posix() for p in downloads.rglob("*") if p.is_file())
    assert sorted(listed) == [f for f in files if f != "SHA256SUMS"]
    assert list(listed) == sorted(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((downloads / name).read_bytes()).hexdigest() == digest, name
    assert "observations.csv" in listed and "indicators/grdp_growth.parquet" in listed


def test_sizes_and_digests_shown_are_those_of_the_files(pub):
    from build_scripts.research import links

    for kind, key in (("indicators", "grdp_growth"), ("units", "bac-ninh")):
        for fmt, record in links.slice_downloads(pub.descriptor, pub.sums, kind, key).items():
            data = (pub.site_dir / record["path"]).read_bytes()
            assert record["bytes"] == len(data)
            assert record["sha256"] == hashlib.sha256(data).hexdigest()
            assert record["url"] == f"https://bac-ninh-open-data.github.io/downloads/{kind}/{key}.{fmt}"


def test_a_second_build_into_the_same_folder_leaves_no_stale_slice(tmp_path):
    from build_scripts.research import slices

    pub = build(tmp_path)
    stale = pub.site_dir / "downloads" / "indicators" / "gone_indicator.csv"
    stale.write_text("unit_id\n", encoding="utf-8")
    slices.write_all(pub.con, pub.site_dir)
    assert not stale.exists()


def test_a_page_worker_reopens_what_was_published_and_renders_the_same_blocks(pub):
    from build_scripts import db
    from build_scripts.pages import fragments
    from build_scripts.research import publish

    worker = publish.reopen(db.load_package(FIXTURE), pub.descriptor, pub.site_dir)
    assert worker.files == [] and worker.sums == pub.sums and worker.slices == pub.slices
    for lang in ("vi", "en"):
        assert fragments.indicator(worker, "grdp_growth", lang) == fragments.indicator(pub, "grdp_growth", lang)
        assert fragments.unit(worker, "bac-ninh", lang) == fragments.unit(pub, "bac-ninh", lang)
        assert fragments.data(worker, lang, "grdp_growth", "bac-ninh") == fragments.data(pub, lang, "grdp_growth", "bac-ninh")


def test_the_inventory_lists_every_download_and_its_size(pub, capsys):
    from build_scripts.research import inventory

    assert inventory.main([str(pub.site_dir)]) == 0
    table = capsys.readouterr().out
    rows = {line.split("|")[1].strip(): line for line in table.splitlines()[2:]}
    assert "`downloads/indicators/*.parquet`" in rows and "`api/v1/units/*.json`" in rows
    every = [p for p in pub.site_dir.rglob("*") if p.is_file() and p.relative_to(pub.site_dir).parts[0] in ("downloads", "api")]
    every.append(pub.site_dir / "catalog.jsonld")
    total = sum(p.stat().st_size for p in every)
    assert rows["total"].split("|")[2].strip() == str(len(every))
    assert rows["total"].split("|")[3].strip() == f"{total / 1000:,.1f} kB"


def test_the_inventory_of_a_folder_without_downloads_says_so(tmp_path, capsys):
    from build_scripts.research import inventory

    assert inventory.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path}: no downloads/SHA256SUMS here; build the site first")
    assert "Traceback" not in err
