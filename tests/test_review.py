"""Review status: `reviewed: pending` or a date; pending pages make no review
claim, a malformed value fails the build, and check-release refuses to
publish while anything is pending (sitebuild/review.py, scripts/check_release.py)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT, copy_project, run_build

from scripts import check_release
from sitebuild.review import ReviewError, parse_reviewed


def set_reviewed(path: Path, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^reviewed: .*$", f"reviewed: {value}", text, count=1), encoding="utf-8")


@pytest.mark.parametrize("value, expected", [
    (dt.date(2026, 12, 1), dt.date(2026, 12, 1)),
    ("pending", None),
    ("Pending ", None),
])
def test_parse_reviewed_accepts_pending_or_a_date(value, expected):
    assert parse_reviewed(value, "docs/x.md") == expected


@pytest.mark.parametrize("value, message", [
    (None, "docs/x.md: front matter needs 'reviewed: pending' (not reviewed yet) or 'reviewed: YYYY-MM-DD'"),
    ("pendng", "docs/x.md: 'reviewed' must be 'pending' or a date written YYYY-MM-DD"),
    ("2026-13-01", "docs/x.md: 'reviewed' must be 'pending' or a date written YYYY-MM-DD"),
    (dt.datetime(2026, 12, 1, 9, 0), "docs/x.md: 'reviewed' must be 'pending'"),
])
def test_parse_reviewed_refuses_anything_else(value, message):
    with pytest.raises(ReviewError) as err:
        parse_reviewed(value, "docs/x.md")
    assert str(err.value).startswith(message)


@pytest.fixture(scope="module")
def reviewed_project(tmp_path_factory):
    """A copy where the benefits page (English and Spanish) has a review date
    and every other page is pending (set here, whatever today's pages say)."""
    root = copy_project(tmp_path_factory.mktemp("reviewed"), data=FIXTURE_DATA)
    for page in (root / "docs").rglob("*.md"):
        if "maintainers" not in page.parts and re.search(r"(?m)^reviewed: ", page.read_text(encoding="utf-8")):
            set_reviewed(page, "pending")
    for name in ("benefits.md", "benefits.es.md"):
        set_reviewed(root / "docs" / name, "2026-12-01")
    out = root / "site"
    result = run_build(root, out)
    assert result.returncode == 0, result.stderr[-3000:]
    return root, out


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_a_reviewed_page_shows_its_date_and_no_draft_notice(reviewed_project):
    _, out = reviewed_project
    for rel, claim in (("benefits/index.html", "Last reviewed by an attorney"),
                       ("es/benefits/index.html", "Revisado por última vez por un abogado")):
        soup = _soup(out / rel)
        line = soup.select_one(".dl-reviewed")
        assert line is not None and claim in line.get_text(), rel
        assert line.select_one("time")["datetime"] == "2026-12-01"
        assert soup.select_one(".dl-draft") is None, rel


def test_a_pending_page_beside_it_makes_no_claim(reviewed_project):
    _, out = reviewed_project
    soup = _soup(out / "faq" / "index.html")
    assert soup.select_one(".dl-reviewed") is None
    assert "Draft:" in soup.select_one(".dl-draft").get_text()
    assert "Last reviewed" not in soup.get_text()


def test_check_release_names_every_pending_page_post_and_the_quiz(reviewed_project):
    root, _ = reviewed_project
    found = check_release.review_problems(root / "docs", root / "data" / "quiz.yml")
    pending = {line.split(":", 1)[0] for line in found}
    assert "docs/faq.md" in pending and "docs/faq.es.md" in pending
    assert "docs/updates/2026-11-03-second-chance-act.es.md" in pending
    assert "docs/benefits.md" not in pending and "docs/benefits.es.md" not in pending
    assert any(line.endswith("(the quiz rules and wording): not reviewed by an attorney yet (reviewed: pending)")
               for line in found)
    sources = [p for p in (root / "docs").rglob("*.md") if "maintainers" not in p.parts]
    assert len(found) == len(sources) - 2 + 1  # every page but the reviewed pair, plus the quiz


def test_check_release_fails_with_a_pending_page_and_passes_when_all_reviewed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "page.md"
    page.write_text("---\ntitle: T\ndescription: D\nreviewed: pending\n---\n\nText.\n")
    quiz = tmp_path / "quiz.yml"
    quiz.write_text("reviewed: 2026-11-30\nquestions: []\n")
    assert check_release.review_problems(docs, quiz) == [
        "docs/page.md: not reviewed by an attorney yet (reviewed: pending)"]
    set_reviewed(page, "2026-11-30")
    assert check_release.review_problems(docs, quiz) == []


# A malformed `reviewed:` fails the build naming the file and line: the fault
# table (tests/test_faults.py "reviewed that is not a date", "quiz reviewed
# that is not a date").


@pytest.mark.parametrize("url, ok", [
    (None, False), ("", False), ("http://127.0.0.1:8000/", False), ("https://localhost/", False),
    ("http://www.example.com/", False), ("https://www.example.com/", False),  # the README's example
    ("https://diversion.example/", False), ('https://nc-diversion.org/"><img src=x>/', False),
    ("https://www.nc-diversion-help.org/", True),
])
def test_check_release_site_url(url, ok):
    assert (check_release.site_url_problems(url) == []) is ok


@pytest.mark.parametrize("value, message", [
    (dt.date(2099, 1, 1), "docs/x.md: 'reviewed: 2099-01-01' is in the future (the build's date is 2026-12-01)"),
    (dt.date(2026, 12, 2), "docs/x.md: 'reviewed: 2026-12-02' is in the future"),
    (dt.date(1900, 1, 1), "docs/x.md: 'reviewed: 1900-01-01' is before the site existed (2026-11-27)"),
    (dt.date(2026, 11, 26), "docs/x.md: 'reviewed: 2026-11-26' is before the site existed"),
])
def test_review_dates_are_between_the_site_start_and_the_build_date(value, message):
    env = {"BUILD_DATE": "2026-12-01"}
    with pytest.raises(ReviewError) as err:
        parse_reviewed(value, "docs/x.md", env)
    assert str(err.value).startswith(message)
    assert parse_reviewed(dt.date(2026, 11, 27), "docs/x.md", env) == dt.date(2026, 11, 27)
    assert parse_reviewed(dt.date(2026, 12, 1), "docs/x.md", env) == dt.date(2026, 12, 1)


def test_check_release_finds_todo_text_in_pages_and_feeds(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>fine</p>\n<p>TODO: write this</p>\n")
    (tmp_path / "feed.xml").write_text("<feed><title>TODO</title></feed>\n")
    (tmp_path / "ok.html").write_text("<p>all done</p>\n<p>Todo el proceso lleva tiempo.</p>\n")
    (tmp_path / "b.html").write_text("<p>Fee: tbd</p>\n<p>fixme</p>\n<p>todo - ask</p>\n")
    assert check_release.todo_problems(tmp_path) == [
        "a/index.html: 'TODO' text on line(s) 2",
        "b.html: 'tbd' text on line(s) 1, 2, 3",
        "feed.xml: 'TODO' text on line(s) 1",
    ]


def test_check_release_refuses_a_preview_build():
    assert check_release.preview_problems({"PREVIEW": "1"}) == [
        "PREVIEW is set: a preview build shows drafts and scheduled posts; unset PREVIEW to release"]
    assert check_release.preview_problems({}) == []


def test_check_release_lists_unverified_local_help_and_costs(monkeypatch, tmp_path):
    """From the frozen data: each entry with `verified: false` is one line,
    named county/entry (costs: item); once verified, none."""
    import yaml

    from sitebuild import costs, local_help

    for name in ("local.yml", "costs.yml", "firm.yml"):
        shutil.copy(FIXTURE_DATA / name, tmp_path / name)
    local_yml, costs_yml = tmp_path / "local.yml", tmp_path / "costs.yml"
    entries, amounts = local_help.unverified_entries, costs.unverified_costs
    monkeypatch.setattr(local_help, "unverified_entries", lambda _path: entries(local_yml))
    monkeypatch.setattr(costs, "unverified_costs", lambda _path: amounts(costs_yml))
    counties = yaml.safe_load(local_yml.read_text(encoding="utf-8"))["counties"]
    items = yaml.safe_load(costs_yml.read_text(encoding="utf-8"))["items"]
    expected = [f"data/local.yml: {cid}/{eid}: not verified"
                for cid, county in counties.items() for eid, entry in county["entries"].items()
                if entry.get("verified") is not True]
    expected += [f"data/costs.yml: {iid}: not verified" for iid, item in items.items() if item["verified"] is not True]
    assert len(expected) >= 2  # the frozen fixtures hold unverified entries of both files
    found = check_release.problems(tmp_path / "no-site", ROOT / "docs")
    assert [line for line in found if line.startswith(("data/local.yml:", "data/costs.yml:"))] == expected
    for path in (local_yml, costs_yml):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("verified: false", "verified: true"), encoding="utf-8")
    assert check_release.local_problems() == []

