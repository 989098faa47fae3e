"""python -m tools.coverage --span: the figures by kind of publisher within the span agree with a count made
directly from the package's CSV files."""
import csv
import re
from collections import Counter
from pathlib import Path

from tools.coverage import main

PACKAGE = Path(__file__).resolve().parent.parent / "datapackage"


def table(name):
    with (PACKAGE / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_span_counts_match_the_csv_files(capsys):
    assert main(["--span", "2017", "2025"]) == 0
    out = capsys.readouterr().out
    printed = {m.group(1): (int(m.group(2)), int(m.group(3))) for m in re.finditer(r"^  (\w+): (\d+); (\d+)$", out, re.M)}
    kind = {s["source_id"]: s["kind"] for s in table("sources")}
    every, in_span = Counter(), Counter()
    for o in table("observations"):
        every[kind[o["source_id"]]] += 1
        if re.fullmatch(r"\d{4}", o["period"]) and 2017 <= int(o["period"]) <= 2025 and o["status"] != "plan":
            in_span[kind[o["source_id"]]] += 1
    assert printed == {k: (every[k], in_span[k]) for k in every}
    # every figure of the PX-Web tables (2017-2019) is an annual statistics-office figure inside the span
    pxweb = sum(1 for o in table("observations") if o["source_id"].startswith("gsopx-"))
    assert pxweb and printed["statistics_office"][1] >= pxweb
