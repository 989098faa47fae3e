"""The page queries return the same rows in the same order however the queries are made faster.

tests/golden/queries/ holds, for every query the page phase runs on a frozen copy of the real package
(tests/golden/queries/package/, so that a change of datapackage/ does not move the snapshot), each call's
parameters and the rows it returned, as recorded before the queries were rewritten. The test loads the same
package the way a page worker does, replays every call through ``Site.q`` (twice: a page asks again in its
other language) and through the reform library, and compares row by row, types included.

Queries owned by other engineers (ranking*, indicator_*, source_figures, sources_list) are not snapshot here.

After a deliberate change of what a query returns, refresh the snapshot and review the diff:

    .venv/bin/python tests/test_query_speed_golden.py            # record the calls and rows again
    .venv/bin/python tests/test_query_speed_golden.py --package P --out DIR --all   # any package, every query
"""

from __future__ import annotations

import argparse
import datetime
import decimal
import json
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from build_scripts import db, settings  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "queries"
PACKAGE = GOLDEN / "package"
# Queries left out here: the indicator and source pages' own queries, pinned by their pages' golden files.
NOT_MINE = ("ranking", "indicator_", "source_", "sources_list")
SITE_QUERIES = "site_load"  # the rows Site.load keeps (focus units, periods, indicators, units)
REFORM = "reform:"  # calls of build_scripts.reform.comparable (its own sql/ folder)


def mine(name: str) -> bool:
    return not name.startswith(NOT_MINE)


