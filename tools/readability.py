"""Reading level of built pages: Flesch-Kincaid grade (English) and
Fernández-Huerta ease (Spanish), computed offline (textstat 0.7.4 + pyphen).

Usage: python -m tools.readability [SITE_DIR]   (default: site/)
Prints one line per page and exits 1 when a page misses its target.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bs4 import BeautifulSoup

EN_MAX_GRADE = 8.0
ES_MIN_EASE = 60.0
BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "summary", "legend", "label"]
# Pages whose text is not prose: the glossary is terms and one-line definitions.
SKIP_CLASSES = ("dl-reviewed", "dl-noprose")


def page_text(html: str) -> str:
    """Main content as sentences: each block ends with a full stop so list
    items and headings are not merged into one endless sentence."""
    soup = BeautifulSoup(html, "lxml")
    article = soup.select_one("article.md-content__inner") or soup.select_one("main")
    if article is None:
        return ""
    for el in article.select(", ".join(f".{c}" for c in SKIP_CLASSES) + ", script, style, .headerlink"):
        el.decompose()
    chunks = []
    for el in article.find_all(BLOCKS):
        if el.find(BLOCKS):  # count only the innermost blocks
            continue
        text = " ".join(el.get_text(" ").split())
        if not text:
            continue
        if text[-1] not in ".!?:;":
            text += "."
        chunks.append(text)
    return "\n".join(chunks)


def score(text: str, lang: str) -> float:
    import textstat  # imported late: textstat picks its language globally

    textstat.set_lang(lang)
    if lang == "es":
        return float(textstat.fernandez_huerta(text))
    return float(textstat.flesch_kincaid_grade(text))


def lang_of(path: Path, site: Path) -> str:
    return "es" if path.relative_to(site).parts[0] == "es" else "en"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", nargs="?", default="site", type=Path)
    args = ap.parse_args(argv)
    bad = 0
    for path in sorted(args.site.rglob("index.html")):
        if "assets" in path.parts or "404" in path.parts:
            continue
        text = page_text(path.read_text(encoding="utf-8"))
        if len(text.split()) < 20:
            continue
        lang = lang_of(path, args.site)
        value = score(text, lang)
        ok = value <= EN_MAX_GRADE if lang == "en" else value >= ES_MIN_EASE
        bad += not ok
        label = "grade" if lang == "en" else "ease"
        print(f"{'ok ' if ok else 'BAD'} {lang} {label} {value:5.1f}  {path.relative_to(args.site)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
