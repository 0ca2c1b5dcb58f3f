"""Shared fixtures: build the site once (strict), serve it on loopback, and
drive it in Debian's Chromium through Playwright."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import inspect
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import distributions
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent

from tools.weight import CHROMIUM_ARGS  # noqa: E402  (one list for every Chromium the project drives)

DEBIAN_CHROMIUM = "/usr/bin/chromium"


def chromium_path() -> str | None:
    """Which Chromium the browser tests drive: $CHROMIUM when set; else
    Debian's /usr/bin/chromium (this machine, .ci/run); else None, meaning
    Playwright's own build (`playwright install --with-deps chromium`, as the
    GitHub workflow does on Ubuntu, which has no usable chromium package)."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return DEBIAN_CHROMIUM if Path(DEBIAN_CHROMIUM).exists() else None


CHROMIUM = chromium_path()


# Test builds use a production-like address: canonical/hreflang/feeds must be
# absolute, and the browser tests prove nothing is ever requested from it.
SITE_URL = "https://diversion.example.org/"


def pytest_configure(config: pytest.Config) -> None:
    """The suite's many builds share compiled templates (sitebuild/templates.py):
    one folder per run, made by the first process (xdist's workers inherit
    it), removed when that process ends. tests/test_templates.py proves the
    site is byte for byte the same without it."""
    if "SITE_TEMPLATE_CACHE" not in os.environ:
        os.environ["SITE_TEMPLATE_CACHE"] = tempfile.mkdtemp(prefix="site-templates-")
        config._template_cache_made = True  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    if getattr(config, "_template_cache_made", False):
        shutil.rmtree(os.environ.pop("SITE_TEMPLATE_CACHE"), ignore_errors=True)


# Whether the running test carries the `build` marker (set by the autouse
# fixture below): run_build refuses otherwise, so no unmarked test can slip a
# build into `make test-fast` (the marker is derived from the code, which
# misses a build behind a helper: mark those by hand).
_BUILD_MARKED = True


@pytest.fixture(autouse=True)
def _build_marker(request: pytest.FixtureRequest) -> Iterator[None]:
    global _BUILD_MARKED
    _BUILD_MARKED = request.node.get_closest_marker("build") is not None
    yield
    _BUILD_MARKED = True


