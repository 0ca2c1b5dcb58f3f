"""Render one of overrides/partials/*.html with autoescaping, for hooks that
put generated HTML into a page's Markdown (local help, costs). Values from
data files are escaped by Jinja, never pasted into Python strings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape


def render_partial(name: str, strings: dict[str, str], partials: Path, **context: Any) -> str:
    """Render partials/<name> (from the `partials` folder,
    overrides/partials of the project) with `t('key')` reading `strings` (one language)."""
    env = Environment(
        loader=FileSystemLoader(str(partials)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )

    def t(key: str) -> str:
        if key not in strings:
            raise KeyError(f"data/strings.yml: no '{key}' string")
        return strings[key]

    env.globals["t"] = t
    return env.get_template(name).render(**context)
