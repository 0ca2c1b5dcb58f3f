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

Inline styles work the same way: `style-src` allows exactly the <style>
elements the templates named in ALLOWED_STYLES emit (none today), hashed
from those sources; any other <style> in a built page fails the build, and
content can bring none (sitebuild/allowlist.py refuses <style> and style=).

Origins (the contact form's) are parsed and written again from their parts
(`origin()`), never pasted; the policy goes into the <meta> attribute escaped.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

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

# The ONE allowlist of inline styles: purpose -> the template that emits it.
# Material's templates and ours emit none; a new one is added here, with its
# template, and is hashed from that template's source.
ALLOWED_STYLES: dict[str, str] = {}
STYLE_TAG = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)

UPLOADS_CSP = "default-src 'none'; img-src 'self'; style-src 'none'; sandbox"

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


def _allowed(render: Callable[[str], str], templates: dict[str, str], tag: re.Pattern[str],
             what: str) -> dict[str, str]:
    """{sha256 source: purpose} for each allowlisted inline `what` found by
    `tag` in its template; `render(template)` renders one with the site's config."""
    out: dict[str, str] = {}
    for purpose, template in templates.items():
        bodies = tag.findall(render(template))
        if not bodies:
            raise ValueError(f"allowlisted inline {what} '{purpose}' not found in {template}")
        for body in bodies:
            out[sha256(body)] = purpose
    return out


def allowed_scripts(render: Callable[[str], str]) -> dict[str, str]:
    try:
        return _allowed(render, ALLOWED_INLINE, INLINE_SCRIPT, "script")
    except ValueError as err:
        raise ValueError(f"{err}; Material changed?") from None


def allowed_styles(render: Callable[[str], str]) -> dict[str, str]:
    return _allowed(render, ALLOWED_STYLES, INLINE_STYLE, "style")


def unknown_styles(html: str, allowed: Iterable[str]) -> list[str]:
    """Inline <style> elements in a built page that the allowlist does not name."""
    allowed = set(allowed)
    return [" ".join(body.split())[:60] or "(empty style)"
            for body in STYLE_TAG.findall(html) if sha256(body) not in allowed]


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
    """scheme://host[:port] of a checked http(s) address, written again from
    its parsed parts ('' when it has none); anything but a host name, an IP
    address and a port is refused, so no quote, space, ';' or '*' gets through."""
    problem = url_problem(url)
    if problem:
        return ""
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
URL_UNSAFE = re.compile(r"[\s\"'<>\\`*;,{}|^]")


def url_problem(url: str) -> str | None:
    """What is wrong with an absolute http(s) address, in an editor's words
    (None when it is fine): scheme, host and port are checked."""
    bad = URL_UNSAFE.search(url)
    if bad:
        char = {" ": "a space", "\t": "a tab", "\n": "a line break"}.get(bad.group(), f"'{bad.group()}'")
        return f"holds {char}, which an address never has"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "is not an http:// or https:// address"
    if "@" in parts.netloc:
        return "holds a user name or password"
    try:
        port = parts.port
    except ValueError:
        return "has a port that is not a number from 1 to 65535"
    if port == 0:
        return "has a port that is not a number from 1 to 65535"
    host = parts.hostname or ""
    if not host:
        return "has no host name"
    if ":" in host:  # [IPv6]
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return f"has a host that is not a valid address ({host})"
        return None
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"has a host that is not a valid name ({host})"
    if not all(HOST_LABEL.match(label) for label in ascii_host.rstrip(".").split(".")):
        return f"has a host that is not a valid name ({host})"
    return None


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
    if any(c in csp for c in "\r\n"):  # one header per line: a line break would start a new one
        raise ValueError("a line break in the Content-Security-Policy")
    lines = ["/*", f"  Content-Security-Policy: {csp}"]
    lines += [f"  {k}: {v}" for k, v in STATIC_HEADERS.items()]
    lines += ["", "/assets/*", "  Cache-Control: public, max-age=3600, must-revalidate"]
    # The CMS's uploads are images; should anything else ever get there, it
    # runs nothing and loads nothing (the build refuses it first).
    lines += ["", "/assets/img/uploads/*", f"  Content-Security-Policy: {UPLOADS_CSP}", ""]
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
