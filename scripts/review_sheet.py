"""Print one HTML document for the responsible attorney's review.

Usage: make review-sheet   (builds the site, then writes build/review-sheet.html)
       python -m scripts.review_sheet [--site site] [--out build/review-sheet.html]

For every page and update, in English and Spanish side by side: each
statement that carries a statute link (with the link), and the open
questions for that page from data/review.yml, each with a checkbox. Then the
quiz's rules as a table: answers -> result -> statutes. Every value is
escaped; the sheet loads nothing from elsewhere and prints on paper.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import sys
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag

from sitebuild.quiz import load as load_quiz
from sitebuild.review import ReviewDataError, open_items, parse_reviewed
from sitebuild.updates import front_matter

ROOT = Path()  # the project folder: commands run there (Makefile), like mkdocs itself
REVIEW = ROOT / "data" / "review.yml"
NCGA = "ncleg.gov"
BLOCKS = ("p", "li", "td", "dd", "dt")

CSS = """
body { font: 11pt/1.4 system-ui, sans-serif; margin: 1.5cm; color: #111; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 2em; border-top: 2px solid #333; padding-top: .4em; }
h3 { font-size: 11pt; margin: 1em 0 .3em; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2em; }
.cols > div { min-width: 0; }
ul { padding-left: 1.2em; } li { margin: .3em 0; }
.url { font-size: 8.5pt; color: #444; word-break: break-all; }
.item { list-style: none; margin-left: -1.2em; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: .25em .4em; vertical-align: top; text-align: left; }
.none { color: #666; font-style: italic; }
@media print { h2 { break-before: page; } .cols { grid-template-columns: 1fr 1fr; } }
"""


def page_key(rel: str, docs: Path = ROOT / "docs") -> str:
    """The English source of a built page: 'es/faq/index.html' -> 'faq.md',
    'updates/index.html' -> 'updates/index.md'."""
    path = rel.removeprefix("es/").removesuffix("index.html").strip("/") or "index"
    return path + ".md" if (docs / f"{path}.md").exists() or path == "index" else path + "/index.md"


def cited_statements(soup: BeautifulSoup) -> list[tuple[str, list[tuple[str, str]]]]:
    """(statement text, [(link text, url)]) for each block in the article
    that links a statute. The innermost block wins (a list item, not its list)."""
    article = soup.select_one("article") or soup
    out = []
    for block in article.find_all(BLOCKS):
        links = [a for a in block.find_all("a", href=True) if NCGA in a["href"]]
        if not links or any(isinstance(c, Tag) and c.find("a", href=lambda h: h and NCGA in h)
                            for c in block.find_all(BLOCKS)):
            continue
        text = " ".join(block.get_text().split())
        out.append((text, [(" ".join(a.get_text().split()), a["href"]) for a in links]))
    return out


def pages_of(site: Path, docs: Path = ROOT / "docs") -> dict[str, dict[str, Path]]:
    pages: dict[str, dict[str, Path]] = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        parts = set(rel.split("/"))
        if parts & {"assets", "search", "admin", "page"}:
            continue
        lang = "es" if rel.startswith("es/") else "en"
        pages.setdefault(page_key(rel, docs), {})[lang] = path
    return pages


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _statements(path: Path | None) -> str:
    if path is None:
        return '<p class="none">(missing)</p>'
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    title = soup.select_one("title")
    found = cited_statements(soup)
    head = f"<h3>{_e(title.get_text() if title else path.name)}</h3>"
    if not found:
        return head + '<p class="none">No statement with a statute link.</p>'
    rows = "".join(
        f"<li>{_e(text)}<br>" + " ".join(f'<span class="url">{_e(t)}: {_e(u)}</span>' for t, u in links) + "</li>"
        for text, links in found
    )
    return head + f"<ul>{rows}</ul>"


def _items(items: list[dict[str, Any]]) -> str:
    if not items:
        return '<p class="none">No open questions for this page.</p>'
    return "<ul>" + "".join(
        f'<li class="item"><label><input type="checkbox"> <strong>{_e(i["id"])}</strong>: '
        f'{_e(" ".join(i["question"].split()))}</label></li>' for i in items) + "</ul>"


def _review_status(docs: Path, key: str) -> str:
    out = []
    for suffix in (".md", ".es.md"):
        src = docs / (key[:-3] + suffix)
        if not src.exists():
            continue
        try:
            meta = front_matter(src.read_text(encoding="utf-8"), src.name)
            date = parse_reviewed(meta.get("reviewed"), src.name)
        except ValueError as err:
            date = f"invalid ({err})"
        out.append(f"{src.name}: {'pending' if date is None else date}")
    return "; ".join(out)


def quiz_table(lang: str = "en") -> str:
    data = load_quiz(ROOT / "data" / "quiz.yml")
    questions = {q["id"]: q for q in data["questions"]}
    outcomes = {o["id"]: o for o in data["outcomes"]}
    rows = []
    for r in data["rules"]:
        answers = []
        for qid, opts in r["when"].items():
            q = questions[qid]
            labels = [next(o["label"][lang] for o in q["options"] if o["id"] == opt)
                      for opt in (opts if isinstance(opts, list) else [opts])]
            answers.append(f"{q['short'][lang]}: {' / '.join(' '.join(x.split()) for x in labels)}")
        o = outcomes[r["outcome"]]
        cites = [c["text"] for c in [*r["citations"], *o["citations"]]]
        extra = " (also shows the result of the next matching rule)" if r.get("fallback_title") else ""
        rows.append(
            f"<tr><td>{_e(r['id'])}</td><td>{'<br>'.join(_e(a) for a in answers)}</td>"
            f"<td>{_e(o['title'][lang])}{_e(extra)}</td><td>{_e(', '.join(dict.fromkeys(cites)))}</td></tr>"
        )
    return ("<table><thead><tr><th>Rule</th><th>Answers</th><th>Result</th><th>Statutes</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def render(site: Path, docs: Path = ROOT / "docs", items: list[dict[str, Any]] | None = None,
           quiz_reviewed: str = "") -> str:
    items = open_items(REVIEW, docs) if items is None else items
    pages = pages_of(site, docs)
    body = [f"<h1>Attorney review sheet</h1><p>Built {_e(dt.date.today().isoformat())}. "
            f"{len(pages)} pages and updates, {len(items)} open questions. Tick each statement you have "
            "checked. To record the review, set <code>reviewed:</code> to the date in each page's front "
            "matter (both languages) and close the items in <code>data/review.yml</code> "
            "(docs/maintainers/CONTRIBUTING.md, \"Attorney review\").</p>"]
    site_items = [i for i in items if "site" in i["pages"]]
    body.append(f'<h2 id="site">Every page</h2>{_items(site_items)}')
    for key, langs in sorted(pages.items()):
        mine = [i for i in items if key in i["pages"]]
        body.append(
            f'<h2 id="{_e(key)}">{_e(key)}</h2><p>{_e(_review_status(docs, key))}</p>'
            f'<div class="cols"><div>{_statements(langs.get("en"))}</div>'
            f'<div lang="es">{_statements(langs.get("es"))}</div></div>'
            f"<h3>Open questions</h3>{_items(mine)}"
        )
    quiz_items = [i for i in items if "quiz" in i["pages"]]
    body.append(f'<h2 id="quiz">The quiz (data/quiz.yml){_e(quiz_reviewed)}</h2>'
                f"<h3>Rules, first match wins</h3>{quiz_table('en')}"
                f"<h3>Open questions</h3>{_items(quiz_items)}")
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="robots" content="noindex"><title>Attorney review sheet</title>'
            f"<style>{CSS}</style></head><body>{''.join(body)}</body></html>\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "review-sheet.html")
    args = ap.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no built site; run `make review-sheet` (it builds first)", file=sys.stderr)
        return 1
    try:
        items = open_items(REVIEW, ROOT / "docs")
    except ReviewDataError as err:
        print(err, file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(args.site, items=items), encoding="utf-8")
    print(f"wrote {args.out} ({len(pages_of(args.site))} pages, {len(items)} open questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
