"""Per-language search in Chromium: Spanish pages find only Spanish pages
(with Spanish stemming), English pages only English pages."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser


def search(page, server: str, start: str, query: str) -> list[str]:
    page.goto(server + start, wait_until="networkidle")
    page.locator('label.md-header__button[for="__search"]').first.click()  # phone: open the search dialog
    page.locator("input.md-search__input").type(query)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    return [urlparse(h).path for h in links]


def test_spanish_search_returns_spanish_pages(page, server):
    paths = search(page, server, "/es/faq/", "90-96")
    assert paths and all(p.startswith("/es/") for p in paths), paths


def test_english_search_returns_english_pages(page, server):
    paths = search(page, server, "/faq/", "90-96")
    assert paths and not any(p.startswith("/es/") for p in paths), paths


def test_spanish_stemming_matches_word_forms(page, server):
    # "programas" must find pages that only say "programa" (Spanish stemmer).
    paths = search(page, server, "/es/", "programas")
    assert paths and all(p.startswith("/es/") for p in paths), paths
