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

The model is schema.models.LocalHelp; every problem is reported as
"data/local.yml:LINE: counties.<county>.entries.<entry>: <problem>. Hint: <fix>".

Usage: python -m scripts.local_help   (lists entries the firm has not verified)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sitebuild.data import SiteDataError, localize, read_data
from sitebuild.schema import check, line_of
from sitebuild.schema.models import ID, KINDS, LocalHelp

LOCAL_FILE = "data/local.yml"
__all__ = ["KINDS", "LocalHelpError", "county_id", "for_page", "load", "unverified_entries", "validate"]


class LocalHelpError(SiteDataError):
    """data/local.yml is wrong; the message names the file, line and field."""


def county_id(name: str) -> str:
    return name.strip().lower().replace(" ", "-")


def validate(data: Any, service_area: list[str], text: str = "", name: str = LOCAL_FILE) -> None:
    """The model (schema.models.LocalHelp), then what it cannot know: the
    counties are exactly data/firm.yml's service_area, ids are slugs. Lines
    come from `text` (the file as read; without it, messages have no line)."""
    check(LocalHelp, data, text, name, error=LocalHelpError)
    counties, wanted = data["counties"], [county_id(c) for c in service_area]
    for cid in wanted:
        if cid not in counties:
            raise LocalHelpError(f"{name}{_at(text, ('counties',))}: county '{cid}' is missing. Hint: every "
                                 "county in data/firm.yml service_area needs a section under counties:")
    for cid, county in counties.items():
        if cid not in wanted:
            raise LocalHelpError(f"{name}{_at(text, ('counties', cid))}: '{cid}' is not a county of data/firm.yml "
                                 f"service_area. Hint: use one of {', '.join(wanted)}")
        for eid in county["entries"]:
            if not re.match(ID, str(eid)):
                raise LocalHelpError(f"{name}{_at(text, ('counties', cid, 'entries', eid))}: entry id '{eid}' "
                                     "is not a short name. Hint: lower case letters, digits and hyphens")


def _at(text: str, loc: tuple[str, ...]) -> str:
    line = line_of(text, loc) if text else None
    return f":{line}" if line else ""


def load(path: Path, service_area: list[str] | None = None) -> dict[str, Any]:
    """Read and check the file; service_area defaults to the firm.yml beside it."""
    data, text, where = read_data(path)
    if service_area is None:
        service_area = read_data(path.parent / "firm.yml")[0]["service_area"]
    validate(data, service_area, text, where)
    return data


def unverified_entries(path: Path) -> list[str]:
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
