"""The browser harness itself, without a browser: the CI skip rule and which pages the suite visits."""

from __future__ import annotations

import pytest

import browser_support as bs


@pytest.fixture
def no_chromium(monkeypatch, tmp_path):
    monkeypatch.setattr(bs, "CHROMIUM", tmp_path / "no-chromium-here")


def test_missing_chromium_skips_locally_with_the_reason(no_chromium, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    verdict, reason = bs.chromium_gate()
    assert verdict == "skip"
    assert "no-chromium-here is missing" in reason and "apt-get install -y chromium" in reason


def test_missing_chromium_fails_in_ci(no_chromium, monkeypatch):
    monkeypatch.setenv("CI", "true")
    verdict, reason = bs.chromium_gate()
    assert verdict == "fail"
    assert "never skip" in reason


def test_present_chromium_runs(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setattr(bs, "CHROMIUM", fake)
    monkeypatch.setenv("CI", "true")
    assert bs.chromium_gate() == ("run", None)


def _page(folder, body):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


def test_pages_are_the_first_ones_the_home_page_lists(tmp_path):
    _page(tmp_path, '<a href="https://example.org/reports/x/">out</a><a href="indicators/">all</a>'
                    '<a href="indicators/zeta/">Z</a><a href="indicators/alpha/">A</a>'
                    '<a href="reports/2025-9M/">9M</a><a href="reports/2025-H1/">H1</a>')
    for path in ("indicators/alpha", "indicators/zeta", "provinces/bac-ninh", "provinces/an-giang"):
        _page(tmp_path / path, "")
    pages = bs.discover_pages(tmp_path)
    assert pages == {"home": "", "indicator": "indicators/zeta/", "province": "provinces/bac-ninh/", "report": "reports/2025-9M/"}
    assert bs.localized(pages["report"], "en") == "en/reports/2025-9M/"


def test_a_site_without_reports_has_none_to_visit(tmp_path):
    _page(tmp_path, '<a href="indicators/grdp/">GRDP</a>')
    _page(tmp_path / "indicators/grdp", "")
    assert bs.discover_pages(tmp_path)["report"] is None
    assert bs.discover_pages(tmp_path)["province"] is None
