"""`make review-sheet`: one printable page for the attorney that lists every
page and update (both languages), every open question in data/review.yml and
every quiz rule (scripts/review_sheet.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT, content_pages

from scripts.review_sheet import page_key, render
from sitebuild.quiz import load as load_quiz
from sitebuild.review import ReviewDataError, load_items, open_items

# The frozen review items (tests/fixtures/data/review.yml: open ones among
# them), so the sheet's checkboxes are tested on launch day too, when the
# firm's own data/review.yml has none left open.
ITEMS = open_items(FIXTURE_DATA / "review.yml", ROOT / "docs")


@pytest.fixture(scope="module")
def sheet(site_dir) -> BeautifulSoup:
    return BeautifulSoup(render(site_dir, items=ITEMS), "lxml")


def test_the_sheet_lists_every_page_and_update(site_dir, sheet):
    sections = {h2["id"] for h2 in sheet.select("h2[id]")}
    built = {page_key(p.relative_to(site_dir).as_posix()) for p in content_pages(site_dir)
             if p.name == "index.html" and "/page/" not in p.as_posix() and "admin" not in p.parts}
    assert built <= sections, built - sections
    for key in built:
        assert (ROOT / "docs" / key).is_file(), key
    assert len(built) >= 19


def test_every_open_item_has_a_checkbox_where_it_belongs(sheet):
    assert ITEMS, "the fixture has no open item: then this test has nothing to prove"
    for item in ITEMS:
        found = sheet.find_all("strong", string=item["id"])
        assert found, item["id"]
        for page in item["pages"]:
            section = sheet.find("h2", id=page)
            assert section is not None, (item["id"], page)
        assert all(s.find_previous("input", type="checkbox") for s in found)


def test_cited_statements_carry_their_statute_links(sheet):
    faq = sheet.find("h2", id="faq.md").find_next("div", class_="cols")
    en, es = faq.find_all("div", recursive=False)
    for col in (en, es):
        urls = [u.get_text() for u in col.select(".url")]
        assert urls and all("ncleg.gov" in u for u in urls)
        assert any("G.S. 90-96" in u for u in urls)


def test_every_quiz_rule_is_in_the_table(sheet):
    table = sheet.find("h2", id="quiz").find_next("table")
    ids = [tr.find("td").get_text() for tr in table.select("tbody tr")]
    assert ids == [r["id"] for r in load_quiz()["rules"]]


def test_values_are_escaped(site_dir):
    items = [{"id": "x<b>", "pages": ["site"], "question": 'Is "a" & <b> shown as text?', "closed": False}]
    soup = BeautifulSoup(render(site_dir, items=items), "lxml")
    assert soup.find("strong", string="x<b>") is not None
    assert 'Is "a" & <b> shown as text?' in soup.get_text()
    assert soup.select("li.item b") == []


@pytest.mark.parametrize("text, message", [
    ("items: 3\n", r"^data/review.yml:1: 'items' must be a list, got 3"),
    ("items:\n  - {id: a, pages: [nope.md], question: Q, closed: false}\n", r"^data/review.yml:2: no page docs/nope.md\. Hint"),
    ("items:\n  - {id: a, pages: [faq.md], question: Q, closed: soon}\n", r"^data/review.yml:2: items\[a\]: 'closed' must be false or a date"),
    ("items:\n  - {id: a, pages: [faq.md], closed: false}\n", r"^data/review.yml:2: items\[a\]: missing 'question'"),
    ("items:\n  - {id: a, pages: [faq.md], question: Q}\n  - {id: a, pages: [faq.md], question: Q}\n",
     r"^data/review.yml:3: duplicate id 'a'"),
])
def test_bad_review_data_is_named(tmp_path, text, message):
    path = tmp_path / "review.yml"
    path.write_text(text)
    with pytest.raises(ReviewDataError, match=message):
        load_items(path, ROOT / "docs")


def test_a_closed_item_is_not_open(tmp_path):
    path = tmp_path / "review.yml"
    path.write_text("items:\n  - {id: a, pages: [faq.md], question: Q, closed: 2026-12-01}\n"
                    "  - {id: b, pages: [quiz], question: Q, closed: false}\n")
    assert [i["id"] for i in open_items(path, ROOT / "docs")] == ["b"]
    assert load_items(path, ROOT / "docs")[0]["closed"] == dt.date(2026, 12, 1)
