"""Our CSS and Material's, kept small (render-blocking CSS is part of the
page-weight budget):

- docs/assets/css/src/*.css (site, quiz, contact, updates) are joined, in
  file-name order, into one assets/css/site.css: one request on every page,
  cached across pages, instead of a second stylesheet on page types; the
  sources keep their comments, the bundle does not (comments and runs of
  blanks dropped outside quoted strings: a third of its gzip bytes);
- after the last language build, the rules of Material's stylesheet that no
  page can use are dropped (sitebuild/purge_css.py)."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sitebuild.buildinfo import inner_language_build
from sitebuild.purge_css import purge_site

SOURCES = "assets/css/src"
STRING_OR_COMMENT = re.compile(r'("(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')|/\*.*?\*/', re.S)
AROUND = re.compile(r"\s*([{};])\s*")


def minify(css: str) -> str:
    """Drop comments and collapse blanks; quoted strings are kept as written."""
    out, pos = [], 0
    squeeze = lambda t: AROUND.sub(r"\1", re.sub(r"\s+", " ", t))  # noqa: E731
    for m in STRING_OR_COMMENT.finditer(css):
        out.append(squeeze(css[pos:m.start()]))
        out.append(m.group(1) or " ")
        pos = m.end()
    out.append(squeeze(css[pos:]))
    return "".join(out).strip()


BUNDLE = "assets/css/site.css"


@event_priority(-150)  # after mkdocs-static-i18n (-100): it cannot handle generated files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    parts = sorted((Path(config.docs_dir) / SOURCES).glob("*.css"))
    bundle = minify("\n".join(p.read_text(encoding="utf-8") for p in parts))
    if files.get_file_from_path(BUNDLE) is None:
        files.append(File.generated(config, BUNDLE, content=bundle))
    return files


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return  # an inner (per-language) build: wait for the last one
    purge_site(Path(config.site_dir))
