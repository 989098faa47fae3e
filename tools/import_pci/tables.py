"""Read VCCI's ranking of all provinces for one year (the text the stored-pages corpus returned) into cells.

The page "Bảng xếp hạng" has rows "| <province> | <PCI score> | <rank> |"; its year is the `year=` of the page's
address (ORIGIN.csv), which the page's text does not repeat. Values are kept as printed, except a rank printed
with a leading zero ("01"), which is written as a number. A last row cut off by the end of the excerpt is
skipped and counted. (VCCI's tables of sub-indices of all provinces are cited by the seed, not read here.)"""
import re
from pathlib import Path

from tools.import_seed.errors import ImportSeedError

from .parse import NUMBER, check_value

HEADING = "Bảng xếp hạng"
HEADER = "| Tỉnh | Điểm số PCI | Xếp hạng |"
RULE = re.compile(r"\|(-+\|)+")
YEAR_IN_URL = re.compile(r"[?&]year=((?:19|20)\d\d)(?:&|$)")
COLUMNS = ["pci_score", "pci_rank"]


def parse_table(path: Path, url: str) -> dict:
    path = Path(path)
    lines = path.read_bytes().decode("utf-8").split("\n")
    start = next((i for i, x in enumerate(lines) if x.strip() == HEADING), None)
    if start is None:
        raise ImportSeedError(path, message=f"no table heading {HEADING!r}")
    head = next((i for i in range(start + 1, len(lines)) if lines[i].strip()), None)
    if head is None or lines[head].strip() != HEADER:
        raise ImportSeedError(path, (head or start) + 1, message=f"expected the header {HEADER!r}")
    m = YEAR_IN_URL.search(url)
    if not m:
        raise ImportSeedError(path, start + 1, message=f"the ranking's year is the year= of its address, and {url} "
                                                       "has none")
    year = m.group(1)
    cells, skipped = [], []
    for j in range(head + 1, len(lines)):
        text = lines[j].strip()
        if not text or RULE.fullmatch(text):
            continue
        parts = [p.strip() for p in text.strip("|").split("|")]
        complete = text.endswith("|") and len(parts) == 3 and all(NUMBER.match(p) for p in parts[1:])
        if not complete:
            if j == len(lines) - 1:
                skipped.append({"line": j + 1, "year": year, "indicator": "", "value": "",
                                "reason": "row cut off by the end of the stored excerpt"})
                continue
            raise ImportSeedError(path, j + 1, message="expected '| <province> | <score> | <rank> |'")
        name, score, rank = parts
        for indicator, value in zip(COLUMNS, (score, re.sub(r"^0+(?=[0-9])", "", rank))):
            reason = check_value(indicator, value)
            if reason:
                skipped.append({"line": j + 1, "year": year, "indicator": indicator, "value": value,
                                "reason": reason})
                continue
            cells.append({"line": j + 1, "province": name, "indicator": indicator, "value": value})
    return {"language": "vi", "title": HEADING, "year": year, "cells": cells, "skipped": skipped}
