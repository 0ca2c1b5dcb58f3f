"""Eligibility quiz: check data/quiz.yml on every build and hand the quiz page
its data in the page's language.

- on_config: load and validate data/quiz.yml (sitebuild/quiz.py); any problem
  fails the build with a PluginError naming the file, the id and the problem.
- on_page_context: for the page with `template: quiz.html`, put `quiz` in the
  template context: the data in the page's language, statute URLs, the firm's
  phone in the strings, and links to the contact and immigration pages of the
  same language. overrides/quiz.html shows it without JavaScript.
- The part quiz.js reads (sitebuild/quiz.py for_script: the questions' words,
  the results' words and the decision tree; no rules) goes to a same-origin,
  deferred script file,
  assets/js/quiz-data.<lang>.<hash>.js (`window.dlQuizData = {...}`), loaded
  just before quiz.js: it keeps the page's render-blocking HTML within the
  budget (tests/test_browser.py); the hash changes with the content, so a
  browser never keeps an old copy. The file is written when the page is
  built, so every build (and each language of it) writes its own.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitebuild.buildinfo import page_lang
from sitebuild.quiz import for_page, for_script, load, validate

QUIZ_FILE = "data/quiz.yml"
TEMPLATE = "quiz.html"
CONTACT_PAGE = "contact.md"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    path = Path(config.config_file_path or "mkdocs.yml").parent / QUIZ_FILE
    data = load(path)  # a QuizError is a BuildError: printed as is
    validate(data, QUIZ_FILE, path.read_text(encoding="utf-8"))
    config.extra["quiz"] = data
    return config


def _page_url(nav: Navigation, src: str, lang: str, here: Page) -> str:
    """Relative URL from `here` to `src` (like contact.md) in language `lang`."""
    wanted = {src} if lang == "en" else {src[:-3] + f".{lang}.md"}
    for page in nav.pages:
        if page.file.src_uri in wanted or (
            page.file.src_uri == src and getattr(page.file, "locale", lang) == lang
        ):
            return get_relative_url(page.url, here.url)
    raise PluginError(f"{QUIZ_FILE}: page '{src}' ({lang}) not found for the quiz's links")


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    if page.meta.get("template") != TEMPLATE:
        return context
    lang = page_lang(page, config)
    firm = config.extra["firm"]
    quiz = for_page(config.extra["quiz"], lang)
    quiz["ui"] = {k: v.replace("{phone}", str(firm["phone"])) for k, v in quiz["ui"].items()}
    strings = config.extra["strings"][lang]
    quiz["notice"] = strings["not_legal_advice"]
    # The "what to do now" box and the printed extras: quiz.js builds them
    # (hidden until a result, so they stay out of the render-blocking HTML).
    quiz["ui"].update({k: v for k, v in strings.items() if k in SCRIPT_STRINGS})
    quiz["contact_url"] = _page_url(nav, CONTACT_PAGE, lang, page)
    for warning in quiz["warnings"]:
        if "link" in warning:
            warning["link"]["url"] = _page_url(nav, warning["link"].pop("page"), lang, page)
    context["quiz"] = quiz
    context["quiz_data_url"] = _write_script(for_script(quiz), lang, page, config)
    return context


def _write_script(data: dict[str, Any], lang: str, page: Page, config: MkDocsConfig) -> str:
    """Write the quiz data as a script file into the site; return its URL
    relative to `page`. JSON string escaping keeps every value inert."""
    text = "window.dlQuizData = " + json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + ";\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    rel = f"assets/js/quiz-data.{lang}.{digest}.js"
    out = Path(config.site_dir) / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return get_relative_url(rel, page.url)


# data/strings.yml keys quiz.js shows in a result (overrides/quiz.html had them).
SCRIPT_STRINGS = ("qr_now", "qr_now_sign", "qr_now_court", "qr_now_call", "qr_message",
                  "qr_printed", "qr_my_date", "qr_ask", "qr_ask_1", "qr_ask_2", "qr_ask_3")
