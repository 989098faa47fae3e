"""The Table Schema checks (types, required, pattern, enum, lengths, bounds, unique, primary and foreign keys)
over the records table, as queries in checks/schema/; Python only decides the rare cells the fast type test
cannot, with frictionless's own rules, and turns rows into Problems."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation

from build_scripts.errors import Problem, say
from build_scripts.validation.descriptor import ResourceSpec
from build_scripts.validation.sql import query, rows

TRUE_FALSE = {"true", "True", "TRUE", "1", "false", "False", "FALSE", "0"}


def create_definitions(con, specs: list[ResourceSpec], loaded: set[str]) -> None:
    """The fields, key_defs and fk_defs tables: the schemas as data, so no name is ever pasted into SQL."""
    fields = {k: [] for k in ("res", "pos", "name", "type", "required", "pattern", "enum", "minimum", "maximum",
                              "min_length", "max_length", "is_unique", "missing")}
    keys = {"res": [], "idx": []}
    fks = {"res": [], "fk": [], "fields": [], "idx": [], "ref_res": [], "ref_fields": [], "ref_idx": []}
    by_name = {s.name: s for s in specs}
    for spec in specs:
        for pos, f in enumerate(spec.fields):
            c = f.constraints
            fields["res"].append(spec.name)
            fields["pos"].append(pos)
            fields["name"].append(f.name)
            fields["type"].append(f.type)
            fields["required"].append(bool(c.get("required")) or f.name in spec.primary_key)
            fields["pattern"].append(c.get("pattern"))
            fields["enum"].append([str(v).lower() if isinstance(v, bool) else str(v) for v in c["enum"]] if "enum" in c else None)
            fields["minimum"].append(float(c["minimum"]) if "minimum" in c else None)
            fields["maximum"].append(float(c["maximum"]) if "maximum" in c else None)
            fields["min_length"].append(c.get("minLength"))
            fields["max_length"].append(c.get("maxLength"))
            fields["is_unique"].append(bool(c.get("unique")))
            fields["missing"].append(list(spec.missing_values))
        if spec.primary_key:
            keys["res"].append(spec.name)
            keys["idx"].append([spec.names.index(k) + 1 for k in spec.primary_key])
        for number, fk in enumerate(spec.foreign_keys):
            target = by_name.get(fk["reference"]["resource"] or spec.name)
            if target is None or any(f not in target.names for f in fk["reference"]["fields"]):
                continue
            if target.name not in loaded:  # its file could not be read: that is the problem reported, not every row
                continue
            fks["res"].append(spec.name)
            fks["fk"].append(number)
            fks["fields"].append(", ".join(fk["fields"]))
            fks["idx"].append([spec.names.index(f) + 1 for f in fk["fields"]])
            fks["ref_res"].append(target.name)
            fks["ref_fields"].append(", ".join(fk["reference"]["fields"]))
            fks["ref_idx"].append([target.names.index(f) + 1 for f in fk["reference"]["fields"]])
    for name, data in (("fields", fields), ("key_defs", keys), ("fk_defs", fks)):
        con.execute(query(f"schema/create_{name}"))
        rows_ = [list(r) for r in zip(*data.values())]
        if rows_:
            con.executemany(query(f"schema/insert_{name}"), rows_)


def _frictionless_type_ok(value: str, type_: str) -> bool:
    """frictionless 5's reading of a cell of this type (bareNumber true, default formats)."""
    cell = value
    try:
        if type_ == "integer":
            int(cell.strip())
        elif type_ == "number":
            Decimal(cell.strip())
        elif type_ == "boolean":
            return cell in TRUE_FALSE
        elif type_ == "date":
            datetime.strptime(cell, "%Y-%m-%d")
        return True
    except (ValueError, InvalidOperation, ArithmeticError):
        return False


NUMBER_FORM = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?(nan|inf|infinity)", re.ASCII | re.IGNORECASE)
INTEGER_FORM = re.compile(r"[+-]?[0-9]+", re.ASCII)
DATE_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _portal_form(value: str, type_: str) -> str | None:
    """The sentence kind when a cell frictionless accepts is one the build cannot read (DuckDB casts only ASCII
    digits, no '_', and integers of 32 bits); None when it can. NaN and infinities are left to finite_value."""
    cell = value.strip()
    if type_ == "number" and not (len(cell) <= 40 and NUMBER_FORM.fullmatch(cell)):
        return "number-form"
    if type_ == "integer" and not (INTEGER_FORM.fullmatch(cell) and -2 ** 31 <= int(cell) < 2 ** 31):
        return "integer-form"
    if type_ == "date" and not DATE_FORM.fullmatch(value):
        return "date-form"
    return None


