"""The site's words (data/terms.yml): check every source, mark embedded terms.

- `check_project(root)` -> every use of a word the file refuses, in Spanish
  pages and posts (Markdown source with its front matter, so the line is
  exact), every `es:` value in every YAML file under data/ (walked
  generically: a new data file is covered without a code change; only
  data/terms.yml itself is left out) and the Spanish strings in mkdocs.yml;
  entries with `lang: [en, es]` are checked in English sources too.
  An English term in a Spanish *data* string is refused unless it is written
  `*probation*` (asterisks, no space): that one form is rendered as
  <i lang="en">probation</i> (see `mark_embedded`), so screen readers
  pronounce it in English. `first_use` entries ask for a gloss: on a Spanish
  page, the first use of the word must have its explanation near it.
- `mark_embedded(html, terms, lang)` -> the page's HTML with each listed term
  of the other language wrapped in <span lang="..">, and each `*term*` left
  literal by a data string (the term from the same list, nothing else)
  turned into <i lang="en">term</i>; never in text already inside an element
  with that lang, attributes, <head>, <script>, <style>, <code>, <pre> and
  form controls whose content cannot hold markup. It works on the escaped
  HTML text: a data value stays text, only that one pattern becomes markup.

Message format (documented in docs/maintainers/CONTRIBUTING.md):
    FILE:LINE: "<found>" — write "<preferred>" (<reason>)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitebuild import parallel
from sitebuild.data import read_data
from sitebuild.errors import BuildError, located
from sitebuild.project import LANGS
from sitebuild.schema import check, line_of
from sitebuild.schema.content import Avoid, FirstUseEntry, TermsFile
from sitebuild.sourcefiles import SAFE_LOADER

TERMS_FILE = Path("data") / "terms.yml"
DATA_DIR = "data"
DATA_SUFFIXES = (".yml", ".yaml")
# data/terms.yml names the words it refuses; data/search.yml lists the words
# visitors TYPE into search (misspellings and refused words included, so the
# search finds the page anyway): it is never shown on a page.
EXCLUDED_DATA = (TERMS_FILE.as_posix(), "data/search.yml")
EXCLUDED_DOCS = ("maintainers/",)
EMBEDDED_REASON = 'English term in a Spanish data string: write it *like this* so it is marked lang="en", or in Spanish'
# The one markup a Spanish data string may carry: English words between
# asterisks, "libertad a prueba (*probation*)", rendered <i lang="en">probation</i>.
# Plain ASCII words only (letters, digits, space . ' -), so no markup can ride along.
MARKED_EN = re.compile(r"(?<![\w*])\*([A-Za-z][A-Za-z0-9.'\s-]*?[A-Za-z0-9.]|[A-Za-z])\*(?![\w*])")
FRONT = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


class TermsError(BuildError, ValueError):  # ValueError: older callers catch it
    """data/terms.yml itself is wrong: `data/terms.yml:LINE: problem. Hint: fix`."""


@dataclass(frozen=True)
class Violation:
    file: str
    line: int
    found: str
    write: str
    reason: str
    rule: str

    def __str__(self) -> str:
        return f'{self.file}:{self.line}: "{self.found}" — write "{self.write}" ({self.reason})'


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern[str]
    langs: frozenset[str]
    write: str
    reason: str
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()

    def excused(self, text: str, start: int, end: int) -> bool:
        before = text[max(0, start - 80):start].lower()
        after = text[end:end + 80].lower()
        return any(re.search(rf"(?<!\w){re.escape(p)} ?$", before) for p in self.not_after) or any(
            re.match(rf" ?{re.escape(p)}(?!\w)", after) for p in self.not_before
        )


@dataclass(frozen=True)
class FirstUse:
    """The first use of a word on a page must come with its gloss nearby."""
    id: str
    pattern: re.Pattern[str]
    gloss: re.Pattern[str]
    within: int
    write: str
    reason: str
    pages: tuple[str, ...] = ()  # docs/ paths; empty: every Spanish page and post

    def applies_to(self, rel: str) -> bool:
        return not self.pages or rel in self.pages


@dataclass(frozen=True)
class Exception_:
    file: str
    rule: str
    reason: str
    max: int | None


@dataclass(frozen=True)
class Embedded:
    """Words of `mark` (a language) inside pages of another language."""
    mark: str
    pattern: re.Pattern[str]
    spanish: dict[str, str]  # term (lower case) -> the Spanish to write in data strings
    # The first word of each term, lower case: a text holding none of them
    # cannot match `pattern`, found with `in` (C speed) instead of the
    # case-blind regex (a fifth of a 1000-post build). None: always search.
    needles: tuple[str, ...] | None = None

    def may_match(self, text: str) -> bool:
        if self.needles is None:
            return True
        low = text.lower()
        return any(n in low for n in self.needles) or any(c in text for c in _FOLDS)


# Letters re.IGNORECASE takes for ASCII ones that str.lower() does not turn
# into them (dotless i, dotted I, long s, Kelvin sign): a text holding one is
# always searched, so the prefilter never hides a match.
_FOLDS = frozenset("\u0131\u0130\u017f\u212a")


@dataclass(frozen=True)
class Terms:
    concepts: dict[str, dict[str, Any]]
    rules: tuple[Rule, ...]
    exceptions: tuple[Exception_, ...]
    embedded: dict[str, Embedded]  # page language -> words of the other language
    first_use: tuple[FirstUse, ...] = ()


# --------------------------------------------------------------------------- loading

def _phrase(words: str) -> str:
    """A literal phrase as a regex: one space matches one space (text is normalized)."""
    return " ".join(re.escape(w) for w in words.split())


def _words_regex(words: list[str]) -> str:
    alts = sorted({_phrase(w) for w in words}, key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])"


def load_terms(path: Path) -> Terms:
    """data/terms.yml checked against its model (sitebuild/schema/content.py
    TermsFile), then the references between its entries; every problem is
    `data/terms.yml:LINE: problem. Hint: fix`, all listed at once."""
    raw, text, where = read_data(path)
    model: TermsFile = check(TermsFile, raw, text, where, error=TermsError)
    problems = _cross_problems(model, text, where)
    if problems:
        raise TermsError("\n".join(problems))

    concepts = {c.id: c.model_dump(exclude_none=True) for c in model.concepts}

    def preferred(entry: Avoid | FirstUseEntry) -> str:
        return entry.write or concepts[str(entry.concept)]["es"]

    rules = tuple(Rule(
        id=entry.id,
        pattern=re.compile(_words_regex(entry.words) if entry.words else str(entry.regex),
                           0 if entry.case == "sensitive" else re.IGNORECASE),
        langs=frozenset(entry.lang), write=preferred(entry), reason=entry.reason,
        not_after=tuple(p.lower() for p in entry.not_after),
        not_before=tuple(p.lower() for p in entry.not_before),
    ) for entry in model.avoid)
    exceptions = tuple(Exception_(ex.file, ex.avoid, ex.reason, ex.max) for ex in model.exceptions)

    embedded: dict[str, Embedded] = {}
    for page_lang in LANGS:
        block = getattr(model.embedded, page_lang)
        if block is None:
            continue
        words = sorted({i.term for i in block.terms}, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        pattern = re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])", re.IGNORECASE)
        spanish = {i.term.lower(): i.es or "" for i in block.terms}
        firsts = tuple(sorted({w.split()[0].lower() for w in words}))
        embedded[page_lang] = Embedded(mark=block.lang, pattern=pattern, spanish=spanish,
                                       needles=firsts if all(map(str.isascii, firsts)) else None)

    first_use = tuple(FirstUse(
        id=entry.id, pattern=re.compile(_words_regex(entry.words), re.IGNORECASE),
        gloss=re.compile(entry.gloss, re.IGNORECASE), within=entry.within, write=preferred(entry),
        reason=entry.reason, pages=tuple(entry.pages),
    ) for entry in model.first_use)
    return Terms(concepts, rules, exceptions, embedded, first_use)


def _cross_problems(model: TermsFile, text: str, where: str) -> list[str]:
    """What the model cannot see alone: ids used twice, a concept or an
    avoid id that no entry defines."""
    out: list[tuple[int, str]] = []

    def at(loc: tuple[str | int, ...], problem: str, hint: str) -> None:
        line = line_of(text, loc)
        out.append((line or 0, located(where, line, problem, hint)))

    first: dict[tuple[str, str], tuple[str | int, ...]] = {}  # (kind, id) -> loc of its first definition
    rules: list[tuple[str, int, Avoid | FirstUseEntry]] = [
        *(("avoid", i, e) for i, e in enumerate(model.avoid)),
        *(("first_use", i, e) for i, e in enumerate(model.first_use))]
    ids = [("concepts", i, c.id) for i, c in enumerate(model.concepts)] + [(k, i, e.id) for k, i, e in rules]
    for kind, i, ident in ids:
        group = "concepts" if kind == "concepts" else "rules"  # avoid and first_use ids share one space
        seen = first.setdefault((group, ident), (kind, i, "id"))
        if seen != (kind, i, "id"):
            at((kind, i, "id"), f"{kind}[{ident}]: the id '{ident}' is used twice "
               f"(first on line {line_of(text, seen)})", "give each entry its own id")
    concepts = {c.id for c in model.concepts}
    for kind, i, entry in rules:
        if entry.concept is not None and entry.concept not in concepts:
            at((kind, i, "concept"), f"{kind}[{entry.id}]: 'concept' names unknown concept '{entry.concept}'",
               "use the id of an entry under concepts:, or write: the words to write")
    for page_lang in LANGS:
        block = getattr(model.embedded, page_lang)
        for i, term in enumerate(block.terms if block else ()):
            if term.concept is not None and term.concept not in concepts:
                at(("embedded", page_lang, "terms", i, "concept"),
                   f"embedded.{page_lang}.terms[{i}]: 'concept' names unknown concept '{term.concept}'",
                   "use the id of an entry under concepts:, or leave concept out")
    avoid_ids = {entry.id for entry in model.avoid}
    for i, ex in enumerate(model.exceptions):
        if ex.avoid not in avoid_ids:
            at(("exceptions", i, "avoid"), f"exceptions[{i}]: 'avoid' names unknown avoid id '{ex.avoid}'",
               "use the id of an entry under avoid:")
    return [message for _, message in sorted(out, key=lambda item: item[0])]


# --------------------------------------------------------------------------- checking

# Parts of a Markdown (or data) string that readers do not see as words: each
# is blanked with spaces (line breaks kept, so line numbers stay exact).
_MASKS = [
    re.compile(r"^(```|~~~).*?^\1", re.M | re.S),            # fenced code
    re.compile(r"<!--.*?-->", re.S),                          # comments
    re.compile(r"`[^`\n]*`"),                                 # inline code
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S),                # Jinja: {{ firm.phone }}
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),           # link targets ](url "title")
    re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*", re.M),          # reference definitions
    re.compile(r"<[^<>\n]*>"),                                # HTML tags and autolinks
    re.compile(r"\{[^{}\n]*\}"),                              # attribute lists { #id lang=en }
    re.compile(r"[*_]+"),                                     # emphasis markers
]
_BLANK = re.compile(r"[^\n]")


def _mask(text: str) -> str:
    for pattern in _MASKS:
        text = pattern.sub(lambda m: _BLANK.sub(" ", m.group(0)), text)
    return text


_SPACES = re.compile(r"\s+")
_COLLAPSED = re.compile(r"\s{2,}|[^\S ]")  # the runs that are not already one plain space


class _Index:
    """index[i]: where the i-th character of the collapsed text sits in the
    original. Only runs that collapse shift positions, so only those are kept
    (a plain single space maps to itself), and only once a position is asked
    for: most texts have nothing to report."""

    def __init__(self, text: str) -> None:
        self._text = text

    @functools.cached_property
    def _runs(self) -> tuple[list[int], list[int]]:
        starts: list[int] = []  # each collapsing run's position in the collapsed text
        shifts: list[int] = []  # characters dropped up to and including that run
        dropped = 0
        for m in _COLLAPSED.finditer(self._text):
            starts.append(m.start() - dropped)
            dropped += m.end() - m.start() - 1
            shifts.append(dropped)
        return starts, shifts

    def __getitem__(self, i: int) -> int:
        starts, shifts = self._runs
        k = bisect.bisect_left(starts, i)  # runs that start before i
        return i + (shifts[k - 1] if k else 0)


def _normalize(text: str) -> tuple[str, _Index]:
    """Collapse each run of white space to one space; index[i] is where the
    i-th character of the result sits in `text`."""
    return _SPACES.sub(" ", text), _Index(text)


def check_text(terms: Terms, text: str, lang: str, file: str, first_line: int = 1,
               data_string: bool = False) -> list[Violation]:
    """Words to change in `text` (Markdown or a data string) written in `lang`."""
    raw = text
    norm, index = _normalize(_mask(text))
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Violation]] = []

    def add(start: int, end: int, write: str, reason: str, rule: str) -> None:
        taken.append((start, end))
        line = first_line + raw.count("\n", 0, index[start])
        found.append((start, Violation(file, line, norm[start:end].strip(), write, reason, rule)))

    for rule in terms.rules:
        if lang not in rule.langs:
            continue
        for m in rule.pattern.finditer(norm):
            s, e = m.span()
            if s == e or any(s < te and ts < e for ts, te in taken) or rule.excused(norm, s, e):
                continue
            add(s, e, rule.write, rule.reason, rule.id)
    embedded = terms.embedded.get(lang)
    if data_string and embedded is not None and embedded.mark != lang and lang == "es":
        marked = [m.span(1) for m in MARKED_EN.finditer(raw)] if embedded.mark == "en" else []
        for m in embedded.pattern.finditer(norm):
            s, e = m.span()
            if any(ms <= index[s] < me for ms, me in marked):
                continue
            if not any(s < te and ts < e for ts, te in taken):
                term = " ".join(m.group(0).split()).lower()
                add(s, e, embedded.spanish.get(term) or "a Spanish word", EMBEDDED_REASON, "embedded")
    return [v for _, v in sorted(found, key=lambda item: item[0])]


def check_first_use(terms: Terms, text: str, rel: str) -> list[Violation]:
    """On a Spanish page: the first use of each `first_use` word (in the body,
    not the front matter or a heading) must have its gloss in the same paragraph, at most
    `within` characters before or after it."""
    if page_lang_of(rel) != "es":
        return []
    front = FRONT.match(text)
    body_start = front.end() if front else 0
    # Headings name a topic; the explanation belongs to the first use in the text.
    masked = re.sub(r"(?m)^ {0,3}#{1,6} .*$", lambda m: _BLANK.sub(" ", m.group(0)), _mask(text))
    out = []
    for rule in terms.first_use:
        if not rule.applies_to(rel):
            continue
        m = rule.pattern.search(masked, body_start)
        if m is None:
            continue
        start, end = m.span()
        breaks = [b.end() for b in re.finditer(r"\n[ \t>]*\n", masked[:start])]
        para_start = max([body_start, *breaks])
        after = re.search(r"\n[ \t>]*\n", masked[end:])
        para_end = end + after.start() if after else len(masked)
        window = masked[max(para_start, start - rule.within):min(para_end, end + rule.within)]
        if rule.gloss.search(" ".join(window.split())):
            continue
        line = text.count("\n", 0, start) + 1
        out.append(Violation(rel, line, " ".join(m.group(0).split()), rule.write, rule.reason, rule.id))
    return out


def _lang_values(node: yaml.Node, seen: set[int] | None = None) -> Iterator[tuple[str, yaml.ScalarNode]]:
    """Every scalar under an `en:` / `es:` key in a composed YAML document,
    at any depth (a value may also be a list). A node shared through a YAML
    anchor (&des ... *des) is reported once, at the line where it is written."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in LANGS:
                for scalar in _scalars(value, seen):
                    yield key.value, scalar
            else:
                yield from _lang_values(value, seen)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _lang_values(item, seen)


