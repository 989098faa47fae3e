"""Units (country, regions, 63 pre-2025 and 34 post-2025 provinces, and the provinces that ceased to exist
between 1995 and 2025) and the crosswalk of every boundary change since 1995."""
from .errors import ImportSeedError
from .seed import mapping
from .slugs import slugify, source_id

PRE_VALID_TO = "2025-06-30"
POST_VALID_FROM = "2025-07-01"
RESOLUTION_202_URL = (
    "https://github.com/ihbkaiser/vietnam-province-intelligence/blob/"
    "1c55eaaaf5567d8ff0cdb46dee0fc63e6b220f2b/backend/src/data/pdf/NghiQuyet.txt"
)
COUNTRY = {"unit_id": "viet-nam", "name_vi": "Việt Nam", "name_en": "Vietnam", "unit_type": "country"}


def build(pre_rows, post_rows):
    """Return (units, crosswalk, lookup) where lookup maps (name_vi, boundary) -> unit_id."""
    regions = {r["seed_region"]: r for r in mapping("regions.csv", ["seed_region", "region_id", "name_vi", "name_en"])}
    tiles = {r["name_vi"]: r for r in mapping("tile_grid.csv", ["name_vi", "tile_row", "tile_col"])}
    tiles_pre = {r["name_vi"]: r for r in mapping("tile_grid_pre2025.csv", ["name_vi", "tile_row", "tile_col"])}
    units = [dict(COUNTRY)]
    for reg in regions.values():
        units.append({"unit_id": reg["region_id"], "name_vi": reg["name_vi"], "name_en": reg["name_en"],
                      "unit_type": "region"})
    lookup, pre_region = {}, {}
    for row in pre_rows:
        if row["region"] not in regions:
            raise ImportSeedError(row["_file"], row["_line"], "region", f"unknown region {row['region']!r}")
        unit_id = slugify(row["name_en"]) + "-pre2025"
        lookup[(row["name_vi"], "pre-2025")] = unit_id
        pre_region[row["name_vi"]] = regions[row["region"]]["region_id"]
        tile = tiles_pre.get(row["name_vi"])
        if tile is None:
            raise ImportSeedError("tools/import_seed/tile_grid_pre2025.csv", field="name_vi",
                                  message=f"no tile for pre-2025 province {row['name_vi']!r}")
        units.append({"unit_id": unit_id, "name_vi": row["name_vi"], "name_en": row["name_en"],
                      "unit_type": row["type"], "boundary": "pre-2025",
                      "region_id": regions[row["region"]]["region_id"], "gso_code": row["gso_code"],
                      "valid_to": PRE_VALID_TO, "tile_row": tile["tile_row"], "tile_col": tile["tile_col"],
                      "source_id": source_id(row["source_url"]), "note": row["note"]})
    crosswalk = []
    for row in post_rows:
        unit_id = slugify(row["name_en"])
        lookup[(row["name_vi"], "post-2025")] = unit_id
        parts = [p.strip() for p in row["merged_from"].split(";") if p.strip()]
        for part in parts:
            if (part, "pre-2025") not in lookup:
                raise ImportSeedError(row["_file"], row["_line"], "merged_from",
                                      f"{part!r} is not a pre-2025 province of provinces_pre2025.csv")
            crosswalk.append({"from_unit_id": lookup[(part, "pre-2025")], "to_unit_id": unit_id,
                              "effective_date": POST_VALID_FROM, "transfer": "whole",
                              "source_id": source_id(RESOLUTION_202_URL)})
        part_regions = {pre_region[p] for p in parts}
        tile = tiles.get(row["name_vi"])
        if tile is None:
            raise ImportSeedError("tools/import_seed/tile_grid.csv", field="name_vi",
                                  message=f"no tile for post-2025 province {row['name_vi']!r}")
        note = row["note"]
        if len(part_regions) == 1 and len(parts) > 1:
            note += "; region derived from the former provinces, which all lay in that region"
        elif len(part_regions) > 1:
            note += "; region left empty: the former provinces lay in different regions and the seed names none"
        units.append({"unit_id": unit_id, "name_vi": row["name_vi"], "name_en": row["name_en"],
                      "unit_type": row["type"], "boundary": "post-2025",
                      "region_id": part_regions.pop() if len(part_regions) == 1 else "",
                      "seat": row["seat"], "valid_from": POST_VALID_FROM,
                      "tile_row": tile["tile_row"], "tile_col": tile["tile_col"],
                      "source_id": source_id(row["source_url"]), "note": note})
    from_ids = [c["from_unit_id"] for c in crosswalk]
    if len(from_ids) != len(set(from_ids)) or len(from_ids) != len(pre_rows):
        raise ImportSeedError("provinces_2025.csv", field="merged_from",
                              message=f"{len(from_ids)} former provinces listed ({len(set(from_ids))} distinct); "
                                      f"expected each of the {len(pre_rows)} exactly once")
    add_history(units, crosswalk)
    return units, crosswalk, lookup


def add_history(units, crosswalk):
    """Add the units that ceased before 2025 (boundary_units.csv) and the changes of 1997, 2004 and 2008
    (boundary_events.csv). A unit that an event's territory went to begins on that event's date, unless it
    existed before (a unit that only received or gave up districts keeps its dates; its series breaks)."""
    by_id = {u["unit_id"]: u for u in units}
    for row in mapping("boundary_units.csv", ["unit_id", "name_vi", "name_en", "unit_type", "region_id", "valid_to",
                                              "source_url", "note"]):
        if row["unit_id"] in by_id:
            raise ImportSeedError(row["_file"], row["_line"], "unit_id", f"{row['unit_id']!r} is already a unit")
        unit = {k: row[k] for k in ("unit_id", "name_vi", "name_en", "unit_type", "region_id", "valid_to", "note")}
        unit["source_id"] = source_id(row["source_url"])
        units.append(unit)
        by_id[unit["unit_id"]] = unit
    events = mapping("boundary_events.csv", ["from_unit_id", "to_unit_id", "effective_date", "transfer", "part",
                                             "source_url"])
    # A unit that still gives territory away at a later event existed before the earlier one.
    givers = {(e["from_unit_id"], e["effective_date"]) for e in events}
    for e in events:
        for field in ("from_unit_id", "to_unit_id"):
            if e[field] not in by_id:
                raise ImportSeedError(e["_file"], e["_line"], field, f"{e[field]!r} is not a unit")
        if e["transfer"] not in ("whole", "partial"):
            raise ImportSeedError(e["_file"], e["_line"], "transfer", "must be whole or partial")
        crosswalk.append({"from_unit_id": e["from_unit_id"], "to_unit_id": e["to_unit_id"],
                          "effective_date": e["effective_date"], "transfer": e["transfer"], "part": e["part"],
                          "source_id": source_id(e["source_url"])})
        target = by_id[e["to_unit_id"]]
        existed = any(g == e["to_unit_id"] and d < e["effective_date"] for g, d in givers)
        if not existed:
            current = target.get("valid_from") or ""
            if current and current != e["effective_date"]:
                raise ImportSeedError(e["_file"], e["_line"], "effective_date",
                                      f"{e['to_unit_id']} already begins on {current}")
            target["valid_from"] = e["effective_date"]
