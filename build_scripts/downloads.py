"""Downloads under /downloads/: each resource as CSV (the package's own file), Parquet (written by DuckDB)
and JSON (an array of records in schema order), the descriptor, and the whole package as a zip.

Everything is deterministic: sorted inputs, fixed zip timestamps and permissions, no build dates.
"""

from __future__ import annotations

import datetime as dt
import json
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
    written.append(_copy(package_dir / "datapackage.json", out_dir / "datapackage.json"))
    written.append(write_zip(package_dir, descriptor, out_dir / f"{descriptor['name']}.zip"))
    return sorted(written)


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


def write_zip(package_dir: Path, descriptor: dict, dest: Path) -> Path:
    """The package as it is in the repository: datapackage.json and its data files, in a fixed order."""
    members = ["datapackage.json"] + sorted(r["path"] for r in descriptor["resources"])
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in members:
            info = zipfile.ZipInfo(member, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (package_dir / member).read_bytes())
    return dest
