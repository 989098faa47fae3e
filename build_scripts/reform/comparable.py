"""The comparable series of every post-2025 province: its published figures and, before it existed, the
sums of the former units that made it up in each era (partitions.py: its pre-2025 parts, and before 1997 or
2004 the provinces those were split from), only where every part has a figure of the same status for the
period.

The connection must hold the staged package (``build_scripts.db.load_package``: ``stg_<resource>`` tables
and the period macros). Call ``prepare(con)`` once; the other functions read what it built. Every query is
a file in ``sql/`` named for what it returns, run with bound parameters.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

from build_scripts import db
from build_scripts.reform import partitions

HERE = Path(__file__).resolve().parent
SQL_DIR = HERE / "sql"
RESOURCE_FILE = HERE / "observations_comparable.resource.json"
RESOURCE_NAME = "observations_comparable"

# Built in this order by prepare(): each reads the ones before it.
BUILT = (
    "reform_additive_indicators", "reform_part_figures", "observations_comparable",
    "reform_comparable_shown", "reform_comparable_parts", "stg_observations_comparable",
)


@lru_cache(maxsize=None)
def sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def prepare(con):
    """Create the observations_comparable table and the tables the page queries read, in con; returns con.
    Built once a connection (its package does not change): on a connection that has them, nothing is redone."""
    import duckdb

    try:
        con.table(BUILT[-1])  # the last one built: all are there
        return con
    except duckdb.CatalogException:
        pass
    partitions.build(con)
    for name in BUILT:
        con.execute(sql_text(name))
    return db.compact(con)


def _rows(con, name: str, **params) -> list[dict]:
    cursor = con.execute(sql_text(name), params) if params else con.execute(sql_text(name))
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def comparable_rows(con) -> list[dict]:
    """Every row of observations_comparable (fields in schema order, sorted by key). Builds the table."""
    prepare(con)
    return _rows(con, "comparable_rows")


def comparable_series(con, unit_id: str, indicator_id: str) -> list[dict]:
    """One province's comparable series of one indicator as a page shows it: one outcome and one target a
    period (the most final status), kind outcome, derived or target, period kind and dates, the source of
    a published figure; oldest first."""
    return _rows(con, "comparable_series", unit_id=unit_id, indicator_id=indicator_id)


def comparable_parts(con, unit_id: str, indicator_id: str) -> list[dict]:
    """The parts of each derived point: the former province, its figure and the figure's source."""
    return _rows(con, "comparable_parts", unit_id=unit_id, indicator_id=indicator_id)


def series_with_parts(con, unit_id: str, indicator_id: str) -> list[dict]:
    """comparable_series, each derived point with "part_list": its former provinces (unit_id, names, value,
    source id, title, publisher, url, date), sorted by Vietnamese name; [] for a published figure."""
    parts: dict[tuple, list[dict]] = {}
    for row in comparable_parts(con, unit_id, indicator_id):
        parts.setdefault((row["period"], row["status"]), []).append({
            "unit_id": row["part_unit_id"],
            "name_vi": row["part_name_vi"],
            "name_en": row["part_name_en"],
            "value": row["part_value"],
            "backcast": row["part_backcast"],
            "source_id": row["part_source_id"],
            "source_title": row["part_source_title"],
            "source_publisher": row["part_source_publisher"],
            "source_url": row["part_source_url"],
            "source_published": row["part_source_published"],
        })
    series = comparable_series(con, unit_id, indicator_id)
    for point in series:
        point["part_list"] = parts.get((point["period"], point["status"]), []) if point["derived"] else []
    return series


def coverage(con) -> list[dict]:
    """Derived points by post-2025 province and indicator (how much comparable history was gained)."""
    return _rows(con, "comparable_coverage")


def suspect_additive_indicators(con) -> list[dict]:
    """Indicators marked additive with measure level that are not summed (per capita, per area ...)."""
    return _rows(con, "suspect_additive_indicators")


def resource_descriptor() -> dict:
    """The Frictionless resource descriptor of observations_comparable (a fresh copy)."""
    return json.loads(RESOURCE_FILE.read_text(encoding="utf-8"))


def published_descriptor(descriptor: dict) -> dict:
    """A copy of a package descriptor with observations_comparable added after its resources (or in place
    of an older one of that name): the descriptor published on the site."""
    result = copy.deepcopy(descriptor)
    resources = [r for r in result.get("resources", []) if r.get("name") != RESOURCE_NAME]
    resources.append(resource_descriptor())
    result["resources"] = resources
    return result
