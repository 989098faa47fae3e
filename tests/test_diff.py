"""`python -m build_scripts diff`: what a maintainer reads on a pull request.

Packages are built in tmp_path from a dict of file contents, with the repository's own datapackage.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests import package_text

ROOT = Path(__file__).resolve().parents[1]
DESCRIPTOR = ROOT / "datapackage" / "datapackage.json"

# The diff is about figures, not boundaries: these units carry no dates, so 2023 and 2024 figures are theirs.
UNITS = """unit_id,name_vi,name_en,unit_type,boundary,region_id,gso_code,seat,valid_from,valid_to,tile_row,tile_col,source_id,note
bac-ninh,Bắc Ninh,Bac Ninh,province,post-2025,,,,,,3,8,,
ha-noi,Hà Nội,Hanoi,municipality,post-2025,,01,,,,3,7,,
"""
INDICATORS = """indicator_id,theme,display_order,headline,name_vi,name_en,description_vi,description_en,caveats_vi,caveats_en,unit,measure,price_basis,additive,higher_is_better,decimals
grdp_current,growth,1,true,GRDP theo giá hiện hành,GRDP at current prices,Tổng sản phẩm trên địa bàn.,Gross regional domestic product.,,,billion_vnd,level,current,true,true,0
grdp_growth,growth,2,true,Tốc độ tăng GRDP,GRDP growth,Tăng so với cùng kỳ.,Change on the same period a year before.,,,percent,yoy_growth_pct,constant_2010,false,true,2
"""
SOURCES = """source_id,title,publisher,url,published,language,kind
src-aaaaaaaaaa,Report A,Statistics Office,https://example.org/a,2025-01,vi,statistics_office
src-bbbbbbbbbb,Report B,Newspaper,https://example.org/b,2025-10-01,en,news
"""
OBSERVATIONS = """unit_id,indicator_id,period,status,source_id,value,note
bac-ninh,grdp_current,2023,actual,src-aaaaaaaaaa,200000,
bac-ninh,grdp_current,2024,actual,src-aaaaaaaaaa,240000,
bac-ninh,grdp_growth,2024,actual,src-aaaaaaaaaa,6.03,
ha-noi,grdp_growth,2024,actual,src-bbbbbbbbbb,6.52,
"""
FILES = {
    "data/units.csv": UNITS,
    "data/unit_crosswalk.csv": "from_unit_id,to_unit_id,effective_date,source_id\n",
    "data/indicators.csv": INDICATORS,
    "data/sources.csv": SOURCES,
    "data/observations.csv": OBSERVATIONS,
}


def make_package(folder: Path, files: dict[str, str] | None = None, descriptor: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if descriptor is None:
        descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    for name, text in package_text.complete_files(FILES if files is None else files).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
    return folder


def run_diff(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_scripts", "diff", *args], capture_output=True, text=True, cwd=cwd, env=_env())


def _env():
    import os

    return {**os.environ, "PYTHONPATH": str(ROOT)}


def known_change(folder: Path) -> Path:
    """One value changed, one figure added, one removed, one source added."""
    files = dict(FILES)
    files["data/observations.csv"] = (
        OBSERVATIONS.replace("2024,actual,src-aaaaaaaaaa,240000", "2024,actual,src-aaaaaaaaaa,250000")
        .replace("ha-noi,grdp_growth,2024,actual,src-bbbbbbbbbb,6.52,\n", "")
        + "bac-ninh,grdp_growth,2025-9M,estimate,src-cccccccccc,11.2,page says 11.2%\n"
    )
    files["data/sources.csv"] = SOURCES + "src-cccccccccc,Report C,Provincial People's Committee,https://example.org/c,2025-10-05,vi,government\n"
    return make_package(folder, files)


KNOWN_CHANGE_REPORT = """## Data diff: {base} → {head}

- **Figures:** 1 added, 1 changed, 1 removed, in 2 indicators.
- **Sources:** 1 added, 0 removed.
- **Schema and metadata:** unchanged.
- **Package version:** 0.1.0 (unchanged).

### Figures

#### `grdp_current`: GRDP at current prices (billion_vnd)

| Unit | Period | Status | Source | Before | After | Change |
| --- | --- | --- | --- | ---: | ---: | ---: |
| bac-ninh | 2024 | actual | src-aaaaaaaaaa | 240000 | 250000 | +4.2 % |

#### `grdp_growth`: GRDP growth (percent)

| Unit | Period | Status | Source | Before | After | Change |
| --- | --- | --- | --- | ---: | ---: | ---: |
| bac-ninh | 2025-9M | estimate | src-cccccccccc |  | 11.2 | added |
| ha-noi | 2024 | actual | src-bbbbbbbbbb | 6.52 |  | removed |

