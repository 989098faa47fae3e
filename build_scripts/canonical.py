"""Canonical CSV form: reading a CSV file strictly, and writing it back in the one canonical form.

Canonical form: UTF-8 without BOM, NFC, LF line endings, header = the schema's field names in schema order,
csv.writer with minimal quoting and "\\n" line terminator, rows sorted by the primary key fields compared as
strings (code-point order, field by field), a final newline, "" for missing values, booleans true/false.
"""

from __future__ import annotations

import csv
import io
import operator
import unicodedata
from dataclasses import dataclass, field

csv.field_size_limit(16 * 1024 * 1024)

TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")
BOM = b"\xef\xbb\xbf"


@dataclass
class Table:
    """A parsed CSV file: records[0] is the header; record i has frictionless row number i + 1."""

    text: str
    records: list[list[str]] = field(default_factory=list)


class ReadError(Exception):
    """A file that cannot be read as CSV: kind, row (or None) and the parameters of the message."""

    def __init__(self, kind: str, row: int | None = None, **params):
        super().__init__(kind)
        self.kind, self.row, self.params = kind, row, params


def line_of(text_or_bytes, offset: int) -> int:
    newline = b"\n" if isinstance(text_or_bytes, bytes) else "\n"
    return text_or_bytes.count(newline, 0, offset) + 1


def decode(data: bytes) -> str:
    """UTF-8 text of a file (a BOM is stripped here; the canonical check reports it)."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError("encoding", line_of(data, exc.start), byte=f"0x{data[exc.start]:02x}") from None


def parse(text: str) -> Table:
    """All records of a CSV text. A NUL byte or an unterminated quote is a ReadError naming its record."""
    if "\x00" in text:
        raise ReadError("nul-byte", _record_at(text, text.index("\x00")))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as exc:
        raise ReadError("csv-syntax", len(records) + 1, detail=str(exc)) from None
    return Table(text, records)


def _record_at(text: str, offset: int) -> int:
    """The record number (header = 1) holding a character offset, counting quoted newlines as part of a record."""
    try:
        return max(1, len(list(csv.reader(io.StringIO(text[:offset] + "x", newline="")))))
    except csv.Error:
        return line_of(text, offset)


def normalise_cell(value: str, is_boolean: bool) -> str:
    value = unicodedata.normalize("NFC", value)
    if is_boolean:
        if value in TRUE_VALUES:
            return "true"
        if value in FALSE_VALUES:
            return "false"
    return value


def canonical_rows(rows: list[list[str]], names: list[str], primary_key: list[str], booleans: set[str]) -> list[list[str]]:
    """Data rows normalised (NFC, booleans) and sorted by the primary key. Rows must have len(names) cells."""
    bool_idx = [i for i, n in enumerate(names) if n in booleans]
    out = rows
    if bool_idx or any(not unicodedata.is_normalized("NFC", c) for r in rows for c in r):
        out = [[normalise_cell(c, i in bool_idx) for i, c in enumerate(r)] for r in rows]
    key_idx = [names.index(k) for k in primary_key if k in names]
    if key_idx:
        getter = operator.itemgetter(*key_idx)
        if len(key_idx) == 1:
            out = sorted(out, key=lambda r: (getter(r),))
        else:
            out = sorted(out, key=getter)
    return out


def serialise(names: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(rows)
    return buffer.getvalue()


def first_difference(actual: str, expected: str) -> int:
    """The record number (header = 1) where two CSV texts first differ."""
    a, e = actual.split("\n"), expected.split("\n")
    for i, (x, y) in enumerate(zip(a, e)):
        if x != y:
            line = i + 1
            break
    else:
        line = min(len(a), len(e))
    offset = sum(len(x) + 1 for x in a[: line - 1])
    return _record_at(actual, offset) if offset else 1


def canonical_text(data: bytes, names: list[str], primary_key: list[str], booleans: set[str]) -> str:
    """The canonical form of a CSV file's bytes, or a ReadError saying why it cannot be made safely
    (not UTF-8, NUL byte, broken quoting, a header that is not the schema's columns, ragged rows)."""
    text = decode(data)
    if "\x00" in text:
        raise ReadError("nul-byte", _record_at(text, text.index("\x00")))
    records = [r for r in parse(text).records if r]  # blank lines are layout, not data
    if not records:
        raise ReadError("empty-file", 1)
    header = records[0]
    if sorted(header) != sorted(names) or len(set(header)) != len(header):
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        detail = "; ".join(part for part in (
            ("missing " + ", ".join(missing)) if missing else "",
            ("unknown " + ", ".join(extra)) if extra else "",
            "repeated columns" if len(set(header)) != len(header) else "") if part)
        raise ReadError("fmt-header", 1, detail=detail)
    order = [header.index(n) for n in names]
    body = []
    for number, record in enumerate(records[1:], start=2):
        if len(record) != len(header):
            raise ReadError("fmt-ragged", number, count=len(record), expected=len(header))
        body.append([record[i] for i in order])
    return serialise(names, canonical_rows(body, names, primary_key, booleans))
