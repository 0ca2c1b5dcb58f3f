"""Legal words explained where they stand: the glossary's own text, shown as
a pop-up at the first use of each word on a page.

One source: the meaning is the first paragraph of the glossary entry whose
line ends with `{ #ID }` (a definition-list term, or a heading), read from
docs/glossary.md and docs/glossary.es.md; data/glossary.yml only says which
words on other pages point at which ID. A configured ID with no entry in a
language fails the build at its line in data/glossary.yml.

The pop-up is a native HTML popover: a <button popovertarget> opens it on
tap, click, Enter or Space with no script (so no CSP change); the button is
described by the definition (aria-describedby), so a screen reader hears it
on focus. A browser without popovers shows the definition in the text, with
its link to the glossary entry. Print shows it as a note (CSS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitebuild.data import read_data
from sitebuild.errors import BuildError, located
from sitebuild.project import LANGS
from sitebuild.schema import check, line_of
from sitebuild.schema.content import GlossaryFile
from sitebuild.sourcefiles import read_text, split_page

FILE = "data/glossary.yml"
ENTRY = re.compile(r"^(?:#{2,6}\s+)?(?P<term>.+?)\s*\{\s*#(?P<id>[A-Za-z0-9_-]+)\s*\}\s*$")
SKIP = {"a", "button", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "code", "pre", "script",
        "style", "label", "summary", "dt", "title", "textarea", "select", "option", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w-]*)([^>]*)>", re.S)


@dataclass(frozen=True)
class Entry:
    id: str
    term: str        # the glossary's word, plain text
    meaning: str     # the first paragraph under it, plain text
    where: str       # docs/glossary.md:LINE


def plain(md: str) -> str:
    """Markdown of one paragraph -> its text (links, emphasis, attribute
    lists and inline HTML dropped; the words kept)."""
    text = re.sub(r"\{[^{}]*\}", "", md)                    # { lang=es } attribute lists
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)   # [text](url)
    text = re.sub(r"<[^>]+>", "", text)                     # inline HTML
    text = re.sub(r"(\*\*|__|\*|_(?=\w)|(?<=\w)_)", "", text)
    return " ".join(text.split())


def entries(path: Path, where: str) -> dict[str, Entry]:
    """Every `{ #id }` entry of a glossary page and its first paragraph."""
    src = split_page(read_text(path, where), where)
    lines = src.body.splitlines()
    out: dict[str, Entry] = {}
    for i, line in enumerate(lines):
        m = ENTRY.match(line)
        if not m or line.startswith("# "):
            continue
        para: list[str] = []
        j = i + 1
        while j < len(lines) and not lines[j].strip() and line.startswith("#"):
            j += 1  # a heading: its paragraph starts after blank lines
        while j < len(lines) and lines[j].strip():
            para.append(lines[j].strip().removeprefix(":").strip())
            j += 1
            if j < len(lines) and lines[j].startswith(":"):
                break  # a second definition: only the first is the meaning
        term = plain(m.group("term"))
        term = re.sub(r"\s*\[.*\]\s*$", "", term) or term  # drop the [other-language word]
        out[m.group("id")] = Entry(m.group("id"), term, plain(" ".join(para)), f"{where}:{src.body_line + i}")
    return out


@dataclass(frozen=True)
class Glossary:
    entries: dict[str, dict[str, Entry]]          # lang -> id -> entry
    words: dict[str, list[tuple[str, re.Pattern[str]]]]  # lang -> [(id, pattern)]


class GlossaryError(BuildError):
    """data/glossary.yml (or a glossary entry it points at) is wrong."""


def load(root: Path) -> Glossary:
    """data/glossary.yml checked against its model (sitebuild/schema/content.py
    GlossaryFile), each ID against the glossary pages' `{ #id }` entries."""
    data, text, where = read_data(root / FILE)
    model: GlossaryFile = check(GlossaryFile, data, text, where, error=GlossaryError)
    pages = {"en": "docs/glossary.md", "es": "docs/glossary.es.md"}
    found = {lang: entries(root / pages[lang], pages[lang]) for lang in LANGS}
    words: dict[str, list[tuple[str, re.Pattern[str]]]] = {lang: [] for lang in LANGS}
    for term_id, forms in model.terms.items():
        for lang in LANGS:
            if term_id not in found[lang]:
                raise GlossaryError(located(
                    where, line_of(text, ("terms", term_id)), f"terms: '{term_id}' has no entry in {pages[lang]}",
                    f"end the term's line in {pages[lang]} with {{ #{term_id} }}, or remove it here"))
            if not found[lang][term_id].meaning:
                raise GlossaryError(located(
                    found[lang][term_id].where, None, f"the entry {{ #{term_id} }} has no meaning under it",
                    "write its short meaning on the next line, after ':   '"))
            ws = getattr(forms, lang)
            alts = "|".join(re.escape(w.strip()) for w in sorted(ws, key=len, reverse=True))
            words[lang].append((term_id, re.compile(rf"(?<![\w-])({alts})(?![\w-])", re.I)))
    return Glossary(found, words)


def link_terms(html: str, glossary: Glossary, lang: str, render: Any) -> str:
    """Wrap the first use of each configured word (outside links, headings,
    buttons, figures and code) with `render(entry, word, n)`."""
    todo = list(glossary.words[lang])
    depth = 0
    out: list[str] = []
    pos = 0
    n = 0

    def text(chunk: str) -> str:
        nonlocal n
        if depth or not todo or not chunk.strip():
            return chunk
        for item in list(todo):
            term_id, pattern = item
            m = pattern.search(chunk)
            if m:
                todo.remove(item)
                n += 1
                widget = render(glossary.entries[lang][term_id], m.group(0), n)
                return text(chunk[:m.start()]) + widget + text(chunk[m.end():])
        return chunk

    for m in TAG.finditer(html):
        out.append(text(html[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
        if m.group(2) is None:
            continue
        tag = m.group(2).lower()
        closing = m.group(1) == "/"
        if tag in VOID or m.group(3).rstrip().endswith("/"):
            continue
        if tag in SKIP:
            depth += -1 if closing else 1
    out.append(text(html[pos:]))
    return "".join(out)
