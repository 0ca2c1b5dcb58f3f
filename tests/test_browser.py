"""The real built site in real Chromium, one visit per page and width.

At phone width (390 px), the phone pass: per language one context and one
page with Chromium's cache off (tools/weight.py `cache_off`: each visit
weighs what a first visit does, as a fresh context would, and costs a tenth
of one), each page until `load` and every request answered (100 ms of
quiet). In that one visit: its weight (tools/weight.py: <= 70 KiB gzip,
<= 12 requests, render-blocking HTML+CSS <= 36 KiB, no failed request), no
console error (every CSP violation is one), no request to any other host,
axe-core with its default rule set (WCAG A/AA and best practices, such as
`region`: all content inside landmarks) finds no violation, a visible text
link to the page's twin on the first screen, and the keyboard walk (WCAG
2.2 AA points axe cannot see: no focused element covered by the sticky
header or call bar, SC 2.4.11; a focus ring of at least 3:1, SC 1.4.11). At
desktop width (1280 px) test_browser_desktop.py. Then the language switch."""

from __future__ import annotations

from posixpath import dirname, join, normpath
from urllib.parse import urlparse

import pytest
from browser_helpers import PHONE, axe_violations, twin_link_problem, walk_focus, watch

from tools.weight import Recorder, Weight, cache_off, settle, tally


@pytest.mark.timeout(900)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_at_phone_width_light_clean_and_accessible(browser, server, pages, lang):
    problems = []
    heaviest = Weight("")
    ctx = browser.new_context(viewport=PHONE, service_workers="block", has_touch=False)
    recorder = Recorder(ctx)
    page = ctx.new_page()
    cache_off(page)
    seen = watch(page)
    mine = [rel for rel in pages if pages[rel].lang == lang]
    for rel in mine:
        seen.clear()
        weight = recorder.start(pages[rel].url_path)
        page.goto(server + pages[rel].url_path, wait_until="load")
        settle(page, weight)  # as tools/weight.py: every request answered, 100 ms of quiet
        tally(weight, recorder.responses)
        violations = axe_violations(page)
        heaviest = max(heaviest, weight, key=lambda w: w.bytes)
        if weight.blocking == 0:  # the HTML and the CSS came from a cache: the count is not a first visit's
            problems.append(f"{rel}: no render-blocking bytes counted (cache on?)")
        if weight.over_budget() or seen.errors or seen.foreign or violations:
            problems.append(f"{rel} @390px: weight={weight.over_budget()} console={seen.errors} "
                            f"foreign={seen.foreign} axe={violations}")
        twin = None if rel.endswith("404.html") else twin_link_problem(page, rel, lang, PHONE)
        problems += [f"{rel}: {p}" for p in ([twin] if twin else []) + walk_focus(page)]
    ctx.close()
    assert len(mine) >= 20
    assert not problems, "\n".join(problems)
    print(f"\nheaviest {lang} page {heaviest.path}: {heaviest.kib:.1f} KiB, {heaviest.requests} requests")


def test_search_loads_nothing_until_opened(page, server):
    fetched: list[str] = []
    page.context.on("request", lambda r: fetched.append(r.url))
    page.goto(server + "/es/faq/", wait_until="networkidle")
    assert not any("search" in u for u in fetched), fetched
    page.locator('[data-toggle-for="__search"]').first.click()  # site.js's search button
    page.locator("input.md-search__input").type("juez")
    page.wait_for_selector(".md-search-result__item")
    assert any(u.endswith("/es/search/search_index.json") for u in fetched)


@pytest.mark.parametrize("start,expected", [
    ("/eligibility/", "/es/eligibility/"),
    ("/es/faq/", "/faq/"),
    ("/", "/es/"),
])
def test_language_switcher_lands_on_counterpart(page, server, start, expected):
    page.goto(server + start)
    target = "es" if not start.startswith("/es/") else "en"
    link = page.locator(f'.md-select__link[hreflang="{target}"]').first
    href = link.evaluate("a => a.href")
    page.goto(href)
    assert urlparse(page.url).path == expected
    assert page.evaluate("document.documentElement.lang") == target


def test_every_switcher_link_targets_counterpart(pages):
    for rel, pg in pages.items():
        if rel.endswith("404.html"):
            continue  # served for any missing URL; has no counterpart page
        target = "en" if pg.lang == "es" else "es"
        link = pg.soup.select_one(f'.md-select__link[hreflang="{target}"]')
        assert link is not None, f"{rel}: no language switcher"
        here = "/" + rel
        resolved = normpath(join(dirname(here), link["href"])) + "/"
        resolved = resolved.replace("//", "/")
        other = "/" + (rel[3:] if pg.lang == "es" else "es/" + rel)
        assert resolved == other.removesuffix("index.html") or resolved == dirname(other) + "/", (
            f"{rel}: switcher goes to {resolved}, expected {other}")
