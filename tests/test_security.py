"""Security headers and the Content-Security-Policy."""

from __future__ import annotations

import urllib.request

import pytest

from sitebuild.csp import headers_for, inline_hashes, parse_headers_file, policy

pytestmark = pytest.mark.browser


def test_headers_file_has_a_strict_policy(site_dir):
    rules = parse_headers_file((site_dir / "_headers").read_text())
    headers = headers_for("/faq/", rules)
    csp = dict(d.strip().split(" ", 1) for d in headers["Content-Security-Policy"].split(";"))
    assert csp["default-src"] == "'self'"
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == "'none'" and csp["base-uri"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["form-action"].startswith("'self'")
    for name in ("Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"):
        assert headers.get(name), name


def test_every_page_carries_the_meta_fallback(pages):
    for rel, page in pages.items():
        meta = page.soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta, rel
        assert "frame-ancestors" not in meta["content"]  # not allowed in <meta>
        html = str(page.soup)
        scripts, _ = inline_hashes(html)
        for digest in scripts:
            assert digest in meta["content"], f"{rel}: inline script {digest} not allowed by its meta CSP"


def test_server_applies_the_headers(server):
    with urllib.request.urlopen(server + "/faq/") as resp:
        assert "default-src 'self'" in resp.headers["Content-Security-Policy"]
        assert resp.headers["X-Content-Type-Options"] == "nosniff"


def test_form_action_and_connect_allow_only_the_endpoint():
    csp = policy([], [], "https://forms.example.net/f/abc")
    assert "form-action 'self' https://forms.example.net;" in csp
    assert "connect-src 'self' https://forms.example.net;" in csp
    assert "forms.example.net" not in policy([], [], "")


def test_csp_blocks_an_injected_inline_script(page, server):
    """The policy is really enforced: an inline script added to the page is refused."""
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server + "/faq/", wait_until="networkidle")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__pwned = 1'; document.body.append(s); }""")
    assert page.evaluate("window.__pwned") is None
    assert violations
