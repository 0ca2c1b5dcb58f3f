"""Content never becomes code: the author's HTML (each page's Markdown as
rendered, every front-matter and data string) may hold only what
sitebuild/allowlist.py names. Each refusal fails the build with the file,
the line and a fix; a data or front-matter value that is a whole URL must
use a safe scheme (safe_url checks it again where it lands).

Templates escape every value anyway (sitebuild/escaping.py); this rule makes
the attempt visible to the editor instead of shipping an inert oddity."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import yaml

from sitebuild import allowlist
from sitebuild.errors import fail

# A value that is one URL (no spaces): "javascript:alert(1)". Which data
# values are links is known only where they land, and safe_url refuses
# every scheme but its own list there; here the build names the schemes
# that run code early, with the value's line ("TODO:confirm" is text).
WHOLE_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$")
CODE_SCHEMES = frozenset({"javascript", "vbscript", "data"})


def problems(text: str, reserved: frozenset[str] = frozenset()) -> Iterator[tuple[int, str, str]]:
    """(line index, problem, hint) for a string value treated as HTML."""
    for line, (problem, hint, _) in allowlist.findings(text, reserved):
        yield line - 1, problem, hint
    plain = allowlist.INVISIBLE.sub("", text.strip())
    if WHOLE_URL.match(plain) and allowlist.scheme(plain) in CODE_SCHEMES:
        yield 0, f"a {allowlist.scheme(plain)}: URL is not allowed in content", allowlist.URL_HINT


def check_rendered(rendered: str, source: str, where: str, first_line: int = 1,
                   reserved: frozenset[str] = frozenset()) -> None:
    """Raise on the first thing the allowlist refuses in a page's rendered
    Markdown, at the line of `source` (the Markdown body) that wrote it."""
    for _, (problem, hint, pattern) in allowlist.findings(rendered, reserved):
        line = allowlist.source_line(source, pattern)
        raise fail(where, line + first_line - 1 if line else None, problem, hint)


def check_text(text: str, where: str, first_line: int = 1) -> None:
    """Raise on the first refused construct in an HTML fragment."""
    for n, problem, hint in problems(text):
        raise fail(where, n + first_line, problem, hint)


def scalars(node: yaml.Node | None, seen: set[int] | None = None) -> Iterator[yaml.ScalarNode]:
    """Every scalar node once (an aliased block is shared, not walked again)."""
    seen = set() if seen is None else seen
    if node is None or id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from scalars(item, seen)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from scalars(key, seen)
            yield from scalars(value, seen)


def check_yaml(node: yaml.Node | None, where: str, first_line: int = 1,
               also: Callable[[str], Iterator[tuple[int, str, str]]] | None = None) -> None:
    """Raise on the first refused value in a YAML document (data file or
    front matter), at the line where that value starts."""
    for scalar in scalars(node):
        found = list(problems(str(scalar.value)))
        if also:
            found += list(also(str(scalar.value)))
        for n, problem, hint in found:
            line = scalar.start_mark.line + first_line + (n if scalar.style in ("|", ">", None) else 0)
            raise fail(where, line, problem, hint)


def value_problems(value: object) -> Iterator[tuple[int, str, str]]:
    """Problems anywhere in parsed YAML (keys and values): the fast check
    before composing the document again to name the line. Aliases are
    refused when the YAML is read (sourcefiles.py), so this walk is linear."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from value_problems(k)
            yield from value_problems(v)
    elif isinstance(value, list):
        for v in value:
            yield from value_problems(v)
    elif isinstance(value, str):
        yield from problems(value)
