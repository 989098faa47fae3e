"""Spreadsheet-safe CSV downloads: no cell a researcher opens in a spreadsheet is read as a formula.

The rule (OWASP, "CSV injection"): in the CSV downloads, a text cell (a field of type string) that begins
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with an apostrophe before it
(``'+3.2% on previous quarter``), which spreadsheets show as text and do not evaluate. Numbers are never
changed (``-1.5`` in a number field stays ``-1.5``). Parquet, JSON, the API and the package zip keep the
text exactly as the package has it; a CSV download with no such cell is a byte copy of the package file.
"""

from __future__ import annotations

import csv
import io

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def safe_csv(data: bytes, text_fields: set[str]) -> bytes:
    """A canonical CSV file's bytes with every text cell made safe; the same bytes when none needed it."""
    text = data.decode("utf-8")
    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records:
        return data
    header, rows = records[0], records[1:]
    columns = [i for i, name in enumerate(header) if name in text_fields]
    changed = False
    for row in rows:
        for i in columns:
            if i < len(row) and row[i].startswith(FORMULA_START):
                row[i] = safe_cell(row[i])
                changed = True
    if not changed:
        return data
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue().encode("utf-8")
