"""ARCHITECTURE.md matches the code: the folders and files it names exist, every folder of build_scripts/ is
named in it, and its table of page types is the registry's."""

from __future__ import annotations

import re
from pathlib import Path

from build_scripts.pages.registry import PAGE_TYPES

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
# A path in backticks: letters, digits, dots, dashes and underscores between slashes, no placeholder.
NAMED = re.compile(r"`((?:\.?[\w.-]+/)+(?:[\w.-]+)?)`")


def named_paths() -> set[str]:
    return {m for m in NAMED.findall(TEXT) if "<" not in m and not m.startswith(("/", "http"))}


# Where a short path is read from: the repository, then the package (``pages/registry.py``), then the folders
# whose own parts the text names (``load/`` of checks, ``sql/`` of reform). What the build or npm writes is not
# committed.
BASES = (ROOT, ROOT / "build_scripts", ROOT / "build_scripts" / "checks", ROOT / "build_scripts" / "reform")
GENERATED = {"build/", "site/", "node_modules/"}


def test_every_path_it_names_exists():
    missing = sorted(p for p in named_paths() - GENERATED if not any((base / p).exists() for base in BASES))
    assert named_paths(), "ARCHITECTURE.md names no path"
    assert missing == [], f"ARCHITECTURE.md names paths that do not exist: {missing}"


def test_every_folder_of_build_scripts_is_named():
    folders = sorted(p.name for p in (ROOT / "build_scripts").iterdir()
                     if p.is_dir() and not p.name.startswith((".", "__")))
    named = {p.rstrip("/") for p in named_paths()}
    unnamed = [f for f in folders if f"build_scripts/{f}" not in named]
    assert unnamed == [], f"folders of build_scripts/ that ARCHITECTURE.md does not name: {unnamed}"


def test_its_page_types_are_the_registry():
    section = TEXT.split("## Page types", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `(\w+)` \|", section, flags=re.M)
    assert listed == [t.name for t in PAGE_TYPES]
