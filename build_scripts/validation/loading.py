"""Reading each resource's CSV file into the DuckDB table records(res, row, cells), row = frictionless row number.

A file already in canonical shape (no BOM, LF endings, the schema's header, no blank line) is parsed by DuckDB,
and the parse is proven equal to Python's csv module (no quote in the file, or the file re-serialised from the
parse is byte-identical). Any other file is parsed by Python's csv module, which also says where it is not
canonical. Both paths give the same records.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from build_scripts import canonical
from build_scripts.errors import Problem, say
from build_scripts.validation import reader
from build_scripts.validation.descriptor import ResourceSpec
from build_scripts.validation.sql import query


@dataclass
class Loaded:
    spec: ResourceSpec
    file: str  # path as shown: relative to the package folder
    rows: int = 0
    nfc: bool = True
    loaded: bool = False
    problems: list[Problem] = field(default_factory=list)
    not_canonical_row: int | None = None
    parser: str = ""  # "duckdb" (canonical-shaped files) or "python"
    sha256: str | None = None  # of the bytes read: the build loads only these bytes (reader.read_checked)


def create_tables(con) -> None:
    con.execute(query("load/create_tables"))


def _p(loaded: Loaded, kind: str, at: int | None, field_: str | None = None, type_: str | None = None, cell=None, **params) -> None:
    loaded.problems.append(Problem(loaded.file, at, field_, type_ or kind, say(kind, cell=cell if cell is not None else "", **params), cell=cell))


def load(con, spec: ResourceSpec, file_label: str, allow_fast: bool = True) -> Loaded:
    loaded = Loaded(spec, file_label)
    path = spec.file
    if path is None:
        return loaded
    if not path.exists():
        _p(loaded, "path-missing", None, type_="missing-file", path=spec.path, resource=spec.name)
        return loaded
    if not path.is_file():
        _p(loaded, "path-not-file", None, type_="missing-file", path=spec.path, resource=spec.name)
        return loaded
    try:
        data = path.read_bytes()
    except OSError as exc:
        _p(loaded, "path-unreadable", None, type_="missing-file", path=spec.path, detail=exc.strerror or str(exc))
        return loaded
    loaded.sha256 = reader.digest(data)
    if re.match(rb"[\xef\xbb\xbf \r\n\t]*\Z", data):
        _p(loaded, "empty-file", 1, type_="empty-file")
        return loaded
    bom = data.startswith(canonical.BOM)
    if bom:
        _p(loaded, "bom", 1, type_="canonical-form")
    try:
        text = canonical.decode(data)
    except canonical.ReadError as exc:
        _p(loaded, exc.kind, exc.row, type_="encoding-error", row=exc.row, **exc.params)
        return loaded
    if "\x00" in text:
        _p(loaded, "nul-byte", canonical._record_at(text, text.index("\x00")), type_="encoding-error")
        return loaded
    loaded.nfc = unicodedata.is_normalized("NFC", text)
    crlf = "\r" in text
    if crlf:
        _p(loaded, "crlf", canonical._record_at(text, text.index("\r")), type_="canonical-form")
    header = _header(text)
    fast = allow_fast and not bom and not crlf and header == spec.names and text.endswith("\n") and "\n\n" not in text
    if fast and _load_fast(con, loaded, text, data):
        loaded.loaded, loaded.parser = True, "duckdb"
        return loaded
    loaded.parser = "python"
    _load_slow(con, loaded, text)
    return loaded


def _header(text: str) -> list[str] | None:
    try:
        return next(csv.reader(io.StringIO(text[:1_000_000], newline="")), None)
    except csv.Error:
        return None


def _load_fast(con, loaded: Loaded, text: str, data: bytes) -> bool:
    spec = loaded.spec
    columns = {f"c{i}": "VARCHAR" for i in range(len(spec.names))}
    try:
        with reader.private_folder("validate-") as folder:  # a path DuckDB reads as itself (reader.py)
            con.execute(query("load/read_csv"), [reader.duckdb_path(spec.file, data, folder, spec.name), columns])
        count = con.execute(query("load/count_raw")).fetchone()[0]
        if '"' in text:
            same = con.execute(query("load/serialise_raw")).fetchone()[0] == text
        else:
            same = count == text.count("\n")
        if not same:
            return False
        con.execute(query("load/insert_raw"), [spec.name])
    except Exception:  # DuckDB refused the file (ragged row, stray quote, huge line): Python reads it instead
        return False
    finally:
        con.execute(query("load/drop_raw"))
    loaded.rows = count - 1
    return True


def _insert_records(con, name: str, rows: list[list[str]]) -> None:
    """Python-parsed records into DuckDB through a temporary canonical CSV file (row number first)."""
    with reader.private_folder("validate-") as tmp:
        path = f"{tmp}/records.csv"
        with open(path, "w", encoding="utf-8", newline="") as out:
            csv.writer(out, lineterminator="\n").writerows([number, *cells] for number, cells in enumerate(rows, start=1))
        columns = {"row": "INTEGER", **{f"c{i}": "VARCHAR" for i in range(len(rows[0]))}}
        con.execute(query("load/read_records"), {"res": name, "path": path, "columns": columns})


def _load_slow(con, loaded: Loaded, text: str) -> None:
    spec = loaded.spec
    try:
        table = canonical.parse(text)
    except canonical.ReadError as exc:
        _p(loaded, exc.kind, exc.row, type_="source-error", **exc.params)
        return
    records = table.records
    if not records:
        _p(loaded, "empty-file", 1, type_="empty-file")
        return
    header = records[0]
    index = _map_header(loaded, header)
    names = spec.names
    width = len(header)
    padded: list[tuple[int, int]] = []
    rows: list[list[str]] = [list(header[:len(names)]) + [""] * (len(names) - len(header))]
    for number, rec in enumerate(records[1:], start=2):
        if rec and len(rec) != width:
            if len(rec) > width:
                _p(loaded, "extra-cell", number, None, "extra-cell", count=len(rec), expected=width)
            else:
                for i in range(len(rec), width):
                    _p(loaded, "missing-cell", number, header[i], "missing-cell", count=len(rec), expected=width, field=header[i])
        cells = []
        for pos, idx in enumerate(index):
            if idx is None or idx >= len(rec):
                cells.append("")
                if idx is None and rec:  # a column the header lacks: reported once, at the header
                    padded.append((number, pos))
            else:
                cells.append(rec[idx])
        rows.append(cells)
    _insert_records(con, spec.name, rows)
    if padded:
        con.executemany(query("load/insert_padded"), [[spec.name, r, p] for r, p in padded])
    loaded.rows = len(rows) - 1
    loaded.loaded = True
    header_ok = header == names
    ragged = any(rec and len(rec) != width for rec in records[1:])
    if header_ok and not ragged:
        booleans = {f.name for f in spec.fields if f.type == "boolean"}
        bool_idx = {i for i, n in enumerate(names) if n in booleans}
        body = [[canonical.normalise_cell(c, i in bool_idx) for i, c in enumerate(r)] for r in records[1:]]
        expected = canonical.serialise(names, body)
        actual = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
        if expected != actual:
            loaded.not_canonical_row = canonical.first_difference(actual, expected)


def _map_header(loaded: Loaded, header: list[str]) -> list[int | None]:
    """For each schema field, the column of the header holding it (by name); label problems on the way."""
    names = loaded.spec.names
    if header == names:
        return list(range(len(names)))
    seen: dict[str, int] = {}
    for pos, label in enumerate(header, start=1):
        if label in seen:
            _p(loaded, "duplicate-label", 1, label, "duplicate-label", label=label)
        elif label not in names:
            _p(loaded, "extra-label", 1, label, "extra-label", label=label)
        seen.setdefault(label, pos - 1)
    for name in names:
        if name not in seen:
            _p(loaded, "missing-label", 1, name, "missing-label", field=name, expected=", ".join(names))
    present = [label for label in header if label in names]
    expected_order = [n for n in names if n in seen]
    if not any(p.type in ("missing-label", "extra-label", "duplicate-label") for p in loaded.problems) or present != expected_order:
        for pos, (label, name) in enumerate(zip(present, expected_order), start=1):
            if label != name:
                _p(loaded, "incorrect-label", 1, name, "incorrect-label", label=label, field=name, position=pos)
                break
    return [seen.get(name) for name in names]
