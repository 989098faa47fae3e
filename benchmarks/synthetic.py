"""Synthetic data packages for tests and benchmarks: N indicators x M provinces x P periods of random values.

    .venv/bin/python -m benchmarks.synthetic OUT_DIR --rows 100000 [--seed 0] [--defect KIND ...]
    from benchmarks.synthetic import generate; generate(Path(out), indicators=20, provinces=50, periods=100)

The package uses the real descriptor (datapackage/datapackage.json) and is written in canonical form, so it is
valid unless defects are injected. It never writes into datapackage/. The figures are random: test data only.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from build_scripts.canonical import canonical_rows, serialise  # noqa: E402

DESCRIPTOR = ROOT / "datapackage" / "datapackage.json"

# measure -> (unit, low, high, integer)
MEASURES = [
    ("level", "persons", 1_000, 10_000_000, True),
    ("level", "billion_vnd", 10, 1_000_000, False),
    ("share_pct", "percent", 0, 100, False),
    ("yoy_growth_pct", "percent", -15, 25, False),
    ("rank", "rank", 1, 63, True),
    ("level", "km2", 100, 20_000, False),
    ("rate_pct", "percent", 0, 100, False),
    ("score", "points", 40, 80, False),
]

DEFECTS = {
    "duplicate-key": "the first observation repeated",
    "bad-period": "an observation with period 2024-Q5",
    "negative-level": "a negative population",
    "share-over-100": "a share of 150 %",
    "unknown-unit": "an observation of a unit that does not exist",
    "nan": "an observation with value NaN",
    "bad-type": "an observation with value 'abc'",
    "unsorted": "two observations swapped",
    "disagreement": "a second source 10 % apart (a warning)",
}


def _periods_pre(count: int) -> list[str]:
    """Periods that end before the 2025 reform, latest first: years, quarters, H1, nM and months."""
    out: list[str] = []
    year = 2024
    while len(out) < count:
        y = str(year)
        out += [y, f"{y}-H1", f"{y}-9M"] + [f"{y}-Q{q}" for q in range(1, 5)] + [f"{y}-{m:02d}" for m in range(1, 13)]
        year -= 1
    return out[:count]


def _periods_post(count: int) -> list[str]:
    out = ["2025-Q3", "2025-9M", "2025-10M", "2025-11M", "2025-Q4", "2025"] + [f"2025-{m:02d}" for m in range(7, 13)]
    year = 2026
    while len(out) < count:
        y = str(year)
        out += [y, f"{y}-H1", f"{y}-9M"] + [f"{y}-Q{q}" for q in range(1, 5)] + [f"{y}-{m:02d}" for m in range(1, 13)]
        year += 1
    return out[:count]


def _schema(descriptor: dict, name: str) -> tuple[list[str], list[str], set[str]]:
    for res in descriptor["resources"]:
        if res["name"] == name:
            fields = res["schema"]["fields"]
            return [f["name"] for f in fields], res["schema"].get("primaryKey", []), {f["name"] for f in fields if f["type"] == "boolean"}
    raise KeyError(name)


def _write(out: Path, descriptor: dict, name: str, rows: list[dict], keep_order: bool = False) -> None:
    names, pk, booleans = _schema(descriptor, name)
    table = [[str(r.get(n, "")) for n in names] for r in rows]
    if not keep_order:
        table = canonical_rows(table, names, pk, booleans)
    (out / "data" / f"{name}.csv").write_text(serialise(names, table), encoding="utf-8", newline="")


def generate(out: Path, indicators: int = 8, provinces: int = 10, periods: int = 10, seed: int = 0,
             defects: tuple[str, ...] | list[str] = ()) -> dict:
    """Write a package of about indicators x provinces x periods observations into out (created, emptied of data/)."""
    out = Path(out).resolve()
    if out == DESCRIPTOR.parent.resolve() or DESCRIPTOR.parent.resolve() in out.parents:
        raise ValueError("the synthetic generator never writes into datapackage/")
    unknown = sorted(set(defects) - set(DEFECTS))
    if unknown:
        raise ValueError(f"unknown defect(s): {', '.join(unknown)}; known: {', '.join(sorted(DEFECTS))}")
    rng = random.Random(seed)
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    if (out / "data").exists():
        shutil.rmtree(out / "data")
    (out / "data").mkdir(parents=True)
    (out / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    sources = [{"source_id": f"src-{i:010x}", "title": f"Synthetic report {i}", "publisher": "Synthetic statistics office",
                "url": f"https://example.org/reports/{i}", "published": f"{2000 + i % 26}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "language": "vi", "kind": "statistics_office"} for i in range(max(3, indicators))]
    src = sources[0]["source_id"]
    units = [{"unit_id": "viet-nam", "name_vi": "Việt Nam", "name_en": "Viet Nam", "unit_type": "country", "source_id": src},
             {"unit_id": "region-a", "name_vi": "Vùng A", "name_en": "Region A", "unit_type": "region", "source_id": src}]
    crosswalk = []
    for p in range(provinces):
        slug = f"province-{p:04d}"
        units.append({"unit_id": slug, "name_vi": f"Tỉnh {p}", "name_en": f"Province {p}", "unit_type": "province",
                      "boundary": "post-2025", "region_id": "region-a", "valid_from": "2025-07-01",
                      "tile_row": p // 21, "tile_col": p % 21, "source_id": src})
        units.append({"unit_id": f"{slug}-pre2025", "name_vi": f"Tỉnh {p}", "name_en": f"Province {p}", "unit_type": "province",
                      "boundary": "pre-2025", "region_id": "region-a", "valid_to": "2025-06-30", "source_id": src})
        crosswalk.append({"from_unit_id": f"{slug}-pre2025", "to_unit_id": slug, "effective_date": "2025-07-01",
                          "transfer": "whole", "source_id": src})
    themes = ["growth", "industry", "trade", "population"]
    inds = []
    for i in range(indicators):
        measure, unit, low, high, integer = MEASURES[i % len(MEASURES)]
        inds.append({"indicator_id": f"indicator_{i:03d}", "theme": themes[i % len(themes)], "display_order": i,
                     "headline": "true" if i < 3 else "false", "name_vi": f"Chỉ tiêu {i}", "name_en": f"Indicator {i}",
                     "description_vi": "Số liệu tổng hợp để kiểm thử.", "description_en": "Synthetic figures for tests.",
                     "unit": unit, "measure": measure, "price_basis": "current" if "vnd" in unit else "not_applicable",
                     "additive": "true" if measure == "level" else "false", "decimals": 0 if integer else 1,
                     "_spec": (low, high, integer)})
    pre, post = _periods_pre(periods), _periods_post(max(1, periods // 4))
    obs = []
    for ind in inds:
        low, high, integer = ind["_spec"]
        for p in range(provinces):
            for unit_id, plist in ((f"province-{p:04d}-pre2025", pre), (f"province-{p:04d}", post)):
                for period in plist:
                    value = rng.randint(low, high) if integer else round(rng.uniform(low, high), 1)
                    obs.append({"unit_id": unit_id, "indicator_id": ind["indicator_id"], "period": period, "status": "actual",
                                "source_id": sources[rng.randrange(len(sources))]["source_id"], "value": value})
    for ind in inds:
        del ind["_spec"]
    _inject(obs, inds, [s["source_id"] for s in sources], set(defects))
    _write(out, descriptor, "sources", sources)
    _write(out, descriptor, "units", units)
    _write(out, descriptor, "unit_crosswalk", crosswalk)
    _write(out, descriptor, "indicators", inds)
    _write(out, descriptor, "observations", obs, keep_order="unsorted" in defects)
    return {"observations": len(obs), "units": len(units), "indicators": len(inds), "sources": len(sources)}


def _inject(obs: list[dict], inds: list[dict], source_ids: list[str], defects: set[str]) -> None:
    by_measure = {i["measure"]: i["indicator_id"] for i in reversed(inds)}
    first = obs[0]
    if "duplicate-key" in defects:
        obs.append(dict(first))
    if "bad-period" in defects:
        obs.append(dict(first, period="2024-Q5"))
    if "negative-level" in defects and "level" in by_measure:
        obs.append(dict(first, indicator_id=by_measure["level"], period="1800", value=-5))
    if "share-over-100" in defects and "share_pct" in by_measure:
        obs.append(dict(first, indicator_id=by_measure["share_pct"], period="1800", value=150))
    if "unknown-unit" in defects:
        obs.append(dict(first, unit_id="atlantis-pre2025", period="1800"))
    if "nan" in defects:
        obs.append(dict(first, period="1801", value="NaN"))
    if "bad-type" in defects:
        obs.append(dict(first, period="1802", value="abc"))
    if "disagreement" in defects:
        obs.append(dict(first, source_id=next(s for s in source_ids if s != first["source_id"]), value=round(float(first["value"]) * 1.1, 1)))
    if "unsorted" in defects:
        obs.sort(key=lambda r: (r["unit_id"], r["indicator_id"], r["period"], r["status"], r["source_id"]))
        obs[0], obs[1] = obs[1], obs[0]


def sizes_for(rows: int) -> tuple[int, int, int]:
    """Indicators, provinces and pre-2025 periods giving about `rows` observations (periods + periods // 4 a unit)."""
    indicators = 20
    provinces = 50 if rows >= 100_000 else max(2, rows // 2000)
    periods = max(4, math.ceil(rows / (indicators * provinces * 1.25)))
    return indicators, provinces, periods


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the package into")
    parser.add_argument("--rows", type=int, default=100_000, help="about how many observations (default 100000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--defect", action="append", default=[], choices=sorted(DEFECTS), help="inject a defect (repeatable)")
    args = parser.parse_args(argv)
    n, m, p = sizes_for(args.rows)
    stats = generate(args.out, n, m, p, seed=args.seed, defects=args.defect)
    print(json.dumps(stats, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
