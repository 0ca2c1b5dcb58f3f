"""Heading anchors: every Markdown heading carries `{ #anchor }`, and a page
and its translation have the same anchors in the same order (deep links and
the language switcher land on the same section)."""

from __future__ import annotations

import re

from sitebuild.errors import fail

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
ANCHOR = re.compile(r"\{:?[^}]*?#([A-Za-z][\w-]*)[^}]*\}\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def headings(body: str, where: str, first_line: int = 1) -> list[tuple[int, str]]:
    """[(line, anchor)] of the body's headings; a heading without an anchor fails."""
    out: list[tuple[int, str]] = []
    fenced = False
    for n, line in enumerate(body.splitlines(), start=first_line):
        if FENCE.match(line):
            fenced = not fenced
            continue
        m = None if fenced else HEADING.match(line)
        if not m:
            continue
        anchor = ANCHOR.search(m.group(2))
        if not anchor:
            raise fail(where, n, f"heading '{m.group(2)}' has no anchor",
                       "end it with { #short-english-id }, the same id in both languages")
        out.append((n, anchor.group(1)))
    return out


def compare(en: list[tuple[int, str]], other: list[tuple[int, str]], en_where: str, where: str) -> None:
    """Fail at the first heading whose anchor differs from the English page's."""
    for i, (line, anchor) in enumerate(other):
        if i >= len(en):
            raise fail(where, line, f"heading anchor '#{anchor}' has no match in {en_where} "
                       f"({len(other)} headings vs {len(en)})", "translate the same headings, with the same anchors")
        if anchor != en[i][1]:
            raise fail(where, line, f"heading anchor '#{anchor}' differs from {en_where}:{en[i][0]} '#{en[i][1]}'",
                       "keep the English anchor in every language")
    if len(en) > len(other):
        line, anchor = en[len(other)]
        raise fail(where, None, f"missing the heading with anchor '#{anchor}' ({en_where}:{line}); "
                   f"{len(other)} headings vs {len(en)}", "translate the same headings, with the same anchors")
