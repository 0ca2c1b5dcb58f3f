"""Security headers: one strict Content-Security-Policy for the whole site,
the `_headers` file (Netlify / Cloudflare Pages) and a <meta> fallback.

Material writes a few small inline scripts into every page; rather than
loosen `script-src`, the build allows exactly their SHA-256 hashes (their
text is the same on every page because `extra.scope` is fixed in mkdocs.yml).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from urllib.parse import urlparse

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
MAX_INLINE = 6  # more distinct inline scripts than this means something changed upstream

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
