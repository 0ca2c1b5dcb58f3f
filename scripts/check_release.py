"""Refuse to publish anything that is not ready for the public.

Usage: make check-release   (builds the site, then runs this)
       python -m scripts.check_release [--site site] [--docs docs]

Exits 1 and lists every problem; exits 0 only when all of these hold:
- every firm fact in data/firm.yml is confirmed (no "TODO" value, nothing
  left under `unconfirmed`);
- an attorney has reviewed every page, every update and the quiz rules
  (`reviewed:` is a date, not `pending`);
- every open question for the attorney in data/review.yml is closed;
- every local help entry (data/local.yml) and cost (data/costs.yml) is verified;
- the built site (pages and feeds) contains no TODO, todo:, TBD or FIXME text;
- SITE_URL is set to the public https address (not missing, not loopback,
  not the documentation's example.com address);
- the build is not a preview (PREVIEW unset: drafts and scheduled posts hidden).
Each line names the file to change.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from sitebuild.csp import url_problem
from sitebuild.data import load_firm, placeholders
from sitebuild.errors import ContentError
from sitebuild.review import ReviewError, parse_reviewed
from sitebuild.sourcefiles import MARKDOWN_LIKE, read_yaml
from sitebuild.translations import EXCLUDED
from sitebuild.updates import UpdatesError, front_matter

ROOT = Path()  # the project folder: commands run there (Makefile), like mkdocs itself
QUIZ = ROOT / "data" / "quiz.yml"
# Unfinished-work markers, in any case: TODO, todo:, Todo -, TBD, FIXME. A
# lower-case "todo" must be followed by ':' or '-' (Spanish "todo" is a word).
TODO = re.compile(r"\bTODO\b|\b(?i:todo)\s*[:-]|\b(?i:tbd|fixme)\b")
# The documentation's example addresses (README: https://www.example.com/),
# reserved for examples by RFC 2606: never a real site.
EXAMPLE_HOSTS = ("example.com", "example.org", "example.net")


def firm_problems() -> list[str]:
    firm = load_firm(ROOT / "data" / "firm.yml")
    found = [f"data/firm.yml: '{key}' is a placeholder" for key in placeholders(firm)]
    found += [f"data/firm.yml: '{key}' is not confirmed by the firm yet" for key in firm.get("unconfirmed") or []]
    return found


def _reviewed(value: object, src: str, post_date: object = None) -> str | None:
    try:
        if parse_reviewed(value, src, post_date=post_date) is None:
            return f"{src}: not reviewed by an attorney yet (reviewed: pending)"
    except ReviewError as err:
        return str(err)
    return None


def review_problems(docs: Path, quiz: Path = QUIZ) -> list[str]:
    """Every page, post and the quiz whose review is pending or malformed."""
    found = []
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        rel = path.relative_to(docs).as_posix()
        if rel.startswith(EXCLUDED):
            continue
        if path.suffix.lower() in MARKDOWN_LIKE:
            found.append(f"docs/{rel}: a {path.suffix} page is not checked by the site's rules; rename it to .md")
            continue
        if path.suffix != ".md":
            continue
        try:
            meta = front_matter(path.read_text(encoding="utf-8"), f"docs/{rel}")
        except UpdatesError as err:
            found.append(str(err))
            continue
        if meta.get("generated"):
            continue
        problem = _reviewed(meta.get("reviewed"), f"docs/{rel}", meta.get("date"))
        if problem:
            found.append(problem)
    try:
        data = read_yaml(quiz, "data/quiz.yml") or {}
    except ContentError as err:
        return [*found, str(err)]
    problem = _reviewed(data.get("reviewed"), f"{quiz.relative_to(ROOT) if quiz.is_relative_to(ROOT) else quiz} (the quiz rules and wording)")
    if problem:
        found.append(problem)
    return found


def review_item_problems() -> list[str]:
    from sitebuild.review import ReviewDataError, open_items

    try:
        return [f"data/review.yml: '{i['id']}' is still open for the attorney" for i in open_items(ROOT / "data" / "review.yml", ROOT / "docs")]
    except ReviewDataError as err:
        return [str(err)]


def local_problems() -> list[str]:
    """Local help entries and cost amounts the firm has not verified."""
    from sitebuild.costs import unverified_costs
    from sitebuild.local_help import unverified_entries

    return [*unverified_entries(ROOT / "data" / "local.yml"), *unverified_costs(ROOT / "data" / "costs.yml")]


def todo_problems(site: Path) -> list[str]:
    """'TODO' anywhere in the built pages or feeds (a placeholder or an
    untouched new-post scaffold would reach visitors)."""
    if not site.is_dir():
        return [f"{site}/: no built site: run `make check-release` (it builds first)"]
    found = []
    for path in sorted([*site.rglob("*.html"), *site.rglob("*.xml")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        hits = [(n, m.group().rstrip(":- ")) for n, line in enumerate(text.splitlines(), 1)
                for m in [TODO.search(line)] if m]
        lines = [n for n, _ in hits]
        if lines:
            word = hits[0][1]
            found.append(f"{path.relative_to(site).as_posix()}: '{word}' text on line(s) {', '.join(map(str, lines[:5]))}"
                         + (" ..." if len(lines) > 5 else ""))
    return found


def site_url_problems(url: str | None) -> list[str]:
    if not url:
        return ["SITE_URL is not set: set it to the public address, e.g. https://www.example.com/ "
                "(canonical links, sitemap, feeds and share image use it)"]
    problem = url_problem(url)
    if problem:
        return [f"SITE_URL={url}: the address {problem}"]
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme != "https" or not host:
        return [f"SITE_URL={url}: must be the public https:// address of the site"]
    if host in EXAMPLE_HOSTS or host.endswith(tuple("." + h for h in EXAMPLE_HOSTS)) or host.endswith(".example"):
        return [f"SITE_URL={url}: the documentation's example address; set the public address of the site"]
    try:
        loopback = ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_private
    except ValueError:
        loopback = host == "localhost" or host.endswith((".localhost", ".local", ".invalid", ".test"))
    if loopback:
        return [f"SITE_URL={url}: a local address; set the public address of the site"]
    return []


def preview_problems(env: dict[str, str] | None = None) -> list[str]:
    """A preview build shows drafts and scheduled posts: never publish one."""
    from sitebuild.updates import preview_env

    if preview_env(os.environ if env is None else env):
        return ["PREVIEW is set: a preview build shows drafts and scheduled posts; unset PREVIEW to release"]
    return []


def problems(site: Path, docs: Path) -> list[str]:
    checks: list[Callable[[], list[str]]] = [
        firm_problems,
        lambda: review_problems(docs),
        review_item_problems,
        local_problems,
        lambda: todo_problems(site),
        lambda: site_url_problems(os.environ.get("SITE_URL")),
        preview_problems,
    ]
    return [line for check in checks for line in check()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    ap.add_argument("--docs", type=Path, default=ROOT / "docs", help="the content (default: docs/)")
    args = ap.parse_args(argv)
    found = problems(args.site, args.docs)
    for line in found:
        print(line)
    if found:
        print(f"check-release: {len(found)} problem(s) to fix before publishing", file=sys.stderr)
        return 1
    print("check-release: ready to publish")
    return 0


if __name__ == "__main__":
    sys.exit(main())
