"""A cache kept between CI runs: the entries a build did not use are deleted after it, the used ones kept."""

from __future__ import annotations

import os
import time

from build_scripts import cache


def _group(out, name: str, text: str) -> None:
    dest = out / name
    cache.files("test-group", {"text": text}, [dest], lambda: dest.write_text(text, encoding="utf-8"))


def test_prune_deletes_what_no_build_used_since_and_keeps_what_it_read(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ROOT_ENV, str(tmp_path / "cache"))
    out = tmp_path / "out"
    out.mkdir()
    _group(out, "a.txt", "old figure")
    _group(out, "b.txt", "kept")
    entries = sorted((tmp_path / "cache" / "files").glob("??/*"))
    assert len(entries) == 2
    long_ago = time.time() - 3600
    for entry in entries:
        os.utime(entry, (long_ago, long_ago))  # both made by an earlier build
    started = time.time()
    _group(out, "b.txt", "kept")  # this build reads b from the cache and never asks for a
    assert (out / "b.txt").read_text(encoding="utf-8") == "kept"
    assert cache.prune(started) == 1
    left = sorted((tmp_path / "cache" / "files").glob("??/*"))
    assert len(left) == 1
    events = []
    cache.EVENTS.append(events.append)
    try:
        _group(out, "b.txt", "kept")
    finally:
        cache.EVENTS.remove(events.append)
    assert events == ["download reused"]  # what the build used is still served from the cache
