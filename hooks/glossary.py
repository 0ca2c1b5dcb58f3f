"""Legal words explained where they stand: docs/glossary*.md -> pop-ups.

- on_config: read data/glossary.yml and the glossary pages' `{ #id }`
  entries (sitebuild/glossary.py); a configured word with no glossary entry
  fails the build with data/glossary.yml:LINE.
- on_page_content: on every page but the glossary (and the quiz and contact
  pages, whose scripts own their markup), the first use of each word gets
  its meaning as a native popover (overrides/partials/glossary.html).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitebuild.buildinfo import page_lang
from sitebuild.diagrams import partial
from sitebuild.glossary import Entry, link_terms, load
from sitebuild.project import Project

SKIP_PAGES = {"glossary", "quiz", "contact"}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Project.from_config(config).root
    # A missing glossary page is reported by the twin rule (hooks/rules.py,
    # on_nav) with its own message; there are then no pop-ups to make.
    missing = not all((root / "docs" / name).is_file() for name in ("glossary.md", "glossary.es.md"))
    config.extra["glossary"] = None if missing else load(root)
    return config


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    stem = page.file.src_uri.removesuffix(".md").removesuffix(".es")
    if stem in SKIP_PAGES or page.meta.get("generated") or config.extra["glossary"] is None:
        return None
    lang = page_lang(page, config)
    prefix = "" if lang == "en" else f"{lang}/"
    glossary_url = get_relative_url(f"{prefix}glossary/", page.url or prefix or ".")
    macros = partial("glossary.html", config.extra["strings"][lang], Project.from_config(config).overrides / "partials")

    def widget(entry: Entry, word: str, n: int) -> str:
        return str(macros.term(entry, word, n, f"{glossary_url}#{entry.id}"))

    return link_terms(html, config.extra["glossary"], lang, widget)
