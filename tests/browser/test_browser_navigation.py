"""Moving around as a reader does: the language switch, the keyboard's skip link, and search with or
without Vietnamese diacritics."""

from __future__ import annotations

import re

import pytest

import browser_support as bs

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SEARCH_RESULT = ".md-search-result__item"


@pytest.mark.parametrize("lang", bs.LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "indicator"])
def test_language_switch_leads_to_the_same_page_in_the_other_language(browser, site_url, page_path, kind, lang):
    other = bs.OTHER_LANGUAGE[lang]
    context = bs.phone_context(browser)
    try:
        page = context.new_page()
        page.goto(site_url + page_path(kind, lang))
        switch = page.locator(f"a[hreflang='{other}']").first
        assert switch.count() == 1, f"{page.url} has no link to the {other} version (a[hreflang={other}])"
        opener = page.locator(".md-select").first
        if opener.count():
            opener.locator("button").first.click()  # what a phone user taps to open the language list
        switch.click()
        page.wait_for_load_state("load")
        expected = site_url + page_path(kind, other)
        assert page.url == expected, f"the {other} link on {site_url + page_path(kind, lang)} led to {page.url}, expected {expected}"
        assert page.evaluate("() => document.documentElement.lang") == other
    finally:
        context.close()


@pytest.mark.parametrize("lang", bs.LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "indicator"])
def test_keyboard_skip_link_reaches_the_main_content(browser, site_url, page_path, kind, lang):
    context = bs.desktop_context(browser)
    try:
        page = context.new_page()
        page.goto(site_url + page_path(kind, lang))
        page.keyboard.press("Tab")
        first = page.evaluate(
            "() => ({cls: document.activeElement.className, text: document.activeElement.textContent.trim(),"
            " href: document.activeElement.getAttribute('href'),"
            " visible: document.activeElement.getBoundingClientRect().height > 0})"
        )
        assert "md-skip" in first["cls"], f"the first Tab on {page.url} focused {first}, not the skip link"
        assert first["text"] and first["visible"], f"the skip link on {page.url} is empty or invisible when focused: {first}"
        page.keyboard.press("Enter")
        page.wait_for_function("(hash) => location.hash === hash", arg=first["href"][first["href"].find("#"):])
        page.wait_for_timeout(150)  # the fragment navigation moves the focus starting point when it completes
        page.keyboard.press("Tab")
        landed = page.evaluate(
            "() => { const el = document.activeElement;"
            " return {tag: el.tagName.toLowerCase(), text: (el.textContent || '').trim().slice(0, 60),"
            " inMain: !!el.closest('main, [role=main], .md-content')}; }"
        )
        assert landed["inMain"], f"after the skip link and Tab on {page.url}, focus is on {landed}, outside the main content"
        # Further Tabs keep reaching links of the content, not only the header.
        links_in_main = 0
        for _ in range(6):
            page.keyboard.press("Tab")
            links_in_main += page.evaluate(
                "() => { const el = document.activeElement;"
                " return el.tagName === 'A' && !!el.closest('main, [role=main], .md-content') ? 1 : 0; }"
            )
        assert links_in_main + (landed["tag"] == "a") > 0, f"Tab never reached a link of the main content on {page.url}"
    finally:
        context.close()


QUERIES = ("bac ninh", "Bắc Ninh")  # typed without diacritics, as on many phone keyboards, and with them
FOLDING_PAIR = ("bac", "bắc")  # one word: "ninh" cannot help here


def _type_query(page, query: str) -> int:
    """Type query in the search box; the number of pages search lists (0 when none)."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 0")
    box.press_sequentially(query, delay=20)
    try:
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10_000)
    except Exception:  # noqa: BLE001 - nothing listed
        return 0
    meta, previous = None, ""
    while meta != previous:  # results of the last keystroke: the count stops changing
        previous = meta
        page.wait_for_timeout(400)
        meta = page.locator(".md-search-result__meta").first.text_content() or ""
    count = re.search(r"\d[\d.,]*", meta)
    return int(re.sub(r"\D", "", count.group())) if count else 0


@pytest.mark.parametrize("lang", bs.LANGUAGES)
def test_search_finds_bac_ninh_with_or_without_diacritics(browser, site_url, page_path, lang):
    context = bs.desktop_context(browser)
    recorder = bs.Recorder().attach(context)
    try:
        page = context.new_page()
        page.goto(site_url + page_path("home", lang))
        box = page.locator("input.md-search__input")
        assert box.count() == 1, f"{page.url} has no search box"
        opener = page.locator("label.md-header__button[for='__search']:visible")
        (opener.first if opener.count() else box).click()  # phones open search with the magnifier
        problems = []
        for query in QUERIES:
            found = _type_query(page, query)
            texts = page.locator(SEARCH_RESULT).all_text_contents() if found else []
            if not any("Bắc Ninh" in text for text in texts):
                problems.append(f"searching {query!r} lists {found} page(s), none showing 'Bắc Ninh': {[t.strip()[:60] for t in texts[:3]]}")
        # Folding: every page with "bắc" must also be found by "bac" ("ninh" alone would hide its absence).
        plain, marked = (_type_query(page, word) for word in FOLDING_PAIR)
        if not plain >= marked > 0:
            problems.append(f"search does not fold diacritics: {FOLDING_PAIR[0]!r} finds {plain} page(s), {FOLDING_PAIR[1]!r} finds {marked}")
        assert not problems, f"search on {page.url}:\n" + "\n".join(problems)
        assert not recorder.outside_requests(), f"search requested other hosts: {recorder.outside_requests()}"
        assert not recorder.page_errors, f"search raised errors: {recorder.page_errors}"
    finally:
        context.close()
