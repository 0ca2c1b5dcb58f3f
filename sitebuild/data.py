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

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers

from sitebuild import markup
from sitebuild.errors import ContentError
from sitebuild.placeholders import BRACES, token
from sitebuild.project import LANGS, here, root_of
from sitebuild.sourcefiles import compose_yaml, read_text, load_yaml


REQUIRED_FIRM_KEYS = (
    "name", "attorney", "attorney_title", "phone", "email",
    "address", "hours", "languages", "service_area",
)
BOOLEAN_FIRM_KEYS = ("sms",)  # switches: true or false, never the text "false"
REQUIRED_ADDRESS_KEYS = ("street", "locality", "region", "postal_code", "country")


# Plain ASCII only: a look-alike letter (Cyrillic р in examрle.com) would send
# mail to someone else's domain.
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")
PHONE_REGION = "US"  # a number written without +country code is read as a US number


class SiteDataError(ContentError):
    """A data file is missing, malformed or incomplete (message names it)."""


class Facts(dict):  # type: ignore[type-arg]
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
    where = rel(path) if root_of(path) else f"data/{path.name}"
    text = read_text(path, where)
    data = load_yaml(text, where, aliases=True)
    if any(True for _ in _problems(data)):  # compose again only to find the line
        markup.check_yaml(compose_yaml(text), where, also=placeholder_problems)
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


def phone_forms(raw: Any, where: str = "data/firm.yml") -> tuple[str, str]:
    """(display, E.164) for the firm's phone, or a clear refusal."""
    try:
        number = phonenumbers.parse(str(raw), PHONE_REGION)
    except phonenumbers.NumberParseException as err:
        raise SiteDataError(f"{where}: 'phone' '{raw}' is not a phone number ({err}). "
                            f"Hint: write it like 828-333-4867 or +1 828 333 4867") from None
    if not phonenumbers.is_valid_number(number):
        raise SiteDataError(f"{where}: 'phone' '{raw}' is not a valid number. "
                            f"Hint: check the digits (area code and 7 digits)")
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if number.country_code != phonenumbers.country_code_for_region(PHONE_REGION):
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return national, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def localize(value: Any, lang: str) -> Any:
    """Pick the `lang` entry of an {en:, es:} mapping; pass other values through."""
    if isinstance(value, dict) and set(value) and set(value) <= set(LANGS):
        if lang not in value:
            raise SiteDataError(f"missing '{lang}' translation of '{next(iter(value.values()))}'")
        return value[lang]
    return value


def load_firm(path: Path | None = None) -> dict[str, Any]:
    path = path or here().data / "firm.yml"
    firm = read_yaml(path)
    name = path.name
    if not isinstance(firm, dict):
        raise SiteDataError(f"{name}: expected a mapping of firm facts")
    missing = [k for k in REQUIRED_FIRM_KEYS if k not in firm or firm[k] in (None, "")]
    if missing:
        raise SiteDataError(f"{name}: missing firm fact(s): {', '.join(missing)}")
    addr = firm["address"]
    if not isinstance(addr, dict):
        raise SiteDataError(f"{name}: 'address' must be a mapping")
    missing = [k for k in REQUIRED_ADDRESS_KEYS if not addr.get(k)]
    if missing:
        raise SiteDataError(f"{name}: missing address field(s): {', '.join(missing)}")
    # Every translatable value must carry both languages.
    def walk(value: Any, where: str) -> None:
        if isinstance(value, dict):
            if set(value) & set(LANGS) and set(value) <= set(LANGS):
                for lang in LANGS:
                    if not value.get(lang):
                        raise SiteDataError(f"{name}: '{where}' has no '{lang}' text")
            for k, v in value.items():
                walk(v, f"{where}.{k}" if where else str(k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")
    walk(firm, "")
    if not EMAIL.match(str(firm["email"])) and not str(firm["email"]).upper().startswith("TODO"):
        raise SiteDataError(f"{name}: 'email' '{firm['email']}' is not an email address. "
                            f"Hint: write it like office@example.com, in plain letters (no look-alike "
                            f"letters from other alphabets, no spaces, no ?)")
    for key in BOOLEAN_FIRM_KEYS:
        if key in firm and not isinstance(firm[key], bool):
            raise SiteDataError(f"{name}: '{key}' must be true or false, got '{firm[key]}'. "
                                f"Hint: write {key}: true or {key}: false, without quotes")
    if "phone_e164" in firm:
        raise SiteDataError(f"{name}: 'phone_e164' is derived from 'phone'. "
                            f"Hint: delete the phone_e164 line; keep one 'phone'")
    firm["phone"], firm["phone_e164"] = phone_forms(firm["phone"], f"data/{name}")
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


def load_strings(path: Path | None = None) -> dict[str, dict[str, str]]:
    """Interface strings: {lang: {key: text}}; every key in every language."""
    path = path or here().data / "strings.yml"
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise SiteDataError(f"{path.name}: expected key: {{en: ..., es: ...}} entries")
    out: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for key, texts in raw.items():
        if not isinstance(texts, dict):
            raise SiteDataError(f"{path.name}: '{key}' must map languages to text")
        for lang in LANGS:
            text = texts.get(lang)
            if not text:
                raise SiteDataError(f"{path.name}: '{key}' has no '{lang}' translation")
            out[lang][key] = str(text)
        extra = set(texts) - set(LANGS)
        if extra:
            raise SiteDataError(f"{path.name}: '{key}' has unknown language(s): {', '.join(sorted(map(str, extra)))}")
    return out
