"""The page types of the portal: one row a type. Adding a page type adds a module, a template and a row.

Each module exposes ``TEMPLATE``, ``keys(site)`` (the pages of that type), ``directory(key)`` (the page's
folder, which is its URL) and ``model(site, key, lang)`` (the template's context).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    name: str
    module: str
    url: str  # the URL pattern, for documentation and tests

    def load(self):
        return importlib.import_module(self.module)


PAGE_TYPES = (
    PageType("home", "build_scripts.pages.home", "/"),
    PageType("indicator_index", "build_scripts.pages.indicator_index", "/indicators/"),
    PageType("indicator", "build_scripts.pages.indicator", "/indicators/<indicator_id>/"),
    PageType("province_index", "build_scripts.pages.province_index", "/provinces/"),
    PageType("province", "build_scripts.pages.province", "/provinces/<unit_id>/"),
    PageType("report", "build_scripts.pages.report", "/reports/<period>/"),
    PageType("data", "build_scripts.pages.data", "/data/"),
    PageType("explore", "build_scripts.pages.explore", "/data/explore/"),
    PageType("release", "build_scripts.pages.release", "/data/releases/<version>/"),
    PageType("data_slices", "build_scripts.pages.data_slices", "/data/<indicators|units>/"),
    PageType("sources", "build_scripts.pages.sources", "/sources/"),  # and /sources/<year>/ when one page is too heavy
    PageType("source", "build_scripts.pages.source", "/sources/<source_id>/"),
)
