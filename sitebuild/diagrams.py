"""Diagrams of a case's path: data/diagrams.yml -> <figure data-diagram="ID">.

The data file holds every word of every diagram as {en: ..., es: ...}; it is
checked against its model (sitebuild/schema/content.py DiagramsFile), with
the line of each mistake:
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
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from sitebuild.data import read_data
from sitebuild.errors import ContentError, located
from sitebuild.project import LANGS
from sitebuild.schema import check, line_of
from sitebuild.schema.content import GS_LINK, ICONS, DiagramsFile
from sitebuild.statutes import gs_url

FILE = "data/diagrams.yml"
THEME = Path(material.__file__).resolve().parent / "templates"
MARKER = re.compile(r"^<!-- diagram: ([a-z0-9-]+) -->[ \t]*$", re.M)

__all__ = ["ContentError", "Diagrams", "DiagramsError", "MARKER", "load", "render", "icon_svg"]


@dataclass
class Diagrams:
    diagrams: dict[str, dict[str, Any]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    home_icons: dict[str, Any] = field(default_factory=dict)


class DiagramsError(ContentError):
    """data/diagrams.yml is wrong: `data/diagrams.yml:LINE: problem. Hint: fix`."""


ID = re.compile(r"[a-z0-9-]+")


def load(path: Path) -> Diagrams:
    """data/diagrams.yml checked against its model (sitebuild/schema/content.py
    DiagramsFile: shape, both languages, the same statutes in each, icons
    Material bundles), then the diagram ids (used in page markers)."""
    raw, text, where = read_data(path)
    model: DiagramsFile = check(DiagramsFile, raw, text, where, error=DiagramsError)
    out = Diagrams()
    for diagram_id in model.diagrams:
        line = line_of(text, ("diagrams", diagram_id))
        if not ID.fullmatch(diagram_id):
            raise DiagramsError(located(where, line, f"diagrams: the id '{diagram_id}' is not a short name",
                                        "use lower-case letters, digits and -"))
        out.lines[diagram_id] = line or 0
    data = model.model_dump(exclude_unset=True)  # plain mappings: the template reads d.get('paper')
    out.diagrams = data["diagrams"]
    out.home_icons = data.get("home_icons") or {}
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


def partial(name: str, strings: dict[str, str], partials: Path) -> Any:
    """overrides/partials/<name> as a module of macros, `t('key')` reading
    one language's strings (a missing key fails)."""
    def t(key: str) -> str:
        if key not in strings:
            raise ContentError(f"data/strings.yml: no '{key}' string")
        return strings[key]
    return _env(partials).get_template(name).make_module({"t": t})


@cache  # one per process and folder: compiling every partial again for each page was the
def _env(partials: Path) -> Environment:  # 1000-post profile's top cost; auto_reload sees edits
    env = Environment(
        loader=FileSystemLoader([str(partials), str(THEME)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render(diagram_id: str, diagram: dict[str, Any], lang: str, strings: dict[str, str],
           partials: Path) -> str:
    """The <figure> for one diagram in one language (one line per element,
    no blank line: it stays one raw-HTML block inside the page's Markdown)."""
    module = partial("diagrams.html", strings, partials)
    html = str(module.figure(diagram_id, localize(diagram, lang)))
    return "\n".join(line for line in html.splitlines() if line.strip())


def home_icon(name: str, partials: Path) -> str:
    module = _env(partials).get_template("diagrams.html").make_module({"t": lambda k: k})
    icon: Any = module.icon  # type: ignore[attr-defined]  # a macro of the template
    return str(icon(name, "dl-icon"))
