"""Page-weight budget, measured in Chromium (bytes and request counts are
deterministic for a given build): every page <= 70 KiB gzip until the
network is idle, <= 12 requests, render-blocking HTML+CSS <= 36 KiB (tools/weight.py says why),
no failed request, nothing from another host."""

from __future__ import annotations

import pytest

from tools.weight import all_paths, measure_all

pytestmark = pytest.mark.browser


def test_every_page_within_budget(site_dir, browser, server):
    paths = all_paths(site_dir)
    assert len(paths) >= 30
    results = measure_all(browser, server, paths)
    over = [f"{w.path}: {'; '.join(w.over_budget())}" for w in results if w.over_budget()]
    assert not over, "\n".join(over)
    heaviest = max(results, key=lambda w: w.bytes)
    print(f"\nheaviest page {heaviest.path}: {heaviest.kib:.1f} KiB, {heaviest.requests} requests")


def test_search_loads_nothing_until_opened(page, server):
    fetched: list[str] = []
    page.context.on("request", lambda r: fetched.append(r.url))
    page.goto(server + "/es/faq/", wait_until="networkidle")
    assert not any("search" in u for u in fetched), fetched
    page.locator('[data-toggle-for="__search"]').first.click()  # site.js's search button
    page.locator("input.md-search__input").type("juez")
    page.wait_for_selector(".md-search-result__item")
    assert any(u.endswith("/es/search/search_index.json") for u in fetched)
