"""The site's words: data/terms.yml -> checked sources, marked HTML.

- on_config (first language build only): every Spanish page and post
  (Markdown source, front matter included), every `es:` string in every YAML
  file under data/ and the Spanish strings of mkdocs.yml are checked against
  the words to avoid, and the listed pages for the first-use glosses; entries
  for both languages ("Hablamos Español") are checked in English sources too.
  Each hit fails the build, all listed at once:
      docs/faq.es.md:12: "período de prueba" — write "probation (libertad a prueba)" (reason)
- on_post_page: English terms in a Spanish page (and Spanish ones in an
  English page) are wrapped in <span lang=".."> so screen readers pronounce
  them right; text already inside an element with that lang is left alone.
  A data string's `*probation*` becomes <i lang="en">probation</i>.
- on_page_content: the same for the page body, before the search index
  reads it (so the index holds "probation", not "*probation*").

Logic in sitebuild/terms.py; the words in data/terms.yml.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitebuild.buildinfo import inner_language_build, page_lang
from sitebuild.project import Project
from sitebuild.terms import TERMS_FILE, check_project, load_terms, mark_embedded


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Project.from_config(config).root
    terms = load_terms(root / TERMS_FILE)  # a TermsError is a BuildError: printed as is
    # The sources are the same for every language: check them once.
    problems = [] if inner_language_build(config) else check_project(root, terms)
    if problems:
        raise PluginError(
            f"{len(problems)} word(s) to change ({TERMS_FILE.as_posix()}, "
            "docs/maintainers/CONTRIBUTING.md 'Spanish wording'):\n" + "\n".join(map(str, problems))
        )
    config.extra["terms"] = terms
    return config


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return mark_embedded(html, config.extra["terms"], page_lang(page, config))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return mark_embedded(output, config.extra["terms"], page_lang(page, config))
