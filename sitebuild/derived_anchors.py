"""Derived heading ids: editors type `## Heading`, the build adds `{ #id }`.

The id of heading N comes from the ENGLISH twin's heading N: its explicit
`{ #id }` if it has one, else a slug of its words (Python-Markdown's toc
slugify; a repeat on the page gets `_1`, `_2`, as toc does). The Spanish
twin's heading N gets the same id, so deep links and the language switcher
land on the same section. sitebuild/anchors.py checks that both twins have
the same headings (count, levels) and that an explicit id agrees with the
id of its position (hooks/rules.py, on_nav: before any page is rendered).

add_ids runs on each page's Markdown before it is rendered (hooks/rules.py,
on_page_markdown, first of all hooks), so MkDocs' own validation of
`#anchor` links sees the ids in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.toc import slugify

from sitebuild import translations
from sitebuild.anchors import Heading, scan, title
from sitebuild.errors import fail
from sitebuild.sourcefiles import read_text, split_page

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]*>|\{\{.*?\}\}")
ATTRS = re.compile(r"\s*\{:?([^}]*)\}\s*$")
CLOSING = re.compile(r"(?:\s+#+)?\s*$")


def slug(text: str) -> str:
    """'Who can get a *conditional discharge*?' -> 'who-can-get-a-conditional-discharge'."""
    words = TAG.sub("", LINK.sub(r"\1", text)).replace("`", "").replace("*", "").replace("_", " ")
    return slugify(words, "-")


def ids(heads: list[Heading], where: str) -> list[str]:
    """The id of every heading of the ENGLISH twin, by position."""
    used = {h.anchor for h in heads if h.anchor}
    out = []
    for head in heads:
        if head.anchor:
            out.append(head.anchor)
            continue
        base = slug(title(head))
        if not base:
            raise fail(where, head.line, f"heading '{title(head)}' has no words to make an id from",
                       "end it with { #short-english-id }, the same id in both languages")
        new, n = base, 0
        while new in used:
            n += 1
            new = f"{base}_{n}"
        used.add(new)
        out.append(new)
    return out


def with_id(line: str, anchor: str) -> str:
    """'## Title' -> '## Title { #anchor }'; into an attribute list it already has."""
    m = ATTRS.search(line)
    if m:
        return line[: m.start()] + " { " + f"#{anchor} " + m.group(1).strip() + " }"
    return CLOSING.sub("", line) + " { #" + anchor + " }"


def add_ids(markdown: str, en_markdown: str, where: str, en_where: str) -> str:
    """`markdown` with the derived id on every heading that has none.
    `en_markdown` is the English twin's body (the page itself in English)."""
    own = scan(markdown)
    missing = [i for i, head in enumerate(own) if head.anchor is None]
    if not missing:
        return markdown
    en = own if en_markdown is markdown else scan(en_markdown)
    if len(en) != len(own):  # hooks/rules.py names the heading first; a page a hook changed
        raise fail(where, None, f"{len(own)} headings vs {len(en)} in {en_where}",
                   "translate the same headings, at the same levels, in the same order")
    en_ids = ids(en, en_where)
    lines = markdown.splitlines(keepends=True)
    for i in missing:
        n = own[i].line - 1
        end = len(lines[n]) - len(lines[n].rstrip("\r\n"))
        lines[n] = with_id(lines[n][: len(lines[n]) - end], en_ids[i]) + lines[n][len(lines[n]) - end:]
    return "".join(lines)


def add_ids_to_page(markdown: str, src_path: str | None, docs_dir: str) -> str:
    """add_ids for a page file of docs/ (its English twin read from disk);
    generated pages (no file) are left as they are."""
    if not src_path:
        return markdown
    docs = Path(docs_dir)
    try:
        rel = Path(src_path).resolve().relative_to(docs.resolve()).as_posix()
    except ValueError:
        return markdown
    base, lang = translations.split_lang(rel)
    where, en_where = f"docs/{rel}", f"docs/{base}"
    if lang == translations.LANGS[0]:
        return add_ids(markdown, markdown, where, en_where)
    if not (docs / base).is_file():
        return markdown  # hooks/rules.py names the missing twin
    src = split_page(read_text(docs / base, en_where), en_where)
    return add_ids(markdown, src.body, where, en_where)