def run(con, specs: list[ResourceSpec], files: dict[str, str], non_nfc: list[str]) -> tuple[list[Problem], set]:
    """All schema problems; also the cells with a type error (the domain checks leave those alone)."""
    by_name = {s.name: s for s in specs}
    problems: list[Problem] = []

    def name_of(res: str, pos: int) -> str:
        return by_name[res].names[pos]

    def add(res, row, field_, type_, kind, cell=None, **params):
        problems.append(Problem(files[res], row, field_, type_, say(kind, cell="" if cell is None else cell, **params), cell=cell))

    con.execute(query("schema/blank_rows"))
    for r in rows(con, "schema/blank_row_list"):
        add(r["res"], r["row"], None, "blank-row", "blank-row")
    bad_type: set[tuple[str, int, int]] = set()
    form: dict[tuple[str, int, int], str] = {}
    found = rows(con, "schema/cell_problems")
    for r in found:  # first the types, decided with frictionless's rules: no constraint error on a mistyped cell
        if r["kind"] == "type":
            where = (r["res"], r["row"], r["pos"])
            if not _frictionless_type_ok(r["value"], r["type"]):
                bad_type.add(where)
            elif _portal_form(r["value"], r["type"]):  # frictionless reads it, the build could not
                bad_type.add(where)
                form[where] = _portal_form(r["value"], r["type"])
    for r in found:
        res, row, pos, value, kind = r["res"], r["row"], r["pos"], r["value"], r["kind"]
        name = name_of(res, pos)
        if kind == "required":
            add(res, row, name, "constraint-error", "required", value)
        elif (res, row, pos) in bad_type:
            if kind == "type":
                add(res, row, name, "type-error", form.get((res, row, pos), "type-error"), value, type=r["type"])
        elif kind == "enum":
            add(res, row, name, "constraint-error", "enum", value, allowed=r["allowed"])
        elif kind == "length":
            too_long = r["max_length"] is not None and r["length"] > r["max_length"]
            add(res, row, name, "constraint-error", "max-length" if too_long else "min-length", value, length=r["length"],
                max_length=r["max_length"], min_length=r["min_length"])
        elif kind == "bound":
            number = float(value.strip())
            if r["minimum"] is not None and number < r["minimum"]:
                add(res, row, name, "constraint-error", "minimum", value, minimum=_plain(r["minimum"]))
            elif r["maximum"] is not None and number > r["maximum"]:
                add(res, row, name, "constraint-error", "maximum", value, maximum=_plain(r["maximum"]))
            else:
                add(res, row, name, "constraint-error", "not-a-number", value)
    compiled: dict[str, re.Pattern] = {}
    failed = []
    for r in rows(con, "schema/distinct_constrained"):
        pattern = compiled.setdefault(r["pattern"], re.compile(f"^{r['pattern']}$"))
        if not pattern.match(r["value"]):
            failed.append({"res": r["res"], "pos": r["pos"], "value": r["value"], "pattern": r["pattern"]})
    if failed:
        patterns = {(f["res"], f["pos"]): f["pattern"] for f in failed}
        triples = [{"res": f["res"], "pos": f["pos"], "value": f["value"]} for f in failed]
        for r in rows(con, "schema/rows_with_values", [triples]):
            add(r["res"], r["row"], name_of(r["res"], r["pos"]), "constraint-error", "pattern", r["value"],
                pattern=patterns[(r["res"], r["pos"])])
    for r in rows(con, "schema/unique"):
        add(r["res"], r["row"], name_of(r["res"], r["pos"]), "unique-error", "unique-error", r["value"], first_row=r["first_row"],
            field=name_of(r["res"], r["pos"]))
    con.execute(query("schema/keys"))
    unsorted: dict[str, int] = {}
    repeats = []
    for r in rows(con, "schema/key_order"):
        if r["backwards"]:
            unsorted.setdefault(r["res"], r["row"])
        else:
            repeats.append(r)
    if unsorted:
        repeats = [r for r in repeats if r["res"] not in unsorted]
        repeats += rows(con, "schema/primary_key", [sorted(unsorted)])
    for r in sorted(repeats, key=lambda r: (r["res"], r["row"])):
        add(r["res"], r["row"], ", ".join(by_name[r["res"]].primary_key), "primary-key", "primary-key", r["key"],
            key=r["key"], first_row=r["previous_row"])
    for r in rows(con, "schema/empty_keys"):
        add(r["res"], r["row"], ", ".join(by_name[r["res"]].primary_key), "primary-key", "primary-key-empty")
    foreign = rows(con, "schema/foreign_key") if rows(con, "schema/foreign_key_bad")[0]["bad"] else []
    for r in foreign:
        add(r["res"], r["row"], r["fields"], "foreign-key", "foreign-key", r["value"], value=r["value"], fields=r["fields"],
            ref_fields=r["ref_fields"], ref_file=files.get(r["ref_res"], r["ref_res"]))
    # canonical form: order and boolean spelling, and text not in NFC
    for res, row in sorted(unsorted.items()):
        add(res, row, ", ".join(by_name[res].primary_key), "canonical-form", "unsorted", key=", ".join(by_name[res].primary_key))
    for r in rows(con, "schema/boolean_spelling"):
        add(r["res"], r["row"], name_of(r["res"], r["pos"]), "canonical-form", "boolean-spelling", r["value"])
    for r in rows(con, "schema/hidden_characters"):
        add(r["res"], r["row"], name_of(r["res"], r["pos"]), "constraint-error", r["kind"], r["value"],
            char=f"U+{ord(r['found']):04X}" if r["found"] else "?")
    if non_nfc:
        for r in rows(con, "schema/not_nfc", [non_nfc]):
            field_ = name_of(r["res"], r["pos"]) if r["pos"] < len(by_name[r["res"]].names) else None
            add(r["res"], r["row"], field_, "nfc", "nfc", r["value"])
    return problems, bad_type


def _plain(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)
