"""Downloads under /downloads/: each resource as CSV (the package's own file), Parquet (written by DuckDB)
and JSON (an array of records in schema order), the descriptor, and the whole package as a zip: under its
version's name (bac-ninh-open-data-<version>.zip, with its SHA-256 checksum beside it in <zip>.sha256) and,
for the links made before releases had versions, as bac-ninh-open-data.zip (the same bytes).

The published package also holds ``observations_comparable`` (build_scripts/reform: the comparable series
across the 2025 reform), in the same three formats, in the published descriptor and in the zip; the
``observations`` download stays exactly the published figures.

Everything is deterministic: sorted inputs, fixed zip timestamps and permissions, no build dates.

Each group of files made together (one resource's three files, the comparable series' three, the
descriptor, the zips) goes through ``store(kind, parts, dests, make, code)``: without a store the group is
simply made; the pipeline passes ``build_scripts.cache.files``, which makes it only when no file group with
the same address (the hash of ``parts``, what the files are made from, and of the ``code`` that makes them)
was made before, and otherwise copies the stored bytes. So a rebuild with nothing changed renders no Parquet
and no zip.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zipfile
from pathlib import Path
from typing import Callable

from build_scripts import db
from build_scripts.store import make_now

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
STAGED_CODE = ("downloads.py", "spreadsheet.py", "db.py", "sql")  # plus queries/stg_<resource>.sql: what a staged table is made by
COMPARABLE_CODE = ("downloads.py", "db.py", "sql", "queries", "reform")
ZIP_CODE = ("downloads.py", "changelog.py")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_all(con, package_dir: Path, out_dir: Path, store: Callable = make_now) -> list[Path]:
    """Write every download into out_dir (the site's downloads/ folder); returns the files, sorted."""
    out_dir.mkdir(parents=True, exist_ok=True)
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    files = db.resource_paths(package_dir)  # the literal files validation read
    data = {r["path"]: files[r["name"]].read_bytes() for r in descriptor["resources"]}
    written = []
    for resource in descriptor["resources"]:
        name, fields = resource["name"], [f["name"] for f in resource["schema"]["fields"]]
        dests = [out_dir / f"{name}.csv", out_dir / f"{name}.parquet", out_dir / f"{name}.json"]

        def make(resource=resource, name=name, fields=fields, dests=dests):
            write_csv(data[resource["path"]], text_fields(resource), dests[0])
            write_parquet(con, name, dests[1])
            write_json(con, name, fields, dests[2])

        store("resource", [name, fields, digest(data[resource["path"]])], dests, make,
              STAGED_CODE + (f"queries/stg_{name}.sql",))
        written.extend(dests)
    from build_scripts.reform import comparable, files as reform_files

    name = comparable.RESOURCE_NAME
    dests = sorted([out_dir / f"{name}.csv", out_dir / f"{name}.json", out_dir / f"{name}.parquet"])
    package_digest = [[path, digest(data[path])] for path in sorted(data)] + [
        ["datapackage.json", digest((package_dir / "datapackage.json").read_bytes())]]
    store("comparable", package_digest, dests, lambda: reform_files.write_comparable(con, out_dir), COMPARABLE_CODE)
    written.extend(dests)
    published = comparable.published_descriptor(descriptor)
    descriptor_bytes = (json.dumps(published, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    store("descriptor", [digest(descriptor_bytes)], [out_dir / "datapackage.json"],
          lambda: (out_dir / "datapackage.json").write_bytes(descriptor_bytes), ("downloads.py",))
    written.append(out_dir / "datapackage.json")
    members = {"datapackage.json": descriptor_bytes}
    for resource in published["resources"]:
        path = resource["path"]  # the comparable series is not in the package: its CSV is the download's bytes
        members[path] = data[path] if path in data else (out_dir / f"{name}.csv").read_bytes()
    written.extend(write_zips(members, descriptor, out_dir, store))
    return sorted(written)


def write_zips(members: dict[str, bytes], descriptor: dict, out_dir: Path, store: Callable | None = None) -> list[Path]:
    """The package's zip under the address earlier links use, and the release's (write_release)."""
    from build_scripts import changelog

    store = store or make_now
    version = descriptor.get("version")
    check_version(version)
    dests = [out_dir / f"{descriptor['name']}.zip"]
    if version:
        release = out_dir / changelog.release_zip_name(version)
        dests += [release, release.with_name(release.name + ".sha256")]

    def make():
        write_zip(members, dests[0])
        write_release(members, version, out_dir)

    store("zip", [[name, digest(data)] for name, data in sorted(members.items())], dests, make, ZIP_CODE)
    return dests


def check_version(version) -> None:
    if version and not re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", str(version)):
        raise ValueError(f"datapackage.json: the version {str(version)!r} is not MAJOR.MINOR.PATCH (for example 0.2.0)")


def write_release(members: dict[str, bytes], version: str | None, out_dir: Path) -> list[Path]:
    """The release's zip, its version in the name (changelog.release_zip_name), with <zip>.sha256 beside
    it; nothing when the descriptor has no version."""
    if not version:
        return []
    from build_scripts import changelog

    check_version(version)

    archive = write_zip(members, out_dir / changelog.release_zip_name(version))
    return [archive, changelog.write_checksum(archive)]


def text_fields(resource: dict) -> set[str]:
    return {f["name"] for f in resource["schema"]["fields"] if f.get("type", "string") == "string"}


def write_csv(data: bytes, fields: set[str], dest: Path) -> Path:
    """The package file's bytes, spreadsheet-safe (build_scripts/spreadsheet.py: a text cell beginning with
    =, +, -, @ gets an apostrophe before it; a file without one is a byte copy)."""
    from build_scripts.spreadsheet import safe_csv

    dest.write_bytes(safe_csv(data, fields))
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
