"""Material's menu rendered once per build for the pages it does not list.

Every page prints the whole menu (`partials/nav.html`, a fifth of a
1000-post build). For a page the menu does not list (a post, a page of the
updates index) the menu's HTML depends only on the build's navigation, the
items MkDocs marks active and the folder of the page's address (links are
relative to it): `overrides/partials/nav.html` asks `cached(context)` first
and stores what Material's own partial rendered with `store(context, html)`.

Exact, not approximate: a page the menu lists, or one whose address is a
prefix of a listed page's (a relative link would differ), is never cached;
the cache lives on the build's Navigation object, so the Spanish build, and
each `make serve` rebuild, start empty. Material's partial is reached as
`material/partials/nav.html` (`loader`, set in on_env by hooks/navcache.py).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import material
from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PrefixLoader, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
ATTR = "_dl_nav_html"  # on mkdocs.structure.nav.Navigation: key -> rendered menu
SHAPE = "_dl_nav_shape"  # on the same Navigation: (listed addresses, items), see _shape


def loader(theme_loader: BaseLoader) -> BaseLoader:
    """The theme's loader, plus Material's own templates under `material/`."""
    return ChoiceLoader([theme_loader, PrefixLoader({"material": FileSystemLoader(str(MATERIAL_TEMPLATES))})])


def _walk(items: list[Any]) -> list[Any]:
    out = []
    for item in items:
        out.append(item)
        out += _walk(getattr(item, "children", None) or [])
    return out


def _shape(nav: Any) -> tuple[frozenset[str], list[Any]]:
    """What the key needs of the build's Navigation, worked out once per
    Navigation (kept on it, beside the menus): the listed pages' addresses
    and every item in menu order."""
    shape = getattr(nav, SHAPE, None)
    if shape is None:
        shape = (frozenset(p.url for p in nav.pages), _walk(list(nav.items)))
        setattr(nav, SHAPE, shape)
    return shape


def _key(context: Context) -> tuple[Any, ...] | None:
    nav, page = context.get("nav"), context.get("page")
    if nav is None or page is None or not isinstance(getattr(page, "url", None), str):
        return None
    listed, items = _shape(nav)
    if page.url in listed or any(url.startswith(page.url) for url in listed):
        return None  # listed, or a prefix of a listed page's address (the home page's "" is one of all)
    return (posixpath.dirname(page.url.rstrip("/")), context.get("base_url"),
            tuple(bool(getattr(i, "active", False)) for i in items))


@pass_context
def cached(context: Context) -> Markup | None:
    key = _key(context)
    store_ = getattr(context.get("nav"), ATTR, None)
    return None if key is None or store_ is None else store_.get(key)


@pass_context
def store(context: Context, html: str) -> str:
    key = _key(context)
    nav = context.get("nav")
    if key is not None and nav is not None:
        if not hasattr(nav, ATTR):
            setattr(nav, ATTR, {})
        getattr(nav, ATTR)[key] = html
    return html
