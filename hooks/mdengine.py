"""MkDocs' page renders share one Markdown engine per build
(sitebuild/mdengine.py says why it is exact).

- on_config (every language build): install the shared engine, drop the
  last build's.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from sitebuild import mdengine


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    mdengine.install()
    mdengine.forget()
    return config
