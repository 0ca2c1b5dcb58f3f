"""Make Material's markup valid HTML (W3C Nu validator: 0 errors) and give
its search dialog an accessible name.

Material writes three invalid attributes in markup that sits outside any
template block (base.html's toggles) or deep in partials we do not copy:
`autocomplete` on checkboxes, `autocorrect` on the search input, and an
empty `tabindex=""` on section labels. Each is removed from the rendered
page, and so is `for="__toc"` on a page without a table of contents. Every
required fix must still find its target: if Material changes, the build
says so here instead of silently doing nothing. on_post_build does the same
for the 404 pages, which skip on_post_page.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitebuild.buildinfo import inner_language_build

FIXES: list[tuple[str, re.Pattern[str], str, bool]] = [
    # (name, pattern, replacement, required on every page); each pattern starts
    # with a literal tag opening, which _subn finds first (str.find)
    ("checkbox autocomplete", re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"'), r"\1", True),
    ("search autocorrect", re.compile(r'(<input type="text" class="md-search__input"[^>]*?) autocorrect="off"'), r"\1", True),
    ("empty tabindex", re.compile(r'(<label class="md-nav__link"[^>]*?) tabindex=""'), r"\1", False),
]


# Each pattern's literal opening (after its "(", up to its first "["), taken once.
OPENINGS = {pattern: pattern.pattern[1:pattern.pattern.index("[")] for _, pattern, _, _ in FIXES}


def _subn(pattern: re.Pattern[str], repl: str, html: str) -> tuple[str, int]:
    """pattern.subn, tried only where the pattern's literal opening occurs
    (OPENINGS): a regex scan of each whole page cost about 0.7 s at 1,000
    posts. The same result, as each match starts with that text."""
    opening = OPENINGS[pattern]
    parts, count, last = [], 0, 0
    at = html.find(opening)
    while at != -1:
        match = pattern.match(html, at)
        if match:
            parts += [html[last:at], match.expand(repl)]
            last, count = match.end(), count + 1
            at = html.find(opening, match.end())
        else:
            at = html.find(opening, at + 1)
    return ("".join(parts) + html[last:], count) if count else (html, 0)


TOC_LABEL = '<label class="md-nav__title" for="__toc"'
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = re.compile(r'class="md-search__input"[^>]*?aria-label="([^"]+)"')


def fix(html: str, where: str) -> str:
    for name, pattern, repl, required in FIXES:
        html, count = _subn(pattern, repl, html)
        if required and not count:
            raise PluginError(f"hooks/valid_html.py: '{name}' not found in {where}; Material changed?")
    if 'id="__toc"' not in html:  # a page without a table of contents
        html = html.replace(TOC_LABEL, TOC_LABEL.removesuffix(' for="__toc"'))
    # The search dialog needs a name (axe/Lighthouse aria-dialog-name): reuse
    # the search field's own label, already in the page's language.
    label = SEARCH_LABEL.search(html)
    if SEARCH_DIALOG not in html or not label:
        raise PluginError(f"hooks/valid_html.py: search dialog not found in {where}; Material changed?")
    html = html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return fix(output, page.file.src_uri)


@event_priority(-150)  # theme pages (404) skip on_post_page; before hooks/security.py
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return
    for page in Path(config.site_dir).rglob("404.html"):
        page.write_text(fix(page.read_text(encoding="utf-8"), page.name), encoding="utf-8")
