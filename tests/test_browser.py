"""The real built site in real Chromium, one visit per page for both widths.

Per language one context and one page with Chromium's cache off
(tools/weight.py `cache_off`: each visit weighs what a first visit does, as
a fresh context would, and costs a tenth of one), each page until `load` and
every request answered (100 ms of quiet). In that one visit, at phone width
(390 px): its weight (tools/weight.py: <= 70 KiB gzip, <= 12 requests,
render-blocking HTML+CSS <= 36 KiB, no failed request), axe-core with its
default rule set (WCAG A/AA and best practices, such as `region`: all
content inside landmarks) finds no violation, a visible text link to the
page's twin on the first screen, and the keyboard walk (WCAG 2.2 AA points
axe cannot see: no focused element covered by the sticky header or call
bar, SC 2.4.11; a focus ring of at least 3:1, SC 1.4.11). Then the same
page widened to desktop width (1280 px), scrolled to the top with nothing
focused: axe again (the layout, and so contrast, overlap and landmarks,
differ). Widening the loaded page is what loading it at 1280 px would give:
the site's scripts never read the width (a test below checks), and CSS
media queries follow the viewport live. Through both widths: no console
error (every CSP violation is one) and no request to any other host. Then
the language switch."""

from __future__ import annotations

import re
from posixpath import dirname, join, normpath
from urllib.parse import urlparse

import pytest
from browser_helpers import DESKTOP, PHONE, axe_violations, resize, twin_link_problem, walk_focus, watch

from tools.weight import Recorder, Weight, cache_off, settle, tally


@pytest.mark.timeout(900)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_light_clean_and_accessible_at_phone_and_desktop_width(browser, server, pages, lang):
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
        if weight.over_budget() or violations:
            problems.append(f"{rel} @390px: weight={weight.over_budget()} axe={violations}")
        twin = None if rel.endswith("404.html") else twin_link_problem(page, rel, lang, PHONE)
        problems += [f"{rel}: {p}" for p in ([twin] if twin else []) + walk_focus(page)]
        page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
        resize(page, DESKTOP)
        wide = axe_violations(page)
        page.set_viewport_size(PHONE)
        if wide:
            problems.append(f"{rel} @1280px: axe={wide}")
        if seen.errors or seen.foreign:
            problems.append(f"{rel} @390+1280px: console={seen.errors} foreign={seen.foreign}")
    ctx.close()
    assert len(mine) >= 20
    assert not problems, "\n".join(problems)
    print(f"\nheaviest {lang} page {heaviest.path}: {heaviest.kib:.1f} KiB, {heaviest.requests} requests")


def test_no_script_of_the_site_reads_the_width(site_dir):
    """The phone pass widens a loaded page instead of loading it at 1280 px:
    the same only while no script of ours asks how wide the window is (a
    colour-scheme query, as Material's palette script makes, is not one)."""
    reads = re.compile(r"matchMedia\([^)]*width|innerWidth|outerWidth|clientWidth|offsetWidth|screen\.width|resize")
    scripts = sorted(site_dir.glob("assets/js/*.js"))
    assert scripts, "no site script found"
    inline = [m for html in site_dir.rglob("*.html")
              for m in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html.read_text(encoding="utf-8"), re.S)]
    found = [f"{js.name}: {m.group()}" for js in scripts for m in reads.finditer(js.read_text(encoding="utf-8"))]
    found += [f"inline: {m.group()}" for text in set(inline) for m in reads.finditer(text)]
    assert not found, f"a script reads the width; load each page at 1280 px instead of widening it: {found}"


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
