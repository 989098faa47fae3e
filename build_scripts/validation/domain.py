"""The domain checks of checks/catalog.toml: each a query returning the offending rows, severity declared there."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from build_scripts.errors import Problem, say
from build_scripts.validation.sql import CHECKS, MACROS, query, rows

STAGING = ("units", "unit_crosswalk", "indicators", "sources", "observations")


@lru_cache(maxsize=1)
def catalog() -> dict:
    return tomllib.loads((CHECKS / "catalog.toml").read_text(encoding="utf-8"))


def run(con, files: dict[str, str], readable: set[str], bad_type: set) -> list[Problem]:
    con.execute(MACROS.read_text(encoding="utf-8"))
    for name in STAGING + ("periods",):
        con.execute(query(f"staging/stg_{name}"))
    cat = catalog()
    problems: list[Problem] = []
    for name in sorted(cat["checks"]):
        check = cat["checks"][name]
        if not set(check.get("needs", [])) <= readable:
            continue
        params = {p: cat["params"][p] for p in check.get("params", [])}
        try:
            found = rows(con, name, params or None)
        except Exception as exc:  # a check must never stop validation; say which one failed
            problems.append(Problem("datapackage.json", None, None, "check-failed", say("check-failed", check=name, detail=str(exc).splitlines()[0])))
            continue
        for r in found:
            if r["res"] not in files:
                continue
            kind = f"{name}_hint" if r.get("hint") else name
            params = {k: ("" if v is None else v) for k, v in r.items()}
            problems.append(Problem(files[r["res"]], r["row"], r["field"], check["type"], say(kind, **params),
                                    severity=check["severity"], cell=r.get("cell")))
    return problems
