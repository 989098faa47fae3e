"""The Vega bundle the site serves itself (no CDN): Vega, Vega-Lite and Vega-Embed as one script made
offline by vl-convert-python's javascript_bundle, wrapped in a function so its minified names stay out
of the page's global scope, with a licence header naming what it contains; the full licence texts are in
vega-bundle.LICENSES.txt. Of the globals it sets, only window.vegaEmbed is usable: in vl-convert 1.9's
bundle window.vega and window.vegaLite are null (charts.js needs vegaEmbed only).

    python -m build_scripts.charts.vendor                       # rewrite the bundle (offline)
    python -m build_scripts.charts.vendor --licences NODE_MODULES
        # also rewrite the licence texts, from an `npm install vega@V vega-lite@V vega-embed@V
        # lodash.debounce@4.0.8` folder (run once a version changes; the result is committed)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "assets" / "javascripts" / "vendor"
BUNDLE = VENDOR / "vega-bundle.js"
LICENCES = VENDOR / "vega-bundle.LICENSES.txt"
VEGA_LITE = "6.4"  # the Vega-Lite line Altair 6.3 writes specs for (schema v6.4.1)

# Installed with the three libraries but used only by their command-line tools or type checkers: not in
# the browser bundle, so not listed.
NOT_BUNDLED = frozenset({
    "@types/estree", "@types/geojson", "ansi-regex", "ansi-styles", "cliui", "commander", "emoji-regex",
    "escalade", "get-caller-file", "get-east-asian-width", "iconv-lite", "rw", "safer-buffer",
    "string-width", "strip-ansi", "vega-typings", "wrap-ansi", "y18n", "yargs", "yargs-parser",
})


def versions() -> dict[str, str]:
    import vl_convert

    return {"vega": vl_convert.get_vega_version(), "vega-embed": vl_convert.get_vega_embed_version(),
            "vega-lite": _vega_lite_version(), "vl-convert-python": getattr(vl_convert, "__version__", "")}


def _vega_lite_version() -> str:
    import altair

    return altair.SCHEMA_VERSION.lstrip("v")  # the exact release of the VEGA_LITE line (e.g. 6.4.1)


def header() -> str:
    v = versions()
    return (
        "/*! @license\n"
        f" * Vega {v['vega']}, Vega-Lite {v['vega-lite']}, Vega-Embed {v['vega-embed']} and the libraries they use,\n"
        f" * bundled offline by vl-convert-python {v['vl-convert-python']} (vl_convert.javascript_bundle).\n"
        " * Vega, Vega-Lite, Vega-Embed, Vega-Tooltip, Vega-Themes: Copyright (c) the University of Washington\n"
        " *   Interactive Data Lab; BSD-3-Clause.\n"
        " * d3-* modules, internmap, d3-delaunay, topojson-client, delaunator: ISC or BSD-3-Clause, Copyright Mike\n"
        " *   Bostock, Vladimir Agafonkin and others. robust-predicates: Unlicense. fast-json-patch, lodash.debounce,\n"
        " *   json-stringify-pretty-compact: MIT. semver: ISC. tslib: 0BSD. vl-convert: BSD-3-Clause, Jon Mease.\n"
        " * Full licence texts of every bundled package: vega-bundle.LICENSES.txt beside this file.\n"
        " */\n"
    )


def bundle_text() -> str:
    import vl_convert

    code = vl_convert.javascript_bundle(vl_version=VEGA_LITE)
    return header() + "(function () {\n" + code.rstrip() + "\n})();\n"


def licence_text(node_modules: Path) -> str:
    """Every bundled package's name, version, licence and licence file, sorted by name."""
    parts = ["Licences of the packages in vega-bundle.js (Vega, Vega-Lite, Vega-Embed and their dependencies).\n"]
    for package_json in sorted(node_modules.glob("**/package.json")):
        folder = package_json.parent
        if folder.parent.name not in ("node_modules",) and folder.parent.parent.name != "node_modules":
            continue
        meta = json.loads(package_json.read_text(encoding="utf-8"))
        name = meta.get("name")
        if not name or name in NOT_BUNDLED or folder.relative_to(node_modules).as_posix() != name:
            continue
        files = sorted(p for p in folder.iterdir() if p.name.lower().startswith(("license", "licence", "copying")))
        body = "\n".join(p.read_text(encoding="utf-8").strip() for p in files) or f"(licence: {meta.get('license')})"
        parts.append(f"\n{'=' * 78}\n{name} {meta.get('version')} ({meta.get('license')})\n{'=' * 78}\n{body}\n")
    parts.append(f"\n{'=' * 78}\nvl-convert-python (BSD-3-Clause)\n{'=' * 78}\n{_vl_convert_licence()}\n")
    return "".join(parts)


def _vl_convert_licence() -> str:
    from importlib import metadata

    dist = metadata.distribution("vl-convert-python")
    for file in dist.files or []:
        if file.name.upper().startswith("LICENSE"):
            return Path(dist.locate_file(file)).read_text(encoding="utf-8").strip()
    return "BSD-3-Clause, Copyright 2023 Jon Mease"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.charts.vendor", description=__doc__.split("\n\n")[0])
    parser.add_argument("--licences", type=Path, metavar="NODE_MODULES", help="rewrite the licence texts from this folder")
    args = parser.parse_args(argv)
    VENDOR.mkdir(parents=True, exist_ok=True)
    if args.licences:
        if not args.licences.is_dir():
            print(f"{args.licences}: not a folder of installed npm packages", file=sys.stderr)
            return 2
        LICENCES.write_text(licence_text(args.licences), encoding="utf-8")
    BUNDLE.write_text(bundle_text(), encoding="utf-8")
    print(f"wrote {BUNDLE} ({BUNDLE.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
