"""The SQL page (/data/explore/) of the built fixture site in Debian's Chromium: an example query and a
typed one give the rows DuckDB in Python gives from the same Parquet files; a bad query shows DuckDB's own
message and logs no console error; the query is kept in the address; a long result is cut at the cap
while its CSV keeps every row; nothing is requested outside the site; once the engine and the tables are
loaded, queries run with the network off; axe-core finds nothing critical or serious."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
import browser_support as bs  # noqa: E402

from build_scripts import explore  # noqa: E402
from build_scripts.pages.explore import example_sql  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "mini"
ENGINE_TIMEOUT_MS = 90_000  # the first query loads the engine (about 8 MB compressed) on a busy machine

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("site-build")]

DONE_JS = """() => { const root = document.querySelector('.bn-explore');
  const error = root.querySelector('.bn-explore-error');
  return !error.hidden || /\\d/.test(root.querySelector('.bn-explore-status').textContent)
    && !root.querySelector('.bn-explore-status').textContent.includes('…'); }"""
TABLE_JS = """() => { const table = document.querySelector('.bn-explore-result table');
  if (!table) return null;
  return {columns: [...table.tHead.rows[0].cells].map(c => c.textContent),
          rows: [...table.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent))}; }"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    verdict, reason = bs.chromium_gate()  # the gate of tests/browser: skip locally, fail under CI=true
    if verdict == "fail":
        pytest.fail(reason, pytrace=False)
    if verdict == "skip":
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("explore-site")
    result = subprocess.run([sys.executable, "-m", "build_scripts", "build", "--package", str(FIXTURE),
                             "--site-dir", str(root / "site"), "--build-dir", str(root / "build")],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    if not (root / "site" / "assets" / "explore" / "engine" / "duckdb-browser.js").is_file():
        pytest.fail("the site has no DuckDB-WASM engine: run `npm ci` (make test does) before the browser tests", pytrace=False)
    return root / "site"


@pytest.fixture(scope="module")
def base_url(site):
    with bs.serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url, chromium_browser):
    return chromium_browser


def python_rows(site: Path, sql: str) -> tuple[list[str], list[list[str]]]:
    """What DuckDB in Python returns for sql over the site's Parquet downloads, as the page writes cells."""
    con = duckdb.connect()
    for name in explore.TABLES:
        path = (site / "downloads" / f"{name}.parquet").as_posix()
        con.execute(f"CREATE VIEW \"{name}\" AS SELECT * FROM read_parquet('{path}')")
    cursor = con.execute(sql)
    return [d[0] for d in cursor.description], [[cell(v) for v in row] for row in cursor.fetchall()]


