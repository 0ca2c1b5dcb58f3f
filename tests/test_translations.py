"""Translation parity: pages, heading anchors and statute citations match."""

from __future__ import annotations

from pathlib import Path

from sitebuild.translations import translation_gaps


def counterpart(rel: str) -> str:
    return rel[3:] if rel.startswith("es/") else "es/" + rel


def anchors(page) -> list[str]:
    article = page.soup.select_one("article") or page.soup
    return [h["id"] for h in article.find_all(["h1", "h2", "h3", "h4"]) if h.get("id")]


def citations(page) -> set[str]:
    article = page.soup.select_one("article") or page.soup
    return {a["href"] for a in article.select('a[href*="ncleg.gov"]')}


def test_every_page_has_its_counterpart(pages):
    missing = [p for p in pages if counterpart(p) not in pages]
    assert not missing, f"pages without a translation: {missing}"


def test_heading_anchors_match(pages):
    for rel, page in pages.items():
        if page.lang != "en" or rel.endswith("404.html"):
            continue
        en, es = anchors(page), anchors(pages[counterpart(rel)])
        assert en == es, f"{rel}: anchors differ\n en: {en}\n es: {es}"


def test_statute_citations_match(pages):
    for rel, page in pages.items():
        if page.lang != "en":
            continue
        en, es = citations(page), citations(pages[counterpart(rel)])
        assert en == es, f"{rel}: citations {len(en)} vs {len(es)}; only en: {sorted(en - es)}; only es: {sorted(es - en)}"


def test_translation_gaps_names_the_missing_file(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "faq.md").write_text("x")
    (docs / "faq.es.md").write_text("x")
    (docs / "benefits.md").write_text("x")
    (docs / "about.es.md").write_text("x")
    assert translation_gaps(docs) == [
        "about.md: missing (en translation of the es page)",
        "benefits.es.md: missing (es translation of the en page)",
    ]


# The build's own message for a missing twin, either way: tests/test_faults.py
# ("page without its translation", "Spanish page without English").
