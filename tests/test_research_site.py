"""A built researchers' site from the mini fixture package, for the research tests (read, never edited)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini"


def build(tmp: Path, package: Path = FIXTURE):
    """Copy the package into tmp, load it, write the package downloads and the researchers' files."""
    from build_scripts import db, downloads
    from build_scripts.research import publish

    package_dir = tmp / "package"
    shutil.copytree(package, package_dir)
    site_dir = tmp / "site"
    con = db.load_package(package_dir)
    downloads.write_all(con, package_dir, site_dir / "downloads")
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    return publish.publish(con, descriptor, site_dir)
