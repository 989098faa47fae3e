"""Progress of a build: phases with counts and times on a terminal, one summary line otherwise; and the
page registry: every page type has its module, template and URL."""

from __future__ import annotations

import io

from build_scripts import settings
from build_scripts.pages.registry import PAGE_TYPES
from build_scripts.pipeline.progress import Progress


def run_phases(progress: Progress) -> None:
    progress.phase("pages")
    progress.step("indicator: 8 pages")
    progress.done("30 pages")
    progress.summary("built site/")


def test_a_terminal_sees_phases_counts_and_times():
    stream = io.StringIO()
    run_phases(Progress(stream, interactive=True))
    lines = stream.getvalue().splitlines()
    assert lines[0] == "… pages"
    assert lines[1] == "  indicator: 8 pages"
    assert lines[2].startswith("✓ pages: 30 pages (") and lines[2].endswith(" s)")
    assert lines[3] == "built site/"


def test_off_a_terminal_only_the_summary_is_printed():
    stream = io.StringIO()
    progress = Progress(stream, interactive=False)
    run_phases(progress)
    assert stream.getvalue() == "built site/\n"
    assert progress.timing().startswith("pages ")


def test_every_page_type_has_a_module_a_template_and_a_url():
    names = [page_type.name for page_type in PAGE_TYPES]
    assert len(names) == len(set(names))
    for page_type in PAGE_TYPES:
        module = page_type.load()
        assert callable(module.keys) and callable(module.model) and callable(module.directory)
        assert (settings.TEMPLATES_DIR / module.TEMPLATE).is_file(), module.TEMPLATE
        assert page_type.url.startswith("/") and page_type.url.endswith("/")
