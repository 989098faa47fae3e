"""Paths as an attacker or an unlucky maintainer would give them: what validation read is what gets published,
and no folder given on the command line can make the build remove the package, docs/ or the checkout.

Fixtures are copies of tests/fixtures/mini in tmp_path; the real package is never built here.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from build_scripts import settings
from build_scripts.pipeline import guards
from build_scripts.validate import validate_package

REPO = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"
FORMULAS = ["=HYPERLINK(\"http://example.org\",\"x\")", "+3.2% on the quarter", "-minus first", "@SUM(A1)"]

pytestmark = pytest.mark.xdist_group("site-build")


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "build_scripts", *args], capture_output=True, text=True, cwd=cwd, env=env)


def mini(folder: Path) -> Path:
    shutil.copytree(MINI, folder)
    return folder


def with_formula_notes(package: Path) -> Path:
    """Notes that a spreadsheet would evaluate, one a row, in canonical order (the file stays canonical)."""
    path = package / "data" / "observations.csv"
    records = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    note, note_vi = records[0].index("note"), records[0].index("note_vi")
    for row, text in zip(records[1:], FORMULAS):
        row[note] = row[note_vi] = text  # a note is given in both languages
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    return package


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    """The same package built from a checkout under folders named value=1 and [x], and from a plain folder."""
    root = tmp_path_factory.mktemp("hostile")
    odd = with_formula_notes(mini(root / "value=1" / "[x]" / "checkout" / "datapackage"))
    plain = with_formula_notes(mini(root / "plain" / "datapackage"))
    results = [run("build", "--package", str(p), "--site-dir", str(root / name / "site"), "--build-dir", str(root / name / "build"))
               for p, name in ((odd, "odd"), (plain, "plain"))]
    for result in results:
        assert result.returncode == 0, result.stderr
    return root / "odd" / "site", root / "plain" / "site"


def test_a_checkout_under_hive_and_glob_folders_builds_the_same_site(two_sites):
    odd, plain = two_sites
    assert tree_digest(odd) == tree_digest(plain)
    figures = json.loads((odd / "downloads" / "observations.json").read_text(encoding="utf-8"))
    published = {(f["unit_id"], f["indicator_id"], f["period"], f["source_id"]): f["value"] for f in figures}
    rows = csv.DictReader(io.StringIO((MINI / "data" / "observations.csv").read_text(encoding="utf-8")))
    assert published == {(r["unit_id"], r["indicator_id"], r["period"], r["source_id"]): float(r["value"]) for r in rows}
    assert "value" not in figures[0] or set(figures[0]) == set(json.loads((plain / "downloads" / "observations.json").read_text())[0])


def test_csv_downloads_never_hold_a_formula_while_parquet_and_json_keep_the_text(two_sites):
    site, _ = two_sites
    notes = [r["note"] for r in csv.DictReader(io.StringIO((site / "downloads" / "observations.csv").read_text(encoding="utf-8")))]
    assert ["'" + text for text in FORMULAS] == notes[:len(FORMULAS)]
    assert not [n for n in notes if n[:1] in ("=", "+", "-", "@")]
    kept = [r["note"] for r in json.loads((site / "downloads" / "observations.json").read_text(encoding="utf-8"))]
    assert set(FORMULAS) <= set(kept)
    for slice_csv in (site / "downloads" / "indicators").glob("*.csv"):
        for row in csv.DictReader(io.StringIO(slice_csv.read_text(encoding="utf-8"))):
            assert not [v for k, v in row.items() if k != "value" and v[:1] in ("=", "+", "@")], (slice_csv.name, row)


def _load(package: Path) -> dict:
    from build_scripts import db

    report = validate_package(package)
    assert report.ok, [str(p) for p in report.errors]
    con = db.load_package(package, report.digests)
    try:
        return {"titles": [r[0] for r in con.execute("SELECT title FROM stg_sources").fetchall()],
                "values": sorted(r[0] for r in con.execute("SELECT value FROM stg_observations").fetchall())}
    finally:
        con.close()


def _move(package: Path, resource: str, new_path: str) -> Path:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    entry = next(r for r in descriptor["resources"] if r["name"] == resource)
    target = package / new_path
    target.parent.mkdir(parents=True, exist_ok=True)
    (package / entry["path"]).rename(target)
    entry["path"] = new_path
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def test_a_key_value_folder_in_a_resource_path_is_no_hive_partition(tmp_path):
    package = mini(tmp_path / "package")
    expected = _load(package)
    _move(package, "sources", "data/title=x/sources.csv")
    assert _load(package) == expected


@pytest.mark.parametrize("name", ["obs[1].csv", "obs*.csv", "obs?.csv", "obs{1,2}.csv", "~obs.csv"])
def test_glob_characters_in_a_resource_path_read_that_one_file(tmp_path, name):
    package = mini(tmp_path / "package")
    expected = _load(package)
    target = _move(package, "observations", f"data/{name}")
    decoy = target.read_text(encoding="utf-8").replace(",250000,", ",1,")
    for other in ("obs1.csv", "obsX.csv", "obs2.csv"):  # what the pattern would match instead
        (package / "data" / other).write_text(decoy, encoding="utf-8")
    assert _load(package) == expected


def test_a_file_changed_after_validation_is_not_loaded(tmp_path):
    from build_scripts import db
    from build_scripts.validation.reader import ReadFailed

    package = mini(tmp_path / "package")
    report = validate_package(package)
    path = package / "data" / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Báo", "Bao"), encoding="utf-8")
    with pytest.raises(ReadFailed, match="changed after validation"):
        db.load_package(package, report.digests)


# --- folders on the command line --------------------------------------------------------------------------


@pytest.fixture
def checkout(tmp_path):
    """A stand-in checkout: .git, docs/ and the package, in tmp_path."""
    root = tmp_path / "checkout"
    (root / ".git").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("hand-written\n", encoding="utf-8")
    mini(root / "datapackage")
    return root


@pytest.mark.parametrize("site, build", [
    (".", "build"), ("", "build"), ("datapackage", "build"), ("datapackage/site", "build"), ("site", "."),
    ("site", ""), ("site", "datapackage"), ("site", "site"), ("site", "site/build"), ("..", "build"),
])
def test_a_site_or_build_folder_that_would_remove_the_checkout_is_refused(checkout, site, build):
    before = tree_digest(checkout)
    result = run("build", "--package", "datapackage", "--site-dir", site, "--build-dir", build, cwd=checkout)
    assert result.returncode == 1, result.stderr
    assert "build refused:" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(checkout) == before
    assert sorted(p.name for p in checkout.iterdir()) == [".git", "datapackage", "docs"]


@pytest.mark.parametrize("folder", [settings.REPO, settings.DOCS_DIR, settings.DOCS_DIR / "sub", settings.REPO.parent,
                                    settings.PACKAGE_DIR, settings.PACKAGE_DIR / "data", Path("/")])
def test_the_repository_its_docs_and_its_package_are_never_a_build_target(tmp_path, folder):
    for site, build in ((folder.resolve(), tmp_path / "build"), (tmp_path / "site", folder.resolve())):
        with pytest.raises(guards.Refused):
            guards.check_folders(settings.PACKAGE_DIR.resolve(), site, build)
    guards.check_folders(settings.PACKAGE_DIR.resolve(), settings.REPO / "site", settings.REPO / "build")  # the defaults


@pytest.mark.parametrize("name", ["../../evil", "a/b", "x..y", "Evil", "", "-x"])
def test_a_package_name_that_is_no_slug_is_refused(tmp_path, name):
    package = mini(tmp_path / "package")
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["name"] = name
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    report = validate_package(package)
    assert [p.type for p in report.errors] == ["package-name"], [str(p) for p in report.errors]
    assert report.errors[0].file == "datapackage.json"


# --- no network -------------------------------------------------------------------------------------------


@pytest.fixture
def trickling_server():
    """A server that accepts and sends one byte every two seconds; records whether anyone connected."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    state = {"connected": 0, "stop": False}

    def serve():
        while not state["stop"]:
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            state["connected"] += 1
            try:
                conn.sendall(b"H")
                time.sleep(2)
            except OSError:
                pass
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/profile.json", state
    state["stop"] = True
    thread.join(5)
    server.close()


@pytest.mark.parametrize("where", ["package-profile", "package-$schema", "resource-profile"])
def test_a_profile_address_is_refused_and_never_fetched(tmp_path, trickling_server, where):
    address, state = trickling_server
    package = mini(tmp_path / "package")
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    if where == "resource-profile":
        descriptor["resources"][0]["profile"] = address
    else:
        descriptor[where.split("-", 1)[1]] = address
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    started = time.monotonic()
    report = validate_package(package)
    assert time.monotonic() - started < 20
    assert "profile-remote" in [p.type for p in report.errors]
    assert state["connected"] == 0
    result = run("diff", str(MINI), "--package", str(package))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert state["connected"] == 0


def test_the_known_frictionless_profiles_are_accepted(tmp_path):
    package = mini(tmp_path / "package")
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["profile"] = "tabular-data-package"
    descriptor["resources"][0]["profile"] = "https://specs.frictionlessdata.io/schemas/tabular-data-resource.json"
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    assert validate_package(package).ok
