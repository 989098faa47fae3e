"""The two ways a diff can fail before it compares anything: bad usage (exit 2) and an unreadable package (exit 1).

Each error has a kind and parameters; its sentence comes from messages.toml beside this module.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path


@cache
def _messages() -> dict[str, str]:
    return tomllib.loads((Path(__file__).parent / "messages.toml").read_text(encoding="utf-8"))["messages"]


class DiffError(Exception):
    def __init__(self, kind: str, **params: object):
        super().__init__(kind)
        self.kind, self.params = kind, params

    def __str__(self) -> str:
        return _messages()[self.kind].format(**self.params)


class DiffUsageError(DiffError):
    """BASE or --package does not name something the diff can read: one sentence, exit 2."""


class PackageReadError(DiffError):
    """A package file cannot be read at all (not UTF-8, not JSON, not CSV): one sentence naming file and line, exit 1."""
