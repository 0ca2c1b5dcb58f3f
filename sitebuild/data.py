"""Load and check the site's data files (firm facts, interface strings).

Shared by the MkDocs hooks, the scripts and the tests, so that every reader
of a fact goes through the same checks.

The firm has ONE phone field, `phone`, written as the firm likes (with +1 or
without). The `phonenumbers` library checks it and derives both forms the
site uses: `phone` (national display, "(828) 333-4867") and `phone_e164`
(dialled by tel:/sms: links, JSON-LD and the vCard). A `phone_e164` in the
file is refused: two fields could disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers

from sitebuild import markup
from sitebuild.errors import BuildError
from sitebuild.placeholders import BRACES, token
from sitebuild.project import LANGS, root_of
from sitebuild.schema import check
from sitebuild.schema.models import PHONE_REGION, Address, Firm, Strings
from sitebuild.sourcefiles import compose_yaml, load_yaml, read_text

REQUIRED_FIRM_KEYS = tuple(k for k, f in Firm.model_fields.items() if f.is_required())
REQUIRED_ADDRESS_KEYS = tuple(k for k, f in Address.model_fields.items() if f.is_required())


class SiteDataError(BuildError):
    """A data file is missing, malformed or incomplete (message names it)."""


class Facts(dict[str, Any]):
    """Firm facts for templates: reading a fact that does not exist fails
    (Jinja would otherwise print an empty string and ship a blank)."""

    def __getitem__(self, key: str) -> Any:
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            raise SiteDataError(
                f"data/firm.yml: a template uses the firm fact '{key}', which is not defined"
            ) from None

    @classmethod
    def wrap(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return cls({k: cls.wrap(v) for k, v in value.items()})
        if isinstance(value, list):
            return [cls.wrap(v) for v in value]
        return value


def rel(path: Path) -> str:
    root = root_of(path)
    return path.resolve().relative_to(root).as_posix() if root else path.as_posix()


def placeholder_problems(text: str) -> Iterator[tuple[int, str, str]]:
    """Data files take no {{ firm.key }}: nothing would replace it."""
    for n, line in enumerate(text.splitlines()):
        stray = BRACES.search(line)
        if stray:
            yield (n, f"'{token(line, stray.start())}' in a data file is never replaced",
                   "placeholders work only in a page body; write the text itself here")


def read_yaml(path: Path) -> Any:
    """A data file: UTF-8, strict YAML (sourcefiles.load_yaml) and every
    string within the content allowlist, with no placeholder (each mistake
    named with file, line and hint)."""
    return read_data(path)[0]


def read_data(path: Path) -> tuple[Any, str, str]:
    """(data, text, where) of a checked data file (read_yaml), the text kept so
    a model's refusal can name the line (sitebuild.schema.check)."""
    where = rel(path) if root_of(path) else f"data/{path.name}"
    text = read_text(path, where)
    data = load_yaml(text, where, aliases=True)
    if any(True for _ in _problems(data)):  # compose again only to find the line
        markup.check_yaml(compose_yaml(text), where, also=placeholder_problems)
    return data, text, where


def read_model(path: Path, model: type, error: type[BuildError] | None = None) -> Any:
    """A data file read as read_yaml does, then checked against its model
    (sitebuild/schema/models.py); returns the plain data."""
    data, text, where = read_data(path)
    check(model, data, text, where, error=error or SiteDataError)
    return data


def _problems(value: Any, seen: set[int] | None = None) -> Iterator[tuple[int, str, str]]:
    """Every string (keys too), each shared (aliased) block visited once."""
    seen = set() if seen is None else seen
    if isinstance(value, (dict, list)):
        if id(value) in seen:
            return
        seen.add(id(value))
        items = [x for kv in value.items() for x in kv] if isinstance(value, dict) else value
        for v in items:
            yield from _problems(v, seen)
    elif isinstance(value, str):
        yield from markup.problems(value)
        yield from placeholder_problems(value)


def phone_forms(raw: str) -> tuple[str, str]:
    """(display, E.164) for a phone number the Firm model accepted."""
    number = phonenumbers.parse(raw, PHONE_REGION)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return national, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def localize(value: Any, lang: str) -> Any:
    """Pick the `lang` entry of an {en:, es:} mapping; pass other values through."""
    if isinstance(value, dict) and set(value) and set(value) <= set(LANGS):
        if lang not in value:
            raise SiteDataError(f"missing '{lang}' translation of '{next(iter(value.values()))}'")
        return value[lang]
    return value


def load_firm(path: Path) -> dict[str, Any]:
    """data/firm.yml checked against schema.models.Firm; `phone` becomes the
    national display form and `phone_e164` is derived from it."""
    firm = read_model(path, Firm)
    firm["phone"], firm["phone_e164"] = phone_forms(firm["phone"])
    return firm


def placeholders(firm: dict[str, Any]) -> list[str]:
    """Keys whose value is still a "TODO" placeholder."""
    found: list[str] = []

    def walk(value: Any, where: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}" if where else str(k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")
        elif isinstance(value, str) and value.strip().upper().startswith("TODO"):
            found.append(where)

    walk({k: v for k, v in firm.items() if k != "unconfirmed"}, "")
    return found


def load_strings(path: Path) -> dict[str, dict[str, str]]:
    """Interface strings: {lang: {key: text}}; every key in every language
    (schema.models.Strings)."""
    raw = read_model(path, Strings)
    return {lang: {key: texts[lang] for key, texts in raw.items()} for lang in LANGS}
