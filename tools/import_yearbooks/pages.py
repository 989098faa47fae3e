"""Read one yearbook page (the text the stored-pages corpus returned, whitespace collapsed) into year rows.

A yearbook table is a run of sections, each opened by a line naming its unit ("Người - Person", "So với dân
số (%)", …), then one row a year: "2017 540.985 76.051 464.934" or "Sơ bộ - Prel. 2021 …" (preliminary),
with the cells on the same line or on the lines after it. A section ends at the first line that is neither a
year nor cells once its rows have begun. Numbers are printed the Vietnamese way: "." between thousands, ","
before decimals. A row takes as many cells as its section has columns (catalogue.csv); further numbers (the
page number and the page links under the table) are not cells. A row that the end of the excerpt cuts short
is skipped and counted."""
import re
from pathlib import Path

from tools.import_seed.errors import ImportSeedError

ROW = re.compile(r"^(?P<prel>Sơ bộ\s*-?\s*Prel\.\s*)?(?P<year>(?:19|20)\d\d)(?:\s+(?P<rest>.*))?$")
NUMBER = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")


def number(text):
    """'1.154.836' -> '1154836'; '54,75' -> '54.75'; '-0,109' -> '-0.109'."""
    return text.replace(".", "").replace(",", ".")


def _cells(text):
    tokens = text.split()
    return tokens if tokens and all(NUMBER.match(t) for t in tokens) else None


def section(path: Path, lines, label, columns):
    """{year: (preliminary, [cells])} of the section opened by the line `label`; cut rows in 'cut'."""
    try:
        start = lines.index(label)
    except ValueError:
        raise ImportSeedError(path, field="section", message=f"no line {label!r} on the page") from None
    rows, cut, current, to_the_end = {}, [], None, True
    last_line = max((n for n, x in enumerate(lines) if x.strip()), default=-1)
    for n in range(start + 1, len(lines)):
        line = lines[n]
        m = ROW.match(line)
        rest = _cells(m.group("rest")) if m and m.group("rest") else []
        if m and rest is None and n == last_line and len(rows) > 0:
            cut.append(int(m.group("year")))       # its last cell cut in the middle of a number
            break
        if m and rest is not None:
            year = int(m.group("year"))
            if year in rows:
                raise ImportSeedError(path, n + 1, "year", f"{year} is given twice in the section {label!r}")
            current = (year, bool(m.group("prel")), [])
            rows[year] = current
            current[2].extend(rest[:columns])
            continue
        extra = _cells(line)
        if current is not None and extra is not None and len(current[2]) < columns:
            current[2].extend(extra[:columns - len(current[2])])
            continue
        if rows:
            to_the_end = False
            break
    out, last = {}, list(rows)[-1] if rows else None
    for year, prel, cells in rows.values():
        if len(cells) == columns:
            out[year] = (prel, cells)
        elif year == last and to_the_end:
            cut.append(year)
        else:
            raise ImportSeedError(path, field=str(year), message=f"{len(cells)} cells in the section {label!r}, "
                                                                 f"expected {columns}")
    return out, cut


def read(path: Path) -> list:
    path = Path(path)
    try:
        return path.read_bytes().decode("utf-8").split("\n")
    except UnicodeDecodeError as exc:
        raise ImportSeedError(path, message=f"not UTF-8 (byte {exc.start})") from None
