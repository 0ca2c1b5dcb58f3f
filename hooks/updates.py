"""The firm's updates, per language: post pages, a paginated index, an Atom feed.

Our own hook, not Material's blog plugin or mkdocs-rss-plugin: see
docs/maintainers/ARCHITECTURE.md, "Updates: why our own hook". The logic
lives in sitebuild/updates.py; this file only connects it to MkDocs.

mkdocs-static-i18n runs the whole build once per language. Each build:
- on_files (after the i18n plugin has chosen this language's files): check
  every post of both languages (sitebuild.updates.load_posts), drop the posts
  that are not out yet (`draft: true`, or dated after BUILD_DATE / today:
  no page, index entry, feed entry or sitemap line) unless this is a preview
  (`mkdocs serve` or PREVIEW=1, where they are shown and marked), give each
  post file and updates/index(.es).md what their templates show, add index
  pages 2..n (updates/page/N/) and this language's updates/feed.xml.
- on_page_markdown: a post uses the `update.html` template unless it names one.
- on_page_context: `post` (a post page) or `updates` (an index page).
- on_env: `updates_feed` for <head> (overrides/main.html) and `long_date`.
Nothing is kept between builds: all of it hangs off this build's File objects.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from babel.dates import format_date
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitebuild.buildinfo import serving
from sitebuild.review import parse_reviewed
from sitebuild.updates import (
    FOLDER,
    LANGS,
    absolute,
    atom_feed,
    build_date,
    feed_url,
    front_matter,
    load_posts,
    page_markdown,
    paginate,
    preview_env,
    publishable,
)

INDEX = f"{FOLDER}/index.md"
TEMPLATE = "update.html"



def is_preview() -> bool:
    """`mkdocs serve` (hooks/preview.py) or PREVIEW=1: drafts and scheduled posts shown."""
    return serving() or preview_env()


def build_lang(config: MkDocsConfig) -> str:
    return str(config.theme.get("language") or LANGS[0])


def norm_src(file: File) -> str:
    """updates/index.es.md -> updates/index.md (set by the i18n plugin)."""
    return str(getattr(file, "norm_src_uri", file.src_uri))


def virtual(config: MkDocsConfig, src_uri: str, dest_uri: str, content: str,
            inclusion: InclusionLevel = InclusionLevel.UNDEFINED) -> File:
    file = File.generated(config, src_uri, content=content, inclusion=inclusion)
    file.dest_uri = dest_uri
    return file


def i18n_twin(config: MkDocsConfig, file: File, lang: str, url_of: dict[str, str]) -> None:
    """Give a generated page what mkdocs-static-i18n gives the pages it reads,
    so the language switcher lands on the same page in the other language."""
    file.locale = file.localization = file.locale_alternate_of = lang
    file.norm_src_uri = file.src_uri
    file.alternates = {lang: file}
    for other, url in url_of.items():
        if other != lang:
            dest = url + "index.html"
            file.alternates[other] = File(file.src_uri, None, config.site_dir,
                                          config.use_directory_urls, dest_uri=dest)


@event_priority(-200)  # after mkdocs-static-i18n (-100) picked this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = build_lang(config)
    docs = Path(config.docs_dir)
    found = load_posts(docs)  # an UpdatesError is a BuildError: printed as is
    posts = publishable(found, build_date(), is_preview())
    ours = {p.src_uri: p for p in posts[lang]}
    not_out = {p.src_uri for code in LANGS for p in found[code]} - {p.src_uri for code in LANGS for p in posts[code]}
    index = None
    for file in list(files.documentation_pages()):
        if norm_src(file) == INDEX:
            index = file
        elif file.src_uri in ours:
            file.updates_post = ours[file.src_uri]
        elif file.src_uri in not_out:
            files.remove(file)  # a draft or a post whose day has not come: not built at all
    if index is None:
        if any(posts.values()):
            raise PluginError(f"{FOLDER}/: posts need an index page, {INDEX} (and its translation)")
        return files
    meta = front_matter(index.content_string, index.src_uri)
    reviewed = parse_reviewed(meta.get("reviewed"), index.src_uri)

    every = {code: paginate(posts[code], code) for code in LANGS}
    listings = every[lang]
    index.updates_listing = listings[0]
    strings = config.extra["strings"][lang]
    for listing in listings[1:]:
        src = f"{FOLDER}/page/{listing.number}.md"
        page = virtual(config, src, listing.url + "index.html",
                       page_markdown(meta, listing, strings), InclusionLevel.NOT_IN_NAV)
        i18n_twin(config, page, lang, {
            code: pages[listing.number - 1].url
            for code, pages in every.items() if len(pages) >= listing.number
        })
        page.updates_listing = listing
        files.append(page)

    title = f"{config.site_name}: {meta.get('title')}"
    xml = atom_feed(posts[lang], lang=lang, title=title, subtitle=str(meta.get("description") or ""),
                    author=str(config.extra["firm"]["name"]), site_url=config.site_url or "", floor=reviewed)
    feed = virtual(config, f"{FOLDER}/feed.xml", feed_url(lang), xml)
    feed.updates_feed = {"url": absolute(config.site_url or "", feed_url(lang)), "title": title}
    files.append(feed)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if getattr(page.file, "updates_post", None) is None:
        return None
    page.meta.setdefault("template", TEMPLATE)
    return None


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict[str, Any]:
    post = getattr(page.file, "updates_post", None)
    listing = getattr(page.file, "updates_listing", None)
    if post is not None:
        context["post"] = post
    if listing is not None:
        context["updates"] = listing
    if page.meta.get("template") == TEMPLATE and post is None:
        raise PluginError(f"{page.file.src_uri}: template '{TEMPLATE}' is for posts "
                          f"({FOLDER}/YYYY-MM-DD-slug.md) only")
    return context


def long_date(value: dt.date, lang: str) -> str:
    """3 November 2026 in the page's language: November 3, 2026 / 3 de noviembre de 2026."""
    return format_date(value, "long", locale=lang)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    feed = next((f.updates_feed for f in files if hasattr(f, "updates_feed")), None)
    env.globals["updates_feed"] = feed
    env.filters["long_date"] = long_date
    return env

