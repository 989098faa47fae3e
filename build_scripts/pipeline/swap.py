"""Build the site elsewhere, then swap it in by rename: a failed build leaves the old site untouched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir(target: Path) -> Path:
    """A fresh folder next to the target (same filesystem, so the swap is a rename)."""
    staging = target.with_name(f"{target.name}.new-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    return staging


def swap_in(staging: Path, target: Path) -> None:
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    if old.exists():
        shutil.rmtree(old)


def discard(staging: Path) -> None:
    if staging.exists():
        shutil.rmtree(staging, ignore_errors=True)
