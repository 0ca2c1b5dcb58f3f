"""What content may produce: ONE allowlist of HTML elements, attributes and
URL schemes, for the author's HTML (each page's rendered Markdown, every
front-matter string and every data string). Anything else fails the build
with the file, the line and a hint; the build refuses, it never strips.

The parsing and the sanitising are `nh3` (the Ammonia sanitizer): the
author's HTML is cleaned with this allowlist and compared with what went in;
where they differ (an element or attribute the list does not name, a URL
whose scheme it does not name), the first difference is the message.

Trusted markup is not checked here: templates and partials (overrides/),
and what hooks inject after Markdown has run (diagrams, costs, local help,
glossary pop-ups, all from comment markers such as `<!-- costs -->`, which
stay allowed because comments are kept).

To allow something new, add it below with a comment saying what emits it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import nh3

# element -> its own attributes (GLOBAL applies to every element)
ELEMENTS: dict[str, frozenset[str]] = {
    # Markdown itself (Python-Markdown core)
    "p": frozenset(), "br": frozenset(), "hr": frozenset(),
    "h1": frozenset(), "h2": frozenset(), "h3": frozenset(),
    "h4": frozenset(), "h5": frozenset(), "h6": frozenset(),
    "em": frozenset(), "strong": frozenset(), "code": frozenset(), "pre": frozenset(),
    "blockquote": frozenset(), "ul": frozenset(), "li": frozenset(),
    "ol": frozenset({"start"}),                       # "3. item" starts a list at 3
    "a": frozenset({"href", "title"}),                # [text](url "title")
    "img": frozenset({"src", "alt", "title"}),        # ![alt](src "title")
    # tables (MkDocs' default extension; alignment would write style=, refused)
    "table": frozenset(), "thead": frozenset(), "tbody": frozenset(),
    "tr": frozenset(), "th": frozenset(), "td": frozenset(),
    # def_list
    "dl": frozenset(), "dt": frozenset(), "dd": frozenset(),
    # admonition (`!!! note "Title"` -> div.admonition + p.admonition-title) and
    # md_in_html (`<div class="dl-now" markdown>`)
    "div": frozenset(),
    # pymdownx.details (`??? note`)
    "details": frozenset({"open"}), "summary": frozenset(),
    # attr_list `{ lang=en }` on a word, written by hand as <span lang="es">
    "span": frozenset(),
    # inline text an author may type by hand (the same as Markdown's)
    "b": frozenset(), "i": frozenset(), "sub": frozenset(), "sup": frozenset(),
    "abbr": frozenset({"title"}),
}
# attr_list (`{ #id .class lang=en }`) and toc (heading ids) on any element
GLOBAL: frozenset[str] = frozenset({"id", "class", "lang"})
# Schemes a link or image may use; relative addresses are always allowed.
# gs: is the project's statute convention ([G.S. 90-96](gs:90-96)).
SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel", "gs"})
URL_ATTRIBUTES = frozenset({"href", "src"})
# Elements the HTML parser adds by itself (<table><tr> gains a <tbody>).
IMPLIED = frozenset({"tbody"})

SCRIPT_LIKE = frozenset({"script", "iframe", "object", "embed"})
SCRIPT_HINT = "write text only; the site's scripts live in docs/assets/js/, and videos or maps are plain links"
HANDLER_HINT = "remove it; behaviour belongs in docs/assets/js/"
URL_HINT = "link to a page or an https:// address"
STYLE_HINT = "styles live in the site's stylesheet (docs/assets/css/src/), never in content"
ELEMENT_HINT = ("content may use only what Markdown writes (the list is in sitebuild/allowlist.py); "
                "write it in Markdown, or ask a maintainer to extend the list")
ID_HINT = "the site's own templates use this id; pick another one"
# Characters a browser drops inside a URL scheme ("java\tscript:").
INVISIBLE = re.compile(r"[\x00-\x20\u00ad\u200b-\u200d\ufeff]+")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")

TEMPLATE_ID = re.compile(r"""\bid=["']([A-Za-z][\w-]*)["']""")


def reserved_ids(root: Path) -> frozenset[str]:
    """Ids the templates give their own elements and the site's scripts look
    up (docs/assets/js/): content may not reuse one, or a page body (which
    comes first) could stand in for the quiz's checked data (#quiz-data).
    `root`: the project folder."""
    ids = {m for p in (root / "overrides").rglob("*.html")
           for m in TEMPLATE_ID.findall(p.read_text(encoding="utf-8"))}
    scripts = "\n".join(p.read_text(encoding="utf-8") for p in (root / "docs" / "assets" / "js").glob("*.js"))
    return frozenset(i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", scripts))


def scheme(url: str) -> str:
    """The scheme a browser would see ('' for a relative address)."""
    m = SCHEME.match(INVISIBLE.sub("", url))
    return m.group(1).lower() if m else ""


class _Tags(HTMLParser):
    """Start tags as (element, [(attribute, value)], line in the fragment)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str]], int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, [(k, v or "") for k, v in attrs], self.getpos()[0]))

    handle_startendtag = handle_starttag


def tags(fragment: str) -> list[tuple[str, list[tuple[str, str]], int]]:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser.found


def clean(fragment: str) -> str:
    """The fragment as nh3 keeps it under this allowlist."""
    return nh3.clean(
        fragment,
        tags=set(ELEMENTS),
        attributes={"*": set(GLOBAL), **{k: set(v) for k, v in ELEMENTS.items() if v}},
        url_schemes=set(SCHEMES),
        link_rel=None,
        strip_comments=False,
    )


# (problem, hint, what to look for in the source to name its line)
Finding = tuple[str, str, str]


def _judge(tag: str, attrs: list[tuple[str, str]], reserved: frozenset[str]) -> Finding | None:
    if tag in SCRIPT_LIKE:
        return f"raw <{tag}> is not allowed in content", SCRIPT_HINT, rf"<\s*{tag}\b"
    if tag not in ELEMENTS:
        hint = STYLE_HINT if tag == "style" else ELEMENT_HINT
        return f"<{tag}> is not allowed in content", hint, rf"<\s*{re.escape(tag)}\b"
    for name, value in attrs:
        if name.startswith("on"):
            return (f"inline event handler '{name}=' is not allowed in content", HANDLER_HINT,
                    rf"(?<![\w-]){re.escape(name)}\s*=")
        if name not in GLOBAL and name not in ELEMENTS[tag]:
            hint = STYLE_HINT if name == "style" else ELEMENT_HINT
            return (f"attribute '{name}' on <{tag}> is not allowed in content", hint,
                    rf"(?<![\w-]){re.escape(name)}\s*=")
        if name in URL_ATTRIBUTES and scheme(value) and scheme(value) not in SCHEMES:
            return f"a {scheme(value)}: URL is not allowed in content", URL_HINT, "scheme:" + scheme(value)
        if name == "id" and value in reserved:
            return (f"id '{value}' is not allowed in content", ID_HINT,
                    rf"""(id\s*=\s*["']?|#){re.escape(value)}(?![\w-])""")
    return None


def findings(fragment: str, reserved: frozenset[str] = frozenset()) -> Iterator[tuple[int, Finding]]:
    """(line in the fragment, finding) for everything the allowlist refuses."""
    if "<" not in fragment:
        return
    mine = tags(fragment)
    bad = False
    for tag, attrs, line in mine:
        found = _judge(tag, attrs, reserved)
        if found:
            bad = True
            yield line, found
    if bad:
        return
    # The sanitizer parses as a browser does: if it keeps something other
    # than what went in, the author's HTML means something else to a browser.
    # What it gives back unchanged (every page today) parses as it went in.
    cleaned = clean(fragment)
    if cleaned == fragment:
        return
    kept = [(t, sorted(k for k, _ in a)) for t, a, _ in tags(cleaned) if t not in IMPLIED]
    given = [(t, sorted(k for k, _ in a)) for t, a, _ in mine if t not in IMPLIED]
    if kept != given:
        for i, (tag, attrs, line) in enumerate(t for t in mine if t[0] not in IMPLIED):
            if i >= len(kept) or kept[i] != given[i]:
                yield line, (f"<{tag}> is read differently by a browser (the sanitizer keeps "
                             f"{'<' + kept[i][0] + '>' if i < len(kept) else 'nothing'})",
                             "close every tag and quote every attribute value", rf"<\s*{re.escape(tag)}\b")
                return


def source_line(source: str, pattern: str) -> int | None:
    """The 1-based line of `source` where a finding's construct is written."""
    if pattern.startswith("scheme:"):
        name = pattern.split(":", 1)[1]
        lines = source.splitlines()
        for joined in (False, True):  # one line first; then a scheme split over two
            for n, line in enumerate(lines):
                text = line + (lines[n + 1] if joined and n + 1 < len(lines) else "")
                if re.search(rf"{name}:", INVISIBLE.sub("", html.unescape(text)), re.I):
                    return n + 1
        return None
    m = re.search(pattern, source, re.I)
    return source[: m.start()].count("\n") + 1 if m else None
