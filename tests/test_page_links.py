"""Links between pages (pages/site.py href): the relative path a reader's browser follows from one page to
another page or a file, as os.path.relpath writes it, without asking the file system."""

from __future__ import annotations

import os

import pytest

from build_scripts.pages.site import href

PAGES = ["", "indicators", "indicators/grdp_growth", "indicators/grdp_growth/2", "sources/src-1", "sources/src-1/2",
         "provinces/bac-ninh", "provinces/bac-ninh/3", "reports/2025-9M", "data", "data/indicators", "sources/2024"]
TARGETS = PAGES + ["downloads/indicators/grdp_growth.csv", "downloads/SHA256SUMS", "assets/stylesheets/charts.css",
                   "indicators/grdp_growth/ranking-vi.svg", "sources", "provinces", "data/units"]


def _relpath(from_dir: str, to: str) -> str:
    target = to if "." in to.rsplit("/", 1)[-1] else (f"{to}/index.md" if to else "index.md")
    return os.path.relpath(target, from_dir or ".").replace(os.sep, "/")


@pytest.mark.parametrize("from_dir", PAGES)
def test_a_link_is_the_relative_path_between_the_two_files(from_dir):
    assert {to: href(from_dir, to) for to in TARGETS} == {to: _relpath(from_dir, to) for to in TARGETS}


def test_links_read_as_expected():
    assert href("sources/src-1/2", "sources/src-1") == "../index.md"
    assert href("indicators/grdp_growth", "provinces/bac-ninh") == "../../provinces/bac-ninh/index.md"
    assert href("", "downloads/catalog.jsonld") == "downloads/catalog.jsonld"
    assert href("data/indicators", "data/indicators/x.csv") == "x.csv"
