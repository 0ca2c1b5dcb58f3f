"""After the last language build, drop the rules of Material's stylesheet
that no page can use (scripts/purge_css.py): render-blocking CSS is part of
the page-weight budget."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.purge_css import purge_site  # noqa: E402


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # an inner (per-language) build: wait for the last one
    purge_site(Path(config.site_dir))
