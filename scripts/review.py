"""Attorney review status of pages, posts and the quiz.

Front matter `reviewed:` (and `reviewed:` at the top of data/quiz.yml) is
either `pending` (no attorney has reviewed it yet) or the date the
responsible attorney finished reviewing it, written YYYY-MM-DD. A pending
page makes no review claim: it shows a draft notice instead, and
`make check-release` refuses to publish while anything is pending.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

PENDING = "pending"


class ReviewError(ValueError):
    pass


def parse_reviewed(value: Any, src: str) -> dt.date | None:
    """The review date, or None while the review is pending.

    Raises ReviewError naming `src` for anything else (a missing value, a
    typo such as 'pendng', an impossible date such as 2026-13-01)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
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
        f"(the day the attorney finished the review), got {value!r}"
    )
