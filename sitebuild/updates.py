"""The firm's updates (news posts): find, check, order, paginate, feed.

A post is a pair of Markdown files in docs/updates/, paired by file name:

    docs/updates/2026-11-03-second-chance-act.md      (English)
    docs/updates/2026-11-03-second-chance-act.es.md   (Spanish)

Front matter: title, description, date (same as in the file name), reviewed,
optional category, optional `draft: true` (sitebuild/schema/frontmatter.py Post). The file name is the address:
/updates/2026-11-03-second-chance-act/ and /es/updates/2026-11-03-second-chance-act/.

Publication: a normal build publishes a post when it is not a draft and its
date has come (`build_date()`: today, or BUILD_DATE=YYYY-MM-DD); a preview
(`mkdocs serve`, or PREVIEW=1) shows drafts and scheduled posts, marked.

Plain functions, no MkDocs: hooks/updates.py, scripts/new_post.py,
scripts/translations.py and the tests all use them. Every problem names the
file (UpdatesError).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from sitebuild import review
from sitebuild.errors import BuildError
from sitebuild.project import LANGS
from sitebuild.review import ReviewError, parse_reviewed
from sitebuild.schema import check, frontmatter

DEFAULT_LANG = LANGS[0]
FOLDER = frontmatter.POSTS.rstrip("/")  # "updates", under docs/ (one home: the front-matter models)
PER_PAGE = 10                 # posts on each index page
FEED_ENTRIES = 20             # newest posts in each feed (the feed's size stays flat)
FEED_FILE = "feed.xml"

POST_NAME = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?P<lang>[a-z]{2}))?\.md$"
)
INDEX_NAME = re.compile(r"^index(?:\.(?P<lang>[a-z]{2}))?\.md$")
# Same front matter delimiters as MkDocs (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class UpdatesError(BuildError, ValueError):  # ValueError: older callers catch it
    """A post or the updates folder is wrong; the message names the file."""


def lang_prefix(lang: str) -> str:
    """'' for the default language, 'es/' for Spanish (site-root-relative URLs)."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def index_url(lang: str, number: int = 1) -> str:
    """Site-root-relative URL of index page `number`: updates/, updates/page/2/."""
    tail = "" if number == 1 else f"page/{number}/"
    return f"{lang_prefix(lang)}{FOLDER}/{tail}"


def feed_url(lang: str) -> str:
    return f"{lang_prefix(lang)}{FOLDER}/{FEED_FILE}"


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url.lstrip("/")


@dataclass(frozen=True)
class Post:
    src_uri: str          # "updates/2026-11-03-slug.es.md" (relative to docs/)
    lang: str
    stem: str             # "2026-11-03-slug": the address, shared by both languages
    slug: str
    date: dt.date
    reviewed: dt.date | None   # None while the attorney review is pending
    title: str
    description: str
    category: str | None = None
    draft: bool = False
    state: str = "published"  # or "draft", "scheduled": set by publishable() for a preview

    @property
    def url(self) -> str:
        return f"{lang_prefix(self.lang)}{FOLDER}/{self.stem}/"

    def state_on(self, today: dt.date) -> str:
        if self.draft:
            return "draft"
        return "scheduled" if self.date > today else "published"

    @property
    def index_url(self) -> str:
        return index_url(self.lang)

    @property
    def updated(self) -> dt.date:
        """Last change worth telling feed readers about: the later of date and review."""
        return max(self.date, self.reviewed or self.date)


