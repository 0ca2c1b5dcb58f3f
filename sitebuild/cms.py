"""The browser CMS at /admin/ (Sveltia CMS): its configuration, page and policy.

Plain functions, no MkDocs: hooks/cms.py writes what they return into
site/admin/, and tests/test_cms.py checks them against the build's own rules.

The configuration is *generated* from the rules the build enforces, so the
two cannot drift apart:

- updates: folder, languages and file-name pattern from sitebuild/updates.py
  (`DATE-SLUG.md` + `DATE-SLUG.es.md`), the fields the build requires;
- pages: every content page in docs/ (English file + `.es.md` twin), with
  every front-matter key those pages use (Sveltia writes only the fields it
  knows, so a key left out here would be lost on save);
- firm facts: data/firm.yml, one field per key in the file's own order, with
  the required keys and the patterns of sitebuild/schema/models.py Firm
  (phone, e-mail, ZIP, state), so the editor refuses what the build refuses;
- review items: data/review.yml when it exists (scripts/review_sheet.py's
  rules: an id, pages from docs/ or quiz/site, a question, closed = a date).

Usage: python -m scripts.cms [--repo owner/name] [--branch main]  (prints config.yml)
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from sitebuild.data import REQUIRED_ADDRESS_KEYS, REQUIRED_FIRM_KEYS
from sitebuild.errors import BuildError
from sitebuild.review import load_items
from sitebuild.schema.frontmatter import DATE, REVIEWED, Page, Post, required
from sitebuild.schema.models import EMAIL, ID, PHONE, POSTAL_CODE, REGION
from sitebuild.sourcefiles import UPLOADS, load_yaml
from sitebuild.updates import DEFAULT_LANG, FOLDER, INDEX_NAME, LANGS, POST_NAME, front_matter

PACKAGE = "@sveltia/cms"
BUNDLE = Path("node_modules") / PACKAGE / "dist" / "sveltia-cms.js"
ADMIN = "admin"                       # site/admin/: the CMS, not a public page
PLACEHOLDER_REPO = "OWNER/REPOSITORY"

# What the build accepts, as patterns the CMS checks before it saves: the
# firm's phone, e-mail, ZIP and state, a review date, a post's date and an id
# are the very constants the models use (sitebuild/schema/models.py,
# sitebuild/schema/frontmatter.py); so are the front matter's required keys.
SLUG = ID
# An https address of plain characters: no space, quote, <, >, *, ; or , (the
# build parses it again: sitebuild/csp.url_problem).
ENDPOINT = r"^(https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%/?&=+:@!$()-]*)?)?$"
MEDIA_FOLDER = "docs/" + UPLOADS.rstrip("/")
MAX_UPLOAD = 5_000_000  # bytes; a photo for a post, not a document
HEADING_HINT = (
    "Raw Markdown. Headings: `## Heading`, the same headings in the same order in both languages "
    "(the build gives the Spanish heading the English heading's anchor). Firm facts: `{{ firm.phone }}`. "
    "Statutes: `[G.S. 90-96](gs:90-96)`."
)


class CmsError(BuildError, ValueError):  # ValueError: older callers catch it
    """The CMS cannot be set up; the message says what to do."""


def pinned_version(root: Path) -> str:
    """The exact version package.json pins (no ranges: the bundle is copied as is)."""
    spec = json.loads((root / "package.json").read_text(encoding="utf-8"))["dependencies"][PACKAGE]
    if not re.fullmatch(r"\d+\.\d+\.\d+", spec):
        raise CmsError(f"package.json: pin {PACKAGE} to an exact version, not '{spec}'")
    return spec


def bundle(root: Path) -> Path:
    """The installed bundle, checked against the pinned version."""
    path = root / BUNDLE
    if not path.is_file():
        raise CmsError(
            f"{BUNDLE} not found: run `make build` (it runs `npm ci`), or `npm ci` in {root}"
        )
    installed = json.loads((root / "node_modules" / PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    if installed != pinned_version(root):
        raise CmsError(f"{PACKAGE} {installed} is installed but package.json pins {pinned_version(root)}: run `npm ci`")
    return path


# The bundle's stylesheet loads three fonts (UI text, code, icons) from a CDN.
# We install the same fontsource packages from npm (package.json), copy the
# files to site/admin/fonts/ and point the bundle at them.
FONT_CDN = re.compile(
    r"https://cdn\.jsdelivr\.net/fontsource/fonts/(?P<name>[a-z0-9-]+)(?P<vf>:vf)?@(?P<version>[0-9.]+)/(?P<file>[a-z0-9-]+\.woff2)"
)


def self_hosted(root: Path) -> tuple[str, dict[str, Path]]:
    """The bundle's text with font URLs made local, and {fonts/NAME: source file}."""
    text = bundle(root).read_text(encoding="utf-8")
    fonts: dict[str, Path] = {}

    def local(match: re.Match[str]) -> str:
        package = f"@fontsource{'-variable' if match['vf'] else ''}/{match['name']}"
        folder = root / "node_modules" / package
        hint = f'add "{package}": "{match["version"]}" to package.json and run `npm ci`'
        if not folder.is_dir():
            raise CmsError(f"the CMS needs the font {package} {match['version']}: {hint}")
        version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
        if version != match["version"]:
            raise CmsError(f"{package} {version} is installed, the CMS wants {match['version']}: {hint}")
        name = f"{match['name']}-{match['file']}"
        source = folder / "files" / name
        if not source.is_file():
            raise CmsError(f"{package} has no files/{name}")
        fonts[f"fonts/{name}"] = source
        return f"fonts/{name}"  # relative to /admin/, where the bundle's <style> lives

    text = FONT_CDN.sub(local, text)
    if not fonts:
        raise CmsError(f"{BUNDLE}: no fontsource URLs found; check the font set-up after a Sveltia upgrade")
    return text, fonts


