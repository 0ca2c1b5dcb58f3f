"""Contact page build logic: where the form posts, and the firm's vCard.

- on_config: the form's endpoint is `contact_endpoint` in data/firm.yml,
  unless the CONTACT_ENDPOINT environment variable is set and not empty (per
  deploy, and for the tests). Three modes (config.extra.firm.contact_mode):
    "mailto"   no endpoint: the page composes an email (docs/assets/js/contact.js);
    "endpoint" an https:// address (http:// only on loopback) of a form service;
    "netlify"  the value `netlify`: Netlify Forms, which takes a POST to the
               page's own (relative) address; no other relative address is accepted.
  An address carrying a user name, a password or a key/token in its query
  is refused, and so is one whose host or port is not valid or that holds a
  space, quote, '*' or ';' (sitebuild.csp.url_problem): the endpoint is published in every page and in the CSP.
  The checked address goes back into config.extra.firm.contact_endpoint.
- on_page_context: `contact_action` for the contact page (the form's action).
- on_files (after mkdocs-static-i18n): contact/firm.vcf, and es/contact/firm.vcf
  in the Spanish build, from the firm facts (sitebuild/vcard.py).
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitebuild.csp import url_problem
from sitebuild.updates import absolute, lang_prefix
from sitebuild.vcard import firm_vcard

ENV = "CONTACT_ENDPOINT"
VCARD = "contact/firm.vcf"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
NETLIFY = "netlify"
SENT_ANCHOR = "cf-sent"  # shown by CSS (:target) after a no-JavaScript Netlify post
# Query parameter names that carry a secret, not a public form address.
SECRET_PARAM = re.compile(r"(key|token|secret|pass|pwd|auth|sig|signature|credential|session)", re.I)


def redact(url: str) -> str:
    """The address with user info and query values hidden, safe to print in a log."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port: int | str | None
    try:
        port = parts.port
    except ValueError:  # not a number: shown as written (url_problem names it)
        port = parts.netloc.rpartition(":")[2]
    if port:
        host += f":{port}"
    if parts.username is not None or parts.password is not None:
        host = "***@" + host
    query = "&".join(f"{name}=***" for name, _ in parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit((parts.scheme, host, parts.path, query, ""))


def check_endpoint(url: str, where: str) -> tuple[str, str]:
    """(mode, endpoint) for the configured value; PluginError when it is unsafe."""
    url = url.strip()
    if not url:
        return "mailto", ""
    if url.lower() == NETLIFY:
        return NETLIFY, ""
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc:
        raise PluginError(
            f"{where}: a relative contact form address ('{url}') works only with Netlify Forms: "
            f"set it to '{NETLIFY}' (the form then posts to its own page), or give a full https:// address"
        )
    if "@" in parts.netloc:
        raise PluginError(
            f"{where}: the contact form address holds a user name or password ({redact(url)}). "
            f"The address is published in every page and in the security policy: remove "
            f"'user:password@' and use the form service's public address"
        )
    secrets = [name for name, _ in parse_qsl(parts.query, keep_blank_values=True) if SECRET_PARAM.search(name)]
    if secrets:
        raise PluginError(
            f"{where}: the contact form address carries what looks like a secret in its query "
            f"({', '.join(sorted(set(secrets)))}: {redact(url)}). The address is published in every "
            f"page and in the security policy: use the form service's public address, never an API key"
        )
    secure = parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK)
    problem = url_problem(url) if parts.scheme in ("http", "https") else None
    if secure and problem:
        raise PluginError(
            f"{where}: the contact form address {problem} ({redact(url)}). "
            f"Hint: copy the form service's address exactly, like https://forms.example.com/f/abc"
        )
    if not secure or not parts.hostname:
        raise PluginError(
            f"{where}: the contact form endpoint must be an https:// address "
            f"(http:// only on 127.0.0.1 or localhost), got '{redact(url)}'"
        )
    return "endpoint", url


@event_priority(-10)  # after hooks/firm.py has loaded config.extra.firm
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    firm = config.extra.get("firm")
    if not isinstance(firm, dict):
        raise PluginError("hooks/contact.py: config.extra.firm missing (list hooks/firm.py first)")
    if os.environ.get(ENV):  # set and not empty: it wins over data/firm.yml
        mode, url = check_endpoint(os.environ[ENV], f"environment variable {ENV}")
    else:
        mode, url = check_endpoint(str(firm.get("contact_endpoint") or ""), "data/firm.yml: contact_endpoint")
    firm["contact_mode"] = mode
    firm["contact_endpoint"] = url
    return config


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict[str, Any]:
    """The form's action: the endpoint, or in Netlify mode the page's own
    site-root-relative address (what Netlify Forms expects)."""
    firm = config.extra["firm"]
    if firm.get("contact_mode") == NETLIFY:
        base = urlsplit(config.site_url or "/").path.rstrip("/")
        context["contact_action"] = f"{base}/{page.url}#{SENT_ANCHOR}"
    else:
        context["contact_action"] = firm.get("contact_endpoint") or ""
    return context


@event_priority(-200)  # after mkdocs-static-i18n (-100): dest in this language's folder
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = str(config.theme.get("language") or "en")
    prefix = lang_prefix(lang)
    text = firm_vcard(config.extra["firm"], lang, config.extra["strings"][lang],
                      absolute(config.site_url or "", prefix))
    card = File.generated(config, VCARD, content=text)
    card.dest_uri = prefix + VCARD
    files.append(card)
    return files
