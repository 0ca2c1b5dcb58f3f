"""Costs: data/costs.yml -> the list of costs on the Costs page.

- on_config: load and check data/costs.yml (sitebuild/costs.py); a problem
  fails the build with "data/costs.yml: <item>: <problem>".
- on_page_markdown: replace the marker <!-- costs --> with the list
  (overrides/partials/costs.html, autoescaped). Amounts not yet verified by
  the firm are shown as "about ..." with a "not yet confirmed" line.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitebuild.buildinfo import page_lang
from sitebuild.costs import for_page, load
from sitebuild.partials import render_partial
from sitebuild.project import Project

MARKER = "<!-- costs -->"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = Path(config.config_file_path or "mkdocs.yml").parent / "data"
    config.extra["costs"] = load(data_dir / "costs.yml")
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if MARKER not in markdown:
        return None
    lang = page_lang(page, config)
    try:
        html = render_partial("costs.html", config.extra["strings"][lang], Project.from_config(config).overrides / "partials", costs=for_page(config.extra["costs"], lang))
    except KeyError as err:
        raise PluginError(f"{page.file.src_uri}: {err.args[0]}") from err
    return markdown.replace(MARKER, "\n" + html + "\n")
