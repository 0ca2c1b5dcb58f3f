"""Every built page at desktop width (1280 px) in one reused context per language, until
`load`: no console error, no request to another host, and axe-core finds no
violation (the layout, and so contrast, overlap and landmarks, differ from the
phone pass in test_browser.py). In tests/conftest.py SPREAD: each language
may run on its own worker."""

from __future__ import annotations

import pytest
from browser_helpers import DESKTOP, axe_violations, watch


@pytest.mark.timeout(600)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_at_desktop_width_clean_and_accessible(browser, server, pages, lang):
    ctx = browser.new_context(viewport=DESKTOP, service_workers="block")
    page = ctx.new_page()
    seen = watch(page)
    problems = []
    mine = [rel for rel in pages if pages[rel].lang == lang]
    for rel in mine:
        seen.clear()
        page.goto(server + pages[rel].url_path, wait_until="load")
        violations = axe_violations(page)
        if seen.errors or seen.foreign or violations:
            problems.append(f"{rel} @1280px: console={seen.errors} foreign={seen.foreign} axe={violations}")
    ctx.close()
    assert len(mine) >= 20
    assert not problems, "\n".join(problems)
