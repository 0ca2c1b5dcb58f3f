"""Strict Content-Security-Policy and security headers (sitebuild/csp.py).

- on_config: SITE_URL (site_url) is a plain http(s) address: scheme, host,
  port, nothing that could leave an attribute (sitebuild.csp.url_problem).
- The policy allows exactly the inline scripts named in
  sitebuild.csp.ALLOWED_INLINE and the inline styles in ALLOWED_STYLES,
  hashed from their template sources (rendered with this site's config),
  never from what the built pages contain; any other inline script or
  <style> in a built page fails the build.
- Every page gets the policy as <meta http-equiv>, HTML-escaped (for hosts
  that ignore `_headers`, e.g. GitHub Pages); a refused script or style is
  named with the page's source file. Not in `mkdocs serve` (its live-reload
  script is inline).
- After the last language build, `_headers` carries the full policy (with
  frame-ancestors) for Netlify / Cloudflare Pages.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitebuild.buildinfo import inner_language_build, serving
from sitebuild.csp import (
    allowed_scripts,
    allowed_styles,
    headers_file,
    policy,
    unknown_scripts,
    unknown_styles,
    url_problem,
)

CHARSET = '<meta charset="utf-8">'
KEY = "_csp_allowed_scripts"
STYLES_KEY = "_csp_allowed_styles"

# `mkdocs serve` injects its live-reload script inline; the preview must not
# block it (sitebuild.buildinfo.serving, set by hooks/preview.py).


def endpoint(config: MkDocsConfig) -> str:
    """The contact form's endpoint, as hooks/contact.py resolved and checked it."""
    return str(config.extra["firm"].get("contact_endpoint") or "")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problem = url_problem(str(config.site_url or ""))
    if problem:
        raise PluginError(f"environment variable SITE_URL (site_url in mkdocs.yml): the address {problem}. "
                          "Hint: write the site's public address, like https://www.example.org/")
    return config


def allowed(config: MkDocsConfig, env: Environment | None = None, which: str = KEY) -> dict[str, str]:
    """{hash: purpose} of the allowlisted inline scripts (or styles, with
    which=STYLES_KEY), from their templates (computed once per build in
    on_env, kept on that build's config)."""
    if env is None and which in config.extra:
        return config.extra[which]
    env = env or config.theme.get_env()
    features = config.theme.get("features") or []

    def render(template: str) -> str:
        return env.get_template(template).render(config=config, features=features, base_url=".")

    try:
        return (allowed_styles if which == STYLES_KEY else allowed_scripts)(render)
    except ValueError as err:
        raise PluginError(f"sitebuild/csp.py: {err}") from err


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    config.extra[KEY] = allowed(config, env)
    config.extra[STYLES_KEY] = allowed(config, env, STYLES_KEY)
    return env


def checked(html: str, config: MkDocsConfig, where: str) -> str:
    """The page with its CSP meta tag, after refusing unknown inline scripts."""
    hashes = allowed(config)
    unknown = unknown_scripts(html, hashes)
    if unknown:
        raise PluginError(
            f"{where}: inline script not on the allowlist (sitebuild/csp.py ALLOWED_INLINE): "
            f"'{unknown[0]}'. Hint: content cannot carry scripts; site code goes in docs/assets/js/"
        )
    styles = allowed(config, which=STYLES_KEY)
    unknown = unknown_styles(html, styles)
    if unknown:
        raise PluginError(
            f"{where}: inline <style> not on the allowlist (sitebuild/csp.py ALLOWED_STYLES): "
            f"'{unknown[0]}'. Hint: styles live in the site's stylesheet (docs/assets/css/src/)"
        )
    if CHARSET not in html:
        raise PluginError(f"{where}: no <meta charset> to anchor the CSP meta tag after")
    csp = escape(policy(hashes, styles, endpoint(config), meta=True))
    tag = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    return html.replace(CHARSET, CHARSET + "\n" + tag, 1)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if serving():
        return output
    return checked(output, config, f"docs/{page.file.src_uri}")


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config) or serving():
        return
    site = Path(config.site_dir)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="Content-Security-Policy"' not in html:  # theme pages (404) skip on_post_page
            rel = page.relative_to(site).as_posix()
            html = checked(html, config, f"{rel} (template overrides/{page.name})")
            page.write_text(html, encoding="utf-8")
    styles = allowed(config, which=STYLES_KEY)
    (site / "_headers").write_text(headers_file(policy(allowed(config), styles, endpoint(config))),
                                   encoding="utf-8")
