"""Rules about the Markdown content, shared by hooks, scripts and tests."""

from __future__ import annotations

import re
from pathlib import Path

LANGS = ("en", "es")
EXCLUDED = ("maintainers/",)  # keep in step with exclude_docs in mkdocs.yml
NCGA = "https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/Chapter_{chapter}/GS_{section}.html"
SECTION = re.compile(r"^(?P<chapter>\d+[A-Z]?)-(?P<rest>\d+(?:\.\d+)?[A-Z]?)$")
# Citation text as it appears in rendered pages: "G.S. 90-96", "G.S. 15A-1341(a4)".
CITATION = re.compile(r"G\.S\.\s+(\d+[A-Z]?-\d+(?:\.\d+)?[A-Z]?)")


class ContentError(ValueError):
    pass


def gs_url(section: str) -> str:
    """gs:90-96 -> the NC General Assembly's page for G.S. 90-96."""
    m = SECTION.match(section)
    if not m:
        raise ContentError(
            f"bad statute link 'gs:{section}': write the section like gs:90-96 or gs:15A-1341"
        )
    return NCGA.format(chapter=m["chapter"], section=section)


def split_lang(rel: str) -> tuple[str, str]:
    """'faq.es.md' -> ('faq.md', 'es'); 'faq.md' -> ('faq.md', 'en')."""
    for lang in LANGS[1:]:
        suffix = f".{lang}.md"
        if rel.endswith(suffix):
            return rel[: -len(suffix)] + ".md", lang
    return rel, LANGS[0]


def translation_gaps(docs: Path) -> list[str]:
    """Messages for every page that exists in one language but not the other."""
    seen: dict[str, set[str]] = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if rel.startswith(EXCLUDED):
            continue
        base, lang = split_lang(rel)
        seen.setdefault(base, set()).add(lang)
    gaps = []
    for base, langs in sorted(seen.items()):
        for lang in LANGS:
            if lang not in langs:
                have = sorted(langs)[0]
                want = base if lang == "en" else base[:-3] + f".{lang}.md"
                gaps.append(f"{want}: missing ({lang} translation of the {have} page)")
    return gaps
