"""DuckDB-WASM in the site: the files of the npm package pinned in package-lock.json (installed by
``npm ci`` into node_modules/), copied into ``<docs>/assets/explore/engine/`` so that the SQL page loads
its engine from the site itself and from nowhere else.

Only the single-threaded bundles are published: "eh" (WebAssembly exceptions, every current browser) and
"mvp" (the fallback); the "coi" bundle needs cross-origin isolation headers a static host does not send.

Two files are adapted while copied, always the same way, so a build stays byte-identical:
- ``duckdb-browser.js`` (the package's duckdb-browser.mjs) imports the bare name "apache-arrow", which a
  browser cannot resolve without an import map: the import is pointed at ``./apache-arrow.js`` beside it;
- ``apache-arrow.js`` is Apache Arrow's own UMD build (Arrow.esnext.min.js) wrapped as an ES module that
  exports what DuckDB-WASM uses.
Modules are published as .js, a suffix static hosts compress. Source-map comments are dropped: the maps are not published, and a browser's tools would ask for them.

Without node_modules the build still succeeds: ``copy_engine`` returns False and the page says the engine
is not part of this build (the Makefile's targets run ``npm ci`` first, so a build by the README's
commands always has it).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from build_scripts import settings

PACKAGE = "@duckdb/duckdb-wasm"
TARGET = "assets/explore/engine"  # inside the docs folder, and so inside the site
MODULE = "duckdb-browser.js"  # what the page imports
# published name -> the file of node_modules it is made from (relative to node_modules)
COPIED = {
    "duckdb-eh.wasm": f"{PACKAGE}/dist/duckdb-eh.wasm",
    "duckdb-mvp.wasm": f"{PACKAGE}/dist/duckdb-mvp.wasm",
    "duckdb-eh-worker.js": f"{PACKAGE}/dist/duckdb-browser-eh.worker.js",
    "duckdb-mvp-worker.js": f"{PACKAGE}/dist/duckdb-browser-mvp.worker.js",
    MODULE: f"{PACKAGE}/dist/duckdb-browser.mjs",
    "apache-arrow.js": "apache-arrow/Arrow.esnext.min.js",
    "apache-arrow.LICENSE.txt": "apache-arrow/LICENSE.txt",
    "apache-arrow.NOTICE.txt": "apache-arrow/NOTICE.txt",
}
# What DuckDB-WASM's module takes from Apache Arrow (import * as x from "apache-arrow"; x.Type, ...).
ARROW_EXPORTS = ("RecordBatchReader", "Table", "Type", "tableFromIPC", "tableToIPC")
_SOURCE_MAP = re.compile(rb"\n?//# sourceMappingURL=[^\n]*")
_ARROW_IMPORT = re.compile(rb"""from\s*["']apache-arrow["']""")


def node_modules() -> Path:
    """node_modules of the repository, or the folder BN_NODE_MODULES names (tests build without it)."""
    given = os.environ.get("BN_NODE_MODULES")
    return Path(given) if given else settings.REPO / "node_modules"


def missing(modules: Path | None = None) -> list[str]:
    """The files of node_modules the engine needs that are not there (empty: the engine can be copied)."""
    modules = modules or node_modules()
    return [source for source in COPIED.values() if not (modules / source).is_file()]


def version(modules: Path | None = None) -> str | None:
    """The installed DuckDB-WASM's version (from its package.json), None when it is not installed."""
    path = (modules or node_modules()) / PACKAGE / "package.json"
    try:
        return str(json.loads(path.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None


def published(name: str, data: bytes, engine_version: str | None) -> bytes:
    """The bytes published under ``name``, made from the package file's bytes ``data``."""
    if name.endswith(".js"):
        data = _SOURCE_MAP.sub(b"", data)
    if name == MODULE:
        data, count = _ARROW_IMPORT.subn(b'from"./apache-arrow.js"', data)
        if not count:
            raise ValueError(f"{COPIED[MODULE]}: no import of apache-arrow found; DuckDB-WASM {engine_version} is not the version this build knows")
    if name == "apache-arrow.js":
        head = b"// Apache Arrow's UMD build as an ES module (build_scripts/explore/engine.py).\nconst module = {exports: {}};\nconst exports = module.exports;\n"
        tail = "\nexport const {" + ", ".join(ARROW_EXPORTS) + "} = module.exports;\nexport default module.exports;\n"
        data = head + data + tail.encode("ascii")
    return data


def notice(engine_version: str | None) -> bytes:
    return (f"DuckDB-WASM {engine_version} ({PACKAGE} on the npm registry), MIT licence: "
            "https://github.com/duckdb/duckdb-wasm/blob/main/LICENSE\n"
            "Apache Arrow for JavaScript: Apache License 2.0, see apache-arrow.LICENSE.txt and apache-arrow.NOTICE.txt\n").encode("utf-8")


def copy_engine(docs_dir: Path, modules: Path | None = None) -> bool:
    """Copy the engine into ``docs_dir/assets/explore/engine``; False (nothing copied) when node_modules
    lacks it. A file already identical is left untouched."""
    modules = modules or node_modules()
    if missing(modules):
        return False
    engine_version = version(modules)
    target = Path(docs_dir) / TARGET
    target.mkdir(parents=True, exist_ok=True)
    files = {name: published(name, (modules / source).read_bytes(), engine_version) for name, source in COPIED.items()}
    files["LICENSES.txt"] = notice(engine_version)
    for name, data in sorted(files.items()):
        dest = target / name
        if not dest.is_file() or dest.stat().st_size != len(data) or dest.read_bytes() != data:
            dest.write_bytes(data)
    return True


def present(docs_dir: Path) -> bool:
    """Whether a docs folder holds the engine (the page module asks before offering the editor)."""
    return (Path(docs_dir) / TARGET / MODULE).is_file()
