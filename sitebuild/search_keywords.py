"""Search words (data/search.yml) added to the per-language search indexes.

Visitors type "expungement" or "limpiar récord" where a page says
"expunction" / "expunción". For each language, data/search.yml names a page
(its file under docs/) and the words that should find it; after the index is
split per language (sitebuild/seo.split_search_index) the words go into
that page's entry as Material's `tags` field. Material's search worker
indexes `tags` with the highest boost and our results never print it, so the
words find the page without any text on it. A page that is not in that
language's index fails the build with the file and line of the entry.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sitebuild.data import LANGS, read_yaml
from sitebuild.errors import fail
from sitebuild.project import here

WHERE = "data/search.yml"


def location(src: str) -> str:
    """'during-and-after.md' -> 'during-and-after/'; 'index.md' -> ''."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def line_of(text: str, key: str) -> int | None:
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(key + ":"):
            return n
    return None


def load(path: Path | None = None) -> dict[str, dict[str, list[str]]]:
    """{lang: {page location: [words]}} from data/search.yml, checked."""
    path = path or here().data / "search.yml"
    data = read_yaml(path)
    text = path.read_text(encoding="utf-8")
    if not isinstance(data, dict) or not set(data) <= set(LANGS):
        raise fail(WHERE, 1, f"expected one mapping per language ({', '.join(LANGS)})",
                   "start the file with 'en:' and 'es:'")
    out: dict[str, dict[str, list[str]]] = {}
    for lang, pages in data.items():
        if not isinstance(pages, dict):
            raise fail(WHERE, line_of(text, lang), f"'{lang}' must map page files to lists of words",
                       "write '  first-steps.md: [court date, ...]'")
        out[lang] = {}
        for src, words in pages.items():
            if (not str(src).endswith(".md") or not isinstance(words, list)
                    or not all(isinstance(w, str) and w.strip() for w in words)):
                raise fail(WHERE, line_of(text, str(src)),
                           f"'{src}' must be a docs/ Markdown file with a list of words",
                           "write '  first-steps.md:' then '    - court date' lines")
            out[lang][location(str(src))] = [w.strip() for w in words]
    return out


def add_to_indexes(site: Path, lang_dirs: dict[str, Path], path: Path | None = None) -> dict[str, int]:
    """Put the words into each language's search_index.json; returns how many
    pages got words, per language."""
    path = path or here().data / "search.yml"
    text = path.read_text(encoding="utf-8")
    counts = {}
    for lang, pages in load(path).items():
        index_file = lang_dirs[lang] / "search" / "search_index.json"
        index: dict[str, Any] = json.loads(index_file.read_text(encoding="utf-8"))
        by_location = {doc["location"]: doc for doc in index["docs"]}
        for loc, words in pages.items():
            doc = by_location.get(loc)
            if doc is None:
                src = (loc.rstrip("/") or "index") + ".md"
                raise fail(WHERE, line_of(text, src), f"no page '{src}' in the '{lang}' search index",
                           "use the file name of a page under docs/ (docs/first-steps.md -> first-steps.md)")
            doc["tags"] = sorted(set(doc.get("tags", [])) | set(words))
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(pages)
    return counts