def _scalars(node: yaml.Node, seen: set[int]) -> Iterator[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        if id(node) not in seen:
            seen.add(id(node))
            yield node
    elif isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        if id(node) in seen:
            return
        seen.add(id(node))
        children = node.value if isinstance(node, yaml.SequenceNode) else [v for _, v in node.value]
        for child in children:
            yield from _scalars(child, seen)


def data_files(root: Path) -> list[str]:
    """Every YAML file under data/ (sub-folders too), except data/terms.yml."""
    base = root / DATA_DIR
    paths = sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES) if base.is_dir() else []
    rels = [p.relative_to(root).as_posix() for p in paths]
    return [r for r in rels if r not in EXCLUDED_DATA]


def _compose(path: Path, rel: str) -> tuple[str, yaml.Node | None]:
    text = path.read_text(encoding="utf-8")
    try:
        # compose() builds the node tree only: tags like !ENV need no constructor.
        return text, yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as err:
        raise TermsError(f"{rel}: invalid YAML: {err}") from err


def _check_node(terms: Terms, text: str, node: yaml.ScalarNode, lang: str, rel: str) -> list[Violation]:
    source = text[node.start_mark.index:node.end_mark.index]
    return check_text(terms, source, lang, rel, node.start_mark.line + 1, data_string=True)


