"""`make serve` previews with live reload: edit a page, the open browser
reloads it (click is pinned: mkdocs/mkdocs#4032 broke reload after 8.2.1)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import pytest
from conftest import copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(project, port):  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def open_when_ready(page, url: str, proc) -> None:  # type: ignore[no-untyped-def]
    deadline = time.time() + 60
    while True:
        try:
            page.goto(url)
            return
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                raise
            time.sleep(0.5)


def wait_until_shown(page, condition: str, timeout: int) -> None:  # type: ignore[no-untyped-def]
    """Wait for `condition` (JavaScript) on a parsed page. Livereload swaps
    the document under the test: in between there is one with no body yet,
    where the condition would throw (and fail the wait) or, for an absence,
    hold too early. Only a document parsed to its end counts."""
    page.wait_for_function(f"document.readyState !== 'loading' && document.body !== null && ({condition})",
                           timeout=timeout)


@pytest.mark.timeout(400)
def test_serve_reloads_after_edits_to_pages_data_and_hooks_and_shows_a_failed_rebuild(tmp_path, browser):
    """One `make serve` (its command line), one edit after another: each
    waits for the page to show it, so no step can pass on the last one's reload."""
    project = copy_project(tmp_path / "p")
    port = free_port()
    proc = start_serve(project, port)
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        open_when_ready(page, f"http://127.0.0.1:{port}/benefits/", proc)
        wait = 60_000

        # docs/: an edited page, the open browser reloads it.
        marker = "Reload marker 7f3a"
        assert marker not in page.content()
        doc = project / "docs" / "benefits.md"
        doc.write_text(doc.read_text(encoding="utf-8") + f"\n\n{marker}\n", encoding="utf-8")
        wait_until_shown(page, f"document.body.innerText.includes({marker!r})", wait)

        # data/: an interface string changes, the open page follows.
        strings = project / "data" / "strings.yml"
        good = strings.read_text(encoding="utf-8")
        line = re.search(r"^licensed_in:\s*\{en: ([^,]+), es: [^}]+\}$", good, re.M)
        assert line, "data/strings.yml: licensed_in is not a one-line {en, es} mapping any more"
        marked = good.replace(line.group(0), line.group(0).replace(line.group(1), "Licensed marker 2c9"))
        strings.write_text(marked, encoding="utf-8")
        wait_until_shown(page, "document.body.innerText.includes('Licensed marker 2c9')", wait)

        # A broken data file: the page reloads to the error, naming the file.
        strings.write_text(good.replace(line.group(0), f"licensed_in: {{en: {line.group(1)}}}"), encoding="utf-8")
        page.wait_for_selector("[data-build-error]", timeout=wait)
        error = page.inner_text("pre")
        assert "strings.yml" in error and "licensed_in" in error, error
        # A page the browser had not opened yet shows it too.
        other = ctx.new_page()
        other.goto(f"http://127.0.0.1:{port}/es/faq/")
        assert other.locator("[data-build-error]").count() == 1
        other.close()

        # Fixed: the site comes back by itself.
        strings.write_text(good, encoding="utf-8")
        wait_until_shown(page, "!document.querySelector('[data-build-error]') && document.querySelector('.md-content')"
                               " && !document.body.innerText.includes('Licensed marker 2c9')", wait)

        # hooks/: an edited hook takes effect on the next rebuild.
        hook = project / "hooks" / "preview.py"
        hook.write_text(hook.read_text(encoding="utf-8") + (
            "\n\ndef on_page_content(html, **kwargs):\n"
            "    return html + '<p>Hook marker 81f</p>'\n"), encoding="utf-8")
        wait_until_shown(page, "document.body.innerText.includes('Hook marker 81f')", wait)
    finally:
        # The server first: closing a page whose livereload request is still
        # open (or mid-reload after the last rebuild) hung once for 300 s in
        # a fresh clone's run; with the server gone nothing is pending.
        proc.terminate()
        proc.wait(timeout=20)
        ctx.close()