@dataclass(frozen=True)
class Listing:
    """One page of a language's updates index."""

    lang: str
    number: int
    pages: int
    posts: tuple[Post, ...]

    @property
    def url(self) -> str:
        return index_url(self.lang, self.number)

    @property
    def prev_url(self) -> str | None:  # newer posts
        return index_url(self.lang, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:  # older posts
        return index_url(self.lang, self.number + 1) if self.number < self.pages else None


def front_matter(text: str, src: str) -> dict[str, Any]:
    """The YAML front matter of a Markdown file (empty dict if there is none)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    from sitebuild.errors import ContentError
    from sitebuild.sourcefiles import load_yaml

    try:  # the build's strict reader: duplicate keys, aliases, control characters refused
        meta = load_yaml(match.group(1), src, first_line=2)
    except ContentError as err:
        raise UpdatesError(str(err)) from None
    if not isinstance(meta, dict):
        raise UpdatesError(f"{src}: front matter must be 'key: value' lines")
    return meta


def _reviewed(meta: dict[str, Any], src: str) -> dt.date | None:
    try:
        return parse_reviewed(meta.get("reviewed"), src, post_date=meta.get("date"))
    except ReviewError as err:
        raise UpdatesError(str(err)) from err


def parse_post(src_uri: str, text: str) -> Post:
    """Check one post file and return it; `src_uri` is relative to docs/.

    Both language builds read every post: the second gets the first's result
    (a Post is frozen) when the file's text and the build's date are the same.
    Errors are never kept."""
    return _parse_post(src_uri, text, review.today())


@functools.lru_cache(maxsize=8192)
def _parse_post(src_uri: str, text: str, on: dt.date) -> Post:
    """parse_post; `on` (the build's date, which the review date's bound
    reads) is only part of the cache key."""
    name = src_uri.rsplit("/", 1)[-1]
    match = POST_NAME.match(name)
    if not match:
        raise UpdatesError(
            f"{src_uri}: a post's file name must be YYYY-MM-DD-slug.md or "
            f"YYYY-MM-DD-slug.es.md (lowercase letters, digits and hyphens)"
        )
    lang = match["lang"] or DEFAULT_LANG
    if lang not in LANGS:
        raise UpdatesError(f"{src_uri}: unknown language '.{lang}' (expected one of {', '.join(LANGS)})")
    try:
        name_date = dt.date.fromisoformat(match["date"])
    except ValueError as err:
        raise UpdatesError(f"{src_uri}: the file name has an impossible date '{match['date']}'") from err
    meta = front_matter(text, src_uri)
    head = FRONT_MATTER.match(text)
    # The shape (title, description, date, category, draft): schema.frontmatter.Post.
    check(frontmatter.Post, meta, head.group(1) if head else "", src_uri, first_line=2, error=UpdatesError)
    date = meta["date"]
    if date != name_date:
        raise UpdatesError(
            f"{src_uri}: 'date: {date}' does not match the date in the file name ({name_date})"
        )
    if re.search(r"^#[ \t]", text[head.end():] if head else text, re.M):
        raise UpdatesError(
            f"{src_uri}: remove the '# ...' heading: a post's title comes from 'title:' in the front matter"
        )
    category = meta.get("category")
    draft = meta.get("draft", False)
    return Post(
        src_uri=src_uri,
        lang=lang,
        stem=f"{match['date']}-{match['slug']}",
        slug=match["slug"],
        date=date,
        reviewed=_reviewed(meta, src_uri),
        title=" ".join(meta["title"].split()),
        description=" ".join(meta["description"].split()),
        category=category.strip() if category else None,
        draft=draft,
    )


def newest_first(posts: list[Post]) -> list[Post]:
    return sorted(posts, key=lambda p: (p.date, p.stem), reverse=True)


def load_posts(docs: Path) -> dict[str, list[Post]]:
    """Every post under docs/updates/, checked, per language, newest first.

    Raises UpdatesError listing every problem found (each naming its file):
    bad names or front matter, a post without its translation, two posts
    with the same slug, files in sub-folders.
    """
    folder = docs / FOLDER
    posts: dict[str, list[Post]] = {lang: [] for lang in LANGS}
    if not folder.is_dir():
        return posts
    problems: list[str] = []
    by_stem: dict[str, dict[str, Post]] = {}
    slugs: dict[str, set[str]] = {}
    rejected: set[str] = set()
    if (folder / "page").exists():
        problems.append(f"{FOLDER}/page/: reserved for the index's pages 2, 3, ... (built, not written)")
    for path in sorted(folder.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if path.parent != folder:
            problems.append(f"{rel}: posts go directly in {FOLDER}/, not in sub-folders")
            continue
        if INDEX_NAME.match(path.name):
            continue
        try:
            post = parse_post(rel, path.read_text(encoding="utf-8"))
        except UpdatesError as err:
            problems.append(str(err))
            named = POST_NAME.match(path.name)
            if named:  # its twin is not "missing a translation": this file is just wrong
                rejected.add(f"{named['date']}-{named['slug']}")
            continue
        by_stem.setdefault(post.stem, {})[post.lang] = post
        slugs.setdefault(post.slug, set()).add(post.stem)
        posts[post.lang].append(post)
    for stem, langs in sorted(by_stem.items()):
        for lang in LANGS:
            if lang not in langs and stem not in rejected:
                have = next(iter(langs.values()))
                want = f"{FOLDER}/{stem}{'' if lang == DEFAULT_LANG else '.' + lang}.md"
                problems.append(f"{want}: missing ({lang} translation of {have.src_uri})")
    for slug, stems in sorted(slugs.items()):
        if len(stems) > 1:
            files = ", ".join(f"{FOLDER}/{s}.md" for s in sorted(stems))
            problems.append(f"duplicate slug '{slug}' in {files}: give each post its own slug")
    if problems:
        raise UpdatesError("Updates:\n  " + "\n  ".join(problems))
    return {lang: newest_first(found) for lang, found in posts.items()}


def build_date(env: Mapping[str, str] = os.environ) -> dt.date:
    """The build's "today": BUILD_DATE=YYYY-MM-DD when set (tests, or to
    check what a later day's build will publish), else the real date."""
    value = env.get("BUILD_DATE", "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise UpdatesError(f"environment variable BUILD_DATE: expected YYYY-MM-DD, got '{value}'") from err


def preview_env(env: Mapping[str, str] = os.environ) -> bool:
    """PREVIEW=1 (or true/yes) asks for a preview build (drafts and scheduled posts shown)."""
    return env.get("PREVIEW", "").strip().lower() in ("1", "true", "yes")


def publishable(posts: dict[str, list[Post]], today: dt.date, preview: bool) -> dict[str, list[Post]]:
    """The posts a build shows: published ones; in a preview also drafts and
    scheduled posts, each marked with its `state`."""
    shown: dict[str, list[Post]] = {}
    for lang, found in posts.items():
        marked = [replace(p, state=p.state_on(today)) for p in found]
        shown[lang] = [p for p in marked if preview or p.state == "published"]
    return shown


def paginate(posts: list[Post], lang: str, per_page: int = PER_PAGE) -> list[Listing]:
    """Index pages for one language: always at least one (it may be empty)."""
    chunks = [tuple(posts[i:i + per_page]) for i in range(0, len(posts), per_page)] or [()]
    return [Listing(lang, n, len(chunks), chunk) for n, chunk in enumerate(chunks, start=1)]


def page_markdown(index_meta: dict[str, Any], listing: Listing, strings: dict[str, str]) -> str:
    """Markdown source of index page 2, 3, ...: the first page's front matter
    with a numbered title and description; the template adds the list."""
    title = str(index_meta.get("title") or "")
    label = strings["updates_page_n"].replace("{page}", str(listing.number))
    meta = {
        **index_meta,
        "title": f"{title} ({label})",
        "description": f"{str(index_meta.get('description') or '').rstrip('.')} ({label}).",
        "search": {"exclude": True},   # a list of links: no use as a search result
        "generated": True,
    }
    heading = f"# {meta['title']} {{ #updates }}"
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + heading + "\n"


def _atom_time(day: dt.date) -> str:
    # Noon UTC: the same calendar day for readers from Hawaii to New Zealand.
    return f"{day.isoformat()}T12:00:00Z"


def atom_feed(
    posts: list[Post],
    *,
    lang: str,
    title: str,
    subtitle: str,
    author: str,
    site_url: str,
    floor: dt.date | None,
    limit: int = FEED_ENTRIES,
) -> str:
    """Atom 1.0 feed of the newest `limit` posts of one language, with
    absolute links. `floor` is the feed's date when it has no posts (the
    index page's review date, None while pending). Built with ElementTree, so text is escaped."""
    ET.register_namespace("", ATOM)

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    newest = posts[:limit]
    home = absolute(site_url, index_url(lang))
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    el(feed, "title", title)
    el(feed, "subtitle", subtitle)
    el(feed, "id", home)
    el(feed, "link", rel="self", type="application/atom+xml", href=absolute(site_url, feed_url(lang)))
    el(feed, "link", rel="alternate", type="text/html", hreflang=lang, href=home)
    dates = [d for d in (floor, *(p.updated for p in newest)) if d is not None]
    el(feed, "updated", _atom_time(max(dates, default=dt.date(1970, 1, 1))))
    el(el(feed, "author"), "name", author)
    for post in newest:
        entry = el(feed, "entry")
        el(entry, "title", post.title)
        link = absolute(site_url, post.url)
        el(entry, "id", link)
        # One alternate link only: readers (feedparser among them) pick the
        # last one, so a link to the translation would replace the post's own.
        el(entry, "link", rel="alternate", type="text/html", hreflang=lang, href=link)
        el(entry, "published", _atom_time(post.date))
        el(entry, "updated", _atom_time(post.updated))
        el(entry, "summary", post.description)
        if post.category:
            el(entry, "category", term=post.category)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
