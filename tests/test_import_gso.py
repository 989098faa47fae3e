"""The GSO importer (tools/import_gso): figures traced back to the pinned zip, determinism, the raw-file
check, and the boundary (back-cast) rule."""
import csv
import hashlib
import io
import random
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from tools.import_gso import __main__ as cli
from tools.import_gso import importer, raw_tables
from tools.import_gso.boundaries import Resolver, Units, read_changes

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "datapackage"
RAW = REPO / "tools" / "import_gso" / "raw" / "gso_21092018.zip"


def _package_copy(tmp_path):
    target = tmp_path / "datapackage"
    shutil.copytree(PACKAGE, target)
    return target


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built():
    origin = raw_tables.origin()["gso_21092018"]
    zf = raw_tables.open_zip(RAW, origin["sha256"])
    from tools.package_rows import descriptor_schemas
    schemas = {n: r["schema"] for n, r in descriptor_schemas(PACKAGE).items()}
    return zf, importer.build(zf, RAW.name, origin, PACKAGE, schemas)


def test_random_cells_are_in_the_package_with_the_right_conversion(built):
    zf, result = built
    catalogue = {(r["table"], r["item"]): r for r in importer.read_catalogue_csv()}
    names = importer.gso_names()
    units = {r["unit_id"]: r for r in csv.DictReader((PACKAGE / "data" / "units.csv").open(encoding="utf-8"))}
    with (PACKAGE / "data" / "observations.csv").open(encoding="utf-8", newline="") as fh:
        package = {(r["unit_id"], r["indicator_id"], r["period"], r["status"], r["source_id"]): r
                   for r in csv.DictReader(fh) if r["source_id"].startswith("gso-")}
    assert len(package) == len(result["observations"]) >= 40000
    sample = random.Random(20181021).sample(result["observations"], 200)
    for o in sample:
        # read the cell again from the zip, independently of the importer's parsing
        members = {i.filename.split("/", 1)[1]: i.filename for i in zf.infolist()}
        text = zf.read(members[o["_table"]]).decode("utf-8-sig")
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        cells = lines[o["_line"] - 1]
        header = next(h for h in lines if len(h) > 1)
        label = header[header.index(o["_label"])]
        raw = cells[header.index(label)].strip()
        year, prel, item = raw_tables.parse_column(label)
        entry = catalogue[(o["_table"], item)]
        expected = Decimal(raw) * Decimal(entry["factor"]) + (Decimal(entry["offset"]) if entry["offset"] else 0)
        row = package[(o["unit_id"], entry["indicator_id"], str(year or entry["year"]),
                       "preliminary" if prel else "actual", o["source_id"])]
        assert Decimal(row["value"]) == expected, (o["_table"], o["_line"], label)
        assert row["value"] == importer.exact(expected)
        assert units[row["unit_id"]]["name_vi"] == names[" ".join(cells[0].split())][0]
        assert ("Prel" in label or "Pre." in label) == (row["status"] == "preliminary")


def test_exact_decimal_text():
    assert importer.exact(Decimal("7790.4") * 1000) == "7790400"
    assert importer.exact(Decimal("3049") * Decimal("0.001")) == "3.049"
    assert importer.exact(Decimal("107.4") - 100) == "7.4"
    assert importer.exact(Decimal("22594.0")) == "22594"
    assert importer.exact(Decimal("100.0") - 100) == "0"


def test_second_run_is_byte_identical(tmp_path):
    package = _package_copy(tmp_path)
    assert cli.main(["--package", str(package)]) == 0
    first = _snapshot(package)
    assert cli.main(["--package", str(package)]) == 0
    assert _snapshot(package) == first


