"""The quiz's reference evaluator (sitebuild/quiz.py) on hand-written legal
scenarios, checked against ../shared/research/nc-diversion-law.md section 7,
and its command line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

from scripts.quiz import main
from sitebuild.quiz import (
    QuizError,
    enumerate_paths,
    evaluate,
    fallback,
    load,
    visible_questions,
    warnings_for,
)

DATA = load(ROOT / "data" / "quiz.yml")
CLEAN = {  # a first drug charge in NC state court, an adult of 22 or more, nothing in the past
    "court": "nc_state", "age": "age_22_plus", "charge": "possession", "overdose": "no",
    "prior_felony": "no", "prior_drug": "no", "prior_discharge": "no", "citizen": "yes",
}


def case(**changes: str) -> dict[str, str]:
    return {**CLEAN, **changes}


def outcome(answers: dict[str, str]) -> str:
    return evaluate(answers)[0]


# Every route, with the statute it rests on (../shared/research/nc-diversion-law.md
# sections 2, 4, 4b and 7; legal-review-2.md findings): name, answers,
# result, fallback result, statute.
NC = {"court": "nc_state", "age": "age_22_plus"}
YOUNG = {"court": "nc_state", "age": "age_18_21"}
POSS = {**NC, "charge": "possession", "overdose": "no"}
CLEAN_RECORD = {"prior_felony": "no", "prior_drug": "no", "prior_discharge": "no"}
INTENT = {**NC, "charge": "intent"}
SCENARIOS = [
    # possession or paraphernalia, nothing in the past: G.S. 90-96(a)
    ("first possession", {**POSS, **CLEAN_RECORD}, "likely_90_96a", None, "G.S. 90-96(a)"),
    # F1: 18 to 21 adds the later record relief
    ("first possession, 18 to 21", {**YOUNG, "charge": "possession", "overdose": "no", **CLEAN_RECORD},
     "likely_90_96a_young", None, "G.S. 15A-145.2"),
    # F1: juvenile court since Raise the Age
    ("16 or 17", {"court": "nc_state", "age": "age_16_17"}, "juvenile", None, "G.S. 7B-1501(7)"),
    ("15 or younger", {"court": "nc_state", "age": "age_15_or_younger"}, "juvenile", None, "G.S. 7B-1501(7)"),
    ("age not sure", {"court": "nc_state", "age": "not_sure"}, "ask_attorney", None, "G.S. 7B-1501(7)"),
    # a past felony: 15A-1341(a1)/(a4) closed, 90-96(a1) disputed, recovery court
    ("possession, past felony", {**POSS, "prior_felony": "yes"}, "past_felony", None, "G.S. 15A-1341(a1)"),
    ("intent, past felony", {**INTENT, "prior_felony": "yes"}, "past_felony", None, "G.S. 15A-1341(a1)"),
    # a past 90-96 / 90-113.14 discharge: once in a lifetime, even if expunged (F6)
    ("possession, past discharge", {**POSS, **CLEAN_RECORD, "prior_discharge": "yes"}, "past_discharge", None,
     "G.S. 15A-151"),
    ("past discharge and a drug conviction", {**POSS, **CLEAN_RECORD, "prior_drug": "yes", "prior_discharge": "yes"},
     "past_discharge", None, "G.S. 90-113.14"),
    # a past drug conviction: 90-96(a) closed; (a1), 15A-1341, recovery court may
    ("possession, past drug conviction", {**POSS, **CLEAN_RECORD, "prior_drug": "yes"}, "discretionary", None,
     "G.S. 90-96(a1)"),
    # Class H/I (intent, delivery, making other than meth, selling III-VI)
    ("intent, clean record", {**INTENT, "prior_felony": "no", "probation": "no"}, "class_h_i", None, "G.S. 90-95(b)"),
    ("intent, 18 to 21", {**YOUNG, "charge": "intent", "prior_felony": "no", "probation": "no"}, "class_h_i", None,
     "G.S. 15A-1341(a4)"),
    ("intent, past probation", {**INTENT, "prior_felony": "no", "probation": "yes"}, "intent_after_probation", None,
     "G.S. 15A-1341(a1)"),
    ("intent, not sure of probation", {**INTENT, "prior_felony": "no", "probation": "not_sure"}, "ask_attorney", None,
     "G.S. 15A-1341(a1)"),
    ("intent, not sure of a felony", {**INTENT, "prior_felony": "not_sure"}, "ask_attorney", None, "G.S. 90-96(a)"),
    # F4: maintaining a vehicle or dwelling, fraud: not possession, (a1)/(a4) may
    ("maintaining a vehicle or fraud", {**NC, "charge": "maintaining"}, "not_possession", None, "G.S. 90-108(a)(7)"),
    # F2, F3: any Schedule I/II sale (Class G), meth (C), enhancements (E/D), trafficking
    ("selling a Schedule I or II drug or making meth", {**NC, "charge": "sale_class_g"}, "serious_charge", None,
     "G.S. 90-95(b)(1)"),
    ("school, park, child or pregnancy enhancement", {**NC, "charge": "enhanced"}, "serious_charge", None,
     "G.S. 90-95(e)"),
    ("trafficking", {**NC, "charge": "trafficking"}, "serious_charge", None, "G.S. 90-95(h)"),
    ("selling, 18 to 21", {**YOUNG, "charge": "sale_class_g"}, "serious_charge", None, "G.S. 90-95(b)(1)"),
    # overdose (F8): the caller and the person who overdosed get immunity first,
    # then the 90-96 result if immunity does not apply
    ("overdose caller, clean record", {**POSS, "overdose": "called", **CLEAN_RECORD}, "overdose_immunity",
     "likely_90_96a", "G.S. 90-96.2"),
    ("person who overdosed, clean record", {**POSS, "overdose": "overdosed", **CLEAN_RECORD}, "overdose_immunity",
     "likely_90_96a", "G.S. 90-96.2"),
    ("overdose caller, 18 to 21", {**YOUNG, "charge": "possession", "overdose": "called", **CLEAN_RECORD},
     "overdose_immunity", "likely_90_96a_young", "G.S. 90-96.2"),
    ("overdose caller, past felony", {**POSS, "overdose": "called", "prior_felony": "yes"}, "overdose_immunity",
     "past_felony", "G.S. 90-96.2"),
    ("overdose caller, past discharge", {**POSS, "overdose": "called", **CLEAN_RECORD, "prior_discharge": "yes"},
     "overdose_immunity", "past_discharge", "G.S. 90-96.2"),
    ("overdose not sure, drug conviction", {**POSS, "overdose": "not_sure", **CLEAN_RECORD, "prior_drug": "yes"},
     "overdose_immunity", "discretionary", "G.S. 90-96.2"),
    # F8: a bystander or someone who drove the person goes straight to the record's result
    ("overdose bystander, clean record", {**POSS, "overdose": "bystander", **CLEAN_RECORD}, "likely_90_96a", None,
     "G.S. 90-96(a)"),
    ("overdose bystander, drug conviction", {**POSS, "overdose": "bystander", **CLEAN_RECORD, "prior_drug": "yes"},
     "discretionary", None, "G.S. 90-96(a1)"),
    # federal, tribal (F21), other state, decisive "not sure"
    ("federal case", {"court": "federal"}, "other_court", None, "G.S. 90-96"),
    ("tribal court", {"court": "tribal"}, "other_court", None, "G.S. 90-96"),
    ("other state", {"court": "other_state"}, "other_court", None, "G.S. 90-96"),
    ("court not sure", {"court": "not_sure"}, "ask_attorney", None, "G.S. 90-96"),
    ("charge not sure", {**NC, "charge": "not_sure"}, "ask_attorney", None, "G.S. 90-95"),
    ("felony not sure", {**POSS, "prior_felony": "not_sure", "prior_drug": "no", "prior_discharge": "no"},
     "ask_attorney", None, "G.S. 90-96(a)"),
    ("discharge not sure", {**POSS, **CLEAN_RECORD, "prior_discharge": "not_sure"}, "ask_attorney", None,
     "G.S. 90-113.14"),
    ("drug conviction not sure", {**POSS, **CLEAN_RECORD, "prior_drug": "not_sure"}, "ask_attorney", None,
     "G.S. 90-96(a)"),
    # a known disqualifier decides even when another answer is "not sure"
    ("felony not sure but a drug conviction", {**POSS, "prior_felony": "not_sure", "prior_drug": "yes",
                                               "prior_discharge": "no"}, "discretionary", None, "G.S. 90-96(a)"),
    ("felony not sure but a past discharge", {**POSS, "prior_felony": "not_sure", "prior_drug": "not_sure",
                                              "prior_discharge": "yes"}, "past_discharge", None, "G.S. 90-96(a)"),
]
RULES = {r["id"]: r for r in DATA["rules"]}
OUTCOMES = {o["id"]: o for o in DATA["outcomes"]}


def law_of(answers: dict[str, str]) -> set[str]:
    """Every statute the result of these answers cites (outcome, rule, fallback)."""
    from sitebuild.quiz import fallback_rule, matching_rule

    rules = [r for r in (matching_rule(answers), fallback_rule(answers)) if r]
    return {c["text"] for r in rules for c in (*r["citations"], *OUTCOMES[r["outcome"]]["citations"])}


@pytest.mark.parametrize("answers, result, extra, statute", [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_route_cites_its_statute_in_both_languages(answers, result, extra, statute, lang):
    answers = {**answers, "citizen": "yes"}
    assert statute in law_of(answers)
    got = OUTCOMES[outcome(answers)]
    for key in ("title", "sentence", "criteria"):
        assert got[key][lang].strip(), (got["id"], key, lang)
    assert all(a[lang].strip() for a in got["assumptions"])


@pytest.mark.parametrize("answers, result, extra", [s[1:4] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
@pytest.mark.parametrize("citizen", ["yes", "no", "not_sure"])
def test_scenarios_from_the_research(answers, result, extra, citizen):
    answers = {**answers, "citizen": citizen}
    assert [q for q in visible_questions(answers)] == [q for q in visible_questions(answers) if q in answers], \
        f"{answers}: a question is left unanswered"
    assert outcome(answers) == result
    got = fallback(answers)
    assert (got[0] if got else None) == extra
    expected = ["non_citizen"] if citizen in ("no", "not_sure") else []
    if answers.get("overdose") == "bystander":
        expected.append("overdose_bystander")
    assert warnings_for(answers) == expected


def test_first_time_possession_reasons_are_the_answers_that_decide():
    result, reasons = evaluate(CLEAN)
    assert result == "likely_90_96a"
    assert reasons == [
        ("court", "nc_state"), ("age", "age_22_plus"), ("charge", "possession"),
        ("prior_felony", "no"), ("prior_drug", "no"), ("prior_discharge", "no"),
    ]


def test_a_past_felony_skips_the_questions_it_settles():
    shown = visible_questions(case(prior_felony="yes"))
    assert "prior_drug" not in shown and "prior_discharge" not in shown and "probation" not in shown
    assert shown[-1] == "citizen"


def test_overdose_yes_no_longer_ends_the_quiz():
    shown = visible_questions({**POSS, "overdose": "called", **CLEAN_RECORD})
    assert shown == ["court", "age", "charge", "overdose", "prior_felony", "prior_drug", "prior_discharge", "citizen"]
    assert fallback({**POSS, "overdose": "called", **CLEAN_RECORD, "citizen": "yes"}) == (
        "likely_90_96a",
        [("court", "nc_state"), ("age", "age_22_plus"), ("charge", "possession"), ("prior_felony", "no"),
         ("prior_drug", "no"), ("prior_discharge", "no")],
    )


def test_a_past_discharge_is_once_in_a_lifetime_and_never_offered_a1():
    past = next(o for o in DATA["outcomes"] if o["id"] == "past_discharge")
    assert "once in a lifetime" in past["sentence"]["en"] and "(a1)" in past["sentence"]["en"]
    assert "una sola vez en la vida" in past["sentence"]["es"]


def test_a_past_felony_is_never_told_15a_1341_a1_a4_is_open():
    felony = next(o for o in DATA["outcomes"] if o["id"] == "past_felony")
    assert "closes" in felony["sentence"]["en"] and "15A-1341(a1) and (a4)" in felony["sentence"]["en"]
    for a in felony["assumptions"]:
        assert "15A-1341(a1)" not in a["en"] and "15A-1341(a4)" not in a["en"], a


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
        expected += ["overdose_bystander"] if answers.get("overdose") == "bystander" else []
        assert warnings_for(answers) == expected, path


def test_answers_to_questions_not_asked_do_not_count():
    answers = {"court": "federal", "age": "age_16_17", "charge": "possession", "prior_felony": "yes", "citizen": "yes"}
    assert evaluate(answers) == ("other_court", [("court", "federal")])


def test_unknown_ids_are_refused():
    with pytest.raises(QuizError, match="unknown question 'courts'"):
        evaluate({"courts": "nc_state"})
    with pytest.raises(QuizError, match="question 'court' has no option 'nc'"):
        evaluate({"court": "nc"})


def test_unfinished_answers_name_the_next_question():
    with pytest.raises(QuizError, match="next question: 'age'"):
        evaluate({"court": "nc_state"})
    with pytest.raises(QuizError, match="next question: 'charge'"):
        evaluate({"court": "nc_state", "age": "age_18_21"})


def test_every_path_reaches_one_of_the_research_outcomes():
    paths = enumerate_paths()
    reached = {outcome(dict(p)) for p in paths}
    assert reached == {"likely_90_96a", "likely_90_96a_young", "discretionary", "past_felony", "past_discharge",
                       "class_h_i", "intent_after_probation", "not_possession", "overdose_immunity", "serious_charge",
                       "juvenile", "other_court", "ask_attorney"}
    assert len(paths) == len({tuple(p) for p in paths})
    for path in paths:
        answers = dict(path)
        assert [q for q, _ in path] == visible_questions(answers), path
    # Only the clean record of an adult in NC state court is "likely": with no
    # overdose call or as a bystander, one per citizenship answer and age group.
    for result, age in (("likely_90_96a", "age_22_plus"), ("likely_90_96a_young", "age_18_21")):
        likely = [dict(p) for p in paths if outcome(dict(p)) == result]
        assert len(likely) == 6, result
        assert all({**a, "citizen": "yes", "overdose": "no"} == case(age=age) for a in likely), result


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
    assert "no cuenta como una condena según las leyes de Carolina del Norte" in likely["sentence"]["es"]
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
    assert "path: court=nc_state > age=age_22_plus > charge=possession > overdose=no > prior_felony=no" in out


def test_cli_prints_the_fallback(capsys):
    args = [f"{q}={a}" for q, a in case(overdose="called").items()]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "outcome: overdose_immunity" in out and "fallback: likely_90_96a" in out


def test_cli_asks_for_the_next_question(capsys):
    assert main(["court=nc_state", "age=age_22_plus", "charge=possession"]) == 2
    assert "next question: overdose (called, overdosed, bystander, no, not_sure)" in capsys.readouterr().out


def test_cli_refuses_unknown_option(capsys):
    assert main(["court=mars"]) == 1
    assert "question 'court' has no option 'mars'" in capsys.readouterr().err


def test_cli_runs_as_a_module(capsys):
    """`python -m scripts.quiz` starts (one process); what it prints for
    answers and for a check comes from main(), run here."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    help_ = subprocess.run([sys.executable, "-m", "scripts.quiz", "--help"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60)
    assert help_.returncode == 0 and "QUESTION=OPTION" in help_.stdout
    capsys.readouterr()
    assert main(["court=federal", "citizen=yes"]) == 0
    out = capsys.readouterr().out
    assert "outcome: other_court" in out and "path: court=federal > citizen=yes" in out
    assert main([]) == 0
    assert f"{len(enumerate_paths())} answer paths" in capsys.readouterr().out