def cell(value) -> str:
    """A value as the page shows it: JavaScript's String() of the number, ISO dates, NULL empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def run_typed(page, sql: str) -> None:
    page.locator("#bn-explore-sql").fill(sql)
    page.locator(".bn-explore-form button[type=submit]").click()
    page.wait_for_function(DONE_JS, timeout=ENGINE_TIMEOUT_MS)


def shown(page) -> tuple[list[str], list[list[str]]]:
    table = page.evaluate(TABLE_JS)
    assert table is not None, page.locator(".bn-explore-error").text_content()
    return table["columns"], table["rows"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_queries_give_the_rows_of_duckdb_in_python_from_the_site_only(site, base_url, browser, lang):
    context = bs.desktop_context(browser)
    recorder = bs.Recorder().attach(context)
    page = context.new_page()
    page.goto(base_url + bs.localized("data/explore/", lang))
    page.wait_for_load_state("networkidle")
    before = list(recorder.requests)
    assert not [u for u in before if u.endswith((".wasm", ".parquet")) or "/engine/" in u], before  # nothing heavy before a query

    page.locator('.bn-explore-example[data-example="disagreements"]').click()
    page.wait_for_function(DONE_JS, timeout=ENGINE_TIMEOUT_MS)
    sql = example_sql("disagreements", lang)
    assert page.locator("#bn-explore-sql").input_value() == sql
    columns, rows = shown(page)
    assert (columns, rows) == python_rows(site, sql)
    assert rows  # the fixture's two sources disagree on Bắc Ninh's exports
    assert parse_qs(urlsplit(page.url).query)["sql"] == [sql]  # the address holds the query

    typed = ("SELECT u.unit_id, u.name_vi, u.valid_from, count(o.value) AS figures, sum(o.value) AS total "
             "FROM units AS u LEFT JOIN observations AS o USING (unit_id) GROUP BY ALL ORDER BY u.unit_id")
    run_typed(page, typed)
    assert shown(page) == python_rows(site, typed)
    assert "Bắc Ninh" in [row[1] for row in shown(page)[1]]

    blocking = [v for v in bs.axe_violations(page) if v.get("impact") in bs.BLOCKING_IMPACTS]
    assert blocking == [], bs.format_violations(blocking)
    assert recorder.outside_requests() == []
    assert recorder.failed == [] and recorder.console_errors == [] and recorder.page_errors == []
    engine = [u for u in recorder.requests if "/assets/explore/engine/" in u]
    assert any(u.endswith("duckdb-eh.wasm") for u in engine), engine  # the site's own copy of the engine

    context.set_offline(True)  # engine and tables loaded: the next query needs no network
    asked = len(recorder.requests)
    offline = "SELECT indicator_id, period, value FROM observations WHERE unit_id = 'bac-ninh' ORDER BY ALL"
    run_typed(page, offline)
    assert shown(page) == python_rows(site, offline)
    assert page.locator(".bn-explore-error").is_hidden()
    # the page asked for nothing (Chromium may ask for the favicon by itself, and fail to, offline)
    assert [u for u in recorder.requests[asked:] if not u.endswith("/favicon.png")] == []
    context.close()


def test_a_bad_query_shows_duckdbs_message_and_no_console_error(site, base_url, browser):
    context = bs.desktop_context(browser)
    recorder = bs.Recorder().attach(context)
    page = context.new_page()
    page.goto(base_url + "en/data/explore/")
    bad = "SELECT * FROM observation"
    run_typed(page, bad)
    error = page.locator(".bn-explore-error")
    assert error.is_visible()
    with pytest.raises(duckdb.Error) as expected:
        python_rows(site, bad)
    # DuckDB's own first line (the suggestion that follows depends on the catalogue of each build)
    assert error.text_content().splitlines()[0] == str(expected.value).splitlines()[0]
    assert error.text_content().startswith("Catalog Error: Table with name observation does not exist")
    assert page.locator(".bn-explore-result table").count() == 0
    run_typed(page, "SELECT count(*) AS n FROM sources")  # the page recovers
    assert error.is_hidden() and shown(page) == python_rows(site, "SELECT count(*) AS n FROM sources")
    assert recorder.console_errors == [] and recorder.page_errors == [] and recorder.outside_requests() == []
    context.close()


def test_a_shared_address_runs_its_query_and_a_long_result_is_capped(site, base_url, browser, tmp_path):
    context = bs.desktop_context(browser, accept_downloads=True)
    page = context.new_page()
    rows = explore.MAX_ROWS_SHOWN + 234
    sql = f"SELECT i, i * 2 AS twice, '=' || i AS formula FROM range({rows}) AS t(i) ORDER BY i"
    page.goto(base_url + "data/explore/?" + __import__("urllib.parse").parse.urlencode({"sql": sql}))
    page.wait_for_function(DONE_JS, timeout=ENGINE_TIMEOUT_MS)
    assert page.locator("#bn-explore-sql").input_value() == sql
    columns, shown_rows = shown(page)
    assert columns == ["i", "twice", "formula"] and len(shown_rows) == explore.MAX_ROWS_SHOWN
    assert shown_rows[-1] == [str(explore.MAX_ROWS_SHOWN - 1), str(2 * explore.MAX_ROWS_SHOWN - 2), f"={explore.MAX_ROWS_SHOWN - 1}"]
    assert "1.234" in page.locator(".bn-explore-status").text_content()  # every row counted, in Vietnamese digits
    with page.expect_download() as download:
        page.locator(".bn-explore-csv").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "i,twice,formula" and len(lines) == rows + 1
    assert lines[-1] == f"{rows - 1},{2 * (rows - 1)},'={rows - 1}"  # spreadsheet-safe, as the downloads are
    context.close()


def test_every_example_runs_and_gives_the_rows_of_duckdb_in_python(site, base_url, browser):
    context = bs.desktop_context(browser)
    recorder = bs.Recorder().attach(context)
    page = context.new_page()
    page.goto(base_url + "en/data/explore/")
    for name in explore.EXAMPLES:
        page.locator(f'.bn-explore-example[data-example="{name}"]').click()
        page.wait_for_function(DONE_JS, timeout=ENGINE_TIMEOUT_MS)
        assert page.locator(".bn-explore-error").is_hidden(), (name, page.locator(".bn-explore-error").text_content())
        assert shown(page) == python_rows(site, example_sql(name, "en")), name
    assert recorder.console_errors == [] and recorder.page_errors == [] and recorder.outside_requests() == []
    context.close()
