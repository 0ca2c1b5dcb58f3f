"""The quiz on the real built page in Chromium.

- Every answer path the Python evaluator can enumerate is driven through the
  page in both languages, alternately by mouse and by keyboard, and the page
  must show the evaluator's outcome, reasons and warnings.
- No request leaves the page after it has loaded; answers sit only in
  sessionStorage; "Clear my answers" wipes them; a language switch keeps them.
- axe-core finds no WCAG 2.1 A/AA violation at any step; focus moves to each
  new question and to the result; a missing answer is announced.
- Without JavaScript the rules and the phone link are there.
DOM contract: docs/maintainers/quiz.md.
"""

from __future__ import annotations

import os

import time

import pytest

from conftest import ROOT
from sitebuild.quiz import enumerate_paths, evaluate, fallback, load, warnings_for
from browser_helpers import axe_violations

pytestmark = pytest.mark.browser

DATA = load(ROOT / "data" / "quiz.yml")
ALL_PATHS = enumerate_paths()


def covering_set(paths):
    """The paths driven in the UI: each keeps one that adds something new (an
    answer to a question, an (outcome, fallback, warnings) result, or an
    outcome reached with a given citizenship answer), so every option is
    clicked, every outcome and fallback is shown and every warning rendered.
    Every path is still checked against the evaluator in Python
    (tests/test_quiz_eval.py); QUIZ_ALL_PATHS=1 drives all of them here too
    (about 30 minutes on 2 cores)."""
    seen: set = set()
    keep = []
    for path in paths:
        answers = dict(path)
        out = evaluate(answers)[0]
        extra = fallback(answers)
        items = {("answer", q, a) for q, a in path}
        items.add(("result", out, extra[0] if extra else None, tuple(warnings_for(answers))))
        items.update(("with", q, a, out) for q, a in path if q == "citizen")
        if items - seen:
            seen |= items
            keep.append(path)
    return keep


PATHS = ALL_PATHS if os.environ.get("QUIZ_ALL_PATHS") == "1" else covering_set(ALL_PATHS)
URL = {"en": "/quiz/", "es": "/es/quiz/"}
KEY = "dl-quiz"
QUESTIONS = {q["id"]: q for q in DATA["questions"]}
OPTIONS = {q["id"]: [o["id"] for o in q["options"]] for q in DATA["questions"]}
LONGEST = max(ALL_PATHS, key=len)

STATE = """() => {
  const root = document.querySelector('[data-quiz]');
  const fs = root.querySelector('fieldset[data-question]');
  const res = root.querySelector('[data-quiz-result]');
  const a = document.activeElement;
  const where = a.closest('fieldset[data-question]');
  return {
    question: fs && !root.querySelector('[data-quiz-form]').hidden ? fs.dataset.question : null,
    checked: fs ? (fs.querySelector('input:checked') || {}).value || null : null,
    outcome: res.hidden ? null : res.dataset.outcome || null,
    fallback: res.hidden ? null : res.dataset.fallback || null,
    fallbackShown: res.hidden ? null : (res.querySelector('[data-fallback-outcome]') || {dataset: {}}).dataset.fallbackOutcome || null,
    fallbackHeading: res.hidden ? null : (res.querySelector('.dl-quiz__fallback > h3') || {}).textContent || null,
    fallbackReasons: res.hidden ? [] : [...res.querySelectorAll('.dl-quiz__fallback > ul:first-of-type > li')].map(li => li.textContent),
    warnings: res.hidden ? [] : [...res.querySelectorAll('[data-warning]')].map(w => w.dataset.warning),
    reasons: res.hidden ? [] : [...res.querySelector('h3 + ul').children].map(li => li.textContent),
    focus: a.tagName + (where ? ':' + where.dataset.question : '') + (a.closest('[data-quiz-result]') ? ':result' : ''),
    progress: root.querySelector('[data-quiz-progress]').textContent,
    status: root.querySelector('[data-quiz-status]').textContent,
  };
}"""


def state(page) -> dict:
    return page.evaluate(STATE)


def tap(page, selector: str) -> None:
    """A real mouse click, after centring the target: on phones the sticky
    call bar and header cover the top and bottom of the screen."""
    target = page.locator(selector)
    target.evaluate("e => e.scrollIntoView({block: 'center'})")
    target.click()


def answer_by_mouse(page, question: str, option: str) -> None:
    tap(page, f'fieldset[data-question="{question}"] label[for="dl-quiz-{option}"]')
    tap(page, '[data-quiz-action="next"]')


def answer_by_keyboard(page, question: str, option: str) -> None:
    # Focus sits on the question heading: Tab enters the radio group.
    page.keyboard.press("Tab")
    index = OPTIONS[question].index(option)
    if index == 0:
        page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # the Next button
    page.keyboard.press("Enter")


def expected_reasons(answers: dict[str, str], lang: str, reasons=None) -> list[str]:
    if reasons is None:
        _, reasons = evaluate(answers)
    out = []
    for q, a in reasons:
        label = next(o["label"][lang] for o in QUESTIONS[q]["options"] if o["id"] == a)
        out.append(f"{QUESTIONS[q]['short'][lang]}: {label}")
    return out


def run_path(page, lang: str, path: list[tuple[str, str]], keyboard: bool, focused: bool) -> None:
    for n, (q, a) in enumerate(path, 1):
        s = state(page)
        assert s["question"] == q, f"{lang} {path}: step {n} shows {s['question']}"
        assert f" {n} " in s["progress"], s["progress"]
        assert s["checked"] is None
        if focused or n > 1:
            assert s["focus"] == f"H2:{q}", f"{lang} {path}: focus on {s['focus']} at step {n}"
        (answer_by_keyboard if keyboard else answer_by_mouse)(page, q, a)
    answers = dict(path)
    s = state(page)
    assert s["outcome"] == evaluate(answers)[0], f"{lang} {'keys' if keyboard else 'mouse'} {path}: {s}"
    assert s["warnings"] == warnings_for(answers), path
    assert s["reasons"] == expected_reasons(answers, lang), path
    extra = fallback(answers)
    assert s["fallback"] == s["fallbackShown"] == (extra[0] if extra else None), f"{lang} {path}: {s}"
    assert s["fallbackReasons"] == (expected_reasons(answers, lang, extra[1]) if extra else []), path
    rule = next(r for r in DATA["rules"] if r["outcome"] == s["outcome"] and r.get("fallback_title")) if extra else None
    assert s["fallbackHeading"] == (rule["fallback_title"][lang] if rule else None), path
    assert s["focus"] == "H2:result", s["focus"]


def restart(page, keyboard: bool) -> None:
    if keyboard:
        page.focus('[data-quiz-action="restart"]')
        page.keyboard.press("Enter")
    else:
        tap(page, '[data-quiz-action="restart"]')


def test_every_answer_path_matches_the_evaluator_in_both_languages(browser, server):
    started = time.monotonic()
    requests: list[str] = []
    verified = {}
    for lang, url in URL.items():
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server + url, wait_until="networkidle")
        page.on("request", lambda r: requests.append(r.url))  # from here on: none allowed
        for i, path in enumerate(PATHS):
            keyboard = i % 2 == 1
            if i:
                restart(page, keyboard)
            run_path(page, lang, path, keyboard, focused=i > 0)
        assert page.evaluate("[localStorage.length, document.cookie]") == [0, ""]
        assert page.evaluate(f"JSON.parse(sessionStorage.getItem('{KEY}')).a") == dict(PATHS[-1])
        assert not errors, errors
        verified[lang] = len(PATHS)
        ctx.close()
    print(f"\nquiz: {len(PATHS)} answer paths verified in Chromium per language "
          f"({verified}, mouse and keyboard alternating) in {time.monotonic() - started:.0f} s")
    assert verified == {"en": len(PATHS), "es": len(PATHS)}
    assert not requests, f"requests after page load: {requests}"


def test_no_request_while_taking_the_quiz(page, server):
    page.goto(server + URL["en"], wait_until="networkidle")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for q, a in LONGEST:
        answer_by_mouse(page, q, a)
    tap(page, '[data-quiz-action="back"]')
    tap(page, '[data-quiz-action="next"]')
    page.evaluate("() => { window.print = () => {}; }")
    tap(page, '[data-quiz-action="print"]')
    tap(page, '[data-quiz-action="clear"]')
    assert not requests, requests


@pytest.mark.parametrize("lang", ["en", "es"])
def test_axe_finds_nothing_at_any_step(page, server, lang):
    page.goto(server + URL[lang], wait_until="networkidle")
    problems = []
    for n, (q, a) in enumerate(LONGEST, 1):
        problems += [f"step {n} ({q}): {v}" for v in axe_violations(page)]
        if n == 2:  # the error state too
            tap(page, '[data-quiz-action="next"]')
            problems += [f"step {n} with error: {v}" for v in axe_violations(page)]
        answer_by_mouse(page, q, a)
    assert state(page)["outcome"] == evaluate(dict(LONGEST))[0]
    problems += [f"result: {v}" for v in axe_violations(page)]
    assert not problems, "\n".join(problems)


def test_missing_answer_is_announced_and_keeps_the_answers(page, server):
    page.goto(server + URL["en"], wait_until="networkidle")
    answer_by_mouse(page, "court", "nc_state")
    tap(page, '[data-quiz-action="next"]')
    error = page.locator('fieldset[data-question="age"] [role="alert"]')
    assert error.text_content() == DATA["ui"]["error_choose"]["en"]
    assert "dl-quiz-error" in page.get_attribute('fieldset[data-question="age"]', "aria-describedby")
    s = state(page)
    assert s["question"] == "age" and s["focus"] == "INPUT:age"
    assert page.evaluate(f"JSON.parse(sessionStorage.getItem('{KEY}')).a") == {"court": "nc_state"}
    tap(page, '[data-quiz-action="back"]')
    s = state(page)
    assert s["question"] == "court" and s["checked"] == "nc_state"


def test_language_switch_keeps_the_answers(page, server):
    page.goto(server + URL["en"], wait_until="networkidle")
    answer_by_mouse(page, "court", "nc_state")
    answer_by_mouse(page, "age", "age_22_plus")
    answer_by_mouse(page, "charge", "possession")
    href = page.locator('.md-select__link[hreflang="es"]').first.evaluate("a => a.href")
    page.goto(href, wait_until="networkidle")
    assert page.evaluate("document.documentElement.lang") == "es"
    s = state(page)
    assert s["question"] == "overdose"
    assert s["progress"].startswith("Pregunta 4 de unas")
    assert page.locator("legend").inner_text() == QUESTIONS["overdose"]["text"]["es"]
    tap(page, '[data-quiz-action="back"]')
    assert state(page)["checked"] == "possession"
    tap(page, '[data-quiz-action="next"]')
    rest = [("overdose", "no"), ("prior_felony", "no"), ("prior_drug", "yes"), ("prior_discharge", "no"), ("citizen", "no")]
    for q, a in rest:
        answer_by_mouse(page, q, a)
    answers = {"court": "nc_state", "age": "age_22_plus", "charge": "possession", **dict(rest)}
    assert state(page)["outcome"] == evaluate(answers)[0] == "discretionary"
    # ...and back to English: the same result, in English.
    href = page.locator('.md-select__link[hreflang="en"]').first.evaluate("a => a.href")
    page.goto(href, wait_until="networkidle")
    s = state(page)
    assert s["outcome"] == "discretionary" and s["warnings"] == ["non_citizen"]
    assert s["reasons"] == expected_reasons(answers, "en")


def test_clear_my_answers_wipes_session_storage(page, server):
    page.goto(server + URL["es"], wait_until="networkidle")
    answer_by_mouse(page, "court", "nc_state")
    answer_by_mouse(page, "age", "age_22_plus")
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')") is not None
    tap(page, '[data-quiz-action="clear"]')
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')") is None
    assert page.evaluate("sessionStorage.length") == 0
    s = state(page)
    assert s["question"] == "court" and s["checked"] is None and s["focus"] == "H2:court"
    assert s["status"] == DATA["ui"]["cleared"]["es"]
    page.reload(wait_until="networkidle")
    s = state(page)
    assert s["question"] == "court" and s["checked"] is None
    # The privacy promise is on the page, next to the button.
    assert "Borrar mis respuestas" in page.locator(".dl-quiz__privacy").inner_text()


def test_print_or_save_my_summary(page, server):
    page.goto(server + URL["es"], wait_until="networkidle")
    for q, a in LONGEST:
        answer_by_mouse(page, q, a)
    page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
    tap(page, '[data-quiz-action="print"]')
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert page.is_visible("[data-quiz-result]")
    assert page.is_visible(".dl-quiz__print-only")  # all the answers, for the lawyer
    assert page.is_visible('.dl-quiz__done a[href^="tel:"]')
    for hidden in (".dl-quiz__tools", '[data-quiz-action="print"]', ".dl-quiz-rules", ".md-header"):
        assert not page.is_visible(hidden), hidden
    assert page.evaluate("document.documentElement.lang") == "es"


def test_without_javascript_the_rules_and_phone_show(browser, server):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    for lang, url in URL.items():
        page.goto(server + url)
        assert not page.is_visible("[data-quiz]")
        assert page.is_visible("[data-quiz-fallback]")
        items = page.locator("[data-criteria]")
        assert items.count() == len(DATA["outcomes"])
        for i in range(items.count()):
            assert items.nth(i).is_visible()
            assert items.nth(i).locator('a[href^="https://www.ncleg.gov/"]').count() >= 1
        assert page.locator('.dl-quiz-contact a[href^="tel:"]').is_visible()
    ctx.close()
