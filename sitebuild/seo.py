"""Builders for search-engine data (JSON-LD, sitemap, robots, search index).
Pure functions on data and files, used by hooks/seo.py and the tests."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from bs4 import BeautifulSoup

from sitebuild.project import LANGS

DEFAULT_LANG = LANGS[0]  # the default build language (sitebuild/project.py; mkdocs.yml i18n lists it first)
LANG_NAMES = {"en": "English", "es": "Spanish"}
OG_LOCALES = {"en": "en_US", "es": "es_US"}
SKIP_DIRS = {"assets", "search"}

LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
ATTR = re.compile(r'(\w[\w:-]*)="([^"]*)"')
CONFIG_JSON = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def _clean(value: Any) -> Any:
    """Drop placeholder ("TODO ...") values so structured data never lies."""
    if isinstance(value, str) and value.strip().upper().startswith("TODO"):
        return None
    return value


def legal_service_jsonld(firm: dict[str, Any], lang: str, site: str, home: str, image: str) -> dict[str, Any]:
    addr = firm["address"]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LegalService",
        "@id": site + "#firm",
        "name": firm["name"],
        "url": home,
        "image": image,
        "telephone": firm["phone_e164"],
        "email": _clean(firm.get("email")),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": addr["street"],
            "addressLocality": addr["locality"],
            "addressRegion": addr["region"],
            "postalCode": addr["postal_code"],
            "addressCountry": addr["country"],
        },
        "areaServed": [
            {"@type": "AdministrativeArea", "name": f"{county} County, North Carolina"}
            for county in firm["service_area"]
        ],
        "availableLanguage": [
            {"@type": "Language", "name": LANG_NAMES.get(l["code"], l["code"]), "alternateName": l["code"]}
            for l in firm["languages"]
        ],
        "employee": {"@type": "Person", "name": firm["attorney"], "jobTitle": "Attorney"},
        "openingHours": firm.get("opening_hours") or None,
    }
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def breadcrumb_jsonld(crumbs: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": url}
            for i, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def faq_jsonld(content_html: str, lang: str) -> dict[str, Any]:
    """FAQPage from the page's own HTML: each <h2> is a question, the blocks
    after it (until the next h2) are its answer."""
    soup = BeautifulSoup(content_html, "html.parser")
    questions = []
    for h2 in soup.find_all("h2"):
        parts = []
        for sib in h2.find_next_siblings():
            if sib.name in ("h1", "h2"):
                break
            text = " ".join(sib.get_text(" ").split())
            if text:
                parts.append(text)
        name = " ".join(h2.get_text(" ").split())
        if not parts:
            raise ValueError(f"FAQ question '{name}' has no answer")
        questions.append({
            "@type": "Question",
            "name": name,
            "acceptedAnswer": {"@type": "Answer", "text": " ".join(parts)},
        })
    if not questions:
        raise ValueError("the FAQ page has no questions (## headings)")
    return {"@context": "https://schema.org", "@type": "FAQPage", "inLanguage": lang, "mainEntity": questions}


def set_search_base(html: str, lang: str) -> str:
    """Point Material's search (and nothing else) at the language's own
    index: `base` in the page's __config becomes the language root."""
    match = CONFIG_JSON.search(html)
    if not match:
        raise ValueError("no __config block in page (Material changed?)")
    cfg = json.loads(match.group(2))
    cfg["base"] = cfg["base"].rstrip("/") + "/" + lang + "/"
    return html[: match.start(2)] + json.dumps(cfg, separators=(",", ":")) + html[match.end(2):]


def page_links(html: str) -> tuple[str | None, dict[str, str], bool]:
    """(canonical, {hreflang: href}, noindex) from a built page's head."""
    head = html.split("</head>", 1)[0]
    canonical, alternates, noindex = None, {}, False
    for tag in LINK_TAG.findall(head):
        attrs = dict(ATTR.findall(tag))
        if attrs.get("rel") == "canonical":
            canonical = attrs.get("href")
        elif attrs.get("rel") == "alternate" and "hreflang" in attrs:
            alternates[attrs["hreflang"]] = attrs["href"]
    if re.search(r'<meta name="robots" content="[^"]*noindex', head):
        noindex = True
    return canonical, alternates, noindex


def built_pages(site: Path) -> list[Path]:
    return sorted(
        p for p in site.rglob("*.html")
        if not (set(p.relative_to(site).parts) & SKIP_DIRS) and p.name != "404.html"
    )


def write_sitemap(site: Path, site_url: str) -> int:
    entries = []
    for path in built_pages(site):
        canonical, alternates, noindex = page_links(path.read_text(encoding="utf-8"))
        if noindex:
            continue
        if not canonical or not canonical.startswith(("http://", "https://")):
            raise ValueError(f"{path.relative_to(site)}: no absolute canonical link")
        links = "".join(
            f'\n    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(href)}/>'
            for lang, href in sorted(alternates.items())
        )
        entries.append(f"  <url>\n    <loc>{escape(canonical)}</loc>{links}\n  </url>")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(entries) + "\n</urlset>\n"
    )
    (site / "sitemap.xml").write_text(xml, encoding="utf-8")
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=0) as fh:
        fh.write(xml.encode("utf-8"))
    for stale in site.glob("*/sitemap.xml*"):  # per-language copies from the i18n plugin
        stale.unlink()
    return len(entries)


def write_robots(site: Path, site_url: str) -> None:
    (site / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n", encoding="utf-8"
    )


def split_search_index(site: Path) -> dict[str, int]:
    """One Material search index per language, each with its own stemmer."""
    combined = site / "search" / "search_index.json"
    if not combined.exists():
        raise ValueError("search/search_index.json not found (search plugin disabled?)")
    data = json.loads(combined.read_text(encoding="utf-8"))
    by_lang: dict[str, list[dict[str, Any]]] = {DEFAULT_LANG: []}
    for doc in data["docs"]:
        first = doc["location"].split("/", 1)[0]
        if first in LANG_NAMES and first != DEFAULT_LANG:
            doc = {**doc, "location": doc["location"][len(first) + 1:]}
            by_lang.setdefault(first, []).append(doc)
        else:
            by_lang[DEFAULT_LANG].append(doc)
    counts = {}
    for lang, docs in by_lang.items():
        out = combined if lang == DEFAULT_LANG else site / lang / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        cfg = {**data["config"], "lang": [lang]}
        out.write_text(json.dumps({"config": cfg, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
                       encoding="utf-8")
        counts[lang] = len(docs)
    return counts
