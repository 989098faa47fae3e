"""Canonical CSV form: UTF-8 without BOM, NFC, LF, schema field order, rows sorted by the primary key
(compared as strings, field by field), minimal quoting, empty string for missing values, true/false."""
import csv
import io
import unicodedata


def cell(value):
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return unicodedata.normalize("NFC", str(value))


def render(rows, fields, key):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(fields)
    body = [[cell(r.get(f)) for f in fields] for r in rows]
    index = [fields.index(k) for k in key]
    body.sort(key=lambda line: [line[i] for i in index])
    writer.writerows(body)
    return buf.getvalue()


def write(path, rows, fields, key):
    text = render(rows, fields, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return len(rows)
