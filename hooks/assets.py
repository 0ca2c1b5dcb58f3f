"""Trim what Material's JavaScript does that this site must not do.

Material's bundle fetches `sitemap.xml` next to every `<link rel=alternate>`
in the page head, to map pages between versions/languages. With per-page
hreflang links (the i18n plugin, and our SEO head) that is one or two 404s
on every page (`/es/faq/sitemap.xml`), and with absolute hreflang URLs it is a
request to the production host. The language switcher already links to the
right page, so we make that lookup select nothing.

The patch is a literal replacement in the built copy of the bundle. If a
Material upgrade changes the code, the build fails here, loudly, instead of
shipping the 404s again (docs/maintainers/CONTRIBUTING.md, "Material patches").
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ORIGINAL = 'M("link[rel=alternate]")'
PATCHED = 'M("link[rel=alternate][data-md-sitemap]")'


def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    # The Spanish build writes to site/es but shares site/assets.
    root = site if (site / "assets").is_dir() else site.parent
    bundles = sorted(root.glob("assets/javascripts/bundle.*.min.js"))
    if not bundles:
        raise PluginError("hooks/assets.py: Material's bundle.*.min.js not found in the built site")
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        if PATCHED in text:
            continue
        if text.count(ORIGINAL) != 1:
            raise PluginError(
                f"hooks/assets.py: {bundle.name}: expected the code {ORIGINAL!r} once; "
                "Material changed - review the patch"
            )
        bundle.write_text(text.replace(ORIGINAL, PATCHED), encoding="utf-8")
        source_map = bundle.with_name(bundle.name + ".map")
        if source_map.exists():
            source_map.unlink()  # it no longer matches the patched file
