"""The quiz's reference evaluator (scripts/quiz.py) on hand-written legal
scenarios, checked against ../shared/research/nc-diversion-law.md section 7,
and its command line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from scripts.quiz import (
    QuizError,
    enumerate_paths,
    evaluate,
    load,
    main,
    fallback,
    visible_questions,
    warnings_for,
)

DATA = load(ROOT / "data" / "quiz.yml")
CLEAN = {  # a first drug charge in NC state court, nothing in the past
    "court": "nc_state", "charge": "possession", "overdose": "no",
    "prior_felony": "no", "prior_drug": "no", "prior_discharge": "no", "citizen": "yes",
}


def case(**changes: str) -> dict[str, str]:
    return {**CLEAN, **changes}


def outcome(answers: dict[str, str]) -> str:
    return evaluate(answers)[0]


# Section 7 of ../shared/research/nc-diversion-law.md, one row per charge
# class and record it describes: answers -> (result, fallback result).
NC = {"court": "nc_state"}
POSS = {**NC, "charge": "possession", "overdose": "no"}
CLEAN_RECORD = {"prior_felony": "no", "prior_drug": "no", "prior_discharge": "no"}
INTENT = {**NC, "charge": "intent"}
SCENARIOS = [
    # possession or paraphernalia, nothing in the past: G.S. 90-96(a)
    ("first possession", {**POSS, **CLEAN_RECORD}, "likely_90_96a", None),
    # a past felony: 15A-1341 closed, 90-96(a1) disputed, recovery court
    ("possession, past felony", {**POSS, "prior_felony": "yes"}, "past_felony", None),
    ("intent, past felony", {**INTENT, "prior_felony": "yes"}, "past_felony", None),
    # a past 90-96 / 90-113.14 discharge: once in a lifetime, (a) and (a1)
    ("possession, past discharge", {**POSS, **CLEAN_RECORD, "prior_discharge": "yes"}, "past_discharge", None),
    ("past discharge and a drug conviction", {**POSS, **CLEAN_RECORD, "prior_drug": "yes", "prior_discharge": "yes"},
     "past_discharge", None),
    # a past drug conviction: 90-96(a) closed; (a1), 15A-1341, recovery court may
    ("possession, past drug conviction", {**POSS, **CLEAN_RECORD, "prior_drug": "yes"}, "discretionary", None),
    # Class H/I (intent, delivery, making other than meth, selling III-VI)
    ("intent, clean record", {**INTENT, "prior_felony": "no", "probation": "no"}, "class_h_i", None),
    ("intent, past probation", {**INTENT, "prior_felony": "no", "probation": "yes"}, "intent_after_probation", None),
    ("intent, not sure of probation", {**INTENT, "prior_felony": "no", "probation": "not_sure"}, "ask_attorney", None),
    ("intent, not sure of a felony", {**INTENT, "prior_felony": "not_sure"}, "ask_attorney", None),
    # Class G/C and trafficking: outside the programs
    ("selling a hard drug or making meth", {**NC, "charge": "sale_hard"}, "serious_charge", None),
    ("trafficking", {**NC, "charge": "trafficking"}, "serious_charge", None),
    # overdose: immunity first, the 90-96 result if immunity does not apply
    ("overdose call, clean record", {**POSS, "overdose": "yes", **CLEAN_RECORD}, "overdose_immunity", "likely_90_96a"),
    ("overdose call, past felony", {**POSS, "overdose": "yes", "prior_felony": "yes"}, "overdose_immunity",
     "past_felony"),
    ("overdose call, past discharge", {**POSS, "overdose": "yes", **CLEAN_RECORD, "prior_discharge": "yes"},
     "overdose_immunity", "past_discharge"),
    ("overdose not sure, drug conviction", {**POSS, "overdose": "not_sure", **CLEAN_RECORD, "prior_drug": "yes"},
     "overdose_immunity", "discretionary"),
    # federal, other state, decisive "not sure"
    ("federal case", {"court": "federal"}, "other_court", None),
    ("other state", {"court": "other_state"}, "other_court", None),
    ("court not sure", {"court": "not_sure"}, "ask_attorney", None),
    ("charge not sure", {**NC, "charge": "not_sure"}, "ask_attorney", None),
    ("felony not sure", {**POSS, "prior_felony": "not_sure", "prior_drug": "no", "prior_discharge": "no"},
     "ask_attorney", None),
    ("discharge not sure", {**POSS, **CLEAN_RECORD, "prior_discharge": "not_sure"}, "ask_attorney", None),
    ("drug conviction not sure", {**POSS, **CLEAN_RECORD, "prior_drug": "not_sure"}, "ask_attorney", None),
    # a known disqualifier decides even when another answer is "not sure"
    ("felony not sure but a drug conviction", {**POSS, "prior_felony": "not_sure", "prior_drug": "yes",
                                               "prior_discharge": "no"}, "discretionary", None),
    ("felony not sure but a past discharge", {**POSS, "prior_felony": "not_sure", "prior_drug": "not_sure",
                                              "prior_discharge": "yes"}, "past_discharge", None),
]


@pytest.mark.parametrize("answers, result, extra", [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
@pytest.mark.parametrize("citizen", ["yes", "no", "not_sure"])
def test_scenarios_from_the_research(answers, result, extra, citizen):
    answers = {**answers, "citizen": citizen}
    assert [q for q in visible_questions(answers)] == [q for q in visible_questions(answers) if q in answers], \
        f"{answers}: a question is left unanswered"
    assert outcome(answers) == result
    got = fallback(answers)
    assert (got[0] if got else None) == extra
    assert warnings_for(answers) == (["non_citizen"] if citizen in ("no", "not_sure") else [])


def test_first_time_possession_reasons_are_the_answers_that_decide():
    result, reasons = evaluate(CLEAN)
    assert result == "likely_90_96a"
    assert reasons == [
        ("court", "nc_state"), ("charge", "possession"),
        ("prior_felony", "no"), ("prior_drug", "no"), ("prior_discharge", "no"),
    ]


def test_a_past_felony_skips_the_questions_it_settles():
    shown = visible_questions(case(prior_felony="yes"))
    assert "prior_drug" not in shown and "prior_discharge" not in shown and "probation" not in shown
    assert shown[-1] == "citizen"


def test_overdose_yes_no_longer_ends_the_quiz():
    shown = visible_questions({**POSS, "overdose": "yes", **CLEAN_RECORD})
    assert shown == ["court", "charge", "overdose", "prior_felony", "prior_drug", "prior_discharge", "citizen"]
    assert fallback({**POSS, "overdose": "yes", **CLEAN_RECORD, "citizen": "yes"}) == (
        "likely_90_96a",
        [("court", "nc_state"), ("charge", "possession"), ("prior_felony", "no"), ("prior_drug", "no"),
         ("prior_discharge", "no")],
    )


def test_a_past_discharge_is_once_in_a_lifetime_and_never_offered_a1():
    past = next(o for o in DATA["outcomes"] if o["id"] == "past_discharge")
    assert "once in a lifetime" in past["sentence"]["en"] and "(a1)" in past["sentence"]["en"]
    assert "una sola vez en la vida" in past["sentence"]["es"]


def test_a_past_felony_is_never_told_15a_1341_is_open():
    felony = next(o for o in DATA["outcomes"] if o["id"] == "past_felony")
    assert "closes" in felony["sentence"]["en"] and "15A-1341" in felony["sentence"]["en"]
    for a in felony["assumptions"]:
        assert "15A-1341" not in a["en"], a


def test_the_past_discharge_question_excludes_deferred_prosecution():
    q = next(q for q in DATA["questions"] if q["id"] == "prior_discharge")
    assert "Drug Education School" in q["help"]["en"] and "deferred prosecution" in q["help"]["en"]
    assert "G.S. 90-96" in q["text"]["en"] and "90-113.14" in q["text"]["en"]


def test_probation_is_asked_only_where_it_decides():
    assert "probation" in visible_questions({**INTENT, "prior_felony": "no"})
    assert "probation" not in visible_questions({**INTENT, "prior_felony": "yes"})
    assert "probation" not in visible_questions({**POSS, **CLEAN_RECORD})


def test_plea_warning_comes_with_every_outcome():
    for path in enumerate_paths():
        answers = dict(path)
        expected = ["non_citizen"] if answers["citizen"] in ("no", "not_sure") else []
        assert warnings_for(answers) == expected, path


def test_answers_to_questions_not_asked_do_not_count():
    answers = {"court": "federal", "charge": "possession", "prior_felony": "yes", "citizen": "yes"}
    assert evaluate(answers) == ("other_court", [("court", "federal")])


def test_unknown_ids_are_refused():
    with pytest.raises(QuizError, match="unknown question 'courts'"):
        evaluate({"courts": "nc_state"})
    with pytest.raises(QuizError, match="question 'court' has no option 'nc'"):
        evaluate({"court": "nc"})


def test_unfinished_answers_name_the_next_question():
    with pytest.raises(QuizError, match="next question: 'charge'"):
        evaluate({"court": "nc_state"})


def test_every_path_reaches_one_of_the_research_outcomes():
    paths = enumerate_paths()
    reached = {outcome(dict(p)) for p in paths}
    assert reached == {"likely_90_96a", "discretionary", "past_felony", "past_discharge", "class_h_i",
                       "intent_after_probation", "overdose_immunity", "serious_charge", "other_court", "ask_attorney"}
    assert len(paths) == len({tuple(p) for p in paths})
    for path in paths:
        answers = dict(path)
        assert [q for q, _ in path] == visible_questions(answers), path
    # Only the clean record in NC state court is "likely" (one per citizenship answer).
    likely = [dict(p) for p in paths if outcome(dict(p)) == "likely_90_96a"]
    assert len(likely) == 3 and all({**a, "citizen": "yes"} == CLEAN for a in likely)


def test_results_never_promise_eligibility():
    for o in DATA["outcomes"]:
        for lang in ("en", "es"):
            text = " ".join([o["title"][lang], o["sentence"][lang], *(a[lang] for a in o["assumptions"])]).lower()
            assert "eligible" not in text and "elegible" not in text, (o["id"], lang)
            assert "guarantee" not in text and "garantiza" not in text, (o["id"], lang)


def test_likely_result_states_the_plea_the_veto_and_the_risk():
    likely = next(o for o in DATA["outcomes"] if o["id"] == "likely_90_96a")
    en = " ".join(a["en"] for a in likely["assumptions"])
    es = " ".join(a["es"] for a in likely["assumptions"])
    assert "plead guilty" in en and "unless the judge and the prosecutor both say no" in en and "conviction" in en
    assert "declararse culpable" in es and "salvo que el juez y el fiscal digan que no" in es and "condena" in es
    assert "likely a candidate" in likely["sentence"]["en"]
    assert "not a conviction under North Carolina law" in likely["sentence"]["en"]
    assert "no cuenta como una condena bajo las leyes de Carolina del Norte" in likely["sentence"]["es"]
    assert "No judgment of guilt is entered" in likely["sentence"]["en"]


def test_non_citizen_warning_says_advice_before_any_plea():
    warning = next(w for w in DATA["warnings"] if w["id"] == "non_citizen")
    assert "before any plea" in warning["title"]["en"] and "not sure" in warning["title"]["en"]
    assert "antes de declararse culpable" in warning["title"]["es"]


def test_cli_prints_outcome_and_path(capsys):
    args = [f"{q}={a}" for q, a in case(citizen="no").items()]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "outcome: likely_90_96a" in out
    assert "warnings: non_citizen" in out
    assert "path: court=nc_state > charge=possession > overdose=no > prior_felony=no" in out


def test_cli_prints_the_fallback(capsys):
    args = [f"{q}={a}" for q, a in case(overdose="yes").items()]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "outcome: overdose_immunity" in out and "fallback: likely_90_96a" in out


def test_cli_asks_for_the_next_question(capsys):
    assert main(["court=nc_state", "charge=possession"]) == 2
    assert "next question: overdose (yes, no, not_sure)" in capsys.readouterr().out


def test_cli_refuses_unknown_option(capsys):
    assert main(["court=mars"]) == 1
    assert "question 'court' has no option 'mars'" in capsys.readouterr().err


def test_cli_runs_as_a_module():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    help_ = subprocess.run([sys.executable, "-m", "scripts.quiz", "--help"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60)
    assert help_.returncode == 0 and "QUESTION=OPTION" in help_.stdout
    run = subprocess.run([sys.executable, "-m", "scripts.quiz", "court=federal", "citizen=yes"], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "outcome: other_court" in run.stdout and "path: court=federal > citizen=yes" in run.stdout
    check = subprocess.run([sys.executable, "-m", "scripts.quiz"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0 and f"{len(enumerate_paths())} answer paths" in check.stdout
