"""Our CSS and Material's, kept small (render-blocking CSS is part of the
page-weight budget):

- docs/assets/css/src/*.css (site, quiz, contact, updates) are joined, in
  file-name order, into one assets/css/site.css: one request on every page,
  cached across pages, instead of a second stylesheet on page types;
- after the last language build, the rules of Material's stylesheet that no
  page can use are dropped (scripts/purge_css.py)."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.plugins import event_priority

from sitebuild.buildinfo import inner_language_build
from scripts.purge_css import COMMENT, purge_site


SOURCES = "assets/css/src"
BUNDLE = "assets/css/site.css"
BLANK = re.compile(r"\n\s*\n+")


@event_priority(-150)  # after mkdocs-static-i18n (-100): it cannot handle generated files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    parts = sorted((Path(config.docs_dir) / SOURCES).glob("*.css"))
    # Comments are for maintainers (about 1.5 KiB gzip of the render-blocking budget).
    bundle = "\n".join(f"/* ---- {p.name} ---- */\n{BLANK.sub(chr(10), COMMENT.sub('', p.read_text(encoding='utf-8')))}"
                        for p in parts)
    if files.get_file_from_path(BUNDLE) is None:
        files.append(File.generated(config, BUNDLE, content=bundle))
    return files


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return  # an inner (per-language) build: wait for the last one
    purge_site(Path(config.site_dir))
