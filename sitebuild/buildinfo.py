"""Facts about the running MkDocs build, shared by the hooks."""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig


def inner_language_build(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n runs one of its per-language builds.

    Work on the whole site (sitemap, _headers, CSS purge) waits until it is
    False: the outer build's on_post_build, after every language is built.
    """
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def page_lang(page: Any, config: MkDocsConfig) -> str:
    """The language of the page being built: the i18n plugin's `locale` on
    the page's file, else the build's theme language."""
    locale = getattr(getattr(page, "file", None), "locale", None)
    return str(locale or config.theme.get("language") or "en")


# Set by hooks/preview.py when the command is `mkdocs serve`. In the
# environment, not a module variable: the preview reloads hooks/ and scripts/
# before each rebuild, which would reset module state.
SERVING_ENV = "DL_MKDOCS_SERVE"


def serving() -> bool:
    """True inside `mkdocs serve` (the live preview)."""
    return os.environ.get(SERVING_ENV) == "1"
