"""The quiz result's first screen, on the real built page in Chromium
(overrides/quiz.html, docs/assets/js/quiz.js).

- On a 390x844 phone the first question is on the first screen; after the
  last answer the first screen holds the warning (when one applies, like the
  non-citizen warning for "no" and "not sure"), the headline and the "what to
  do now" box with the call and message buttons, between the sticky header
  and the sticky call bar, in both languages.
- The warning comes before the headline and the result's sentence in DOM
  order and in reading order, on screen and in the printed summary.
- Assumptions, the law and "every result the quiz can give" are folded; the
  printed summary opens them and adds the date printed, a blank for the
  court date and three questions for the lawyer.
- Without JavaScript the "needs JavaScript" notice comes right after the
  page title, before the Markdown's promise of a quiz; if the quiz cannot
  render, that notice stays.
Answers are picked from data/quiz.yml through sitebuild/quiz.py, never by label.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from browser_helpers import quiz_ready, tap, wait_for_errors
from conftest import ROOT

from sitebuild.quiz import enumerate_paths, evaluate, load, warnings_for

pytestmark = pytest.mark.browser

DATA = load(ROOT / "data" / "quiz.yml")
STRINGS = yaml.safe_load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8"))
PATHS = enumerate_paths()
URL = {"en": "/quiz/", "es": "/es/quiz/"}


def warned_paths() -> list[tuple[str, list[tuple[str, str]]]]:
    """For every warning and every answer that shows it, the first path with
    that answer; plus the first path with no warning (id "none")."""
    out = []
    for w in DATA.get("warnings") or []:
        for q, values in w["show_if"].items():
            for v in values if isinstance(values, list) else [values]:
                path = next(p for p in PATHS if dict(p).get(q) == v and w["id"] in warnings_for(dict(p)))
                out.append((f"{w['id']}:{q}={v}", path))
    out.append(("none", next(p for p in PATHS if not warnings_for(dict(p)))))
    return out


CASES = warned_paths()


def one_per_outcome() -> list[list[tuple[str, str]]]:
    """For each outcome, its first path with a warning (the longest first
    screen) and its first path without one."""
    seen: dict[tuple[str, bool], list[tuple[str, str]]] = {}
    for p in PATHS:
        seen.setdefault((evaluate(dict(p))[0], bool(warnings_for(dict(p)))), p)
    return list(seen.values())


def ready(page) -> None:
    """The quiz has rendered (quiz.js unhides it after its first render) and
    the fonts it is measured in are in: what these layout checks need, and
    no 500 ms network-quiet wait per page."""
    quiz_ready(page)
    page.wait_for_function("document.fonts.status === 'loaded'")


def answer(page, path) -> None:
    for q, a in path:
        tap(page, f'fieldset[data-question="{q}"] label[for="dl-quiz-{a}"]')
        tap(page, '[data-quiz-action="next"]')


FIRST_SCREEN = """() => {
  const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const bar = document.querySelector('.dl-callbar');
  const barBox = bar && bar.getBoundingClientRect();
  const bottom = barBox && barBox.height && getComputedStyle(bar).display !== 'none' ? barBox.top : innerHeight;
  const res = document.querySelector('[data-quiz-result]');
  const box = (el) => { if (!el) return null; const b = el.getBoundingClientRect(); return {top: b.top, bottom: b.bottom}; };
  const warn = res.querySelector('[data-warning]');
  const sentence = res.querySelector('.dl-quiz__sentence');
  const now = res.querySelector('.dl-quiz__now');
  return {
    top, bottom,
    warn: box(warn), headline: box(res.querySelector('h2')), now: box(now),
    sentence: box(sentence),
    domOrder: warn ? [
      !!(warn.compareDocumentPosition(res.querySelector('h2')) & Node.DOCUMENT_POSITION_FOLLOWING),
      !!(warn.compareDocumentPosition(sentence) & Node.DOCUMENT_POSITION_FOLLOWING),
    ] : null,
    firstChild: res.firstElementChild.dataset.warning || res.firstElementChild.className,
    nowLinks: now ? [...now.querySelectorAll('a')].map(a => a.getAttribute('href')) : [],
    folded: [...res.querySelectorAll('details')].map(d => d.open),
    every: [...document.querySelectorAll('[data-quiz-every]')].map(d => d.open),
    focus: document.activeElement === res.querySelector('h2'),
  };
}"""


def check_first_screen(s: dict, warned: bool, where: str) -> None:
    parts = ["headline", "now"] + (["warn"] if warned else [])
    for part in parts:
        assert s[part] is not None, f"{where}: no {part}"
        assert s[part]["top"] >= s["top"] - 1 and s[part]["bottom"] <= s["bottom"] + 1, \
            f"{where}: {part} {s[part]} is not on the first screen ({s['top']:.0f}-{s['bottom']:.0f})"
    assert s["headline"]["bottom"] <= s["now"]["top"], f"{where}: the box is not right under the headline"
    if warned:
        assert s["domOrder"] == [True, True], f"{where}: warning after the headline or the sentence in the DOM"
        assert s["warn"]["bottom"] <= s["headline"]["top"] <= s["sentence"]["top"], f"{where}: reading order"
        assert s["firstChild"] in {w["id"] for w in DATA["warnings"]}, where
    else:
        assert s["warn"] is None, where
    assert any(h.startswith("tel:") for h in s["nowLinks"]) and len(s["nowLinks"]) == 2, s["nowLinks"]
    assert s["folded"] and not any(s["folded"]), f"{where}: assumptions and the law are not folded"
    assert s["every"] == [False], f"{where}: every result the quiz can give is not folded"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_first_screen_after_the_last_answer(page, server, lang, case):
    """The answers before the last come from the quiz's own resume
    (sessionStorage, as a reload mid-quiz gives); the last is clicked. Every
    answer clicked through the page is test_quiz_browser.py's covering set."""
    name, path = case
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    stored = json.dumps({"a": dict(path[:-1]), "at": path[-1][0]})
    page.add_init_script(f"sessionStorage.setItem('dl-quiz', {json.dumps(stored)})")
    page.goto(server + URL[lang], wait_until="load")
    ready(page)
    assert page.evaluate("[...document.querySelectorAll('fieldset[data-question]')].map(f => f.dataset.question)") \
        == [path[-1][0]], "the resume did not stop at the last question"
    answer(page, path[-1:])
    assert page.get_attribute("[data-quiz-result]", "data-outcome") == evaluate(dict(path))[0]
    s = page.evaluate(FIRST_SCREEN)
    check_first_screen(s, name != "none", f"{lang} {name} {path}")
    assert s["focus"]
    assert not errors, errors


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_outcome_fits_the_first_screen(page, server, lang):
    """Each outcome, with and without a warning, reached by the quiz's own
    resume (sessionStorage) and its last answer submitted again."""
    page.goto(server + URL[lang], wait_until="load")
    ready(page)
    for path in one_per_outcome():
        page.evaluate("a => sessionStorage.setItem('dl-quiz', JSON.stringify({a, at: '@result'}))", dict(path))
        page.reload(wait_until="load")
        ready(page)
        tap(page, '[data-quiz-action="back"]')
        tap(page, '[data-quiz-action="next"]')
        assert page.get_attribute("[data-quiz-result]", "data-outcome") == evaluate(dict(path))[0]
        check_first_screen(page.evaluate(FIRST_SCREEN), bool(warnings_for(dict(path))), f"{lang} {path}")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_first_question_is_on_the_first_screen(page, server, lang):
    page.goto(server + URL[lang], wait_until="load")
    ready(page)
    s = page.evaluate("""() => {
      const bar = document.querySelector('.dl-callbar').getBoundingClientRect();
      const q = document.querySelector('[data-quiz] fieldset h2').getBoundingClientRect();
      const o = document.querySelector('[data-quiz] .dl-quiz__option').getBoundingClientRect();
      return {bar: bar.height ? bar.top : innerHeight, q: q.bottom, o: o.top};
    }""")
    assert s["q"] <= s["bar"] and s["o"] < s["bar"], s


