"""An independent reading of the comparable-series rule, in plain Python over a package's CSV files, for
the reform tests: which derived rows must exist and their exact values (Decimal), without DuckDB or the
reform SQL. Shared by tests/test_reform.py (fixtures) and tests/test_reform_package.py (the real data)."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

NOT_SUMMABLE_UNITS = {
    "percent", "rank", "points", "index", "years", "usd_ppp", "persons_per_km2", "per_1000_population",
    "children_per_woman", "males_per_100_females", "million_vnd_per_person", "million_vnd_per_worker",
    "million_vnd_per_person_per_month", "quintals_per_ha", "m2_per_person", "per_1000_live_births", "kg_per_person",
}


def read(package: Path, name: str) -> list[dict]:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    path = next(r["path"] for r in descriptor["resources"] if r["name"] == name)
    with open(package / path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def period_end(period: str) -> dt.date:
    year = int(period[:4])
    rest = period[5:]
    if rest == "":
        month = 12
    elif re.fullmatch(r"Q[1-4]", rest):
        month = 3 * int(rest[1])
    elif rest == "H1":
        month = 6
    elif rest.endswith("M"):
        month = int(rest[:-1])
    else:
        month = int(rest)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def summable(indicator: dict) -> bool:
    iid = indicator["indicator_id"]
    return (
        indicator["additive"] == "true"
        and indicator["measure"] == "level"
        and indicator["unit"] not in NOT_SUMMABLE_UNITS
        and not any(word in iid for word in ("per_capita", "per_worker", "per_person"))
    )


def shown_figures(package: Path) -> dict[tuple, dict]:
    """(unit, indicator, period, status) -> the observation the site shows: the statistics office's first,
    then another government body's, then the rest (the observation's producer, else its source's kind);
    within a rank the most recently published source."""
    sources = {s["source_id"]: s for s in read(package, "sources")}
    published = {k: s["published"] for k, s in sources.items()}
    rank = {"statistics_office": 0, "government": 1}
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for o in read(package, "observations"):
        groups[(o["unit_id"], o["indicator_id"], o["period"], o["status"])].append(o)
    shown = {}
    for key, rows in groups.items():
        # producer first, then newest date (unknown dates last), then the smaller source_id
        rows.sort(key=lambda r: r["source_id"])
        rows.sort(key=lambda r: (published[r["source_id"]] != "", published[r["source_id"]]), reverse=True)
        rows.sort(key=lambda r: rank.get(r.get("producer") or sources[r["source_id"]]["kind"], 2))
        shown[key] = rows[0]
    return shown


def eras_of(package: Path) -> dict[str, list]:
    """Post-2025 unit -> its eras of former units, read from the crosswalk by reform/partitions.py (whose
    chain is checked by hand in tests/test_reform_chain.py); the sums below are recomputed here."""
    from build_scripts.reform.partitions import Move, eras

    units = {u["unit_id"]: u for u in read(package, "units")}
    day = lambda text: dt.date.fromisoformat(text) if text else None  # noqa: E731
    valid_from = {u: day(r["valid_from"]) for u, r in units.items()}
    valid_to = {u: day(r["valid_to"]) for u, r in units.items()}
    moves = [Move(c["from_unit_id"], c["to_unit_id"], day(c["effective_date"]), c.get("transfer") or "whole")
             for c in read(package, "unit_crosswalk")]
    return {u: eras(u, valid_from, valid_to, moves) for u, r in units.items() if r["boundary"] == "post-2025"}


def expected_derived(package: Path) -> dict[tuple, dict]:
    """(unit, indicator, period, status) -> {"value": Decimal, "parts": {part: (Decimal, source_id)}}: for each
    era, oldest first, the parts' figures (the most recently published of those that measured the era's
    boundary: within it, or back-cast onto it); the first era in which every part has one wins."""
    indicators = {i["indicator_id"]: i for i in read(package, "indicators") if summable(i)}
    published = {s["source_id"]: s["published"] for s in read(package, "sources")}
    shown = shown_figures(package)
    figures: dict[tuple, list[dict]] = defaultdict(list)
    for o in read(package, "observations"):
        if o["indicator_id"] in indicators:
            figures[(o["unit_id"], o["indicator_id"], o["period"], o["status"])].append(o)
    keys = {(i, p, s) for (_u, i, p, s) in figures}
    result = {}
    for successor, eras in eras_of(package).items():
        for indicator, period, status in keys:
            if (successor, indicator, period, status) in shown:
                continue  # the province's own published figure stands
            end = period_end(period)
            for _generation, _start, era_end, parts, same_from in sorted(eras, key=lambda e: -e[0]):
                if not end < era_end:
                    continue
                chosen = {}
                for part in parts:
                    usable = [o for o in figures.get((part, indicator, period, status), [])
                              if same_from[part] is None or end >= same_from[part] or o.get("backcast") == "true"]
                    usable.sort(key=lambda r: r["source_id"])
                    usable.sort(key=lambda r: (published[r["source_id"]] != "", published[r["source_id"]]), reverse=True)
                    if usable:
                        chosen[part] = (Decimal(usable[0]["value"]), usable[0]["source_id"])
                if len(chosen) == len(parts):
                    result[(successor, indicator, period, status)] = {
                        "value": sum((v for v, _ in chosen.values()), Decimal(0)), "parts": chosen}
                    break
    return result


def parse_parts(text: str) -> dict[str, tuple[Decimal, str]]:
    parts = {}
    for item in text.split("; "):
        unit, rest = item.split("=", 1)
        value, source = rest.split("@", 1)
        parts[unit] = (Decimal(value), source)
    return parts


def test_period_end_reads_every_period_kind():
    assert period_end("2024") == dt.date(2024, 12, 31)
    assert period_end("2024-Q1") == dt.date(2024, 3, 31)
    assert period_end("2024-H1") == dt.date(2024, 6, 30)
    assert period_end("2024-9M") == dt.date(2024, 9, 30)
    assert period_end("2024-02") == dt.date(2024, 2, 29)
    assert period_end("2025-H1") < dt.date(2025, 7, 1) <= period_end("2025-Q3")


def test_parse_parts_reads_the_published_notation():
    assert parse_parts("a-pre2025=1.5@src-1; b-pre2025=2@src-2") == {
        "a-pre2025": (Decimal("1.5"), "src-1"),
        "b-pre2025": (Decimal("2"), "src-2"),
    }
