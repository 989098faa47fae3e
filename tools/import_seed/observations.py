"""Seed observation rows -> canonical observations, with every doubtful row left out and its reason."""
from collections import defaultdict
from datetime import date
from decimal import Decimal

from .errors import ImportSeedError
from .seed import mapping
from .qualifiers import qualifier
from .slugs import source_id
from .values import convert

REFORM_END = date(2025, 6, 30)
REFORM_YEAR = date(2025, 1, 1)
SHARE_MEASURES = {"share_pct", "rate_pct"}
RANKED_UNITS = {"pre-2025": 63, "post-2025": 34}
PAGE_DERIVED_MARKERS = ("derived by the page", "combined by the article")


def _excluded(row, reason, unit_id="", indicator_id="", period=""):
    return {"file": row["_file"], "line": row["_line"], "province": row["province"], "boundary": row["boundary"],
            "indicator": indicator_id or row["indicator"], "period": period or row["period"],
            "value": row["value"], "unit": row["unit"], "status": row["status"], "source_id": source_id(row["source_url"]),
            "reason": reason, "unit_id": unit_id}


def _in_scope(scope, row, unchanged):
    """Scope of a rule of excluded_sources.csv: all rows of the page, or those of unchanged or merged provinces."""
    if scope == "all":
        return True
    if row["boundary"] != "post-2025":
        return False
    if scope == "unchanged_units":
        return row["province"] in unchanged
    if scope == "merged_units":
        return row["province"] not in unchanged
    raise ImportSeedError("tools/import_seed/excluded_sources.csv", field="scope", message=f"unknown scope {scope!r}")


def convert_rows(seed_rows, units_lookup, catalogue, periods, unchanged=frozenset()):
    """First pass: map and check each row on its own. Returns (candidates, excluded).

    unchanged: Vietnamese names of the post-2025 provinces that were not merged (one former province)."""
    slug_map = {r["seed_indicator"]: r["indicator_id"] for r in mapping("indicator_map.csv", ["seed_indicator", "indicator_id"])}
    conversions = {(r["seed_unit"], r["canonical_unit"]): r["factor"]
                   for r in mapping("unit_conversions.csv", ["seed_unit", "canonical_unit", "factor"])}
    by_hand = {(r["seed_file"], int(r["line"])): r["reason"]
               for r in mapping("exclusions.csv", ["seed_file", "line", "reason"])}
    by_source = mapping("excluded_sources.csv", ["source_url", "seed_indicator", "scope", "reason"])
    # rows filed under the wrong indicator (a customs figure in the provincial statistics series), notes
    # corrected by hand, and who produced a figure a page quotes: each with its reason in the file
    moves = {(r["seed_file"], int(r["line"])): r["indicator"]
             for r in mapping("series_moves.csv", ["seed_file", "line", "indicator", "reason"])}
    corrections = {(r["seed_file"], int(r["line"])): r["note"]
                   for r in mapping("note_corrections.csv", ["seed_file", "line", "note", "reason"])}
    producers = {(r["source_url"], r["seed_indicator"], r["period"]): r["producer"]
                 for r in mapping("figure_producers.csv", ["source_url", "seed_indicator", "period", "producer", "evidence"])}
    translations = note_translations()
    words = mapping("qualifier_words.csv", ["words", "qualifier"])
    words = sorted(((w["words"], w["qualifier"]) for w in words), key=lambda w: (-len(w[0]), w[0]))
    kept, excluded = [], []
    for row in seed_rows:
        if (row["_file"], row["_line"]) in by_hand:
            excluded.append(_excluded(row, by_hand[(row["_file"], row["_line"])]))
            continue
        rule = next((r for r in by_source if r["source_url"] == row["source_url"]
                     and r["seed_indicator"] in ("", row["indicator"])
                     and _in_scope(r["scope"], row, unchanged)), None)
        if rule:
            excluded.append(_excluded(row, rule["reason"]))
            continue
        place = (row["_file"], row["_line"])
        indicator_id = moves.get(place) or slug_map.get(row["indicator"], row["indicator"])
        note = corrections.get(place, row["note"])
        entry = catalogue.get(indicator_id)
        if entry is None:
            raise ImportSeedError(row["_file"], row["_line"], "indicator",
                                  f"indicator {row['indicator']!r} has no catalogue entry (tools/import_seed/catalogue) "
                                  "and no line in indicator_map.csv")
        if row["measure"] != entry["measure"]:
            raise ImportSeedError(row["_file"], row["_line"], "measure",
                                  f"measure {row['measure']!r} differs from the catalogue's {entry['measure']!r} "
                                  f"for {indicator_id}")
        factor = conversions.get((row["unit"], entry["unit"]))
        if factor is None:
            raise ImportSeedError(row["_file"], row["_line"], "unit",
                                  f"no conversion from {row['unit']!r} to {entry['unit']!r} in unit_conversions.csv")
        unit_id = units_lookup.get((row["province"], row["boundary"]))
        if unit_id is None:
            excluded.append(_excluded(row, f"unknown unit {row['province']!r} with boundary {row['boundary']!r}",
                                      indicator_id=indicator_id))
            continue
        period_info = periods.get(row["period"])
        if period_info is None:
            excluded.append(_excluded(row, f"period {row['period']!r} does not parse", unit_id, indicator_id))
            continue
        period, _kind, start, end = period_info
        value = convert(row["value"], factor)
        if value is None:
            excluded.append(_excluded(row, f"value {row['value']!r} is not a number", unit_id, indicator_id, period))
            continue
        number = Decimal(value)
        reason = None
        if entry["measure"] in SHARE_MEASURES and not (0 <= number <= 100):
            reason = f"a {entry['measure'].replace('_pct', '')} of {value}% lies outside 0-100"
        elif entry["measure"] in ("level", "score") and number < 0 and not entry.get("allow_negative"):
            reason = f"negative {entry['measure']} {value} for an indicator that cannot be negative"
        elif entry["measure"] == "rank" and (number < 1 or number != number.to_integral_value()):
            reason = f"rank {value} is not a whole number of at least 1"
        elif entry["measure"] == "rank" and number > RANKED_UNITS[row["boundary"]]:
            reason = f"rank {value} is beyond the {RANKED_UNITS[row['boundary']]} {row['boundary']} provinces"
        elif row["boundary"] == "pre-2025" and end > REFORM_END:
            reason = (f"pre-2025 unit with a period ending {end.isoformat()}, after the unit ceased to exist "
                      "on 2025-06-30")
        elif row["boundary"] == "post-2025" and start < REFORM_YEAR and not any(
                m in row["note"].lower() for m in PAGE_DERIVED_MARKERS):
            reason = "post-2025 unit with a period before 2025 that the page did not derive for the new boundary"
        if reason:
            excluded.append(_excluded(row, reason, unit_id, indicator_id, period))
            continue
        kept.append({"unit_id": unit_id, "indicator_id": indicator_id, "period": period, "status": row["status"],
                     "source_id": source_id(row["source_url"]), "value": value, "note": note,
                     "qualifier": qualifier(note, row["value"], words), "note_vi": _vietnamese(note, translations, row),
                     "producer": producers.get((row["source_url"], row["indicator"], row["period"]), ""),
                     "_row": row, "_start": start, "_end": end, "_number": number})
    return kept, excluded


