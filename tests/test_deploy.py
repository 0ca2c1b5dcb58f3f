"""Deploy paths: the GitHub workflow works on GitHub's own runners and
publishes only through `make check-release`; Netlify does the same; the
browser tests find a Chromium on Debian and on GitHub's Ubuntu."""

from __future__ import annotations

import tomllib

import conftest
import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"


def workflow() -> dict:  # type: ignore[type-arg]
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def runs(job: dict) -> list[str]:  # type: ignore[type-arg]
    return [step.get("run", "") for step in job["steps"]]


def test_workflow_runs_daily_and_on_main():
    on = workflow()["on"]
    assert on["push"]["branches"] == ["main"]
    assert [s["cron"] for s in on["schedule"]] == ["17 6 * * *"]
    assert workflow()["env"]["TZ"] == "America/New_York"


def test_workflow_uses_playwright_chromium_and_caches_pip():
    job = workflow()["jobs"]["test"]
    commands = "\n".join(runs(job))
    assert "playwright install --with-deps chromium" in commands
    assert "chromium-browser" not in WORKFLOW.read_text(encoding="utf-8")  # a snap stub on Ubuntu 24.04
    python = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip" and python["with"]["cache-dependency-path"] == "requirements.txt"


def test_workflow_publishes_only_what_check_release_built():
    job = workflow()["jobs"]["test"]
    commands = runs(job)
    release = commands.index("make check-release")
    assert commands.index("make test") < release
    upload = [i for i, s in enumerate(job["steps"]) if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@")]
    assert upload == [len(job["steps"]) - 1] and job["steps"][-1]["with"]["path"] == "site"
    assert not [c for c in commands[release + 1:] if c], "nothing may change site/ after the gate"
    assert workflow()["jobs"]["deploy"]["needs"] == "test"


def test_netlify_builds_only_through_check_release():
    build = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))["build"]
    assert (build["command"], build["publish"]) == ("make check-release", "site")
    assert build["environment"]["TZ"] == "America/New_York"


@pytest.mark.parametrize("env,debian,expected", [
    ({"CHROMIUM": "/opt/chrome"}, True, "/opt/chrome"),
    ({}, True, "debian"),    # this machine and .ci/run
    ({}, False, None),       # GitHub's Ubuntu: Playwright's own build
])
def test_tests_pick_a_chromium(monkeypatch, tmp_path, env, debian, expected):
    fake = tmp_path / "chromium"
    if debian:
        fake.write_text("")
    monkeypatch.delenv("CHROMIUM", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(conftest, "DEBIAN_CHROMIUM", str(fake))
    assert conftest.chromium_path() == (str(fake) if expected == "debian" else expected)
