"""Spanish one tap away (built pages): every page links to its twin in the
other language with a text label, in the header switch and, on English
pages, in the top bar ("Hablamos español · Leer en español"). The browser
check that the link is on the first phone screen is in test_a11y_focus.py."""

from __future__ import annotations

from posixpath import dirname, join, normpath

from conftest import SITE_DATA

from sitebuild.data import load_firm, load_strings

STRINGS = load_strings(SITE_DATA / "strings.yml")
FIRM = load_firm(SITE_DATA / "firm.yml")


def resolve(rel: str, href: str) -> str:
    return normpath(join(dirname("/" + rel), href)).rstrip("/") + "/"


def twin(rel: str, lang: str) -> str:
    path = "/" + rel.removesuffix("index.html")
    return path[3:] if lang == "es" else "/es" + path


def test_header_switch_is_a_labelled_link_to_the_twin(pages):
    for rel, pg in pages.items():
        if rel.endswith("404.html"):
            continue
        other = "es" if pg.lang == "en" else "en"
        [switch] = pg.soup.select("a[data-lang-switch]")
        assert switch["hreflang"] == other and switch["lang"] == other
        assert switch.get_text(strip=True) == ("Español" if other == "es" else "English"), rel
        assert resolve(rel, switch["href"]) == twin(rel, pg.lang), rel
        assert not pg.soup.select(".md-select__inner"), f"{rel}: the old dropdown is back"


def test_english_top_bar_links_to_the_spanish_twin(pages):
    for rel, pg in pages.items():
        bar = pg.soup.select_one(".dl-topbar")
        link = bar.select_one("a[data-lang-twin]")
        if pg.lang == "es":
            assert link is None
            continue
        assert link["lang"] == "es" and link["hreflang"] == "es"
        text = link.get_text(" ", strip=True)
        assert STRINGS["en"]["language_switch"] in text  # "Leer en español": always true
        if not rel.endswith("404.html"):
            assert resolve(rel, link["href"]) == twin(rel, "en"), rel


def test_404_pages_switch_to_the_other_home(pages):
    for rel, other_home in (("404.html", "/es/"), ("es/404.html", "/")):
        switch = pages[rel].soup.select_one("a[data-lang-switch]")
        assert switch["href"].endswith(other_home), switch["href"]


def test_every_page_says_whose_website_it_is(pages):
    """NC RPC 7.5: the site name must not read like a public help line."""
    for rel, pg in pages.items():
        owner = STRINGS[pg.lang]["website_of"].replace("{firm}", FIRM["name"])
        brand = pg.soup.select_one("header .dl-brand")
        assert brand is not None, f"{rel}: no name block in the header"
        assert brand.select_one("[data-site-owner]").get_text(strip=True) == owner, rel
        assert STRINGS[pg.lang]["site_name_short"] in brand.get_text(" ")
        assert pg.soup.title.get_text().endswith(owner), f"{rel}: <title> {pg.soup.title.get_text()!r}"
