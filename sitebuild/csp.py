"""Security headers: one strict Content-Security-Policy for the whole site,
the `_headers` file (Netlify / Cloudflare Pages) and a <meta> fallback.

Inline scripts: the policy allows exactly the ones our templates emit, named
in ALLOWED_INLINE below. Their hashes are computed from those template
sources (rendered with the site's config), never from the built pages, so
content that sneaks a <script> into a page is not allowed by the policy; and
hooks/security.py fails the build on any inline script in a built page that
is not on the list, naming the page's source file. Data blocks
(`application/json`, `application/ld+json`) are not run by the browser;
they must hold valid JSON (so nothing broke out of them).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlparse

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
# Every <script> element: its attributes and its text.
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
TYPE_ATTR = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
SRC_ATTR = re.compile(r"\bsrc\s*=", re.I)
DATA_TYPES = ("application/json", "application/ld+json")

# The ONE allowlist of inline scripts: purpose -> the template that emits it
# (Material's own partials, included by its base.html on every page).
ALLOWED_INLINE: dict[str, str] = {
    "Material: storage helpers (__md_get/__md_set)": "partials/javascripts/base.html",
    "Material: colour palette restore": "partials/javascripts/palette.html",
    "Material: open the tab named in the URL": "partials/javascripts/content.html",
}

STATIC_HEADERS = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def allowed_scripts(render: Callable[[str], str]) -> dict[str, str]:
    """{sha256 source: purpose} for the allowlisted inline scripts;
    `render(template)` renders one template with the site's config."""
    out: dict[str, str] = {}
    for purpose, template in ALLOWED_INLINE.items():
        bodies = INLINE_SCRIPT.findall(render(template))
        if not bodies:
            raise ValueError(f"allowlisted inline script '{purpose}' not found in {template}; Material changed?")
        for body in bodies:
            out[sha256(body)] = purpose
    return out


def unknown_scripts(html: str, allowed: Iterable[str]) -> list[str]:
    """Inline scripts in a built page that the allowlist does not name
    (first 60 characters each), and data blocks that are not pure JSON."""
    allowed = set(allowed)
    found: list[str] = []
    for attrs, body in SCRIPT_TAG.findall(html):
        kind = TYPE_ATTR.search(attrs)
        kind_name = kind.group(1).lower() if kind else ""
        if SRC_ATTR.search(attrs):
            if body.strip():
                found.append(" ".join(body.split())[:60])
            continue
        if kind_name in DATA_TYPES:
            try:
                json.loads(body)
            except ValueError:
                found.append("data block that is not valid JSON: " + " ".join(body.split())[:60])
            continue
        if sha256(body) not in allowed:
            found.append(" ".join(body.split())[:60] or "(empty script)")
    return found


def inline_hashes(html: str) -> tuple[set[str], set[str]]:
    return ({sha256(s) for s in INLINE_SCRIPT.findall(html)},
            {sha256(s) for s in INLINE_STYLE.findall(html)})


def origin(url: str) -> str:
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def policy(scripts: Iterable[str], styles: Iterable[str], endpoint: str = "", meta: bool = False) -> str:
    """The CSP. `meta=True` leaves out what a <meta> tag cannot carry."""
    ext = origin(endpoint)
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *sorted(scripts)]),
        ("style-src", ["'self'", *sorted(styles)]),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'", *([ext] if ext else [])]),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'", *([ext] if ext else [])]),
    ]
    if not meta:
        directives.append(("frame-ancestors", ["'none'"]))
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def headers_file(csp: str) -> str:
    lines = ["/*", f"  Content-Security-Policy: {csp}"]
    lines += [f"  {k}: {v}" for k, v in STATIC_HEADERS.items()]
    lines += ["", "/assets/*", "  Cache-Control: public, max-age=3600, must-revalidate", ""]
    return "\n".join(lines)


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """Netlify/Cloudflare `_headers`: a path pattern, then indented headers."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(path: str, rules: list[tuple[str, dict[str, str]]]) -> dict[str, str]:
    """Headers for `path`: later matching rules win; `! Name` (Cloudflare
    Pages' detach syntax) drops a header set by an earlier rule."""
    out: dict[str, str] = {}
    for pattern, headers in rules:
        if pattern == path or (pattern.endswith("*") and path.startswith(pattern[:-1])):
            for name, value in headers.items():
                if name.startswith("!"):
                    out.pop(name[1:].strip(), None)
                else:
                    out[name] = value
    return out