def encode(value):
    """A value as JSON, its type kept: dates, decimals and other non-JSON types tagged."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return {"float": repr(value)}
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"decimal": str(value)}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"dict": [[k, encode(v)] for k, v in value.items()]}
    raise TypeError(f"no golden encoding for {type(value).__name__}: {value!r}")


def encode_rows(rows: list[dict]) -> dict:
    """Rows as {"columns": [...], "rows": [[value, ...], ...]}: the column order is part of what is compared
    (every row of a query has the same columns)."""
    columns = list(rows[0]) if rows else []
    for row in rows:
        assert list(row) == columns, f"rows of one call with different columns: {list(row)} and {columns}"
    return {"columns": columns, "rows": [[encode(v) for v in row.values()] for row in rows]}


def key_of(params: dict) -> str:
    return json.dumps(params, sort_keys=True, ensure_ascii=False)


def record_calls(package: Path) -> dict[str, list[dict]]:
    """Every (query name, parameters) the page phase runs on package, with charts off: {name: [params]}."""
    from build_scripts.pages import build_page, tasks
    from build_scripts.pages.site import Site
    from build_scripts.reform import comparable

    calls: dict[str, dict[str, dict]] = {}
    original_query, original_rows = db.query, comparable._rows

    def note(name: str, params: dict) -> None:
        calls.setdefault(name, {})[key_of(params)] = params

    def query(con, name, **params):
        note(name, params)
        return original_query(con, name, **params)

    def rows(con, name, **params):
        note(REFORM + name, params)
        return original_rows(con, name, **params)

    saved = settings.CHARTS
    settings.CHARTS = False
    db.query, comparable._rows = query, rows
    try:
        with tempfile.TemporaryDirectory() as out:
            site = Site.load(db.load_package(package), package, Path(out))
            for task in tasks(site):
                try:
                    build_page(site, *task)
                except Exception as error:  # a page mid-change elsewhere: its calls so far are kept
                    print(f"page {task} failed ({type(error).__name__}: {error}); calls before it kept",
                          file=sys.stderr)
            site.con.close()
    finally:
        db.query, comparable._rows = original_query, original_rows
        settings.CHARTS = saved
    return {name: [found[k] for k in sorted(found)] for name, found in sorted(calls.items())}


def load_site(package: Path):
    """The Site a page worker holds: the package loaded, the comparable series prepared."""
    from build_scripts.pages.site import Site

    return Site.load(db.load_package(package), package, Path(tempfile.gettempdir()) / "query-golden-unused")


def run_call(site, name: str, params: dict) -> list[dict]:
    from build_scripts.reform import comparable

    if name.startswith(REFORM):
        return comparable._rows(site.con, name.removeprefix(REFORM), **params)
    return site.q(name, **params)


def site_rows(site) -> dict[str, list[dict]]:
    """What Site.load keeps from its queries, as rows by attribute."""
    return {"focus_units": site.focus_units, "periods": list(site.periods.values()),
            "indicators": site.indicators, "units": site.units}


def snapshot(package: Path, out: Path, everything: bool = False) -> int:
    """Write out/<name>.json for every query the page phase runs on package; returns the calls written."""
    calls = record_calls(package)
    site = load_site(package)
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, param_list in calls.items():
        if not (everything or mine(name.removeprefix(REFORM))):
            continue
        cases = [{"params": params, **encode_rows(run_call(site, name, params))} for params in param_list]
        write_json(out / f"{name.replace(':', '-')}.json", {"query": name, "calls": cases})
        written += len(cases)
    cases = [{"params": {"attribute": attribute}, **encode_rows(rows)} for attribute, rows in site_rows(site).items()]
    write_json(out / f"{SITE_QUERIES}.json", {"query": SITE_QUERIES, "calls": cases})
    site.con.close()
    return written


def write_json(path: Path, data: dict) -> None:
    """One line a call's parameters and columns, one line a row: a changed row is a one-line diff."""
    lines = ["{" + f'"query": {json.dumps(data["query"], ensure_ascii=False)}, "calls": [']
    for n, case in enumerate(data["calls"]):
        head = json.dumps({"params": case["params"], "columns": case["columns"]}, ensure_ascii=False)
        rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in case["rows"])
        lines.append(head[:-1] + ', "rows": [\n' + rows + "\n]}" + ("," if n < len(data["calls"]) - 1 else ""))
    lines.append("]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def golden_files() -> list[Path]:
    return sorted(GOLDEN.glob("*.json"))


# ---------------------------------------------------------------------------------------------- the tests

@pytest.fixture(scope="module")
def site():
    loaded = load_site(PACKAGE)
    yield loaded
    loaded.con.close()


def test_snapshot_is_there_and_covers_the_page_queries():
    names = {json.loads(p.read_text(encoding="utf-8"))["query"] for p in golden_files()}
    for expected in ("report_figures", "unit_latest", "unit_latest_comparable", "unit_outcomes",
                     "unit_comparable_outcomes", "unit_derived_parts", "unit_derived_series", "report_periods",
                     "report_province_figures", REFORM + "comparable_parts", SITE_QUERIES):
        assert expected in names, f"tests/golden/queries has no snapshot of {expected}"


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_rows_are_unchanged(site, path):
    golden = json.loads(path.read_text(encoding="utf-8"))
    name = golden["query"]
    assert golden["calls"], f"{path.name} has no calls"
    for case in golden["calls"]:
        expected = {"columns": case["columns"], "rows": case["rows"]}
        if name == SITE_QUERIES:
            got = encode_rows(site_rows(site)[case["params"]["attribute"]])
            assert got == expected, f"Site.load: {case['params']['attribute']} differ"
            continue
        first = run_call(site, name, case["params"])
        assert encode_rows(first) == expected, f"{name} {case['params']}: rows differ"
        for row in first:  # a page adds to its rows (links): the next call must not see that
            row["added-by-a-page"] = 1
        again = run_call(site, name, case["params"])
        assert encode_rows(again) == expected, f"{name} {case['params']}: second call differs"


def check(package: Path, folder: Path) -> list[str]:
    """Replay every call snapshot in folder on package: the calls whose rows differ now."""
    site = load_site(package)
    differ = []
    for path in sorted(folder.glob("*.json")):
        golden = json.loads(path.read_text(encoding="utf-8"))
        for case in golden["calls"]:
            expected = {"columns": case["columns"], "rows": case["rows"]}
            if golden["query"] == SITE_QUERIES:
                got = encode_rows(site_rows(site)[case["params"]["attribute"]])
            else:
                got = encode_rows(run_call(site, golden["query"], case["params"]))
            if got != expected:
                differ.append(f"{golden['query']} {key_of(case['params'])}")
    site.con.close()
    return differ


def test_two_workers_write_the_pages_one_process_writes(tmp_path):
    """The pool (pages grouped by page and continuation pages, rows kept by Site.q) changes no byte."""
    from build_scripts.pages import generate
    from build_scripts.pages.site import Site

    fixture = REPO / "tests" / "fixtures" / "mini"
    saved = settings.CHARTS
    settings.CHARTS = False
    try:
        written = {}
        for workers in (1, 2):
            out = tmp_path / f"workers-{workers}"
            site = Site.load(db.load_package(fixture), fixture, out)
            counts = generate(site, workers=workers)
            site.con.close()
            written[workers] = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
            assert sum(counts.values()) == len([n for n in written[workers] if n.endswith(".md")])
    finally:
        settings.CHARTS = saved
    assert sorted(written[1]) == sorted(written[2])
    assert [n for n in written[1] if written[1][n] != written[2][n]] == []


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Record the page queries' rows (the golden snapshot).")
    parser.add_argument("--package", type=Path, default=None, help="a data package (default: copy datapackage/ to the golden folder)")
    parser.add_argument("--out", type=Path, default=GOLDEN, help="where the JSON files go")
    parser.add_argument("--all", action="store_true", help="every query, also those owned by others")
    parser.add_argument("--check", action="store_true", help="compare with the snapshot in --out instead of writing it")
    args = parser.parse_args(argv)
    if args.check:
        differ = check(args.package or PACKAGE, args.out)
        print("\n".join(differ) or "every call returns the rows of the snapshot")
        return 1 if differ else 0
    package = args.package
    if package is None:
        if PACKAGE.exists():
            shutil.rmtree(PACKAGE)
        (PACKAGE / "data").mkdir(parents=True)
        shutil.copy2(REPO / "datapackage" / "datapackage.json", PACKAGE / "datapackage.json")
        for csv_file in sorted((REPO / "datapackage" / "data").glob("*.csv")):
            shutil.copy2(csv_file, PACKAGE / "data" / csv_file.name)
        package = PACKAGE
    if args.out == GOLDEN:
        for old in golden_files():
            old.unlink()
    print(f"{snapshot(package, args.out, args.all)} calls written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
