"""Per-language search in Chromium: Spanish pages find only Spanish pages
(with Spanish stemming), English pages only English pages."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest


def search(page, server: str, start: str, query: str) -> list[str]:
    page.goto(server + start, wait_until="load")
    page.locator('[data-toggle-for="__search"]').first.click()  # phone: open the search dialog (site.js's button)
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


# --- Search words (data/search.yml) -------------------------------------------

from conftest import SITE_DATA  # noqa: E402

from sitebuild.search_keywords import load as load_search_words  # noqa: E402
from sitebuild.search_keywords import location  # noqa: E402

# What the usability review saw people type; each must stay in data/search.yml.
REVIEW_WORDS = {
    "en": {"expungement": "during-and-after/", "expunge": "during-and-after/", "court date": "first-steps/"},
    "es": {"limpiar récord": "during-and-after/", "limpiar record": "during-and-after/",
           "borrar antecedentes": "during-and-after/", "fecha de corte": "first-steps/"},
}


def test_review_words_are_in_the_data_file():
    words = load_search_words(SITE_DATA / "search.yml")
    for lang, expected in REVIEW_WORDS.items():
        for word, target in expected.items():
            assert word in words[lang].get(target, []), f"{lang}: {word!r} should find {target}"


def test_search_words_are_in_the_index(site_dir):
    """In the `tags` of the page's own entry: Material's search ranks them
    first and site.js never prints them (no hidden text on the page)."""
    import json
    words = load_search_words(SITE_DATA / "search.yml")
    for lang, targets in words.items():
        index = json.loads((site_dir / ("" if lang == "en" else lang) / "search" / "search_index.json")
                           .read_text(encoding="utf-8"))
        docs = {d["location"]: d for d in index["docs"]}
        for target, terms in targets.items():
            assert set(terms) <= set(docs[target].get("tags", [])), (lang, target)


def test_a_word_for_a_missing_page_fails_the_build(tmp_path):
    from conftest import copy_project, run_build
    project = copy_project(tmp_path / "project")
    path = project / "data" / "search.yml"
    path.write_text(path.read_text(encoding="utf-8") + "  no-such-page.md:\n    - anything\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/search.yml:" in result.stderr and "no page 'no-such-page.md' in the 'es' search index" in result.stderr


def test_location_of_a_page_file():
    assert location("index.md") == "" and location("first-steps.md") == "first-steps/"
    assert location("updates/index.md") == "updates/"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_search_word_finds_its_page_first(page, server, lang):
    """Material's own search worker, driven through the search box: each word
    of data/search.yml returns its page, in this language, as the first result."""
    prefix = "/" if lang == "en" else "/es/"
    page.goto(server + prefix + "faq/", wait_until="load")
    page.locator('[data-toggle-for="__search"]').first.click()
    box = page.locator("input.md-search__input")
    wrong = []
    for target, terms in load_search_words(SITE_DATA / "search.yml")[lang].items():
        for term in terms:
            page.evaluate("document.querySelector('.md-search-result__list').textContent = ''")
            box.fill(term)
            page.wait_for_selector(".md-search-result__item", timeout=15_000)
            first = urlparse(page.eval_on_selector(".md-search-result__link", "a => a.href")).path
            if first != prefix + target:
                wrong.append(f"{term!r}: first result {first}, expected {prefix + target}")
    assert not wrong, "\n".join(wrong)
