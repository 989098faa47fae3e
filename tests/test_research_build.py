"""End to end: the built site (the pipeline on the fixture package) carries the researchers' blocks, and the
snippets as published on its data page print what the page says."""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from test_research_site import FIXTURE

BASE = "https://bac-ninh-open-data.github.io/downloads/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from build_scripts.pipeline import run
    from build_scripts.pipeline.progress import Progress

    tmp = tmp_path_factory.mktemp("research_build")
    stream = io.StringIO()
    code = run(FIXTURE, tmp / "site", tmp / "build", Progress(stream=stream, interactive=False))
    assert code == 0, stream.getvalue()
    return tmp / "site"


def code_blocks(page: Path) -> list[tuple[str, str]]:
    text = page.read_text(encoding="utf-8")
    return [(kind, html.unescape(body)) for kind, body in
            re.findall(r'<pre><code class="language-(\w+)">(.*?)</code></pre>', text, re.S)]


@pytest.mark.parametrize("lang_dir", ["", "en/"])
def test_the_data_page_snippets_run_as_shown(site, lang_dir):
    blocks = code_blocks(site / lang_dir / "data" / "index.html")
    ran = 0
    for (kind, code), (next_kind, expected) in zip(blocks, blocks[1:]):
        if kind != "python":
            continue
        assert next_kind == "text"
        assert BASE in code
        local = code.replace(BASE, (site / "downloads").as_posix() + "/")
        result = subprocess.run([sys.executable, "-c", local], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected
        ran += 1
    assert ran == 2


def json_ld(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    inner = text.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    return json.loads(inner)


def test_pages_carry_json_ld_downloads_and_citation(site):
    for page in ("indicators/grdp_growth/index.html", "en/indicators/grdp_growth/index.html", "data/index.html"):
        assert json_ld(site / page)["@type"] == "Dataset", page
    indicator = (site / "indicators" / "grdp_growth" / "index.html").read_text(encoding="utf-8")
    for fmt in ("csv", "parquet", "json"):
        assert f'href="../../downloads/indicators/grdp_growth.{fmt}"' in indicator
    assert "@misc{bac-ninh-open-data-0.1.0-grdp_growth," in indicator
    province = (site / "provinces" / "bac-ninh" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../downloads/units/bac-ninh.parquet"' in province
    for path in ("api/v1/index.json", "catalog.jsonld", "downloads/SHA256SUMS", "api/index.html", "en/api/index.html"):
        assert (site / path).is_file(), path
