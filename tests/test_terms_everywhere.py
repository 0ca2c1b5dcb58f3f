"""Every refused word is refused everywhere a Spanish reader can meet it: in a
page, in a post's front matter and in an `es:` string of every data file
(a file the checker has never seen included), each with the documented
message FILE:LINE: "<found>" — write "<preferred>" (<reason>). Also the
first-use glosses and the one markup a data string may carry, *probation*.

Most cases call the checker directly on a throw-away copy of docs/ and data/
(fast); two end-to-end builds prove the build wires it in."""

from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import ROOT, copy_project, run_build

from sitebuild.terms import (
    MARKED_EN,
    TermsError,
    Violation,
    check_first_use,
    check_project,
    check_text,
    data_files,
    load_terms,
    mark_embedded,
)

TERMS = load_terms(ROOT / "data" / "terms.yml")

# One phrase per refused entry of data/terms.yml: the text planted, as the
# checker reports it. A new entry without a sample fails
# test_every_refused_word_has_a_sample.
SAMPLES = {
    "diversion-promise": "un programa para evitar una condena",
    "plea-deal-acuerdo": "acuerdo con el fiscal",
    "signed-admission-declaracion": "firma una declaración",
    "diversion-fun": "diversión",
    "diversion-bare": "desvío",
    "sobreseimiento": "sobreseimiento",
    "procesamiento": "procesamiento diferido",
    "periodo-de-prueba": "período de prueba",
    "fallar-prueba": "falla una prueba de drogas",
    "prueba-bare": "prueba",
    "fallo-de-culpa": "fallo de culpa",
    "culpa": "culpa",
    "sentencia": "sentencia",
    "violacion": "violación",
    "tribunal-superior": "tribunal superior",
    "tribunal-distrito": "tribunal de distrito",
    "tribunal": "tribunal",
    "cita-en-la-corte": "cita en la corte",
    "tarifa": "tarifa",
    "peticion": "petición",
    "simple-posesion": "simple posesión",
    "torpeza-moral": "torpeza moral",
    "busqueda": "búsqueda",
    "registro": "registro",
    "historial": "historial",
    "residencia-bare": "residencia",
    "us-citizen": "ciudadano estadounidense",
    "us-citizen-masculine": "ciudadano de EE. UU.",
    "us-citizenship": "ciudadanía americana",
    "hablamos-espanol": "Hablamos Español",
    "pulse": "pulse",
    "romper-reglas": "rompe las reglas",
    "une-el-caso": "une el caso con",
    "va-con-los-hechos": "va con los hechos",
    "hablelo-bien": "Háblelo bien",
    "vea-donde-esta": "Vea dónde está",
    "hace-al-bufete": "hace al bufete mi abogado",
}
FOUND = {"diversion-promise": "programa para evitar una condena"}  # where the report is shorter


def expected(rule_id: str, file: str, line: int) -> str:
    rule = next(r for r in TERMS.rules if r.id == rule_id)
    found = FOUND.get(rule_id, SAMPLES[rule_id])
    return f'{file}:{line}: "{found}" — write "{rule.write}" ({rule.reason})'


def sentence(rule_id: str) -> str:
    return f"Aquí va {SAMPLES[rule_id]} y nada más."


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[tuple[str, int], tuple[str, str]]]:
    """A copy of docs/, data/ and mkdocs.yml with every sample planted in a
    page, a post's front matter, every data file and two brand-new data files
    (one in a sub-folder, .yaml); -> (what the checker says, what it must say
    at each planted place)."""
    root = tmp_path_factory.mktemp("planted")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    ids = list(SAMPLES)
    want: dict[tuple[str, int], tuple[str, str]] = {}  # place -> (entry id, message)

    page = "docs/planted-words.es.md"
    lines = ["# Palabras { #palabras }", ""]
    for rid in ids:
        lines += [sentence(rid), ""]
        want[(page, len(lines) - 1)] = (rid, expected(rid, page, len(lines) - 1))
    (root / page).write_text("\n".join(lines), encoding="utf-8")

    post = "docs/updates/2026-12-01-planted-words.es.md"
    lines = ["---", 'title: "Noticia"']
    for n, rid in enumerate(ids):
        lines.append(f'k{n}: "{sentence(rid)}"')
        want[(post, len(lines))] = (rid, expected(rid, post, len(lines)))
    lines += ["---", "", "Texto.", ""]
    (root / post).write_text("\n".join(lines), encoding="utf-8")

    (root / "data" / "brand-new.yml").write_text("# a data file the checker has never seen\n", encoding="utf-8")
    (root / "data" / "extra").mkdir()
    (root / "data" / "extra" / "more.yaml").write_text("intro: {en: Hello}\n", encoding="utf-8")
    files = data_files(root)
    assert {"data/brand-new.yml", "data/extra/more.yaml", "data/local.yml", "data/costs.yml"} <= set(files)
    assert "data/terms.yml" not in files
    for rel in files:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert isinstance(yaml.safe_load(text) or {}, dict), f"{rel}: top level is not a mapping"
        text = text if text.endswith("\n") else text + "\n"
        lines = text.split("\n")[:-1]
        for n, rid in enumerate(ids):
            lines.append(f'zz_planted_{n}: {{en: "Here.", es: "{sentence(rid)}"}}')
            want[(rel, len(lines))] = (rid, expected(rid, rel, len(lines)))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    got = [str(v) for v in check_project(root, TERMS)]
    return got, want


