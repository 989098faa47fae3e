"""The two ways a diff can fail before it compares anything: bad usage (exit 2) and an unreadable package (exit 1)."""

from __future__ import annotations


class DiffUsageError(Exception):
    """BASE or --package does not name something the diff can read: one sentence, exit 2."""


class PackageReadError(Exception):
    """A package file cannot be read at all (not UTF-8, not JSON): one sentence naming file and row, exit 1."""
