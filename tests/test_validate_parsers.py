"""The two ways a file is read (DuckDB for canonical-shaped files, Python's csv module for the rest) give the same
records, row for row, on every file of the real package."""

from __future__ import annotations

import duckdb
import pytest

from build_scripts.validation import descriptor, loading
from tests import bad_packages as bp


def records(pkg, name, allow_fast):
    desc, _ = descriptor.load(pkg)
    specs, _ = descriptor.resources(pkg, desc)
    spec = next(s for s in specs if s.name == name)
    con = duckdb.connect()
    loading.create_tables(con)
    loaded = loading.load(con, spec, spec.path, allow_fast=allow_fast)
    rows = con.execute("SELECT row, cells FROM records ORDER BY row").fetchall()
    con.close()
    return loaded, rows


@pytest.mark.parametrize("name", bp.RESOURCES)
def test_duckdb_and_python_read_the_same_records(tmp_path, name):
    pkg = bp.base_package(tmp_path)
    fast, fast_rows = records(pkg, name, True)
    slow, slow_rows = records(pkg, name, False)
    assert fast.parser == "duckdb" and slow.parser == "python"
    assert fast.problems == slow.problems == []
    assert fast_rows == slow_rows
    assert len(fast_rows) == len(bp.read(pkg, name)[1]) + 1


def test_a_file_with_a_quoted_newline_takes_the_proven_path(tmp_path):
    pkg = bp.base_package(tmp_path)
    header, rows = bp.read(pkg, "observations")
    rows[0][header.index("note")] = 'said "about 5", then\nrevised'
    bp.write(pkg, "observations", header, rows)
    fast, fast_rows = records(pkg, "observations", True)
    slow, slow_rows = records(pkg, "observations", False)
    assert fast.parser == "duckdb" and fast_rows == slow_rows
    assert fast_rows[1][1][header.index("note")] == 'said "about 5", then\nrevised'