def repository(env: dict[str, str] | None = None) -> tuple[str, str]:
    """(owner/name, branch) the CMS commits to.

    CMS_REPO / CMS_BRANCH when set; else what the host tells the build
    (GitHub Actions: GITHUB_REPOSITORY; Netlify: REPOSITORY_URL); else a
    placeholder (the admin page then works with a local copy only).
    """
    env = dict(os.environ if env is None else env)
    branch = env.get("CMS_BRANCH") or "main"
    repo = env.get("CMS_REPO") or env.get("GITHUB_REPOSITORY") or ""
    if not repo and env.get("REPOSITORY_URL"):
        url = env["REPOSITORY_URL"]
        if url.startswith("git@github.com:"):
            repo = url.split(":", 1)[1]
        elif urlparse(url).netloc == "github.com":
            repo = urlparse(url).path.strip("/")
        repo = repo.removesuffix(".git")
    repo = repo or PLACEHOLDER_REPO
    if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repo):
        raise CmsError(f"CMS_REPO: expected 'owner/name' of a GitHub repository, got '{repo}'")
    if not re.fullmatch(r"[A-Za-z0-9_./-]+", branch):
        raise CmsError(f"CMS_BRANCH: not a branch name: '{branch}'")
    return repo, branch


# --------------------------------------------------------------------------
# Collections
# --------------------------------------------------------------------------

def _i18n() -> dict[str, Any]:
    return {
        "structure": "multiple_files",          # page.md + page.es.md side by side
        "locales": list(LANGS),
        "default_locale": DEFAULT_LANG,
        "omit_default_locale_from_file_path": True,   # page.md, not page.en.md
    }


