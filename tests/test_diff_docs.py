"""The maintainers' guide (CONTRIBUTING.md and the site's contributing page) agrees with the code it describes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"vi": ROOT / "docs" / "contributing.md", "en": ROOT / "docs" / "contributing.en.md"}


def page(language: str) -> str:
    return PAGES[language].read_text(encoding="utf-8")


@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_page_walks_through_the_same_steps_in_both_languages(language):
    text = page(language)
    steps = re.findall(r"^### (\d+)\. ", text, flags=re.M)
    assert steps == [str(n) for n in range(1, 8)]
    for command in ("make fmt", "make validate", ".venv/bin/python -m build_scripts diff main", "sha256sum --check"):
        assert command in text, f"{PAGES[language].name} does not show {command}"
    assert "VALIDATION_EXAMPLES" not in text


def test_both_pages_have_the_same_sections_and_code():
    vi, en = page("vi"), page("en")
    assert len(re.findall(r"^## ", vi, flags=re.M)) == len(re.findall(r"^## ", en, flags=re.M))
    code = lambda text: [line for line in text.splitlines() if line.startswith("    ") and not line.startswith("     ")]
    assert [line for line in code(vi) if "example.org" not in line] == [line for line in code(en) if "example.org" not in line]


def test_the_text_is_nfc():
    import unicodedata

    for path in [*PAGES.values(), ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md", ROOT / ".github" / "pull_request_template.md"]:
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), f"{path.name} is not NFC"


def test_contributing_md_holds_both_pages():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for language in sorted(PAGES):
        assert page(language) in contributing, f"CONTRIBUTING.md differs from {PAGES[language].name}: copy the page into it"


def test_the_source_id_command_gives_the_id_the_schema_describes():
    import hashlib
    import subprocess
    import sys

    line = next(line.strip() for line in page("en").splitlines() if "hashlib.sha1" in line)
    program = re.search(r"-c '(.+?)'", line)[1]
    url = "https://example.org/report"
    result = subprocess.run([sys.executable, "-c", program, url], capture_output=True, text=True)
    assert result.stdout.strip() == "src-" + hashlib.sha1(url.encode()).hexdigest()[:10]


def test_the_period_forms_the_page_shows_are_the_ones_the_schema_accepts():
    import json

    descriptor = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    observations = next(r for r in descriptor["resources"] if r["name"] == "observations")
    pattern = next(f for f in observations["schema"]["fields"] if f["name"] == "period")["constraints"]["pattern"]
    for language in sorted(PAGES):
        shown = set(re.findall(r"`(\d{4}(?:-[^`]+)?)`", page(language)))
        periods = {p for p in shown if re.fullmatch(r"\d{4}(-Q\d|-H\d|-\d+M|-\d\d)?", p)}
        assert {"2025", "2025-Q3", "2025-H1", "2025-9M", "2025-03"} <= periods
        for period in periods:
            assert re.fullmatch(pattern, period), f"{PAGES[language].name} shows {period}, which the schema rejects"


# The package behind the validation example on the contributing page: seven typical mistakes.
EXAMPLE_UNITS = """unit_id,name_vi,name_en,unit_type,boundary,region_id,gso_code,seat,valid_from,valid_to,tile_row,tile_col,source_id,note
bac-ninh,Bắc Ninh,Bac Ninh,province,post-2025,,,,2025-07-01,,3,8,,
bac-ninh-pre2025,Bắc Ninh,Bac Ninh,province,pre-2025,,27,,,2025-06-30,,,,
"""
EXAMPLE_CROSSWALK = "from_unit_id,to_unit_id,effective_date,source_id\nbac-ninh-pre2025,bac-ninh,2025-07-01,src-aaaaaaaaaa\n"
EXAMPLE_SOURCE = "src-cccccccccc,Report C,Provincial People's Committee,https://example.org/c,2025-10-05,vi,government\n"
EXAMPLE_OBSERVATIONS = """unit_id,indicator_id,period,status,source_id,value,note
bac-ninh,grdp_growth,2025-01..09,estimate,src-cccccccccc,11.2,
bac-ninh,grdp_growth,2025-Q3,official,src-cccccccccc,11.5,
bac-ninh-pre2025,grdp_current,2024,actual,src-aaaaaaaaaa,240000,
bac-ninh-pre2025,grdp_current,2024,actual,src-bbbbbbbbbb,245000,
bac-ninh-pre2025,grdp_growth,2024,actual,src-aaaaaaaaaa,"6,03",
bac-ninh-pre2025,grdp_growth,2025-9M,estimate,src-cccccccccc,11.2,
bac-ninh-pre2025,grdp_current,2023,actual,src-dddddddddd,200000,
"""


def documented_output(language: str) -> list[str]:
    lines = page(language).splitlines()
    start = lines.index("    $ make validate") + 2  # the prompt, then the command make echoes
    output = []
    for line in lines[start:]:
        if not line.startswith("    "):
            break
        output.append(line[4:])
    return output


@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_documented_validation_output_is_what_the_validator_prints(tmp_path, language):
    import os
    import subprocess
    import sys

    from tests.test_diff import FILES, SOURCES, make_package

    make_package(
        tmp_path / "datapackage",
        FILES
        | {
            "data/units.csv": EXAMPLE_UNITS,
            "data/unit_crosswalk.csv": EXAMPLE_CROSSWALK,
            "data/sources.csv": SOURCES + EXAMPLE_SOURCE,
            "data/observations.csv": EXAMPLE_OBSERVATIONS,
        },
    )
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts", "validate", "--package", "datapackage"],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert (result.stdout + result.stderr).splitlines() == documented_output(language)
