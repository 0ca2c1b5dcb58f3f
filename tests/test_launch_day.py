"""The day the firm is done: on the launch-day copy (tests/launch_day.py) the
strict build passes, the release gate opens, and every page shows its review
date and no draft notice. Run the rest of the suite against that day with
LAUNCH_DAY=1 (tests/conftest.py site_dir)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import content_pages, run_build
from launch_day import LAUNCH_SITE_URL, launch_day, review_day


@pytest.fixture(scope="module")
def launched(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("launch")
    project = launch_day(tmp / "project")
    out = tmp / "site"
    result = run_build(project, out, env={"SITE_URL": LAUNCH_SITE_URL})
    assert result.returncode == 0, f"the launch-day build failed:\n{result.stderr[-4000:]}"
    return project, out


def test_the_release_gate_opens(launched: tuple[Path, Path]) -> None:
    project, out = launched
    env = {k: v for k, v in os.environ.items() if k != "PREVIEW"}
    result = subprocess.run(
        [sys.executable, "-m", "scripts.check_release", "--site", str(out), "--docs", str(project / "docs")],
        cwd=project, env={**env, "SITE_URL": LAUNCH_SITE_URL}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check-release: ready to publish" in result.stdout


def test_every_page_shows_its_review_date_and_no_draft_notice(launched: tuple[Path, Path]) -> None:
    _, out = launched
    day = review_day().isoformat()
    checked = 0
    for path in content_pages(out):
        rel = path.relative_to(out).as_posix()
        if rel.endswith("404.html"):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        assert not soup.select(".dl-draft"), f"{rel}: a draft notice on launch day"
        if soup.select_one("article") is None or "/page/" in rel:
            continue  # listings of posts carry no review line of their own
        dates = [t["datetime"] for t in soup.select(".dl-reviewed time[datetime]")]
        assert dates == [day], f"{rel}: review dates {dates}"
        checked += 1
    assert checked >= 38  # 19 pages and posts per language today
