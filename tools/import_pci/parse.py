"""Read one VCCI province page (the text the stored-pages corpus returned) into cells.

The page's table "Rankings In The Provincial Competitiveness Index (1-63) <province>" (Vietnamese: "Xếp hạng
trong Chỉ số năng lực cạnh tranh cấp tỉnh (1-63) <tỉnh>") has a line of years and a line a row: the label, then
one cell a year, a decimal as printed or "N/A". Values are kept as the printed strings. Older copies of the
page print the same table with its cells between bars ("Year | 2006 | 2007 |"), with no blank line before the
next block; a bar is read as a space, and a line that is neither a known row nor a row cut off by the end of
the excerpt ends the table."""
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from tools.import_seed.errors import ImportSeedError

HEADINGS = {"en": "Rankings In The Provincial Competitiveness Index (1-63)",
            "vi": "Xếp hạng trong Chỉ số năng lực cạnh tranh cấp tỉnh (1-63)"}
SECOND = {"en": "PCI Sub-Index Scores (1-100) -", "vi": "10 Chỉ số thành phần của PCI (1-100) -"}
KICKERS = {"en": "PCI of provinces", "vi": "PCI của tỉnh"}
YEAR_WORD = {"en": "Year", "vi": "Năm"}
HEADER_RANK = {"en": re.compile(r"^PCI (\d{4}) ranking (\S+)$"), "vi": re.compile(r"^PCI (\d{4}) Xếp hạng (\S+)$")}
HEADER_SCORE = {"en": "PCI {year} score", "vi": "PCI {year} Điểm số"}

ROWS = {
    "Entry Costs": "pci_subindex_entry_costs", "Gia nhập thị trường": "pci_subindex_entry_costs",
    "Access to land": "pci_subindex_land_access", "Tiếp cận đất đai": "pci_subindex_land_access",
    "Transparency": "pci_subindex_transparency", "Tính minh bạch": "pci_subindex_transparency",
    "Time Costs": "pci_subindex_time_costs", "Chi phí thời gian": "pci_subindex_time_costs",
    "Informal Charges": "pci_subindex_informal_charges", "Chi phí không chính thức": "pci_subindex_informal_charges",
    "Policy Bias": "pci_subindex_policy_bias", "Cạnh tranh bình đẳng": "pci_subindex_policy_bias",
    "Proactivity": "pci_subindex_proactivity", "Tính năng động": "pci_subindex_proactivity",
    "Business Support Policy": "pci_subindex_business_support",
    "Business Support Services": "pci_subindex_business_support",
    "Chính sách hỗ trợ doanh nghiệp": "pci_subindex_business_support",
    "Dịch vụ hỗ trợ doanh nghiệp": "pci_subindex_business_support",
    "Labor Policy": "pci_subindex_labour_training", "Đào tạo lao động": "pci_subindex_labour_training",
    "Law & Order": "pci_subindex_law_and_order", "Thiết chế pháp lý": "pci_subindex_law_and_order",
    "PCI Scores": "pci_score", "PCI": "pci_score",
    "Ranking": "pci_rank", "Xếp hạng": "pci_rank",
}
NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")
NA = "N/A"
RANKED = 63


def _cells(tokens):
    """Split 'Label words 1.23 N/A 4.56' into the label and the trailing cells."""
    cells = []
    while tokens and (NUMBER.match(tokens[-1]) or tokens[-1] == NA):
        cells.insert(0, tokens.pop())
    return " ".join(tokens), cells


