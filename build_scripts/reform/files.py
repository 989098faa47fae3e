"""Write observations_comparable as CSV (canonical form: UTF-8, LF, sorted by key), Parquet and JSON
(an array of records in schema order), the same shapes as the other resources' downloads."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

from build_scripts.reform import comparable


def field_names() -> list[str]:
    return [f["name"] for f in comparable.resource_descriptor()["schema"]["fields"]]


def number_text(value: float) -> str:
    """The shortest decimal that reads back as value, without exponent or trailing zeros: 271346, 45000.5."""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def csv_text(rows: list[dict]) -> str:
    names = field_names()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(names)
    for row in rows:
        writer.writerow([cell_text(row[name]) for name in names])
    return out.getvalue()


def json_text(rows: list[dict]) -> str:
    names = field_names()
    records = [{name: row[name] for name in names} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def csv_bytes(con) -> bytes:
    """The CSV file's bytes (for the package zip: member data/observations_comparable.csv). Builds the table."""
    return csv_text(comparable.comparable_rows(con)).encode("utf-8")


def write_csv(con, dest: Path) -> Path:
    """The CSV alone (for a package folder or zip: data/observations_comparable.csv)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(csv_bytes(con))
    return dest


def write_comparable(con, out_dir: Path) -> list[Path]:
    """observations_comparable.csv, .parquet and .json in out_dir (the site's downloads folder); returns
    the files, sorted. Builds the table in con first."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = comparable.comparable_rows(con)
    name = comparable.RESOURCE_NAME
    csv_path = out_dir / f"{name}.csv"
    csv_path.write_bytes(csv_text(rows).encode("utf-8"))
    json_path = out_dir / f"{name}.json"
    json_path.write_bytes(json_text(rows).encode("utf-8"))
    parquet_path = out_dir / f"{name}.parquet"
    con.sql(comparable.sql_text("comparable_rows")).write_parquet(str(parquet_path), compression="zstd")
    return sorted([csv_path, json_path, parquet_path])
