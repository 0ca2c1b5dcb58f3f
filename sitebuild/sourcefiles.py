"""Reading pages and data files: bad bytes and YAML mistakes become one line
that names the file, the line and a fix (never a traceback).

Front matter is parsed here, with the same YAML loader as the data files,
so a broken block is reported at its real line in the Markdown file."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitebuild.errors import fail

FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)


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


def load_yaml(text: str, where: str, first_line: int = 1) -> Any:
    """yaml.safe_load with errors as 'file:line: problem. Hint: fix'."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: same rules, faster
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        pass  # parse again below: the pure-Python loader gives the clearer message
    except ValueError:
        pass  # an impossible date such as 2026-02-30: reported below
    try:
        return yaml.safe_load(text)
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


def compose_yaml(text: str) -> yaml.Node | None:
    """The YAML node tree (values with their lines); call after load_yaml."""
    return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(path: Path, where: str) -> Any:
    return load_yaml(read_text(path, where), where)


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
