"""The decision tree the quiz page walks (sitebuild/quiz.py decision_tree),
checked against the evaluator on every path, without a browser.

`walk` below does what docs/assets/js/quiz.js does with the tree; the
browser tests (test_quiz_browser.py) prove that quiz.js walks it this way.
The tree is built from data/quiz.yml and from every fixture quiz file in
tests/fixtures/quiz/ that is valid.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from sitebuild.quiz import (
    QuizError,
    _unique,
    decision_tree,
    effective,
    enumerate_paths,
    evaluate,
    expected_total,
    fallback,
    fallback_rule,
    for_page,
    for_script,
    load,
    matching_rule,
    next_question,
    validate,
    visible_questions,
    warnings_for,
)

LIVE = ROOT / "data" / "quiz.yml"


def read_quiz(path: Path) -> dict[str, Any]:
    data = load(path)
    data.setdefault("ui", load(LIVE)["ui"])  # fixtures borrow the real strings (test_quiz_data.py)
    return data


def valid_files() -> list[Path]:
    files = [LIVE]
    for path in sorted((ROOT / "tests" / "fixtures" / "quiz").glob("*.yml")):
        try:
            validate(read_quiz(path), path.name)
        except QuizError:
            continue
        files.append(path)
    return files


FILES = valid_files()
IDS = ["data/quiz.yml" if p == LIVE else p.name for p in FILES]


def tree_paths(tree: list[dict[str, Any]]) -> list[list[tuple[str, str]]]:
    """Every root-to-leaf path of the tree, options in tree order."""
    out: list[list[tuple[str, str]]] = []

    def go(i: int, path: list[tuple[str, str]]) -> None:
        n = tree[i]
        if "q" not in n:
            out.append(path)
            return
        for option, child in n["a"].items():
            go(child, [*path, (n["q"], option)])

    go(0, [])
    return out


def read(data: dict[str, Any], stored: dict[str, str]) -> dict[str, str]:
    """quiz.js read(): only questions and options the data has."""
    options = {q["id"]: {o["id"] for o in q["options"]} for q in data["questions"]}
    return {q: a for q, a in stored.items() if a in options.get(q, ())}


def walk(tree: list[dict[str, Any]], answers: dict[str, str]) -> tuple[list[dict[str, Any]], dict[str, Any], dict[str, str]]:
    """quiz.js walk(): the answered question nodes, the node where the
    answers stop (a question or the result) and the answers kept."""
    path = []
    end = tree[0]
    while "q" in end and end["a"].get(answers.get(end["q"], "")) is not None:
        path.append(end)
        end = tree[end["a"][answers[end["q"]]]]
    ahead: set[str] = set()
    todo, seen = [end], set()
    while todo:
        n = todo.pop()
        if "q" in n and id(n) not in seen:
            seen.add(id(n))
            ahead.add(n["q"])
            todo += [tree[i] for i in n["a"].values()]
    keep = ahead | {n["q"] for n in path}
    return path, end, {q: a for q, a in answers.items() if q in keep}


@pytest.fixture(scope="module", params=FILES, ids=IDS)
def quiz(request):
    data = read_quiz(request.param)
    validate(data, request.param.name)
    return data, decision_tree(data)


def test_every_node_is_used_once_and_every_index_exists(quiz):
    data, tree = quiz
    used = {0}
    for n in tree:
        if "q" in n:
            options = [o["id"] for q in data["questions"] if q["id"] == n["q"] for o in q["options"]]
            assert list(n["a"]) == options, n
            assert all(0 <= i < len(tree) for i in n["a"].values()), n
            used.update(n["a"].values())
    assert used == set(range(len(tree))), "unreachable nodes"
    keys = [repr(sorted(n.items())) for n in tree]
    assert len(set(keys)) == len(keys), "equal subtrees are stored twice"


def test_every_path_of_the_tree_matches_the_evaluator(quiz):
    data, tree = quiz
    paths = tree_paths(tree)
    assert paths == enumerate_paths(data)
    outcomes = {o["id"]: o for o in data["outcomes"]}
    for path in paths:
        answers = dict(path)
        # Each prefix: the next question, and "of about N" as the old page counted it.
        n = tree[0]
        for k, (q, a) in enumerate(path):
            prefix = dict(path[:k])
            assert n["q"] == q == next_question(prefix, data), path[:k]
            assert k + n["d"] == expected_total(prefix, data), path[:k]
            assert n["d"] >= 1
            n = tree[n["a"][a]]
        assert "q" not in n and next_question(answers, data) is None
        outcome, reasons = evaluate(answers, data)
        rule = matching_rule(answers, data)
        assert (n["outcome"], n["rule"]) == (outcome, rule["id"]), path
        assert [(q, answers[q]) for q in n["reasons"]] == reasons, path
        assert n["warnings"] == warnings_for(answers, data), path
        extra, extra_rule = fallback(answers, data), fallback_rule(answers, data)
        if extra is None:
            assert "fallback" not in n, path
            cites = [*outcomes[outcome]["citations"], *rule["citations"]]
        else:
            f = n["fallback"]
            assert (f["outcome"], f["rule"]) == (extra[0], extra_rule["id"]), path
            assert [(q, answers[q]) for q in f["reasons"]] == extra[1], path
            cites = [*outcomes[outcome]["citations"], *rule["citations"],
                     *outcomes[extra[0]]["citations"], *extra_rule["citations"]]
        assert n["citations"] == _unique(cites), path


def test_changing_an_answer_after_back_keeps_what_the_old_page_kept(quiz):
    """Back to any question of any path and another answer: the answers kept
    and the question shown follow the rules (effective(), visible_questions()),
    and "Question N of about M" counts M from the first unanswered question
    (what a visitor arriving there sees). The page before the tree counted M
    from every kept answer, also those after that question: on 6 of 462 such
    screens of today's data (the overdose question after a change of charge)
    it said "of about 6" where the tree says "of about 8"."""
    data, tree = quiz
    options = {q["id"]: [o["id"] for o in q["options"]] for q in data["questions"]}
    checked = 0
    for path in enumerate_paths(data):
        for q, a in path:
            for other in options[q]:
                if other == a:
                    continue
                stored = {**dict(path), q: other}
                kept = effective(stored, data)
                shown = visible_questions(kept, data)
                after = shown[shown.index(q) + 1] if shown.index(q) + 1 < len(shown) else None
                w_path, end, w_kept = walk(tree, stored)
                assert w_kept == kept, (path, q, other)
                asked = [n["q"] for n in w_path] + ([end["q"]] if "q" in end else [])
                if after is None:
                    assert "q" not in end
                    continue
                assert after in asked, (path, q, other)
                total = len(w_path) + (end["d"] if "q" in end else 0)
                assert asked.index(after) + 1 == shown.index(after) + 1, (path, q, other)
                frontier = {n["q"]: kept[n["q"]] for n in w_path}
                assert total == expected_total(frontier, data) if "q" in end else len(w_path)
                checked += 1
    assert checked


def test_stale_stored_answers_are_dropped(quiz):
    data, tree = quiz
    first = data["questions"][0]
    second = next_question({first["id"]: first["options"][0]["id"]}, data)
    stored = {first["id"]: "no_such_option", "no_such_question": "x"}
    if second:
        stored[second] = next(q for q in data["questions"] if q["id"] == second)["options"][0]["id"]
    answers = read(data, stored)
    path, end, kept = walk(tree, answers)
    assert path == [] and end is tree[0] and kept == {k: v for k, v in stored.items() if k == second}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_page_data_has_no_rules(lang):
    data = load(LIVE)
    page = for_page(data, lang)
    page["notice"] = "notice"
    script = for_script(page)
    text = repr(script)
    for key in ("show_if", "'when'", "criteria", "'law'"):
        assert key not in text, key
    rules = {r["id"]: r for r in data["rules"]}
    for n, plain in zip(script["tree"], decision_tree(data), strict=True):
        if "q" in n:
            assert n == plain
            continue
        texts = [script["statutes"][i]["text"] for i in n["citations"]]
        assert texts == [c["text"] for c in plain["citations"]]
        assert all(script["statutes"][i]["url"].startswith("https://www.ncleg.gov/") for i in n["citations"])
        if "fallback" in n:
            assert n["fallback"]["title"] == " ".join(rules[n["rule"]]["fallback_title"][lang].split())


def test_the_second_language_reuses_the_tree_and_new_data_gets_its_own(monkeypatch):
    """for_page keeps the last data's tree (the Spanish build reuses the
    English build's); a change anywhere in the data builds a new one."""
    import copy

    import sitebuild.quiz as quiz_module

    built: list[int] = []

    def counting(data: dict[str, Any]) -> list[dict[str, Any]]:
        built.append(1)
        return decision_tree(data)

    monkeypatch.setattr(quiz_module, "decision_tree", counting)
    monkeypatch.setattr(quiz_module, "_TREE", {})
    data = load(LIVE)
    en, es = for_page(data, "en"), for_page(copy.deepcopy(data), "es")
    questions = [n for n in en["tree"] if "q" in n]  # leaves carry each language's titles
    assert len(built) == 1 and questions == [n for n in es["tree"] if "q" in n]
    changed = copy.deepcopy(data)
    changed["questions"][0]["options"].reverse()
    assert for_page(changed, "en")["tree"] != en["tree"] and len(built) == 2
    assert for_page(data, "en")["tree"] == en["tree"] and len(built) == 3  # only the last data is kept
