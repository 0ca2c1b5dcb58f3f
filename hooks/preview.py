"""`make serve` (mkdocs serve): pick up every kind of edit, and show a failed
rebuild in the browser instead of a page that never finishes loading.

- mkdocs.yml `watch:` adds data/, hooks/, sitebuild/ and overrides/ to what
  MkDocs watches (it watches only docs/ and mkdocs.yml by itself).
- on_startup: MkDocs loads hook files once per process, and the hooks import
  sitebuild/ once; before each rebuild we forget both, so an edit to a hook or
  to sitebuild/ takes effect on the next save. Because the hooks are loaded
  afresh, "this is `mkdocs serve`" lives in the environment
  (sitebuild.buildinfo.serving), not in a module variable that would be reset.
- on_serve: wraps the rebuild. MkDocs 1.6 leaves the browser waiting while a
  rebuild is broken ("the server will appear stuck"); here the error is
  written as the page at every address the site had, the browsers reload to
  it, and the next good save brings the site back (also by reload).
"""

from __future__ import annotations

import html
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from sitebuild.buildinfo import SERVING_ENV

log = logging.getLogger("mkdocs.hooks.preview")

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Build failed</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body data-build-error>
<h1>The preview could not be rebuilt</h1>
<p>Fix the file named below and save it: this page reloads by itself.
The same message is in the terminal that runs <code>make serve</code>.</p>
<pre>{error}</pre>
</body>
</html>
"""


def on_startup(*, command: str, dirty: bool) -> None:
    if command == "serve":
        import os

        os.environ[SERVING_ENV] = "1"


def error_text(err: BaseException) -> str:
    """The message an editor needs: PluginError/SystemExit text as is, else
    the exception's last line."""
    if isinstance(err, (SystemExit, MkDocsException)):
        return str(err)
    return "".join(traceback.format_exception_only(type(err), err)).strip()


def forget_loaded_code() -> None:
    """Make the next rebuild load hooks/*.py and sitebuild/ from disk again."""
    # MkDocs caches each hook module in Hooks._load_hook (private): clear it
    # when it is there; without it, a rebuild keeps the hook code it started with.
    load_hook: Any = getattr(getattr(MkDocsConfig, "hooks", None), "_load_hook", None)
    if callable(getattr(load_hook, "cache_clear", None)):
        load_hook.cache_clear()
    for name in [n for n in sys.modules if n.split(".")[0] == "sitebuild"]:
        del sys.modules[name]


class Collect(logging.Handler):
    """Warnings and errors of one rebuild: in strict mode they are the reason
    it stopped ("Aborted with 1 warnings"), so the page shows them too."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def show_error(site: Path, pages: list[Path], err: BaseException, warnings: list[str]) -> None:
    page = PAGE.format(error=html.escape("\n".join([*warnings, error_text(err)])))
    for path in pages or [site / "index.html"]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    site = Path(config.site_dir)
    rebuild = server.builder

    def safe_rebuild() -> None:
        pages = sorted(site.rglob("*.html"))  # the addresses browsers may have open
        forget_loaded_code()
        warnings = Collect()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            rebuild()
        except (Exception, SystemExit) as err:  # noqa: BLE001 - any failure is shown, never hidden
            traceback.print_exc()
            log.error("The rebuild failed; the browser shows the error until the next good save.")
            show_error(site, pages, err, warnings.lines)
        finally:
            logging.getLogger("mkdocs").removeHandler(warnings)

    server.builder = safe_rebuild
    return server
