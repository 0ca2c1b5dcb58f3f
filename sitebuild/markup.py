"""Content never becomes code: no raw <script>, <iframe>, <object>, <embed>,
inline event handler (on...=) or javascript: URL in Markdown, front matter or
data files. Each hit fails the build with the file, the line and a fix.

Templates escape every value anyway (sitebuild/escaping.py); this rule makes
the attempt visible to the editor instead of shipping an inert oddity."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import yaml

from sitebuild.errors import fail

TAGS = ("script", "iframe", "object", "embed")
RULES: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"<\s*/?\s*(script|iframe|object|embed)\b", re.I),
     "raw <{0}> is not allowed in content",
     "write text only; the site's scripts live in docs/assets/js/, and videos or maps are plain links"),
    (re.compile(r"(?<![\w-])(on[a-z]{3,})\s*=", re.I),
     "inline event handler '{0}=' is not allowed in content",
     "remove it; behaviour belongs in docs/assets/js/"),
    (re.compile(r"\b(javascript|vbscript)\s*:", re.I),
     "a {0}: URL is not allowed in content",
     "link to a page or an https:// address"),
]
# Characters a browser ignores inside a URL scheme ("java\tscript:").
INVISIBLE = re.compile(r"[\x00-\x20\u00ad\u200b-\u200d\ufeff]+")


def problems(text: str) -> Iterator[tuple[int, str, str]]:
    """(line index, problem, hint) for every dangerous construct, line by line."""
    for n, line in enumerate(text.splitlines()):
        for pattern, problem, hint in RULES[:2]:
            for m in pattern.finditer(line):
                yield n, problem.format(m.group(1).lower()), hint
        # A URL reaches the browser with entities decoded and invisible
        # characters dropped: "jav&#x61;script:" and "java\tscript:" count.
        scheme, problem, hint = RULES[2]
        m = scheme.search(INVISIBLE.sub("", html.unescape(line)))
        if m:
            yield n, problem.format(m.group(1).lower()), hint


def check_text(text: str, where: str, first_line: int = 1) -> None:
    """Raise on the first dangerous construct in Markdown `text`."""
    for n, problem, hint in problems(text):
        raise fail(where, n + first_line, problem, hint)


def scalars(node: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    if node is None:
        return
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from scalars(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from scalars(key)
            yield from scalars(value)


def check_yaml(node: yaml.Node | None, where: str, first_line: int = 1) -> None:
    """Raise on the first dangerous value in a YAML document (data file or
    front matter), at the line where that value starts."""
    for scalar in scalars(node):
        for n, problem, hint in problems(str(scalar.value)):
            line = scalar.start_mark.line + first_line + (n if scalar.style in ("|", ">", None) else 0)
            raise fail(where, line, problem, hint)


def value_problems(value: object) -> Iterator[tuple[int, str, str]]:
    """Problems anywhere in parsed YAML (keys and values): the fast check
    before composing the document again to name the line."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from value_problems(k)
            yield from value_problems(v)
    elif isinstance(value, list):
        for v in value:
            yield from value_problems(v)
    elif isinstance(value, str):
        yield from problems(value)
