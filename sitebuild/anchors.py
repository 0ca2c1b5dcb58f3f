"""Heading anchors: a page and its translation have the same headings (count
and levels) and so the same ids in the same order (deep links and the
language switcher land on the same section).

A heading may carry an explicit `{ #anchor }`; one without gets the id the
build derives from the English twin's heading at the same position
(sitebuild/derived_anchors.py). An explicit id must equal the id the other
twin gives that position.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sitebuild.errors import fail

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
ANCHOR = re.compile(r"\{:?[^}]*?#([A-Za-z][\w-]*)[^}]*\}\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
SAME = "translate the same headings, at the same levels, in the same order"


class Heading(NamedTuple):
    line: int            # file line (or markdown line, for a page's body)
    level: int           # 1..6
    text: str            # as typed, anchor included
    anchor: str | None   # the explicit `{ #id }`, else None (derived by the build)


def scan(body: str, first_line: int = 1) -> list[Heading]:
    """The body's ATX headings outside code fences."""
    out: list[Heading] = []
    fenced = False
    for n, line in enumerate(body.splitlines(), start=first_line):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or not line.startswith("#"):
            continue
        m = HEADING.match(line)
        if m:
            anchor = ANCHOR.search(m.group(2))
            out.append(Heading(n, len(m.group(1)), m.group(2), anchor.group(1) if anchor else None))
    return out


def headings(body: str, where: str, first_line: int = 1) -> list[Heading]:
    """The body's headings (`where` names the file in messages of later checks)."""
    return scan(body, first_line)


def title(heading: Heading) -> str:
    """The heading's words, without its `{ ... }` attributes."""
    return re.sub(r"\s*\{:?[^}]*\}\s*#*\s*$", "", heading.text)


def compare(en: list[Heading], other: list[Heading], en_where: str, where: str) -> None:
    """The twin has the English page's headings (count, levels) and ids;
    fail at the first that differs, naming both files."""
    from sitebuild.derived_anchors import ids  # the ids each position gets

    en_ids = ids(en, en_where)
    for i, head in enumerate(other):
        if i >= len(en):
            what = f"heading anchor '#{head.anchor}'" if head.anchor else f"heading '{title(head)}'"
            raise fail(where, head.line, f"{what} has no match in {en_where} "
                       f"({len(other)} headings vs {len(en)})", "translate the same headings, with the same anchors")
        if head.level != en[i].level:
            raise fail(where, head.line, f"heading '{title(head)}' is level {head.level} ({'#' * head.level}) "
                       f"but {en_where}:{en[i].line} '{title(en[i])}' is level {en[i].level}", SAME)
        if head.anchor and head.anchor != en_ids[i]:
            how = "" if en[i].anchor else " (derived from its English heading)"
            raise fail(where, head.line, f"heading anchor '#{head.anchor}' differs from "
                       f"{en_where}:{en[i].line} '#{en_ids[i]}'{how}",
                       "keep the English anchor in every language")
    if len(en) > len(other):
        head = en[len(other)]
        raise fail(where, None, f"missing the heading with anchor '#{en_ids[len(other)]}' ({en_where}:{head.line}); "
                   f"{len(other)} headings vs {len(en)}", "translate the same headings, with the same anchors")
