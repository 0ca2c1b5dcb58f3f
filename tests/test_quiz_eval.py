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


def test_first_time_possession_is_likely_90_96a():
    result, reasons = evaluate(CLEAN)
    assert result == "likely_90_96a"
    assert reasons == [
        ("court", "nc_state"), ("charge", "possession"), ("overdose", "no"),
        ("prior_felony", "no"), ("prior_drug", "no"), ("prior_discharge", "no"),
    ]
    assert warnings_for(CLEAN) == []


def test_prior_felony_rules_out_90_96a():
    result, reasons = evaluate(case(prior_felony="yes"))
    assert result == "discretionary"
    assert reasons == [("prior_felony", "yes")]


def test_prior_felony_skips_the_questions_it_settles():
    shown = visible_questions(case(prior_felony="yes"))
    assert "prior_drug" not in shown and "prior_discharge" not in shown
    assert shown[-1] == "citizen"


def test_prior_drug_conviction_rules_out_90_96a():
    assert evaluate(case(prior_drug="yes")) == ("discretionary", [("prior_drug", "yes")])


def test_earlier_discharge_is_once_in_a_lifetime():
    assert evaluate(case(prior_discharge="yes")) == ("discretionary", [("prior_discharge", "yes")])


@pytest.mark.parametrize("charge", ["intent_to_sell", "sale", "trafficking"])
def test_selling_charges_are_outside_the_programs(charge):
    answers = {"court": "nc_state", "charge": charge, "citizen": "yes"}
    assert evaluate(answers) == ("outside", [("charge", charge)])
    assert visible_questions(answers) == ["court", "charge", "citizen"]


@pytest.mark.parametrize("court", ["federal", "other_state"])
def test_federal_or_out_of_state_case_goes_to_an_attorney(court):
    answers = {"court": court, "citizen": "yes"}
    assert evaluate(answers) == ("other_court", [("court", court)])
    assert visible_questions(answers) == ["court", "citizen"]


def test_overdose_call_points_to_immunity():
    answers = {"court": "nc_state", "charge": "possession", "overdose": "yes", "citizen": "yes"}
    assert evaluate(answers) == ("overdose_immunity", [("overdose", "yes")])
    assert "prior_felony" not in visible_questions(answers)


def test_overdose_not_sure_goes_to_an_attorney():
    answers = {"court": "nc_state", "charge": "possession", "overdose": "not_sure", "citizen": "yes"}
    assert evaluate(answers) == ("ask_attorney", [("overdose", "not_sure")])


def test_non_citizen_gets_the_plea_warning_with_a_likely_result():
    answers = case(citizen="no")
    assert outcome(answers) == "likely_90_96a"
    assert warnings_for(answers) == ["non_citizen"]


def test_plea_warning_comes_with_every_outcome():
    for path in enumerate_paths():
        answers = dict(path)
        expected = ["non_citizen"] if answers["citizen"] in ("no", "not_sure") else []
        assert warnings_for(answers) == expected, path


def test_unsure_citizenship_gets_the_warning_too():
    answers = {"court": "federal", "citizen": "not_sure"}
    assert outcome(answers) == "other_court"
    assert warnings_for(answers) == ["non_citizen"]


def test_not_sure_about_the_court_goes_to_an_attorney():
    answers = {"court": "not_sure", "citizen": "yes"}
    assert evaluate(answers) == ("ask_attorney", [("court", "not_sure")])


def test_not_sure_about_the_charge_goes_to_an_attorney():
    answers = {"court": "nc_state", "charge": "not_sure", "citizen": "yes"}
    assert evaluate(answers) == ("ask_attorney", [("charge", "not_sure")])


def test_decisive_not_sure_about_a_past_felony_goes_to_an_attorney():
    assert evaluate(case(prior_felony="not_sure")) == ("ask_attorney", [("prior_felony", "not_sure")])


def test_not_sure_does_not_decide_when_another_answer_does():
    # A known past drug conviction rules out 90-96(a) whatever the felony answer.
    assert evaluate(case(prior_felony="not_sure", prior_drug="yes")) == ("discretionary", [("prior_drug", "yes")])


def test_not_sure_about_an_earlier_discharge_goes_to_an_attorney():
    assert evaluate(case(prior_discharge="not_sure"))[0] == "ask_attorney"


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
    assert reached == {"likely_90_96a", "discretionary", "overdose_immunity", "outside", "other_court", "ask_attorney"}
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
    assert "plead guilty" in en and "judge and the prosecutor can still say no" in en and "conviction" in en
    assert "declararse culpable" in es and "el juez y el fiscal pueden decir que no" in es.lower() and "condena" in es
    assert "likely a candidate" in likely["sentence"]["en"]


def test_non_citizen_warning_says_advice_before_any_plea():
    warning = next(w for w in DATA["warnings"] if w["id"] == "non_citizen")
    assert "before any plea" in warning["title"]["en"]
    assert "antes de declararse culpable" in warning["title"]["es"]


def test_cli_prints_outcome_and_path(capsys):
    args = [f"{q}={a}" for q, a in case(citizen="no").items()]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "outcome: likely_90_96a" in out
    assert "warnings: non_citizen" in out
    assert "path: court=nc_state > charge=possession > overdose=no > prior_felony=no" in out


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
