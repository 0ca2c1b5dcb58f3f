"""Statute links: `[G.S. 90-96(a)](gs:90-96)` -> the NC General Assembly's page."""

from __future__ import annotations

import re

from sitebuild.errors import ContentError, fail

__all__ = ["CITATION", "ContentError", "GS_LINK", "NCGA", "gs_url", "link"]

NCGA = "https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/Chapter_{chapter}/GS_{section}.html"
SECTION = re.compile(r"^(?P<chapter>\d+[A-Z]?)-(?P<rest>\d+(?:\.\d+)?[A-Z]?)$")
# Citation text as it appears in rendered pages: "G.S. 90-96", "G.S. 15A-1341(a4)".
CITATION = re.compile(r"G\.S\.\s+(\d+[A-Z]?-\d+(?:\.\d+)?[A-Z]?)")


def gs_url(section: str) -> str:
    """gs:90-96 -> the NC General Assembly's page for G.S. 90-96."""
    m = SECTION.match(section)
    if not m:
        raise ContentError(
            f"bad statute link 'gs:{section}': write the section like gs:90-96 or gs:15A-1341"
        )
    return NCGA.format(chapter=m["chapter"], section=section)


GS_LINK = re.compile(r"\]\(gs:([^)\s]*)\)")  # the one pattern of a statute link's target


def link(markdown: str) -> str:
    """Every `](gs:SECTION)` -> `](the NC General Assembly's URL)`."""
    return GS_LINK.sub(lambda m: f"]({gs_url(m.group(1))})", markdown)


def check(body: str, where: str, first_line: int = 1) -> None:
    """Every `(gs:...)` link in a page body names a well-formed section."""
    for n, line in enumerate(body.splitlines(), start=first_line):
        for m in GS_LINK.finditer(line):
            if not SECTION.match(m.group(1)):
                raise fail(where, n, f"bad statute link 'gs:{m.group(1)}'",
                           "write the section like gs:90-96 or gs:15A-1341")
