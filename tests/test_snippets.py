"""The data page's snippets run as shown: each ```python block of the rendered snippets template, with the
downloads address pointed at a folder of built downloads, prints exactly the ```text block after it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from test_research_site import build

BLOCK = re.compile(r"```(python|text|r)\n(.*?)```", re.S)


@pytest.fixture(scope="module")
def pub(tmp_path_factory):
    return build(tmp_path_factory.mktemp("snippets"))


def pairs(markdown_text: str) -> list[tuple[str, str]]:
    """(code, expected output) for every python block followed by a text block."""
    blocks = BLOCK.findall(markdown_text)
    found = []
    for (kind, code), following in zip(blocks, blocks[1:] + [("", "")]):
        if kind == "python":
            assert following[0] == "text", "a Python snippet without the output it prints"
            found.append((code, following[1]))
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_python_snippets_print_what_the_page_says(pub, lang):
    from build_scripts.pages import fragments

    base = (pub.site_dir / "downloads").as_posix() + "/"
    page = str(fragments.data(pub, lang, "grdp_growth", "bac-ninh", base=base)["snippets"])
    found = pairs(page)
    assert len(found) == 2  # DuckDB and pandas
    for code, expected in found:
        assert f'base = "{base}"' in code
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected, code
    assert found[0][1] == "2025-9M 11.02\n"
    assert found[1][1] == "grdp_growth 2\nexport_value 1\n"


def test_the_published_snippets_read_from_the_site_and_differ_only_in_the_address(pub):
    from build_scripts.pages import fragments

    base = (pub.site_dir / "downloads").as_posix() + "/"
    published = str(fragments.data(pub, "en", "grdp_growth", "bac-ninh")["snippets"])
    local = str(fragments.data(pub, "en", "grdp_growth", "bac-ninh", base=base)["snippets"])
    assert 'base = "https://bac-ninh-open-data.github.io/downloads/"' in published
    assert 'base <- "https://bac-ninh-open-data.github.io/downloads/"' in published
    assert published.replace("https://bac-ninh-open-data.github.io/downloads/", base) == local
    assert [kind for kind, _ in BLOCK.findall(published)] == ["python", "text", "python", "text", "r"]


def test_a_snippet_address_that_could_break_the_code_is_refused(pub):
    from build_scripts.pages import fragments

    with pytest.raises(ValueError, match="cannot be put in a snippet"):
        fragments.snippets(pub, "en", "grdp_growth", "bac-ninh", base='https://x.org/"; import os; "/')


def test_the_snippets_read_the_focus_province_and_a_preferred_indicator_it_has(pub):
    from build_scripts.pages import fragments

    assert fragments.snippet_subject(pub, "bac-ninh", ["pci_rank", "grdp_growth"]) == ("grdp_growth", "bac-ninh")
    # a focus unit without figures: the unit with the most figures instead
    assert fragments.snippet_subject(pub, "no-such-unit", []) == ("export_value", "bac-ninh-pre2025")


def test_pages_built_without_publish_get_empty_blocks():
    from build_scripts.pages import fragments

    assert set(fragments.indicator(None, "x", "vi").values()) == {""}
    assert fragments.data(None, "en", "", "")["snippets"] == ""
    assert fragments.snippet_subject(None, "bac-ninh") == ("", "")


@pytest.mark.slow
def test_python_snippets_run_on_the_real_package(tmp_path):
    """The same check on datapackage/ (read only): the snippets as the data page would show them."""
    from pathlib import Path

    from build_scripts import settings
    from build_scripts.pages import fragments

    real = Path(settings.PACKAGE_DIR)
    if not (real / "data" / "observations.csv").is_file():
        pytest.fail("datapackage/data/observations.csv is missing")
    pub = build(tmp_path, real)
    subject = fragments.snippet_subject(pub, settings.FOCUS_UNIT, ["grdp_growth"])
    base = (pub.site_dir / "downloads").as_posix() + "/"
    found = pairs(str(fragments.data(pub, "vi", *subject, base=base)["snippets"]))
    assert len(found) == 2
    for code, expected in found:
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected and expected.strip(), code


def test_the_pandas_snippet_reads_the_downloads_over_http(pub):
    """As a reader runs it: the files fetched from a web server (a local one on 127.0.0.1)."""
    import functools
    import http.server
    import threading

    from build_scripts.pages import fragments

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(pub.site_dir))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/downloads/"
        found = pairs(str(fragments.data(pub, "en", "grdp_growth", "bac-ninh", base=base)["snippets"]))
        code, expected = next((c, e) for c, e in found if "import pandas" in c)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(shutil.which("Rscript") is None,
                    reason="R is not installed (Debian: apt-get install r-base-core); the R snippet is not checked")
def test_the_r_snippet_prints_what_the_pandas_snippet_prints(pub):
    from build_scripts.pages import fragments

    base = (pub.site_dir / "downloads").as_posix() + "/"
    page = str(fragments.data(pub, "en", "grdp_growth", "bac-ninh", base=base)["snippets"])
    r_code = next(code for kind, code in BLOCK.findall(page) if kind == "r")
    expected = next(e for c, e in pairs(page) if "import pandas" in c)
    result = subprocess.run(["Rscript", "-e", r_code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected
