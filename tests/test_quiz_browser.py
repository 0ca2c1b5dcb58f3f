"""The quiz on the real built page in Chromium.

- quiz.js walks the decision tree the build computed (sitebuild/quiz.py
  decision_tree; tests/test_quiz_tree.py checks every path of the tree against
  the evaluator without a browser). Here a covering set of paths is driven
  through the page in both languages, mouse and keyboard alternating, with
  Back and Start over: every option is clicked, every outcome, fallback and
  warning is shown, and the page shows the evaluator's outcome, reasons,
  fallback and warnings. QUIZ_ALL_PATHS=1 drives every path instead.
- Stored answers the data no longer has (a question or an option id) are
  dropped and asked again, one at a time and all at once; a tree that cannot
  be walked leaves the no-JavaScript text.
- No request leaves the page after it has loaded; answers sit only in
  sessionStorage; "Clear my answers" wipes them; a language switch keeps them.
- axe-core finds no WCAG 2.1 A/AA violation at any step; focus moves to each
  new question and to the result; a missing answer is announced.
- Without JavaScript the rules and the phone link are there.
DOM contract: docs/maintainers/quiz.md.
"""

from __future__ import annotations

import json
import os
import time

import pytest
from browser_helpers import axe_violations, quiz_ready, tap, wait_for_errors
from conftest import ROOT

from sitebuild.quiz import enumerate_paths, evaluate, fallback, load, warnings_for

pytestmark = pytest.mark.browser

DATA = load(ROOT / "data" / "quiz.yml")
ALL_PATHS = enumerate_paths()


def shows(path) -> set:
    """What driving this path puts on the screen: each answer, the result
    (outcome and fallback) and each warning."""
    answers = dict(path)
    extra = fallback(answers)
    items = {("answer", q, a) for q, a in path}
    items.add(("result", evaluate(answers)[0], extra[0] if extra else None))
    items.update(("warning", w) for w in warnings_for(answers))
    return items


def covering_set(paths):
    """The fewest paths (greedily) that click every option and show every
    outcome, fallback and warning: 27 of 651 today."""
    todo = [shows(p) for p in paths]
    seen: set = set()
    keep = []
    while True:
        best = max(range(len(paths)), key=lambda i: (len(todo[i] - seen), -len(paths[i])))
        if not todo[best] - seen:
            return keep
        seen |= todo[best]
        keep.append(paths[best])


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


def press(page, action: str, keyboard: bool) -> None:
    if keyboard:
        page.focus(f'[data-quiz-action="{action}"]')
        page.keyboard.press("Enter")
    else:
        tap(page, f'[data-quiz-action="{action}"]')


def check_result(page, lang: str, path, how: str) -> None:
    answers = dict(path)
    s = state(page)
    assert s["outcome"] == evaluate(answers)[0], f"{lang} {how} {path}: {s}"
    assert s["warnings"] == warnings_for(answers), path
    assert s["reasons"] == expected_reasons(answers, lang), path
    extra = fallback(answers)
    assert s["fallback"] == s["fallbackShown"] == (extra[0] if extra else None), f"{lang} {path}: {s}"
    assert s["fallbackReasons"] == (expected_reasons(answers, lang, extra[1]) if extra else []), path
    rule = next(r for r in DATA["rules"] if r["outcome"] == s["outcome"] and r.get("fallback_title")) if extra else None
    assert s["fallbackHeading"] == (rule["fallback_title"][lang] if rule else None), path
    assert s["focus"] == "H2:result", s["focus"]


