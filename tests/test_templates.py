"""sitebuild/templates.py: compiled templates are reused, never stale, and
the site is the same with or without them."""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest
from conftest import SITE_ROOT, build_key, run_build
from jinja2 import DictLoader, Environment

from sitebuild.templates import TemplateCache


def env(cache: TemplateCache, source: str, autoescape: bool = False) -> Environment:
    e = Environment(loader=DictLoader({"t.html": source}), autoescape=autoescape)
    e.bytecode_cache = cache
    return e


def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        seen.append(name)
        return original(self, source, name, filename, raw, defer_init)
    monkeypatch.setattr(Environment, "compile", counting)
    return seen


def test_a_second_environment_reuses_the_compiled_template(monkeypatch):
    seen = compiles(monkeypatch)
    cache = TemplateCache()
    assert env(cache, "Hi {{ x }}").get_template("t.html").render(x="A") == "Hi A"
    assert env(cache, "Hi {{ x }}").get_template("t.html").render(x="B") == "Hi B"
    assert seen == ["t.html"]


def test_an_edited_template_is_compiled_again(monkeypatch):
    seen = compiles(monkeypatch)
    cache = TemplateCache()
    env(cache, "old {{ x }}").get_template("t.html")
    assert env(cache, "new {{ x }}").get_template("t.html").render(x=1) == "new 1"
    assert seen == ["t.html", "t.html"]


def test_autoescape_is_part_of_the_key():
    cache = TemplateCache()
    assert env(cache, "{{ x }}", autoescape=False).get_template("t.html").render(x="<b>") == "<b>"
    assert env(cache, "{{ x }}", autoescape=True).get_template("t.html").render(x="<b>") == "&lt;b&gt;"


def test_the_folder_carries_compiled_templates_to_the_next_process(tmp_path, monkeypatch):
    env(TemplateCache(tmp_path), "Hi {{ x }}").get_template("t.html")
    assert len(list(tmp_path.iterdir())) == 1
    seen = compiles(monkeypatch)
    assert env(TemplateCache(tmp_path), "Hi {{ x }}").get_template("t.html").render(x="C") == "Hi C"
    assert seen == []


def test_a_build_from_the_cache_is_the_same_site(site_dir: Path, tmp_path: Path):
    """site_dir compiled every template from source (and filled the suite's
    SITE_TEMPLATE_CACHE, tests/conftest.py); this build takes them all from it."""
    folder = Path(os.environ["SITE_TEMPLATE_CACHE"])
    assert len(list(folder.iterdir())) > 20, "the session build left no compiled templates"
    out = tmp_path / "site"
    result = run_build(SITE_ROOT, out)
    assert result.returncode == 0, result.stderr[-3000:]
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(site_dir) for p in site_dir.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(out, site_dir, [str(f) for f in files], shallow=False)
    assert not mismatch and not errors, (mismatch[:10], errors[:10])


def test_the_kept_session_build_is_used_only_while_nothing_it_reads_changed(tmp_path: Path):
    """`make test-fast` reuses the last session build (tests/conftest.py
    SITE_BUILD_CACHE) only under the same key: any input changes it."""
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "faq.md").write_text("# FAQ\n", encoding="utf-8")
    (root / "data").mkdir()
    (root / "data" / "firm.yml").write_text("name: A\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    env, day = {"HOME": "/root"}, "2026-12-03"
    key = build_key(root, env, day)
    assert build_key(root, {**env, "PYTEST_XDIST_WORKER": "gw1", "TEST_TIMELINE": "/tmp/t"}, day) == key
    (root / "docs" / "__pycache__").mkdir()
    (root / "docs" / "__pycache__" / "x.pyc").write_bytes(b"0")
    assert build_key(root, env, day) == key
    changed = [
        build_key(root, {**env, "BUILD_DATE": "2031-01-15"}, day),
        build_key(root, {**env, "CMS_REPO": "firm/site"}, day),
        build_key(root, env, "2026-12-04"),
    ]
    (root / "docs" / "faq.md").write_text("# FAQ!\n", encoding="utf-8")
    changed.append(build_key(root, env, day))
    (root / "docs" / "faq.md").write_text("# FAQ\n", encoding="utf-8")
    assert build_key(root, env, day) == key
    (root / "data" / "firm.yml").rename(root / "data" / "firm2.yml")
    changed.append(build_key(root, env, day))
    assert key not in changed and len(set(changed)) == len(changed), changed
