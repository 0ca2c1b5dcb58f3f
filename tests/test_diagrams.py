"""Diagrams (data/diagrams.yml -> <figure data-diagram>): both languages
carry the same diagrams with real words, the data file's mistakes fail with
its line, pages with a diagram do not overflow from 320 px up (axe on
them: tests/test_browser.py, with every page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, run_build

from sitebuild.diagrams import MARKER, load, render
from sitebuild.errors import ContentError

DATA = ROOT / "data" / "diagrams.yml"
STRINGS = {"en": {}, "es": {}}


def marked_pages() -> dict[str, list[str]]:
    """English page (built path) -> the diagram ids its Markdown places."""
    out = {}
    for md in sorted((ROOT / "docs").rglob("*.md")):
        if md.name.endswith(".es.md") or "maintainers" in md.parts:
            continue
        ids = MARKER.findall(md.read_text(encoding="utf-8"))
        if ids:
            rel = md.relative_to(ROOT / "docs").as_posix().removesuffix(".md")
            out[f"{rel}/index.html"] = ids
    return out


def test_at_least_five_diagrams_and_the_summons_are_placed():
    placed = {d for ids in marked_pages().values() for d in ids}
    data = load(DATA)
    assert len(placed) >= 6 and placed <= set(data.diagrams)
    assert "citation" in marked_pages()["first-steps/index.html"]


def test_every_diagram_is_on_both_twins_with_caption_and_words(pages):
    for rel, ids in marked_pages().items():
        for lang, page in ((("en", pages[rel]), ("es", pages["es/" + rel]))):
            figures = page.soup.select("figure[data-diagram]")
            assert [f["data-diagram"] for f in figures] == ids, (lang, rel)
            for fig in figures:
                caption = fig.find("figcaption")
                assert caption is not None and fig.contents and caption.get_text(strip=True), (lang, rel)
                words = fig.get_text(" ", strip=True).split()
                assert len(words) >= 20, (lang, rel, fig["data-diagram"])
                assert not fig.find("img"), "text, not a picture of text"
                for svg in fig.find_all("svg"):
                    assert svg.find_parent(attrs={"aria-hidden": "true"}), "icons are decoration"


def test_english_and_spanish_diagrams_have_the_same_shape(pages):
    def shape(fig):
        return [(li.parent.name, len(li.find_all("a"))) for li in fig.find_all("li")] + \
               [len(fig.select(".dl-diagram__col")), len(fig.select(".dl-diagram__note"))]
    for rel in marked_pages():
        en = pages[rel].soup.select("figure[data-diagram]")
        es = pages["es/" + rel].soup.select("figure[data-diagram]")
        assert [shape(f) for f in en] == [shape(f) for f in es], rel


def test_statute_links_in_diagrams_reach_the_general_assembly(pages):
    fig = pages["what-is-diversion/index.html"].soup.select_one('figure[data-diagram="path-90-96"]')
    hrefs = [a["href"] for a in fig.find_all("a")]
    assert "https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/Chapter_90/GS_90-96.html" in hrefs


def test_text_is_escaped(tmp_path):
    data = load(DATA)
    d = data.diagrams["record-after"]
    d = {**d, "caption": {"en": "<b>x</b> & [G.S. 15A-146](gs:15A-146)", "es": "<b>x</b> [G.S. 15A-146](gs:15A-146)"}}
    html = render("record-after", d, "en", {}, ROOT / "overrides" / "partials")
    assert "&lt;b&gt;x&lt;/b&gt; &amp; <a href=\"https://www.ncleg.gov/" in html


def bad_copy(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "diagrams.yml"
    text = DATA.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in l)


@pytest.mark.parametrize("old, new, problem", [
    ('title: {en: A charge, es: Un cargo}', 'title: {en: A charge}', "'title' has no 'es' translation"),
    ('title: {en: Bond, es: Fianza}', 'title: {en: Bond, es: Fianza, fr: Caution}', "unknown field 'fr'"),
    ('icon: eraser', 'icon: no-such-icon-here', "'icon' is not a Material icon, got 'no-such-icon-here'"),
    ('icon: gavel', 'ikon: gavel', "unknown field 'ikon'"),
    ("es: \"Reglas de la corte por un tiempo de hasta dos años.\"",
     "es: \"Reglas de la corte ([G.S. 15A-1343](gs:15A-1343)).\"", "'text' cites different statutes"),
    ('  now: alert-circle-outline', '  now: alert-circle-outlined', "home_icons: 'now' is not a Material icon"),
    ('  path-90-96:', '  Path_90_96:', "diagrams: the id 'Path_90_96' is not a short name"),
])
def test_a_mistake_in_the_data_names_its_line(tmp_path, old, new, problem):
    path = bad_copy(tmp_path, old, new)
    with pytest.raises(ContentError) as err:
        load(path)
    msg = str(err.value)
    assert problem in msg, msg
    m = re.match(r"data/diagrams\.yml:(\d+): ", msg)
    assert m, msg
    # the line of the bad value, or of the {en, es} pair that holds it
    assert 0 <= line_of(path, new) - int(m.group(1)) <= 2, msg


def test_unknown_or_unmatched_marker_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "jail.md"
    text = page.read_text(encoding="utf-8").splitlines()
    text.insert(9, "\n<!-- diagram: no-such-diagram -->\n")
    page.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(r"docs/jail\.md:1\d: unknown diagram 'no-such-diagram'", result.stderr), result.stderr[-2000:]


def test_a_marker_missing_from_the_twin_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "if-program-fails.es.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- diagram: program-fails -->", ""), encoding="utf-8")
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/if-program-fails.md: diagrams ['program-fails'] but its twin has []" in result.stderr, result.stderr[-2000:]


def test_home_page_icons_are_decoration_and_the_same_in_both_languages(pages):
    def icons(soup):
        return [(li.find("a")["href"], li.find("svg").find("path")["d"][:20])
                for li in soup.select("li") if li.find(class_="dl-icon")]
    en, es = icons(pages["index.html"].soup), icons(pages["es/index.html"].soup)
    assert len(en) >= 5 and en == es
    for soup in (pages["index.html"].soup, pages["es/index.html"].soup):
        assert soup.select_one(".dl-now h2 .dl-icon[aria-hidden=true] svg")
        assert all(s.find_parent(attrs={"aria-hidden": "true"}) for s in soup.select(".md-content svg"))


@pytest.mark.browser
def test_pages_with_diagrams_fit_a_phone(browser, server):
    """No diagram is wider than the screen, from 320 px up. Their axe check
    at 390 and 1280 px is test_browser.py's, which visits every page."""
    from browser_helpers import watch
    ctx = browser.new_context(service_workers="block")
    page = ctx.new_page()
    seen = watch(page)
    problems = []
    for rel in marked_pages():
        for prefix in ("", "es/"):
            url = server + "/" + prefix + rel.removesuffix("index.html")
            for width in (320, 390, 1280):
                seen.clear()
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(url, wait_until="load")
                wide = page.evaluate("""() => [...document.querySelectorAll('figure[data-diagram], figure[data-diagram] *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .map(e => e.className || e.tagName).slice(0, 3)""")
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if wide or scroll > width:
                    problems.append(f"{prefix}{rel} @{width}: overflows ({scroll}px) {wide}")
                if seen.errors or seen.foreign:
                    problems.append(f"{prefix}{rel} @{width}: console={seen.errors} foreign={seen.foreign}")
    ctx.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_diagrams_print_in_black_and_white(browser, server):
    ctx = browser.new_context(viewport={"width": 800, "height": 900})
    page = ctx.new_page()
    page.goto(server + "/what-is-diversion/")
    page.emulate_media(media="print")
    colours = page.evaluate("""() => [...document.querySelectorAll('.dl-diagram__step, .dl-diagram__note, .dl-diagram__title')]
        .map(e => { const s = getComputedStyle(e); return [s.color, s.borderTopColor, s.backgroundColor]; })""")
    ctx.close()
    allowed = {"rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"}
    assert colours and all(set(c) <= allowed for c in colours), [c for c in colours if not set(c) <= allowed][:3]
