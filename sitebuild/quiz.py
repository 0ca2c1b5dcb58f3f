"""The eligibility quiz's reference evaluator and validator (data/quiz.yml).

Usage: python -m scripts.quiz [--file PATH] [--lang en|es] [--paths] [QUESTION=OPTION ...]
With answers, prints the outcome id, the rule, the reasons, the warnings and
the path; without answers, checks the file and prints what it holds.

The browser module (docs/assets/js/quiz.js) implements the same three rules,
and tests/test_quiz_browser.py checks that both agree on every answer path:
- questions are asked in file order; a question is shown only when every
  earlier question named in its `show_if` is shown and got a listed answer;
- answers to questions that are not shown do not count;
- the first rule whose `when` matches decides; the answers named in `when`
  are the reasons;
- a rule with `fallback_title` also shows the result of the first later rule
  without `fallback_title` that matches ("if the overdose law does not
  protect you").
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

from sitebuild.errors import BuildError

from sitebuild.review import ReviewError, parse_reviewed
from sitebuild.statutes import ContentError, gs_url

ROOT = Path(__file__).resolve().parent.parent
QUIZ_FILE = ROOT / "data" / "quiz.yml"
LANGS = ("en", "es")
ID = re.compile(r"^[a-z][a-z0-9_]*$")
UI_KEYS = (
    "region", "next", "back", "restart", "clear", "print", "progress",
    "error_choose", "cleared", "privacy", "nojs", "result_label", "reasons",
    "assumptions", "assume_answers", "citations", "all_answers", "call",
    "contact", "criteria_heading", "criteria_intro", "when", "law",
    "contact_heading", "contact_text",
)
PLACEHOLDER = re.compile(r"\{[a-z]+\}")

Answers = dict[str, str]
AnswerPath = list[tuple[str, str]]


class QuizError(BuildError, ValueError):  # ValueError: older callers catch it
    """data/quiz.yml is wrong; the message names the file, the id and the problem."""


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------

def load(path: Path | str = QUIZ_FILE) -> dict[str, Any]:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise QuizError(f"{path}: file not found") from err
    except yaml.YAMLError as err:
        raise QuizError(f"{path}: invalid YAML: {err}") from err
    if not isinstance(data, dict):
        raise QuizError(f"{path}: expected a mapping with questions, rules, outcomes and ui")
    return data


@functools.lru_cache(maxsize=1)
def _default() -> dict[str, Any]:
    data = load(QUIZ_FILE)
    validate(data, "data/quiz.yml")
    return data


def _data(data: dict[str, Any] | None) -> dict[str, Any]:
    return _default() if data is None else data


def _opts(value: Any) -> list[Any]:
    """A condition's accepted answers: one option id or a list of them."""
    return list(value) if isinstance(value, list) else [value]


# --------------------------------------------------------------------------
# Evaluation (the same rules as docs/assets/js/quiz.js)
# --------------------------------------------------------------------------

def visible_questions(answers: Answers, data: dict[str, Any] | None = None) -> list[str]:
    """Ids of the questions shown for these answers, in order."""
    shown: list[str] = []
    for q in _data(data)["questions"]:
        cond = q.get("show_if") or {}
        if all(k in shown and answers.get(k) in _opts(v) for k, v in cond.items()):
            shown.append(q["id"])
    return shown


def effective(answers: Answers, data: dict[str, Any] | None = None) -> Answers:
    """The answers that count: those to questions that are shown."""
    return {q: answers[q] for q in visible_questions(answers, data) if q in answers}


def _matches(cond: dict[str, Any], answers: Answers) -> bool:
    return all(answers.get(k) in _opts(v) for k, v in cond.items())


def _check_answers(answers: Answers, data: dict[str, Any]) -> None:
    options = {q["id"]: [o["id"] for o in q["options"]] for q in data["questions"]}
    for q, a in answers.items():
        if q not in options:
            raise QuizError(f"unknown question '{q}' (questions: {', '.join(options)})")
        if a not in options[q]:
            raise QuizError(f"question '{q}' has no option '{a}' (options: {', '.join(options[q])})")


