"""Faults around a build and the other commands: a second build at once, a build killed mid-way (its workers,
its staging folder, the swap), and the user-caused failures of serve, fmt and diff: each one sentence, no
traceback, nothing destroyed."""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from build_scripts.pipeline import guards, swap

REPO = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"


def run(*args: str, cwd: Path = REPO, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "build_scripts", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=timeout)


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_second_build_on_the_same_folders_says_so_and_touches_nothing(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old site\n", encoding="utf-8")
    lock = guards.locks(site.resolve(), (tmp_path / "build").resolve())[0]
    lock.acquire()  # a build running in site
    try:
        before = sorted(p.name for p in tmp_path.iterdir())
        result = run("build", "--package", str(MINI), "--site-dir", str(site), "--build-dir", str(tmp_path / "build"))
    finally:
        lock.release()
    assert result.returncode == 1
    assert f"another build is running in {site.resolve()}" in result.stderr and "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "old site\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_the_build_folder_has_its_own_lock(tmp_path):
    build = (tmp_path / "build").resolve()
    lock = guards.locks((tmp_path / "a").resolve(), build)[1]
    lock.acquire()
    try:
        other = guards.locks((tmp_path / "b").resolve(), build)[1]
        with pytest.raises(guards.Refused, match="another build is running in"):
            other.acquire()
    finally:
        lock.release()


@pytest.mark.parametrize("name", ["site", "[s]ite*"])
def test_staging_folders_of_dead_builds_are_removed(tmp_path, name):
    site = tmp_path / name
    site.mkdir()
    (site / "index.html").write_text("current\n")
    for left in (f"{name}.new-999999991", f"{name}.old-999999992"):
        (tmp_path / left).mkdir()
        (tmp_path / left / "partial.html").write_text("partial\n")
    (tmp_path / f"{name}.new-notes").mkdir()  # not a staging folder: left alone
    (tmp_path / "s.new-999999994").mkdir()  # another site's: left alone
    done = swap.recover(site)
    assert len(done) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, f"{name}.new-notes", "s.new-999999994"])
    assert (site / "index.html").read_text() == "current\n"


def test_a_build_killed_between_the_two_renames_gets_its_site_back(tmp_path):
    site = tmp_path / "site"
    old = tmp_path / "site.old-999999993"
    old.mkdir()
    (old / "index.html").write_text("previous\n")
    swap.recover(site)
    assert (site / "index.html").read_text() == "previous\n" and not old.exists()


def test_the_swap_is_one_exchange_never_a_moment_without_a_site(tmp_path, monkeypatch):
    site, staging = tmp_path / "site", tmp_path / "site.new-1"
    site.mkdir()
    (site / "index.html").write_text("old\n")
    staging.mkdir()
    (staging / "index.html").write_text("new\n")

    def no_rename(self, target):
        raise AssertionError("a rename would leave a moment without a site")

    monkeypatch.setattr(Path, "rename", no_rename)
    swap.swap_in(staging, site)
    assert (site / "index.html").read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


WORKER_PARENT = """
import os, sys, time, multiprocessing
from concurrent.futures import ProcessPoolExecutor
sys.path.insert(0, sys.argv[1])
from build_scripts.pages import _die_with_parent

if __name__ == "__main__":
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_die_with_parent,
                               initargs=(os.getpid(),))
    print(pool.submit(os.getpid).result(), flush=True)
    time.sleep(120)
"""


def test_page_workers_die_with_a_killed_build(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(WORKER_PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), str(REPO)], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                os.kill(worker, 0)
            except ProcessLookupError:
                break
            try:  # a zombie is gone for good: reaped by whoever adopted it
                if Path(f"/proc/{worker}/stat").read_text().split(") ")[1].startswith("Z"):
                    break
            except (FileNotFoundError, IndexError):
                break
            time.sleep(0.1)
        else:
            os.kill(worker, signal.SIGKILL)
            pytest.fail("the page worker outlived its killed parent")
    finally:
        if parent.poll() is None:
            parent.kill()


# --- serve ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("port", ["99999", "-1", "0", "http"])
def test_serve_refuses_a_port_that_is_no_port(tmp_path, port):
    result = run("serve", "--no-build", "--site-dir", str(tmp_path), "--port", port, timeout=30)
    assert result.returncode == 2
    assert "is not a port number (1 to 65535)" in result.stderr and "Traceback" not in result.stderr


def test_serve_answers_a_nul_in_the_path_with_404_and_logs_no_traceback(tmp_path, capfd):
    import functools

    from build_scripts.commands.serve import QuietServer, _QuietHandler

    (tmp_path / "index.html").write_text("<p>hi</p>\n", encoding="utf-8")
    server = QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        statuses = []
        for path in ("/%00", "/index.html%00.png", "/%2e%2e/%00/etc/passwd", "/index.html"):
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
            connection.request("GET", path)
            statuses.append(connection.getresponse().status)
            connection.close()
    finally:
        server.shutdown()
        server.server_close()
    assert statuses == [404, 404, 404, 200]
    assert "Traceback" not in capfd.readouterr().err


# --- fmt --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("error", ["ENOSPC", "EROFS", "EACCES"])
def test_fmt_on_a_full_or_read_only_disk_is_a_sentence_and_keeps_the_file(tmp_path, monkeypatch, capsys, error):
    import errno
    import tempfile
    from types import SimpleNamespace

    from build_scripts.commands import fmt

    package = tmp_path / "package"
    shutil.copytree(MINI, package)
    path = package / "data" / "sources.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # not canonical: fmt would rewrite it
    before = path.read_bytes()

    def refuse(*args, **kwargs):
        code = getattr(errno, error)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert fmt.run(SimpleNamespace(package=str(package))) == 1
    err = capsys.readouterr().err
    assert "data/sources.csv: not rewritten: it cannot be written" in err and os.strerror(getattr(errno, error)) in err
    assert path.read_bytes() == before


# --- diff -------------------------------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def test_diff_against_a_revision_holding_an_absolute_symlink_is_a_sentence(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(MINI, repo / "datapackage")
    (repo / "datapackage" / "data" / "passwd.csv").symlink_to("/etc/passwd")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    result = run("diff", "HEAD", "--package", str(repo / "datapackage"), "--no-validate", timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "passwd.csv" in result.stderr and "outside" in result.stderr


def test_the_diff_report_escapes_every_value_from_the_package(tmp_path):
    head = tmp_path / "head"
    shutil.copytree(MINI, head)
    descriptor = json.loads((head / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["version"] = "9.9.9 ![x](https://evil.example/i.png) <img src=x> | **forged**"
    descriptor["resources"].append({"name": "evil`<b>", "path": "data/`![y](https://evil.example/y.png)`.csv",
                                    "schema": {"fields": [{"name": "a"}]}})
    (head / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    result = run("diff", str(MINI), "--package", str(head), timeout=60)
    assert result.returncode == 0, result.stderr
    report = result.stdout
    import re

    fences = [line for line in report.splitlines() if line.startswith("```")]
    assert len(fences) % 2 == 0
    rendered = re.sub(r"`[^`\n]*`", "", re.sub(r"(?ms)^```.*?^```$", "", report))  # code is shown as written
    assert not re.search(r"(?<!\\)(<img|<b>|\]\(https://evil)", rendered), rendered
    assert "\\<img src=x\\>" in report and "\\| \\*\\*forged\\*\\*" in report
