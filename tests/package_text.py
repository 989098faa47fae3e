"""CSV text that tests write in a short column set, completed to the real descriptor's columns: fields a test
leaves out get their default (empty; a crosswalk row moves a whole unit), in the descriptor's order."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

DESCRIPTOR = Path(__file__).resolve().parents[1] / "datapackage" / "datapackage.json"
DEFAULTS = {("unit_crosswalk", "transfer"): "whole"}


def fields(resource: str) -> list[str]:
    for r in json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["resources"]:
        if r["name"] == resource:
            return [f["name"] for f in r["schema"]["fields"]]
    raise KeyError(resource)


def complete(resource: str, text: str) -> str:
    """text: CSV with a header row; returns it with every field of the resource, in schema order."""
    rows = list(csv.DictReader(io.StringIO(text)))
    names = fields(resource)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([row.get(n) if row.get(n) is not None else DEFAULTS.get((resource, n), "") for n in names])
    return out.getvalue()


def complete_files(files: dict[str, str]) -> dict[str, str]:
    """{"data/<resource>.csv": text} with each known resource's text completed."""
    known = {f"data/{r['name']}.csv": r["name"]
             for r in json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["resources"]}
    return {path: complete(known[path], text) if path in known else text for path, text in files.items()}
