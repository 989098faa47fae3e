"""Which former units add up to a post-2025 province in each era before it existed: the chain of boundary
changes read from the crosswalk.

A province formed on date D is, just before D, the set of units whose territory went to it (generation 1).
Going back event by event, a set is replaced by the units it was formed from, as long as every one of those
went wholly into the set: Hà Bắc (split in 1997 between Bắc Ninh and Bắc Giang, both now Bắc Ninh) is a
generation 2 of the new Bắc Ninh. The chain stops at an event that moved only part of a unit into or out of
the set (Mê Linh from Vĩnh Phúc to Hà Nội in 2008): before it, no set of whole units covers the province, and
its comparable series breaks there.

Each era row says over which dates its parts make up the province (``era_start`` included, ``era_end``
excluded), and for each part since when its own boundary has been the one of that era (``same_from``): a part's
figure for an earlier period counts only when the publisher back-cast it onto that boundary.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

TABLE = "reform_partitions"
DDL = (f"CREATE OR REPLACE TABLE {TABLE} (unit_id VARCHAR, generation INTEGER, era_start DATE, era_end DATE, "
       "part_unit_id VARCHAR, same_from DATE)")


@dataclass(frozen=True)
class Move:
    from_unit: str
    to_unit: str
    day: date
    transfer: str


def eras(unit_id: str, valid_from: dict[str, date | None], valid_to: dict[str, date | None],
         moves: list[Move]) -> list[tuple[int, date | None, date, tuple[str, ...], dict[str, date | None]]]:
    """(generation, era_start, era_end, parts, same_from by part) for one unit, newest era first; [] when the
    unit has no recorded beginning."""
    into, out_of, touching = defaultdict(list), defaultdict(list), defaultdict(set)
    for m in moves:
        into[(m.to_unit, m.day)].append(m)
        out_of[(m.from_unit, m.day)].append(m)
        touching[m.from_unit].add(m.day)
        touching[m.to_unit].add(m.day)

    def exists_on(u: str, day: date) -> bool:
        start, end = valid_from.get(u), valid_to.get(u)
        return (start is None or start <= day) and (end is None or day <= end)

    begin = valid_from.get(unit_id)
    if begin is None:
        return []
    result = []
    current = {unit_id}
    era_end = begin
    generation = 0
    while True:
        # the set just before era_end: every unit whose territory went into the set that day, and every member
        # that existed the day before
        before = set()
        for u in current:
            before.update(m.from_unit for m in into.get((u, era_end), []))
            if exists_on(u, era_end - timedelta(days=1)):
                before.add(u)
        # each of them must have gone wholly into the set: nothing of it went elsewhere, and it did not go on
        # outside the set
        for u in before:
            destinations = {m.to_unit for m in out_of.get((u, era_end), [])}
            if exists_on(u, era_end):
                destinations.add(u)
            if not destinations <= current:
                return result
        if not before or (generation and before == current):
            return result
        generation += 1
        earlier = [d for u in before for d in touching[u] if d < era_end]
        era_start = max(earlier) if earlier else None
        same_from = {}
        for u in sorted(before):
            days = [d for d in touching[u] if d < era_end]
            same_from[u] = max(days) if days else valid_from.get(u)
        result.append((generation, era_start, era_end, tuple(sorted(before)), same_from))
        if era_start is None:
            return result
        current, era_end = before, era_start


def build(con) -> None:
    """Create reform_partitions from stg_units and stg_unit_crosswalk, for every post-2025 province."""
    units = con.execute("SELECT unit_id, boundary, valid_from, valid_to FROM stg_units ORDER BY unit_id").fetchall()
    valid_from = {u: f for u, _b, f, _t in units}
    valid_to = {u: t for u, _b, _f, t in units}
    moves = [Move(*row) for row in con.execute(
        "SELECT from_unit_id, to_unit_id, effective_date, transfer FROM stg_unit_crosswalk "
        "ORDER BY effective_date, from_unit_id, to_unit_id").fetchall()]
    rows = []
    for unit_id, boundary, _f, _t in units:
        if boundary != "post-2025":
            continue
        for generation, start, end, parts, same_from in eras(unit_id, valid_from, valid_to, moves):
            rows.extend((unit_id, generation, start, end, part, same_from[part]) for part in parts)
    con.execute(DDL)
    if rows:
        con.executemany(f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?, ?, ?)", rows)
