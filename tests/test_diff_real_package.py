"""The diff on a changed copy of the real package (datapackage/) reports exactly its changes."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from tests.test_diff import run_diff

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "datapackage"


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    return reader.fieldnames, list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def test_a_package_copy_against_itself_is_empty(tmp_path):
    copy = shutil.copytree(PACKAGE, tmp_path / "datapackage")
    result = run_diff(str(PACKAGE), "--package", str(copy), "--no-validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2] == "No change: the figures, sources, other tables and datapackage.json are the same."


def test_a_changed_copy_reports_exactly_its_changes(tmp_path):
    copy = shutil.copytree(PACKAGE, tmp_path / "datapackage")
    header, rows = read_rows(copy / "data" / "observations.csv")
    assert len(rows) > 3, "the real package has figures"
    changed = next(r for r in rows if float(r["value"]) > 0)
    removed = rows[-1]
    assert removed is not changed
    old_value = changed["value"]
    changed["value"] = repr(float(old_value) * 1.5)
    rows.remove(removed)
    url = "https://example.org/test-only-source"
    added = {**changed, "period": "2099", "status": "plan", "source_id": "src-test000000", "value": "1", "note": ""}
    rows.append(added)
    write_rows(copy / "data" / "observations.csv", header, rows)
    source_header, sources = read_rows(copy / "data" / "sources.csv")
    sources.append({**{k: "" for k in source_header}, "source_id": "src-test000000", "publisher": "Test", "url": url, "language": "en", "kind": "other"})
    write_rows(copy / "data" / "sources.csv", source_header, sources)

    result = run_diff(str(PACKAGE), "--package", str(copy), "--no-validate")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    indicators = 1 if changed["indicator_id"] == removed["indicator_id"] else 2
    assert lines[2] == f"- **Figures:** 1 added, 1 changed, 1 removed, in {indicators} indicator{'s' if indicators > 1 else ''}."
    assert lines[3] == "- **Sources:** 1 added, 0 removed."
    assert lines[4] == "- **Schema and metadata:** unchanged."
    row = lambda r: f"| {r['unit_id']} | {r['period']} | {r['status']} | {r['source_id']} |"
    figure_rows = [line for line in lines if line.startswith("| ") and line.count("|") == 8 and not line.startswith("| Unit") and not line.startswith("| ---")]
    assert len(figure_rows) == 3
    assert f"{row(changed)} {old_value} | {changed['value']} | +50.0 % |" in figure_rows
    assert f"{row(added)}  | 1 | added |" in figure_rows
    assert f"{row(removed)} {removed['value']} |  | removed |" in figure_rows
    assert f"| added | src-test000000 | Test | [{url}](<{url}>) |  | 1 |" in lines