def check_value(indicator, value):
    """None if the printed value is a plausible PCI figure, else the reason it is not."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        return f"{value!r} is not a number"
    if indicator == "pci_rank":
        if not re.fullmatch(r"[0-9]+", value) or not 1 <= number <= RANKED:
            return f"rank {value} is not a whole number from 1 to {RANKED}"
    elif indicator == "pci_score":
        if not 0 <= number <= 100:
            return f"PCI score {value} is outside 0-100"
    elif not 0 <= number <= 10:
        return f"sub-index score {value} is outside 0-10"
    return None


def _table(path, lines, start, lang, required):
    """The table whose heading is at lines[start]: (years, rows), rows = [(line_no, label, cells, cut)]."""
    i = start + 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines):
        if required:
            raise ImportSeedError(path, start + 1, message="the table heading is not followed by a line of years")
        return [], []
    head = lines[i].split()
    if not head or head[0] != YEAR_WORD[lang] or not all(re.fullmatch(r"(19|20)[0-9]{2}", y) for y in head[1:]):
        if i == len(lines) - 1 and not required:
            return [], []
        raise ImportSeedError(path, i + 1, message=f"expected a line '{YEAR_WORD[lang]} <years>' under the table heading")
    years = head[1:]
    if len(set(years)) != len(years):
        raise ImportSeedError(path, i + 1, message="a year is given twice in the table heading")
    rows = []
    for j in range(i + 1, len(lines)):
        text = lines[j]
        if not text.strip():
            break
        last = j == len(lines) - 1          # the excerpt may end inside this line
        label, cells = _cells(text.split())
        if label not in ROWS:
            if not required:                 # the second table ends where another block begins
                break
            if not cells and not (last and any(known.startswith(label) for known in ROWS)):
                break                        # a note or the next block right under the table
            if last:
                rows.append((j + 1, label, [], True))
                break
            raise ImportSeedError(path, j + 1, field=label or "row",
                                  message=f"unknown row label {label!r} (known: {', '.join(sorted(set(ROWS)))})")
        cut = last and len(cells) <= len(years)
        if cut:
            cells = cells[:-1]               # the last printed cell may itself be cut short
        elif len(cells) != len(years):
            raise ImportSeedError(path, j + 1, field=label,
                                  message=f"{len(cells)} cells for {len(years)} years")
        rows.append((j + 1, label, cells, cut))
    return years, rows


def parse(path: Path) -> dict:
    path = Path(path)
    text = path.read_bytes().decode("utf-8")
    lines = [line.replace("|", " ") for line in text.split("\n")]
    lang = next((l for l, h in HEADINGS.items() if any(x.startswith(h) for x in lines)), None)
    if lang is None:
        raise ImportSeedError(path, message="no table headed 'Rankings In The Provincial Competitiveness Index (1-63)' "
                                            "or 'Xếp hạng trong Chỉ số năng lực cạnh tranh cấp tỉnh (1-63)'")
    start = next(i for i, x in enumerate(lines) if x.startswith(HEADINGS[lang]))
    name = lines[start][len(HEADINGS[lang]):].strip()
    try:
        k = lines.index(KICKERS[lang])
    except ValueError:
        raise ImportSeedError(path, message=f"no headline line {KICKERS[lang]!r}") from None
    headline_name = next((x.strip() for x in lines[k + 1:] if x.strip()), "")
    if headline_name != name:
        raise ImportSeedError(path, k + 1, message=f"the headline names {headline_name!r}, the table {name!r}")
    years, rows = _table(path, lines, start, lang, required=True)
    cells, skipped, seen = [], [], set()
    for line_no, label, values, cut in rows:
        indicator = ROWS.get(label)
        if indicator is None:
            skipped.append({"line": line_no, "year": "", "indicator": "", "value": "",
                            "reason": "row cut off by the end of the stored excerpt"})
            continue
        if indicator in seen:
            raise ImportSeedError(path, line_no, label, "a second row for the same indicator")
        seen.add(indicator)
        for year, value in zip(years, values):
            if value == NA:
                skipped.append({"line": line_no, "year": year, "indicator": indicator, "value": value,
                                "reason": "N/A (not ranked)"})
                continue
            reason = check_value(indicator, value)
            if reason:
                skipped.append({"line": line_no, "year": year, "indicator": indicator, "value": value,
                                "reason": reason})
                continue
            cells.append({"line": line_no, "year": year, "indicator": indicator, "value": value})
        for year in years[len(values):]:
            skipped.append({"line": line_no, "year": year, "indicator": indicator, "value": "",
                            "reason": "cell cut off by the end of the stored excerpt"})
    # Cross-checks against the same page: the figures in the page header and the second table.
    disagreements = []
    table = {(c["indicator"], c["year"]): c["value"] for c in cells}
    for i, x in enumerate(lines[:start]):
        m = HEADER_RANK[lang].match(x.strip())
        if m:
            year, rank = m.groups()
            if table.get(("pci_rank", year), rank) != rank:
                disagreements.append(f"header says PCI {year} rank {rank}, table {table[('pci_rank', year)]}")
        for year in years:
            if x.strip() == HEADER_SCORE[lang].format(year=year):
                shown = next((y.strip() for y in lines[i + 1:start] if y.strip()), "")
                if not shown:
                    disagreements.append(f"header line 'PCI {year} score' shows no figure (the table's is kept)")
                elif table.get(("pci_score", year), shown) != shown:
                    disagreements.append(f"header says PCI {year} score {shown}, table {table[('pci_score', year)]}")
    second = next((i for i, x in enumerate(lines) if x.startswith(SECOND[lang]) and i > start), None)
    compared = 0
    if second is not None:
        years2, rows2 = _table(path, lines, second, lang, required=False)
        for _line_no, label, values, _cut in rows2:
            indicator = ROWS.get(label)
            for year, value in zip(years2, values):
                if indicator is None or value == NA or (indicator, year) not in table:
                    continue
                compared += 1
                if table[(indicator, year)] != value:
                    disagreements.append(f"second table gives {indicator} {year} as {value}, first table "
                                         f"{table[(indicator, year)]}")
    return {"language": lang, "name": name, "title": f"{KICKERS[lang]} – {name}", "years": years,
            "cells": cells, "skipped": skipped, "disagreements": disagreements, "compared": compared}
