"""Content-addressed cache of the build's costly outputs: chart files (spec, data, SVG) and downloads.

An entry's address is the SHA-256 of everything the output is made from: for a chart, its Vega-Lite spec
(with its data), file name and language; for the downloads, the package's file bytes; and always the code
that makes it (build_scripts/charts; or downloads.py, reform/ and the queries) and the versions of Altair,
vl-convert and DuckDB. A rebuild with nothing changed renders no chart and writes no
download; a change to one indicator renders only the charts whose data or labels changed (and writes the
downloads again: they are one step, see write_downloads).

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


def write_downloads(con, package_dir: Path, out_dir: Path, write: Callable | None = None) -> list[Path]:
    """downloads.write_all, served from the cache when the package's files and the code that writes the
    downloads are unchanged. One entry for all downloads: downloads.write_all is one step, so a changed
    figure writes every download again (a per-resource writer in downloads.py would narrow that)."""
    from build_scripts import downloads

    package_dir, out_dir = Path(package_dir), Path(out_dir)
    inputs = sorted(p for p in package_dir.rglob("*") if p.is_file())
    key = address("downloads", [(p.relative_to(package_dir).as_posix(), _file_hash(p)) for p in inputs],
                  code_version("downloads.py", "reform", "queries", "sql"))
    entry = _entry("downloads", key)
    listing = entry / "files.json"
    if listing.is_file():
        names = json.loads(listing.read_text(encoding="utf-8"))
        if _restore(entry / "files", {name: out_dir / name for name in names}):
            _event("downloads reused")
            return sorted(out_dir / name for name in names)
    files = (write or downloads.write_all)(con, package_dir, out_dir)
    names = sorted(Path(f).relative_to(out_dir).as_posix() for f in files)
    _store_tree(entry, out_dir, names)
    _event("downloads written")
    return sorted(files)


def _store_tree(entry: Path, base: Path, names: list[str]) -> None:
    if entry.exists():
        return
    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=entry.parent))
    for name in names:
        (tmp / "files" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(base / name, tmp / "files" / name)
    (tmp / "files.json").write_text(json.dumps(names), encoding="utf-8")
    try:
        os.rename(tmp, entry)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
