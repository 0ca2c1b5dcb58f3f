"""Reading pages and data files: bad bytes and YAML mistakes become one line
that names the file, the line and a fix (never a traceback).

Front matter is parsed here, with the same YAML loader as the data files,
so a broken block is reported at its real line in the Markdown file."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitebuild.errors import fail

FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)
# Characters no editor means to type: C0/C1 controls (tab and line breaks
# aside) and the bidirectional overrides that make text read differently
# from how it is stored (U+202A-U+202E, U+2066-U+2069).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROL_HINT = "delete it (copies from Word or a PDF can carry invisible characters)"


class Refused(Exception):
    """A strict-YAML refusal: (0-based line, problem, hint)."""


def control_problem(text: str) -> tuple[int, str, str] | None:
    """(0-based line, problem, hint) for the first invisible control character."""
    m = CONTROL.search(text)
    if not m:
        return None
    kind = "a right-to-left or direction override" if ord(m.group()) >= 0x202A else "a control character"
    col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    return (text[: m.start()].count("\n"),
            f"{kind} (U+{ord(m.group()):04X}) at column {col}", CONTROL_HINT)


def _strict(base: type, aliases: bool) -> type:
    """`base` (a safe loader) that refuses duplicate keys, control characters
    and (unless `aliases`) aliases, each with its line: the last of two
    `reviewed:` keys never wins silently, and an alias bomb in front matter
    is refused, not expanded. Data files written by maintainers may share a
    block with an alias (data/local.yml); readers walk each shared value once."""

    class Strict(base):
        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            if not aliases and (node in self.constructed_objects or node in self.recursive_objects):
                raise Refused(node.start_mark.line, "an alias (*name) repeats the value that starts here",
                              "write the value out in full; aliases and anchors (&name) are not accepted")
            return super().construct_object(node, deep)

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
            seen: dict[str, int] = {}
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.tag.endswith(":merge"):
                        raise Refused(key.start_mark.line, "a merge key (<<) is not accepted",
                                      "write the keys out in full")
                    if key.value in seen:
                        raise Refused(key.start_mark.line,
                                      f"'{key.value}' appears twice (first on line {{line{seen[key.value]}}})",
                                      "keep one of the two lines")
                    seen[key.value] = key.start_mark.line
            return super().construct_mapping(node, deep)

        def construct_yaml_str(self, node: yaml.ScalarNode) -> Any:
            value = super().construct_yaml_str(node)
            found = control_problem(value)
            if found:
                raise Refused(node.start_mark.line + (found[0] if node.style in ("|", ">", None) else 0),
                              found[1].rsplit(" at column", 1)[0], found[2])
            return value

    Strict.add_constructor("tag:yaml.org,2002:str", Strict.construct_yaml_str)
    return Strict


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: same rules, ~10x faster (every reader)
LOADERS = {False: (_strict(SAFE_LOADER, False), _strict(yaml.SafeLoader, False)),
           True: (_strict(SAFE_LOADER, True), _strict(yaml.SafeLoader, True))}


@dataclass(frozen=True)
class Source:
    """A Markdown page split into its front matter and body."""

    where: str          # docs/benefits.md
    text: str           # the whole file
    front: str          # the YAML between the --- lines ('' if none)
    body: str           # the Markdown after the block
    body_line: int      # line number of the body's first line in the file


def decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise fail(where, line, f"not UTF-8 text (byte 0x{data[err.start]:02x} at column {col})",
                   "save the file as UTF-8 in your editor") from None


def read_text(path: Path, where: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise fail(where, None, "file not found") from None
    return decode(data, where)


def _hint(err: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str, str]:
    """(line, problem, hint) for a YAML error, in an editor's words."""
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else None
    problem = " ".join(str(err.problem or err.context or "syntax error").split())
    lines = text.splitlines()
    tab_line = next((i + 1 for i, l in enumerate(lines) if "\t" in l[: len(l) - len(l.lstrip())]), None)
    if tab_line or "\\t" in problem or "tab" in problem:
        return tab_line or line, "a tab in the indentation", "indent with spaces, never tabs"
    context = str(err.context or "")
    start_line = lines[err.context_mark.line] if err.context_mark and err.context_mark.line < len(lines) else ""
    if "flow" in context and (start_line.count('"') % 2 or start_line.count("'") % 2):
        context = "quoted scalar"  # the quote swallowed the closing bracket
    if "quoted scalar" in context:
        start = err.context_mark.line + 1 if err.context_mark else line
        return start, "a quote opens here and never closes", "end the value with the same quote it starts with"
    if "mapping values are not allowed" in problem:
        return line, "a colon inside a value", 'put the value in quotes, e.g. title: "Fees: what to expect"'
    if "flow sequence" in context or "flow mapping" in context:
        start = err.context_mark.line + 1 if err.context_mark else line
        return start, "a [ or { opens here and never closes", "close it, or put the value in quotes"
    if "could not find expected ':'" in problem or "simple key" in context:
        start = err.context_mark.line + 1 if err.context_mark else line
        return start, "a line that is not 'key: value'", "write key: value, or quote a value that spans lines"
    return line, problem, "check the YAML syntax on this line (quote values with : # [ { or quotes)"


def _refused(err: Refused, where: str, first_line: int) -> Exception:
    line, problem, hint = err.args
    problem = re.sub(r"\{line(\d+)\}", lambda m: str(int(m[1]) + first_line), problem)
    return fail(where, line + first_line, problem, hint)