def check_data_file(terms: Terms, path: Path, rel: str) -> list[Violation]:
    text, doc = _compose(path, rel)
    out: list[Violation] = []
    for lang, node in _lang_values(doc) if doc is not None else ():
        out += _check_node(terms, text, node, lang, rel)
    return out


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def check_mkdocs_yml(terms: Terms, path: Path, rel: str = "mkdocs.yml") -> list[Violation]:
    """site_name, site_description (top level and per language) and the
    Spanish menu titles (plugins > i18n > languages > nav_translations)."""
    text, doc = _compose(path, rel)
    out: list[Violation] = []
    strings: list[tuple[str, yaml.Node | None]] = [
        ("en", _get(doc, "site_name")), ("en", _get(doc, "site_description"))]
    plugins = _get(doc, "plugins")
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else ():
        languages = _get(_get(item, "i18n"), "languages")
        for language in languages.value if isinstance(languages, yaml.SequenceNode) else ():
            locale = _get(language, "locale")
            lang = locale.value if isinstance(locale, yaml.ScalarNode) else ""
            strings += [(lang, _get(language, "site_name")), (lang, _get(language, "site_description"))]
            nav = _get(language, "nav_translations")
            if isinstance(nav, yaml.MappingNode):
                strings += [(lang, value) for _, value in nav.value]
    seen: set[int] = set()
    for lang, node in strings:
        if lang in LANGS and isinstance(node, yaml.ScalarNode) and id(node) not in seen:
            seen.add(id(node))
            out += _check_node(terms, text, node, lang, rel)
    # Any other `es:` / `en:` value (e.g. under extra:), so nothing Spanish escapes.
    for lang, node in _lang_values(doc, seen) if doc is not None else ():
        out += _check_node(terms, text, node, lang, rel)
    return out


