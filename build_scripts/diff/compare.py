"""Compare two package folders in DuckDB: the SQL files beside this module do the comparing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_scripts.diff.read import Package, primary_keys, read_descriptor, read_package
from build_scripts.diff.validation import ValidationChanges

SQL = Path(__file__).parent
PERIOD_MACROS = SQL.parent / "sql" / "period_macros.sql"
STAGING = ["stg_rows", "stg_observations", "stg_indicators", "stg_sources", "figure_changes"]
OBSERVATIONS = "observations"
SOURCES = "sources"


@dataclass
class Comparison:
    """Everything the report says, as rows in report order."""

    base_label: str
    head_label: str
    base_version: str | None
    head_version: str | None
    figures: list[dict]
    figure_counts: list[dict]
    sources: list[dict]
    tables: list[dict]
    schema: list[dict]
    missing_files: dict[str, list[str]]
    validation: ValidationChanges | None = None
    # derived figures (sums of pre-2025 parts) added, changed or removed; None when not compared
    derived: list[dict] | None = None
    derived_failure: str | None = None  # why the derived figures could not be compared

    @property
    def is_empty(self) -> bool:
        """No change to figures, sources, other tables or the descriptor, and no new warning or error."""
        validation_quiet = self.validation is None or not (self.validation.introduced or self.validation.head_errors)
        return not (self.figures or self.sources or self.tables or self.schema or self.derived) and validation_quiet


def compare(base_dir: Path, head_dir: Path, base_label: str, head_label: str) -> Comparison:
    """Read both folders and compare them; rows are identified by the head package's primary keys."""
    import duckdb
    import pyarrow

    keys = primary_keys(read_descriptor(base_dir)) | primary_keys(read_descriptor(head_dir))
    base = read_package(base_dir, keys)
    head = read_package(head_dir, keys)

    con = duckdb.connect()
    con.execute(PERIOD_MACROS.read_text(encoding="utf-8"))
    con.register("cells", _cells_table(pyarrow, base, head))
    con.register("properties", _properties_table(pyarrow, base, head))
    for view in STAGING:
        con.execute(_sql(view))

    rows = _rows(con, "row_changes")
    tables = [r for r in rows if r["resource"] != OBSERVATIONS and not (r["resource"] == SOURCES and r["change"] != "changed")]
    return Comparison(
        base_label=base_label,
        head_label=head_label,
        base_version=base.descriptor.get("version"),
        head_version=head.descriptor.get("version"),
        figures=_rows(con, "figure_change_rows"),
        figure_counts=_rows(con, "figure_change_counts"),
        sources=_rows(con, "source_changes"),
        tables=tables,
        schema=_rows(con, "schema_changes"),
        missing_files={"base": sorted(base.missing_files), "head": sorted(head.missing_files)},
    )


def _sql(name: str) -> str:
    return (SQL / f"{name}.sql").read_text(encoding="utf-8")


def _rows(con, name: str) -> list[dict]:
    cursor = con.execute(_sql(name))
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, values)) for values in cursor.fetchall()]


def _cells_table(pyarrow, base: Package, head: Package):
    columns = {"side": [], "resource": [], "row_number": [], "row_key": [], "field": [], "value": []}
    for side, package in (("base", base), ("head", head)):
        for resource, row_number, row_key, name, value in package.cells:
            columns["side"].append(side)
            columns["resource"].append(resource)
            columns["row_number"].append(row_number)
            columns["row_key"].append(row_key)
            columns["field"].append(name)
            columns["value"].append(value)
    schema = pyarrow.schema([(n, pyarrow.int64() if n == "row_number" else pyarrow.string()) for n in columns])
    return pyarrow.table(columns, schema=schema)


def _properties_table(pyarrow, base: Package, head: Package):
    columns = {"side": [], "scope": [], "name": [], "property": [], "value": []}
    for side, package in (("base", base), ("head", head)):
        for scope, name, prop, value in package.properties:
            for column, item in zip(columns, (side, scope, name, prop, value)):
                columns[column].append(item)
    return pyarrow.table(columns, schema=pyarrow.schema([(n, pyarrow.string()) for n in columns]))
