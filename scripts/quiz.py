"""Command: python -m scripts.quiz: check data/quiz.yml, evaluate answers,
list every path (--paths) or measure the page's decision tree (--tree).
The rules live in sitebuild/quiz.py."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from sitebuild.project import here
from sitebuild.quiz import (
    LANGS,
    QUIZ_FILE,
    Answers,
    QuizError,
    _check_answers,
    _fmt,
    effective,
    enumerate_paths,
    evaluate,
    fallback,
    for_page,
    load,
    matching_rule,
    next_question,
    validate,
    visible_questions,
    warnings_for,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m scripts.quiz",
        description="Check data/quiz.yml, or evaluate answers with it.",
        epilog="example: python -m scripts.quiz court=nc_state age=age_22_plus charge=possession overdose=no "
        "prior_felony=no prior_drug=no prior_discharge=no citizen=yes",
    )
    ap.add_argument("answers", nargs="*", metavar="QUESTION=OPTION", help="answers by id")
    ap.add_argument("--file", type=Path, default=QUIZ_FILE, help="quiz data (default: data/quiz.yml)")
    ap.add_argument("--lang", choices=LANGS, default="en", help="language of the titles printed")
    ap.add_argument("--paths", action="store_true", help="list every answer path and its outcome")
    ap.add_argument("--tree", action="store_true", help="size of the decision tree the page walks")
    args = ap.parse_args(argv)

    try:
        data = load(args.file)
        validate(data, str(args.file.resolve().relative_to(here().root) if args.file.resolve().is_relative_to(here().root) else args.file))
    except QuizError as err:
        print(err, file=sys.stderr)
        return 1
    outcomes = {o["id"]: o for o in data["outcomes"]}

    if args.paths:
        for path in enumerate_paths(data):
            outcome, _ = evaluate(dict(path), data)
            extra = fallback(dict(path), data)
            shown = f"{outcome}+{extra[0]}" if extra else outcome
            print(f"{shown:36} {_fmt(path)}")
        return 0

    if args.tree:
        page = for_page(data, args.lang)
        tree = page["tree"]
        raw = json.dumps([tree, page["statutes"]], ensure_ascii=False, separators=(",", ":")).encode()
        leaves = sum("q" not in n for n in tree)
        print(f"tree ({args.lang}): {len(tree)} nodes ({len(tree) - leaves} questions, {leaves} results), "
              f"{len(raw):,} bytes, {len(gzip.compress(raw, 6)):,} gzip (with its statutes)")
        return 0

    if not args.answers:
        paths = enumerate_paths(data)
        print(f"{args.file.name}: ok: {len(data['questions'])} questions, {len(data['rules'])} rules, "
              f"{len(outcomes)} outcomes, {len(paths)} answer paths")
        return 0

    answers: Answers = {}
    for item in args.answers:
        q, sep, a = item.partition("=")
        if not sep:
            print(f"'{item}': write answers as QUESTION=OPTION", file=sys.stderr)
            return 1
        answers[q.strip()] = a.strip()
    try:
        _check_answers(answers, data)
    except QuizError as err:
        print(err, file=sys.stderr)
        return 1
    counted = effective(answers, data)
    ignored = sorted(set(answers) - set(counted))
    pending = next_question(counted, data)
    if pending is not None:
        q = next(q for q in data["questions"] if q["id"] == pending)
        print(f"next question: {pending} ({', '.join(o['id'] for o in q['options'])})")
        return 2
    outcome, reasons = evaluate(counted, data)
    rule = matching_rule(counted, data)
    path = [(q, counted[q]) for q in visible_questions(counted, data)]
    print(f"outcome: {outcome}")
    print(f"title: {outcomes[outcome]['title'][args.lang]}")
    print(f"rule: {rule['id'] if rule else '-'}")
    print(f"reasons: {_fmt(reasons)}")
    extra = fallback(counted, data)
    if extra:
        print(f"fallback: {extra[0]} ({_fmt(extra[1])})")
    print(f"warnings: {', '.join(warnings_for(counted, data)) or '-'}")
    print(f"path: {' > '.join(f'{q}={a}' for q, a in path)}")
    if ignored:
        print(f"ignored (not asked on this path): {', '.join(ignored)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
