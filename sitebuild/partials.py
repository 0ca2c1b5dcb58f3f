"""Render one of overrides/partials/*.html with autoescaping, for hooks that
put generated HTML into a page's Markdown (local help, costs). Values from
data files are escaped by Jinja, never pasted into Python strings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from sitebuild.project import here


def render_partial(name: str, strings: dict[str, str], partials: Path | None = None, **context: Any) -> str:
    """Render partials/<name> (from the `partials` folder, default: the
    project in the working directory) with `t('key')` reading `strings` (one language)."""
    env = Environment(
        loader=FileSystemLoader(str(partials or here().overrides / "partials")),
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
