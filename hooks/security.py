"""Strict Content-Security-Policy and security headers (scripts/security.py).

- every page gets the policy as <meta http-equiv> (for hosts that ignore
  `_headers`, e.g. GitHub Pages), with that page's inline-script hashes;
- after the last language build, `_headers` carries the full policy (with
  frame-ancestors) for Netlify / Cloudflare Pages. A new kind of inline
  script (Material upgrade) fails the build instead of being allowed blindly.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitebuild.buildinfo import inner_language_build, serving
from sitebuild.csp import MAX_INLINE, headers_file, inline_hashes, policy

CHARSET = '<meta charset="utf-8">'

# `mkdocs serve` injects its live-reload script inline; the preview must not
# block it (sitebuild.buildinfo.serving, set by hooks/preview.py).


def endpoint(config: MkDocsConfig) -> str:
    """The contact form's endpoint, as hooks/contact.py resolved and checked it."""
    return str(config.extra["firm"].get("contact_endpoint") or "")


def with_meta_csp(html: str, config: MkDocsConfig, where: str) -> str:
    scripts, styles = inline_hashes(html)
    if CHARSET not in html:
        raise PluginError(f"{where}: no <meta charset> to anchor the CSP meta tag after")
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(scripts, styles, endpoint(config), meta=True)}">'
    return html.replace(CHARSET, CHARSET + "\n" + tag, 1)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if serving():
        return output
    return with_meta_csp(output, config, page.file.src_uri)


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config) or serving():
        return
    site = Path(config.site_dir)
    scripts: set[str] = set()
    styles: set[str] = set()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="Content-Security-Policy"' not in html:  # theme pages (404) skip on_post_page
            html = with_meta_csp(html, config, page.relative_to(site).as_posix())
            page.write_text(html, encoding="utf-8")
        s, st = inline_hashes(html)
        scripts |= s
        styles |= st
    if len(scripts) > MAX_INLINE:
        raise PluginError(
            f"hooks/security.py: {len(scripts)} different inline scripts in the site (expected at most "
            f"{MAX_INLINE}); move new ones to a file under docs/assets/js/"
        )
    (site / "_headers").write_text(headers_file(policy(scripts, styles, endpoint(config))), encoding="utf-8")
