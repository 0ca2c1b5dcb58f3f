"""Contact page build logic: where the form posts, and the firm's vCard.

- on_config: the form's endpoint is `contact_endpoint` in data/firm.yml,
  unless the CONTACT_ENDPOINT environment variable is set and not empty (per
  deploy, and for the tests). It must be an https:// address (http:// only on loopback).
  The result goes back into config.extra.firm.contact_endpoint; empty means
  the page composes an email instead (docs/assets/js/contact.js).
- on_files (after mkdocs-static-i18n): contact/firm.vcf, and es/contact/firm.vcf
  in the Spanish build, from the firm facts (scripts/vcard.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.updates import absolute, lang_prefix  # noqa: E402
from scripts.vcard import firm_vcard  # noqa: E402

ENV = "CONTACT_ENDPOINT"
VCARD = "contact/firm.vcf"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def check_endpoint(url: str, where: str) -> str:
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    secure = parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK)
    if not secure or not parts.hostname:
        raise PluginError(
            f"{where}: the contact form endpoint must be an https:// address "
            f"(http:// only on 127.0.0.1 or localhost), got {url!r}"
        )
    return url


@event_priority(-10)  # after hooks/firm.py has loaded config.extra.firm
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    firm = config.extra.get("firm")
    if not isinstance(firm, dict):
        raise PluginError("hooks/contact.py: config.extra.firm missing (list hooks/firm.py first)")
    if os.environ.get(ENV):  # set and not empty: it wins over data/firm.yml
        firm["contact_endpoint"] = check_endpoint(os.environ[ENV], f"environment variable {ENV}")
    else:
        firm["contact_endpoint"] = check_endpoint(str(firm.get("contact_endpoint") or ""),
                                                  "data/firm.yml: contact_endpoint")
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100): dest in this language's folder
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = str(config.theme.get("language") or "en")
    prefix = lang_prefix(lang)
    text = firm_vcard(config.extra["firm"], lang, config.extra["strings"][lang],
                      absolute(config.site_url, prefix))
    card = File.generated(config, VCARD, content=text)
    card.dest_uri = prefix + VCARD
    files.append(card)
    return files