def updates_collection() -> dict[str, Any]:
    return {
        "name": "updates",
        "label": "Updates",
        "label_singular": "Update",
        "description": "The firm's news. Each update has an English and a Spanish version.",
        "folder": f"docs/{FOLDER}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "i18n": True,
        # The file name is the address and carries the post's own date: the
        # build refuses a file whose name and `date:` differ (sitebuild/updates.py).
        "slug": "{{fields.date | date('YYYY-MM-DD')}}-{{fields.title}}",
        # Only DATE-SLUG files are posts; index.md (the listing page) is not.
        "filter": {"field": "date", "pattern": r"^\d"},
        "summary": "{{date | date('YYYY-MM-DD')}} · {{title}}{{draft | ternary(' · DRAFT', '')}}",
        "sortable_fields": ["date", "title"],
        "view_filters": [
            {"label": "Drafts", "field": "draft", "pattern": True},
            {"label": "Waiting for review", "field": "reviewed", "pattern": "pending"},
        ],
        "fields": [
            {"name": "title", "label": "Title", "widget": "string", "i18n": True, "required": required(Post, "title"),
             "hint": "The headline. Plain words."},
            {"name": "description", "label": "Description", "widget": "text", "i18n": True, "required": required(Post, "description"),
             "hint": "One plain sentence for the updates page and the feed."},
            {"name": "date", "label": "Date", "widget": "datetime", "type": "date", "format": "YYYY-MM-DD",
             "i18n": "duplicate", "required": required(Post, "date"), "default": "{{now}}", "pattern": [DATE, "Use YYYY-MM-DD"],
             "hint": "The day the update goes live. A future date publishes it on that day."},
            {"name": "reviewed", "label": "Attorney review", "widget": "string", "i18n": "duplicate",
             "required": required(Post, "reviewed"), "default": "pending",
             "pattern": [REVIEWED, "Write 'pending' or the review date as YYYY-MM-DD"],
             "hint": "'pending' until an attorney has read it; then the date of the review (YYYY-MM-DD)."},
            {"name": "category", "label": "Category", "widget": "string", "i18n": True, "required": required(Post, "category"),
             "hint": "Optional topic, in this language (for example Courts / La corte)."},
            {"name": "draft", "label": "Draft", "widget": "boolean", "i18n": "duplicate", "required": required(Post, "draft"),
             "default": False, "hint": "On: saved, but never published."},
            {"name": "body", "label": "Text", "widget": "markdown", "i18n": True, "required": True,
             "modes": ["raw"], "hint": HEADING_HINT},
        ],
    }


def content_pages(docs: Path) -> list[str]:
    """English source files of the content pages (docs/*.md, not updates or maintainers)."""
    return sorted(
        p.name for p in docs.glob("*.md")
        if not any(p.name.endswith(f".{lang}.md") for lang in LANGS[1:])
    )


def page_keys(docs: Path) -> list[str]:
    """Every front-matter key used by a content page, in first-seen order."""
    keys: dict[str, None] = {}
    for name in content_pages(docs):
        for lang_name in (name, name[:-3] + ".es.md"):
            path = docs / lang_name
            if not path.exists():
                continue
            meta = front_matter(path.read_text(encoding="utf-8"), f"docs/{lang_name}")
            for key in meta:
                keys.setdefault(key, None)
    return list(keys)


PAGE_FIELDS: dict[str, dict[str, Any]] = {
    "title": {"label": "Title", "widget": "string", "i18n": True, "required": required(Page, "title")},
    "description": {"label": "Description", "widget": "text", "i18n": True, "required": required(Page, "description"),
                    "hint": "One plain sentence for search results (different in each language)."},
    "reviewed": {"label": "Attorney review", "widget": "string", "i18n": "duplicate",
                 "required": required(Page, "reviewed"),
                 "pattern": [REVIEWED, "Write 'pending' or the review date as YYYY-MM-DD"],
                 "hint": "The date an attorney last reviewed this page (YYYY-MM-DD), or 'pending'."},
    "hero_title": {"label": "Big heading (home page)", "widget": "string", "i18n": True, "required": False},
    "hero_text": {"label": "Text under the big heading (home page)", "widget": "text", "i18n": True,
                  "required": False},
    # Layout keys: set by a developer, kept as they are.
    "template": {"label": "Page layout (do not change)", "widget": "string", "i18n": "duplicate",
                 "required": False, "readonly": True},
    "hide": {"label": "Hidden parts (do not change)", "widget": "list", "i18n": "duplicate",
             "required": False, "readonly": True},
    "robots": {"label": "Robots rule (do not change)", "widget": "string", "i18n": "duplicate",
               "required": False, "readonly": True},
    "search": {"label": "Search settings (do not change)", "widget": "object", "i18n": "duplicate",
               "required": False, "readonly": True,
               "fields": [{"name": "exclude", "label": "Leave out of search", "widget": "boolean", "required": False}]},
}


