"""Helpers for the bad-input suite: copy the real package into tmp_path and break one thing in it.

The base is the real package with its bulk-imported rows (the statistics office's tables and the PCI pages,
about 95 % of the figures) cut to the provinces of the Bắc Ninh and Hà Nội lineages: every unit, indicator,
source and boundary event stays, and so do all the hand-entered figures, the back-cast ones and those of
former provinces, so every rule still meets the cases it is about while a validation runs in a fraction of
the time. Until the real package has its CSV files, the base is a small synthetic package
(benchmarks/synthetic.py), so the suite runs either way.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "datapackage"
RESOURCES = ("units", "unit_crosswalk", "indicators", "sources", "observations")


def real_package_present() -> bool:
    return all((REAL / "data" / f"{name}.csv").is_file() for name in RESOURCES)


# Source ids of the bulk importers, and the unit ids whose bulk rows the base keeps (prefixes).
BULK_SOURCES = ("gso-", "pci-")
KEPT_UNITS = ("bac-ninh", "bac-giang", "ha-bac", "hanoi", "ha-tay", "vinh-phu", "vinh-phuc", "phu-tho", "hoa-binh")
_TRIMMED: dict[Path, bytes] = {}


def trimmed_observations() -> bytes:
    """The real observations.csv without the bulk rows of other provinces, in the same order and form."""
    if REAL not in _TRIMMED:
        text = (REAL / "data" / "observations.csv").read_text(encoding="utf-8")
        records = list(csv.reader(io.StringIO(text, newline="")))
        header = records[0]
        unit, source, backcast = (header.index(f) for f in ("unit_id", "source_id", "backcast"))
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(r for r in records[1:] if not r[source].startswith(BULK_SOURCES)
                         or r[unit].startswith(KEPT_UNITS) or r[backcast] == "true")
        _TRIMMED[REAL] = buffer.getvalue().encode("utf-8")
    return _TRIMMED[REAL]


def base_package(tmp_path: Path) -> Path:
    """A valid package folder in tmp_path: the trimmed real one, or a synthetic one while it is missing."""
    out = tmp_path / "package"
    if real_package_present():
        shutil.copytree(REAL, out, ignore=shutil.ignore_patterns("README*", "observations.csv"))
        (out / "data" / "observations.csv").write_bytes(trimmed_observations())
    else:
        from benchmarks.synthetic import generate

        generate(out, indicators=8, provinces=6, periods=8, seed=1)
    return out


def csv_path(pkg: Path, resource: str) -> Path:
    return pkg / "data" / f"{resource}.csv"


def read(pkg: Path, resource: str) -> tuple[list[str], list[list[str]]]:
    records = list(csv.reader(io.StringIO(csv_path(pkg, resource).read_text(encoding="utf-8"), newline="")))
    return records[0], records[1:]


def write(pkg: Path, resource: str, header: list[str], rows: list[list[str]]) -> None:
    """Write rows in the given order with csv.writer (LF): canonical except for what the test changed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    csv_path(pkg, resource).write_text(buffer.getvalue(), encoding="utf-8", newline="")


def dicts(pkg: Path, resource: str) -> list[dict]:
    header, rows = read(pkg, resource)
    return [dict(zip(header, r), _row=i) for i, r in enumerate(rows, start=2)]


def find_row(pkg: Path, resource: str, predicate: Callable[[dict], bool]) -> int:
    """The row number (header = 1) of the first data row matching predicate."""
    for d in dicts(pkg, resource):
        if predicate(d):
            return d["_row"]
    raise LookupError(f"no row of {resource} matches")


def set_cell(pkg: Path, resource: str, row: int, field: str, value: str) -> None:
    header, rows = read(pkg, resource)
    rows[row - 2][header.index(field)] = value
    write(pkg, resource, header, rows)


def edit_rows(pkg: Path, resource: str, edit: Callable[[list[str], list[list[str]]], tuple[list[str], list[list[str]]]]) -> None:
    header, rows = read(pkg, resource)
    header, rows = edit(header, rows)
    write(pkg, resource, header, rows)


def edit_descriptor(pkg: Path, edit: Callable[[dict], None]) -> None:
    path = pkg / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    edit(descriptor)
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


def resource_of(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def indicator_rows(pkg: Path, **match: str) -> set[str]:
    """Indicator ids whose columns equal the given values (e.g. measure="share_pct")."""
    return {d["indicator_id"] for d in dicts(pkg, "indicators") if all(d.get(k) == v for k, v in match.items())}


def unit_ids(pkg: Path, **match: str) -> set[str]:
    return {d["unit_id"] for d in dicts(pkg, "units") if all(d.get(k) == v for k, v in match.items())}


def descriptor_line(pkg: Path, resource: str, field: str | None = None) -> int:
    """The line of datapackage.json naming a resource (or a field of its schema): where problems about it point."""
    lines = (pkg / "datapackage.json").read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if f'"name": {json.dumps(resource, ensure_ascii=False)}' in line)
    if field is None:
        return start + 1
    return next(i for i, line in enumerate(lines) if i > start and f'"name": {json.dumps(field, ensure_ascii=False)}' in line) + 1
