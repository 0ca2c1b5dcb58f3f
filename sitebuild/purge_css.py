"""Drop the rules of Material's stylesheet that can never match this site.

A selector is kept when every class it names appears in the built HTML or in
our JavaScript (which adds classes at run time); rules without classes,
@font-face, @keyframes and the like are always kept. Material ships styles
for dozens of features we do not use (code tabs, annotations, blog, tags,
mermaid...): about half its bytes.

Usage: python -m scripts.purge_css SITE_DIR   (the build runs it: hooks/css.py)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

CLASS_ATTR = re.compile(r'class="([^"]*)"')
CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
COMMENT = re.compile(r"/\*.*?\*/", re.S)
TOKEN = re.compile(r"[A-Za-z][\w-]{1,}")
KEEP_AT = ("@font-face", "@keyframes", "@-webkit-keyframes", "@page", "@charset", "@import", "@property", "@counter-style")
NEST_AT = ("@media", "@supports", "@layer", "@container", "@document")


def used_classes(html_files: Iterable[Path], script_files: Iterable[Path]) -> set[str]:
    used: set[str] = set()
    for path in html_files:
        for attr in CLASS_ATTR.findall(path.read_text(encoding="utf-8")):
            used.update(attr.split())
    for path in script_files:
        used.update(TOKEN.findall(path.read_text(encoding="utf-8")))
    return used


def blocks(css: str) -> list[tuple[str, str | None]]:
    """Split CSS into (prelude, body) at the top level; body None for `@x ...;`."""
    out: list[tuple[str, str | None]] = []
    i, n, start = 0, len(css), 0
    while i < n:
        c = css[i]
        if c in "\"'":
            i = css.index(c, i + 1) + 1
            continue
        if c == ";" and css[start:i].lstrip().startswith("@"):
            out.append((css[start:i].strip(), None))
            start = i = i + 1
            continue
        if c == "{":
            depth, j = 1, i + 1
            while depth:
                d = css[j]
                if d in "\"'":
                    j = css.index(d, j + 1) + 1
                    continue
                depth += d == "{"
                depth -= d == "}"
                j += 1
            out.append((css[start:i].strip(), css[i + 1:j - 1]))
            start = i = j
            continue
        i += 1
    return out


def split_selectors(prelude: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in prelude:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def selector_used(selector: str, used: set[str]) -> bool:
    # Classes inside :not(...) do not need to exist for the selector to match.
    positive = re.sub(r":not\([^)]*\)", "", selector)
    return all(cls in used for cls in CLASS_IN_SELECTOR.findall(positive))


def purge(css: str, used: set[str]) -> str:
    css = COMMENT.sub("", css)
    out = []
    for prelude, body in blocks(css):
        if body is None:
            out.append(prelude + ";")
        elif prelude.startswith(NEST_AT):
            inner = purge(body, used)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith(KEEP_AT) or prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in split_selectors(prelude) if selector_used(s, used)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def purge_site(site: Path) -> tuple[int, int]:
    html = [p for p in site.rglob("*.html")]
    scripts = [p for p in (site / "assets" / "js").glob("*.js")]
    used = used_classes(html, scripts)
    before = after = 0
    for sheet in sorted((site / "assets" / "stylesheets").glob("main.*.min.css")):
        css = sheet.read_text(encoding="utf-8")
        slim = purge(css, used)
        before += len(css)
        after += len(slim)
        sheet.write_text(slim, encoding="utf-8")
    return before, after