def next_question(answers: Answers, data: dict[str, Any] | None = None) -> str | None:
    """The first shown question that has no answer yet, or None when done."""
    return next((q for q in visible_questions(answers, data) if q not in answers), None)


def matching_rule(answers: Answers, data: dict[str, Any] | None = None) -> dict[str, Any] | None:
    data = _data(data)
    counted = effective(answers, data)
    return next((r for r in data["rules"] if _matches(r["when"], counted)), None)


def evaluate(answers: Answers, data: dict[str, Any] | None = None) -> tuple[str, list[tuple[str, str]]]:
    """(outcome id, reasons): the reasons are the answers the deciding rule
    names, in question order. Raises QuizError on unknown ids or when the
    answers given reach no outcome (yet)."""
    data = _data(data)
    _check_answers(answers, data)
    counted = effective(answers, data)
    rule = matching_rule(counted, data)
    if rule is None:
        pending = next_question(counted, data)
        hint = f"; next question: '{pending}'" if pending else ""
        raise QuizError(f"answers {_fmt(list(counted.items()))} reach no outcome{hint}")
    return rule["outcome"], _reasons(rule, counted, data)


def fallback_rule(answers: Answers, data: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The rule shown under the deciding rule's `fallback_title`: the first
    later rule without a fallback of its own whose `when` matches."""
    data = _data(data)
    counted = effective(answers, data)
    rule = matching_rule(counted, data)
    if rule is None or not rule.get("fallback_title"):
        return None
    later = data["rules"][data["rules"].index(rule) + 1:]
    return next((r for r in later if not r.get("fallback_title") and _matches(r["when"], counted)), None)


def fallback(answers: Answers, data: dict[str, Any] | None = None) -> tuple[str, list[tuple[str, str]]] | None:
    """(outcome id, reasons) of the fallback result, or None."""
    data = _data(data)
    counted = effective(answers, data)
    rule = fallback_rule(counted, data)
    if rule is None:
        return None
    return rule["outcome"], _reasons(rule, counted, data)


def _reasons(rule: dict[str, Any], counted: Answers, data: dict[str, Any]) -> list[tuple[str, str]]:
    """The answers the rule names, in question order: the reasons shown."""
    return [(q, counted[q]) for q in visible_questions(counted, data) if q in rule["when"]]


def warnings_for(answers: Answers, data: dict[str, Any] | None = None) -> list[str]:
    data = _data(data)
    counted = effective(answers, data)
    return [w["id"] for w in data.get("warnings") or [] if _matches(w["show_if"], counted)]


def enumerate_paths(data: dict[str, Any] | None = None) -> list[AnswerPath]:
    """Every complete answer path a visitor can take, in question order."""
    data = _data(data)
    options = {q["id"]: [o["id"] for o in q["options"]] for q in data["questions"]}
    paths: list[AnswerPath] = []

    def walk(path: AnswerPath) -> None:
        q = next_question(dict(path), data)
        if q is None:
            paths.append(path)
            return
        for opt in options[q]:
            walk([*path, (q, opt)])

    walk([])
    return paths


def _fmt(path: AnswerPath) -> str:
    return ", ".join(f"{q}={a}" for q, a in path) or "(none)"


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------

def validate(data: Any, filename: str = "data/quiz.yml") -> None:
    """Raise QuizError listing every problem, each line naming the file, the
    id and what is wrong."""
    problems: list[str] = []

    def bad(where: str, what: str) -> None:
        problems.append(f"{filename}: {where}: {what}")

    if not isinstance(data, dict):
        raise QuizError(f"{filename}: expected a mapping with questions, rules, outcomes and ui")
    extra = set(data) - {"reviewed", "questions", "rules", "outcomes", "warnings", "ui"}
    if extra:
        bad("top level", f"unknown key(s) {sorted(extra)}")
    try:
        parse_reviewed(data.get("reviewed"), filename)
    except ReviewError as err:
        problems.append(str(err))
    lists = {}
    for key in ("questions", "rules", "outcomes", "warnings"):
        value = data.get(key, [] if key == "warnings" else None)
        if not isinstance(value, list) or (key != "warnings" and not value):
            bad(key, "expected a non-empty list")
            value = []
        lists[key] = [item for item in value if isinstance(item, dict)]
        if len(lists[key]) != len(value):
            bad(key, "every entry must be a mapping")
    if problems:
        raise QuizError("\n".join(problems))

    def check_id(kind: str, item: dict[str, Any], seen: set[str], where: str = "") -> str | None:
        ident = item.get("id")
        label = f"{where}{kind}"
        if isinstance(ident, bool):
            bad(f"{label} {str(ident).lower()}", "an id must be text: quote yes/no, like \"no\"")
            return None
        if not isinstance(ident, str) or not ID.match(ident):
            bad(f"{label} {ident!r}", "an id must be lower-case letters, digits and _")
            return None
        if ident in seen:
            bad(f"{label} '{ident}'", f"duplicate {kind} id '{ident}'")
            return None
        seen.add(ident)
        return ident

    def check_text(where: str, item: dict[str, Any], key: str, required: bool = True) -> None:
        value = item.get(key)
        if value is None:
            if required:
                bad(where, f"missing '{key}' (en and es text)")
            return
        if not isinstance(value, dict):
            bad(where, f"'{key}' must map en and es to text")
            return
        for lang in LANGS:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                bad(where, f"'{key}' has no '{lang}' translation")
        unknown = set(value) - set(LANGS)
        if unknown:
            bad(where, f"'{key}' has unknown language(s) {sorted(unknown)}")

    def check_citations(where: str, item: dict[str, Any]) -> None:
        cites = item.get("citations")
        if not isinstance(cites, list) or not cites:
            bad(where, "no citations: name the statute(s) it rests on")
            return
        for cite in cites:
            if not isinstance(cite, dict) or not isinstance(cite.get("section"), str) or not isinstance(cite.get("text"), str):
                bad(where, f"citation {cite!r} needs 'section' (like \"90-96\") and 'text' (like \"G.S. 90-96(a)\")")
                continue
            try:
                gs_url(cite["section"])
            except ContentError as err:
                bad(where, str(err))
                continue
            if not re.match(rf"G\.S\. {re.escape(cite['section'])}(?![\d.])", cite["text"]):
                bad(where, f"citation text '{cite['text']}' does not match section '{cite['section']}'")

    # Questions and options
    qids: set[str] = set()
    order: list[str] = []
    options: dict[str, list[str]] = {}
    for q in lists["questions"]:
        qid = check_id("question", q, qids)
        name = f"question '{qid}'" if qid else "question"
        for key in ("short", "text"):
            check_text(name, q, key)
        check_text(name, q, "help", required=False)
        opts = q.get("options")
        seen: set[str] = set()
        ids: list[str] = []
        if not isinstance(opts, list) or len(opts) < 2:
            bad(name, "needs a list of at least two options")
            opts = []
        for o in opts:
            if not isinstance(o, dict):
                bad(name, f"option {o!r} must be a mapping with id and label")
                continue
            oid = check_id("option", o, seen, where=f"{name}: ")
            if oid:
                ids.append(oid)
                check_text(f"{name}: option '{oid}'", o, "label")
        if qid:
            order.append(qid)
            options[qid] = ids

    def check_condition(where: str, cond: Any, key: str, before: list[str] | None) -> bool:
        """A {question: [option, ...]} mapping; `before` limits it to earlier questions."""
        if not isinstance(cond, dict) or (key == "when" and not cond):
            bad(where, f"'{key}' must map question ids to option ids")
            return False
        ok = True
        for ref, value in cond.items():
            if ref not in options:
                bad(where, f"{key} refers to unknown question '{ref}'")
                ok = False
                continue
            if before is not None and ref not in before:
                bad(where, f"{key} refers to question '{ref}', which is not asked before it")
                ok = False
            for opt in _opts(value):
                if isinstance(opt, bool):
                    bad(where, f"{key}: '{ref}' option {str(opt).lower()} must be quoted, like \"no\"")
                    ok = False
                elif opt not in options[ref]:
                    bad(where, f"{key} refers to unknown option '{opt}' of question '{ref}'")
                    ok = False
        return ok

    for i, q in enumerate(lists["questions"]):
        if "show_if" in q and isinstance(q.get("id"), str):
            check_condition(f"question '{q['id']}'", q["show_if"], "show_if", order[:i])

    # Outcomes
    oids: set[str] = set()
    for o in lists["outcomes"]:
        oid = check_id("outcome", o, oids)
        name = f"outcome '{oid}'" if oid else "outcome"
        for key in ("title", "sentence", "criteria"):
            check_text(name, o, key)
        assumptions = o.get("assumptions")
        if not isinstance(assumptions, list) or not assumptions:
            bad(name, "needs a list of assumptions (en and es)")
        else:
            for n, item in enumerate(assumptions, 1):
                check_text(f"{name}: assumption {n}", {"text": item}, "text")
        check_citations(name, o)

    # Rules
    rids: set[str] = set()
    for r in lists["rules"]:
        rid = check_id("rule", r, rids)
        name = f"rule '{rid}'" if rid else "rule"
        check_condition(name, r.get("when"), "when", None)
        if r.get("outcome") not in oids:
            bad(name, f"unknown outcome '{r.get('outcome')}'")
        check_citations(name, r)
        if "fallback_title" in r:
            check_text(name, r, "fallback_title")

    # Warnings
    wids: set[str] = set()
    for w in lists["warnings"]:
        wid = check_id("warning", w, wids)
        name = f"warning '{wid}'" if wid else "warning"
        check_condition(name, w.get("show_if"), "show_if", None)
        check_text(name, w, "title")
        check_text(name, w, "text")
        link = w.get("link")
        if link is not None:
            if not isinstance(link, dict) or not isinstance(link.get("page"), str):
                bad(name, "'link' needs 'page' (like immigration.md) and 'text'")
            else:
                check_text(name + ": link", link, "text")

    # Interface strings
    ui = data.get("ui")
    if not isinstance(ui, dict):
        bad("ui", "expected a mapping of interface strings")
    else:
        for key in UI_KEYS:
            if key not in ui:
                bad(f"ui '{key}'", "missing (en and es text)")
            else:
                check_text(f"ui '{key}'", ui, key)
        for key in sorted(set(ui) - set(UI_KEYS)):
            bad(f"ui '{key}'", "unknown string (sitebuild/quiz.py UI_KEYS lists them)")
        for key, value in ui.items():
            if isinstance(value, dict) and all(isinstance(value.get(lang), str) for lang in LANGS):
                marks = {lang: sorted(PLACEHOLDER.findall(value[lang])) for lang in LANGS}
                if marks["en"] != marks["es"]:
                    bad(f"ui '{key}'", f"placeholders differ: en {marks['en']} vs es {marks['es']}")

    if problems:
        raise QuizError("\n".join(problems))

    # Every path, question, rule, outcome and warning must be reachable.
    paths = enumerate_paths(data)
    shown: set[str] = set()
    used_rules: set[str] = set()
    for path in paths:
        answers = dict(path)
        shown.update(answers)
        rule = matching_rule(answers, data)
        if rule is None:
            bad(f"path {_fmt(path)}", "this answer path reaches no outcome: add or change a rule")
        else:
            used_rules.add(rule["id"])
            if rule.get("fallback_title"):
                later = fallback_rule(answers, data)
                if later is None:
                    bad(f"path {_fmt(path)}", f"rule '{rule['id']}' has a fallback_title, but no later rule "
                        "matches this path: add one, or remove fallback_title")
                else:
                    used_rules.add(later["id"])
    for qid in order:
        if qid not in shown:
            bad(f"question '{qid}'", "can never be shown: no answer path meets its show_if")
    for r in lists["rules"]:
        if r["id"] not in used_rules:
            bad(f"rule '{r['id']}'", "never decides any answer path: an earlier rule always wins, or its answers cannot happen together")
    reached = {r["outcome"] for r in lists["rules"] if r["id"] in used_rules}
    for oid in sorted(oids - reached):
        bad(f"outcome '{oid}'", "is never reached by any answer path")
    for w in lists["warnings"]:
        if not any(_matches(w["show_if"], dict(p)) for p in paths):
            bad(f"warning '{w['id']}'", "is never shown on any answer path")
    if problems:
        raise QuizError("\n".join(problems))


# --------------------------------------------------------------------------
# The page's copy of the data, in one language
# --------------------------------------------------------------------------

def _unique(cites: list[dict[str, str]]) -> list[dict[str, str]]:
    seen: set[str] = set()
    return [c for c in cites if not (c["text"] in seen or seen.add(c["text"]))]


def citation_links(cites: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{"text": c["text"], "url": gs_url(c["section"])} for c in cites]


def by_section(cites: list[dict[str, str]]) -> list[dict[str, str]]:
    """One link per statute section, its subsections joined: "G.S. 15A-1341(a1),
    (a4)". The no-JavaScript rules list uses it (fewer bytes in the page)."""
    merged: dict[str, list[str]] = {}
    for c in _unique(cites):
        merged.setdefault(c["section"], []).append(c["text"])
    out = []
    for section, texts in merged.items():
        prefix = f"G.S. {section}"
        tails = [t[len(prefix):] for t in texts if t != prefix]
        text = prefix + ", ".join(tails) if tails and len(tails) == len(texts) else ", ".join(texts)
        out.append({"text": text, "url": gs_url(section)})
    return out


def for_page(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """What the quiz page embeds as JSON: ids, conditions and the text in
    `lang` only (ids are the same in both languages, so stored answers
    survive a language switch)."""
    def t(value: dict[str, str]) -> str:
        return value[lang]

    return {
        "lang": lang,
        "questions": [
            {
                "id": q["id"],
                "short": t(q["short"]),
                "text": t(q["text"]),
                **({"help": t(q["help"])} if q.get("help") else {}),
                "show_if": {k: _opts(v) for k, v in (q.get("show_if") or {}).items()},
                "options": [{"id": o["id"], "label": t(o["label"])} for o in q["options"]],
            }
            for q in data["questions"]
        ],
        "rules": [
            {
                "id": r["id"],
                "when": {k: _opts(v) for k, v in r["when"].items()},
                "outcome": r["outcome"],
                "citations": citation_links(r["citations"]),
                **({"fallback_title": t(r["fallback_title"])} if r.get("fallback_title") else {}),
            }
            for r in data["rules"]
        ],
        "outcomes": [
            {
                "id": o["id"],
                "title": t(o["title"]),
                "sentence": " ".join(t(o["sentence"]).split()),
                "criteria": " ".join(t(o["criteria"]).split()),
                "assumptions": [t(a) for a in o["assumptions"]],
                "citations": citation_links(o["citations"]),
                # The outcome's statutes and those of every rule that leads to it.
                "law": by_section(
                    [*o["citations"], *(c for r in data["rules"] if r["outcome"] == o["id"] for c in r["citations"])]
                ),
            }
            for o in data["outcomes"]
        ],
        "warnings": [
            {
                "id": w["id"],
                "show_if": {k: _opts(v) for k, v in w["show_if"].items()},
                "title": t(w["title"]),
                "text": " ".join(t(w["text"]).split()),
                **({"link": {"page": w["link"]["page"], "text": t(w["link"]["text"])}} if w.get("link") else {}),
            }
            for w in data.get("warnings") or []
        ],
        "ui": {k: " ".join(t(v).split()) for k, v in data["ui"].items()},
    }


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------
