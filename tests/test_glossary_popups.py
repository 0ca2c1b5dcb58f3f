"""Legal words explained where they stand: the pop-up's meaning is the
glossary page's own first paragraph (change the glossary, the pop-up
changes), a configured word with no glossary entry fails the build, and the
pop-up opens on tap and Enter, describes its word on focus, closes with
Escape, and prints as a note."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, copy_project, run_build

from sitebuild.glossary import entries, load, plain

TERMS = ("conviction", "conditional-discharge", "deferred-prosecution", "probation",
         "expunction", "dismissal", "plea")


def test_every_configured_word_has_an_entry_in_both_glossaries():
    g = load(ROOT)
    for lang in ("en", "es"):
        assert set(TERMS) <= set(g.entries[lang])
        for t in TERMS:
            assert len(g.entries[lang][t].meaning.split()) >= 5


def test_meaning_is_the_first_paragraph_as_plain_text():
    en = entries(ROOT / "docs" / "glossary.md", "docs/glossary.md")
    assert en["deferred-prosecution"].meaning.startswith("A written deal with the prosecutor")
    assert "G.S. 15A-1341" in en["deferred-prosecution"].meaning and "](" not in en["deferred-prosecution"].meaning
    assert plain("[*condena*{lang=es}] and **bold** [x](gs:1-1)") == "[condena] and bold x"


def popups(soup):
    return [(b.get_text(), soup.find(id=b["popovertarget"])) for b in soup.select("button.dl-term")]


def test_first_use_only_and_links_to_the_entry(pages):
    for rel in ("what-is-diversion/index.html", "es/what-is-diversion/index.html", "benefits/index.html"):
        soup = pages[rel].soup
        found = popups(soup)
        assert found, rel
        ids = [pop.select_one("a.dl-term__more")["href"].split("#")[1] for _, pop in found]
        assert len(ids) == len(set(ids)), f"{rel}: one pop-up per word"
        for button, (_, pop) in zip(soup.select("button.dl-term"), found):
            assert pop.has_attr("popover")
            assert soup.find(id=button["aria-describedby"]).get_text(strip=True)
            assert not button.find_parent(["a", "h1", "h2", "h3", "figure"])
    assert not pages["glossary/index.html"].soup.select("button.dl-term")


def test_the_popup_follows_the_glossary(tmp_path):
    project = copy_project(tmp_path / "p")
    gloss = project / "docs" / "glossary.md"
    text = gloss.read_text(encoding="utf-8")
    old = "A final ruling that you are guilty of a crime."
    assert old in text
    gloss.write_text(text.replace(old, "Zebra words changed in the glossary only."), encoding="utf-8")
    out = tmp_path / "out"
    result = run_build(project, out)
    assert result.returncode == 0, result.stderr[-2000:]
    html = (out / "benefits" / "index.html").read_text(encoding="utf-8")
    assert "Zebra words changed in the glossary only." in html
    assert old not in html.split('class="md-content"')[1].split("</article>")[0]


def test_a_word_with_no_glossary_entry_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "data" / "glossary.yml"
    data.write_text(data.read_text(encoding="utf-8") + "  bail: {en: [bail], es: [fianza]}\n", encoding="utf-8")
    line = len(data.read_text(encoding="utf-8").splitlines())
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"data/glossary.yml:{line}: terms: 'bail' has no entry in docs/glossary.md" in result.stderr, result.stderr[-1500:]


def test_an_entry_removed_from_the_spanish_glossary_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    gloss = project / "docs" / "glossary.es.md"
    gloss.write_text(gloss.read_text(encoding="utf-8").replace(" { #expunction }", ""), encoding="utf-8")
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(r"data/glossary\.yml:\d+: terms: 'expunction' has no entry in docs/glossary\.es\.md", result.stderr)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/benefits/", "/es/benefits/"])
def test_popup_opens_on_tap_and_enter(page, server, path):
    page.goto(server + path)
    button = page.locator("button.dl-term").first
    pop_id = button.get_attribute("popovertarget")
    pop = page.locator(f"#{pop_id}")
    assert not pop.is_visible()
    button.click()
    assert pop.is_visible()
    box = pop.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.keyboard.press("Escape")
    assert not pop.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert pop.is_visible()
    page.keyboard.press("Escape")
    assert not pop.is_visible()
    # on focus, a screen reader hears the meaning: it describes the button
    button.focus()
    snapshot = page.evaluate("""() => { const b = document.activeElement;
        return document.getElementById(b.getAttribute('aria-describedby')).textContent; }""")
    assert len(snapshot.split()) >= 5


@pytest.mark.browser
def test_meaning_prints_as_a_note(page, server):
    page.goto(server + "/benefits/")
    page.emulate_media(media="print")
    pop = page.locator("span.dl-term__pop").first
    assert pop.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('span.dl-term__pop')).position") == "static"
    assert not page.locator("span.dl-term__pop .dl-term__close").first.is_visible()
