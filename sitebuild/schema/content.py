"""The models of the content data files: the site's words (data/terms.yml),
the glossary's pop-up words (data/glossary.yml), the diagrams
(data/diagrams.yml) and the search words (data/search.yml).

A model says the shape and every rule one value can be checked by alone (a
regex that compiles, an icon Material bundles, the same statutes in both
languages of a diagram text). What needs the whole file or another file (an
unknown concept id, a duplicate id, a glossary entry missing from
docs/glossary*.md) is checked by the loader after the model, at the line of
the value (`core.line_of`), in the same `FILE:LINE: problem. Hint: fix`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

import material
from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, StrictInt, model_validator

from sitebuild.schema.core import Strict, Text
from sitebuild.schema.models import rule
from sitebuild.statutes import CITATION, SECTION

Lang = Literal["en", "es"]  # sitebuild/project.py LANGS


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as err:
        raise ValueError(f"is not a regular expression ({err}). Hint: write Python regex syntax, "
                         "in single quotes; a literal ( . or ? takes a backslash before it") from None
    return value


Regex = Annotated[Text, AfterValidator(_compiles)]
Words = Annotated[list[Text], Field(min_length=1)]


# ---- the site's words: data/terms.yml (sitebuild/terms.py) -----------------------------

def _listed(value: Any) -> Any:
    return [value] if isinstance(value, str) else value  # lang: es is lang: [es]


class Concept(Strict):
    id: Text
    en: Text
    es: Text
    note: Text | None = None


class _Preferred(Strict):
    """An entry that names the word to write: `write`, or a concept's `es`."""

    concept: Text | None = None
    write: Text | None = None

    @model_validator(mode="after")
    def _says_what_to_write(self) -> Any:
        if not (self.write or self.concept):
            raise ValueError("names no word to write instead. Hint: add write: the words to write, "
                             "or concept: an id from concepts")
        return self


class Avoid(_Preferred):
    id: Text
    words: Words | None = None
    regex: Regex | None = None
    case: Literal["sensitive", "insensitive"] = "insensitive"
    lang: Annotated[list[Lang], BeforeValidator(_listed), Field(min_length=1)] = ["es"]
    reason: Text
    not_after: list[Text] = []
    not_before: list[Text] = []

    @model_validator(mode="after")
    def _one_pattern(self) -> Any:
        if (self.words is None) == (self.regex is None):
            raise ValueError("needs either 'words' or 'regex'. Hint: give the word forms "
                             "(words: [a, b]) or one regex (regex: '...'), not both")
        return self


SpanishPage = Annotated[str, rule(r".*\.es\.md$", "is not a Spanish page", "write a Spanish page, like docs/faq.es.md")]


class FirstUseEntry(_Preferred):
    id: Text
    words: Words
    gloss: Regex
    within: StrictInt = Field(300, ge=1, description="the number of characters before or after, like 300")
    reason: Text
    pages: list[SpanishPage] = []


class TermException(Strict):
    file: Text
    avoid: Text
    reason: Text
    max: StrictInt | None = None


class EmbeddedTerm(Strict):
    term: Text
    concept: Text | None = None
    es: Text | None = None


class EmbeddedBlock(Strict):
    lang: Lang
    terms: Annotated[list[EmbeddedTerm], Field(min_length=1)]


class EmbeddedLangs(Strict):
    """Page language -> the words of the other language in its text."""

    en: EmbeddedBlock | None = None
    es: EmbeddedBlock | None = None


class TermsFile(Strict):
    concepts: list[Concept] = []
    avoid: list[Avoid] = []
    exceptions: list[TermException] = []
    first_use: list[FirstUseEntry] = []
    embedded: EmbeddedLangs = Field(default_factory=EmbeddedLangs)


# ---- the glossary's pop-up words: data/glossary.yml (sitebuild/glossary.py) -----------

class GlossaryWords(Strict):
    en: Words
    es: Words


class GlossaryFile(Strict):
    terms: dict[str, GlossaryWords]


# ---- diagrams: data/diagrams.yml (sitebuild/diagrams.py) --------------------------------

ICONS = Path(material.__file__).resolve().parent / "templates" / ".icons" / "material"
GS_LINK = re.compile(r"\[([^\[\]\n]+)\]\(gs:([^)\s]*)\)")  # [G.S. 90-96](gs:90-96)
ICON_HINT = "use a file name from material/templates/.icons/material/ without .svg"


def _icon(value: str) -> str:
    if "/" in value or not (ICONS / f"{value}.svg").is_file():
        raise ValueError(f"is not a Material icon, got {value!r}. Hint: {ICON_HINT}")
    return value


def _statute_links(value: str) -> str:
    for m in GS_LINK.finditer(value):
        if not SECTION.match(m.group(2)):
            raise ValueError(f"has a bad statute link 'gs:{m.group(2)}'. "
                             "Hint: write the section like gs:90-96 or gs:15A-1341")
    return value


Icon = Annotated[str, AfterValidator(_icon)]
Rich = Annotated[Text, AfterValidator(_statute_links)]  # escaped; [G.S. 90-96](gs:90-96) becomes a link


class DiagramText(Strict):
    """{en, es}, citing the same statutes in both languages."""

    en: Rich
    es: Rich

    @model_validator(mode="after")
    def _same_statutes(self) -> Any:
        en, es = sorted(CITATION.findall(self.en)), sorted(CITATION.findall(self.es))
        if en != es:
            raise ValueError(f"cites different statutes in en {en} and es {es}. "
                             "Hint: cite the same statutes in both languages")
        return self


class Step(Strict):
    icon: Icon | None = None
    title: DiagramText
    text: DiagramText


class Column(Strict):
    title: DiagramText | None = None
    steps: Annotated[list[Step], Field(min_length=1)]


class PaperField(Strict):
    label: Text
    value: Text
    mark: StrictInt | None = None
    explain: DiagramText | None = None


class Paper(Strict):
    title: Text
    sample: DiagramText
    fields: Annotated[list[PaperField], Field(min_length=1)]


class Diagram(Strict):
    caption: DiagramText
    columns: Annotated[list[Column], Field(min_length=1)] | None = None
    ordered: StrictBool = True
    note: Step | None = None
    paper: Paper | None = None

    @model_validator(mode="after")
    def _flow_or_paper(self) -> Any:
        if (self.columns is None) == (self.paper is None):
            raise ValueError("needs either 'columns' or 'paper'. Hint: a diagram is steps in "
                             "columns (columns:) or a drawn court paper (paper:), not both")
        return self


class HomeIcons(Strict):
    now: Icon | None = None
    links: dict[str, Icon] = {}  # a page (docs/ file) -> its icon


class DiagramsFile(Strict):
    diagrams: dict[str, Diagram]
    home_icons: HomeIcons = Field(default_factory=HomeIcons)


# ---- search words: data/search.yml (sitebuild/search_keywords.py) -----------------------

class SearchWords(Strict):
    """Language -> a docs/ page file -> the words that should find it."""

    en: dict[str, list[Text]] = {}
    es: dict[str, list[Text]] = {}