def pages_collection(docs: Path) -> dict[str, Any]:
    keys = page_keys(docs)
    outside = [k for k in PAGE_FIELDS if k not in Page.model_fields]
    if outside:
        raise CmsError(f"sitebuild/cms.py PAGE_FIELDS: {', '.join(outside)} not in sitebuild/schema/frontmatter.py Page")
    unknown = [k for k in keys if k not in PAGE_FIELDS]
    if unknown:
        raise CmsError(
            f"docs/: front-matter key(s) {', '.join(unknown)} are not in the CMS's page fields: "
            "add them to PAGE_FIELDS in sitebuild/cms.py (or the CMS would drop them on save)"
        )
    fields = [{"name": k, **PAGE_FIELDS[k]} for k in PAGE_FIELDS if k in keys or PAGE_FIELDS[k]["required"]]
    fields.append({"name": "body", "label": "Text", "widget": "markdown", "i18n": True, "required": True,
                   "modes": ["raw"], "hint": HEADING_HINT})
    files = []
    for name in content_pages(docs):
        stem = name[:-3]
        title = front_matter((docs / name).read_text(encoding="utf-8"), f"docs/{name}").get("title", stem)
        files.append({
            "name": re.sub(r"[^a-z0-9_]", "_", stem),
            "label": str(title),
            # {{locale}} with omit_default_locale_from_file_path: page.md + page.es.md
            "file": f"docs/{stem}.{{{{locale}}}}.md",
            "i18n": True,
            "fields": fields,
        })
    return {
        "name": "pages",
        "label": "Pages",
        "description": "The site's pages, in English and Spanish. Adding a page needs a developer (menu).",
        "format": "frontmatter",
        "i18n": {**_i18n(), "structure": "multiple_files"},
        "files": files,
    }


def _firm_field(key: str, value: Any, required: bool) -> dict[str, Any]:
    """One CMS field for a firm fact, shaped after its current value."""
    label = key.replace("_", " ").capitalize()
    field: dict[str, Any] = {"name": key, "label": label, "required": required}
    if key == "phone":
        return {**field, "widget": "string", "pattern": [PHONE, "Write it like 828-555-0123 or +1 828 555 0123"],
                "hint": "The one phone number: the build derives what visitors read and what tel: links dial."}
    if key == "email":
        return {**field, "widget": "string", "type": "email",
                "pattern": [EMAIL, "Write it like office@example.com, in plain letters"]}
    if key == "contact_endpoint":
        return {**field, "widget": "string", "required": False,
                "pattern": [ENDPOINT, "Empty, or an https:// address"]}
    if key == "address" and isinstance(value, dict):
        subfields = []
        for sub in value:
            sf: dict[str, Any] = {"name": sub, "label": sub.replace("_", " ").capitalize(),
                                  "widget": "string", "required": sub in REQUIRED_ADDRESS_KEYS}
            if sub == "postal_code":
                sf["pattern"] = [POSTAL_CODE, "A 5-digit ZIP code"]
            if sub == "region":
                sf["pattern"] = [REGION, "Two capital letters, like NC"]
            subfields.append(sf)
        return {**field, "widget": "object", "fields": subfields}
    if isinstance(value, bool):
        return {**field, "widget": "boolean", "required": False}
    if isinstance(value, dict) and set(value) == set(LANGS):
        return {**field, "widget": "object",
                "fields": [{"name": lang, "label": lang.upper(), "widget": "string", "required": required}
                           for lang in LANGS]}
    if isinstance(value, list):
        items = [v for v in value if v is not None]
        if items and all(isinstance(v, dict) for v in items):
            sub = [_firm_field(k, v, True) for k, v in items[0].items()]
            return {**field, "widget": "list", "fields": sub}
        return {**field, "widget": "list"}
    if isinstance(value, dict):
        return {**field, "widget": "object",
                "fields": [_firm_field(k, v, required) for k, v in value.items()]}
    return {**field, "widget": "string"}


