"""The real built site in real Chromium: no console errors, no request to any
other host, axe-core with its default rule set (WCAG A/AA and best practices,
such as `region`: all content inside landmarks) finds no violation, language
switch."""

from __future__ import annotations

from posixpath import dirname, join, normpath
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()


def axe_violations(page) -> list[str]:
    """axe-core's default rules: every WCAG A/AA rule plus best practices."""
    results = AXE.run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def visit(page, url: str) -> tuple[list[str], list[str]]:
    """Open url; return (console errors, requests to hosts other than loopback)."""
    errors: list[str] = []
    foreign: list[str] = []
    # Console errors include every Content-Security-Policy violation: the
    # server applies the site's _headers (tools/serve.py).
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: foreign.append(r.url)
            if urlparse(r.url).hostname not in ("127.0.0.1", None) and not r.url.startswith("data:") else None)
    page.goto(url, wait_until="networkidle")
    return errors, foreign


def test_every_page_clean_in_chromium(browser, server, pages):
    problems = []
    checked = 0
    for rel in pages:
        for width in (390, 1280):
            ctx = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
            page = ctx.new_page()
            errors, foreign = visit(page, server + pages[rel].url_path)
            violations = axe_violations(page)
            ctx.close()
            checked += 1
            if errors or foreign or violations:
                problems.append(f"{rel} @{width}px: console={errors} foreign={foreign} axe={violations}")
    assert checked >= 60
    assert not problems, "\n".join(problems)


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
