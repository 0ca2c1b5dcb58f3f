"""Checklists to print: three pages in both languages, each with boxes to
tick, the firm's phone at the end, a blank court-date line where the issue
asks for it, and each printing on ONE Letter page in Chromium."""

from __future__ import annotations

import re

import pytest

CHECKLISTS = ("court", "lawyer-meeting", "questions")
PAGES = [f"{lang}checklists/{c}/index.html" for lang in ("", "es/") for c in CHECKLISTS]


@pytest.mark.parametrize("rel", PAGES)
def test_checklist_has_items_and_ends_with_the_firm(pages, rel):
    soup = pages[rel].soup
    box = soup.select_one(".md-content .dl-checklist")
    assert box and len(box.select("ul > li")) >= 8
    body = soup.select_one(".md-content article")
    tel = body.select('a[href^="tel:"]')
    assert tel, "the firm's phone"
    last_heading = body.find_all("h2")[-1]
    assert tel[-1] in last_heading.find_all_next("a"), "the contact comes at the end"


@pytest.mark.parametrize("rel", [p for p in PAGES if "court" in p or "questions" in p])
def test_court_date_line_to_fill_in(pages, rel):
    soup = pages[rel].soup
    blank = soup.select_one(".dl-checklist .dl-blank")
    assert blank is not None
    label = blank.find_previous("strong").get_text()
    assert re.search(r"court date|fecha de corte", label, re.I)


def test_checklists_are_in_the_menu_in_both_languages(pages):
    for lang in ("", "es/"):
        nav = pages[f"{lang}index.html"].soup.select(".md-nav a[href]")
        hrefs = [a["href"] for a in nav]
        for c in CHECKLISTS:
            assert any(h.rstrip("/").endswith(f"checklists/{c}") for h in hrefs), (lang, c, hrefs[:5])


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.browser
def test_each_checklist_prints_on_one_page(browser, server):
    ctx = browser.new_context()
    page = ctx.new_page()
    counts = {}
    for rel in PAGES:
        page.goto(server + "/" + rel.removesuffix("index.html"))
        counts[rel] = pdf_pages(page.pdf(format="Letter"))
    # the counter itself counts: a long page prints on more than one sheet
    page.goto(server + "/during-and-after/")
    assert pdf_pages(page.pdf(format="Letter")) > 1
    ctx.close()
    assert all(n == 1 for n in counts.values()), counts
