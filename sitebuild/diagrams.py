"""Diagrams of a case's path: data/diagrams.yml -> <figure data-diagram="ID">.

The data file holds every word of every diagram as {en: ..., es: ...}; it is
checked here against one allowed shape, with the line of each mistake:
a missing language, an unknown key, an icon Material does not bundle, or two
languages that cite different statutes fail the build
("data/diagrams.yml:12: ... Hint: ..."). Text is escaped; the only markup a
text may hold is a statute link `[G.S. 90-96](gs:90-96)`, which becomes a
link to the NC General Assembly's page (sitebuild/statutes.py).

Rendering is Jinja (overrides/partials/diagrams.html), autoescaped, with
Material's bundled icons included as inline SVG (`.icons/material/NAME.svg`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import material
import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from sitebuild.errors import ContentError, fail
from sitebuild.project import LANGS, here
from sitebuild.sourcefiles import compose_yaml, load_yaml, read_text
from sitebuild.statutes import CITATION, SECTION, gs_url

FILE = "data/diagrams.yml"
THEME = Path(material.__file__).resolve().parent / "templates"
ICONS = THEME / ".icons" / "material"
MARKER = re.compile(r"^<!-- diagram: ([a-z0-9-]+) -->[ \t]*$", re.M)
GS_LINK = re.compile(r"\[([^\[\]\n]+)\]\(gs:([^)\s]*)\)")

__all__ = ["ContentError", "Diagrams", "MARKER", "load", "render", "icon_svg"]


@dataclass
class Diagrams:
    diagrams: dict[str, dict[str, Any]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    home_icons: dict[str, Any] = field(default_factory=dict)


# ---- checking the file against its shape ------------------------------------

TEXT = "text"  # a {en, es} pair
SHAPE: dict[str, Any] = {
    "diagram": {"caption": TEXT, "columns": ["column"], "ordered": bool, "note": "step", "paper": "paper"},
    "column": {"title": TEXT, "steps": ["step"]},
    "step": {"icon": "icon", "title": TEXT, "text": TEXT},
    "paper": {"title": str, "sample": TEXT, "fields": ["field"]},
    "field": {"label": str, "value": str, "mark": int, "explain": TEXT},
}
REQUIRED = {
    "diagram": {"caption"},
    "column": {"steps"},
    "step": {"title", "text"},
    "paper": {"title", "sample", "fields"},
    "field": {"label", "value"},
}


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _citations(text: str) -> list[str]:
    return sorted(CITATION.findall(text))


def _check_text(node: yaml.Node, where: str) -> None:
    if not isinstance(node, yaml.MappingNode):
        raise fail(FILE, _line(node), f"{where}: expected {{en: ..., es: ...}}",
                   "write the text in both languages, e.g. {en: Bond, es: Fianza}")
    texts = {k.value: v for k, v in node.value}
    for lang in LANGS:
        value = texts.get(lang)
        if value is None or not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
            raise fail(FILE, _line(node), f"{where}: no '{lang}' text",
                       "every diagram text has the same words in English and Spanish")
    extra = sorted(set(texts) - set(LANGS))
    if extra:
        raise fail(FILE, _line(node), f"{where}: unknown language {extra[0]!r}", "use en and es")
    for lang in LANGS:
        for m in GS_LINK.finditer(texts[lang].value):
            if not SECTION.match(m.group(2)):
                raise fail(FILE, _line(texts[lang]), f"bad statute link 'gs:{m.group(2)}'",
                           "write the section like gs:90-96 or gs:15A-1341")
    en, es = (_citations(texts[lang].value) for lang in LANGS)
    if en != es:
        raise fail(FILE, _line(node), f"{where}: statutes differ between en {en} and es {es}",
                   "cite the same statutes in both languages")


def _check(node: yaml.Node, kind: Any, where: str) -> None:
    if kind == TEXT:
        return _check_text(node, where)
    if kind == "icon":
        if not isinstance(node, yaml.ScalarNode) or not (ICONS / f"{node.value}.svg").is_file():
            raise fail(FILE, _line(node), f"{where}: no Material icon {node.value!r}",
                       "use a file name from material/templates/.icons/material/ without .svg")
        return None
    if kind in (str, int, bool):
        tag = {str: "str", int: "int", bool: "bool"}[kind]
        if not isinstance(node, yaml.ScalarNode) or not node.tag.endswith(tag) or not str(node.value).strip():
            raise fail(FILE, _line(node), f"{where}: expected a {kind.__name__}", "")
        return None
    if isinstance(kind, list):
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            raise fail(FILE, _line(node), f"{where}: expected a list of {kind[0]}s", "")
        for i, item in enumerate(node.value):
            _check(item, kind[0], f"{where}[{i + 1}]")
        return None
    shape = SHAPE[kind]
    if not isinstance(node, yaml.MappingNode):
        raise fail(FILE, _line(node), f"{where}: expected a mapping ({', '.join(shape)})", "")
    keys = {k.value: (k, v) for k, v in node.value}
    for key, (knode, _) in keys.items():
        if key not in shape:
            raise fail(FILE, _line(knode), f"{where}: unknown key {key!r}",
                       f"a {kind} has {', '.join(shape)}")
    missing = sorted(REQUIRED[kind] - set(keys))
    if missing:
        raise fail(FILE, _line(node), f"{where}: missing {missing[0]!r}", f"a {kind} needs {', '.join(sorted(REQUIRED[kind]))}")
    if kind == "diagram" and ("columns" in keys) == ("paper" in keys):
        raise fail(FILE, _line(node), f"{where}: needs either 'columns' or 'paper'", "")
    for key, (_, value) in keys.items():
        _check(value, shape[key], f"{where}.{key}")
    return None


def load(path: Path) -> Diagrams:
    text = read_text(path, FILE)
    data = load_yaml(text, FILE)
    root = compose_yaml(text)
    if not isinstance(root, yaml.MappingNode) or not isinstance(data, dict) or "diagrams" not in data:
        raise fail(FILE, 1, "expected 'diagrams:' and 'home_icons:'", "see the comment at the top of the file")
    top = {k.value: (k, v) for k, v in root.value}
    out = Diagrams()
    _, dnode = top["diagrams"]
    if not isinstance(dnode, yaml.MappingNode):
        raise fail(FILE, _line(dnode), "'diagrams' must map ids to diagrams", "")
    for knode, vnode in dnode.value:
        if not re.fullmatch(r"[a-z0-9-]+", str(knode.value)):
            raise fail(FILE, _line(knode), f"diagram id {knode.value!r}", "use lower-case letters, digits and -")
        _check(vnode, "diagram", str(knode.value))
        out.lines[knode.value] = _line(knode)
    out.diagrams = data["diagrams"]
    if "home_icons" in top:
        _, hnode = top["home_icons"]
        hkeys = {k.value: v for k, v in hnode.value} if isinstance(hnode, yaml.MappingNode) else {}
        if "now" in hkeys:
            _check(hkeys["now"], "icon", "home_icons.now")
        if "links" in hkeys and isinstance(hkeys["links"], yaml.MappingNode):
            for k, v in hkeys["links"].value:
                _check(v, "icon", f"home_icons.links.{k.value}")
        out.home_icons = data["home_icons"] or {}
    return out


# ---- one language, ready for the template ------------------------------------

def rich(text: str) -> Markup:
    """Escape a text; its statute links become links."""
    out, pos = [], 0
    for m in GS_LINK.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(Markup('<a href="{}">{}</a>').format(gs_url(m.group(2)), m.group(1)))
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def localize(value: Any, lang: str) -> Any:
    if isinstance(value, dict):
        if set(value) == set(LANGS):
            return rich(str(value[lang]))
        return {k: localize(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [localize(v, lang) for v in value]
    return value


@cache
def icon_svg(name: str) -> Markup:
    """Material's icon as inline SVG (decoration: the caller hides it)."""
    svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8").strip()
    return Markup(svg.replace("<svg ", '<svg focusable="false" ', 1))


