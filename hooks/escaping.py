"""Escaping for every template (sitebuild/escaping.py says why and how):

- on_env: templates under overrides/ compile with autoescape on; the
  `safe_url` filter checks URLs that come from data; compiled templates are
  kept (sitebuild/templates.py: the Spanish build and rebuilds reuse them).
- on_page_context (last, after search and SEO read the plain text): the
  page's front-matter strings become escaped Markup for Material's templates.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitebuild import templates
from sitebuild.escaping import autoescape_for, escape_meta, safe_url


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.autoescape = autoescape_for(config.theme.custom_dir)
    env.filters["safe_url"] = safe_url
    env.bytecode_cache = templates.CACHE
    return env


@event_priority(-1000)  # after every reader of the plain text (search index, JSON-LD)
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict[str, Any]:
    escape_meta(page.meta)
    return context
