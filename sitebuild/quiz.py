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
from sitebuild.schema import check
from sitebuild.schema.models import QUIZ_UI_KEYS, Quiz
from sitebuild.statutes import ContentError, gs_url

ROOT = Path(__file__).resolve().parent.parent
QUIZ_FILE = ROOT / "data" / "quiz.yml"
LANGS = ("en", "es")
ID = re.compile(r"^[a-z][a-z0-9_]*$")
UI_KEYS = QUIZ_UI_KEYS  # the quiz's interface strings (schema.models.QuizUi)
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

def validate(data: Any, filename: str = "data/quiz.yml", text: str = "") -> None:
    """Raise QuizError listing every problem. The shape (keys, types, both
    languages) is schema.models.Quiz, each problem at its line when `text`
    (the file as read) is given; then the references between ids, the
    citations' wording and every answer path are checked here."""
    check(Quiz, data, text, filename, error=QuizError)
    problems: list[str] = []

    def bad(where: str, what: str) -> None:
        problems.append(f"{filename}: {where}: {what}")

    try:
        parse_reviewed(data.get("reviewed"), filename)
    except ReviewError as err:
        problems.append(str(err))
    lists = {key: data.get(key, []) for key in ("questions", "rules", "outcomes", "warnings")}

    def unique(kind: str, item: dict[str, Any], seen: set[str]) -> str:
        if item["id"] in seen:
            bad(f"{kind} '{item['id']}'", f"duplicate {kind} id '{item['id']}'")
        seen.add(item["id"])
        return str(item["id"])

    def check_citations(where: str, item: dict[str, Any]) -> None:
        for cite in item["citations"]:
            try:
                gs_url(cite["section"])
            except ContentError as err:
                bad(where, str(err))
                continue
            if not re.match(rf"G\.S\. {re.escape(cite['section'])}(?![\d.])", cite["text"]):
                bad(where, f"citation text '{cite['text']}' does not match section '{cite['section']}'")

    qids: set[str] = set()
    order: list[str] = []
    options: dict[str, list[str]] = {}
    for q in lists["questions"]:
        qid = unique("question", q, qids)
        seen: set[str] = set()
        for o in q["options"]:
            unique(f"question '{qid}': option", o, seen)
        order.append(qid)
        options[qid] = [o["id"] for o in q["options"]]

    def check_condition(where: str, cond: dict[str, Any], key: str, before: list[str] | None) -> None:
        """Question ids -> option ids; `before` limits it to earlier questions."""
        for ref, value in cond.items():
            if ref not in options:
                bad(where, f"{key} refers to unknown question '{ref}'")
                continue
            if before is not None and ref not in before:
                bad(where, f"{key} refers to question '{ref}', which is not asked before it")
            for opt in _opts(value):
                if opt not in options[ref]:
                    bad(where, f"{key} refers to unknown option '{opt}' of question '{ref}'")

    for i, q in enumerate(lists["questions"]):
        if q.get("show_if") is not None:
            check_condition(f"question '{q['id']}'", q["show_if"], "show_if", order[:i])
    oids: set[str] = set()
    for o in lists["outcomes"]:
        check_citations(f"outcome '{unique('outcome', o, oids)}'", o)
    rids: set[str] = set()
    for r in lists["rules"]:
        name = f"rule '{unique('rule', r, rids)}'"
        check_condition(name, r["when"], "when", None)
        if r["outcome"] not in oids:
            bad(name, f"unknown outcome '{r['outcome']}'")
        check_citations(name, r)
    wids: set[str] = set()
    for w in lists["warnings"]:
        check_condition(f"warning '{unique('warning', w, wids)}'", w["show_if"], "show_if", None)
    for key, value in data["ui"].items():
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