def page_lang_of(rel: str) -> str:
    return "es" if rel.endswith(".es.md") else "en"


def apply_exceptions(terms: Terms, found: list[Violation]) -> list[Violation]:
    allowed = {(ex.file, ex.rule): ex for ex in terms.exceptions}
    used: Counter[tuple[str, str]] = Counter()
    out = []
    for v in found:
        ex = allowed.get((v.file, v.rule))
        if ex is not None:
            used[(v.file, v.rule)] += 1
            if ex.max is None or used[(v.file, v.rule)] <= ex.max:
                continue
            v = Violation(v.file, v.line, v.found, v.write,
                          f"{v.reason}; data/terms.yml allows it here only {ex.max} time(s)", v.rule)
        out.append(v)
    return out


def check_project(root: Path, terms: Terms | None = None) -> list[Violation]:
    """Every word to change in the project's pages, data strings and mkdocs.yml."""
    terms = terms or load_terms(root / TERMS_FILE)
    docs = root / "docs"
    paths = [p for p in sorted(docs.rglob("*.md")) if not p.relative_to(docs).as_posix().startswith(EXCLUDED_DOCS)]

    def check_page(path: Path) -> list[Violation]:
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        return check_text(terms, text, page_lang_of(rel), rel) + check_first_use(terms, text, rel)

    # Two processes from 400 pages on (sitebuild/parallel.py); the same list, in order.
    found = [v for page in parallel.in_two(check_page, paths) for v in page]
    for rel in data_files(root):
        found += check_data_file(terms, root / rel, rel)
    found += check_mkdocs_yml(terms, root / "mkdocs.yml")
    return apply_exceptions(terms, found)


