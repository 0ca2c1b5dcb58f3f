"""sitebuild/parallel.py `in_two`: the same results, in the same order, and
the same first error as one process, with the second half really done in
another process; and the content checks that use it (hooks/rules.py
check_docs, sitebuild/terms.py check_project) give the same answers both ways."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, ROOT

from sitebuild import parallel
from sitebuild.errors import BuildError, fail

ITEMS = list(range(10))


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def test_results_in_order_and_the_second_half_in_another_process():
    out = parallel.in_two(_pid_and_square, ITEMS, min_items=2)
    assert [sq for _, sq in out] == [n * n for n in ITEMS]
    pids = [pid for pid, _ in out]
    assert set(pids[:5]) == {os.getpid()}
    assert len(set(pids[5:])) == 1 and pids[5] != os.getpid()


@pytest.mark.parametrize("why", ["short", "env", "serve"])
def test_one_process_when_short_forced_or_serving(monkeypatch, why):
    if why == "env":
        monkeypatch.setenv(parallel.ONE_PROCESS_ENV, "1")
    if why == "serve":
        monkeypatch.setenv("DL_MKDOCS_SERVE", "1")
    out = parallel.in_two(_pid_and_square, ITEMS, min_items=100 if why == "short" else 2)
    assert {pid for pid, _ in out} == {os.getpid()}
    assert [sq for _, sq in out] == [n * n for n in ITEMS]


def _fails_at(*bad: int):  # type: ignore[no-untyped-def]
    def fn(n: int) -> int:
        if n in bad:
            raise fail(f"docs/page{n}.md", n, "planted", "remove it")
        return n
    return fn


@pytest.mark.parametrize(("bad", "first"), [((7,), 7), ((2,), 2), ((2, 7), 2), ((6, 9), 6)])
def test_the_first_failing_item_in_order_raises(bad, first):
    with pytest.raises(BuildError) as two:
        parallel.in_two(_fails_at(*bad), ITEMS, min_items=2)
    with pytest.raises(BuildError) as one:
        [_fails_at(*bad)(n) for n in ITEMS]
    assert str(two.value) == str(one.value) == f"docs/page{first}.md:{first}: planted. Hint: remove it"


def test_an_answer_the_child_cannot_send_is_worked_out_here():
    out = parallel.in_two(lambda n: (lambda: n), ITEMS, min_items=2)  # a lambda cannot be pickled
    assert [f() for f in out] == ITEMS


def _check_docs(project: Path):  # type: ignore[no-untyped-def]
    """hooks/rules.py check_docs as the build runs it: the site's Markdown, its templates."""
    from mkdocs.config import load_config

    from hooks import rules
    from sitebuild.data import load_firm

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    templates = frozenset(p.name for p in (project / "overrides").glob("*.html"))
    return rules.check_docs(project / "docs", load_firm(FIXTURE_DATA / "firm.yml"),
                            rules.renderer(load_config(str(ROOT / "mkdocs.yml"))), templates)


@pytest.fixture
def many_pages(tmp_path: Path) -> Path:
    """A copy of the project: the checks see its 60-odd pages; MIN_ITEMS is lowered below."""
    from sitebuild import translations

    for name in ("docs", "data", "overrides", "mkdocs.yml"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    rels = list(translations.pages(tmp_path / "docs"))
    assert rels.index("young-people.es.md") >= len(rels) // 2, "the planted page is in the forked half"
    return tmp_path


def test_the_content_checks_give_the_same_answers_in_two_processes(many_pages, monkeypatch):
    from sitebuild.terms import check_project

    page = many_pages / "docs" / "young-people.es.md"  # late in the order: the forked half
    page.write_text(page.read_text(encoding="utf-8") + "\nUn período de prueba.\n", encoding="utf-8")
    one = _check_docs(many_pages), check_project(many_pages)
    assert len(one[0]["by_base"]) > 30 and one[0]["described"], "every page is in the answer"
    assert one[1], "the planted word is found"
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    two = _check_docs(many_pages), check_project(many_pages)
    assert two == one


def test_a_fault_in_the_second_half_of_the_pages_reads_the_same(many_pages, monkeypatch):
    page = many_pages / "docs" / "young-people.es.md"  # late in the order: the forked half
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\ntitle: [1, 2]\n", 1),
                    encoding="utf-8")
    with pytest.raises(BuildError) as one:
        _check_docs(many_pages)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    with pytest.raises(BuildError) as two:
        _check_docs(many_pages)
    assert str(two.value) == str(one.value)
    assert str(two.value).startswith("docs/young-people.es.md:3: 'title' appears twice")


def _warns(n: int) -> int:
    logging.getLogger("mkdocs.plugins.test").warning("page %d: %s", n, "a warning")
    return n


def test_warnings_of_the_forked_half_are_logged_here_in_order(caplog):
    """mkdocs build --strict counts the warnings this process logs."""
    with caplog.at_level(logging.WARNING):
        assert parallel.in_two(_warns, ITEMS, min_items=2) == ITEMS
    assert [r.getMessage() for r in caplog.records] == [f"page {n}: a warning" for n in ITEMS]
    assert {r.process for r in caplog.records[5:]} != {os.getpid()}  # really logged by the child
