"""One Markdown engine per build for MkDocs' page renders, instead of one per page.

MkDocs 1.6 `Page.render` (mkdocs/structure/pages.py) builds a new
`markdown.Markdown(extensions=..., extension_configs=...)` for every page:
0.54 ms each, about 1.2 s of a 1000-post build (2,262 pages), the same
engine built again and again. `install()` gives that module a stand-in for
`markdown` whose `Markdown(...)` hands out a kept engine, reset
(`Markdown.reset()`: the HTML stash, the reference links, and every
extension's own `reset`, e.g. toc's tokens), for the same extensions and
settings; anything else is the real module.

Why it is exact: MkDocs registers its four per-page processors (raw HTML,
anchors, relative links, title) on the engine it gets, by name, so each page
replaces the last page's; the site's extensions (mkdocs.yml
markdown_extensions) keep no state across pages but what `reset()` clears.
The built site is byte for byte the same with and without it (checked on
the site and on 1000 posts; tests/test_mdengine.py checks tricky pages in a
row). `forget()` (each build's on_config) drops the kept engine, so every
build and every `make serve` rebuild starts with a new one.

A MkDocs release that stops calling `markdown.Markdown` in
`mkdocs.structure.pages` makes this a no-op (every page gets a new engine
again, nothing else changes); one without a module-level `markdown` there
fails `install()`: re-check on every upgrade (ARCHITECTURE, Patches).
"""

from __future__ import annotations

from typing import Any

import markdown
from mkdocs.structure import pages


class _Module:
    """`markdown` as mkdocs.structure.pages sees it."""

    def __init__(self) -> None:
        self.kept: tuple[tuple[Any, ...], markdown.Markdown] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(markdown, name)

    def Markdown(self, *, extensions: list[Any], extension_configs: dict[str, Any]) -> markdown.Markdown:  # noqa: N802 (markdown's name)
        # The key holds the extension objects themselves, so an id is never
        # reused while its engine is kept.
        key = (tuple(extensions), repr(extension_configs))
        if self.kept is not None and self.kept[0] == key:
            return self.kept[1].reset()
        engine = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
        self.kept = (key, engine)
        return engine


_MODULE = _Module()


def install() -> None:
    """Idempotent: MkDocs' page renders share one engine from now on."""
    if not hasattr(pages, "markdown"):
        raise RuntimeError("mkdocs.structure.pages has no `markdown`: MkDocs changed? (sitebuild/mdengine.py)")
    pages.markdown = _MODULE


def forget() -> None:
    """The next page render builds a new engine."""
    _MODULE.kept = None
