"""MkDocs' page renders through the one kept Markdown engine
(sitebuild/mdengine.py) give what a new engine per page gives, page after
page: nothing of one page (reference links, heading ids, the title, raw
HTML, the table of contents) reaches the next."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from conftest import ROOT
from mkdocs.config import load_config
from mkdocs.structure import pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitebuild import mdengine

SOURCES = {
    "a.md": """# Title A

[r]: https://a.example/

## Same

## Same { #kept }

## Same

<div markdown id="raw-a">**bold** in a div</div>

!!! note "A note"
    Inside.

??? info "More"
    Folded.

Term
:   Its meaning.

A paragraph { .x }

[link to b](b.md#same)
""",
    "b.md": """A page with no title.

[x][r] is not a link here: `r` belongs to page a.

## Same

<p id="raw-b">raw</p>
""",
    "c.md": "",
    "d.md": """# Title D

## Same
""",
}


@pytest.fixture(scope="module")
def config():  # type: ignore[no-untyped-def]
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_config(config_file=str(ROOT / "mkdocs.yml"))


def _toc(items) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [(t.id, t.title, t.level, _toc(t.children)) for t in items]


def _render_all(config, tmp_path: Path) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs"
    docs.mkdir(parents=True)
    for name, text in SOURCES.items():
        (docs / name).write_text(text, encoding="utf-8")
    files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name in SOURCES])
    out = []
    for name in [*SOURCES, *SOURCES]:  # each page twice, in turn
        page = Page(None, files.get_file_from_path(name), config)
        page.read_source(config)
        page.render(config, files)
        out.append((name, page.content, _toc(page.toc.items),
                    page._title_from_render, sorted(page.present_anchor_ids or ()),
                    {f.src_uri: a for f, a in (page.links_to_anchors or {}).items()}))
    return out


@pytest.fixture
def fresh_engines() -> Iterator[None]:
    kept = pages.markdown
    pages.markdown = markdown  # type: ignore[assignment]
    yield
    pages.markdown = kept  # type: ignore[assignment]


def test_pages_rendered_in_a_row_match_a_new_engine_each(config, tmp_path, fresh_engines):  # type: ignore[no-untyped-def]
    fresh = _render_all(config, tmp_path / "fresh")
    mdengine.install()
    mdengine.forget()
    kept = _render_all(config, tmp_path / "kept")
    assert kept == fresh
    assert "https://a.example/" not in kept[1][1]  # b does not see a's reference
    assert 'id="same"' in kept[1][1] and 'id="same_1"' not in kept[1][1]


def test_the_engine_is_kept_for_the_same_settings_only(config):  # type: ignore[no-untyped-def]
    mdengine.install()
    mdengine.forget()
    exts, cfgs = config["markdown_extensions"], config["mdx_configs"]

    def engine(configs):  # type: ignore[no-untyped-def]
        return pages.markdown.Markdown(extensions=exts, extension_configs=configs)  # as Page.render asks

    first = engine(cfgs)
    assert engine(cfgs) is first
    assert engine({**cfgs, "toc": {"permalink": True}}) is not first
    mdengine.forget()
    assert engine(cfgs) is not first


def test_the_stand_in_is_the_markdown_module_otherwise():
    mdengine.install()
    assert pages.markdown.treeprocessors is markdown.treeprocessors
    assert pages.markdown.extensions.toc is markdown.extensions.toc
