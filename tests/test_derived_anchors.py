"""Derived heading ids (sitebuild/derived_anchors.py): a heading without
`{ #id }` gets the id of the English twin's heading at its position, in both
languages; the twins must have the same headings; an explicit id must agree."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import copy_project, run_build

from sitebuild.anchors import scan
from sitebuild.derived_anchors import add_ids, slug, with_id

PAGE = "docs/checklists/court"
ANCHOR = re.compile(r" \{ #[A-Za-z][\w-]* \}$", re.M)


def strip_anchors(project: Path) -> None:
    for suffix in (".md", ".es.md"):
        path = project / (PAGE + suffix)
        path.write_text(ANCHOR.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")


def add_line(project: Path, rel: str, after: str, line: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert after in text, f"{rel}: {after!r} not found"
    path.write_text(text.replace(after, after + "\n\n" + line + "\n", 1), encoding="utf-8")


def line_of(project: Path, rel: str, start: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, start=1) if text.startswith(start))


def ids(site: Path, rel: str) -> list[str]:
    soup = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup
    return [h["id"] for h in article.find_all(["h1", "h2", "h3", "h4"]) if h.get("id")]


def test_slug_and_insertion():
    assert slug("Who can get a *conditional discharge*?") == "who-can-get-a-conditional-discharge"
    assert slug("Call [us](contact.md) at {{ firm.phone }}") == "call-us-at"
    assert with_id("## Title ##", "t") == "## Title { #t }"
    assert with_id("## Title { .wide }", "t") == "## Title { #t .wide }"
    en = "# One\n\n## Same\n\n```\n## not a heading\n```\n\n## Same\n\n## Kept { #kept }\n"
    es = "# Uno\n\n## Igual\n\n## Igual\n\n## Guardado\n"
    assert [h.anchor for h in scan(add_ids(en, en, "en.md", "en.md"))] == ["one", "same", "same_1", "kept"]
    assert [h.anchor for h in scan(add_ids(es, en, "es.md", "en.md"))] == ["one", "same", "same_1", "kept"]


def test_derived_ids_build_identical_in_both_languages_and_links_validate(tmp_path):
    project = copy_project(tmp_path / "project")
    strip_anchors(project)
    # links to derived ids, from another page pair, in both languages
    add_line(project, "docs/first-steps.md", "# First steps after a drug charge { #first-steps }",
             "See [what to bring](checklists/court.md#what-to-bring).")
    add_line(project, "docs/first-steps.es.md", next(
        line for line in (project / "docs/first-steps.es.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("# ")), "Vea [qué llevar](checklists/court.md#what-to-bring).")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    en, es = ids(tmp_path / "site", "checklists/court/index.html"), ids(tmp_path / "site", "es/checklists/court/index.html")
    assert en[:5] == ["what-to-bring-and-wear-to-court", "what-to-bring", "what-to-wear", "on-the-day", "questions"]
    assert en == es
    for rel in ("first-steps/index.html", "es/first-steps/index.html"):
        assert 'checklists/court/#what-to-bring"' in (tmp_path / "site" / rel).read_text(encoding="utf-8")


def test_link_to_a_missing_derived_anchor_fails(tmp_path):
    project = copy_project(tmp_path / "project")
    strip_anchors(project)
    add_line(project, "docs/first-steps.md", "# First steps after a drug charge { #first-steps }",
             "See [what to bring](checklists/court.md#bring).")  # the old explicit id, now gone
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "#bring" in result.stderr


def test_extra_heading_in_spanish_twin_fails_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    strip_anchors(project)
    add_line(project, PAGE + ".es.md", "## Qué ponerse", "## De más")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    # by position the extra heading pushes the last one out: that one is named
    line = line_of(project, PAGE + ".es.md", "## ¿Preguntas?")
    assert (f"{PAGE}.es.md:{line}: heading '¿Preguntas?' has no match in {PAGE}.md (6 headings vs 5). "
            "Hint: translate the same headings, with the same anchors") in result.stderr, result.stderr[-2000:]


def test_heading_at_another_level_fails_naming_both_files(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / (PAGE + ".es.md")
    path.write_text(path.read_text(encoding="utf-8").replace("## Qué ponerse", "### Qué ponerse", 1),
                    encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    line = line_of(project, PAGE + ".es.md", "### Qué ponerse")
    en_line = line_of(project, PAGE + ".md", "## What to wear")
    assert (f"{PAGE}.es.md:{line}: heading 'Qué ponerse' is level 3 (###) but {PAGE}.md:{en_line} "
            "'What to wear' is level 2. Hint: translate the same headings, at the same levels, in the same order"
            ) in result.stderr, result.stderr[-2000:]


def test_explicit_id_that_disagrees_fails(tmp_path):
    project = copy_project(tmp_path / "project")
    strip_anchors(project)
    path = project / (PAGE + ".es.md")
    path.write_text(path.read_text(encoding="utf-8").replace("## Qué ponerse", "## Qué ponerse { #ropa }", 1),
                    encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    line = line_of(project, PAGE + ".es.md", "## Qué ponerse")
    en_line = line_of(project, PAGE + ".md", "## What to wear")
    assert (f"{PAGE}.es.md:{line}: heading anchor '#ropa' differs from {PAGE}.md:{en_line} "
            "'#what-to-wear' (derived from its English heading). "
            "Hint: keep the English anchor in every language") in result.stderr, result.stderr[-2000:]
