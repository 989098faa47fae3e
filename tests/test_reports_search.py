"""Search in both languages, diacritics or not: "bac ninh" finds "Bắc Ninh" (build_scripts/search_folding.py).

The unit tests check the index the hook writes; the browser test builds a small Material site with the
hook, serves it and types into its search box in Chromium, as a reader would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts import search_folding

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
import browser_support as bs  # noqa: E402


def test_fold_removes_every_vietnamese_diacritic_and_keeps_the_letters():
    assert search_folding.fold("Bắc Ninh") == "Bac Ninh"
    assert search_folding.fold("Đồng bằng sông Hồng") == "Dong bang song Hong"
    assert search_folding.fold("Tăng trưởng kinh tế, Quảng Ngãi, Thừa Thiên Huế") == \
        "Tang truong kinh te, Quang Ngai, Thua Thien Hue"
    assert search_folding.fold("GRDP 2025") == "GRDP 2025"


def test_index_entries_get_their_folded_words_and_the_config_declares_the_fields():
    data = {
        "config": {"lang": ["vi"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": "provinces/bac-ninh/", "title": "Bắc Ninh", "text": "<p>Tăng trưởng <code>GRDP</code> &amp; Bắc Ninh</p>"},
            {"location": "en/", "title": "Export value", "text": "<p>Exports in 2025</p>"},
        ],
    }
    out = search_folding.add_plain_fields(json.loads(json.dumps(data)))
    assert out["config"]["fields"]["title_plain"] == {"boost": 1000.0}
    assert out["config"]["fields"]["text_plain"] == {"boost": 1.0}
    first, second = out["docs"]
    assert first["title_plain"] == "bac"
    assert first["text_plain"] == "tang truong bac"
    assert first["title"] == "Bắc Ninh"  # what a reader sees is unchanged
    assert "title_plain" not in second and "text_plain" not in second
    assert search_folding.add_plain_fields(json.loads(json.dumps(out))) == out  # twice changes nothing


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_typing_without_diacritics_finds_the_page_in_a_browser(tmp_path, chromium_browser):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Trang chủ\n\nDữ liệu mở.\n", encoding="utf-8")
    (docs / "bac-ninh.md").write_text("# Bắc Ninh\n\nTăng trưởng kinh tế của tỉnh Bắc Ninh.\n", encoding="utf-8")
    (docs / "ha-noi.md").write_text("# Hà Nội\n\nThủ đô.\n", encoding="utf-8")
    hook = Path(search_folding.__file__).resolve()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Thử\nuse_directory_urls: true\ntheme:\n  name: material\n  language: vi\n  font: false\n"
        f"plugins:\n  - search\nhooks:\n  - {hook}\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tmp_path / "mkdocs.yml"),
                    "-d", str(tmp_path / "site")], check=True, cwd=tmp_path)
    with bs.serve(tmp_path / "site") as url:
        context = chromium_browser.new_context(viewport={"width": 390, "height": 844})  # a phone
        page = context.new_page()
        found = {}
        for query, expected in (("bac ninh", "Bắc Ninh"), ("Bắc Ninh", "Bắc Ninh"), ("tang truong", "Bắc Ninh"),
                                ("ha noi", "Hà Nội")):
            page.goto(url)
            titles, text = bs.search(page, query, expected)
            found[query] = (titles, text)
        context.close()
    assert "Bắc Ninh" in found["bac ninh"][0]
    assert "Không: bac" not in found["bac ninh"][1]  # without the hook only "ninh" matches and "bac" is listed as missing
    assert "Bắc Ninh" in found["Bắc Ninh"][0]
    assert "Bắc Ninh" in found["tang truong"][0]
    assert "Hà Nội" in found["ha noi"][0]
