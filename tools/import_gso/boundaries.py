"""Which unit a GSO figure belongs to: the unit whose boundary it measured (tools/README.md, import_gso).

For a row naming unit N and year Y (the figure is attached to a unit valid on 31 December Y):
1. If Y is before a split (or the 2008 merger) N came out of, the siblings decide:
   - split, every successor has a value that year: the publisher back-cast the series onto the later
     boundary: the successor unit (valid from the split), backcast = true;
   - split, only N has a value and N is named like the predecessor (Cần Thơ, Đắk Lắk, Lai Châu): it
     measured the predecessor: the predecessor unit valid on 31 December Y;
   - split, anything else: ambiguous, skipped;
   - the 2008 merger, for the row named like the merged unit (Hà Nội): "Ha Tay" has a value that year:
     old Hà Nội (the unit valid on 31 December Y); "Ha Tay" `..` or absent: the table's rule in the
     catalogue (old: old Hà Nội, when the series jumps at 2008; else skipped). A "Ha Tay" row before
     2008 is Hà Tây's own boundary.
2. Otherwise the unit named N valid on 31 December Y; none: skipped.
"""
import csv
import datetime as dt
from pathlib import Path

from tools.import_seed.errors import ImportSeedError

HERE = Path(__file__).resolve().parent


def _date(text):
    return dt.date.fromisoformat(text) if text else None


class Units:
    def __init__(self, unit_rows):
        self.by_name = {}
        for u in unit_rows:
            self.by_name.setdefault(u["name_vi"], []).append(
                (u["unit_id"], _date(u.get("valid_from", "")), _date(u.get("valid_to", ""))))

    def valid_on(self, name_vi, day):
        found = [uid for uid, start, end in self.by_name.get(name_vi, [])
                 if (start is None or start <= day) and (end is None or day <= end)]
        return found


def read_changes(path=HERE / "boundaries.csv"):
    changes = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line, r in enumerate(csv.DictReader(fh), start=2):
            try:
                day = dt.date.fromisoformat(r["effective_date"])
            except ValueError:
                raise ImportSeedError(path.name, line, "effective_date", "not a date") from None
            if r["kind"] not in ("split", "merger"):
                raise ImportSeedError(path.name, line, "kind", "must be split or merger")
            changes.append({"date": day, "predecessor": r["predecessor_name_vi"],
                            "successors": r["successors_name_vi"].split(";"), "kind": r["kind"]})
    return changes


class Resolver:
    """resolve(name_vi, year, has_value(name_vi) -> bool, hanoi_rule) -> (unit_id, backcast) or (None, reason)."""

    def __init__(self, units, changes):
        self.units, self.changes = units, changes

    def _one(self, name_vi, day):
        found = self.units.valid_on(name_vi, day)
        if len(found) == 1:
            return found[0]
        return None

    def resolve(self, name_vi, year, has_value, hanoi_rule):
        day = dt.date(year, 12, 31)
        for ch in self.changes:
            if ch["kind"] != "split" or name_vi not in ch["successors"] or day >= ch["date"]:
                continue
            siblings = ch["successors"]
            if all(has_value(s) for s in siblings):
                unit = self._one(name_vi, ch["date"])
                if unit is None:
                    return None, f"no single unit named {name_vi} valid on {ch['date']} in units.csv (back-cast)"
                return unit, True
            others = [s for s in siblings if s != name_vi]
            if name_vi == ch["predecessor"] and not any(has_value(s) for s in others):
                unit = self._one(ch["predecessor"], day)
                if unit is None:
                    return None, f"no single unit named {name_vi} valid on {day} in units.csv (predecessor)"
                return unit, False
            missing = ", ".join(s for s in siblings if not has_value(s))
            return None, (f"before the {ch['date'].year} split of {ch['predecessor']}: {missing} has no figure "
                          f"that year, so neither a back-cast nor a figure of {ch['predecessor']}")
        merger = [ch for ch in self.changes if ch["kind"] == "merger" and ch["predecessor"] == name_vi
                  and name_vi in ch["successors"]]
        if merger and day < merger[0]["date"]:
            partners = [ch["predecessor"] for ch in self.changes
                        if ch["kind"] == "merger" and ch["date"] == merger[0]["date"]]
            if not all(has_value(p) for p in partners):
                if hanoi_rule != "old":
                    missing = ", ".join(p for p in partners if not has_value(p))
                    return None, (f"before the {merger[0]['date'].year} merger: {missing} has no figure that year, "
                                  "so the boundary measured is uncertain")
        unit = self._one(name_vi, day)
        if unit is None:
            found = self.units.valid_on(name_vi, day)
            what = "no unit" if not found else f"{len(found)} units"
            return None, f"{what} named {name_vi} valid on {day} in units.csv"
        return unit, False
