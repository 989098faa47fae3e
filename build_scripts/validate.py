"""Validate a data package: the descriptor first, then each file read into DuckDB, the Table Schema checks and
the domain checks of build_scripts/checks/. Returns a Report; never prints, never raises on bad input.

    from build_scripts.validate import validate_package
    report = validate_package(Path("datapackage"))
"""

from __future__ import annotations

import traceback
from pathlib import Path

from build_scripts.errors import ERROR, Problem, Report, say, shown

__all__ = ["validate_package", "Problem", "Report"]


def validate_package(package: Path | str) -> Report:
    package = Path(package)
    report = Report(str(package))
    try:
        _validate(package, report)
    except Exception as exc:  # a bug, not bad input: still a sentence, never a traceback
        where = traceback.extract_tb(exc.__traceback__)[-1]
        detail = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
        report.add(Problem("datapackage.json", None, None, "internal-error", say("internal", detail=detail)))
    return report


def _validate(package: Path, report: Report) -> None:
    import duckdb

    from build_scripts.validation import descriptor, domain, loading, schema, sql

    if not package.is_dir():
        report.add(Problem(str(package), None, None, "descriptor-missing", say("descriptor-missing")))
        return
    desc, problems = descriptor.load(package)
    for p in problems:
        report.add(p)
    if desc is None:
        return
    specs, problems = descriptor.resources(package, desc)
    for p in problems:
        report.add(p)
    # ours found nothing: ask frictionless too (it reports the same defects less precisely, so only then)
    frictionless_problems = descriptor.frictionless_check(desc) if not problems else list
    con = duckdb.connect(config={"threads": 2})
    con.execute(sql.query("settings"))
    try:
        loading.create_tables(con)
        files: dict[str, str] = {}
        readable: set[str] = set()
        non_nfc: list[str] = []
        loaded_all = []
        for spec in specs:
            label = shown(spec.path.replace("\\", "/").removeprefix("./"), 300) if spec.file is not None else "datapackage.json"
            files[spec.name] = label
            loaded = loading.load(con, spec, label)
            loaded_all.append(loaded)
            if loaded.sha256 is not None:
                report.digests[spec.name] = loaded.sha256
            for p in loaded.problems:
                report.add(p)
            if loaded.loaded:
                report.files += 1
                report.rows += loaded.rows
                if not any(p.severity == ERROR and p.row == 1 and p.type.endswith("label") for p in loaded.problems):
                    readable.add(spec.name)
                if not loaded.nfc:
                    non_nfc.append(spec.name)
        schema.create_definitions(con, specs, {loaded.spec.name for loaded in loaded_all if loaded.loaded})
        problems, bad_type = schema.run(con, specs, files, non_nfc)
        for p in problems:
            report.add(p)
        for loaded in loaded_all:
            if loaded.not_canonical_row is not None and not any(
                    p.file == loaded.file and p.type in ("canonical-form", "nfc") for p in report.problems):
                report.add(Problem(loaded.file, loaded.not_canonical_row, None, "canonical-form", say("not-canonical")))
        for p in domain.run(con, files, readable, bad_type):
            report.add(p)
        for p in frictionless_problems():
            report.add(p)
    finally:
        con.close()
