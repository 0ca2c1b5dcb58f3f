"""Diagrams and home-page icons: data/diagrams.yml -> pages, both languages.

- on_config: load and check data/diagrams.yml (sitebuild/diagrams.py); a
  mistake fails the build with "data/diagrams.yml:LINE: problem. Hint: fix".
- on_page_markdown: a line `<!-- diagram: ID -->` becomes that diagram's
  <figure> in the page's language (overrides/partials/diagrams.html). An
  unknown ID, or twins whose markers differ, fail with the page and line.
- on_page_content (home page): each topic link that starts a list item gets
  its page's icon, and the "Do this now" box its heading icon; the icons are
  decoration (aria-hidden), the same in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitebuild.buildinfo import page_lang
from sitebuild.diagrams import MARKER, home_icon, load, render
from sitebuild.errors import fail
from sitebuild.project import Project
from sitebuild.sourcefiles import split_page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["diagrams"] = load(Project.from_config(config).data / "diagrams.yml")
    return config


def _twin(src: Path) -> Path:
    name = src.name
    if name.endswith(".es.md"):
        return src.with_name(name.removesuffix(".es.md") + ".md")
    return src.with_name(name.removesuffix(".md") + ".es.md")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "<!-- diagram:" not in markdown:
        return None
    src = f"docs/{page.file.src_uri}"
    data = config.extra["diagrams"]
    lang = page_lang(page, config)
    # Line numbers in the file: the body follows the front matter.
    source = Path(config.docs_dir) / page.file.src_uri
    offset = split_page(source.read_text(encoding="utf-8"), src).body_line - 1
    for n, line in enumerate(markdown.splitlines(), start=1 + offset):
        if line.startswith("<!-- diagram:") and not MARKER.match(line):
            raise fail(src, n, f"malformed diagram marker {line.strip()!r}",
                       "write it alone on its line: <!-- diagram: path-90-96 -->")
        m = MARKER.match(line)
        if m and m.group(1) not in data.diagrams:
            raise fail(src, n, f"unknown diagram '{m.group(1)}'",
                       f"use one of {', '.join(data.diagrams)} (data/diagrams.yml)")
    twin = _twin(source)
    if twin.exists():
        mine = MARKER.findall(markdown)
        theirs = MARKER.findall(twin.read_text(encoding="utf-8"))
        if mine != theirs:
            raise fail(src, None, f"diagrams {mine} but its twin has {theirs}",
                       f"put the same <!-- diagram: ID --> lines in docs/{twin.relative_to(config.docs_dir)}")

    def figure(m: re.Match[str]) -> str:
        return "\n" + render(m.group(1), data.diagrams[m.group(1)], lang, config.extra["strings"][lang], Project.from_config(config).overrides / "partials") + "\n"

    return MARKER.sub(figure, markdown)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if page.file.src_uri not in ("index.md", "index.es.md"):
        return None
    icons = config.extra["diagrams"].home_icons
    partials = Project.from_config(config).overrides / "partials"
    for src, name in (icons.get("links") or {}).items():
        href = re.escape(src.removesuffix(".md") + "/")
        def add_icon(m: re.Match[str], icon: str = home_icon(name, partials)) -> str:
            return m.group(0)[:4] + icon + m.group(0)[4:]
        html = re.sub(rf'<li><a href="{href}">', add_icon, html)
    now = icons.get("now")
    if now:
        box = re.compile(r'(<div class="dl-now">\s*<h2 id="do-this-now">)')
        html, count = box.subn(lambda m: m.group(1) + home_icon(now, partials), html)
        if not count:
            raise PluginError(f"docs/{page.file.src_uri}: no 'Do this now' box (div.dl-now > h2#do-this-now) "
                              "for the icon in data/diagrams.yml home_icons.now")
    return html
