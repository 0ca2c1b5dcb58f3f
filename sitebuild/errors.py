"""One error type for content and data mistakes, and one message format:

    docs/benefits.md:12: <what is wrong>. Hint: <how to fix it>

MkDocs prints a PluginError as one line and exits 1 (no traceback). Every
module's error (QuizError, UpdatesError, ...) is a BuildError, so hooks let
them through without re-wrapping."""

from __future__ import annotations

from mkdocs.exceptions import PluginError


class BuildError(PluginError):
    """A mistake in content or data; the message names the file (and line)."""


ContentError = BuildError  # the older name, kept for the modules that raise it


def located(where: str, line: int | None, problem: str, hint: str = "") -> str:
    place = f"{where}:{line}" if line else where
    return f"{place}: {problem}" + (f". Hint: {hint}" if hint else "")


def fail(where: str, line: int | None, problem: str, hint: str = "") -> BuildError:
    return BuildError(located(where, line, problem, hint))
