"""Bad content never ships: each broken input fails the strict build with a
message that names the file and the problem. The cases are listed in
docs/maintainers/CONTRIBUTING.md ("What fails the build")."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import copy_project, run_build


def edit(rel: str, fn: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        path = project / rel
        path.write_text(fn(path.read_text(encoding="utf-8")), encoding="utf-8")
    return apply


def remove(rel: str) -> Callable[[Path], None]:
    return lambda project: (project / rel).unlink()


def add(rel: str, text: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        (project / rel).write_text(text, encoding="utf-8")
    return apply


def edit_yaml(rel: str, fn: Callable[[dict], None]) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        path = project / rel
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        fn(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return apply


def first_post(project: Path) -> Path:
    return sorted(p for p in (project / "docs" / "updates").glob("20*.md") if not p.name.endswith(".es.md"))[0]


def post_without_date(project: Path) -> None:
    post = first_post(project)
    post.write_text(re.sub(r"(?m)^date:.*\n", "", post.read_text()), encoding="utf-8")


def duplicate_slug(project: Path) -> None:
    post = first_post(project)
    slug = post.name.split("-", 3)[3]  # YYYY-MM-DD-slug.md
    for suffix in ("", ".es"):
        src = post if not suffix else post.with_name(post.name[:-3] + ".es.md")
        text = re.sub(r"(?m)^date:.*$", "date: 2020-01-01", src.read_text())
        (post.parent / f"2020-01-01-{slug[:-3]}{suffix}.md").write_text(text, encoding="utf-8")


CASES = {
    "malformed front matter": (
        edit("docs/benefits.md", lambda t: t.replace("title:", "title: [unclosed", 1)),
        ["docs/benefits.md:2: invalid YAML: a [ or { opens here and never closes"],
    ),
    "missing description": (
        edit("docs/eligibility.es.md", lambda t: re.sub(r"(?m)^description:.*\n", "", t, count=1)),
        ["eligibility.es.md", "description"],
    ),
    "English page without Spanish": (remove("docs/benefits.es.md"), ["benefits.es.md: missing"]),
    "Spanish page without English": (remove("docs/glossary.md"), ["glossary.md: missing"]),
    "broken internal link": (
        edit("docs/faq.md", lambda t: t + "\nSee [the old page](no-such-page.md).\n"),
        ["faq.md", "no-such-page.md"],
    ),
    "broken anchor": (
        edit("docs/faq.es.md", lambda t: t + "\nVea [esto](eligibility.md#no-such-anchor).\n"),
        ["faq.es.md", "no-such-anchor"],
    ),
    "bad statute link": (
        edit("docs/benefits.md", lambda t: t + "\n[G.S. 90](gs:ninety)\n"),
        ["benefits.md", "gs:ninety"],
    ),
    "unknown firm fact in a page": (
        edit("docs/about.es.md", lambda t: t + "\n{{ firm.fax }}\n"),
        ["about.es.md", "unknown firm fact 'fax'"],
    ),
    "missing firm fact used by a template": (
        edit_yaml("data/firm.yml", lambda d: d.pop("hours")),
        ["firm.yml", "hours"],
    ),
    "missing interface string": (
        edit_yaml("data/strings.yml", lambda d: d["call_now"].pop("es")),
        ["strings.yml", "call_now", "es"],
    ),
    "unknown quiz id": (
        edit("data/quiz.yml", lambda t: t.replace("when: {court: [federal, other_state]}", "when: {court: [federal, moon]}", 1)),
        ["quiz.yml", "moon"],
    ),
    "quiz path without outcome": (
        edit("data/quiz.yml", lambda t: re.sub(r"(?ms)^  - id: court_not_sure\n.*?(?=^  - id: )", "", t, count=1)),
        ["quiz.yml", "no outcome"],
    ),
    "post without date": (post_without_date, ["updates/", "date"]),
    "duplicate post slug": (duplicate_slug, ["updates/", "slug"]),
    "word to avoid in a Spanish page": (
        edit("docs/faq.es.md", lambda t: t + "\nUsted tiene un período de prueba.\n"),
        ["docs/faq.es.md:", '"período de prueba" — write "probation (libertad a prueba)"'],
    ),
    "English term in a Spanish data string": (
        edit("data/strings.yml", lambda t: t.replace("es: Llame ahora}", "es: Llame ahora por su probation}", 1)),
        ["data/strings.yml:", '"probation" — write "libertad a prueba" (English term in a Spanish data string'],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_content_fails_the_build(case, tmp_path):
    mutate, expected = CASES[case]
    project = copy_project(tmp_path / "p")
    mutate(project)
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0, f"{case}: the build passed"
    for part in expected:
        assert part in result.stderr, f"{case}: {part!r} not in build output:\n{result.stderr[-3000:]}"


def test_fault_table_is_documented():
    doc = (Path(__file__).parent.parent / "docs" / "maintainers" / "CONTRIBUTING.md").read_text()
    for case in CASES:
        assert case in doc, f"'{case}' is not listed in CONTRIBUTING.md"