# --------------------------------------------------------------------------- marking

_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>",
    re.S,
)
_LANG_ATTR = re.compile(r"""(?:^|\s)lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Text that cannot hold a <span> or is not prose.
_SKIP = frozenset("head title script style code pre kbd samp textarea option select svg math template".split())
_RAW = frozenset(("script", "style", "textarea", "title"))


_RAW_END = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in _RAW}


def _in_own_lang(html: str, start: int, mark: str) -> bool:
    """True when the text at `start` can never be marked: it sits inside a
    tag or comment, or right inside (no tag between) an element whose lang
    is already `mark` (the topbar's <a lang="es">Hablamos español</a>).
    False when unsure: the whole page is then walked."""
    lt, gt = html.rfind("<", 0, start), html.rfind(">", 0, start)
    if lt == -1:
        return False
    tag = _TOKEN.match(html, lt)
    if gt < lt:  # inside a tag or comment (the walk treats it as markup), or after a stray "<"
        return tag is not None and tag.end() > start
    if tag is None or tag.end() != gt + 1:
        return False
    closing, name, attrs = tag.groups()
    if name is None or closing or name.lower() in _VOID or attrs.endswith("/") or "lang" not in attrs:
        return False
    lang = _LANG_ATTR.search(attrs)
    value = next((g for g in lang.groups() if g is not None), "") if lang else ""
    return value.lower().startswith(mark)


def _needs_marking(html: str, embedded: Embedded) -> bool:
    """Whether mark_embedded can change the page: a data string's *term*, or
    a term outside an element already in its language. Found from the terms'
    first words (bytes.find) and the pattern tried only where one starts, not
    the case-blind pattern over every character of the page.

    The needles are ASCII, so they are looked for in the page's UTF-8 bytes
    with only ASCII letters lowered: str.lower() of a page with accented
    letters cost more than the rest of this check (0.27 ms a page). The
    same places are found: no letter but those of _FOLDS (which take the
    case-blind search) lowers to an ASCII one."""
    if "*" in html:
        return True
    needles = embedded.needles
    if needles is None or any(c in html for c in _FOLDS):
        return embedded.pattern.search(html) is not None
    head_start, head_end = _head(html)  # characters; as bytes below
    head_start, head_end = len(html[:head_start].encode("utf-8")), len(html[:head_end].encode("utf-8"))
    data = html.encode("utf-8")
    low = data.lower()
    hits: set[int] = set()  # where a needle starts, in bytes, outside <head>
    for needle in needles:
        word = needle.encode("ascii")
        at = low.find(word)
        while at != -1:
            if head_start <= at < head_end:  # never marked: look again after </head
                at = low.find(word, head_end)
                continue
            hits.add(at)
            at = low.find(word, at + 1)
    done, start = 0, 0  # bytes decoded so far, and their characters
    for at in sorted(hits):
        start += len(data[done:at].decode("utf-8"))  # an ASCII byte starts a character
        done = at
        if embedded.pattern.match(html, start) and not _in_own_lang(html, start, embedded.mark):
            return True
    return False


_HEAD_OPEN = re.compile(r"<head(?:\s[^<>]*)?>", re.I)
_HEAD_CLOSE = re.compile(r"</head", re.I)


def _head(html: str) -> tuple[int, int]:
    """Where the page's <head> content sits, which mark_embedded never marks
    (_SKIP): every page's JSON-LD, meta description and feed title name the
    firm and the site ("diversion.example.org", "Attorney at Law"), so without
    this every Spanish page took the full walk (2.6 ms, 2.6 s at 1000 posts)
    and changed nothing. Only a <head> the walk is sure to see counts: the
    page's leading tokens (doctype, comments, <html>) up to it, white space
    between them; the span ends at the first "</head" after it, which is at or
    before the walk's own end of <head>. (0, 0) when unsure: nothing skipped."""
    pos = 0
    for m in _TOKEN.finditer(html):
        if html[pos:m.start()].strip():
            return 0, 0
        pos = m.end()
        closing, tag, _ = m.groups()
        if tag is None:  # doctype, comment
            continue
        if closing or tag.lower() not in ("html", "head"):
            return 0, 0
        if tag.lower() == "head":
            if not _HEAD_OPEN.fullmatch(m.group(0)):
                return 0, 0
            end = _HEAD_CLOSE.search(html, pos)
            return (pos, end.start()) if end else (0, 0)
    return 0, 0


def mark_embedded(html: str, terms: Terms, page_lang: str) -> str:
    """Wrap each term of the other language in <span lang="..">; see module doc."""
    embedded = terms.embedded.get(page_lang)
    if embedded is None or not _needs_marking(html, embedded):
        return html
    mark, pattern, may_match = embedded.mark, embedded.pattern, embedded.may_match
    wrap = lambda m: f'<span lang="{mark}">{m.group(0)}</span>'  # noqa: E731

    def convert(chunk: str) -> str:
        """A text chunk: *term* (left literal by a data string) -> <i lang>, bare terms -> <span lang>."""
        if any(tag in _SKIP for tag, _ in stack):
            return chunk
        bare = active()
        parts, last = [], 0
        for m in MARKED_EN.finditer(chunk) if mark == "en" else ():
            parts.append(pattern.sub(wrap, chunk[last:m.start()]) if bare else chunk[last:m.start()])
            parts.append(f'<i lang="{mark}">{m.group(1)}</i>')
            last = m.end()
        rest = chunk[last:]
        parts.append(pattern.sub(wrap, rest) if bare and pattern.search(rest) else rest)
        return "".join(parts)
    stack: list[tuple[str, str | None]] = []  # open elements: (tag, lang attribute)
    out: list[str] = []
    pos = 0

    def active() -> bool:
        if any(tag in _SKIP for tag, _ in stack):
            return False
        for _, lang in reversed(stack):
            if lang is not None:
                return not lang.lower().startswith(mark)
        return True

    for m in _TOKEN.finditer(html):
        if m.start() < pos:  # inside a raw element already copied
            continue
        chunk = html[pos:m.start()]
        # Most chunks are the white space between tags: no word, no search.
        if chunk and not chunk.isspace() and ("*" in chunk or (may_match(chunk) and pattern.search(chunk))):
            chunk = convert(chunk)
        out.append(chunk)
        out.append(m.group(0))
        pos = m.end()
        closing, tag, attrs = m.groups()
        if tag is None:  # comment, doctype, CDATA
            continue
        tag = tag.lower()
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == tag:
                    del stack[i:]
                    break
        elif tag in _RAW:  # copy everything up to the end tag as it is
            close = _RAW_END[tag].search(html, pos)
            stop = close.start() if close else len(html)
            out.append(html[pos:stop])
            pos = stop
        elif tag not in _VOID and not attrs.endswith("/"):
            lang = _LANG_ATTR.search(attrs) if "lang" in attrs else None
            stack.append((tag, next(g for g in lang.groups() if g is not None) if lang else None))
    chunk = html[pos:]
    if chunk and (pattern.search(chunk) or "*" in chunk):
        chunk = convert(chunk)
    out.append(chunk)
    return "".join(out)
