"""Content rules over the whole docs/ folder, so every deploy path (any host
that runs `mkdocs build`) enforces them, not only `make test`.

on_config, once per build (the outer, default-language build), for every page
of both languages (sitebuild/ holds the rules), before any other hook reads docs/:
- readable: UTF-8, front matter that is valid YAML (sourcefiles.py);
- no raw <script>/<iframe>/<object>/<embed>, on*= handler or javascript: URL
  in the body or the front matter (markup.py);
- a `title:` that YAML read as empty (e.g. `title: # Fees`) fails;
- `{{ firm.key }}` placeholders name real firm facts (placeholders.py);
- statute links are well formed (statutes.py);
- every heading has an anchor (anchors.py).
on_nav (after every on_files, so post-specific messages come first):
- twins exist, with identical heading anchors, the same statutes, and
  descriptions unique per language (anchors.py, translations.py).
on_post_page: no `{{` or `}}` left in a built page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitebuild import anchors, markup, placeholders, statutes, translations
from sitebuild.buildinfo import inner_language_build
from sitebuild.data import localize
from sitebuild.errors import ContentError, fail
from sitebuild.sourcefiles import compose_yaml, read_page

TITLE_LINE = re.compile(r"(?m)^title:")
KEY = "_rules_docs"  # this build's findings, from on_config to on_nav


def check_page(path: Path, where: str, lang: str, firm: Any) -> tuple[dict[str, Any], str, list[tuple[int, str]]]:
    src, meta = read_page(path, where)
    if src.front and any(True for _ in markup.value_problems(meta)):
        markup.check_yaml(compose_yaml(src.front), where, first_line=2)
    if "title" in meta and not str(meta["title"] or "").strip():
        line = src.front[: TITLE_LINE.search(src.front).start()].count("\n") + 2 if TITLE_LINE.search(src.front) else 2
        raise fail(where, line, "'title' is empty",
                   'a value that starts with # is a YAML comment: put it in quotes, title: "#1 question"')
    markup.check_text(src.body, where, src.body_line)
    placeholders.check_front(src.front, where)
    placeholders.check(src.body, firm, where, src.body_line, lambda v: localize(v, lang))
    statutes.check(src.body, where, src.body_line)
    return meta, src.body, anchors.headings(src.body, where, src.body_line)


def check_docs(docs: Path, firm: Any) -> dict[str, Any]:
    """Every page on its own; returns what the cross-page checks need."""
    by_base: dict[str, dict[str, tuple[str, str, list[tuple[int, str]]]]] = {}
    described: dict[str, tuple[str, str]] = {}
    for rel in translations.pages(docs):
        base, lang = translations.split_lang(rel)
        where = f"docs/{rel}"
        meta, body, heads = check_page(docs / rel, where, lang, firm)
        by_base.setdefault(base, {})[lang] = (where, body, heads)
        description = " ".join(str(meta.get("description") or "").split())
        if description:
            described[rel] = (lang, description)
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
        config.extra[KEY] = check_docs(Path(config.docs_dir), config.extra["firm"])
    return config


@event_priority(-300)  # after every on_files (hooks/updates.py's post messages come first)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    found = config.extra.pop(KEY, None)
    if found is not None:
        check_across(Path(config.docs_dir), found)
    return nav


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    found = placeholders.leftover(output)
    if found:
        raise fail(f"docs/{page.file.src_uri}", None, f"'{found}' left in the built page",
                   "placeholders work only as {{ firm.key }} in a page body; "
                   "data/*.yml and templates take no placeholders")
    return output