def run_build(root: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for the project at `root` into `out`
    (only from a test marked `build`)."""
    if not _BUILD_MARKED:
        raise AssertionError("this test builds a copy of the project but is not marked `build`: "
                             "add @pytest.mark.build (tests/conftest.py, 'Lanes')")
    return _run_build(root, out, *extra, env=env)


def _build_env(env: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, **(env or {})}


def _run_build(root: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = _build_env(env)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out), *extra],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


# Frozen copies of data/*.yml: tests that edit data by exact strings, or
# assert firm facts, read these, so the firm filling in its real e-mail or
# the attorney closing a review item never breaks them.
FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"


def copy_project(dest: Path, data: Path | None = None, src: Path = ROOT) -> Path:
    """A throw-away copy of the project at `src` (content, templates, data,
    hooks); `data=FIXTURE_DATA` takes data/*.yml from the frozen fixtures
    instead of today's data/; `src=SITE_ROOT` copies what the session site
    was built from (the launch-day copy under LAUNCH_DAY=1)."""
    for name in ("docs", "overrides", "hooks", "scripts", "sitebuild"):
        shutil.copytree(src / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data or src / "data", dest / "data", ignore=shutil.ignore_patterns("__pycache__", "README.md"))
    for name in ("mkdocs.yml", "package.json"):
        shutil.copy(src / name, dest / name)
    if (ROOT / "node_modules").exists():  # the CMS bundle (`npm ci`), shared read-only
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


# The project the session site is built from, and its data: tests that compare
# the built site with data/*.yml read SITE_DATA, never ROOT/data. LAUNCH_DAY=1
# builds from the launch-day copy (tests/launch_day.py: every fact confirmed,
# every review done), to run the suite against the day the firm is finished.
if os.environ.get("LAUNCH_DAY") == "1":
    from launch_day import launch_day

    SITE_ROOT = launch_day(Path(tempfile.mkdtemp(prefix="launch-day-")) / "project")
else:
    SITE_ROOT = ROOT
SITE_DATA = SITE_ROOT / "data"


# Lanes (`make test-fast` = -m "not browser and not build"). The markers
# follow the code, so no test can forget one: a test is `browser` when it
# (or a fixture it uses) needs the `browser` fixture, and `build` when it or
# one of its fixtures builds a copy of the project (run_build/copy_project),
# beyond the one session build every lane shares.
# A test is `external` when it runs a program outside Python over the whole
# site (Java's Nu validator: about 12 s, so not in the edit loop).
BUILDS = ("run_build(", "copy_project(")
SESSION_BUILD = ("site_build", "site_dir")  # the shared build: not `build`
EXTERNAL = ("vnu_jar(",)


@functools.cache
def _source(func: object) -> str:
    try:
        return inspect.getsource(func)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return ""


def _builds(func: object) -> bool:
    return any(call in _source(func) for call in BUILDS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
        defs = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        funcs = [getattr(item, "function", None)] + [
            d.func for name in names if name not in SESSION_BUILD for d in defs.get(name, ())]
        if any(_builds(f) for f in funcs if f is not None):
            item.add_marker(pytest.mark.build)
        if any(call in _source(f) for f in funcs if f is not None for call in EXTERNAL):
            item.add_marker(pytest.mark.external)
    _schedule(items)


# Scheduling for `make test` (`-n 2 --dist loadfile`, pytest-xdist). Each
# test file runs whole on one worker, so its module fixtures (a copy built
# once for the file) are made once, except the tests named in SPREAD: each of
# their cases may run on either worker, so the two languages of a long walk
# run at once (they use session fixtures only; _schedule checks). Files
# then start heaviest first (longest-processing-time order): the last to
# start is a short one, and both workers end together. SLOW_FIRST is
# measured (TEST_TIMELINE, tools/test_timeline.py), heaviest first; a file
# not listed runs after these, in file order. A stale order costs time,
# never a result. (xdist's own `loadgroup` marks cannot do this: pytest 9
# ignores the node id it rewrites.)
SPREAD = (
    "tests/test_browser.py::test_every_page_light_clean_and_accessible_at_phone_and_desktop_width[",
    "tests/test_quiz_browser.py::test_a_covering_set_of_paths_matches_the_evaluator[",
    "tests/test_quiz_result.py::test_every_outcome_fits_the_first_screen[",
)
SLOW_FIRST = (
    "tests/test_browser.py::test_every_page_light",
    "tests/test_quiz_browser.py::test_a_covering_set",
    "tests/test_contact.py",
    "tests/test_faults.py",
    "tests/test_updates.py",
    "tests/test_quiz_browser.py",
    "tests/test_quiz_result.py::test_every_outcome_fits",
    "tests/test_livereload.py",
    "tests/test_security.py",
    "tests/test_derived_anchors.py",
    "tests/test_quiz_result.py",
    "tests/test_cms.py",
    "tests/test_a11y_focus.py",
)


def _rank(nodeid: str) -> int:
    return next((i for i, slow in enumerate(SLOW_FIRST) if nodeid.startswith(slow)), len(SLOW_FIRST))


def _schedule(items: list[pytest.Item]) -> None:
    """Heaviest first (every worker sorts the same way, so the collections
    still agree); a SPREAD test must not share a per-file fixture."""
    for item in items:
        if item.nodeid.startswith(SPREAD):
            defs = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
            shared = [n for n, d in defs.items() if d and d[-1].scope not in ("session", "function")]
            if shared:
                raise pytest.UsageError(f"{item.nodeid} is in SPREAD but uses {shared}, made once per "
                                        "file: make them session fixtures or take it out of SPREAD")
    items.sort(key=lambda item: _rank(item.nodeid))  # stable: a file keeps its own order


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """--dist loadfile, with SPREAD tests one case per unit, in the order
    the workers collected (heaviest first), not xdist's biggest-file-first."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class Scheduler(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return nodeid if nodeid.startswith(SPREAD) else super()._split_scope(nodeid)

    config.option.loadscopereorder = False
    return Scheduler(config, log)


# The edit loop may reuse the last session build: `make test-fast` sets
# SITE_BUILD_CACHE to a folder (.cache/site-build), where the site is kept
# under a key made of everything the build reads: every file of the project
# it is built from (pages, templates, hooks, sitebuild/, data, mkdocs.yml,
# the locks and what npm installed), the installed Python packages, the
# environment (but the test runner's own variables), the date (posts
# publish on their day) and the Python. One changed byte, a new
# day or another BUILD_DATE is a new key, so a new build. `make test` (the
# gate, and CI) never sets it: it always builds.
BUILD_INPUTS = ("docs", "overrides", "hooks", "sitebuild", "data", "mkdocs.yml",
                "package.json", "package-lock.json", "node_modules/.package-lock.json",
                "requirements.txt", "pyproject.toml")
RUNNER_ENV = ("PYTEST_", "SITE_TEMPLATE_CACHE", "SITE_BUILD_CACHE", "TEST_TIMELINE")  # not read by the build


def build_key(root: Path, env: dict[str, str] | None = None, today: str | None = None) -> str:
    digest = hashlib.sha256()
    for name in BUILD_INPUTS:
        path = root / name
        files = sorted(f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts) \
            if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    kept = sorted((k, v) for k, v in (os.environ if env is None else env).items() if not k.startswith(RUNNER_ENV))
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    digest.update(repr((kept, installed, today or dt.date.today().isoformat(), sys.version, str(root))).encode())
    return digest.hexdigest()[:20]


def _cached_build(cache: Path, out: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The session build from the cache folder when its key is there; else
    built into `out` and stored (the newest key only)."""
    key = build_key(SITE_ROOT, _build_env())  # the environment the build gets
    entry = cache / key
    if (entry / "result.json").is_file():
        kept = json.loads((entry / "result.json").read_text(encoding="utf-8"))
        return entry / "site", subprocess.CompletedProcess(kept["args"], 0, kept["stdout"], kept["stderr"])
    result = _run_build(SITE_ROOT, out)
    if result.returncode == 0:
        cache.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f"{key}.", dir=cache))
        shutil.copytree(out, staging / "site")
        (staging / "result.json").write_text(json.dumps(
            {"args": result.args, "stdout": result.stdout, "stderr": result.stderr}), encoding="utf-8")
        try:
            staging.rename(entry)  # the other worker may have stored the same key first
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
        for old in cache.iterdir():
            if old.name != key and not old.name.startswith(key + "."):
                shutil.rmtree(old, ignore_errors=True)
    return out, result


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The site built once per session, from SITE_ROOT, and what that build
    printed (tests of the build's own messages read it instead of building again)."""
    out = tmp_path_factory.mktemp("site")
    cache = os.environ.get("SITE_BUILD_CACHE")
    if cache:
        out, result = _cached_build(ROOT / cache, out)
    else:
        result = _run_build(SITE_ROOT, out)  # the one build every lane shares
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"
    return out, result


@pytest.fixture(scope="session")
def site_dir(site_build: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    return site_build[0]


@dataclass(frozen=True)
class BuiltPage:
    rel: str  # e.g. "es/faq/index.html"
    lang: str
    soup: BeautifulSoup

    @property
    def url_path(self) -> str:
        return "/" + self.rel.removesuffix("index.html")


def content_pages(site: Path) -> list[Path]:
    skip = {"assets", "search", "admin"}  # admin/: the CMS, not a public page (test_cms.py)
    return sorted(
        p for p in site.rglob("*.html")
        if not (set(p.relative_to(site).parts) & skip)
    )


@pytest.fixture(scope="session")
def pages(site_dir: Path) -> dict[str, BuiltPage]:
    out = {}
    for path in content_pages(site_dir):
        rel = path.relative_to(site_dir).as_posix()
        lang = "es" if rel.startswith("es/") else "en"
        out[rel] = BuiltPage(rel, lang, BeautifulSoup(path.read_text(encoding="utf-8"), "lxml"))
    return out


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[str]:
    """The built site on loopback with its `_headers` applied, as Netlify or
    Cloudflare Pages would serve it: every browser test runs under the CSP."""
    from tools.serve import serve

    assert (site_dir / "_headers").exists(), "the build wrote no _headers"
    with serve(site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if CHROMIUM and not Path(CHROMIUM).exists():
        pytest.fail(f"CHROMIUM={CHROMIUM}: no such file")
    with sync_playwright() as pw:
        if CHROMIUM is None and not Path(pw.chromium.executable_path).exists():
            pytest.fail("No Chromium: install Debian's 'chromium' (see .ci/run), or Playwright's "
                        "with `python -m playwright install --with-deps chromium`")
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    pg = ctx.new_page()
    yield pg
    ctx.close()


# TEST_TIMELINE=FILE: each worker appends "worker start end nodeid" per test
# (wall-clock seconds), to see how `make test`'s two workers share the groups
# (tools/test_timeline.py prints the per-worker view). Off by default.
if os.environ.get("TEST_TIMELINE"):
    import time as _time

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
        start = _time.time()
        yield
        with open(os.environ["TEST_TIMELINE"], "a", encoding="utf-8") as out:
            out.write(f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')} {start:.2f} {_time.time():.2f} {item.nodeid}\n")
