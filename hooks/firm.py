"""Firm facts and interface strings: load once per language build, expose to
templates and Markdown, fail loudly on anything missing.

- data/firm.yml    -> config.extra.firm      (one source for every firm fact)
- data/strings.yml -> config.extra.strings   (interface strings, en + es)
- the firm facts   -> assets/img/share.png    (drawn each build, sitebuild/share_image.py)

In Markdown, `{{ firm.phone }}` / `{{ firm.address.street }}` is replaced with
the value in the page's language, as text (HTML and Markdown escaped); an unknown key fails
the build naming the page and the key (hooks/rules.py names the line too).
Placeholders ("TODO...") are reported, never hidden.

Every data/*.yml (firm, strings, quiz, ...) is read first through one loader:
UTF-8, YAML syntax and no markup that could run, each mistake as one line
with file, line and hint (sitebuild/data.read_yaml).
"""

from __future__ import annotations

import logging
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitebuild import placeholders as facts
from sitebuild.buildinfo import inner_language_build, page_lang
from sitebuild.data import (
    LANGS,
    Facts,
    load_firm,
    load_strings,
    localize,
    placeholders,
    read_yaml,
)
from sitebuild.escaping import markdown_text
from sitebuild.project import Project
from sitebuild.share_image import share_png

# Placeholder notices go to their own logger so that `mkdocs build --strict`
# (which fails on warnings of the "mkdocs" logger) still passes in preview;
# `make check-release` is the gate that refuses placeholders.
notice = logging.getLogger("firm-facts")
if not notice.handlers:
    _h = logging.StreamHandler()
    _h.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    notice.addHandler(_h)
    notice.propagate = False

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data = Project.from_config(config).data
    for path in sorted(data.glob("*.yml")):  # every data file, before any hook reads one
        read_yaml(path)
    firm = load_firm(data / "firm.yml")  # a mistake is a BuildError: MkDocs prints its one line
    strings = load_strings(data / "strings.yml")
    config.extra["firm"] = Facts.wrap(firm)
    config.extra["strings"] = strings
    # Once per build: the outer build, before mkdocs-static-i18n's per-language
    # builds (theme.language is still the default language in every on_config).
    if not inner_language_build(config):
        for key in placeholders(firm):
            notice.warning("data/firm.yml: '%s' is still a placeholder", key)
    return config


SHARE_IMAGE = "assets/img/share.png"


@event_priority(-150)  # after mkdocs-static-i18n (-100): it cannot handle generated files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The share image, once per build (the outer build writes the site root)."""
    if not inner_language_build(config) and files.get_file_from_path(SHARE_IMAGE) is None:
        files.append(File.generated(config, SHARE_IMAGE, content=share_png(config.extra["firm"])))
    return files


def context_lang(ctx: Context) -> str:
    return str(ctx.get("i18n_page_locale") or ctx["config"].theme.get("language", "en"))


@pass_context
def translate(ctx: Context, key: str) -> str:
    """t('key') in templates: the interface string in the page's language."""
    lang = context_lang(ctx)
    table = ctx["config"].extra["strings"].get(lang)
    if table is None or key not in table:
        raise PluginError(f"data/strings.yml: no '{key}' string for language '{lang}'")
    return table[key]


@pass_context
def loc(ctx: Context, value: Any) -> Any:
    """value|loc: pick the page language from an {en:, es:} firm fact."""
    return localize(value, context_lang(ctx))


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["loc"] = loc
    env.globals["t"] = translate
    env.globals["site_langs"] = LANGS
    return env


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str:
    lang = page_lang(page, config)
    firm = config.extra["firm"]
    where = f"docs/{page.file.src_uri}"
    facts.check(markdown, firm, where, localize=lambda v: localize(v, lang))
    # Each fact as text (sitebuild/escaping.markdown_text): Markdown in a firm
    # fact is never a link or emphasis on the page.
    return facts.FACT.sub(lambda m: markdown_text(localize(facts.lookup(firm, m.group(1)), lang)), markdown)
