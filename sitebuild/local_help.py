"""Local help per service county: read and check data/local.yml.

Shared by the build (hooks/local_help.py), the release check and the tests.

Shape of the file (every key below `counties` is a county of
data/firm.yml `service_area`, lower case, spaces as hyphens):

    counties:
      buncombe:
        name: Buncombe                    # shown as "Buncombe County"
        entries:
          courthouse:                     # entry id: a-z, 0-9, hyphens
            kind: courthouse              # one of KINDS
            name: {en: ..., es: ...}      # or one string for both languages
            address: ...                  # at least one of address, phone, url
            phone: "828-..."
            url: https://...
            note: {en: ..., es: ...}      # optional
            source: https://...           # the page you read the facts on
            verified: false               # true only once the firm confirmed it

Every problem is reported as "data/local.yml: <county>/<entry>: <problem>".

Usage: python -m scripts.local_help   (lists entries the firm has not verified)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sitebuild.data import LANGS, SiteDataError, localize, read_yaml
from sitebuild.project import here

LOCAL_FILE = "data/local.yml"
KINDS = ("courthouse", "drug-education", "recovery-court", "lead", "treatment")
REQUIRED = ("kind", "name", "source", "verified")
CONTACT = ("address", "phone", "url")
OPTIONAL = ("note",)
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
PHONE = re.compile(r"^[0-9][0-9 ()+.-]{6,}[0-9]$")


class LocalHelpError(SiteDataError):
    """data/local.yml is wrong; the message names the file, entry and field."""


def county_id(name: str) -> str:
    return name.strip().lower().replace(" ", "-")


def _text(value: Any, where: str, field: str) -> None:
    """A string, or an {en:, es:} mapping with a non-empty string for both."""
    if isinstance(value, dict):
        missing = [lang for lang in LANGS if not isinstance(value.get(lang), str) or not value[lang].strip()]
        extra = sorted(set(value) - set(LANGS))
        if extra:
            raise LocalHelpError(f"{where}: '{field}' has unknown language key(s) {', '.join(extra)} (use en, es)")
        if missing:
            raise LocalHelpError(f"{where}: '{field}' has no '{missing[0]}' text")
    elif not isinstance(value, str) or not value.strip():
        raise LocalHelpError(f"{where}: '{field}' must be text (or en:/es: texts), got {value!r}")


def check_entry(where: str, entry: Any) -> None:
    if not isinstance(entry, dict):
        raise LocalHelpError(f"{where}: expected a mapping of fields, got {entry!r}")
    for field in REQUIRED:
        if field not in entry or entry[field] in (None, ""):
            hint = {
                "source": " (the URL of the page you read these facts on)",
                "verified": " (false until the firm has confirmed the entry)",
                "kind": f" (one of: {', '.join(KINDS)})",
                "name": "",
            }[field]
            raise LocalHelpError(f"{where}: missing '{field}'{hint}")
    unknown = sorted(set(entry) - set(REQUIRED) - set(CONTACT) - set(OPTIONAL))
    if unknown:
        raise LocalHelpError(f"{where}: unknown field(s) {', '.join(unknown)}")
    if entry["kind"] not in KINDS:
        raise LocalHelpError(f"{where}: 'kind' is {entry['kind']!r}; use one of: {', '.join(KINDS)}")
    _text(entry["name"], where, "name")
    if not isinstance(entry["source"], str) or not URL.match(entry["source"]):
        raise LocalHelpError(f"{where}: 'source' must be the http(s) URL of the page you read, got {entry['source']!r}")
    if not isinstance(entry["verified"], bool):
        raise LocalHelpError(f"{where}: 'verified' must be true or false (a boolean), got {entry['verified']!r}")
    if not any(entry.get(k) for k in CONTACT):
        raise LocalHelpError(f"{where}: give at least one of {', '.join(CONTACT)}")
    if entry.get("url") and (not isinstance(entry["url"], str) or not entry["url"].startswith("https://")):
        raise LocalHelpError(f"{where}: 'url' must start with https://, got {entry['url']!r}")
    if entry.get("phone") and (not isinstance(entry["phone"], str) or not PHONE.match(entry["phone"])):
        raise LocalHelpError(f"{where}: 'phone' must be a quoted phone number like \"828-555-0100\", got {entry['phone']!r}")
    for field in ("address", "note"):
        if entry.get(field) is not None:
            _text(entry[field], where, field)


def validate(data: Any, service_area: list[str], name: str = LOCAL_FILE) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("counties"), dict):
        raise LocalHelpError(f"{name}: expected a top-level 'counties:' mapping")
    counties = data["counties"]
    wanted = [county_id(c) for c in service_area]
    for cid in wanted:
        if cid not in counties:
            raise LocalHelpError(f"{name}: {cid}: missing (every county in data/firm.yml service_area needs a section)")
    for cid, county in counties.items():
        if cid not in wanted:
            raise LocalHelpError(f"{name}: {cid}: not a county of data/firm.yml service_area ({', '.join(wanted)})")
        if not isinstance(county, dict) or not isinstance(county.get("entries"), dict) or not county["entries"]:
            raise LocalHelpError(f"{name}: {cid}: needs 'name' and at least one entry under 'entries'")
        if not isinstance(county.get("name"), str) or not county["name"].strip():
            raise LocalHelpError(f"{name}: {cid}: missing 'name'")
        for eid, entry in county["entries"].items():
            where = f"{name}: {cid}/{eid}"
            if not ID.match(str(eid)):
                raise LocalHelpError(f"{where}: entry id must be lower case letters, digits and hyphens")
            check_entry(where, entry)


def load(path: Path | None = None, service_area: list[str] | None = None) -> dict[str, Any]:
    """Read and check the file; service_area defaults to data/firm.yml's."""
    path = path or here().data / "local.yml"
    data = read_yaml(path)
    if service_area is None:
        service_area = read_yaml(path.parent / "firm.yml")["service_area"]
    validate(data, service_area)
    return data


def unverified_entries(path: Path | None = None) -> list[str]:
    """"data/local.yml: <county>/<entry>: not verified" for each entry the
    firm has not confirmed (make check-release lists them)."""
    data = load(path)
    return [
        f"{LOCAL_FILE}: {cid}/{eid}: not verified"
        for cid, county in data["counties"].items()
        for eid, entry in county["entries"].items()
        if entry["verified"] is not True
    ]


def for_page(data: dict[str, Any], service_area: list[str], lang: str) -> list[dict[str, Any]]:
    """Counties in service-area order, texts in `lang`, ready for the template."""
    out = []
    for name in service_area:
        cid = county_id(name)
        county = data["counties"][cid]
        entries = []
        for eid, entry in county["entries"].items():
            entries.append({
                "id": eid,
                "kind": entry["kind"],
                "name": localize(entry["name"], lang),
                "address": localize(entry.get("address"), lang),
                "phone": entry.get("phone"),
                "tel": re.sub(r"[^0-9+]", "", entry.get("phone") or ""),
                "url": entry.get("url"),
                "domain": re.sub(r"^https://(www\.)?([^/]+).*$", r"\2", entry.get("url") or ""),
                "note": localize(entry.get("note"), lang),
                "verified": entry["verified"],
            })
        out.append({"id": cid, "name": county["name"], "entries": entries})
    return out
