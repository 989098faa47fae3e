"""The SQL page without a browser: a build without node_modules still succeeds and its /data/explore/ says
the engine is missing (in both languages, with no editor and no script); the engine's files are adapted
as the page needs them; the data page links the SQL page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts import i18n
from build_scripts.explore import engine

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "mini"

pytestmark = pytest.mark.xdist_group("site-build")


def test_a_build_without_node_modules_says_the_engine_is_missing(tmp_path):
    import os

    empty = tmp_path / "no-node-modules"
    empty.mkdir()
    result = subprocess.run([sys.executable, "-m", "build_scripts", "build", "--package", str(FIXTURE),
                             "--site-dir", str(tmp_path / "site"), "--build-dir", str(tmp_path / "build")],
                            capture_output=True, text=True, cwd=REPO, env={**os.environ, "BN_NODE_MODULES": str(empty)})
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    assert not (site / engine.TARGET).exists()
    for lang, page in (("vi", site / "data/explore/index.html"), ("en", site / "en/data/explore/index.html")):
        html = page.read_text(encoding="utf-8")
        assert i18n.t(lang, "explore.engine_missing") in html
        assert "<textarea" not in html and "explore.js" not in html
        assert "observations.parquet" in html  # the downloads are still offered
    data = (site / "data/index.html").read_text(encoding="utf-8")
    assert 'href="explore/"' in data and i18n.t("vi", "explore.link") in data


def test_the_engine_module_imports_arrow_from_beside_it():
    module = b'import*as u from"apache-arrow";import*as d from "apache-arrow";x()\n//# sourceMappingURL=duckdb-browser.js.map'
    published = engine.published(engine.MODULE, module, "1.28.0")
    assert published == b'import*as u from"./apache-arrow.js";import*as d from"./apache-arrow.js";x()'
    with pytest.raises(ValueError, match="no import of apache-arrow"):
        engine.published(engine.MODULE, b"export const x = 1;", "9.9.9")


def test_arrow_becomes_a_module_exporting_what_duckdb_uses():
    umd = b"(function(g,f){typeof exports==='object'&&typeof module!=='undefined'?f(exports):f(g.Arrow={})})(this,function(e){e.Table=1;e.Type=2;e.RecordBatchReader=3;e.tableToIPC=4;e.tableFromIPC=5})"
    text = engine.published("apache-arrow.js", umd, "1.28.0").decode()
    assert text.rstrip().endswith("export default module.exports;")
    assert "export const {RecordBatchReader, Table, Type, tableFromIPC, tableToIPC} = module.exports;" in text


def test_the_engine_is_copied_whole_or_not_at_all(tmp_path):
    modules = tmp_path / "node_modules"
    for source in list(engine.COPIED.values())[:-1]:  # one file short
        (modules / source).parent.mkdir(parents=True, exist_ok=True)
        (modules / source).write_bytes(b'from"apache-arrow"')
    assert engine.missing(modules) == [list(engine.COPIED.values())[-1]]
    assert engine.copy_engine(tmp_path / "docs", modules) is False
    assert not (tmp_path / "docs").exists()