def _vietnamese(note, translations, row):
    if not note:
        return ""
    if note not in translations:
        raise ImportSeedError(row["_file"], row["_line"], "note",
                              f"no Vietnamese for the note {note!r} in tools/import_seed/note_translations.csv")
    return translations[note]


def note_translations():
    """note_translations.csv: a seed note (English, as the seed gives it or as corrected) -> its Vietnamese."""
    out = {}
    for r in mapping("note_translations.csv", ["note", "note_vi"]):
        if r["note"] in out:
            raise ImportSeedError(r["_file"], r["_line"], "note", "note translated twice")
        if not r["note_vi"]:
            raise ImportSeedError(r["_file"], r["_line"], "note_vi", "empty translation")
        out[r["note"]] = r["note_vi"]
    return out


def drop_key_conflicts(rows):
    """Same primary key: identical values collapse to one row; different values are all left out."""
    groups = defaultdict(list)
    for r in rows:
        groups[(r["unit_id"], r["indicator_id"], r["period"], r["status"], r["source_id"])].append(r)
    kept, excluded, merged = [], [], []
    for key, group in sorted(groups.items()):
        values = sorted({g["_number"] for g in group})
        if len(values) == 1:
            group.sort(key=lambda g: (g["_row"]["_file"], g["_row"]["_line"]))
            first = group[0]
            notes = sorted({g["note"] for g in group if g["note"]})
            if len(notes) > 1:
                by_note = {g["note"]: g.get("note_vi", "") for g in group}
                first["note"] = "; ".join(notes)
                first["note_vi"] = "; ".join(by_note[n] for n in notes) if all(by_note[n] for n in notes) else ""
            kept.append(first)
            merged.extend(group[1:])
        else:
            shown = ", ".join(format(v, "f") for v in values)
            for g in group:
                excluded.append(_excluded(g["_row"], f"the same source gives different values for this key ({shown})",
                                          g["unit_id"], g["indicator_id"], g["period"]))
    return kept, excluded, merged


def magnitude_outliers(rows, catalogue, threshold=Decimal(8), years=3):
    """Level rows more than `threshold` times off the median of the same series: the same unit, indicator
    and kind of period (2024-9M beside 2021-9M to 2027-9M), other sources and neighbouring years included.
    That catches unit slips such as million for billion. Needs at least two other figures."""
    series = defaultdict(list)
    for r in rows:
        if catalogue[r["indicator_id"]]["measure"] == "level" and r["status"] != "plan":
            series[(r["unit_id"], r["indicator_id"], r["period"][4:])].append(r)
    flagged = []
    for group in series.values():
        for g in group:
            year = int(g["period"][:4])
            others = sorted(o["_number"] for o in group if o is not g and abs(int(o["period"][:4]) - year) <= years)
            if len(others) < 2:
                continue
            median = others[len(others) // 2]
            if median > 0 and g["_number"] > 0 and (g["_number"] / median > threshold or median / g["_number"] > threshold):
                flagged.append((g, median, len(others)))
    return flagged
