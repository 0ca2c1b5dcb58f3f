"""Content is text, never markup: a fixture project whose every field holds
quotes, ampersands and angle brackets builds, and in Chromium (under the
site's own headers) each value reads back exactly as written, with no
element or attribute created from it. The script injections themselves are
refused by the build (tests/test_faults.py, "markup that could run")."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SITE_DATA, copy_project, run_build

from sitebuild.data import load_firm

V = "Q \"dq\" 'sq' <b>bold</b> & AT&T <i"
FIX = Path(__file__).parent / "fixtures" / "faults"
POST = "docs/updates/2026-11-03-second-chance-act"
SITE_NAME = "NC Drug Diversion Help"


def yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def set_line(path: Path, start: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(i for i, l in enumerate(lines) if l.startswith(start))
    lines[i] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "p")
    for page in FIX.glob("legal-fault*.md"):
        shutil.copy(page, project / "docs" / page.name)
    en, es = project / "docs" / "legal-fault.md", project / "docs" / "legal-fault.es.md"
    set_line(en, "title:", f"title: {yaml_str(V)}")
    set_line(en, "description:", f"description: {yaml_str(V)}")
    set_line(es, "description:", f"description: {yaml_str(V + ' es')}")
    post = project / f"{POST}.md"
    set_line(post, "title:", f"title: {yaml_str(V)}")
    set_line(post, "description:", f"description: {yaml_str(V + ' post')}")
    set_line(post, "category:", f"category: {yaml_str(V)}")
    set_line(project / "data" / "firm.yml", "name:", f"name: {yaml_str(V)}")
    set_line(project / "data" / "strings.yml", "call_now:", f"call_now: {{en: {yaml_str(V)}, es: Llame ahora}}")
    quiz = project / "data" / "quiz.yml"
    text = quiz.read_text(encoding="utf-8")
    at = text.index("    title:\n      en: ", text.index("\noutcomes:\n"))  # the first outcome's title
    start = at + len("    title:\n")
    end = text.index("\n", start)
    quiz.write_text(text[:start] + f"      en: {yaml_str(V)}" + text[end:], encoding="utf-8")
    out = root / "site"
    result = run_build(project, out)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def hostile_server(hostile_site: Path) -> Iterator[str]:
    from tools.serve import serve

    with serve(hostile_site) as base:
        yield base


def texts(page, selector: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(
        selector, "els => els.map(e => ({text: e.textContent, children: e.children.length,"
                  " attrs: e.getAttributeNames(), content: e.getAttribute('content')}))")


def test_page_fields_read_back_as_text(page, hostile_server: str) -> None:
    page.goto(hostile_server + "/legal-fault/")
    assert page.title() == f"{V} - {SITE_NAME} · A website of {V}"  # the firm's name (RPC 7.5) is V too
    [h1] = texts(page, "article h1")
    assert h1["text"] == V and h1["children"] == 0
    for selector in ('meta[name="description"]', 'meta[property="og:description"]',
                     'meta[name="twitter:description"]'):
        [meta] = texts(page, selector)
        assert meta["content"] == V, selector
        assert sorted(meta["attrs"]) in (["content", "name"], ["content", "property"]), meta["attrs"]
    for selector in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        assert texts(page, selector)[0]["content"] == V, selector
    # Firm facts and interface strings, in the footer and the call bar.
    [firm] = texts(page, ".dl-compliance strong:not([data-notice])")
    assert firm["text"] == V and firm["children"] == 0
    [call] = texts(page, ".dl-callbar__long")
    assert call["text"].strip() == f"{V} · {load_firm(SITE_DATA / 'firm.yml')['phone']}"
    # JSON-LD carries the same text, as JSON.
    blocks = [json.loads(b) for b in page.eval_on_selector_all(
        'script[type="application/ld+json"]', "els => els.map(e => e.textContent)")]
    assert {b.get("name") for b in blocks if b.get("@type") == "LegalService"} == {V}
    crumbs = [b for b in blocks if b.get("@type") == "BreadcrumbList"][0]["itemListElement"]
    assert crumbs[-1]["name"] == V
    assert page.evaluate("document.querySelectorAll('b, i:not(.md-icon)').length") == 0


def test_post_listing_quiz_feed_and_vcard(page, hostile_server: str, hostile_site: Path) -> None:
    page.goto(hostile_server + "/updates/2026-11-03-second-chance-act/")
    [h1] = texts(page, "article h1")
    assert h1["text"] == V and h1["children"] == 0
    [category] = texts(page, ".dl-post__category")
    assert category["text"].split(": ", 1)[1].strip() == V
    page.goto(hostile_server + "/updates/")
    titles = [t["text"] for t in texts(page, ".dl-updates__title a")]
    assert V in titles
    assert any(t["text"] == V + " post" for t in texts(page, ".dl-updates__summary"))
    page.goto(hostile_server + "/quiz/")
    criteria = [t["text"] for t in texts(page, "[data-criteria] strong")]
    assert V + "." in criteria
    data = page.evaluate("window.dlQuizData")
    assert V in [o["title"] for o in data["outcomes"]]
    assert page.evaluate("document.querySelectorAll('b').length") == 0
    feed = ET.parse(hostile_site / "updates" / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert V in [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    vcard = (hostile_site / "contact" / "firm.vcf").read_bytes().decode("utf-8")
    assert f"FN:{V}\r\n" in vcard.replace("\r\n ", "")
