"""`make bench`: how fast the portal builds and how heavy its pages are, against MkDocs itself.

    .venv/bin/python -m benchmarks                    # the real package, 20x10x8, and each at twice the data
    .venv/bin/python -m benchmarks --quick            # one tiny synthetic package (the smoke test's run)
    .venv/bin/python -m benchmarks --full             # the real package, 200x34x20 and its double, 1,000,000 rows validated
    .venv/bin/python -m benchmarks --sizes real,50x34x10 --validate-rows 200000

A size is INDICATORSxPROVINCESxPERIODS (periods a province; figures = the product); each size is also run at
twice the indicators (the real package with each indicator copied: "real-x2"). Prints a Markdown table on stdout; the same as JSON in benchmarks/out/.
See benchmarks/README.md for what each line means and the budgets.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness  # noqa: E402
from benchmarks.table import render  # noqa: E402

DEFAULT_SIZES = "real,20x10x8"
QUICK_SIZES = "3x3x4"
FULL_SIZES = "real,200x34x20"
FULL_VALIDATE_ROWS = 1_000_000


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help=f"one tiny synthetic size ({QUICK_SIZES}), no double")
    mode.add_argument("--full", action="store_true", help=f"{FULL_SIZES} and its double, {FULL_VALIDATE_ROWS:,} rows validated")
    mode.add_argument("--sizes", help=f"comma-separated: 'real' and/or INDICATORSxPROVINCESxPERIODS, or 'none' (default {DEFAULT_SIZES})")
    parser.add_argument("--no-double", action="store_true", help="do not run each synthetic size again at twice the indicators")
    parser.add_argument("--validate-rows", type=int, default=None, help="also validate a synthetic package of about this many rows")
    parser.add_argument("--rebuild", action="store_true", help="build each synthetic size again, unchanged and then with one "
                        "indicator changed, with the content-addressed cache (build_scripts/cache.py), and count what was regenerated")
    parser.add_argument("--package", type=Path, default=ROOT / "datapackage", help="the real package (default: datapackage/)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out", help="where the JSON goes (default: benchmarks/out/)")
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary folder, removed at the end)")
    return parser.parse_args(argv)


def cases(args) -> list[dict]:
    text = QUICK_SIZES if args.quick else FULL_SIZES if args.full else args.sizes or DEFAULT_SIZES
    double = not (args.no_double or args.quick)
    out = []
    for item in (part.strip() for part in text.split(",") if part.strip() and part.strip() != "none"):
        if item == "real":
            out.append({"name": "real", "package": args.package})
            if double:  # every indicator of the real package twice (harness.double_package)
                out.append({"name": "real-x2", "double": args.package, "double_of": "real"})
            continue
        n, m, p = harness.parse_size(item)
        out.append({"name": f"{n}x{m}x{p}", "size": (n, m, p)})
        if double:
            out.append({"name": f"{2 * n}x{m}x{p}", "size": (2 * n, m, p), "double_of": f"{n}x{m}x{p}"})
    return out


def run_case(case: dict, work: Path, rebuild: bool) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    if "size" in case:
        package = work / "package"
        harness.make_package(package, case["size"])
    elif "double" in case:
        package = work / "package"
        harness.double_package(Path(case["double"]).resolve(), package)
    else:
        package = Path(case["package"]).resolve()
    result = {"name": case["name"], "figures": harness.observation_count(package), "double_of": case.get("double_of")}
    step(f"{case['name']}: validate ({result['figures']:,} figures)")
    result["validate"] = harness.validate(package, work)
    step(f"{case['name']}: build")
    result["build"] = harness.build(package, work)
    step(f"{case['name']}: bare mkdocs build")
    result["bare"] = harness.bare_mkdocs(work)
    from benchmarks.site_metrics import measure

    result["site"] = measure(work / "site")
    from benchmarks import floor

    step(f"{case['name']}: the floor, a bare mkdocs-material site of {result['site'].get('pages', 0):,} pages")
    result["floor"] = floor.build(work, result["site"].get("pages", 0))
    if rebuild:
        from benchmarks import rebuild as rebuild_check

        step(f"{case['name']}: rebuilds with the cache")
        result["rebuild"] = rebuild_check.run(package, work)
    return result


def step(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        todo = cases(args)
    except harness.BenchError as error:
        print(f"python -m benchmarks: {error}", file=sys.stderr)
        return 2
    validate_rows = args.validate_rows if args.validate_rows is not None else (FULL_VALIDATE_ROWS if args.full else None)
    work = args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="bn-bench-"))
    results, scaling = [], None
    try:
        for case in todo:
            results.append(run_case(case, work / case["name"], args.rebuild and not case.get("double_of")))
            if "size" in case or "double" in case:
                shutil.rmtree(work / case["name"] / "package", ignore_errors=True)
            save(args.out, {"cases": results, "validation_scaling": None})  # a long run keeps what it measured
        if validate_rows:
            scaling = validation_scaling(validate_rows, work / f"validate-{validate_rows}")
    except harness.BenchError as error:
        print(f"python -m benchmarks: {error}", file=sys.stderr)
        return 1
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    report = {"cases": results, "validation_scaling": scaling}
    save(args.out, report)
    sys.stdout.write(render(report))
    return 0


def save(out: Path, report: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(report, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")


def validation_scaling(rows: int, work: Path) -> dict:
    from benchmarks.synthetic import generate, sizes_for

    n, m, p = sizes_for(rows)
    step(f"validation at about {rows:,} rows: generating")
    generate(work / "package", n, m, p)
    figures = harness.observation_count(work / "package")
    step(f"validation at {figures:,} rows: ours and stock frictionless")
    result = harness.validate(work / "package", work)
    shutil.rmtree(work / "package", ignore_errors=True)
    return {"figures": figures, **result}


if __name__ == "__main__":
    sys.exit(main())
