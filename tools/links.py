"""Link integrity of the built site: every internal link and #anchor must
resolve (both languages); external links are listed, never fetched.

Usage: python -m tools.links [SITE_DIR] [--external]
Exits 1 when an internal link or anchor is broken.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"', re.I)
ID = re.compile(r'\bid="([^"]+)"')
SKIP_SCHEMES = ("mailto:", "tel:", "sms:", "geo:", "javascript:", "data:")


def check(site: Path, site_url: str = "") -> tuple[list[str], dict[str, set[str]]]:
    """(broken internal links, {external url: pages that use it})."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(ID.findall(path.read_text(encoding="utf-8")))
        return ids[path]

    broken: list[str] = []
    external: dict[str, set[str]] = defaultdict(set)
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        html = page.read_text(encoding="utf-8")
        here = "/" + rel
        for href in HREF.findall(html):
            href = href.replace("&amp;", "&")
            if not href or href.startswith(SKIP_SCHEMES):
                continue
            if site_url and href.startswith(site_url):
                href = "/" + href[len(site_url):]
            parts = urlparse(href)
            if parts.scheme in ("http", "https"):
                external[href].add(rel)
                continue
            target = urlparse(urljoin(here, href))
            path = unquote(target.path)
            file = site / path.lstrip("/")
            if path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{rel}: link to {href} -> {path} does not exist")
                continue
            if target.fragment and file.suffix == ".html" and unquote(target.fragment) not in ids_of(file):
                broken.append(f"{rel}: anchor #{target.fragment} not found in {file.relative_to(site)}")
    return broken, external


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", nargs="?", default="site", type=Path)
    ap.add_argument("--site-url", default="", help="treat absolute links to this address as internal")
    ap.add_argument("--external", action="store_true", help="list external links and the pages using them")
    args = ap.parse_args(argv)
    broken, external = check(args.site, args.site_url)
    for line in broken:
        print("BROKEN", line)
    if args.external:
        for url in sorted(external):
            print(f"{url}  ({len(external[url])} pages)")
    print(f"{len(broken)} broken internal links; {len(external)} external links (not fetched)")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
