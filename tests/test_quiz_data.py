"""data/quiz.yml: the validator refuses each kind of broken data with a message
naming the file, the id and the problem (tests/fixtures/quiz/), the build
fails on it, and the built quiz page carries the data and the no-JS rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SITE_DATA, copy_project, run_build

from sitebuild.data import load_firm
from sitebuild.quiz import QuizError, enumerate_paths, load, validate
from sitebuild.statutes import gs_url
from tools.readability import EN_MAX_GRADE, ES_MIN_EASE, score

FIXTURES = ROOT / "tests" / "fixtures" / "quiz"
DATA = load(ROOT / "data" / "quiz.yml")
FIRM = load_firm(SITE_DATA / "firm.yml")
STRINGS = {lang: {k: v[lang] for k, v in yaml.safe_load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8")).items()}
           for lang in ("en", "es")}


def fixture(name: str) -> dict:
    data = load(FIXTURES / name)
    data.setdefault("ui", DATA["ui"])  # fixtures stay short: they borrow the real strings
    return data


def test_real_quiz_data_is_valid():
    validate(DATA, "data/quiz.yml")
    assert 6 <= len(DATA["questions"]) <= 9


def test_valid_fixture_passes():
    validate(fixture("valid.yml"), "valid.yml")
    assert len(enumerate_paths(fixture("valid.yml"))) == 3


@pytest.mark.parametrize("name,message", [
    ("unknown_question.yml", "question 'charge': show_if refers to unknown question 'courts'"),
    ("unknown_option.yml", "rule 'possession': when refers to unknown option 'nc' of question 'court'"),
    ("missing_translation.yml", "questions[court].options[federal]: 'label' has no 'es' translation"),
    ("missing_citation.yml", "outcomes[outside]: missing 'citations'"),
    ("missing_rule_citation.yml", "rules[federal]: 'citations' is empty"),
    ("duplicate_id.yml", "outcome 'outside': duplicate outcome id 'outside'"),
    ("no_outcome.yml", "path court=nc_state, charge=possession: this answer path reaches no outcome"),
    ("never_shown.yml", "question 'amount': can never be shown"),
    ("unquoted_no.yml", "questions[court].options[no]: 'id' must be text, got False"),
])
def test_broken_fixture_fails_with_its_message(name, message):
    with pytest.raises(QuizError) as err:
        validate(fixture(name), f"tests/fixtures/quiz/{name}", (FIXTURES / name).read_text(encoding="utf-8"))
    # the shape's problems carry the line (schema.models.Quiz), the references' the id
    assert re.search(rf"tests/fixtures/quiz/{name}(:\d+)?: {re.escape(message)}", str(err.value)), str(err.value)
    # The fixture's own header says what it expects, so the two cannot drift apart.
    assert message in (FIXTURES / name).read_text(encoding="utf-8")


def test_every_fixture_is_tested():
    tested = {"valid.yml", "unknown_question.yml", "unknown_option.yml", "missing_translation.yml",
              "missing_citation.yml", "missing_rule_citation.yml", "duplicate_id.yml",
              "no_outcome.yml", "never_shown.yml", "unquoted_no.yml"}
    assert {p.name for p in FIXTURES.glob("*.yml")} == tested


def test_missing_ui_string_is_named():
    data = fixture("valid.yml")
    data["ui"] = {k: v for k, v in DATA["ui"].items() if k != "clear"}
    with pytest.raises(QuizError, match="ui: missing 'clear'"):
        validate(data, "x.yml")


def test_placeholders_must_match_across_languages():
    data = fixture("valid.yml")
    data["ui"] = {**DATA["ui"], "progress": {"en": "Question {n} of about {total}", "es": "Pregunta {n}"}}
    with pytest.raises(QuizError, match="ui 'progress': placeholders differ"):
        validate(data, "x.yml")


def test_citation_text_must_match_its_section():
    data = fixture("valid.yml")
    data["outcomes"][0]["citations"] = [{"section": "90-96", "text": "G.S. 90-95(a)(3)"}]
    with pytest.raises(QuizError, match="citation text 'G.S. 90-95\\(a\\)\\(3\\)' does not match section '90-96'"):
        validate(data, "x.yml")


def test_strict_build_fails_on_bad_quiz_data(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    quiz = project / "data" / "quiz.yml"
    data = yaml.safe_load(quiz.read_text(encoding="utf-8"))
    rule = next(r for r in data["rules"] if r["id"] == "first_offense")
    rule["when"]["prior_drug"] = ["maybe"]
    quiz.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "data/quiz.yml: rule 'first_offense': when refers to unknown option 'maybe' of question 'prior_drug'" in result.stderr


def quiz_strings(lang: str) -> str:
    """Every sentence a visitor can read in the quiz, one per line."""
    items: list[str] = []
    for q in DATA["questions"]:
        items += [q["text"][lang], q.get("help", {}).get(lang, "")]
        items += [o["label"][lang] for o in q["options"]]
    for o in DATA["outcomes"]:
        items += [o["title"][lang], o["sentence"][lang], o["criteria"][lang]]
        items += [a[lang] for a in o["assumptions"]]
    for w in DATA["warnings"]:
        items += [w["title"][lang], w["text"][lang], *([w["link"]["text"][lang]] if w.get("link") else [])]
    items += [r["fallback_title"][lang] for r in DATA["rules"] if r.get("fallback_title")]
    items += [v[lang] for v in DATA["ui"].values()]
    lines = [" ".join(i.split()) for i in items if i.strip()]
    return "\n".join(line if line[-1] in ".!?:;" else line + "." for line in lines)


def test_quiz_text_is_plain_language():
    assert score(quiz_strings("en"), "en") <= EN_MAX_GRADE
    assert score(quiz_strings("es"), "es") >= ES_MIN_EASE


def test_spanish_quiz_uses_the_glossary_terms():
    es = quiz_strings("es").lower()
    for term in ("programa 90-96", "acuerdo para aplazar el caso", "fiscal", "declararse culpable",
                 "condena", "corte de recuperación", "delito grave", "posesión con intención de vender",
                 "antecedentes penales", "desestima", "libertad a prueba", "ciudadano o ciudadana de ee. uu."):
        assert term in es, term
    # Words our readers misread (../shared/research/spanish-terms.md).
    for term in ("sobreseimiento", "procesamiento diferido", "período de prueba", "tribunal", "fallo de culpa",
                 "registro", "pulse"):
        assert not re.search(rf"\b{term}\b", es), term
    for informal in (" tú ", " tu ", "puedes", "tienes"):
        assert informal not in f" {es} ", informal


def embedded(page, site_dir: Path) -> dict:
    """The data quiz.js reads: a deferred same-origin script before quiz.js."""
    srcs = [s["src"] for s in page.soup.select("script[src]")]
    data_src = [s for s in srcs if "/quiz-data." in s]
    assert len(data_src) == 1, f"{page.rel}: expected one quiz-data script, got {srcs}"
    # Deferred scripts run in document order: the data is set before quiz.js runs.
    assert srcs.index(data_src[0]) < next(i for i, s in enumerate(srcs) if s.endswith("assets/js/quiz.js"))
    assert page.soup.select_one(f'script[src="{data_src[0]}"]').has_attr("defer")
    assert not page.soup.select('script[type="application/json"]#quiz-data'), "the data left the HTML"
    path = (site_dir / page.rel).parent / data_src[0]
    text = path.resolve().read_text(encoding="utf-8")
    assert text.startswith("window.dlQuizData = ") and text.endswith(";\n")
    return json.loads(text[len("window.dlQuizData = "):-2])


@pytest.mark.parametrize("rel", ["quiz/index.html", "es/quiz/index.html"])
def test_quiz_page_embeds_its_language(pages, site_dir, rel):
    page = pages[rel]
    data = embedded(page, site_dir)
    assert data["lang"] == page.lang
    assert [q["id"] for q in data["questions"]] == [q["id"] for q in DATA["questions"]]
    assert data["questions"][0]["text"] == DATA["questions"][0]["text"][page.lang]
    assert data["warnings"][0]["link"]["url"] == "../immigration/"
    assert data["ui"]["qr_now"] == STRINGS[page.lang]["qr_now"]
    # The tree, not the rules (tests/test_quiz_tree.py walks it): no show_if, no when.
    text = json.dumps(data)
    assert '"show_if"' not in text and '"when"' not in text and '"rules"' not in text
    assert data["tree"][0]["q"] == DATA["questions"][0]["id"]
    for c in data["statutes"]:
        assert c["url"].startswith("https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/")


@pytest.mark.parametrize("rel", ["quiz/index.html", "es/quiz/index.html"])
def test_quiz_page_without_javascript(pages, rel):
    page = pages[rel]
    soup = page.soup
    root = soup.select_one("[data-quiz]")
    assert root is not None and root.has_attr("hidden"), "the quiz UI waits for JavaScript"
    assert soup.select_one("[data-quiz-fallback]").get_text(strip=True) == DATA["ui"]["nojs"][page.lang].strip()
    items = soup.select("[data-criteria]")
    assert [li["data-criteria"] for li in items] == [o["id"] for o in DATA["outcomes"]]
    for li, o in zip(items, DATA["outcomes"]):
        assert o["title"][page.lang] in li.get_text()
        links = {a["href"] for a in li.select("a[href]")}
        assert {gs_url(c["section"]) for c in o["citations"]} <= links
    assert soup.select_one('.dl-quiz-contact a[href="tel:{}"]'.format(FIRM["phone_e164"]))
    assert soup.select_one('[data-warning="non_citizen"]')
    # Same section anchors in both languages (the switcher lands on them).
    assert soup.select_one("h2#how-the-quiz-decides") and soup.select_one("h2#talk-to-a-lawyer")


def test_quiz_assets_only_on_the_quiz_page(pages):
    for rel, page in pages.items():
        scripts = [s.get("src", "") for s in page.soup.select("script[src]")]
        styles = [link.get("href", "") for link in page.soup.select('link[rel="stylesheet"]')]
        on_quiz = rel in ("quiz/index.html", "es/quiz/index.html")
        assert any(s.endswith("assets/js/quiz.js") for s in scripts) == on_quiz, rel
        assert any(s.endswith("assets/css/site.css") for s in styles), rel  # quiz styles are bundled in
        if on_quiz:
            tag = next(s for s in page.soup.select("script[src]") if s["src"].endswith("quiz.js"))
            assert tag.has_attr("defer") and not tag["src"].startswith(("http:", "https:", "//"))


def test_quiz_script_is_small():
    import gzip

    js = (ROOT / "docs" / "assets" / "js" / "quiz.js").read_bytes()
    assert len(gzip.compress(js, 9)) <= 5 * 1024
