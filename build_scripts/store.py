"""How a writer makes a group of files: the store it is given decides whether to make them or reuse them.

A store is called ``store(kind, parts, dests, make, code)``: ``make()`` writes exactly ``dests``, ``parts`` are
what the files are made from and ``code`` the source files that make them. ``make_now`` is the store without a
cache, every writer's default; ``build_scripts.cache.files`` is the content-addressed one the build passes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable


def make_now(kind: str, parts, dests: list[Path], make: Callable[[], object], code: tuple[str, ...] = ()) -> None:
    """Make the files, every time."""
    make()
