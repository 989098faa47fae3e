"""The derived figures a change affects: sums of pre-2025 provinces shown for a post-2025 province.

A corrected figure of a former province changes the sum the site shows for the new province it became part
of. build_scripts.reform computes those sums for each package (only a valid package: its figures are read
with their types); derived_changes.sql compares the two sides.
"""

from __future__ import annotations

from pathlib import Path

SQL = Path(__file__).parent
FIELDS = ("unit_id", "indicator_id", "period", "status", "value", "parts")


def derived_rows(folder: Path) -> list[dict]:
    """The derived rows of observations_comparable for a valid package."""
    from build_scripts import db
    from build_scripts.reform import comparable

    con = db.load_package(folder)
    try:
        return [{k: row[k] for k in FIELDS} for row in comparable.comparable_rows(con) if row["derived"]]
    finally:
        con.close()


def derived_changes(base_dir: Path, head_dir: Path) -> list[dict]:
    """Derived figures added, changed or removed, by indicator, then unit, period and status."""
    import duckdb
    import pyarrow

    columns = {name: [] for name in ("side", *FIELDS)}
    for side, folder in (("base", base_dir), ("head", head_dir)):
        for row in derived_rows(folder):
            columns["side"].append(side)
            for name in FIELDS:
                columns[name].append(row[name])
    types = {"value": pyarrow.float64()}
    table = pyarrow.table(columns, schema=pyarrow.schema([(n, types.get(n, pyarrow.string())) for n in columns]))
    con = duckdb.connect()
    try:
        con.execute((SQL.parent / "sql" / "period_macros.sql").read_text(encoding="utf-8"))
        con.register("derived", table)
        cursor = con.execute((SQL / "derived_changes.sql").read_text(encoding="utf-8"))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values)) for values in cursor.fetchall()]
    finally:
        con.close()
