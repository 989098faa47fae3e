"""Downloads under /downloads/: each resource as CSV (the package's own file), Parquet (written by DuckDB)
and JSON (an array of records in schema order), the descriptor, and the whole package as a zip: under its
version's name (bac-ninh-open-data-<version>.zip, with its SHA-256 checksum beside it in <zip>.sha256) and,
for the links made before releases had versions, as bac-ninh-open-data.zip (the same bytes).

The published package also holds ``observations_comparable`` (build_scripts/reform: the comparable series
across the 2025 reform), in the same three formats, in the published descriptor and in the zip; the
``observations`` download stays exactly the published figures.

Everything is deterministic: sorted inputs, fixed zip timestamps and permissions, no build dates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import zipfile
from pathlib import Path

from build_scripts import db, settings

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def write_all(con, package_dir: Path, out_dir: Path) -> list[Path]:
    """Write every download into out_dir (the site's downloads/ folder); returns the files, sorted."""
    out_dir.mkdir(parents=True, exist_ok=True)
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    written = []
    for resource in descriptor["resources"]:
        name = resource["name"]
        written.append(_copy(package_dir / resource["path"], out_dir / f"{name}.csv"))
        written.append(write_parquet(con, name, out_dir / f"{name}.parquet"))
        written.append(write_json(con, name, [f["name"] for f in resource["schema"]["fields"]], out_dir / f"{name}.json"))
    from build_scripts.reform import comparable, files as reform_files

    comparable.prepare(con)
    written.extend(reform_files.write_comparable(con, out_dir))
    published = comparable.published_descriptor(descriptor)
    descriptor_bytes = (json.dumps(published, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    (out_dir / "datapackage.json").write_bytes(descriptor_bytes)
    written.append(out_dir / "datapackage.json")
    members = {"datapackage.json": descriptor_bytes}
    for resource in published["resources"]:
        path = package_dir / resource["path"]
        members[resource["path"]] = path.read_bytes() if path.is_file() else reform_files.csv_bytes(con)
    written.append(write_zip(members, out_dir / f"{descriptor['name']}.zip"))  # the address earlier links use
    written.extend(write_release(members, descriptor.get("version"), out_dir))
    return sorted(written)


def write_release(members: dict[str, bytes], version: str | None, out_dir: Path) -> list[Path]:
    """The release's zip, its version in the name (changelog.release_zip_name), with <zip>.sha256 beside
    it; nothing when the descriptor has no version."""
    if not version:
        return []
    from build_scripts import changelog

    if not re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", str(version)):
        raise ValueError(f"datapackage.json: the version {str(version)!r} is not MAJOR.MINOR.PATCH (for example 0.2.0)")

    archive = write_zip(members, out_dir / changelog.release_zip_name(version))
    return [archive, changelog.write_checksum(archive)]


def _copy(src: Path, dest: Path) -> Path:
    shutil.copyfile(src, dest)
    return dest


def write_parquet(con, resource: str, dest: Path) -> Path:
    con.table(f"stg_{resource}").write_parquet(str(dest), compression="zstd")
    return dest


def _jsonable(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def write_json(con, resource: str, fields: list[str], dest: Path) -> Path:
    relation = con.table(f"stg_{resource}")
    columns = relation.columns
    records = [
        {name: _jsonable(row[columns.index(name)]) for name in fields}
        for row in relation.fetchall()
    ]
    text = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    dest.write_bytes(text.encode("utf-8"))
    return dest


def write_zip(members: dict[str, bytes], dest: Path) -> Path:
    """The published package: datapackage.json first, then its data files by path, fixed dates and modes."""
    order = ["datapackage.json"] + sorted(name for name in members if name != "datapackage.json")
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in order:
            info = zipfile.ZipInfo(member, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[member])
    return dest