def run_path(page, lang: str, path, keyboard: bool, focused: bool, back_at: int | None) -> None:
    """Answer the path. Before answering question `back_at` (1-based) go Back
    once and Next again; `back_at` past the end: Back from the result."""
    how = "keys" if keyboard else "mouse"
    for n, (q, a) in enumerate(path, 1):
        s = state(page)
        assert s["question"] == q, f"{lang} {how} {path}: step {n} shows {s['question']}"
        assert f" {n} " in s["progress"], s["progress"]
        assert s["checked"] is None
        if focused or n > 1:
            assert s["focus"] == f"H2:{q}", f"{lang} {path}: focus on {s['focus']} at step {n}"
        if n == back_at:
            press(page, "back", keyboard)
            s = state(page)
            before = path[n - 2]
            assert (s["question"], s["checked"], s["focus"]) == (before[0], before[1], f"H2:{before[0]}"), s
            assert f" {n - 1} " in s["progress"], s["progress"]
            press(page, "next", keyboard)
            s = state(page)
            assert (s["question"], s["checked"], s["focus"]) == (q, None, f"H2:{q}"), s
        (answer_by_keyboard if keyboard else answer_by_mouse)(page, q, a)
    check_result(page, lang, path, how)
    if back_at is not None and back_at > len(path):
        press(page, "back", keyboard)
        s = state(page)
        assert (s["question"], s["checked"], s["outcome"]) == (path[-1][0], path[-1][1], None), s
        press(page, "next", keyboard)
        check_result(page, lang, path, how + " after Back")


