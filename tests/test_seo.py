"""Search engines: sitemap with reciprocal absolute alternates, hreflang in
every head matching the sitemap, canonical, Open Graph, JSON-LD, robots."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from conftest import SITE_DATA, SITE_URL

from sitebuild.data import load_firm

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
FIRM = load_firm(SITE_DATA / "firm.yml")  # the data the session site was built from


@pytest.fixture(scope="module")
def sitemap(site_dir) -> dict[str, dict[str, str]]:
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    out = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        out[loc] = {l.get("hreflang"): l.get("href") for l in url.findall("x:link", NS)}
    return out


def head_links(page) -> tuple[str, dict[str, str]]:
    canonical = page.soup.find("link", rel="canonical")["href"]
    alts = {l["hreflang"]: l["href"] for l in page.soup.find_all("link", rel="alternate") if l.get("hreflang")}
    return canonical, alts


def indexable(pages):
    return {rel: p for rel, p in pages.items() if not rel.endswith("404.html")}


def test_sitemap_lists_every_page_with_absolute_reciprocal_alternates(sitemap, pages):
    assert len(sitemap) == len(indexable(pages))
    for loc, alts in sitemap.items():
        assert loc.startswith(SITE_URL), loc
        assert set(alts) == {"en", "es", "x-default"}, f"{loc}: {alts}"
        assert all(h.startswith(SITE_URL) for h in alts.values())
        assert alts["x-default"] == alts["en"]
        for lang in ("en", "es"):
            assert sitemap[alts[lang]] == alts, f"{loc}: alternate {alts[lang]} does not point back"


def test_no_per_language_sitemap_left(site_dir):
    assert not (site_dir / "es" / "sitemap.xml").exists()


def test_head_hreflang_matches_sitemap(sitemap, pages):
    for rel, page in indexable(pages).items():
        canonical, alts = head_links(page)
        assert canonical == SITE_URL + page.url_path.lstrip("/"), rel
        assert sitemap[canonical] == alts, f"{rel}: head {alts} vs sitemap {sitemap[canonical]}"


def test_not_found_pages_are_noindex(pages):
    for rel in ("404.html", "es/404.html"):
        robots = pages[rel].soup.find("meta", attrs={"name": "robots"})
        assert robots and "noindex" in robots["content"]


def test_open_graph_and_twitter(pages, site_dir):
    for rel, page in indexable(pages).items():
        og = {m["property"]: m["content"] for m in page.soup.find_all("meta", property=True)}
        assert og["og:url"] == head_links(page)[0]
        assert og["og:locale"] == {"en": "en_US", "es": "es_US"}[page.lang]
        assert og["og:image"].startswith(SITE_URL)
        assert (site_dir / og["og:image"][len(SITE_URL):]).is_file(), "share image not in the site"
        assert og["og:description"] == page.soup.find("meta", attrs={"name": "description"})["content"]
        assert page.soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def jsonld(page) -> list[dict]:
    return [json.loads(s.string) for s in page.soup.find_all("script", type="application/ld+json")]


def test_legal_service_on_every_page(pages):
    for rel, page in indexable(pages).items():
        blocks = [b for b in jsonld(page) if b["@type"] == "LegalService"]
        assert len(blocks) == 1, rel
        ls = blocks[0]
        assert ls["name"] == FIRM["name"]
        assert ls["telephone"] == FIRM["phone_e164"]
        assert ls["address"]["streetAddress"] == FIRM["address"]["street"]
        assert ls["address"]["addressRegion"] == "NC"
        assert [a["name"].split(" County")[0] for a in ls["areaServed"]] == FIRM["service_area"]
        assert {l["alternateName"] for l in ls["availableLanguage"]} == {"en", "es"}
        assert ls["employee"]["name"] == FIRM["attorney"]
        assert ls["url"] == SITE_URL + ("es/" if page.lang == "es" else "")


def test_breadcrumbs_end_at_the_page(pages):
    count = 0
    for rel, page in indexable(pages).items():
        for b in jsonld(page):
            if b["@type"] == "BreadcrumbList":
                items = b["itemListElement"]
                assert items[-1]["item"] == head_links(page)[0]
                assert [i["position"] for i in items] == list(range(1, len(items) + 1))
                count += 1
    assert count >= len(indexable(pages)) - 2  # all but the two home pages


def test_faq_structured_data_matches_visible_questions(pages):
    for rel in ("faq/index.html", "es/faq/index.html"):
        page = pages[rel]
        faq = [b for b in jsonld(page) if b["@type"] == "FAQPage"]
        assert len(faq) == 1
        visible = [" ".join(h.get_text(" ").split()) for h in page.soup.select("article h2")]
        assert [q["name"] for q in faq[0]["mainEntity"]] == visible
        assert all(len(q["acceptedAnswer"]["text"]) > 40 for q in faq[0]["mainEntity"])
        assert faq[0]["inLanguage"] == page.lang


def test_robots_points_at_sitemap(site_dir):
    text = (site_dir / "robots.txt").read_text()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in text


def test_search_index_is_split_by_language(site_dir):
    en = json.loads((site_dir / "search" / "search_index.json").read_text())
    es = json.loads((site_dir / "es" / "search" / "search_index.json").read_text())
    assert en["config"]["lang"] == ["en"] and es["config"]["lang"] == ["es"]
    assert not any(d["location"].startswith("es/") for d in en["docs"])
    assert any(d["title"].startswith("Preguntas") for d in es["docs"])
    assert not any(d["title"].startswith("Preguntas") for d in en["docs"])