def test_every_refused_word_has_a_sample():
    assert set(SAMPLES) == {r.id for r in TERMS.rules}


@pytest.mark.parametrize("rule_id", list(SAMPLES))
def test_a_refused_word_fails_in_a_page_a_post_and_every_data_file(planted, rule_id):
    got, want = planted
    mine = [msg for rid, msg in want.values() if rid == rule_id]
    assert [m for m in mine if m not in got] == []
    where = {m.split(":")[0] for m in mine}
    assert {"docs/planted-words.es.md", "docs/updates/2026-12-01-planted-words.es.md",
            "data/brand-new.yml", "data/extra/more.yaml", "data/quiz.yml", "data/local.yml",
            "data/costs.yml", "data/strings.yml", "data/firm.yml", "data/review.yml"} <= where


def test_planted_places_report_exactly_one_message_each(planted):
    got, want = planted
    at = {}
    for msg in got:
        file, line = msg.split(":")[:2]
        at.setdefault((file, int(line)), []).append(msg)
    assert {k: [msg] for k, (_, msg) in want.items()} == {k: at.get(k) for k in want}


def test_a_shared_yaml_anchor_is_reported_once_at_its_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    shutil.copy(ROOT / "data" / "terms.yml", data / "terms.yml")
    (data / "places.yml").write_text(
        "_shared:\n  a: &a\n    note: {en: x, es: Una tarifa}\n"
        "counties:\n  one: *a\n  two: *a\n  three: {note: {en: y, es: [Bien, Otra tarifa]}}\n",
        encoding="utf-8")
    got = [(v.file, v.line, v.found) for v in check_project(tmp_path, TERMS)]
    assert got == [("data/places.yml", 3, "tarifa"), ("data/places.yml", 7, "tarifa")]


def test_any_spanish_value_in_mkdocs_yml_is_checked(tmp_path):
    from sitebuild.terms import check_mkdocs_yml

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Help\nextra:\n  tagline:\n    en: Fees\n    es: Las tarifas\n", encoding="utf-8")
    assert [(v.line, v.found) for v in check_mkdocs_yml(TERMS, config)] == [(5, "tarifas")]


# --------------------------------------------------------------------------- first use

GLOSS_DESESTIMAR = ('docs/faq.es.md:{line}: "desestimado" — write "desestimado (la corte cierra el caso)" '
                    "(first use on the page: explain 'desestimar', a legal word readers do not know "
                    "(spanish-review-2 finding 9))")


def test_first_use_without_its_gloss_fails_with_the_line():
    text = ("---\ntitle: Un cargo desestimado\n---\n\n# Preguntas { #faq }\n\n"
            "## ¿Y si queda desestimado? { #x }\n\nEl cargo queda desestimado.\n\n"
            "Luego la corte cierra el caso.\n")
    assert [str(v) for v in check_first_use(TERMS, text, "docs/faq.es.md")] == [GLOSS_DESESTIMAR.format(line=9)]


def test_first_use_with_its_gloss_in_the_same_paragraph_passes():
    for text in ("El cargo queda desestimado (la corte cierra el caso).\n\nOtro desestimado.\n",
                 "La corte cierra el caso: queda\ndesestimado.\n",
                 "Queda desestimado: le quitaron el cargo.\n"):
        assert check_first_use(TERMS, text, "docs/faq.es.md") == [], text
    # Only the first use needs it; a later bare use is fine.
    assert check_first_use(TERMS, "Sin la palabra.\n", "docs/faq.es.md") == []


def test_first_use_rules_apply_to_their_pages_and_only_in_spanish():
    text = "El cargo queda desestimado.\n"
    assert check_first_use(TERMS, text, "docs/jail.es.md") == []  # desestimar-gloss lists its pages
    assert check_first_use(TERMS, text, "docs/faq.md") == []
    found = [v.rule for v in check_first_use(TERMS, "Usted firmó un acuerdo para aplazar el caso.\n",
                                             "docs/immigration.es.md")]
    assert found == ["aplazar-gloss"]
    text = "Una condena por drogas le puede causar problemas.\n"
    assert [v.rule for v in check_first_use(TERMS, text, "docs/immigration.es.md")] == ["condena-immigration-gloss"]
    text = ("Para inmigración, «condena» no quiere decir ir a la cárcel.\n\n"
            "Una condena por drogas le puede causar problemas.\n")
    assert check_first_use(TERMS, text, "docs/immigration.es.md") == []


