"""Content rules every page must meet, checked while the site builds.

- Every English page has a Spanish twin (page.md + page.es.md) and back.
- Front matter has `description` and `reviewed` (`pending` or a date).
- Statute links are written `[G.S. 90-96(a)](gs:90-96)` and become links to the
  NC General Assembly's page for that section; a malformed one fails.
Each failure names the file and what is wrong (PluginError).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitebuild.review import parse_reviewed
from sitebuild.statutes import ContentError, gs_url
from sitebuild.translations import translation_gaps

GS_LINK = re.compile(r"\]\(gs:([^)\s]*)\)")


def front_matter_error(markdown: str) -> str:
    block = markdown.split("---", 2)[1] if markdown.count("---") >= 2 else markdown
    try:
        yaml.safe_load(block)
    except yaml.YAMLError as err:
        return " ".join(str(err).split())
    return "the block between the '---' lines must be a mapping of keys to values"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    gaps = translation_gaps(Path(config.docs_dir))
    if gaps:
        raise PluginError("Missing translations:\n  " + "\n  ".join(gaps))
    return files


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str:
    src = page.file.src_uri
    meta = page.meta
    if markdown.startswith("---"):  # MkDocs left the block in: it is not valid YAML
        raise PluginError(f"{src}: front matter is not valid YAML: {front_matter_error(markdown)}")
    if not str(meta.get("description") or "").strip():
        raise PluginError(f"{src}: front matter needs a 'description' (one plain sentence)")
    if not meta.get("generated") or "reviewed" in meta:  # generated pages carry their index's
        # None while pending: templates then show the draft notice and
        # make no review claim (overrides/partials/firm.html, reviewed()).
        meta["review_date"] = parse_reviewed(meta.get("reviewed"), src, post_date=meta.get("date"))

    def link(match: re.Match[str]) -> str:
        try:
            return f"]({gs_url(match.group(1))})"
        except ContentError as err:
            raise PluginError(f"{src}: {err}") from err

    return GS_LINK.sub(link, markdown)