def firm_collection(firm_path: Path) -> dict[str, Any]:
    firm = load_yaml(firm_path.read_text(encoding="utf-8"), f"data/{firm_path.name}")
    if not isinstance(firm, dict):
        raise CmsError(f"{firm_path.name}: expected a mapping of firm facts")
    fields = [_firm_field(k, v, k in REQUIRED_FIRM_KEYS) for k, v in firm.items()]
    if "hours" in firm:  # shown on the contact page, the footer and the vCard
        for f in fields:
            if f["name"] == "hours":
                f["hint"] = "Office hours in each language, for example Monday to Friday, 9 a.m. to 5 p.m."
    return {
        "name": "settings",
        "label": "Firm facts",
        "description": "Name, phone, address, hours: every page reads them from here.",
        "files": [{
            "name": "firm",
            "label": "Firm facts",
            "file": "data/firm.yml",
            "format": "yaml",
            "fields": fields,
        }],
    }


REVIEW_FILE = Path("data") / "review.yml"
REVIEW_ID = SLUG                                      # des-fee-hours, a1-reading
REVIEW_TARGETS = {"quiz": "quiz (the quiz's rules, data/quiz.yml)", "site": "site (every page)"}


def review_pages(docs: Path) -> list[str]:
    """What an item's `pages:` may name (scripts/review_sheet.py): a docs/
    page by its English file, an update, or `quiz` / `site`."""
    posts = sorted(p.name for p in (docs / FOLDER).glob("*.md") if is_post_file(p.name)
                   and not any(p.name.endswith(f".{lang}.md") for lang in LANGS[1:]))
    return content_pages(docs) + [f"{FOLDER}/{name}" for name in posts] + list(REVIEW_TARGETS)


def review_collection(root: Path) -> dict[str, Any] | None:
    """data/review.yml (open questions for the attorney), when the file exists.

    An item is open while it has no `closed:` and closed by a date: the
    editor leaves an empty optional field out of the file, which
    scripts/review_sheet.py reads as open. `closed: false` fails the build:
    the editor shows it as an invalid date and writes it back as the text
    'false', which scripts/review_sheet.py refuses."""
    path = root / REVIEW_FILE
    if not path.is_file():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if re.fullmatch(r"\s*(-\s+)?closed:\s*(false|no|off)\s*(#.*)?", line, flags=re.IGNORECASE):
            raise CmsError(
                f"{REVIEW_FILE.as_posix()}:{number}: delete this line: an open item has no 'closed:' "
                "(the browser editor cannot keep 'closed: false' and would write it back as text)"
            )
    load_items(path, root / "docs")  # the items the editor opens follow schema.models.Review
    options = [{"label": REVIEW_TARGETS.get(page, page), "value": page} for page in review_pages(root / "docs")]
    item_fields = [
        {"name": "id", "label": "Short name", "widget": "string", "required": True,
         "pattern": [REVIEW_ID, "Small letters, digits and hyphens, like des-fee-hours"],
         "hint": "Unique; do not change it once the attorney has seen the item."},
        {"name": "pages", "label": "Pages", "widget": "select", "multiple": True, "min": 1,
         "required": True, "options": options,
         "hint": "The English page (its Spanish version is reviewed with it), quiz, or site."},
        {"name": "question", "label": "Question for the attorney", "widget": "text", "required": True},
        {"name": "closed", "label": "Closed on", "widget": "datetime", "type": "date",
         "format": "YYYY-MM-DD", "required": False,
         "hint": "Empty while the question is open. The day the attorney confirmed the answer closes it."},
        {"name": "answer", "label": "Answer", "widget": "text", "required": False,
         "hint": "What the attorney decided, and what was changed on the pages."},
    ]
    return {
        "name": "review",
        "label": "Review items",
        "description": "Open questions for the responsible attorney. The release check waits until all are closed.",
        "files": [{
            "name": "review",
            "label": "Review items",
            "file": REVIEW_FILE.as_posix(),
            "format": "yaml",
            "fields": [{"name": "items", "label": "Items", "label_singular": "Item", "widget": "list",
                        "required": True, "summary": "{{fields.id}}", "fields": item_fields}],
        }],
    }


