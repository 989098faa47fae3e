"""Size and SHA-256 of every file under the site's downloads/ folder, and the ``downloads/SHA256SUMS`` file.

SHA256SUMS is in the format of GNU coreutils (``<hex>  <path>``, paths relative to downloads/, sorted,
itself left out), so ``cd downloads && sha256sum -c SHA256SUMS`` checks every file. Run it after every
download is written (the package's own files and the slices) and before the pages that show sizes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from build_scripts.store import make_now

SUMS_NAME = "SHA256SUMS"


@dataclass(frozen=True)
class FileSum:
    path: str  # relative to the site root: downloads/...
    bytes: int
    sha256: str


def file_sum(path: Path, site_dir: Path) -> FileSum:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return FileSum(path.relative_to(site_dir).as_posix(), path.stat().st_size, digest.hexdigest())


def compute(site_dir: Path) -> dict[str, FileSum]:
    """Every file under site_dir/downloads except SHA256SUMS, keyed by its path from the site root, sorted."""
    downloads = site_dir / "downloads"
    files = sorted(p for p in downloads.rglob("*") if p.is_file() and p.name != SUMS_NAME)
    sums = [file_sum(p, site_dir) for p in files]
    return {s.path: s for s in sorted(sums, key=lambda s: s.path)}


def read(site_dir: Path) -> dict[str, FileSum]:
    """The sums as written by ``write``: digests from downloads/SHA256SUMS, sizes from the files (no hashing)."""
    downloads = site_dir / "downloads"
    sums = {}
    for line in (downloads / SUMS_NAME).read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        path = f"downloads/{name}"
        sums[path] = FileSum(path, (downloads / name).stat().st_size, digest)
    return dict(sorted(sums.items()))


def sums_text(sums: dict[str, FileSum]) -> str:
    return "".join(f"{s.sha256}  {s.path.removeprefix('downloads/')}\n" for s in sums.values())


def write(site_dir: Path, store=None) -> tuple[dict[str, FileSum], Path]:
    """Compute the sums and write downloads/SHA256SUMS; returns the sums and the file written. ``store`` is
    cache.files (the file is copied from the cache when the same sums were written before) or, without it,
    make_now."""
    sums = compute(site_dir)
    dest = site_dir / "downloads" / SUMS_NAME
    data = sums_text(sums).encode("utf-8")
    (store or make_now)("sha256sums", [hashlib.sha256(data).hexdigest()], [dest],
                        lambda: dest.write_bytes(data), ("research/checksums.py",))
    return sums, dest
