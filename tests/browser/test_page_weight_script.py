"""benchmarks/page_weight.py as the README runs it: a script of its own (not imported by pytest), on the
built real site, printing the page's row with its requests, bytes and axe-core's result."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

REPO = Path(__file__).resolve().parents[2]


def test_the_page_weight_script_runs_from_the_command_line(site_dir):
    result = subprocess.run([sys.executable, "benchmarks/page_weight.py", "--site-dir", str(site_dir), "--page", "",
                             "--runs", "1"], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    row = next((line for line in result.stdout.splitlines() if line.startswith("| / |")), None)
    assert row, result.stdout[-2000:]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert int(cells[2]) > 0 and cells[3].endswith("KiB"), row  # requests, transferred
    assert cells[-1].startswith("0 serious/critical"), row