def test_first_use_entries_are_checked_when_loading(tmp_path):
    bad = tmp_path / "terms.yml"
    bad.write_text("first_use:\n  - {id: x, words: [y], gloss: '(', write: z, reason: r}\n", encoding="utf-8")
    with pytest.raises(TermsError, match=r"^data/terms\.yml:2: first_use\[x\]: 'gloss' is not a regular expression "
                                         r"\(missing \), unterminated subpattern at position 0\)\. Hint: "):
        load_terms(bad)


# --------------------------------------------------------------------------- *probation* in data strings

def test_a_data_string_may_carry_the_english_word_between_asterisks_only():
    def data(text: str) -> list[Violation]:
        return check_text(TERMS, text, "es", "data/quiz.yml", data_string=True)

    assert data('"libertad a prueba (*probation*)"') == []
    assert data('"en la corte superior (*Superior\n  Court*)"') == []
    assert [v.found for v in data('"libertad a prueba (probation)"')] == ["probation"]
    assert [v.found for v in data('"libertad a prueba (* probation *)"')] == ["probation"]
    assert [v.found for v in data('"libertad a prueba (**probation**)"')] == ["probation"]
    # Refused Spanish words stay refused between asterisks.
    assert [v.found for v in data('"el *tribunal*"')] == ["tribunal"]


def test_the_asterisk_form_renders_lang_en_and_stays_escaped():
    html = ('<p>Cuota de libertad a prueba (*probation*) y *Clerk of Court*.</p>'
            '<p>&lt;b&gt;*probation*&lt;/b&gt; *&lt;b&gt;x&lt;/b&gt;* *a&amp;b* 2 * 3 * 4</p>'
            '<code>*probation*</code><p title="(*probation*)">x</p>')
    assert mark_embedded(html, TERMS, "es") == (
        '<p>Cuota de libertad a prueba (<i lang="en">probation</i>) y <i lang="en">Clerk of Court</i>.</p>'
        '<p>&lt;b&gt;<i lang="en">probation</i>&lt;/b&gt; *&lt;b&gt;x&lt;/b&gt;* *a&amp;b* 2 * 3 * 4</p>'
        '<code>*probation*</code><p title="(*probation*)">x</p>')
    # English pages: asterisks are not Spanish markup.
    assert mark_embedded("<p>*Hablamos español*</p>", TERMS, "en") == (
        '<p>*<span lang="es">Hablamos español</span>*</p>')
    assert not MARKED_EN.search("*<i>probation</i>*")


# --------------------------------------------------------------------------- the build

def test_build_refuses_a_word_in_a_new_data_file_and_in_post_front_matter(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "data" / "help-lines.yml").write_text(
        "# a new data file\nline:\n  en: Call\n  es: Una tarifa de la corte\n", encoding="utf-8")
    post = project / "docs" / "updates" / "2026-11-03-second-chance-act.es.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("---\n", '---\nhero_text: "Lea el historial."\n', 1), encoding="utf-8")
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0, "the build passed with words to avoid"
    assert expected("tarifa", "data/help-lines.yml", 4) in result.stderr, result.stderr[-3000:]
    assert expected("historial", "docs/updates/2026-11-03-second-chance-act.es.md", 2) in result.stderr


def test_build_renders_the_asterisk_form_as_lang_en_and_escapes_the_rest(tmp_path):
    project = copy_project(tmp_path / "p")
    costs = project / "data" / "costs.yml"
    data = costs.read_text(encoding="utf-8")
    start = data.index("label:", data.index("supervision-fee:"))
    end = data.index("\n", start)
    costs.write_text(data[:start] + 'label: {en: "Probation supervision fee", '
                     'es: "Cuota <b>x</b> de libertad a prueba (*probation*)"}' + data[end:], encoding="utf-8")
    out = tmp_path / "out"
    result = run_build(project, out)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (out / "es" / "costs" / "index.html").read_text(encoding="utf-8")
    assert "Cuota &lt;b&gt;x&lt;/b&gt; de libertad a prueba (<i lang=\"en\">probation</i>)" in page
    assert "*probation*" not in page
    index = (out / "es" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "libertad a prueba (probation)" in index and "*probation*" not in index


def test_signed_admission_forms_and_the_sworn_statement():
    def found(text: str) -> list[str]:
        return [v.found for v in check_text(TERMS, text, "es", "docs/x.es.md")]

    assert found("Puede pedir una declaración firmada que admite lo que pasó.") == ["declaración firmada que admit"]
    assert found("Firme una declaración en la que\nadmite los hechos.") == ["Firme una declaración"]
    assert found("Hay una declaración en la que\nadmite los hechos.") == ["declaración en la que admit"]
    assert found("Tiene que firmar una declaración jurada.") == []  # a sworn statement keeps its name
    assert found("Usted firma un papel en el que admite lo que hizo.") == []
