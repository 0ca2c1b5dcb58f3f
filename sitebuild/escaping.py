"""Values from content and data are text, escaped for where they land.

MkDocs' Jinja environment does not autoescape, and Material's templates print
page titles raw. Two measures, together:

1. Our templates (everything under overrides/) are compiled with Jinja's
   autoescape on: every `{{ value }}` is HTML-escaped for text and quoted
   attributes, `~` joins escape too, `tojson` stays valid JSON (it escapes
   < > & '), and what is already HTML (a macro, `super()`, `page.content|safe`)
   passes through. Material's own templates compile as before.
2. Just before a page is rendered, its front-matter strings become escaped
   `Markup`: Material's raw `{{ page.meta.title }}` / `{{ page.title }}`
   then print escaped text, and our autoescaped templates do not escape them
   twice. Python code that runs earlier (search index, JSON-LD, feeds) sees
   the plain text the editor wrote.

URLs from data go through `safe_url`: only https/http, mailto, tel, sms and
relative addresses; anything else (javascript:, data:) fails the build.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from sitebuild.errors import ContentError

SAFE_SCHEMES = ("http", "https", "mailto", "tel", "sms")
MACHINE_KEYS = ("template",)  # front matter read by code, never printed


def autoescape_for(custom_dir: str | Path | None) -> Callable[[str | None], bool]:
    """Jinja's `autoescape` callable: on for templates in `custom_dir`."""
    root = Path(custom_dir) if custom_dir else None
    ours = frozenset(p.relative_to(root).as_posix() for p in root.rglob("*.html")) if root else frozenset()

    def select(name: str | None) -> bool:
        return name in ours  # Jinja asks for every template and macro: keep it a set lookup

    return select


def as_text(value: Any) -> Any:
    """A front-matter value, HTML-escaped and marked safe (strings only,
    recursively through lists and mappings)."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return Markup(escape(value))
    if isinstance(value, list):
        return [as_text(v) for v in value]
    if isinstance(value, dict):
        return {k: as_text(v) for k, v in value.items()}
    return value


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    for key, value in meta.items():
        if key not in MACHINE_KEYS:
            meta[key] = as_text(value)


# Markdown punctuation, written as character references: a firm fact put into
# a page body is text there, never a link, emphasis or attribute list.
MARKDOWN_PUNCTUATION = {c: f"&#{ord(c)};" for c in "\\`*_{}[]"}


def markdown_text(value: Any) -> str:
    """A value for a Markdown body: HTML-escaped, and Markdown's punctuation
    as character references, so `[Attorney](https://x)` stays those characters."""
    text = str(escape(plain(value)))
    return "".join(MARKDOWN_PUNCTUATION.get(c, c) for c in text)


def plain(value: Any) -> str:
    """The text behind a value that may already be escaped Markup."""
    return value.unescape() if isinstance(value, Markup) else str(value)


def safe_url(value: Any) -> str:
    """A URL for href/src: a known safe scheme or relative; else the build fails."""
    url = plain(value).strip()
    scheme = urlsplit(url).scheme.lower()
    if scheme and scheme not in SAFE_SCHEMES:
        raise ContentError(f"unsafe link '{url}': only https://, mailto:, tel:, sms: or a site page. "
                           f"Hint: fix the address in the content or data file that holds it")
    if url.lower().startswith("//"):
        raise ContentError(f"link '{url}' has no scheme. Hint: write https://")
    return url
