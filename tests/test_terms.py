"""The site's words (data/terms.yml): the build refuses the words to avoid,
naming file, line and the word to write, and marks English terms in Spanish
pages lang="en" (sitebuild/terms.py, hooks/terms.py)."""

from __future__ import annotations

import dataclasses
import random
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment
from conftest import ROOT, copy_project, run_build

from sitebuild.terms import (
    TermsError,
    _head,  # noqa: PLC2701 (what the marking prefilter skips)
    _needs_marking,  # noqa: PLC2701
    _normalize,  # noqa: PLC2701 (the index behind every line number)
    apply_exceptions,
    check_data_file,
    check_mkdocs_yml,
    check_project,
    check_text,
    load_terms,
    mark_embedded,
)

FIXTURES = Path(__file__).parent / "fixtures" / "terms"
TERMS = load_terms(ROOT / "data" / "terms.yml")

# The documented message format: FILE:LINE: "<found>" — write "<preferred>" (<reason>)
EXPECTED = ('docs/bad-words.es.md:9: "período de prueba" — write "probation (libertad a prueba)" '
            "('prueba' already means drug test on these pages)")


def messages(text: str, lang: str = "es", file: str = "docs/x.es.md", **kw) -> list[str]:
    return [str(v) for v in check_text(TERMS, text, lang, file, **kw)]


def found(text: str, lang: str = "es", **kw) -> list[str]:
    return [v.found for v in check_text(TERMS, text, lang, "docs/x.es.md", **kw)]


# --------------------------------------------------------------------------- the build

def test_fixture_page_with_a_word_to_avoid_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    for page in FIXTURES.glob("*.md"):
        shutil.copy(page, project / "docs" / page.name)
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0, "the build passed with a word to avoid"
    assert EXPECTED in result.stderr, result.stderr[-3000:]


def test_project_uses_only_allowed_words():
    """Same check as the build, listed here in full (pytest -k allowed_words)."""
    problems = check_project(ROOT)
    assert not problems, f"{len(problems)} word(s) to change:\n" + "\n".join(map(str, problems))


# --------------------------------------------------------------------------- the checker

def test_message_names_file_line_word_and_reason():
    text = "Primera línea.\nSegunda línea con el período\nde prueba partido.\n"
    assert messages(text) == [
        'docs/x.es.md:2: "período de prueba" — write "probation (libertad a prueba)" '
        "('prueba' already means drug test on these pages)"
    ]


def test_matching_ignores_case_and_keeps_specific_entries_first():
    assert found("Período De Prueba.") == ["Período De Prueba"]  # reported once, not also as "prueba"
    assert found("No hay fallo de culpa.") == ["fallo de culpa"]


def test_bare_diversion_is_refused_but_not_after_programa():
    assert found("La desviación ayuda.") == ["desviación"]
    assert found("Un programa de desviación ayuda. Los programas de\n*desvío* también.") == []
    assert found("Es una diversión.") == ["diversión"]


def test_court_is_la_corte_even_in_court_names():
    assert found("Vaya al tribunal.") == ["tribunal"]
    assert messages("El Tribunal Superior y el tribunal de distrito.") == [
        'docs/x.es.md:1: "Tribunal Superior" — write "la corte superior (*Superior Court*)" '
        "(one name for each court, the everyday word 'corte'; court papers are in English)",
        'docs/x.es.md:1: "tribunal de distrito" — write "la corte de distrito (*District Court*)" '
        "(one name for each court, the everyday word 'corte'; court papers are in English)",
    ]
    assert found("La corte superior (*Superior Court*{ lang=en }).") == []


def test_what_readers_do_not_see_is_not_checked():
    text = ("Vea [esta página](what-is-diversion.md \"desviación\") y {{ firm.phone }}.\n"
            "## Título { #desviacion }\n<a href=\"registro.html\">aquí</a> `registro`\n"
            "<!-- período de prueba -->\n")
    assert found(text) == []


def test_hablamos_espanol_is_case_sensitive_and_checked_in_english_too():
    assert found("Hablamos Español.", lang="en") == ["Hablamos Español"]
    assert found("Hablamos español.", lang="en") == []
    assert found("Hablamos Español.") == ["Hablamos Español"]
    assert found("The tribunal and the desviación.", lang="en") == []  # Spanish-only entries


def test_english_terms_allowed_in_pages_refused_in_data_strings():
    assert found("Usted queda en probation.") == []
    assert messages("Usted queda en probation.", data_string=True) == [
        'docs/x.es.md:1: "probation" — write "libertad a prueba" '
        '(English term in a Spanish data string: write it *like this* so it is marked lang="en", or in Spanish)'
    ]


