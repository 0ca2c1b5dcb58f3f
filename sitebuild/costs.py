"""Costs shown on the Costs page: read and check data/costs.yml.

Each item needs label, amount, when (texts in en and es), a statute section,
the source URL the amount was read on, and a boolean `verified`. Problems are
reported as "data/costs.yml: <item>: <problem>" (hooks/costs.py fails the
build with it). `unverified_costs()` lists what the firm must still confirm.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitebuild.statutes import SECTION, gs_url
from sitebuild.local_help import URL, LocalHelpError, _text
from sitebuild.data import localize, read_yaml
from sitebuild.project import here

COSTS_FILE = "data/costs.yml"
FIELDS = ("label", "amount", "when", "statute", "source", "verified")


def validate(data: Any, name: str = COSTS_FILE) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("items"), dict) or not data["items"]:
        raise LocalHelpError(f"{name}: expected a top-level 'items:' mapping with at least one item")
    for iid, item in data["items"].items():
        where = f"{name}: {iid}"
        if not isinstance(item, dict):
            raise LocalHelpError(f"{where}: expected a mapping of fields")
        for field in FIELDS:
            if field not in item or item[field] in (None, ""):
                raise LocalHelpError(f"{where}: missing '{field}'")
        unknown = sorted(set(item) - set(FIELDS))
        if unknown:
            raise LocalHelpError(f"{where}: unknown field(s) {', '.join(unknown)}")
        for field in ("label", "when", "amount"):
            _text(item[field], where, field)
        if not SECTION.match(str(item["statute"])):
            raise LocalHelpError(f"{where}: 'statute' must be a section like 7A-304, got {item['statute']!r}")
        if not isinstance(item["source"], str) or not URL.match(item["source"]):
            raise LocalHelpError(f"{where}: 'source' must be the http(s) URL of the page you read, got {item['source']!r}")
        if not isinstance(item["verified"], bool):
            raise LocalHelpError(f"{where}: 'verified' must be true or false (a boolean), got {item['verified']!r}")


def load(path: Path | None = None) -> dict[str, Any]:
    data = read_yaml(path or here().data / "costs.yml")
    validate(data)
    return data


def unverified_costs(path: Path | None = None) -> list[str]:
    return [f"{COSTS_FILE}: {iid}: not verified" for iid, item in load(path)["items"].items() if item["verified"] is not True]


def for_page(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": iid,
            "label": localize(item["label"], lang),
            "amount": localize(item["amount"], lang),
            "when": localize(item["when"], lang),
            "statute": str(item["statute"]),
            "statute_url": gs_url(str(item["statute"])),
            "verified": item["verified"],
        }
        for iid, item in data["items"].items()
    ]
