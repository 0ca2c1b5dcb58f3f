"""Firm facts in Markdown: `{{ firm.phone }}`, `{{ firm.address.street }}`.

Every `{{ ... }}` in a page body must name a firm fact that exists, in
exactly that spelling; anything else with `{{` or `}}` fails (a misspelled
key, a missing brace, another variable). Values are HTML-escaped when they
replace the placeholder, so a firm fact is always text. After rendering, no
`{{` or `}}` may be left in a built page."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable
from typing import Any

from sitebuild.errors import fail

FACT = re.compile(r"\{\{\s*firm\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\s*\}\}")
BRACES = re.compile(r"\{\{|\}\}")
HINT = "write firm facts as {{ firm.key }} with a key from data/firm.yml"


def keys(firm: Any, prefix: str = "") -> list[str]:
    out: list[str] = []
    if isinstance(firm, dict):
        for k, v in firm.items():
            out.append(prefix + str(k))
            out.extend(keys(v, f"{prefix}{k}."))
    return out


def lookup(firm: Any, path: str) -> Any:
    value = firm
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(path)
        value = value[part]
    return value


def _unknown(path: str, firm: Any) -> str:
    close = difflib.get_close_matches(path, keys(firm), n=1, cutoff=0.6)
    if not close:
        close = [k for k in keys(firm) if k.lower() == path.lower()]
    return f"did you mean {{{{ firm.{close[0]} }}}}?" if close else HINT


def check(body: str, firm: Any, where: str, first_line: int = 1,
          localize: Callable[[Any], Any] = lambda v: v) -> None:
    """Raise at the first placeholder that is unknown, malformed or not a
    single value."""
    for n, line in enumerate(body.splitlines(), start=first_line):
        for m in FACT.finditer(line):
            try:
                value = localize(lookup(firm, m.group(1)))
            except KeyError:
                raise fail(where, n, f"unknown firm fact '{m.group(1)}'", _unknown(m.group(1), firm)) from None
            if isinstance(value, (dict, list)):
                raise fail(where, n, f"firm fact '{m.group(1)}' is not a single value",
                           f"name one of its keys: {', '.join(sorted(value)) if isinstance(value, dict) else 'an item'}")
        rest = FACT.sub("", line)
        stray = BRACES.search(rest)
        if stray:
            raise fail(where, n, f"malformed placeholder '{token(rest, stray.start())}'", HINT)


TOKEN = re.compile(r"\{+[^{}\n]{0,40}?\}+|\{\{[^{}\n]{0,30}|[^{}\n]{0,30}\}\}")


def token(line: str, at: int) -> str:
    """The brace expression around position `at`, for the message."""
    for m in TOKEN.finditer(line):
        if m.start() <= at < m.end():
            return m.group(0).strip()
    return line[max(0, at - 10): at + 20].strip()


def check_front(front: str, where: str, first_line: int = 2) -> None:
    """Placeholders are not replaced in front matter: refuse them there."""
    for n, line in enumerate(front.splitlines(), start=first_line):
        stray = BRACES.search(line)
        if stray:
            raise fail(where, n, f"'{token(line, stray.start())}' in front matter is never replaced",
                       "placeholders work only in the page body; leave firm facts out of the front matter")


def substitute(body: str, firm: Any, localize: Callable[[Any], Any]) -> str:
    """Replace each {{ firm.key }} with its value as HTML-escaped text."""
    return FACT.sub(lambda m: html.escape(str(localize(lookup(firm, m.group(1))))), body)


def _in_code(page: str, at: int) -> bool:
    """Whether position `at` lies inside a <script> or <style> element."""
    opened = max(page.rfind("<script", 0, at), page.rfind("<style", 0, at))
    closed = max(page.rfind("</script>", 0, at), page.rfind("</style>", 0, at))
    return opened > closed


def _braces(page: str) -> list[int]:
    """Where `{{` and `}}` start, in order (str.find: a regex scan of every
    built page cost about 1 s at 1,000 posts)."""
    found = []
    for pair in ("{{", "}}"):
        at = page.find(pair)
        while at >= 0:
            found.append(at)
            at = page.find(pair, at + 1)
    return sorted(found)


def leftover(html_page: str) -> str | None:
    """The first `{{` or `}}` in a built page's text or attributes (scripts
    and styles are code, not text: Material's own markup lowercases their
    tags), with a little context."""
    for at in _braces(html_page):
        if _in_code(html_page, at):
            continue
        line_start = html_page.rfind("\n", 0, at) + 1
        line_end = html_page.find("\n", at)
        return token(html_page[line_start: line_end if line_end >= 0 else len(html_page)], at - line_start)
    return None
