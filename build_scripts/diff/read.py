"""Read one package folder into plain rows: its descriptor flattened, and every CSV cell in long form.

Nothing here judges the data (validation does that); a file that is missing reads as an empty table, so a
diff still works on a package that is half written. Only text that cannot be decoded at all is an error.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts.diff.errors import PackageReadError

DESCRIPTOR = "datapackage.json"


@dataclass
class Package:
    """A package as the diff sees it."""

    folder: Path
    descriptor: dict
    # (resource, row_number, row_key, field, value): row_number counts the header as row 1.
    cells: list[tuple[str, int, str, str, str | None]] = field(default_factory=list)
    # (scope, name, property, value as JSON text): scope is package, resource or field.
    properties: list[tuple[str, str, str, str]] = field(default_factory=list)
    # Files the descriptor names that are not there, relative to the folder.
    missing_files: list[str] = field(default_factory=list)


def read_descriptor(folder: Path) -> dict:
    """The parsed datapackage.json of a folder; an empty package if the folder has none."""
    path = folder / DESCRIPTOR
    if not path.is_file():
        return {}
    text = _decode(path.read_bytes(), path)
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as error:
        raise PackageReadError("descriptor-json", path=path, line=error.lineno, detail=error.msg) from None
    except RecursionError:
        raise PackageReadError("descriptor-deep", path=path) from None
    if not isinstance(descriptor, dict):
        raise PackageReadError("descriptor-not-object", path=path)
    return descriptor


def resources(descriptor: dict) -> list[dict]:
    """The resources of a descriptor that have a name, in descriptor order."""
    found = descriptor.get("resources")
    if not isinstance(found, list):
        return []
    return [r for r in found if isinstance(r, dict) and isinstance(r.get("name"), str)]


def primary_keys(descriptor: dict) -> dict[str, list[str]]:
    """resource name -> primary key fields (empty when the schema names none)."""
    keys = {}
    for resource in resources(descriptor):
        schema = resource.get("schema") if isinstance(resource.get("schema"), dict) else {}
        key = schema.get("primaryKey", [])
        if isinstance(key, str):
            key = [key]
        keys[resource["name"]] = [k for k in key if isinstance(k, str)] if isinstance(key, list) else []
    return keys


def read_package(folder: Path, keys: dict[str, list[str]]) -> Package:
    """Read a folder; ``keys`` gives the primary key to identify rows by, per resource (shared by both sides)."""
    descriptor = read_descriptor(folder)
    package = Package(folder=folder, descriptor=descriptor, properties=flatten_descriptor(descriptor))
    for resource in resources(descriptor):
        name = resource["name"]
        relative = resource.get("path")
        if not isinstance(relative, str) or "://" in relative:
            continue
        path = (folder / relative).resolve()
        if not path.is_relative_to(folder.resolve()):
            raise PackageReadError("path-escapes", path=folder / DESCRIPTOR, resource=name, resource_path=relative)
        if not path.is_file():
            package.missing_files.append(relative)
            continue
        package.cells.extend(_read_cells(path, name, keys.get(name, [])))
    return package


def _read_cells(path: Path, resource: str, key: list[str]):
    text = _decode(path.read_bytes(), path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
        for values in reader:
            if not any(values):
                continue
            row = dict(zip(header, values))
            row_key = " · ".join(row.get(k, "") for k in key) if key else f"row {reader.line_num}"
            for name in header:
                value = row.get(name)
                yield (resource, reader.line_num, row_key, name, value if value != "" else None)
    except csv.Error as error:
        raise PackageReadError("csv-syntax", path=path, line=reader.line_num, detail=str(error)) from None


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PackageReadError("encoding", path=path, line=line, byte=f"0x{data[error.start]:02x}") from None


def flatten_descriptor(descriptor: dict) -> list[tuple[str, str, str, str]]:
    """Every property of the descriptor as (scope, name, property, JSON value), fields one by one.

    Resources and fields keep their ``name`` property, so that one with no other property is still seen.
    """
    rows = []
    for prop, value in descriptor.items():
        if prop != "resources":
            rows.append(("package", "", prop, _json(value)))
    for resource in resources(descriptor):
        name = resource["name"]
        for prop, value in resource.items():
            if prop == "schema" and isinstance(value, dict):
                for schema_prop, schema_value in value.items():
                    if schema_prop == "fields" and isinstance(schema_value, list):
                        for position, field_descriptor in enumerate(schema_value):
                            if not isinstance(field_descriptor, dict):
                                continue
                            field_name = f"{name}.{field_descriptor.get('name', position)}"
                            for field_prop, field_value in field_descriptor.items():
                                rows.append(("field", field_name, field_prop, _json(field_value)))
                    else:
                        rows.append(("resource", name, f"schema.{schema_prop}", _json(schema_value)))
            else:
                rows.append(("resource", name, prop, _json(value)))
    return rows


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