@pytest.mark.parametrize("lang", ["en", "es"])
def test_printed_summary(page, server, lang):
    path = CASES[0][1]  # a warned path
    page.goto(server + URL[lang], wait_until="load")
    ready(page)
    answer(page, path)
    page.evaluate("() => { window.print = () => {}; }")
    tap(page, '[data-quiz-action="print"]')
    page.emulate_media(media="print")
    res = page.locator("[data-quiz-result]")
    assert all(page.evaluate("() => [...document.querySelectorAll('[data-quiz-result] details')].map(d => d.open)"))
    text = res.inner_text()
    for key in ("qr_printed", "qr_my_date", "qr_ask", "qr_ask_1", "qr_ask_2", "qr_ask_3"):
        assert STRINGS[key][lang] in text, key
    printed = page.locator("[data-quiz-printed]").inner_text()
    assert printed and any(ch.isdigit() for ch in printed)
    warning = next(w for w in DATA["warnings"] if w["id"] in warnings_for(dict(path)))
    sentence = next(o for o in DATA["outcomes"] if o["id"] == evaluate(dict(path))[0])["sentence"][lang]
    assert text.index(warning["title"][lang]) < text.index(" ".join(sentence.split())[:40])
    assert page.is_visible("[data-quiz-result] [data-warning]")
    page.emulate_media(media="screen")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert not any(page.evaluate("() => [...document.querySelectorAll('[data-quiz-result] details')].map(d => d.open)"))


def test_without_javascript_the_notice_comes_before_the_promise(browser, server):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    for lang, url in URL.items():
        page.goto(server + url)
        first = page.evaluate("() => document.querySelector('.md-content h1').nextElementSibling.dataset.quizFallback")
        assert first is not None, lang  # the notice is the first thing after the title
        assert page.is_visible("[data-quiz-fallback]")
        assert page.evaluate("() => [...document.querySelectorAll('[data-quiz-every]')].map(d => d.open)") == [True]
    ctx.close()


def test_a_quiz_that_cannot_render_leaves_the_notice(browser, server):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def broken(route):  # data quiz.js cannot ask a question from
        body, n = re.subn(r'"questions":\s*\[', '"questions": [], "unused": [', route.fetch().text(), count=1)
        assert n == 1, "the quiz data file no longer has a questions list"
        route.fulfill(body=body, content_type="text/javascript")

    page.route("**/assets/js/quiz-data.*.js", broken)
    page.goto(server + URL["en"], wait_until="load")
    assert wait_for_errors(page, errors), "the broken data should make quiz.js throw"
    assert page.is_visible("[data-quiz-fallback]")
    assert not page.is_visible("[data-quiz]")
    ctx.close()
