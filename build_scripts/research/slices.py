"""Per-indicator and per-unit downloads in long format: one row a published figure, every figure kept.

Files, under the site's ``downloads/`` folder:

    downloads/indicators/<indicator_id>.csv | .parquet | .json
    downloads/units/<unit_id>.csv | .parquet | .json

The columns (``COLUMNS``) and the row order are those of ``long_observations.sql`` and
``indicator_slice.sql`` / ``unit_slice.sql``. CSV: UTF-8, LF, a header, empty cells for nothing, booleans
``true``/``false``, dates ``YYYY-MM-DD``, numbers in the shortest form that reads back exactly. JSON: an
array of records, keys in column order, one record a line. Parquet: written by DuckDB (COPY ... FORMAT
parquet through the relation API), zstd. The same package gives the same bytes (tested).

A slice's three files are made through ``store`` (build_scripts/cache.py: ``cache.files`` in the build), at
the address of its rows' digest (``slice_digests.sql``): a rebuild makes again only the slices whose rows
changed, and copies the others from the cache.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from build_scripts.store import make_now
from build_scripts.research import common
from build_scripts.spreadsheet import safe_cell

COLUMNS = (
    "unit_id", "unit_name_vi", "unit_name_en", "indicator_id", "indicator_name_vi", "indicator_name_en",
    "unit", "measure", "price_basis", "period", "period_start", "period_end", "status", "value", "qualifier", "shown",
    "producer", "source_id", "source_url", "source_publisher", "source_title", "source_published", "note", "note_vi",
)
FORMATS = ("csv", "parquet", "json")
CODE = ("research", "queries", "sql", "db.py", "spreadsheet.py")  # what makes research_long and the slices (cache.code_version)
KINDS = {"indicators": ("slice_indicators", "indicator_slice", "indicator_id"),
         "units": ("slice_units", "unit_slice", "unit_id")}


@dataclass(frozen=True)
class Slice:
    kind: str  # "indicators" or "units"
    key: str  # the indicator_id or unit_id
    rows: int

    def path(self, fmt: str) -> str:
        """The file's path under the site root."""
        return f"downloads/{self.kind}/{self.key}.{fmt}"


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):  # text: never a formula in a spreadsheet (build_scripts/spreadsheet.py)
        return safe_cell(value)
    return str(common.jsonable(value))


def csv_text(rows: list[tuple]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return buffer.getvalue()


def json_text(rows: list[tuple]) -> str:
    records = [json.dumps(dict(zip(COLUMNS, common.jsonable(list(row)))), ensure_ascii=False, allow_nan=False)
               for row in rows]
    return "[\n" + ",\n".join(records) + "\n]\n" if records else "[]\n"


def write_slice(con, kind: str, key: str, site_dir: Path) -> tuple[Slice, list[Path]]:
    """The three files of one slice; returns the slice and the files written."""
    query_name = KINDS[kind][1]
    rel = common.relation(con, query_name, key=key)
    if tuple(rel.columns) != COLUMNS:
        raise RuntimeError(f"{query_name}.sql returns {rel.columns}, expected {COLUMNS}")
    rows = rel.fetchall()
    item = Slice(kind, key, len(rows))
    out = [site_dir / item.path(fmt) for fmt in FORMATS]
    out[0].parent.mkdir(parents=True, exist_ok=True)
    common.write_text(out[0], csv_text(rows))
    rel.write_parquet(str(out[1]), compression="zstd", overwrite=True)
    common.write_text(out[2], json_text(rows))
    return item, out


def digests(con) -> dict[tuple[str, str], dict]:
    """(kind, key) -> {"figures", "digest"} for every slice, from one query (slice_digests.sql)."""
    common.ensure_long(con)
    return {(r["kind"], r["key"]): r for r in common.query(con, "slice_digests")}


def write_all(con, site_dir: Path, store=None, found: dict | None = None) -> tuple[list[Slice], list[Path]]:
    """Every indicator's and every unit's slice with figures; returns the slices and the files, sorted.
    ``store`` is cache.files (or, without it, make_now: every slice made); ``found`` is digests(con)
    when the caller has it already."""
    store = store or make_now
    common.ensure_long(con)
    found = digests(con) if found is None else found
    for kind in KINDS:  # no file of an indicator or unit that is gone may stay behind (and be checksummed)
        shutil.rmtree(site_dir / "downloads" / kind, ignore_errors=True)
    slices, files = [], []
    for kind, (list_query, _, id_column) in sorted(KINDS.items()):
        for row in common.query(con, list_query):
            key = row[id_column]
            item = Slice(kind, key, found[(kind, key)]["figures"])
            out = [site_dir / item.path(fmt) for fmt in FORMATS]
            out[0].parent.mkdir(parents=True, exist_ok=True)
            store("slice", [kind, key, found[(kind, key)]["digest"]], out,
                  lambda kind=kind, key=key: write_slice(con, kind, key, site_dir), CODE)
            slices.append(item)
            files.extend(out)
    return slices, sorted(files)