@functools.lru_cache(maxsize=4096)
def _loaded(text: str, aliases: bool) -> Any:
    """libyaml's strict load of a text that loads (errors are not kept): a
    post's front matter is read by the rules and by each language build."""
    return yaml.load(text, Loader=LOADERS[aliases][0])  # noqa: S506 - a safe loader


def load_yaml(text: str, where: str, first_line: int = 1, aliases: bool = False) -> Any:
    """A strict safe load with errors as 'file:line: problem. Hint: fix'.
    Each caller gets its own copy (callers may change what they get)."""
    found = control_problem(text)
    if found:
        raise fail(where, found[0] + first_line, found[1], found[2])
    try:
        return copy.deepcopy(_loaded(text, aliases))
    except Refused as err:
        raise _refused(err, where, first_line) from None
    except yaml.YAMLError:
        pass  # parse again below: the pure-Python loader gives the clearer message
    except ValueError:
        pass  # an impossible date such as 2026-02-30: reported below
    try:
        return yaml.load(text, Loader=LOADERS[aliases][1])  # noqa: S506 - a safe loader
    except Refused as err:
        raise _refused(err, where, first_line) from None
    except ValueError as err:  # not a YAMLError: a date the calendar does not have
        line = next((n for n, l in enumerate(text.splitlines(), start=first_line)
                     if _bad_date(l)), None)
        raise fail(where, line, f"impossible date ({err})", "write a real date as YYYY-MM-DD") from None
    except yaml.MarkedYAMLError as err:
        line, problem, hint = _hint(err, text)
        line = line + first_line - 1 if line else None
        raise fail(where, line, f"invalid YAML: {problem}", hint) from None
    except yaml.YAMLError as err:
        raise fail(where, None, f"invalid YAML: {' '.join(str(err).split())}",
                   "check the YAML syntax") from None


DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def _bad_date(line: str) -> bool:
    for m in DATE.finditer(line):
        try:
            dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return True
    return False


@functools.lru_cache(maxsize=64)
def compose_yaml(text: str) -> yaml.Node | None:
    """The YAML node tree (values with their lines); call after load_yaml.
    libyaml when present (same nodes and lines, ~10x faster); one tree per
    text, shared by every caller: read it, never change it."""
    return yaml.compose(text, Loader=SAFE_LOADER)


def read_yaml(path: Path, where: str) -> Any:
    return load_yaml(read_text(path, where), where, aliases=True)


def split_page(text: str, where: str) -> Source:
    if not text.startswith("---"):
        return Source(where, text, "", text, 1)
    m = FRONT.match(text)
    if not m:
        raise fail(where, 1, "front matter opens with --- but never closes",
                   "end the block with a line holding only ---")
    front = m.group(1) or ""
    body_line = text[: m.end()].count("\n") + 1
    return Source(where, text, front, text[m.end():], body_line)


def read_page(path: Path, where: str) -> tuple[Source, dict[str, Any]]:
    """A Markdown page and its front matter (checked YAML, a mapping)."""
    src = split_page(read_text(path, where), where)
    meta = load_yaml(src.front, where, first_line=2) if src.front.strip() else {}
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise fail(where, 2, "front matter is not a list of 'key: value' lines",
                   "write one key: value per line between the --- lines")
    return src, meta


# What docs/ may hold (paths relative to docs/; fnmatch patterns, first match
# wins). MkDocs publishes every file it finds there, so anything else (an
# uploaded .html with its .js, an SVG with a script, a .markdown page that
# skips the page rules) would ship on the site's own origin. The CMS's media
# folder (sitebuild/cms.py MEDIA_FOLDER) takes raster images only.
UPLOADS = "assets/img/uploads/"
RASTER = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif")
FILE_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (UPLOADS, RASTER),                               # the browser editor's uploads
    ("assets/img/", RASTER + (".svg",)),             # the site's own images (logo, favicon)
    ("assets/css/", (".css",)),                      # the stylesheet (hooks/css.py)
    ("assets/js/", (".js",)),                        # the site's scripts
    ("assets/fonts/", (".woff2",)),                  # self-hosted fonts, if any
    ("", (".md",)),                                  # pages and posts
)
MARKDOWN_LIKE = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext", ".text")


def docs_file_problem(rel: str) -> tuple[str, str] | None:
    """(problem, hint) when docs/`rel` is not a page or an asset the site owns."""
    name = rel.rsplit("/", 1)[-1].lower()
    ext = "." + name.rsplit(".", 1)[-1] if "." in name else "(no extension)"
    if ext in MARKDOWN_LIKE:
        return (f"a {ext} page is not checked by the site's rules",
                "rename it to .md (pages are .md files, with a .es.md twin)")
    for folder, types in FILE_TYPES:
        if rel.startswith(folder):
            if name.endswith(types):
                return None
            where = f"docs/{folder}" if folder else "docs/"
            if folder == UPLOADS:
                return (f"a {ext} file is not an image the site accepts in uploads",
                        f"upload {', '.join(t[1:].upper() for t in RASTER[:3])} images only "
                        "(an SVG or web page could run code on the site)")
            return (f"a {ext} file is not a page or an asset the site owns in {where}",
                    f"{where} takes {', '.join(types)} files (sitebuild/sourcefiles.py FILE_TYPES); "
                    "delete the file or ask a maintainer")
    return None  # unreachable: the last rule matches every path