### Sources

| Change | Source | Publisher | Title | Published | Figures citing it |
| --- | --- | --- | --- | --- | ---: |
| added | src-cccccccccc | Provincial People's Committee | [Report C](<https://example.org/c>) | 2025-10-05 | 1 |
"""


@pytest.fixture
def base(tmp_path):
    return make_package(tmp_path / "base")


def test_a_package_against_itself_is_empty(base):
    result = run_diff(str(base), "--package", str(base))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"## Data diff: {base} → {base}\n\n"
        + "No change: the figures, sources, other tables and datapackage.json are the same"
        + (", and no validation warning is new.\n" if _validator_present() else ".\n")
    )


def test_reordered_rows_are_no_change(base, tmp_path):
    lines = OBSERVATIONS.splitlines(keepends=True)
    head = make_package(tmp_path / "head", FILES | {"data/observations.csv": lines[0] + "".join(reversed(lines[1:]))})
    result = run_diff(str(base), "--package", str(head), "--no-validate")
    assert "No change:" in result.stdout


def test_a_known_change_yields_exactly_that_report(base, tmp_path):
    head = known_change(tmp_path / "head")
    result = run_diff(str(base), "--package", str(head), "--no-validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout == KNOWN_CHANGE_REPORT.format(base=base, head=head)


def test_the_report_is_byte_identical_run_after_run(base, tmp_path):
    head = known_change(tmp_path / "head")
    first = run_diff(str(base), "--package", str(head)).stdout
    assert first == run_diff(str(base), "--package", str(head)).stdout


def test_base_as_a_git_revision_reports_the_same_change(tmp_path):
    repo = tmp_path / "repo"
    make_package(repo / "datapackage")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "data")
    known_change(repo / "datapackage")
    result = run_diff("main", "--package", "datapackage", "--no-validate", cwd=repo)
    assert result.returncode == 0, result.stderr
    commit = _git(repo, "rev-parse", "--short=10", "main").strip()
    assert result.stdout == KNOWN_CHANGE_REPORT.format(base=f"main ({commit})", head="datapackage")


def test_a_revision_without_the_package_reports_every_figure_as_added(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    (repo / "README.md").write_text("empty\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "start")
    make_package(repo / "datapackage")
    result = run_diff("HEAD", "--package", "datapackage", "--no-validate", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "- **Figures:** 4 added, 0 changed, 0 removed, in 2 indicators." in result.stdout
    assert "- **Sources:** 2 added, 0 removed." in result.stdout
    assert "- **Package version:** none → 0.1.0." in result.stdout


@pytest.mark.parametrize("base_arg", ["no-such-revision", "--version", "a..b"])
def test_a_base_that_is_neither_folder_nor_revision_is_a_usage_error(tmp_path, base_arg):
    repo = tmp_path / "repo"
    make_package(repo / "datapackage")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "data")
    result = run_diff("--package", "datapackage", "--", base_arg, cwd=repo)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"diff: BASE {base_arg} is neither a package folder nor a git revision."


def test_a_revision_outside_a_repository_says_so(tmp_path):
    head = make_package(tmp_path / "head")
    result = run_diff("main", "--package", str(head), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"diff: BASE main is neither a package folder nor a git revision ({head} is not inside a git repository)."


def test_a_folder_that_is_not_a_package_is_a_usage_error(tmp_path):
    head = make_package(tmp_path / "head")
    (tmp_path / "empty").mkdir()
    result = run_diff(str(tmp_path / "empty"), "--package", str(head))
    assert result.returncode == 2
    assert result.stderr.strip() == f"diff: BASE {tmp_path / 'empty'} is a folder but not a package folder: it has no datapackage.json."
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_utf8_names_file_and_line(base, tmp_path):
    head = make_package(tmp_path / "head")
    path = head / "data" / "observations.csv"
    path.write_bytes(OBSERVATIONS.encode("utf-8") + "ha-noi,grdp_current,2024,actual,src-bbbbbbbbbb,1,Hà Nam\n".encode("cp1258"))
    result = run_diff(str(base), "--package", str(head), "--no-validate")
    assert result.returncode == 1
    assert result.stderr.strip() == f"diff: {path}:6: the file is not UTF-8 text (byte 0xe0)."
    assert "Traceback" not in result.stderr


def test_a_large_change_is_summarised(base, tmp_path):
    added = "".join(f"bac-ninh,grdp_current,{year},actual,src-aaaaaaaaaa,{year},\n" for year in range(1900, 1960))
    head = make_package(tmp_path / "head", FILES | {"data/observations.csv": OBSERVATIONS + added})
    result = run_diff(str(base), "--package", str(head), "--no-validate")
    lines = result.stdout.splitlines()
    assert "- **Figures:** 60 added, 0 changed, 0 removed, in 1 indicator." in lines
    assert "60 figures change, too many to list one by one: the count in each indicator, then the first 20." in lines
    assert "| `grdp_current` GRDP at current prices | billion_vnd | 60 | 0 | 0 | 0 | 1 |" in lines
    assert "… and 40 more." in lines
    assert len([line for line in lines if line.startswith("| `grdp_current` | bac-ninh |")]) == 20
    # the first rows are the earliest periods
    assert "| `grdp_current` | bac-ninh | 1900 | actual | src-aaaaaaaaaa |  | 1900 | added |" in lines


def test_schema_metadata_and_other_tables_changes_are_listed(base, tmp_path):
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    descriptor["version"] = "0.2.0"
    observations = next(r for r in descriptor["resources"] if r["name"] == "observations")
    observations["schema"]["fields"].append({"name": "page", "type": "integer", "title": "Page"})
    files = FILES | {"data/units.csv": UNITS.replace("Hanoi", "Ha Noi"), "data/sources.csv": SOURCES.replace("Report B", "Report B (corrected)")}
    head = make_package(tmp_path / "head", files, descriptor)
    result = run_diff(str(base), "--package", str(head), "--no-validate")
    lines = result.stdout.splitlines()
    assert "- **Package version:** 0.1.0 → 0.2.0." in lines
    assert "- **Other tables:** sources 0 added, 1 changed, 0 removed; units 0 added, 1 changed, 0 removed." in lines
    assert "| sources | src-bbbbbbbbbb | changed | title | Report B | Report B (corrected) |" in lines
    assert "| units | ha-noi | changed | name_en | Hanoi | Ha Noi |" in lines
    assert "| package | changed | version | `\"0.1.0\"` | `\"0.2.0\"` |" in lines
    assert "| field `observations.page` | added |  |  |  |" in lines
    assert "- **Figures:** 0 added, 0 changed, 0 removed." in lines


def test_a_note_edit_is_shown_with_both_notes(base, tmp_path):
    head = make_package(tmp_path / "head", FILES | {"data/observations.csv": OBSERVATIONS.replace("6.52,", "6.52,as | printed")})
    lines = run_diff(str(base), "--package", str(head), "--no-validate").stdout.splitlines()
    assert "- **Figures:** 0 added, 0 changed, 0 removed, 1 note edited, in 1 indicator." in lines
    assert "| `grdp_growth` | ha-noi | 2024 | actual | src-bbbbbbbbbb |  | as \\| printed |" in lines


def test_a_value_written_differently_is_not_a_change(base, tmp_path):
    head = make_package(tmp_path / "head", FILES | {"data/observations.csv": OBSERVATIONS.replace("6.52,", "6.520,")})
    assert "No change:" in run_diff(str(base), "--package", str(head), "--no-validate").stdout


def _git(repo: Path, *args: str) -> str:
    env = {**_env(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout


def _validator_present() -> bool:
    return (ROOT / "build_scripts" / "validate.py").is_file()


@pytest.mark.parametrize(
    "value, shown",
    [(4.1666, "+4.2 %"), (-12.04, "-12.0 %"), (0.25, "+0.25 %"), (-0.05, "-0.050 %"), (0.00019, "+0.00019 %"), (0, "0 %"), (None, "")],
)
def test_relative_changes_keep_their_sign_and_two_significant_digits_below_one_percent(value, shown):
    from build_scripts.diff.render import pct

    assert pct(value) == shown


def test_a_change_from_zero_has_no_relative_change(base, tmp_path):
    head = make_package(tmp_path / "head", FILES | {"data/observations.csv": OBSERVATIONS.replace("6.03,", "0,")})
    base_zero = make_package(tmp_path / "base0", FILES | {"data/observations.csv": OBSERVATIONS.replace("6.03,", "0,")})
    lines = run_diff(str(base_zero), "--package", str(base), "--no-validate").stdout.splitlines()
    assert "| bac-ninh | 2024 | actual | src-aaaaaaaaaa | 0 | 6.03 | changed |" in lines
    lines = run_diff(str(base), "--package", str(head), "--no-validate").stdout.splitlines()
    assert "| bac-ninh | 2024 | actual | src-aaaaaaaaaa | 6.03 | 0 | -100.0 % |" in lines


def test_a_missing_package_folder_is_a_usage_error(base, tmp_path):
    result = run_diff(str(base), "--package", str(tmp_path / "nowhere"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.strip() == f"diff: --package {tmp_path / 'nowhere'} is not a package folder: it has no datapackage.json."


def test_the_validator_s_new_warnings_and_errors_are_in_the_report(base, tmp_path):
    conflicting = "bac-ninh,grdp_growth,2024,actual,src-bbbbbbbbbb,7.5,\n"
    lines = OBSERVATIONS.splitlines(keepends=True)
    head = make_package(tmp_path / "head", FILES | {"data/observations.csv": "".join(lines[:4]) + conflicting + "".join(lines[4:])})
    result = run_diff(str(base), "--package", str(head))
    assert result.returncode == 0, result.stderr
    report = result.stdout.splitlines()
    assert "- **Validation:** 1 new warning." in report
    assert f"{head}/data/observations.csv:5:value: warning: 7.5 differs by 19.6 % from 6.03 in row 4 (source src-aaaaaaaaaa) for the same unit, indicator, period and status" in report
    broken = make_package(tmp_path / "broken", FILES | {"data/observations.csv": OBSERVATIONS.replace("6.52", '"6,52"')})
    report = run_diff(str(base), "--package", str(broken)).stdout.splitlines()
    assert "- **Validation:** **the changed package is invalid (1 error)**." in report
    assert f"{broken}/data/observations.csv:5:value: 6,52 is not a valid number" in report


def test_a_descriptor_that_is_not_json_names_file_and_line(base, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "datapackage.json").write_text('{\n  "name": "x",\n  "version": \n}\n', encoding="utf-8")
    result = run_diff(str(broken), "--package", str(base))
    assert result.returncode == 1
    assert result.stderr.strip() == f"diff: {broken / 'datapackage.json'}:4: datapackage.json is not valid JSON (Expecting value)."
    assert "Traceback" not in result.stderr


def test_markdown_in_the_data_is_shown_as_written(base, tmp_path):
    note = "<b>bold</b> | *star* [link](x)"
    head = make_package(tmp_path / "head", FILES | {"data/observations.csv": OBSERVATIONS.replace("6.52,", f'6.52,"{note}"')})
    lines = run_diff(str(base), "--package", str(head), "--no-validate").stdout.splitlines()
    assert "| `grdp_growth` | ha-noi | 2024 | actual | src-bbbbbbbbbb |  | \\<b\\>bold\\</b\\> \\| \\*star\\* \\[link\\](x) |" in lines


REFORM_UNITS = """unit_id,name_vi,name_en,unit_type,boundary,region_id,gso_code,seat,valid_from,valid_to,tile_row,tile_col,source_id,note
bac-giang-pre2025,Bắc Giang,Bac Giang,province,pre-2025,,24,,,2025-06-30,,,,
bac-ninh,Bắc Ninh,Bac Ninh,province,post-2025,,,,2025-07-01,,3,8,,
bac-ninh-pre2025,Bắc Ninh,Bac Ninh,province,pre-2025,,27,,,2025-06-30,,,,
ha-noi,Hà Nội,Hanoi,municipality,post-2025,,01,,,,3,7,,
"""
REFORM_CROSSWALK = """from_unit_id,to_unit_id,effective_date,source_id
bac-giang-pre2025,bac-ninh,2025-07-01,src-aaaaaaaaaa
bac-ninh-pre2025,bac-ninh,2025-07-01,src-aaaaaaaaaa
"""
REFORM_OBSERVATIONS = """unit_id,indicator_id,period,status,source_id,value,note
bac-giang-pre2025,grdp_current,2024,actual,src-aaaaaaaaaa,160000,
bac-ninh-pre2025,grdp_current,2024,actual,src-aaaaaaaaaa,240000,
"""


def test_a_corrected_part_shows_the_derived_sum_it_changes(tmp_path):
    files = FILES | {"data/units.csv": REFORM_UNITS, "data/unit_crosswalk.csv": REFORM_CROSSWALK, "data/observations.csv": REFORM_OBSERVATIONS}
    base = make_package(tmp_path / "base", files)
    head = make_package(tmp_path / "head", files | {"data/observations.csv": REFORM_OBSERVATIONS.replace("160000", "170000")})
    result = run_diff(str(base), "--package", str(head))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "- **Derived figures** (sums of pre-2025 provinces): 0 added, 1 changed, 0 removed." in lines
    assert "| bac-giang-pre2025 | 2024 | actual | src-aaaaaaaaaa | 160000 | 170000 | +6.2 % |" in lines
    assert "| `grdp_current` | bac-ninh | 2024 | actual | 400000 | 410000 | +2.5 % |" in lines
