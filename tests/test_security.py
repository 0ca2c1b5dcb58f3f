"""Security headers and the Content-Security-Policy."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from sitebuild.csp import (
    ALLOWED_INLINE,
    allowed_scripts,
    headers_for,
    inline_hashes,
    parse_headers_file,
    policy,
    unknown_scripts,
)

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


def material_render(template: str) -> str:
    """Render one of Material's partials the way its base.html does."""
    import jinja2
    import material

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(material.__file__).parent / "templates"))
    return env.get_template(template).render(config={"extra": {"scope": "/"}}, features=[], base_url=".")


def test_policy_allows_exactly_the_allowlist(site_dir):
    """script-src = 'self' + the hashes of the allowlisted template scripts,
    computed from Material's sources, not collected from the pages."""
    expected = set(allowed_scripts(material_render))
    assert len(expected) == len(ALLOWED_INLINE)
    rules = parse_headers_file((site_dir / "_headers").read_text())
    csp = dict(d.strip().split(" ", 1) for d in headers_for("/", rules)["Content-Security-Policy"].split(";"))
    assert set(csp["script-src"].split()) == {"'self'"} | expected


def test_unknown_inline_scripts_are_found():
    allowed = allowed_scripts(material_render)
    page = material_render("partials/javascripts/base.html")
    assert unknown_scripts(page, allowed) == []
    assert unknown_scripts(page + "<script>alert(1)</script>", allowed) == ["alert(1)"]
    assert unknown_scripts('<script type="application/json">{"a": 1}</script>', allowed) == []
    assert unknown_scripts('<script type="application/ld+json">{"a": "</script>', allowed) == [
        'data block that is not valid JSON: {"a": "']
    assert unknown_scripts('<script type="module">go()</script>', allowed) == ["go()"]
