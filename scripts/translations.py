"""Report pages and updates that exist in one language only.

Usage: python -m scripts.translations [DOCS_DIR]   (default: docs/)
Prints each missing file and exits 1 if there is any; exits 0 when every
page and post has both its English and Spanish file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitebuild.project import add_config_option, from_args
from sitebuild.translations import EXCLUDED, split_lang, translation_gaps
from sitebuild.updates import FOLDER


def counts(docs: Path) -> tuple[int, int]:
    """(pages, posts) counted once per pair, whatever the language."""
    bases = {
        split_lang(p.relative_to(docs).as_posix())[0]
        for p in docs.rglob("*.md")
        if not p.relative_to(docs).as_posix().startswith(EXCLUDED)
    }
    posts = {b for b in bases if b.startswith(f"{FOLDER}/") and not b.endswith("/index.md")}
    return len(bases) - len(posts), len(posts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scripts.translations", description=__doc__.splitlines()[0])
    ap.add_argument("docs", nargs="?", default=None, type=Path, help="the content folder (default: the project's docs/)")
    add_config_option(ap)
    args = ap.parse_args(argv)
    args.docs = args.docs or from_args(args).docs
    gaps = translation_gaps(args.docs)
    pages, posts = counts(args.docs)
    if not gaps:
        print(f"ok: all {pages} pages and {posts} updates have English and Spanish files")
        return 0
    print(f"{len(gaps)} missing translation(s):")
    for gap in gaps:
        kind = "update" if gap.startswith(f"{FOLDER}/") and not gap.startswith(f"{FOLDER}/index") else "page"
        print(f"  {kind:6} {gap}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
