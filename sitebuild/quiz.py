"""The eligibility quiz: the only evaluator of its rules (data/quiz.yml).

Usage: python -m scripts.quiz [--file PATH] [--lang en|es] [--paths] [--tree] [QUESTION=OPTION ...]

The rules mean what this module says; the browser never evaluates them.
- questions are asked in file order; a question is shown only when every
  earlier question named in its `show_if` is shown and got a listed answer;
- answers to questions that are not shown do not count;
- the first rule whose `when` matches decides; the answers named in `when`
  are the reasons;
- a rule with `fallback_title` also shows the result of the first later rule
  without `fallback_title` that matches ("if the overdose law does not
  protect you").
`decision_tree` runs these rules on every answer path once, at build time, and
gives the page a tree: question -> option -> next node, each question node
with the questions still to come ("of about N"), each leaf with the result
(outcome, reasons, warnings, citations, fallback). docs/assets/js/quiz.js only
walks it; tests/test_quiz_tree.py walks every path of it against this module.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import yaml

from sitebuild.errors import BuildError
from sitebuild.project import LANGS, here
from sitebuild.review import ReviewError, parse_reviewed
from sitebuild.schema import check
from sitebuild.schema.models import QUIZ_UI_KEYS, Quiz
from sitebuild.sourcefiles import SAFE_LOADER
from sitebuild.statutes import ContentError, gs_url

QUIZ_FILE = Path("data") / "quiz.yml"  # relative to the project folder (the working directory of commands)
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
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except FileNotFoundError as err:
        raise QuizError(f"{path}: file not found") from err
    except yaml.YAMLError as err:
        raise QuizError(f"{path}: invalid YAML: {err}") from err
    if not isinstance(data, dict):
        raise QuizError(f"{path}: expected a mapping with questions, rules, outcomes and ui")
    return data


@functools.lru_cache(maxsize=1)
def _default() -> dict[str, Any]:
    data = load(here().root / QUIZ_FILE)
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


def expected_total(answers: Answers, data: dict[str, Any] | None = None) -> int:
    """The "of about N" of the progress line: the questions shown when every
    unanswered question counts as if its answer met the `show_if`s."""
    on: list[str] = []
    for q in _data(data)["questions"]:
        cond = q.get("show_if") or {}
        if all(k in on and (k not in answers or answers[k] in _opts(v)) for k, v in cond.items()):
            on.append(q["id"])
    return len(on)


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
# The decision tree (what the page walks instead of evaluating the rules)
# --------------------------------------------------------------------------

Node = dict[str, Any]


def result_citations(rule: dict[str, Any], extra: dict[str, Any] | None, data: dict[str, Any]) -> list[dict[str, str]]:
    """The statutes a result lists: its outcome's, its rule's, then the
    fallback outcome's and the fallback rule's, each once."""
    outcomes = {o["id"]: o for o in data["outcomes"]}
    cites = [*outcomes[rule["outcome"]]["citations"], *rule["citations"]]
    if extra:
        cites += [*outcomes[extra["outcome"]]["citations"], *extra["citations"]]
    return _unique(cites)


def decision_tree(data: dict[str, Any] | None = None) -> list[Node]:
    """Every answer path as a tree, equal subtrees stored once (a DAG).

    nodes[0] is the first question. A question node is
    {"q": id, "d": questions from here on ("of about N" = answered + d),
     "a": {option id: index of the next node}}; a leaf is the result:
    {"outcome", "rule", "reasons": [question ids], "warnings": [ids],
     "citations": [...], optional "fallback": {"outcome", "rule", "reasons"}}.
    The reasons are question ids: the page shows the visitor's own answers
    to them, in this order."""
    data = _data(data)
    options = {q["id"]: [o["id"] for o in q["options"]] for q in data["questions"]}
    nodes: list[Node] = []
    index: dict[str, int] = {}

    def keep(node: Node) -> int:
        key = repr(sorted(node.items()))
        if key not in index:
            index[key] = len(nodes)
            nodes.append(node)
        return index[key]

    def build(answers: Answers) -> int:
        q = next_question(answers, data)
        if q is None:
            rule = matching_rule(answers, data)
            if rule is None:
                raise QuizError(f"answers {_fmt(list(answers.items()))} reach no outcome")
            extra = fallback_rule(answers, data)
            leaf: Node = {
                "outcome": rule["outcome"],
                "rule": rule["id"],
                "reasons": [k for k, _ in _reasons(rule, answers, data)],
                "warnings": warnings_for(answers, data),
                "citations": result_citations(rule, extra, data),
            }
            if extra:
                leaf["fallback"] = {"outcome": extra["outcome"], "rule": extra["id"],
                                    "reasons": [k for k, _ in _reasons(extra, answers, data)]}
            return keep(leaf)
        kids = {o: build({**answers, q: o}) for o in options[q]}
        return keep({"q": q, "d": expected_total(answers, data) - len(answers), "a": kids})

    root = build({})
    # Children were stored before their parents: reverse, so the root is 0.
    last = len(nodes) - 1
    assert root == last
    return [
        {**n, "a": {o: last - i for o, i in n["a"].items()}} if "q" in n else n
        for n in reversed(nodes)
    ]


_TREE: dict[str, list[Node]] = {}  # the last data's tree (ARCHITECTURE.md, state table)


def _shared_tree(data: dict[str, Any]) -> list[Node]:
    """decision_tree(data), kept for the same data: the tree holds no text in
    any language, so the Spanish build reuses the English build's (about
    0.2 s each). The key is the whole data; a QuizError is never kept. Never
    changed once built: for_page copies each leaf it completes and only
    serializes the rest."""
    key = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    if key not in _TREE:
        tree = decision_tree(data)
        _TREE.clear()
        _TREE[key] = tree
    return _TREE[key]


# --------------------------------------------------------------------------
# The page's copy of the data, in one language
# --------------------------------------------------------------------------

def _unique(cites: list[dict[str, str]]) -> list[dict[str, str]]:
    first: dict[str, dict[str, str]] = {}
    for c in cites:
        first.setdefault(c["text"], c)
    return list(first.values())


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
    """What the quiz page needs, text in `lang` only (ids are the same in both
    languages, so stored answers survive a language switch): the no-JS rules
    list (outcomes' criteria and law, warnings) and the decision tree. No
    `show_if` or `when`: the tree already holds what they decide."""
    def t(value: dict[str, str]) -> str:
        return " ".join(value[lang].split())

    titles = {r["id"]: t(r["fallback_title"]) for r in data["rules"] if r.get("fallback_title")}
    tree = _shared_tree(data)
    # Each statute once; a leaf names its citations by their place in this list.
    statutes = _unique([c for n in tree for c in n.get("citations", [])])
    place = {c["text"]: i for i, c in enumerate(statutes)}

    def page_node(n: Node) -> Node:
        if "q" in n:
            return n
        leaf = {**n, "citations": [place[c["text"]] for c in n["citations"]]}
        if "fallback" in n:
            leaf["fallback"] = {**n["fallback"], "title": titles[n["rule"]]}
        return leaf

    return {
        "lang": lang,
        "questions": [
            {
                "id": q["id"],
                "short": t(q["short"]),
                "text": t(q["text"]),
                **({"help": t(q["help"])} if q.get("help") else {}),
                "options": [{"id": o["id"], "label": t(o["label"])} for o in q["options"]],
            }
            for q in data["questions"]
        ],
        "outcomes": [
            {
                "id": o["id"],
                "title": t(o["title"]),
                "sentence": t(o["sentence"]),
                "criteria": t(o["criteria"]),
                "assumptions": [t(a) for a in o["assumptions"]],
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
                "title": t(w["title"]),
                "text": t(w["text"]),
                **({"link": {"page": w["link"]["page"], "text": t(w["link"]["text"])}} if w.get("link") else {}),
            }
            for w in data.get("warnings") or []
        ],
        "tree": [page_node(n) for n in tree],
        "statutes": citation_links(statutes),
        "ui": {k: t(v) for k, v in data["ui"].items()},
    }


# What quiz.js reads (an allowlist): the rest of the page data is shown by
# the template only, and stays out of the deferred data file.
SCRIPT_UI = ("progress", "error_choose", "cleared", "result_label", "reasons", "assumptions",
             "assume_answers", "citations", "all_answers")
SCRIPT_OUTCOME = ("id", "title", "sentence", "assumptions")


def for_script(quiz: dict[str, Any]) -> dict[str, Any]:
    """The part of the page's data (for_page, completed by hooks/quiz.py) that
    docs/assets/js/quiz.js reads."""
    return {
        "lang": quiz["lang"],
        "notice": quiz["notice"],
        "questions": quiz["questions"],
        "outcomes": [{k: o[k] for k in SCRIPT_OUTCOME} for o in quiz["outcomes"]],
        "warnings": quiz["warnings"],
        "tree": quiz["tree"],
        "statutes": quiz["statutes"],
        "ui": {k: v for k, v in quiz["ui"].items() if k in SCRIPT_UI or k.startswith("qr_")},
    }
