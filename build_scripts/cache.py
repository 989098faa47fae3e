"""Content-addressed cache of the build's costly outputs: chart files (spec, data, SVG) and downloads.

An entry's address is the SHA-256 of everything the output is made from: for a chart, its Vega-Lite spec
(with its data), file name and language; for a resource's downloads, the resource's descriptor and file
bytes; and always the code that makes it (the source of build_scripts/charts or downloads.py, and the
versions of Altair, vl-convert and DuckDB). A rebuild with nothing changed renders no chart and writes no
download; a change to one indicator renders only the charts whose data or labels changed.

The cache lives in a git-ignored folder (build/.cache by default). Entries are written to a temporary
folder and renamed into place, so two page workers never see half an entry. Deleting the folder is safe.

The pipeline uses it by replacing two calls (the one-line changes):
    render.write_chart(spec, out_dir, name, lang)   ->  cache.write_chart(spec, out_dir, name, lang)
    downloads.write_all(con, package_dir, out_dir)  ->  cache.write_downloads(con, package_dir, out_dir)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable

from build_scripts import settings

ROOT_ENV = "BN_CACHE_DIR"
EVENTS: list[Callable[[str], None]] = []  # listeners told "chart rendered", "chart reused", "download written", ...


def cache_root() -> Path:
    return Path(os.environ.get(ROOT_ENV) or settings.BUILD_DIR / ".cache")


def _event(name: str) -> None:
    for listener in EVENTS:
        listener(name)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


@lru_cache(maxsize=None)
def code_version(*paths: str) -> str:
    """Hash of the source files under paths (relative to build_scripts/) and of the libraries that render."""
    base = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for rel in paths:
        target = base / rel
        files = sorted(p for p in target.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if target.is_dir() else [target]
        for file in files:
            digest.update(file.relative_to(base).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    for package in ("altair", "vl-convert-python", "duckdb"):
        digest.update(f"{package}=={_version(package)}\0".encode())
    return digest.hexdigest()


def address(*parts) -> str:
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _entry(kind: str, key: str) -> Path:
    return cache_root() / kind / key[:2] / key


def _restore(entry: Path, names: dict[str, Path]) -> bool:
    """Copy the entry's files to their destinations; False when the entry is missing or incomplete."""
    if not all((entry / stored).is_file() for stored in names):
        return False
    for stored, dest in names.items():
        dest.parent.mkdir(parents=True, exist_ok=True)
        data = (entry / stored).read_bytes()
        if not (dest.exists() and dest.read_bytes() == data):  # unchanged files keep their time
            dest.write_bytes(data)
    return True


def _store(entry: Path, files: dict[str, Path], meta: dict | None = None) -> None:
    if entry.exists():
        return
    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=entry.parent))
    for stored, src in files.items():
        shutil.copyfile(src, tmp / stored)
    if meta is not None:
        (tmp / "meta.json").write_text(json.dumps(meta, sort_keys=True), encoding="utf-8")
    try:
        os.rename(tmp, entry)
    except OSError:  # another worker stored the same entry first
        shutil.rmtree(tmp, ignore_errors=True)


def write_chart(chart, out_dir: Path, name: str, lang: str):
    """render.write_chart, served from the cache when the same spec was rendered before."""
    from build_scripts.charts import render

    key = address("chart", chart.to_dict(validate=False), name, lang, code_version("charts"))
    entry = _entry("charts", key)
    out_dir = Path(out_dir)
    targets = {"spec": out_dir / f"{name}.vl.json", "data": out_dir / f"{name}.data.json", "svg": out_dir / f"{name}.svg"}
    meta_file = entry / "meta.json"
    if meta_file.is_file() and _restore(entry, {k: v for k, v in targets.items()}):
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        _event("chart reused")
        return render.ChartFiles(name=name, **targets, **meta)
    files = render.write_chart(chart, out_dir, name, lang)
    _store(entry, {"spec": files.spec, "data": files.data, "svg": files.svg},
           {"width": files.width, "height": files.height, "kind": files.kind})
    _event("chart rendered")
    return files


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_downloads(con, package_dir: Path, out_dir: Path) -> list[Path]:
    """downloads.write_all, resource by resource from the cache: only a changed resource is written again
    (and the zip and descriptor when anything changed)."""
    from build_scripts import downloads

    out_dir.mkdir(parents=True, exist_ok=True)
    descriptor_file = package_dir / "datapackage.json"
    descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    code = code_version("downloads.py")
    written: list[Path] = []
    hashes = {}
    for resource in descriptor["resources"]:
        name = resource["name"]
        hashes[name] = _file_hash(package_dir / resource["path"])
        names = {f"{name}.{ext}": out_dir / f"{name}.{ext}" for ext in ("csv", "parquet", "json")}
        entry = _entry("downloads", address("resource", resource, hashes[name], code))
        if _restore(entry, names):
            _event("download reused")
        else:
            shutil.copyfile(package_dir / resource["path"], names[f"{name}.csv"])
            downloads.write_parquet(con, name, names[f"{name}.parquet"])
            downloads.write_json(con, name, [f["name"] for f in resource["schema"]["fields"]], names[f"{name}.json"])
            _store(entry, {stored: path for stored, path in names.items()})
            _event("download written")
        written += names.values()
    zip_name = f"{descriptor['name']}.zip"
    names = {"datapackage.json": out_dir / "datapackage.json", zip_name: out_dir / zip_name}
    entry = _entry("downloads", address("package", _file_hash(descriptor_file), hashes, code))
    if _restore(entry, names):
        _event("download reused")
    else:
        shutil.copyfile(descriptor_file, names["datapackage.json"])
        downloads.write_zip(package_dir, descriptor, names[zip_name])
        _store(entry, names)
        _event("download written")
    written += names.values()
    return sorted(written)
