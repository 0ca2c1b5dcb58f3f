"""Content rules over the whole docs/ folder, so every deploy path (any host
that runs `mkdocs build`) enforces them, not only `make test`.

on_config, once per build (the outer, default-language build), for every page
of both languages (sitebuild/ holds the rules), before any other hook reads docs/:
- docs/ holds only pages (.md) and the assets the site owns (sourcefiles.py
  FILE_TYPES): no stray .html, .js, .markdown or uploaded SVG;
- readable: UTF-8, front matter that is strict YAML: no duplicate key, alias,
  control character or direction override (sourcefiles.py);
- the author's HTML (the body rendered with the site's Markdown extensions,
  before any hook adds its own markup; every front-matter string) holds only
  what sitebuild/allowlist.py names (markup.py);
- front matter follows its model (sitebuild/schema/frontmatter.py: Page, or
  Post under updates/; unknown keys refused): `title`/`description` are text
  (a `title:` that YAML read as empty fails); `template:` names one of
  overrides/*.html; only posts have `draft`, `date`, `category`; `reviewed`
  is pending or a date from the site's start (posts: any) to today (a
  scheduled post: its own date);
- `{{ firm.key }}` placeholders name real firm facts (placeholders.py);
- statute links are well formed (statutes.py);
- headings are read for the parity check (anchors.py).
on_nav (after every on_files, so post-specific messages come first):
- twins exist, with the same headings (count, levels) and ids, the same statutes, the same
  `draft` (posts), and descriptions unique per language (anchors.py, translations.py).
on_page_markdown (first of all hooks): a heading without `{ #id }` gets the
  id of the English twin's heading at its position (derived_anchors.py).
  Then, in the same event: each page of each language build: `reviewed` becomes
`page.meta["review_date"]` (None while pending) and `](gs:90-96)` the NC
General Assembly's URL (statutes.link). The description itself is required by
hooks/seo.py (every page, generated ones too).
on_post_page: no `{{` or `}}` left in a built page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown as md_lib
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitebuild import allowlist, anchors, derived_anchors, markup, parallel, placeholders, statutes, translations
from sitebuild.buildinfo import inner_language_build
from sitebuild.data import localize
from sitebuild.errors import ContentError, fail
from sitebuild.review import ReviewError, parse_reviewed
from sitebuild.schema import frontmatter
from sitebuild.sourcefiles import compose_yaml, docs_file_problem, read_page

KEY = "_rules_docs"  # this build's findings, from on_config to on_nav
POSTS = frontmatter.POSTS  # docs/updates/: posts (one home: the front-matter models)
Render = Callable[[str], str]


def check_meta(meta: dict[str, Any], front: str, where: str, rel: str, templates: frozenset[str]) -> None:
    """The page's front matter against its model (sitebuild/schema/frontmatter.py:
    Page, or Post under updates/), then the review date's bounds."""
    frontmatter.validate(meta, front, where, rel, templates)


def check_page(path: Path, where: str, lang: str, firm: Any, render: Render | None = None,
               reserved: frozenset[str] = frozenset(), templates: frozenset[str] = frozenset(),
               rel: str = "") -> tuple[dict[str, Any], str, list[anchors.Heading]]:
    src, meta = read_page(path, where)
    if src.front and any(True for _ in markup.value_problems(meta)):
        markup.check_yaml(compose_yaml(src.front), where, first_line=2)
    check_meta(meta, src.front, where, rel, templates)
    if render is not None:
        markup.check_rendered(render(src.body), src.body, where, src.body_line, reserved)
    placeholders.check_front(src.front, where)
    placeholders.check(src.body, firm, where, src.body_line, lambda v: localize(v, lang))
    statutes.check(src.body, where, src.body_line)
    return meta, src.body, anchors.headings(src.body, where, src.body_line)


def renderer(config: MkDocsConfig) -> Render:
    """The author's Markdown as HTML, with the site's own extensions."""
    engine = md_lib.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def render(text: str) -> str:
        engine.reset()
        return engine.convert(text)

    return render


def check_files(docs: Path, excluded: tuple[str, ...] = translations.EXCLUDED) -> None:
    """Only pages and the site's own assets under docs/ (sourcefiles.FILE_TYPES)."""
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        rel = path.relative_to(docs).as_posix()
        if rel.startswith(excluded):
            continue
        found = docs_file_problem(rel)
        if found:
            raise fail(f"docs/{rel}", None, *found)


