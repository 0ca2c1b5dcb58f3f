"""Attorney review status of pages, posts and the quiz.

Front matter `reviewed:` (and `reviewed:` at the top of data/quiz.yml) is
either `pending` (no attorney has reviewed it yet) or the date the
responsible attorney finished reviewing it, written YYYY-MM-DD. A pending
page makes no review claim: it shows a draft notice instead, and
`make check-release` refuses to publish while anything is pending.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sitebuild.errors import BuildError

PENDING = "pending"
# No review can predate the site: the project's first commit (5529ee1) is
# dated 2026-11-27.
SITE_START = dt.date(2026, 11, 27)


class ReviewError(BuildError, ValueError):  # ValueError: older callers catch it
    pass


def today(env: Mapping[str, str] = os.environ) -> dt.date:
    """The build's "today" (BUILD_DATE=YYYY-MM-DD when set, as sitebuild/updates.py
    reads it; a malformed BUILD_DATE is reported there)."""
    try:
        return dt.date.fromisoformat(env.get("BUILD_DATE", "").strip())
    except ValueError:
        return dt.date.today()


def shown(value: Any) -> str:
    """A YAML value as the editor wrote it (never a Python repr)."""
    if isinstance(value, bool):
        return "yes/true" if value else "no/false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a group of keys"
    return f"'{value}'" if isinstance(value, str) else str(value)


def parse_reviewed(value: Any, src: str, env: Mapping[str, str] = os.environ,
                   post_date: Any = None) -> dt.date | None:
    """The review date, or None while the review is pending.

    Raises ReviewError naming `src` for anything else (a missing value, a
    typo such as 'pendng', an impossible date such as 2026-13-01)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        # A post (it has a `date`) may be scheduled: its review may be as late
        # as its own date; and a post may be older than the site.
        is_post = isinstance(post_date, dt.date)
        latest = max(today(env), post_date) if is_post else today(env)
        if value > latest:
            raise ReviewError(
                f"{src}: 'reviewed: {value}' is in the future (the build's date is {today(env)}). "
                "Hint: write the day the attorney finished the review, or 'pending'")
        if value < SITE_START and not is_post:
            raise ReviewError(
                f"{src}: 'reviewed: {value}' is before the site existed ({SITE_START}). "
                "Hint: write the day the attorney finished the review, or 'pending'")
        return value
    if isinstance(value, str) and value.strip().lower() == PENDING:
        return None
    if value is None or value == "":
        raise ReviewError(
            f"{src}: front matter needs 'reviewed: pending' (not reviewed yet) "
            "or 'reviewed: YYYY-MM-DD' (the day the attorney finished the review)"
        )
    raise ReviewError(
        f"{src}: 'reviewed' must be 'pending' or a date written YYYY-MM-DD "
        f"(the day the attorney finished the review), got {shown(value)}"
    )




REVIEW = Path("data") / "review.yml"  # in the project folder


class ReviewDataError(BuildError, ValueError):  # ValueError: older callers catch it
    pass


def load_items(path: Path, docs: Path) -> list[dict[str, Any]]:
    """data/review.yml's items, checked: id, pages (each a docs/ page,
    'quiz' or 'site'), question, closed (a date, or left out); schema.models.Review."""
    from sitebuild.data import read_data
    from sitebuild.schema import check, line_of
    from sitebuild.schema.models import Review

    data, text, where = read_data(path)
    check(Review, data, text, where, error=ReviewDataError)
    seen: set[str] = set()
    for n, item in enumerate(data["items"]):
        if item["id"] in seen:
            raise ReviewDataError(f"{where}:{line_of(text, ('items', n, 'id'))}: duplicate id '{item['id']}'. "
                                  "Hint: give each item its own id")
        seen.add(item["id"])
        for k, page in enumerate(item["pages"]):
            if page not in ("quiz", "site") and not (docs / page).is_file():
                raise ReviewDataError(f"{where}:{line_of(text, ('items', n, 'pages', k))}: no page docs/{page}. "
                                      "Hint: write a docs/ path like faq.md, or quiz, or site")
    return data["items"]


def open_items(path: Path, docs: Path) -> list[dict[str, Any]]:
    return [i for i in load_items(path, docs) if i.get("closed", False) is False]
