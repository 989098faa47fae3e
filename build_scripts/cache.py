"""Content-addressed cache of the build's costly outputs: chart SVGs and the download files.

An entry's address is the SHA-256 of everything the output is made from, never of a time: for a chart, the
exact text of its Vega-Lite spec and data files, its file name and language; for a group of download files
(one resource's CSV, Parquet and JSON; a slice's; the zips; an API document...), the ``parts`` its writer
names (the bytes or rows it is made from, as digests) and the file names; and always the code that makes it
(``code_version``: the source files named, and the versions of Altair, vl-convert and DuckDB). A rebuild
with nothing changed renders no chart and makes no download file: each is copied from the cache. A change
to one figure makes again only the files whose inputs changed.

The cache lives in a git-ignored folder: $BN_CACHE_DIR, else <build dir>/.cache (the pipeline sets it for
its page workers), else build/.cache. Entries are written to a temporary folder and renamed into place, so
two page workers never see half an entry. Deleting the folder is safe. EVENTS listeners hear "chart
rendered" / "chart reused" once a chart and "download written" / "download reused" once a file.
Reading or storing an entry sets its folder's time; ``prune(t)`` deletes the entries untouched since t
(the pipeline calls it after a build when $BN_CACHE_PRUNE=1, so a cache CI keeps holds one build's entries).

    cache.write_chart(chart, out_dir, name, lang)           render.write_chart through the cache
    downloads.write_all(con, package_dir, out_dir, store=cache.files)  (store.make_now, without it, makes every file)
    research.publish.publish(con, descriptor, site_dir, page_units, store=cache.files)
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import tempfile
import zlib
from contextlib import contextmanager
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable

from build_scripts import settings

ROOT_ENV = "BN_CACHE_DIR"
PRUNE_ENV = "BN_CACHE_PRUNE"  # "1": after a build that succeeded, delete the entries that build did not use
KINDS = ("charts", "built-charts", "files")
EVENTS: list[Callable[[str], None]] = []  # listeners told "chart rendered", "chart reused", "download written", ...


def cache_root() -> Path:
    return Path(os.environ.get(ROOT_ENV) or settings.BUILD_DIR / ".cache")


@contextmanager
def rooted(default: Path):
    """Within the block, the cache is $BN_CACHE_DIR when set, else ``default``; set in the environment so that
    spawned page workers use the same folder. The environment is restored after."""
    old = os.environ.get(ROOT_ENV)
    if not old:
        os.environ[ROOT_ENV] = str(Path(default).resolve())
    try:
        yield cache_root()
    finally:
        if not old:
            os.environ.pop(ROOT_ENV, None)


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
    """Hash of the source files under paths (relative to build_scripts/), of the libraries that render and
    write (Altair, vl-convert, DuckDB, Babel) and of Python and zlib (the zips' compression)."""
    base = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for rel in paths:
        target = base / rel
        files = sorted(p for p in target.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if target.is_dir() else [target]
        for file in files:
            digest.update(file.relative_to(base).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    for package in ("altair", "vl-convert-python", "duckdb", "babel"):  # babel: the charts' number and date locales
        digest.update(f"{package}=={_version(package)}\0".encode())
    digest.update(f"python=={platform.python_version()} zlib=={zlib.ZLIB_RUNTIME_VERSION}\0".encode())  # the zips
    return digest.hexdigest()


def address(*parts) -> str:
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _entry(kind: str, key: str) -> Path:
    return cache_root() / kind / key[:2] / key


def _copy_in(src: Path, dest: Path) -> None:
    """Copy a stored file to dest, leaving dest alone (and its time) when it holds the same bytes."""
    data = src.read_bytes()
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not (dest.is_file() and dest.read_bytes() == data):
        dest.write_bytes(data)


def _store(entry: Path, files: dict[str, Path], texts: dict[str, str] | None = None) -> None:
    """Put files (stored name -> source) and texts (stored name -> text) into the entry, all or nothing."""
    if entry.exists():
        _mark_used(entry)
        return
    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=entry.parent))
    for stored, src in files.items():
        shutil.copyfile(src, tmp / stored)
    for stored, text in (texts or {}).items():
        (tmp / stored).write_text(text, encoding="utf-8")
    names = sorted([*files, *(texts or {})])
    (tmp / "files.json").write_text(json.dumps(names), encoding="utf-8")  # written last: the entry is whole
    try:
        os.rename(tmp, entry)
    except OSError:  # another worker stored the same entry first
        shutil.rmtree(tmp, ignore_errors=True)
        _mark_used(entry)


def _complete(entry: Path, names: list[str]) -> bool:
    """Whether the entry holds every name; a whole entry is marked used (its folder's time set to now)."""
    if (entry / "files.json").is_file() and all((entry / name).is_file() for name in names):
        _mark_used(entry)
        return True
    return False


def _mark_used(entry: Path) -> None:
    try:
        os.utime(entry)
    except OSError:  # removed by a concurrent prune, or a read-only cache: the entry stays readable
        pass


def prune(unused_since: float) -> int:
    """Delete the entries no build has used or stored since the time ``unused_since`` (seconds since the
    epoch); returns how many. A cache kept between CI runs stays the size of one build's outputs instead of
    growing with every figure changed."""
    root, removed = cache_root(), 0
    for kind in KINDS:
        for entry in sorted((root / kind).glob("??/*")):
            if entry.name.startswith(".tmp-") or not entry.is_dir():
                continue
            try:
                stale = entry.stat().st_mtime < unused_since - 1  # file times run on a coarser clock than time.time()
            except OSError:
                continue
            if stale:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
    return removed


def write_chart(chart, out_dir: Path, name: str, lang: str):
    """render.write_chart, with the SVG (vl-convert's work) served from the cache when the same spec and
    data were rendered before. The chart becomes its Vega-Lite dict once (render.prepare), and the key is
    the hash of the very texts written, so nothing is serialised twice."""
    from build_scripts.charts import render

    prepared = render.prepare(chart, name)
    key = address("chart", name, lang, hashlib.sha256(prepared.spec_text.encode("utf-8")).hexdigest(),
                  hashlib.sha256(prepared.data_text.encode("utf-8")).hexdigest(), code_version("charts"))
    entry = _entry("charts", key)
    if _complete(entry, ["svg"]):
        files = render.write_prepared(prepared, out_dir, lang, svg=(entry / "svg").read_text(encoding="utf-8"))
        _event("chart reused")
        return files
    files = render.write_prepared(prepared, out_dir, lang)
    _store(entry, {"svg": files.svg})
    _event("chart rendered")
    return files


def write_built_chart(inputs, build: Callable[[], object], out_dir: Path, name: str, lang: str):
    """A chart addressed by what its builder is given (``inputs``: the builder's name, rows, labels and
    options) and by the charts code: when the same inputs were drawn before, its three files are copied
    from the cache and no Altair chart is built at all (building one is most of a cached chart's cost);
    else ``build()`` makes the chart and write_chart writes it (the SVG from the cache when the same spec
    was rendered before). One "chart rendered" or "chart reused" event a chart."""
    from build_scripts.charts import render

    out_dir = Path(out_dir)
    key = address("built-chart", inputs, name, lang, code_version("charts"))
    entry = _entry("built-charts", key)
    targets = {"spec": out_dir / f"{name}.vl.json", "data": out_dir / f"{name}.data.json", "svg": out_dir / f"{name}.svg"}
    if _complete(entry, [*targets, "meta.json"]):
        for stored, dest in targets.items():
            _copy_in(entry / stored, dest)
        _event("chart reused")
        return render.ChartFiles(name=name, **targets, **json.loads((entry / "meta.json").read_text(encoding="utf-8")))
    files = write_chart(build(), out_dir, name, lang)
    _store(entry, {"spec": files.spec, "data": files.data, "svg": files.svg},
           {"meta.json": json.dumps({"width": files.width, "height": files.height, "kind": files.kind}, sort_keys=True)})
    return files


def files(kind: str, parts, dests: list[Path], make: Callable[[], object], code: tuple[str, ...] = ()) -> None:
    """A group of download files made together by make() (which writes exactly ``dests``): copied from the
    cache when a group of this kind was made before from the same ``parts`` (what the files are made from:
    digests of bytes or rows, and small values), with the same file names and the same ``code``
    (paths under build_scripts/); else made and stored. Tells EVENTS once a file."""
    dests = [Path(d) for d in dests]
    names = [f"{i}-{d.name}" for i, d in enumerate(dests)]
    key = address(kind, parts, [d.name for d in dests], code_version(*sorted(set(code))))
    entry = _entry("files", key)
    if _complete(entry, names):
        for stored, dest in zip(names, dests):
            _copy_in(entry / stored, dest)
            _event("download reused")
        return
    make()
    missing = [str(d) for d in dests if not d.is_file()]
    if missing:
        raise RuntimeError(f"the {kind} writer did not write {', '.join(missing)}")
    _store(entry, dict(zip(names, dests)))
    for _ in dests:
        _event("download written")
