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

from sitebuild.data import read_data
from sitebuild.errors import BuildError, located
from sitebuild.project import LANGS
from sitebuild.schema import check, line_of
from sitebuild.schema.content import SearchWords


def location(src: str) -> str:
    """'during-and-after.md' -> 'during-and-after/'; 'index.md' -> ''."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


class SearchWordsError(BuildError):
    """data/search.yml is wrong: `data/search.yml:LINE: problem. Hint: fix`."""


def _read(path: Path) -> tuple[SearchWords, str, str]:
    """The file checked against its model (sitebuild/schema/content.py
    SearchWords), each key a docs/ Markdown file."""
    data, text, where = read_data(path)
    model: SearchWords = check(SearchWords, data, text, where, error=SearchWordsError)
    for lang in LANGS:
        for src in getattr(model, lang):
            if not src.endswith(".md"):
                raise SearchWordsError(located(
                    where, line_of(text, (lang, src)), f"{lang}: '{src}' is not a page file",
                    "write the page's file under docs/, like first-steps.md"))
    return model, text, where


def load(path: Path) -> dict[str, dict[str, list[str]]]:
    """{lang: {page location: [words]}} from data/search.yml, checked."""
    model = _read(path)[0]
    return {lang: {location(src): [w.strip() for w in words] for src, words in getattr(model, lang).items()}
            for lang in LANGS if lang in model.model_fields_set}


def add_to_indexes(site: Path, lang_dirs: dict[str, Path], path: Path) -> dict[str, int]:
    """Put the words into each language's search_index.json; returns how many
    pages got words, per language."""
    model, text, where = _read(path)
    counts = {}
    for lang in LANGS:
        if lang not in model.model_fields_set:
            continue
        pages = getattr(model, lang)
        index_file = lang_dirs[lang] / "search" / "search_index.json"
        index: dict[str, Any] = json.loads(index_file.read_text(encoding="utf-8"))
        by_location = {doc["location"]: doc for doc in index["docs"]}
        for src, words in pages.items():
            doc = by_location.get(location(src))
            if doc is None:
                raise SearchWordsError(located(
                    where, line_of(text, (lang, src)), f"no page '{src}' in the '{lang}' search index",
                    "use the file name of a page under docs/ (docs/first-steps.md -> first-steps.md)"))
            doc["tags"] = sorted(set(doc.get("tags", [])) | {w.strip() for w in words})
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(pages)
    return counts