def check_docs(docs: Path, firm: Any, render: Render | None = None,
               templates: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Every page on its own; returns what the cross-page checks need."""
    check_files(docs)
    reserved = allowlist.reserved_ids(docs.parent)
    by_base: dict[str, dict[str, tuple[str, str, list[anchors.Heading]]]] = {}
    described: dict[str, tuple[str, str]] = {}
    drafts: dict[str, dict[str, tuple[str, bool]]] = {}
    pages = [(rel, f"docs/{rel}", *translations.split_lang(rel)) for rel in translations.pages(docs)]

    def check(page: tuple[str, str, str, str]) -> tuple[dict[str, Any], str, list[anchors.Heading]]:
        rel, where, _, lang = page
        return check_page(docs / rel, where, lang, firm, render, reserved, templates, rel)

    # The pages are checked in two processes from 400 on (sitebuild/parallel.py).
    for (rel, where, base, lang), (meta, body, heads) in zip(pages, parallel.in_two(check, pages)):
        by_base.setdefault(base, {})[lang] = (where, body, heads)
        if rel.startswith(POSTS):
            drafts.setdefault(base, {})[lang] = (where, meta.get("draft") is True)
        description = " ".join(str(meta.get("description") or "").split())
        if description:
            described[rel] = (lang, description)
    for base, langs in sorted(drafts.items()):
        states = {state for _, state in langs.values()}
        if len(states) > 1:
            draft = next(w for w, state in langs.values() if state)
            other = next(w for w, state in langs.values() if not state)
            raise fail(other, None, f"is published while its twin {draft} is a draft",
                       "a draft is a draft in both languages: set 'draft: true' in both files, or in neither")
    return {"by_base": by_base, "described": described}


def check_across(docs: Path, found: dict[str, Any]) -> None:
    """Twins, identical anchors, the same statutes, unique descriptions."""
    by_base, described = found["by_base"], found["described"]
    gaps = translations.translation_gaps(docs)
    if gaps:
        raise ContentError("Missing translations:\n  " + "\n  ".join(gaps))
    problems: list[str] = []
    for base, langs in sorted(by_base.items()):
        en_where, _, en_heads = langs[translations.LANGS[0]]
        for lang, (where, _, heads) in langs.items():
            if lang != translations.LANGS[0]:
                anchors.compare(en_heads, heads, en_where, where)
        problems += translations.statute_gaps(base, {lang: body for lang, (_, body, _) in langs.items()})
    problems += translations.duplicate_descriptions(described)
    if problems:
        raise ContentError("\n".join(problems))




def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Before any other hook reads docs/ (terms, updates, i18n); after
    hooks/firm.py has loaded the firm facts (listed first in mkdocs.yml)."""
    if not inner_language_build(config):  # the whole folder, both languages: once per build
        custom = Path(config.theme.custom_dir or "overrides")
        templates = frozenset(p.name for p in custom.glob("*.html"))
        config.extra[KEY] = check_docs(Path(config.docs_dir), config.extra["firm"], renderer(config), templates)
    return config


@event_priority(-300)  # after every on_files (hooks/updates.py's post messages come first)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    found = config.extra.pop(KEY, None)
    if found is not None:
        check_across(Path(config.docs_dir), found)
    return nav


@event_priority(100)  # before every other hook reads the Markdown, and before MkDocs checks #anchor links
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = derived_anchors.add_ids_to_page(markdown, page.file.abs_src_path, config.docs_dir)
    meta = page.meta
    if not meta.get("generated") or "reviewed" in meta:  # generated pages carry their index's
        # None while pending: templates then show the draft notice and
        # make no review claim (overrides/partials/firm.html, reviewed()).
        try:
            meta["review_date"] = parse_reviewed(meta.get("reviewed"), page.file.src_uri, post_date=meta.get("date"))
        except ReviewError as err:
            raise ContentError(str(err)) from None
    return statutes.link(markdown)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    found = placeholders.leftover(output)
    if found:
        raise fail(f"docs/{page.file.src_uri}", None, f"'{found}' left in the built page",
                   "placeholders work only as {{ firm.key }} in a page body; "
                   "data/*.yml and templates take no placeholders")
    return output