@pytest.mark.parametrize("damage", ["changed", "missing"])
def test_changed_or_missing_raw_zip_is_refused(tmp_path, capsys, damage):
    package = _package_copy(tmp_path)
    before = _snapshot(package)
    raw = tmp_path / "gso_21092018.zip"
    if damage == "changed":
        data = bytearray(RAW.read_bytes())
        data[1000] ^= 0xFF
        raw.write_bytes(bytes(data))
    assert cli.main(["--package", str(package), "--raw", str(raw)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "gso_21092018.zip" in err and "Traceback" not in err
    assert ("has changed" in err) if damage == "changed" else ("missing" in err)
    assert _snapshot(package) == before


def test_pinned_zip_matches_its_origin_record():
    origin = raw_tables.origin()["gso_21092018"]
    data = RAW.read_bytes()
    assert len(data) == origin["size"]
    assert hashlib.sha256(data).hexdigest() == origin["sha256"]


UNITS = [
    {"unit_id": "bac-ninh-pre2025", "name_vi": "Bắc Ninh", "valid_from": "1997-01-01", "valid_to": "2025-06-30"},
    {"unit_id": "bac-giang-pre2025", "name_vi": "Bắc Giang", "valid_from": "1997-01-01", "valid_to": "2025-06-30"},
    {"unit_id": "ha-bac-pre1997", "name_vi": "Hà Bắc", "valid_from": "", "valid_to": "1996-12-31"},
    {"unit_id": "can-tho-pre2004", "name_vi": "Cần Thơ", "valid_from": "", "valid_to": "2003-12-31"},
    {"unit_id": "can-tho-pre2025", "name_vi": "Cần Thơ", "valid_from": "2004-01-01", "valid_to": "2025-06-30"},
    {"unit_id": "hau-giang-pre2025", "name_vi": "Hậu Giang", "valid_from": "2004-01-01", "valid_to": "2025-06-30"},
    {"unit_id": "ha-noi-pre2008", "name_vi": "Hà Nội", "valid_from": "", "valid_to": "2008-07-31"},
    {"unit_id": "ha-tay-pre2008", "name_vi": "Hà Tây", "valid_from": "", "valid_to": "2008-07-31"},
    {"unit_id": "ha-noi-pre2025", "name_vi": "Hà Nội", "valid_from": "2008-08-01", "valid_to": "2025-06-30"},
]


def _table(text):
    """'name: v1 v2 ...' lines over the years 1995, 2002, 2005, 2008 -> has_value(name, year)."""
    years = [1995, 2002, 2005, 2008]
    grid = {}
    for line in text.strip().splitlines():
        name, values = line.split(":")
        grid[name.strip()] = dict(zip(years, values.split()))
    return lambda year: (lambda other: other in grid and grid[other][year] != "..")


def test_backcast_rule_on_a_tiny_table():
    resolver = Resolver(Units(UNITS), read_changes())
    t = _table("""
        Bắc Ninh:  250.1 441.4 437.8 440.3
        Bắc Giang: ..    500.0 510.0 520.0
        Cần Thơ:   900.0 950.0 700.0 710.0
        Hậu Giang: ..    ..    400.0 410.0
        Hà Nội:    177.1 ..    189.6 1177.8
        Hà Tây:    647.2 ..    928.4 ..
    """)
    r = resolver.resolve
    # every successor of the 1997 split has a value in 2002: not before the split; in 1995 Bắc Giang is `..`
    assert r("Bắc Ninh", 2002, t(2002), "skip") == ("bac-ninh-pre2025", False)
    unit, reason = r("Bắc Ninh", 1995, t(1995), "skip")
    assert unit is None and "Bắc Giang" in reason
    # a back-cast: both successors have a 1995 figure
    t2 = _table("Bắc Ninh: 1 2 3 4\nBắc Giang: 5 6 7 8")
    assert r("Bắc Ninh", 1995, t2(1995), "skip") == ("bac-ninh-pre2025", True)
    assert r("Bắc Giang", 1995, t2(1995), "skip") == ("bac-giang-pre2025", True)
    # named like the predecessor, siblings `..`: the predecessor
    assert r("Cần Thơ", 2002, t(2002), "skip") == ("can-tho-pre2004", False)
    assert r("Cần Thơ", 2005, t(2005), "skip") == ("can-tho-pre2025", False)
    t3 = _table("Cần Thơ: 1 2 3 4\nHậu Giang: 1 2 3 4")
    assert r("Cần Thơ", 2002, t3(2002), "skip") == ("can-tho-pre2025", True)
    assert r("Hậu Giang", 2002, t3(2002), "skip") == ("hau-giang-pre2025", True)
    # Hà Nội before the 2008 merger: Hà Tây has a value -> old city; Hà Tây `..` -> the table's rule
    assert r("Hà Nội", 2005, t(2005), "skip") == ("ha-noi-pre2008", False)
    assert r("Hà Tây", 2005, t(2005), "skip") == ("ha-tay-pre2008", False)
    assert r("Hà Nội", 2008, t(2008), "skip") == ("ha-noi-pre2025", False)
    assert r("Hà Tây", 2008, t(2008), "skip")[0] is None
    t4 = _table("Hà Nội: 1 2 3 4")
    assert r("Hà Nội", 2005, t4(2005), "skip")[0] is None
    assert r("Hà Nội", 2005, t4(2005), "old") == ("ha-noi-pre2008", False)