def test_data_files_report_the_line_of_each_es_value(tmp_path):
    data = tmp_path / "strings.yml"
    data.write_text(
        "a: {en: Court, es: Corte}\n"
        "b:\n"
        "  en: The tribunal\n"
        "  es: >-\n"
        "    Una línea bien y\n"
        "    otra con el tribunal.\n"
        "c: {en: x, es: \"Hablamos Español\"}\n",
        encoding="utf-8",
    )
    got = [(v.line, v.found) for v in check_data_file(TERMS, data, "data/strings.yml")]
    assert got == [(6, "tribunal"), (7, "Hablamos Español")]


def test_mkdocs_yml_spanish_site_name_and_menu(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Help\nsite_url: !ENV [SITE_URL, 'http://x/']\nplugins:\n  - search\n  - i18n:\n"
        "      languages:\n        - locale: en\n          site_name: Help\n"
        "        - locale: es\n          site_name: Ayuda con la Desviación\n"
        "          nav_translations:\n            Home: Inicio\n            Diversion: Desviación\n",
        encoding="utf-8",
    )
    got = [(v.line, v.found) for v in check_mkdocs_yml(TERMS, config)]
    assert got == [(10, "Desviación"), (13, "Desviación")]


def test_exceptions_allow_a_word_on_one_page_only():
    text = "Sobreseimiento condicional: el nombre formal."
    glossary = check_text(TERMS, text, "es", "docs/glossary.es.md")
    other = check_text(TERMS, text, "es", "docs/faq.es.md")
    assert glossary and other
    assert apply_exceptions(TERMS, glossary) == []
    assert apply_exceptions(TERMS, other) == other


def test_terms_file_errors_name_the_entry(tmp_path):
    bad = tmp_path / "terms.yml"
    bad.write_text("concepts: []\navoid:\n  - {id: x, words: [y], concept: nope, reason: r}\n", encoding="utf-8")
    with pytest.raises(TermsError) as err:
        load_terms(bad)
    assert str(err.value) == ("data/terms.yml:3: avoid[x]: 'concept' names unknown concept 'nope'. "
                              "Hint: use the id of an entry under concepts:, or write: the words to write")


# --------------------------------------------------------------------------- lang="en"

def test_marking_wraps_bare_terms_and_leaves_the_rest():
    html = (
        '<html lang="es"><head><title>probation</title><script>var probation=1;</script></head>'
        '<body><p title="probation">Queda en probation y en\nconditional discharge.</p>'
        '<p><em lang="en">probation</em> <code>probation</code> '
        '<a href="https://example.org/probation">su oficial de probation</a></p>'
        '<p lang="en">It is <span lang="es">la green card</span>.</p></body></html>'
    )
    out = mark_embedded(html, TERMS, "es")
    assert out == (
        '<html lang="es"><head><title>probation</title><script>var probation=1;</script></head>'
        '<body><p title="probation">Queda en <span lang="en">probation</span> y en\n'
        '<span lang="en">conditional discharge</span>.</p>'
        '<p><em lang="en">probation</em> <code>probation</code> '
        '<a href="https://example.org/probation">su oficial de <span lang="en">probation</span></a></p>'
        '<p lang="en">It is <span lang="es">la <span lang="en">green card</span></span>.</p></body></html>'
    )
    assert mark_embedded(out, TERMS, "es") == out  # idempotent


def test_marking_spanish_on_english_pages():
    out = mark_embedded("<p>Call us. Hablamos español.</p>", TERMS, "en")
    assert out == '<p>Call us. <span lang="es">Hablamos español</span>.</p>'


SKIP = {"script", "style", "code", "pre", "title", "head", "option", "textarea", "template", "svg"}


def unmarked(soup: BeautifulSoup, pattern: re.Pattern[str], mark: str) -> tuple[int, list[str]]:
    """(terms seen, those not inside an element with lang=`mark`)."""
    seen, bad = 0, []
    for text in soup.find_all(string=pattern):
        if isinstance(text, Comment) or any(p.name in SKIP for p in text.parents):
            continue
        for m in pattern.finditer(text):
            seen += 1
            holder = text.find_parent(lang=True)
            if holder is None or not holder["lang"].lower().startswith(mark):
                bad.append(m.group(0))
    return seen, bad


def test_every_english_term_in_a_spanish_page_is_marked(pages):
    embedded = TERMS.embedded["es"]
    total, problems = 0, []
    for page in pages.values():
        if page.lang != "es":
            continue
        seen, bad = unmarked(page.soup, embedded.pattern, embedded.mark)
        total += seen
        problems += [f"{page.rel}: {term!r}" for term in bad]
    assert total >= 10, f"only {total} English terms found in Spanish pages: is the list right?"
    assert not problems, "not marked lang=en:\n" + "\n".join(problems)


def _no_prefilter(terms):  # type: ignore[no-untyped-def]
    return dataclasses.replace(terms, embedded={
        lang: dataclasses.replace(e, needles=None) for lang, e in terms.embedded.items()})


