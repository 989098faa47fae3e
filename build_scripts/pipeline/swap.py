"""Build the site elsewhere, then swap it in by rename: a failed build leaves the old site untouched.

The swap is one atomic exchange of the two folders (Linux renameat2 RENAME_EXCHANGE) where the system has
it, so there is no moment without a site; elsewhere it is two renames, and a build killed between them
leaves ``<site>.old-<pid>``, which the next build (``recover``) puts back before anything else. Folders
``<site>.new-<pid>`` and ``<site>.old-<pid>`` of builds that are no longer running are removed by the next
build (it holds the site's lock, so no other build is using them).
"""

from __future__ import annotations

import ctypes
import os
import shutil
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_dir(target: Path) -> Path:
    """A fresh folder next to the target (same filesystem, so the swap is a rename)."""
    staging = target.with_name(f"{target.name}.new-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    return staging


def _leftovers(target: Path, kind: str) -> list[Path]:
    out = []
    if not target.parent.is_dir():
        return out
    prefix = f"{target.name}.{kind}-"
    for name in sorted(os.listdir(target.parent)):  # by prefix, not by pattern: the site's name may hold "[" or "*"
        path = target.parent / name
        if name.startswith(prefix) and name[len(prefix):].isdigit() and path.is_dir() and not path.is_symlink():
            out.append(path)
    return out


def recover(target: Path) -> list[str]:
    """Put back a site set aside by a build killed mid-swap and remove the staging folders of dead builds;
    returns what was done, one sentence each. Call it holding the site's lock."""
    done = []
    if not target.exists():
        olds = sorted(_leftovers(target, "old"), key=lambda p: p.stat().st_mtime, reverse=True)
        if olds:
            olds[0].rename(target)
            done.append(f"restored {target} from {olds[0].name}, left by a build stopped mid-swap")
    for kind in ("new", "old"):
        for path in _leftovers(target, kind):
            if int(path.name.rsplit("-", 1)[1]) != os.getpid():  # the lock is ours: no other build uses it
                shutil.rmtree(path, ignore_errors=True)
                done.append(f"removed {path.name}, left by a build that stopped")
    return done


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (then nothing changed)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def swap_in(staging: Path, target: Path) -> None:
    if target.is_dir() and not target.is_symlink() and _exchange(staging, target):
        shutil.rmtree(staging)  # now the old site
        return
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists() or target.is_symlink():
        target.rename(old)
    staging.rename(target)
    if old.exists():
        shutil.rmtree(old)


def discard(staging: Path) -> None:
    if staging.exists():
        shutil.rmtree(staging, ignore_errors=True)
