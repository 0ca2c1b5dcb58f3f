"""One 404 page per language.

MkDocs renders the theme's 404.html into the site root on every build, and
mkdocs-static-i18n runs one build per language into the same root, so the
Spanish build overwrites the English page. After the English build we keep
its copy; after the Spanish build we move the Spanish page to es/404.html and
put the English one back. Hosts serve /404.html, and /es/404.html for /es/*
(see netlify.toml / _redirects).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

KEEP = "404.en.keep"


def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    page = site / "404.html"
    if not page.exists():
        return
    lang = config.theme.get("language", "en")
    if lang == "en":
        shutil.copyfile(page, site / KEEP)
        return
    # Netlify: a missing /es/... URL gets the Spanish page (Cloudflare Pages
    # and GitHub Pages pick the nearest 404.html by themselves).
    with open(site / "_redirects", "w", encoding="utf-8") as fh:  # one extra language: es
        fh.write(f"/{lang}/*  /{lang}/404.html  404\n")
    (site / lang).mkdir(exist_ok=True)
    shutil.move(page, site / lang / "404.html")
    kept = site / KEEP
    if kept.exists():
        shutil.move(kept, page)