@pytest.mark.parametrize("text", [
    "Ask about probation.", "Ask about PROBATION and a Conditional   Discharge.",
    "Ask about probatıon.",  # dotless i: the regex may take it for an i, so the prefilter lets it through
    "Pregunte por la *probation* y el district attorney.", "Nada en inglés aquí: ñandú.",
    "<p lang=\"en\">probation</p><p>ſecond chance act</p>",
    '<a href="/probation/" title="probation">x</a>', "a < probation", "<!-- probation --> ok",
    '<p lang="en"><b>probation</b></p>', '<p lang="en-US">probation</p>', '<p lang="fr">probation</p>',
    '<br lang="en">probation', "<script>var probation = 1;</script>",
    "Días y más días — “€” antes de la probation.",  # non-ASCII before the term: the bytes' offsets differ
    "\u0130 probation", "\u212a bond y probation", "ÀÉÎÕÜ PROBATION",
])
def test_the_prefilter_never_changes_what_is_marked(text):
    """Embedded.needles only skips texts that cannot match: the result is the
    same as searching every text with the case-blind pattern."""
    html = f"<html lang=\"es\"><body><div>{text}</div></body></html>"
    assert mark_embedded(html, TERMS, "es") == mark_embedded(html, _no_prefilter(TERMS), "es")
    english = html.replace("probation", "Hablamos español").replace('lang="en', 'lang="es')
    assert mark_embedded(english, TERMS, "en") == mark_embedded(english, _no_prefilter(TERMS), "en")


HEAD = ('<head><meta name="description" content="programa de diversion"><title>probation</title>'
        '<script type="application/ld+json">{"name": "Attorney at Law", "url": "https://diversion.example.org/"}'
        '</script></head>')


@pytest.mark.parametrize("page", [
    f'<!doctype html><html lang="es">{HEAD}<body><p>Nada aquí.</p></body></html>',
    f'<!doctype html><html lang="es">{HEAD}<body><p>Pregunte por la probation.</p></body></html>',
    f'<!DOCTYPE html>\n<!-- c --><html lang="es">\n  <HEAD lang="x">{HEAD[6:]}<body>drug court</body></html>',
    f'<html lang="es">texto probation {HEAD}<body>nada</body></html>',  # text before <head>: no skip
    f'<!-- <head> --> probation <html>{HEAD}<body>nada</body></html>',  # a <head> in a comment
    f'<html><p>probation</p>{HEAD}<body>nada</body></html>',  # an element before <head>
    '<html><head><script>"</head>"</script><title>x</title></head><body>probation</body></html>',
    '<html><head><script>"</head> probation"</script></head><body>nada</body></html>',
    '<html><head><title>probation</title><body>no end of head</body></html>',
    '<html><headline>probation</headline><body>nada</body></html>',
    f'<html>{HEAD}<body><p>Días, más días: la probation.</p></body></html>',
])
def test_the_head_skip_never_changes_what_is_marked(page):
    """_needs_marking skips the <head> (never marked: _SKIP) only when the
    walk is sure to see that <head>: same result as searching everything."""
    assert mark_embedded(page, TERMS, "es") == mark_embedded(page, _no_prefilter(TERMS), "es")


def test_terms_only_in_the_head_need_no_walk():
    """Every built page's <head> names the site and the firm (JSON-LD, meta,
    feed title): those alone must not send a page through the whole walk."""
    page = f'<!doctype html><html lang="es">{HEAD}<body><p>Nada aquí.</p></body></html>'
    assert _head(page) == (page.index("<head>") + 6, page.index("</head>"))
    assert not _needs_marking(page, TERMS.embedded["es"])
    assert _needs_marking(page.replace("Nada", "La probation"), TERMS.embedded["es"])


def test_the_prefilter_changes_no_built_page(pages):
    slow = _no_prefilter(TERMS)
    for rel, page in pages.items():
        html = str(page.soup)
        assert mark_embedded(html, TERMS, page.lang) == mark_embedded(html, slow, page.lang), rel


def test_collapsed_text_maps_each_character_back_to_its_line():
    """_normalize keeps only the runs that collapse; every position of the
    collapsed text maps where a per-character list would (the line numbers
    of every violation come from it)."""
    def per_character(text: str) -> list[int]:
        index, pos = [], 0
        for m in re.finditer(r"\s+", text):
            index.extend(range(pos, m.start()))
            index.append(m.start())
            pos = m.end()
        return index + list(range(pos, len(text)))

    rng = random.Random(19)
    for _ in range(3000):
        text = "".join(rng.choice("ab \n\t\u00a0\r") for _ in range(rng.randint(0, 40)))
        norm, index = _normalize(text)
        assert norm == re.sub(r"\s+", " ", text)
        assert [index[i] for i in range(len(norm))] == per_character(text), repr(text)
    # ...and a violation after a blank line is reported on its own line.
    found = check_text(TERMS, "Uno.\n\n   \n  Un período de\n prueba.", "es", "docs/x.es.md", first_line=5)
    assert found and found[0].line == 8, found
