"""What the browser tests share: axe-core, and watching a page for console
errors (every Content-Security-Policy violation is one: tools/serve.py
applies the site's _headers) and for requests that leave loopback.

Test modules import from here, never from each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """axe-core's default rules: every WCAG A/AA rule plus best practices."""
    results = AXE.run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def off_loopback(url: str) -> bool:
    return urlparse(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:"))


@dataclass
class Watch:
    """Console errors, uncaught exceptions, HTTP errors and foreign requests
    of one page; `clear()` between the visits of a reused page."""
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.errors.clear()
        self.foreign.clear()


def watch(page) -> Watch:  # type: ignore[no-untyped-def]
    w = Watch()
    page.on("console", lambda m: w.errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda e: w.errors.append(str(e)))
    page.on("response", lambda r: w.errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: w.foreign.append(r.url) if off_loopback(r.url) else None)
    return w



def wait_for_errors(page, errors: list[str], timeout_ms: int = 10_000) -> list[str]:  # type: ignore[no-untyped-def]
    """`errors` once the page has thrown (Playwright delivers `pageerror`
    after the fact, later under load), or still empty after timeout_ms."""
    waited = 0
    while not errors and waited < timeout_ms:
        page.wait_for_timeout(50)  # lets Playwright deliver the event
        waited += 50
    return errors


def quiz_ready(page) -> None:  # type: ignore[no-untyped-def]
    """quiz.js reveals the quiz only after its first render: wait for that."""
    page.wait_for_selector("[data-quiz]:not([hidden])")
