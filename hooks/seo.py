"""Search-engine metadata and per-language search.

- Each page's context gets `seo`: absolute canonical URL, hreflang
  alternates (+ x-default), Open Graph locale, and JSON-LD blocks
  (LegalService from data/firm.yml on every page, BreadcrumbList, FAQPage on
  the FAQ built from the same HTML the visitor reads). overrides/main.html
  renders them in the `site_meta` block. A page without a description fails.
- on_post_page, pages not in the default language: Material's `__config`
  gets `base` = the language root, so its search reads that language's index
  (sitebuild.seo.set_search_base; a patch on Material's markup).
- After the LAST language build: sitemap.xml with xhtml:link alternates for
  every page (our own: the i18n plugin's crashes on files without
  alternates, ultrabug/mkdocs-static-i18n#246), robots.txt, and one search
  index per language (the i18n plugin writes one combined index, #271),
  with the search words of data/search.yml (sitebuild/search_keywords.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitebuild.buildinfo import inner_language_build, page_lang
from sitebuild.project import Project
from sitebuild.search_keywords import add_to_indexes
from sitebuild.seo import (
    OG_LOCALES,
    breadcrumb_jsonld,
    faq_jsonld,
    legal_service_jsonld,
    set_search_base,
    split_search_index,
    write_robots,
    write_sitemap,
)


def absolute(config: MkDocsConfig, url: str) -> str:
    path = url.lstrip("/")
    if path in (".", "./"):  # the default language's home page
        path = ""
    return (config.site_url or "").rstrip("/") + "/" + path


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    if not config.site_url:
        raise PluginError("mkdocs.yml: site_url is required (canonical links, hreflang, sitemap)")
    lang, default_lang = page_lang(page, config), Project.from_config(config).default_lang
    description = str(page.meta.get("description") or "").strip()
    if not description:
        raise PluginError(f"{page.file.src_uri}: front matter needs a 'description' (one plain sentence)")
    alternates = {lang: absolute(config, page.url)}
    for other, file in (getattr(page.file, "alternates", None) or {}).items():
        alternates.setdefault(other, absolute(config, file.url))
    firm = config.extra["firm"]
    home = absolute(config, "" if lang == default_lang else f"{lang}/")
    jsonld = [legal_service_jsonld(firm, lang, absolute(config, ""), home,
                                   absolute(config, "assets/img/share.png"))]
    if Path(page.file.src_uri).name.split(".")[0] != "index" or "/" in page.file.src_uri:
        crumbs: list[tuple[str, str]] = [(config.site_name, home)]
        for ancestor in page.ancestors:
            link = getattr(ancestor, "url", None)
            if link:
                crumbs.append((str(ancestor.title), absolute(config, link)))
        crumbs.append((page.title, absolute(config, page.url)))
        jsonld.append(breadcrumb_jsonld(crumbs))
    if Path(page.file.src_uri).name.split(".")[0] == "faq":
        try:
            jsonld.append(faq_jsonld(page.content or "", lang))
        except ValueError as err:
            raise PluginError(f"{page.file.src_uri}: {err}") from err
    context["seo"] = {
        "lang": lang,
        "canonical": absolute(config, page.url),
        "alternates": sorted(alternates.items()),
        "x_default": alternates.get(default_lang, absolute(config, page.url)),
        "og_locale": OG_LOCALES[lang],
        "og_alternate": [OG_LOCALES[other] for other in alternates if other != lang],
        "image": absolute(config, "assets/img/share.png"),
        "jsonld": jsonld,
    }
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    lang = page_lang(page, config)
    if lang == Project.from_config(config).default_lang:
        return output
    return set_search_base(output, lang)


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return
    site = Path(config.site_dir)
    try:
        write_sitemap(site, config.site_url or "")
        write_robots(site, config.site_url or "")
        langs = split_search_index(site)
    except ValueError as err:
        raise PluginError(f"hooks/seo.py: {err}") from err
    project = Project.from_config(config)
    add_to_indexes(site, {lang: site if lang == project.default_lang else site / lang for lang in langs},
                   project.data / "search.yml")
