"""SQL files of build_scripts/checks, read by name."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CHECKS = Path(__file__).resolve().parent.parent / "checks"
MACROS = Path(__file__).resolve().parent.parent / "sql" / "period_macros.sql"


@lru_cache(maxsize=None)
def query(name: str) -> str:
    """The text of checks/<name>.sql (name may include a subfolder: "schema/unique")."""
    return (CHECKS / f"{name}.sql").read_text(encoding="utf-8")


def rows(con, name: str, params=None) -> list[dict]:
    cursor = con.execute(query(name), params) if params is not None else con.execute(query(name))
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, r)) for r in cursor.fetchall()]
