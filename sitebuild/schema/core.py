"""The shared part of every model: the YAML line of a pydantic `loc`, the
house message for each pydantic error type, and the text types.

The YAML is read once by sitebuild/sourcefiles.load_yaml (strict: duplicate
keys, aliases, control characters); `check` composes the same text again only
when a model refuses it, to find the line."""

from __future__ import annotations

import typing
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Discriminator, StringConstraints, Tag, ValidationError

from sitebuild.errors import BuildError, located
from sitebuild.sourcefiles import compose_yaml

Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]  # never blank


class Strict(BaseModel):
    """Base of every model: unknown keys are refused, values are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Bilingual(Strict):
    """Text in both languages: {en: ..., es: ...}, both non-empty strings."""

    en: Text
    es: Text


# One text for both languages, or {en:, es:} (the branch follows the YAML shape).
TextOrBoth = Annotated[Annotated[Text, Tag("one text")] | Annotated[Bilingual, Tag("en and es")],
                       Discriminator(lambda v: "en and es" if isinstance(v, dict) else "one text")]

# pydantic error type -> (problem, hint); {field} and {got} are filled in.
PROBLEMS = {
    "missing": ("missing '{field}'", "add the line {field}: ..."),
    "extra_forbidden": ("unknown field '{field}'", "delete it, or check its spelling ({known})"),
    "string_type": ("'{field}' must be text, got {got}", "write the text (quote it if it looks like a number, a date or true/false)"),
    "string_too_short": ("'{field}' is empty", "write the text"),
    "string_pattern_mismatch": ("'{field}' is empty", "write the text"),
    "bool_type": ("'{field}' must be true or false, got {got}", "write {field}: true or {field}: false, without quotes"),
    "literal_error": ("'{field}' is {got}", "use one of: {expected}"),
    "list_type": ("'{field}' must be a list, got {got}", "write one '- value' line per item, or [a, b]"),
    "dict_type": ("'{field}' must be a mapping of 'key: value' lines, got {got}", "indent 'key: value' lines under it"),
    "model_type": ("'{field}' must be a mapping of 'key: value' lines, got {got}", "indent 'key: value' lines under it"),
    "model_attributes_type": ("'{field}' must be a mapping of 'key: value' lines, got {got}", "indent 'key: value' lines under it"),
    "too_short": ("'{field}' is empty", "give at least one item"),
    "date_type": ("'{field}' must be a date YYYY-MM-DD, got {got}", "write a date like 2026-11-27, without quotes"),
    "int_type": ("'{field}' must be a whole number, got {got}", "write digits only"),
}


def _node_line(root: yaml.Node | None, loc: tuple[Any, ...]) -> tuple[int | None, list[str]]:
    """(1-based line of the value, a label per loc part) for a pydantic loc.
    A list item is labelled by its `id:` when it has one (questions[court]);
    a part that is not in the file (a missing key) keeps the line before it."""
    node, line, labels = root, (root.start_mark.line if root else None), []
    for part in loc:
        label = f"[{part}]" if isinstance(part, int) else str(part)
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if str(k.value) == str(part)), None)
            if pair:
                node = pair[1]
                line = (node if isinstance(node, yaml.ScalarNode) else pair[0]).start_mark.line
            else:
                node = None
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line
            pairs = node.value if isinstance(node, yaml.MappingNode) else []
            ident = next((v.value for k, v in pairs if k.value == "id" and isinstance(v, yaml.ScalarNode)), None)
            label = f"[{ident}]" if ident else label
        else:
            node = None
        labels.append(label)
    return (line + 1 if line is not None else None), labels


def _field_info(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The pydantic FieldInfo the loc ends at (for its description), or None."""
    info, cls = None, model  # type: Any, type[BaseModel] | None
    for part in loc:
        fields = getattr(cls, "model_fields", {}) if isinstance(cls, type) else {}
        if part in fields:
            info = fields[part]
            cls = next((t for t in _types(info.annotation) if isinstance(t, type) and issubclass(t, BaseModel)), None)
    return info


def _types(tp: Any) -> list[Any]:
    args = typing.get_args(tp)
    return [tp] + [t for a in args for t in _types(a)]


def message(err: Any, model: type[BaseModel], root: yaml.Node | None, where: str,
            first_line: int = 1) -> str:
    """`where:line: context: 'field' problem. Hint: fix` for one pydantic error."""
    loc = tuple(p for p in err["loc"] if p not in ("one text", "en and es"))  # TextOrBoth's branch tags
    line, parts = _node_line(root, loc)
    cut = -2 if len(parts) > 1 and isinstance(loc[-1], int) else -1
    field, context = "".join(parts[cut:]) or "(the file)", parts[:cut] if parts else []
    got = type(err["input"]).__name__ if isinstance(err.get("input"), (dict, list)) else repr(err.get("input"))
    if err["type"] == "value_error":  # our validators say "problem. Hint: fix"
        problem, _, hint = str(err["ctx"]["error"]).partition(". Hint: ")
        problem = f"'{field}' {problem}" if loc else problem
    elif err["type"] == "missing" and field in ("en", "es") and context:
        problem, hint = f"'{context.pop()}' has no '{field}' translation", f"add the line {field}: ... (both languages, always)"
    else:
        problem, hint = PROBLEMS.get(err["type"], ("'{field}': {msg}", "check the value"))
        parent = _field_info(model, loc[:-1]) if len(loc) > 1 else None
        owner = next((t for t in _types(parent.annotation if parent else model)
                      if isinstance(t, type) and issubclass(t, BaseModel)), model)
        ctx = {"field": field, "got": got, "msg": err["msg"], "known": ", ".join(sorted(owner.model_fields)),
               "expected": (err.get("ctx") or {}).get("expected", "")}
        problem, hint = problem.format(**ctx), hint.format(**ctx)
        info = _field_info(model, loc)
        if info is not None and info.description and err["type"] != "extra_forbidden":
            hint = info.description
    if context:
        problem = ".".join(context).replace(".[", "[") + ": " + problem
    return located(where, line + first_line - 1 if line is not None else None, problem, hint)


def line_of(text: str, loc: tuple[Any, ...], first_line: int = 1) -> int | None:
    """The file line of the value at `loc` (for checks a model cannot make)."""
    line, _ = _node_line(compose_yaml(text), loc)
    return line + first_line - 1 if line is not None else None


def check(model: type[BaseModel], data: Any, text: str, where: str, first_line: int = 1,
          error: type[BuildError] = BuildError, context: dict[str, Any] | None = None) -> Any:
    """`model` validated against `data` (loaded from `text`), or `error` with
    one house message per problem, each at the line of its value."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as err:
        root = compose_yaml(text)
        by_line: dict[str, str] = {}  # one message a line: a shared (&anchor) value fails once
        for e in err.errors(include_url=False):
            text = message(e, model, root, where, first_line)
            by_line.setdefault(text.split(": ", 1)[0], text)
        raise error("\n".join(by_line.values())) from None
