"""Launch day, on a copy of the project: every firm fact filled in and
confirmed, every page, post and the quiz dated by the attorney, every open
review item closed, every local-help entry and cost verified.

`launch_day(dest)` writes that copy (today's content, not frozen fixtures:
the point is that today's content and tests survive the day the firm is done).
tests/test_launch_day.py builds it and runs the release gate; `LAUNCH_DAY=1`
makes the session `site_dir` (tests/conftest.py) build from it, so the whole
suite can be run against that day."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from conftest import copy_project

# The public address on that day (not an example.com/.org documentation host).
LAUNCH_SITE_URL = "https://www.nc-diversion-help.org/"

FIRM_FACTS = {
    "unconfirmed": [],
    "email": "office@nc-diversion-help.org",
    "address": {"street": "12 College Street, Suite 300", "locality": "Asheville", "region": "NC",
                "postal_code": "28801", "country": "US"},
    "hours": {"en": "Monday to Friday, 9 a.m. to 5 p.m.", "es": "De lunes a viernes, de 9 a. m. a 5 p. m."},
    "reply_promise": {"en": "We call back within one business day, from our office number.",
                      "es": "Le llamamos en un día hábil, desde el número de la oficina."},
}
REVIEWED = re.compile(r"(?m)^reviewed:[ \t]*pending[ \t]*$")


def review_day() -> dt.date:
    return dt.date.today()  # the build's date: a review date may not be later


def _date_front_matter(path: Path, day: str) -> None:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        front = REVIEWED.sub(f"reviewed: {day}", text[:end])
        path.write_text(front + text[end:], encoding="utf-8")


def launch_day(dest: Path) -> Path:
    project = copy_project(dest)
    day = review_day().isoformat()
    data = project / "data"

    firm_path = data / "firm.yml"
    firm = yaml.safe_load(firm_path.read_text(encoding="utf-8"))
    firm.update(FIRM_FACTS)
    firm_path.write_text(yaml.safe_dump(firm, allow_unicode=True, sort_keys=False), encoding="utf-8")

    for page in sorted((project / "docs").rglob("*.md")):
        _date_front_matter(page, day)
    quiz = data / "quiz.yml"
    quiz.write_text(REVIEWED.sub(f"reviewed: {day}", quiz.read_text(encoding="utf-8")), encoding="utf-8")

    review_path = data / "review.yml"
    review = yaml.safe_load(review_path.read_text(encoding="utf-8"))
    for item in review["items"]:
        if item.get("closed", False) is False:
            item["closed"] = review_day()
            item["answer"] = "Confirmed by the attorney: the pages say it as it is."
    review_path.write_text(yaml.safe_dump(review, allow_unicode=True, sort_keys=False), encoding="utf-8")

    for name in ("local.yml", "costs.yml"):
        path = data / name
        path.write_text(re.sub(r"(?m)^(\s*)verified:[ \t]*false\b", r"\1verified: true",
                               path.read_text(encoding="utf-8")), encoding="utf-8")
    return project
