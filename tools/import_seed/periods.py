"""Periods, read through the project's DuckDB macros (build_scripts/sql/period_macros.sql)."""
from pathlib import Path

MACROS = Path(__file__).resolve().parents[2] / "build_scripts" / "sql" / "period_macros.sql"
QUERY = Path(__file__).resolve().parent / "sql" / "seed_periods.sql"


def interpret(seed_periods):
    """seed period -> (canonical period, kind, start, end) or None when it does not parse."""
    import duckdb

    con = duckdb.connect()
    con.execute(MACROS.read_text(encoding="utf-8"))
    values = sorted(set(seed_periods))
    con.execute("CREATE TEMP TABLE seed_period (p VARCHAR)")
    con.executemany("INSERT INTO seed_period VALUES (?)", [(v,) for v in values])
    out = {}
    for seed, canonical, kind, start, end in con.execute(QUERY.read_text(encoding="utf-8")).fetchall():
        out[seed] = (canonical, kind, start, end) if kind else None
    con.close()
    return out
