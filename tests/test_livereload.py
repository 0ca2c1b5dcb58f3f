"""`make serve` previews with live reload: edit a page, the open browser
reloads it (click is pinned: mkdocs/mkdocs#4032 broke reload after 8.2.1)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from conftest import copy_project

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_reloads_after_an_edit(tmp_path, browser):
    project = copy_project(tmp_path / "p")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        page = browser.new_page()
        deadline = time.time() + 60
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/benefits/")
                break
            except Exception:
                if time.time() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.5)
        marker = "Reload marker 7f3a"
        assert marker not in page.content()
        doc = project / "docs" / "benefits.md"
        doc.write_text(doc.read_text() + f"\n\n{marker}\n")
        page.wait_for_function(f"document.body.innerText.includes({marker!r})", timeout=60_000)
        page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
