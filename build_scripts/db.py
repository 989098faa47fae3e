"""Load a data package into an in-process DuckDB database and run named queries.

Each resource is read once by ``queries/stg_<resource>.sql`` (names and types fixed there), the period
macros are loaded from ``sql/period_macros.sql``, and ``queries/int_*.sql`` derive what every page
shares: INTERMEDIATE at load, PAGE_INTERMEDIATE (which read the reform's comparable series) by
``prepare_pages`` when a page query first needs them. They are tables, built once a connection, so that a
page query is a filter of a few blocks rather than a window or self-join over every figure. Page code calls
``query(con, "name", param=value)``: the SQL file is run with bound parameters.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from build_scripts import settings

INTERMEDIATE = ("int_observations",)
# What many page queries share, built once a connection by prepare_pages (Site.load) after the comparable
# series of build_scripts/reform, which int_outcomes reads.
PAGE_INTERMEDIATE = ("int_outcomes", "int_province_ranks", "int_derived_parts")
DATABASE = "portal"  # the name of load_package's database


@lru_cache(maxsize=None)
def sql_text(name: str) -> str:
    return (settings.QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def resource_paths(package_dir: Path) -> dict[str, Path]:
    """Resource name -> its one literal file inside the package, by validation's rules (validation/reader.py)."""
    from build_scripts.validation import reader

    return reader.resolve(Path(package_dir))


def load_package(package_dir: Path, digests: dict[str, str] | None = None):
    """An in-memory DuckDB connection with stg_<resource> tables and the intermediate tables.

    Each resource is the literal file validation read (never a glob or hive pattern: validation/reader.py);
    with ``digests`` (validation's SHA-256 of each file) a file changed since validation is refused."""
    import duckdb

    from build_scripts.validation import reader

    con = duckdb.connect(":memory:")
    # Tables live in an in-memory database that stores them compressed once checkpointed (compact): at
    # 200x34x20 a page worker's tables take 15 MB instead of 160 MB, and its queries run as fast.
    con.execute(f"ATTACH ':memory:' AS {DATABASE} (COMPRESS)")
    con.execute(f"USE {DATABASE}")
    con.execute("SET threads TO 1")  # deterministic row order where a query does not sort
    con.execute(settings.PERIOD_MACROS.read_text(encoding="utf-8"))
    con.execute(settings.FIGURE_CHOICE.read_text(encoding="utf-8"))
    paths = resource_paths(package_dir)
    with reader.private_folder("load-") as folder:
        for name in settings.RESOURCES:
            expected = None if digests is None else digests.get(name, "not read by validation")
            data = reader.read_checked(paths[name], expected, paths[name].relative_to(Path(package_dir).resolve()).as_posix())
            # a plain-named private copy: the staging queries' read_csv sees no glob, hive folder or "~"
            copy = folder / f"{name}.csv"
            copy.write_bytes(data)
            con.execute(sql_text(f"stg_{name}"), {"path": str(copy)})
    for name in INTERMEDIATE:
        con.execute(sql_text(name))
    return compact(con)


def compact(con):
    """Write the tables created since the last call in their compressed form (a checkpoint of the in-memory
    database of load_package); call it after creating tables. Another connection is left as it is. Returns con."""
    if con.execute("SELECT current_database()").fetchone()[0] == DATABASE:
        con.execute(f"CHECKPOINT {DATABASE}")
    return con


def prepare_pages(con):
    """Create the page tables of PAGE_INTERMEDIATE in con (which holds the comparable series); returns con."""
    for name in PAGE_INTERMEDIATE:
        con.execute(sql_text(name))
    return compact(con)


@lru_cache(maxsize=None)
def reads_page_tables(name: str) -> bool:
    """Whether queries/<name>.sql names a table of PAGE_INTERMEDIATE (prepare_pages must have run)."""
    text = sql_text(name)
    return any(table in text for table in PAGE_INTERMEDIATE)


def query(con, name: str, **params) -> list[dict]:
    """Rows of queries/<name>.sql as dicts, the parameters bound by name."""
    cursor = con.execute(sql_text(name), params) if params else con.execute(sql_text(name))
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def row_count(con, resource: str) -> int:
    """Rows of a staged resource (the relation API: no SQL text is built)."""
    return int(con.table(f"stg_{resource}").aggregate("count(*)").fetchall()[0][0])
