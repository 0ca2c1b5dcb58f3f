"""Start a new update: write the English and Spanish files of one post.

Usage:
  python -m scripts.new_post "Title in English" --es-title "Título en español"
      [--slug short-name] [--date YYYY-MM-DD] [--category "Topic" --es-category "Tema"]

Writes docs/updates/DATE-SLUG.md and docs/updates/DATE-SLUG.es.md with the
front matter the build checks (title, description, date, reviewed), as a
draft (`draft: true`: shown by `make serve`, never published). Replace every
TODO, set `reviewed` once an attorney has read the post, then remove the
draft line (docs/maintainers/CONTRIBUTING.md, "Updates").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

from sitebuild.project import add_config_option, from_args
from sitebuild.updates import FOLDER, POST_NAME, UpdatesError, load_posts, parse_post

BODY = {
    "en": (
        "TODO: Write the post here. Short sentences and everyday words\n"
        "(grade 8 or lower). Cite a statute like this: [G.S. 90-96](gs:90-96).\n\n"
        "## First section { #first-section }\n\n"
        "TODO: Every heading has an anchor, the same in both languages.\n"
    ),
    "es": (
        "TODO: Escriba aquí la noticia. Frases cortas y palabras de todos los días.\n"
        "Cite una ley así: [G.S. 90-96](gs:90-96).\n\n"
        "## Primera sección { #first-section }\n\n"
        "TODO: Cada título tiene un ancla, la misma en los dos idiomas.\n"
    ),
}
DESCRIPTION = {
    "en": "TODO: one plain sentence for the updates page and the feed.",
    "es": "TODO: una frase sencilla para la página de noticias y el feed.",
}


def slugify(text: str) -> str:
    """'What Drug Education School involves' -> 'what-drug-education-school-involves'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def scalar(value: str) -> str:
    """A YAML double-quoted string (JSON's string syntax is valid YAML):
    colons, quotes and '#' in a title stay text."""
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


def render(lang: str, title: str, date: dt.date, category: str | None) -> str:
    """The post's file, written line by line (not yaml.dump, which would
    turn two equal dates into an anchor and an alias, &id001 / *id001, and
    drop the comments an editor needs)."""
    lines = [
        "---",
        f"title: {scalar(title)}",
        f"description: {scalar(DESCRIPTION[lang])}",
        f"date: {date.isoformat()}".ljust(30) + "# publication day; must match the file name",
        "reviewed: pending".ljust(30) + "# the day an attorney reviewed it, YYYY-MM-DD",
    ]
    if category:
        lines.append(f"category: {scalar(category)}")
    lines += [
        "draft: true".ljust(30) + "# remove this line to publish on 'date'",
        "---",
        "",
    ]
    return "\n".join(lines) + "\n" + BODY[lang]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m scripts.new_post",
        description="Write a dated English + Spanish pair of files for a new update.",
    )
    ap.add_argument("title", help="the English title")
    ap.add_argument("--es-title", required=True, help="the Spanish title")
    ap.add_argument("--slug", help="short name for the address (default: from the English title)")
    ap.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(),
                    help="publication date, YYYY-MM-DD (default: today)")
    ap.add_argument("--category", help="optional topic, in English")
    ap.add_argument("--es-category", help="the same topic in Spanish (needed with --category)")
    ap.add_argument("--docs", type=Path, default=None, help=argparse.SUPPRESS)
    add_config_option(ap)
    args = ap.parse_args(argv)
    args.docs = args.docs or from_args(args).docs

    if bool(args.category) != bool(args.es_category):
        ap.error("give --category and --es-category together (both languages)")
    slug = args.slug or slugify(args.title)
    stem = f"{args.date.isoformat()}-{slug}"
    if not POST_NAME.match(f"{stem}.md"):
        ap.error(f"slug '{slug}': use lowercase letters, digits and single hyphens")
    folder = args.docs / FOLDER
    try:
        existing = load_posts(args.docs)
    except UpdatesError as err:
        print(f"Fix the existing posts first:\n{err}", file=sys.stderr)
        return 1
    for post in existing["en"]:
        if post.slug == slug:
            print(f"{post.src_uri} already uses the slug '{slug}': choose another with --slug",
                  file=sys.stderr)
            return 1

    files = {
        "en": (folder / f"{stem}.md", render("en", args.title, args.date, args.category)),
        "es": (folder / f"{stem}.es.md", render("es", args.es_title, args.date, args.es_category)),
    }
    for path, text in files.values():
        if path.exists():
            print(f"{path} already exists", file=sys.stderr)
            return 1
        try:  # the scaffold itself must pass the build's checks
            parse_post(f"{FOLDER}/{path.name}", text)
        except UpdatesError as err:
            print(err, file=sys.stderr)  # only the true error: nothing was written
            return 1
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in files.values():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(args.docs.parent) if path.is_relative_to(args.docs.parent) else path}")
    print("Next: replace every TODO, then `make serve` to preview at /updates/ and /es/updates/.\n"
          "The post is a draft until you remove 'draft: true'; it goes live on its date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
