"""Help near you: data/local.yml -> the "Help near you" page, both languages.

- on_config: load and check data/local.yml against data/firm.yml's service
  area (sitebuild/local_help.py); any problem fails the build with
  "data/local.yml: <county>/<entry>: <problem>".
- on_page_markdown: on a page that contains the marker <!-- local-help -->,
  replace it with one section per county (overrides/partials/local_help.html,
  autoescaped), headings `{ #county }` identical in both languages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitebuild.buildinfo import page_lang
from sitebuild.local_help import for_page, load
from sitebuild.partials import render_partial
from sitebuild.project import Project

MARKER = "<!-- local-help -->"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = Path(config.config_file_path or "mkdocs.yml").parent / "data"
    config.extra["local_help"] = load(data_dir / "local.yml", list(config.extra["firm"]["service_area"]))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if MARKER not in markdown:
        return None
    lang = page_lang(page, config)
    counties = for_page(config.extra["local_help"], list(config.extra["firm"]["service_area"]), lang)
    try:
        html = render_partial("local_help.html", config.extra["strings"][lang], Project.from_config(config).overrides / "partials", counties=counties)
    except KeyError as err:
        raise PluginError(f"{page.file.src_uri}: {err.args[0]}") from err
    return markdown.replace(MARKER, "\n" + html + "\n")
