"""Where the project lives and which languages it has: from mkdocs.yml,
never from where this package is installed.

- In the build: `Project.from_config(config)` (the folder of
  `config.config_file_path`; the mkdocs-static-i18n plugin's languages).
- In a command or a test: `Project.load(path)` reads a mkdocs.yml (given with
  `-f/--config`, see `add_config_option`), or `here()` the one in the current
  working directory.

`LANGS` is the one list of languages the data files are written for (every
`{en: ..., es: ...}` mapping). A build whose mkdocs.yml lists other languages
fails here, naming both lists: adding a language means translating the data.
"""

from __future__ import annotations

import argparse
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load

LANGS: tuple[str, ...] = ("en", "es")
CONFIG_NAME = "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    root: Path
    langs: tuple[str, ...] = LANGS
    default_lang: str = LANGS[0]

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def overrides(self) -> Path:
        return self.root / "overrides"

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> Project:
        """Hooks call this for every page: the answer is kept per (config
        file, working folder, languages), which is all it depends on."""
        i18n = config.plugins.get("i18n")
        languages = getattr(getattr(i18n, "config", None), "languages", None) or []
        return _from_config(config.config_file_path or CONFIG_NAME, os.getcwd(),
                            tuple((str(lang.locale), bool(lang.default)) for lang in languages))

    @classmethod
    def load(cls, config_file: Path | str | None = None) -> Project:
        path = Path(config_file or CONFIG_NAME).resolve()
        if not path.is_file():
            raise PluginError(f"{path}: no MkDocs config here. Hint: run from the project folder or pass -f PATH/mkdocs.yml")
        with path.open("rb") as fh:
            config = yaml_load(fh) or {}
        languages: list[dict[str, Any]] = []
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, dict) and "i18n" in plugin:
                languages = (plugin["i18n"] or {}).get("languages") or []
        return cls.of(path.parent, languages)

    @classmethod
    def of(cls, root: Path, languages: list[dict[str, Any]]) -> Project:
        if not languages:
            return cls(root)
        langs = tuple(str(lang["locale"]) for lang in languages)
        default = next((str(lang["locale"]) for lang in languages if lang.get("default")), langs[0])
        if set(langs) != set(LANGS):
            raise PluginError(
                f"{CONFIG_NAME}: plugins > i18n lists the languages {', '.join(langs)}; the data files are "
                f"written for {', '.join(LANGS)}. Hint: add the texts of a new language to data/ and "
                f"sitebuild/project.py LANGS first")
        return cls(root, tuple(sorted(langs, key=lambda lang: lang != default)), default)


@functools.lru_cache(maxsize=32)
def _from_config(config_file: str, cwd: str, languages: tuple[tuple[str, bool], ...]) -> Project:
    root = (Path(cwd) / config_file).resolve().parent
    return Project.of(root, [{"locale": locale, "default": default} for locale, default in languages])


def here() -> Project:
    """The project whose mkdocs.yml is in the current working directory (the
    default of commands and of library functions called without paths)."""
    return Project.load(Path(os.getcwd()) / CONFIG_NAME)


def root_of(path: Path) -> Path | None:
    """The nearest folder above `path` that holds a mkdocs.yml."""
    for folder in Path(path).resolve().parents:
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config", dest="config_file", type=Path, default=None,
                        help="the project's mkdocs.yml (default: the one in the current folder)")


def from_args(args: argparse.Namespace) -> Project:
    return Project.load(getattr(args, "config_file", None))
