"""Every built page: language, description, compliance notices, call link."""

from __future__ import annotations

import re

from conftest import SITE_DATA

from sitebuild.data import load_firm, load_strings

FIRM = load_firm(SITE_DATA / "firm.yml")  # the data the session site was built from
STRINGS = load_strings(SITE_DATA / "strings.yml")


def test_both_languages_have_the_same_number_of_pages(pages):
    en = [p for p in pages.values() if p.lang == "en"]
    es = [p for p in pages.values() if p.lang == "es"]
    assert len(en) >= 15, f"only {len(en)} English pages"
    assert len(en) == len(es), f"pages: {len(en)} English vs {len(es)} Spanish"


def test_html_lang_matches_folder(pages):
    for page in pages.values():
        assert page.soup.html.get("lang") == page.lang, page.rel


def test_every_page_has_a_description(pages):
    for page in pages.values():
        meta = page.soup.find("meta", attrs={"name": "description"})
        assert meta and len(meta["content"].strip()) >= 20, f"{page.rel}: no meta description"


def test_descriptions_are_unique_per_language(pages):
    seen: dict[tuple[str, str], str] = {}
    for page in pages.values():
        if page.rel.endswith("404.html"):
            continue
        desc = page.soup.find("meta", attrs={"name": "description"})["content"]
        key = (page.lang, desc)
        assert key not in seen, f"{page.rel} repeats the description of {seen[key]}"
        seen[key] = page.rel


def test_compliance_notices_on_every_page(pages):
    for page in pages.values():
        text = " ".join(page.soup.get_text(" ").split())
        strings = STRINGS[page.lang]
        adv = page.soup.select_one('[data-notice="advertising"]')
        advice = page.soup.select_one('[data-notice="legal-advice"]')
        assert adv and adv.get_text(strip=True) == strings["attorney_advertising"], page.rel
        assert advice and advice.get_text(strip=True) == strings["not_legal_advice"], page.rel
        # NC RPC 7.2(c): responsible lawyer and office address.
        assert FIRM["attorney"] in text, f"{page.rel}: responsible attorney missing"
        assert FIRM["address"]["street"] in text, f"{page.rel}: office address missing"
        assert FIRM["address"]["locality"] in text, f"{page.rel}: office city missing"


def test_click_to_call_on_every_page(pages):
    for page in pages.values():
        links = page.soup.select(f'a[href="tel:{FIRM["phone_e164"]}"]')
        assert links, f"{page.rel}: no click-to-call link"
        assert page.soup.select_one(".dl-callbar a[href^='tel:']"), f"{page.rel}: no sticky call bar"


def test_hablamos_espanol_on_english_pages(pages):
    """Lower case "español" on every page of both languages (a language name);
    on English pages it is shown and every occurrence is marked lang=es."""
    for page in pages.values():
        assert "Hablamos Español" not in page.soup.get_text(), f"{page.rel}: 'Hablamos Español' (write 'español')"
        if page.lang == "en":
            markers = page.soup.body.find_all(string=re.compile("Hablamos español"))
            assert markers, f"{page.rel}: no 'Hablamos español'"
            for marker in markers:
                assert marker.find_parent(lang=True).get("lang") == "es", f"{page.rel}: 'Hablamos español' not marked lang=es"


def test_each_page_shows_its_draft_notice_or_its_review_date(pages):
    """A page is either `reviewed: pending` (the draft notice, and no review
    claim anywhere: RPC 7.1) or reviewed (the date, and no draft notice),
    never both and never neither, whatever today's review state is."""
    claims = re.compile(r"Last reviewed by an attorney|Revisado por última vez", re.I)
    checked = 0
    for page in pages.values():
        if page.rel.endswith("404.html"):
            continue
        draft = page.soup.select(".dl-draft[data-review=pending]")
        dated = page.soup.select(".dl-reviewed time[datetime]")
        assert len(draft) + len(dated) == 1, f"{page.rel}: {len(draft)} draft notices, {len(dated)} review dates"
        if draft:
            assert not page.soup.select(".dl-reviewed"), f"{page.rel}: a draft that claims a review"
            assert not page.soup.find(string=claims), f"{page.rel}: a draft that claims a review"
        else:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", dated[0]["datetime"]), f"{page.rel}: {dated[0]}"
            assert dated[0].get_text() == dated[0]["datetime"], f"{page.rel}: shown date is not the reviewed date"
        checked += 1
    assert checked >= 38  # 19 pages and posts per language today


def test_no_third_party_assets_in_html(pages):
    for page in pages.values():
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in page.soup.find_all(tag):
                url = el.get(attr) or ""
                if tag == "link" and el.get("rel") in (["alternate"], ["canonical"]):
                    continue
                assert not url.startswith(("http://", "https://", "//")), f"{page.rel}: {tag} loads {url}"


def test_statute_links_point_to_ncleg(pages):
    count = 0
    for page in pages.values():
        for a in page.soup.select("article a[href]"):
            if "G.S." in a.get_text():
                count += 1
                assert a["href"].startswith("https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/"), (
                    f"{page.rel}: citation '{a.get_text()}' links to {a['href']}"
                )
    assert count >= 20, f"only {count} statute links on the whole site"


def test_site_links_stay_in_the_page_language(pages):
    """Footer and hero links lead to pages in the same language."""
    from posixpath import dirname, join, normpath

    for rel, page in pages.items():
        if rel.endswith("404.html"):
            continue
        for a in page.soup.select(".dl-compliance__links a, .dl-hero__actions a[href$='/']"):
            target = normpath(join(dirname("/" + rel), a["href"]))
            assert target.startswith("/es") == (page.lang == "es"), f"{rel}: {a['href']} -> {target}"
