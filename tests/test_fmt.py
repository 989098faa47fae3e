"""`fmt` rewrites CSV files in canonical form, is idempotent, and refuses files it cannot read safely."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

from build_scripts import canonical
from build_scripts.validate import validate_package
from tests import bad_packages as bp


def fmt(pkg):
    return subprocess.run([sys.executable, "-m", "build_scripts", "fmt", "--package", str(pkg)], capture_output=True,
                          text=True, cwd=bp.ROOT)


def snapshot(pkg):
    return {p.name: p.read_bytes() for p in sorted((pkg / "data").glob("*.csv"))}


def test_real_package_is_already_canonical(tmp_path):
    pkg = bp.base_package(tmp_path)
    before = snapshot(pkg)
    result = fmt(pkg)
    assert result.returncode == 0, result.stderr
    assert snapshot(pkg) == before
    assert "already in canonical form" in result.stdout


def test_fmt_repairs_layout_and_is_idempotent(tmp_path):
    pkg = bp.base_package(tmp_path)
    original = snapshot(pkg)
    # unsorted rows, swapped columns, NFD text, a boolean spelled True, CRLF and a BOM
    header, rows = bp.read(pkg, "observations")
    rows.reverse()
    bp.write(pkg, "observations", header, rows)
    bp.edit_rows(pkg, "units", lambda h, r: ([h[1], h[0]] + h[2:], [[x[1], x[0]] + x[2:] for x in r]))
    header, rows = bp.read(pkg, "units")
    i = header.index("name_vi")
    for r in rows:
        r[i] = unicodedata.normalize("NFD", r[i])
    bp.write(pkg, "units", header, rows)
    header, rows = bp.read(pkg, "indicators")
    i = header.index("headline")
    rows[0][i] = {"true": "True", "false": "FALSE"}[rows[0][i]]
    bp.write(pkg, "indicators", header, rows)
    path = bp.csv_path(pkg, "sources")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert not validate_package(pkg).ok

    first = fmt(pkg)
    assert first.returncode == 0, first.stderr
    assert sorted(line.split(":")[0].rsplit("/", 1)[-1] for line in first.stdout.splitlines()[:-1]) == [
        "indicators.csv", "observations.csv", "sources.csv", "units.csv"]
    assert snapshot(pkg) == original  # the canonical form is exactly what the real package holds
    report = validate_package(pkg)
    assert report.ok, [str(p) for p in report.errors[:5]]
    second = fmt(pkg)
    assert second.returncode == 0 and snapshot(pkg) == original
    assert "already in canonical form" in second.stdout


def test_fmt_refuses_a_ragged_file_and_leaves_it_alone(tmp_path):
    pkg = bp.base_package(tmp_path)
    bp.edit_rows(pkg, "observations", lambda h, rows: (h, [r + ["x"] if i == 3 else r for i, r in enumerate(rows)]))
    before = bp.csv_path(pkg, "observations").read_bytes()
    result = fmt(pkg)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/observations.csv: not rewritten: row 5 has" in result.stderr
    assert bp.csv_path(pkg, "observations").read_bytes() == before


def test_fmt_refuses_text_that_is_not_utf8(tmp_path):
    pkg = bp.base_package(tmp_path)
    path = bp.csv_path(pkg, "sources")
    path.write_bytes(path.read_bytes() + "Hà Nội,\n".encode("utf-16-le"))
    before = path.read_bytes()
    result = fmt(pkg)
    assert result.returncode == 1 and "data/sources.csv: not rewritten: the file is not UTF-8" in result.stderr
    assert path.read_bytes() == before


def test_fmt_refuses_a_header_that_is_not_the_schema(tmp_path):
    pkg = bp.base_package(tmp_path)
    bp.edit_rows(pkg, "sources", lambda h, rows: (h + ["extra"], [r + [""] for r in rows]))
    result = fmt(pkg)
    assert result.returncode == 1 and "unknown extra" in result.stderr


def test_canonical_order_is_code_point_order_field_by_field():
    names, pk = ["a", "b"], ["a", "b"]
    rows = [["a-b", "1"], ["a", "2"], ["a", "10"], ["B", "1"], ["à", "1"]]
    assert canonical.canonical_rows(rows, names, pk, set()) == [["B", "1"], ["a", "10"], ["a", "2"], ["a-b", "1"], ["à", "1"]]


def test_canonical_text_quotes_minimally_and_normalises():
    data = 'b,a\r\n"x",TRUE\r\n"y, z","e\u0301"\r\n'.encode()
    text = canonical.canonical_text(data, ["a", "b"], ["a"], {"a"})
    assert text == 'a,b\ntrue,x\n\u00e9,"y, z"\n'
