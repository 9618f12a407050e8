"""The warnings panel names every broken link in the chain, and nothing when the chain holds."""

from datetime import date, timedelta

from forebygg.plans.domain.followup import record_follow_up
from forebygg.plans.domain.planning import decide_plan, save_measure
from forebygg.plans.domain.problems import create_problem, decide_priority
from forebygg.plans.domain.warnings import warnings_for


def kinds(kommun, **kwargs):
    return sorted(warning.kind for warning in warnings_for(kommun, **kwargs))


def test_a_complete_chain_only_warns_that_no_plan_is_decided_yet(chain, personas):
    assert kinds(personas.kommun_a) == ["plan"]


def test_a_measure_without_cause_owner_or_target_is_named(chain, personas):
    save_measure(chain.plan, by=personas.coordinator_a, title="Kameror", type="situationell",
                 horizon="kort")  # fmt: skip
    warnings = [w for w in warnings_for(personas.kommun_a) if w.subject == "Å2 Kameror"]
    assert sorted(w.kind for w in warnings) == ["ansvar", "mal", "orsak"]


def test_a_prioritised_problem_without_measures_is_named(chain, personas):
    problem = create_problem(personas.kommun_a, by=personas.coordinator_a, title="Narkotika")
    decide_priority(problem, priority="prioriterad", reason="", by=personas.coordinator_a)
    assert [w.subject for w in warnings_for(personas.kommun_a) if w.kind == "problem"] == [
        "Narkotika"
    ]
    set_aside = create_problem(personas.kommun_a, by=personas.coordinator_a, title="Cyklar")
    decide_priority(set_aside, priority="bortvald", reason="Låg nivå", by=personas.coordinator_a)
    assert len([w for w in warnings_for(personas.kommun_a) if w.kind == "problem"]) == 1


def test_a_plan_decided_25_months_ago_without_follow_up_warns_twice(chain, personas):
    decided_on = date(2026, 11, 1)
    decide_plan(
        chain.plan, body="KF", decided_on=decided_on, reference="1", by=personas.coordinator_a
    )
    assert kinds(personas.kommun_a, today=decided_on + timedelta(days=30)) == []
    later = decided_on + timedelta(days=25 * 31)
    assert "uppfoljning" in kinds(personas.kommun_a, today=later)
    assert "plan" in kinds(personas.kommun_a, today=later)


def test_a_recent_follow_up_clears_the_overdue_warning(chain, personas):
    plan = decide_plan(chain.plan, body="KF", decided_on=date(2026, 3, 2), reference="1",
                       by=personas.coordinator_a)  # fmt: skip
    overdue_without_it = date(2028, 6, 1)
    assert "uppfoljning" in kinds(personas.kommun_a, today=overdue_without_it)
    record_follow_up(plan, by=personas.coordinator_a, held_on=date(2026, 11, 1))
    assert "uppfoljning" not in kinds(personas.kommun_a, today=overdue_without_it)


def test_an_old_lagesbild_warns(chain, personas):
    assert "lagesbild" in kinds(personas.kommun_a, today=date.today() + timedelta(days=800))