def cms_config(root: Path, repo: str = PLACEHOLDER_REPO, branch: str = "main",
               site_url: str = "") -> dict[str, Any]:
    """The whole config.yml, as a dict."""
    docs = root / "docs"
    config: dict[str, Any] = {
        "backend": {
            "name": "github",
            "repo": repo,
            "branch": branch,
            "commit_messages": {
                "create": "CMS: add {{collection}} “{{slug}}”",
                "update": "CMS: update {{collection}} “{{slug}}”",
                "delete": "CMS: delete {{collection}} “{{slug}}”",
            },
        },
        "app_title": "NC Drug Diversion Help: editor",
        "publish_mode": "simple",
        "media_folder": MEDIA_FOLDER,
        "public_folder": "/assets/img/uploads",
        # Raster images only, as the build accepts in the uploads folder
        # (sitebuild/sourcefiles.py FILE_TYPES): an .svg, .html or .js there
        # would run on the site's origin, so the build refuses it.
        "media_libraries": {"default": {"config": {"max_file_size": MAX_UPLOAD, "slugify_filename": True}}},
        "i18n": _i18n(),
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-", "lowercase": True},
        "output": {"omit_empty_optional_fields": True},
        "collections": [
            updates_collection(),
            pages_collection(docs),
            firm_collection(root / "data" / "firm.yml"),
        ],
    }
    review = review_collection(root)
    if review:
        config["collections"].append(review)
    if site_url:
        config["site_url"] = site_url
    return config


def config_yaml(config: dict[str, Any]) -> str:
    head = (
        "# Generated by hooks/cms.py from sitebuild/cms.py at build time: do not edit.\n"
        "# Sveltia CMS configuration (docs/maintainers/cms.md).\n"
    )
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def post_file_names(stem: str) -> list[str]:
    """The files the CMS writes for one update (checked against POST_NAME in tests)."""
    return [f"{stem}.md"] + [f"{stem}.{lang}.md" for lang in LANGS[1:]]


def is_post_file(name: str) -> bool:
    return bool(POST_NAME.match(name)) and not INDEX_NAME.match(name)


# --------------------------------------------------------------------------
# The admin page and its Content-Security-Policy
# --------------------------------------------------------------------------

# Only what Sveltia CMS needs with the GitHub backend (docs/maintainers/cms.md):
CSP: list[tuple[str, list[str]]] = [
    ("default-src", ["'self'"]),
    ("script-src", ["'self'"]),                        # the bundle, a same-origin file
    ("style-src", ["'self'", "'unsafe-inline'"]),       # the bundle injects its own <style> elements
    ("img-src", ["'self'", "data:", "blob:",            # previews of files being edited
                 "https://avatars.githubusercontent.com"]),  # the signed-in user's picture
    ("font-src", ["'self'", "data:"]),
    ("connect-src", ["'self'", "data:", "blob:", "https://api.github.com"]),  # GitHub REST + GraphQL API; its own data: logo
    ("media-src", ["'self'", "blob:"]),
    ("worker-src", ["'self'", "blob:"]),
    ("frame-src", ["'self'", "blob:"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'self'"]),
    ("form-action", ["'none'"]),
]


def admin_policy(meta: bool = False) -> str:
    directives = list(CSP)
    if not meta:
        directives.append(("frame-ancestors", ["'none'"]))
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def admin_html(version: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{admin_policy(meta=True)}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Sveltia CMS {version}">
<title>Editor · NC Drug Diversion Help</title>
</head>
<body>
<noscript>The editor needs JavaScript.</noscript>
<script src="sveltia-cms.js"></script>
</body>
</html>
"""


def headers_block() -> str:
    """`_headers` rules for /admin/: replace the public policy with the CMS's own.

    Cloudflare Pages joins the values of every matching rule, so `! Name`
    first removes the site-wide policy; Netlify's parser skips that line (no
    colon) and lets the later, more specific rule's value win.
    """
    return (
        f"/{ADMIN}/*\n"
        "  ! Content-Security-Policy\n"
        f"  Content-Security-Policy: {admin_policy()}\n"
        "  X-Robots-Tag: noindex, nofollow\n"
        "  Cache-Control: no-cache\n"
    )