def partial(name: str, strings: dict[str, str], partials: Path | None = None) -> Any:
    """overrides/partials/<name> as a module of macros, `t('key')` reading
    one language's strings (a missing key fails)."""
    def t(key: str) -> str:
        if key not in strings:
            raise ContentError(f"data/strings.yml: no '{key}' string")
        return strings[key]
    return _env(partials).get_template(name).make_module({"t": t})


@cache  # one per process and folder: compiling every partial again for each page was the
def _env(partials: Path | None = None) -> Environment:  # 1000-post profile's top cost; auto_reload sees edits
    env = Environment(
        loader=FileSystemLoader([str(partials or here().overrides / "partials"), str(THEME)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render(diagram_id: str, diagram: dict[str, Any], lang: str, strings: dict[str, str],
           partials: Path | None = None) -> str:
    """The <figure> for one diagram in one language (one line per element,
    no blank line: it stays one raw-HTML block inside the page's Markdown)."""
    module = partial("diagrams.html", strings, partials)
    html = str(module.figure(diagram_id, localize(diagram, lang)))
    return "\n".join(line for line in html.splitlines() if line.strip())


def home_icon(name: str, partials: Path | None = None) -> str:
    module = _env(partials).get_template("diagrams.html").make_module({"t": lambda k: k})
    icon: Any = module.icon  # type: ignore[attr-defined]  # a macro of the template
    return str(icon(name, "dl-icon"))
