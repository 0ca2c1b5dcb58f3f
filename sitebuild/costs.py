"""Costs shown on the Costs page: read and check data/costs.yml.

Each item needs label, amount, when (texts in en and es), a statute section,
the source URL the amount was read on, and a boolean `verified`
(schema.models.Costs). Problems are reported as
"data/costs.yml:LINE: items.<item>: <problem>. Hint: <fix>". `unverified_costs()` lists what the firm must still confirm.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitebuild.data import localize, read_data
from sitebuild.local_help import LocalHelpError
from sitebuild.schema import check
from sitebuild.schema.models import Costs
from sitebuild.statutes import gs_url

COSTS_FILE = "data/costs.yml"


def validate(data: Any, text: str = "", name: str = COSTS_FILE) -> None:
    """schema.models.Costs; lines come from `text`, the file as read."""
    check(Costs, data, text, name, error=LocalHelpError)


def load(path: Path) -> dict[str, Any]:
    data, text, where = read_data(path)
    validate(data, text, where)
    return data


def unverified_costs(path: Path) -> list[str]:
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