def collect_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_covering_set_of_paths_matches_the_evaluator(browser, server, lang):
    started = time.monotonic()
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = ctx.new_page()
    errors = collect_errors(page)
    page.goto(server + URL[lang], wait_until="networkidle")
    quiz_ready(page)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))  # from here on: none allowed
    for i, path in enumerate(PATHS):
        keyboard = i % 2 == 1
        if i:
            press(page, "restart", keyboard)
        # Every third path goes Back once: mid-way, or (every sixth) from the result.
        back_at = None if i % 3 else (len(path) + 1 if i % 6 == 0 else max(2, len(path) // 2))
        run_path(page, lang, path, keyboard, focused=i > 0, back_at=back_at)
    assert page.evaluate("[localStorage.length, document.cookie]") == [0, ""]
    assert page.evaluate(f"JSON.parse(sessionStorage.getItem('{KEY}')).a") == dict(PATHS[-1])
    assert not errors, errors
    assert not requests, f"requests after page load: {requests}"
    ctx.close()
    driven = {(q, a) for p in PATHS for q, a in p}
    assert driven == {(q, a) for q in OPTIONS for a in OPTIONS[q]}, "an option is never clicked"
    assert set().union(*map(shows, PATHS)) == set().union(*map(shows, ALL_PATHS))
    print(f"\nquiz {lang}: {len(PATHS)} of {len(ALL_PATHS)} answer paths driven in Chromium "
          f"({sum(map(len, PATHS))} answers) in {time.monotonic() - started:.1f} s")


RETIRED_OPTION, RETIRED_QUESTION = "retired_option", "retired_question"


def retired_cases():
    """(name, stored answers, the question the page must show, or None for
    the result): each answer of the longest path retired alone, by option id
    and by question id; all of them at once; an extra retired question."""
    full = dict(LONGEST)
    cases = []
    for q, _ in LONGEST:
        cases.append((f"option of {q}", {**full, q: RETIRED_OPTION}, q))
        cases.append((f"question {q}", {RETIRED_QUESTION if k == q else k: v for k, v in full.items()}, q))
    first = LONGEST[0][0]
    cases.append(("every option", {q: RETIRED_OPTION for q in full}, first))
    cases.append(("every question", {f"{RETIRED_QUESTION}_{i}": a for i, a in enumerate(full.values())}, first))
    cases.append(("an extra question", {**full, RETIRED_QUESTION: "yes"}, None))
    cases.append(("a name every object has", {**full, "constructor": "x", "__proto__": "y"}, None))
    return cases


def seed(page, stored: dict) -> None:
    page.evaluate("([k, v]) => sessionStorage.setItem(k, v)", [KEY, json.dumps(stored)])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_stored_answers_the_data_no_longer_has_are_asked_again(browser, server, lang):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = ctx.new_page()
    errors = collect_errors(page)
    page.goto(server + URL[lang], wait_until="networkidle")
    quiz_ready(page)
    for name, answers, question in retired_cases():
        seed(page, {"a": answers, "at": "@result"})
        page.reload(wait_until="load")
        s = state(page)
        assert not errors, f"{lang} {name}: {errors}"
        assert page.is_visible("[data-quiz]") and not page.is_visible("[data-quiz-fallback]"), name
        if question is None:
            assert s["outcome"] == evaluate(dict(LONGEST))[0], f"{lang} {name}: {s}"
        else:
            assert (s["question"], s["checked"], s["outcome"]) == (question, None, None), f"{lang} {name}: {s}"
    # The visitor answers again and gets the result; the stale ids are gone.
    seed(page, {"a": {**dict(LONGEST[:-1]), RETIRED_QUESTION: "yes"}, "at": RETIRED_QUESTION})
    page.reload(wait_until="load")
    assert state(page)["question"] == LONGEST[-1][0]
    answer_by_mouse(page, *LONGEST[-1])
    assert state(page)["outcome"] == evaluate(dict(LONGEST))[0]
    assert page.evaluate(f"JSON.parse(sessionStorage.getItem('{KEY}')).a") == dict(LONGEST)
    press(page, "restart", keyboard=False)
    for q, a in LONGEST:
        answer_by_mouse(page, q, a)
    assert state(page)["outcome"] == evaluate(dict(LONGEST))[0]
    assert page.evaluate(f"JSON.parse(sessionStorage.getItem('{KEY}')).a") == dict(LONGEST)
    ctx.close()


@pytest.mark.parametrize("damage, on_load", [
    # Every node but the first question is gone: quiz.js cannot walk ahead.
    ("window.dlQuizData.tree.splice(1);", True),
    # The second question names a question the data lacks: the first render
    # works, the first answer cannot be shown.
    ("const t = window.dlQuizData.tree; t[t[0].a[{}]].q = 'gone';".format(json.dumps(DATA["questions"][0]["options"][0]["id"])),
     False),
], ids=["nodes missing", "unknown question"])
def test_a_tree_that_cannot_be_walked_leaves_the_no_js_text(browser, server, damage, on_load):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = ctx.new_page()
    errors = collect_errors(page)

    def broken(route):
        route.fulfill(body=route.fetch().text() + damage + "\n", content_type="text/javascript")

    page.route("**/assets/js/quiz-data.*.js", broken)
    page.goto(server + URL["en"], wait_until="networkidle")
    if not on_load:
        assert not errors and page.is_visible("[data-quiz]") and not page.is_visible("[data-quiz-fallback]")
        first = DATA["questions"][0]
        answer_by_mouse(page, first["id"], first["options"][0]["id"])
    assert wait_for_errors(page, errors), "the damaged tree should make quiz.js throw"
    assert page.is_visible("[data-quiz-fallback]") and not page.is_visible("[data-quiz]")
    assert page.evaluate("[...document.querySelectorAll('[data-quiz-every]')].map(d => d.open)") == [True]
    ctx.close()


def test_no_request_while_taking_the_quiz(page, server):
    page.goto(server + URL["en"], wait_until="networkidle")
    quiz_ready(page)
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
    quiz_ready(page)
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
    quiz_ready(page)
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
    quiz_ready(page)
    answer_by_mouse(page, "court", "nc_state")
    answer_by_mouse(page, "age", "age_22_plus")
    answer_by_mouse(page, "charge", "possession")
    href = page.locator('.md-select__link[hreflang="es"]').first.evaluate("a => a.href")
    page.goto(href, wait_until="networkidle")
    quiz_ready(page)
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
    quiz_ready(page)
    s = state(page)
    assert s["outcome"] == "discretionary" and s["warnings"] == ["non_citizen"]
    assert s["reasons"] == expected_reasons(answers, "en")


def test_clear_my_answers_wipes_session_storage(page, server):
    page.goto(server + URL["es"], wait_until="networkidle")
    quiz_ready(page)
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
    quiz_ready(page)
    s = state(page)
    assert s["question"] == "court" and s["checked"] is None
    # The privacy promise is on the page, next to the button.
    assert "Borrar mis respuestas" in page.locator(".dl-quiz__privacy").inner_text()


def test_print_or_save_my_summary(page, server):
    page.goto(server + URL["es"], wait_until="networkidle")
    quiz_ready(page)
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
