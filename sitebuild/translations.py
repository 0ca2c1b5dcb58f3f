"""Translations: every page has its twin in the other language, both cite the
same statutes, and no two pages of one language share a description."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitebuild.project import LANGS
from sitebuild.statutes import GS_LINK as GS_TARGET

EXCLUDED = ("maintainers/",)  # keep in step with exclude_docs in mkdocs.yml


def split_lang(rel: str) -> tuple[str, str]:
    """'faq.es.md' -> ('faq.md', 'es'); 'faq.md' -> ('faq.md', 'en')."""
    for lang in LANGS[1:]:
        suffix = f".{lang}.md"
        if rel.endswith(suffix):
            return rel[: -len(suffix)] + ".md", lang
    return rel, LANGS[0]


def twin(rel: str, lang: str) -> str:
    """The file name of page `rel` (in its base form, faq.md) in `lang`."""
    return rel if lang == LANGS[0] else rel[:-3] + f".{lang}.md"


def pages(docs: Path) -> Iterable[str]:
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if not rel.startswith(EXCLUDED):
            yield rel


def translation_gaps(docs: Path) -> list[str]:
    """Messages for every page that exists in one language but not the other."""
    seen: dict[str, set[str]] = {}
    for rel in pages(docs):
        base, lang = split_lang(rel)
        seen.setdefault(base, set()).add(lang)
    gaps = []
    for base, langs in sorted(seen.items()):
        for lang in LANGS:
            if lang not in langs:
                have = sorted(langs)[0]
                gaps.append(f"{twin(base, lang)}: missing ({lang} translation of the {have} page)")
    return gaps


def statute_gaps(base: str, bodies: dict[str, str]) -> list[str]:
    """Both languages of one page cite the same gs: sections."""
    cited = {lang: set(GS_TARGET.findall(text)) for lang, text in bodies.items()}
    en = cited.get(LANGS[0], set())
    out = []
    for lang, secs in cited.items():
        if lang != LANGS[0] and secs != en:
            out.append(
                f"docs/{twin(base, lang)}: cites statutes {len(secs)} vs {len(en)} in docs/{base}; "
                f"only in {lang}: {sorted(secs - en) or '-'}; only in {LANGS[0]}: {sorted(en - secs) or '-'}. "
                f"Hint: both languages cite the same sections"
            )
    return out


def duplicate_descriptions(described: dict[str, tuple[str, str]]) -> list[str]:
    """{rel: (lang, description)} -> a message per page that repeats another's."""
    seen: dict[tuple[str, str], str] = {}
    out = []
    for rel, key in sorted(described.items()):
        if key in seen:
            out.append(f"docs/{rel}: same description as docs/{seen[key]}. "
                       f"Hint: each page needs its own one-sentence description")
        else:
            seen[key] = rel
    return out
