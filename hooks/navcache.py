"""Material's menu rendered once per build for pages it does not list
(posts): sitebuild/navcache.py says why it is exact.

- on_env: Material's templates reachable as `material/...` (for
  overrides/partials/nav.html), and the `nav_cached` / `nav_store` globals.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from sitebuild import navcache


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.loader = navcache.loader(env.loader)  # type: ignore[arg-type]
    env.globals["nav_cached"] = navcache.cached
    env.globals["nav_store"] = navcache.store
    return env
