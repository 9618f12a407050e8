"""The chain of work: each step's state, the § 6 dates and the one next action, step by step."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from forebygg.governance.domain.chain import chain_of
from forebygg.governance.enums import ChainAction, ChainStep, StepState
from forebygg.lagesbild.domain import draft_lagesbild, update_due
from forebygg.plans.domain.followup import follow_up_due, record_follow_up
from forebygg.plans.domain.planning import add_target, create_plan, decide_plan, save_measure
from forebygg.plans.domain.problems import add_cause, create_problem
from tests.lagesbild_decision import decide_written

pytestmark = pytest.mark.django_db


def states(chain) -> dict[str, str]:
    return {step.step: step.state for step in chain.steps}


def next_action(kommun, **kwargs) -> tuple:
    action = chain_of(kommun, **kwargs).next
    return (action.action, action.key, action.measure_key) if action else None


def decided_lagesbild(personas):
    by = personas.coordinator_a
    return decide_written(draft_lagesbild(personas.kommun_a, by=by), by=by)


def test_a_kommun_with_nothing_starts_with_a_lagesbild(personas):
    chain = chain_of(personas.kommun_a)

    assert chain.is_empty is True
    assert states(chain) == {
        ChainStep.LAGESBILD: StepState.NOT_STARTED,
        ChainStep.PROBLEMS: StepState.NOT_STARTED,
        ChainStep.PLAN: StepState.NOT_STARTED,
        ChainStep.FOLLOW_UP: StepState.NOT_STARTED,
    }
    assert next_action(personas.kommun_a) == (ChainAction.CREATE_LAGESBILD, None, "")
    assert chain.deadlines == []


def test_a_draft_lagesbild_is_to_be_decided(personas):
    draft = draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)

    chain = chain_of(personas.kommun_a)

    assert chain.is_empty is False
    assert states(chain)[ChainStep.LAGESBILD] == StepState.IN_PROGRESS
    assert next_action(personas.kommun_a) == (ChainAction.DECIDE_LAGESBILD, draft.number, "")


def test_a_decided_lagesbild_leads_to_problems_and_sets_its_update_date(personas):
    lagesbild = decided_lagesbild(personas)

    chain = chain_of(personas.kommun_a)

    assert states(chain)[ChainStep.LAGESBILD] == StepState.DONE
    assert [(s.step, s.due) for s in chain.deadlines] == [
        (ChainStep.LAGESBILD, update_due(lagesbild))
    ]
    assert next_action(personas.kommun_a) == (ChainAction.ADD_PROBLEM, None, "")


def test_a_problem_without_a_cause_asks_for_its_cause(personas):
    decided_lagesbild(personas)
    problem = create_problem(personas.kommun_a, by=personas.coordinator_a, title="Inbrott")

    assert states(chain_of(personas.kommun_a))[ChainStep.PROBLEMS] == StepState.IN_PROGRESS
    assert next_action(personas.kommun_a) == (ChainAction.ADD_CAUSE, problem.pk, "")


def test_problems_with_causes_lead_to_a_plan(personas):
    decided_lagesbild(personas)
    problem = create_problem(personas.kommun_a, by=personas.coordinator_a, title="Inbrott")
    add_cause(problem, perspective="situationellt", text="Få vuxna", by=personas.coordinator_a)

    assert states(chain_of(personas.kommun_a))[ChainStep.PROBLEMS] == StepState.DONE
    assert next_action(personas.kommun_a) == (ChainAction.CREATE_PLAN, None, "")


def test_a_plan_cannot_be_the_next_step_before_a_lagesbild_is_decided(personas):
    chain = chain_of(personas.kommun_a)

    plan_step = chain.steps[2]
    assert (plan_step.step, plan_step.action) == (ChainStep.PLAN, None)


def test_a_draft_plan_asks_for_measures_then_targets_then_a_decision(personas):
    by = personas.coordinator_a
    lagesbild = decided_lagesbild(personas)
    problem = create_problem(personas.kommun_a, by=by, title="Inbrott")
    cause = add_cause(problem, perspective="situationellt", text="Få vuxna", by=by)
    plan = create_plan(personas.kommun_a, lagesbild=lagesbild, title="Plan", by=by)
    assert next_action(personas.kommun_a) == (ChainAction.ADD_MEASURE, plan.number, "")

    measure = save_measure(
        plan, by=by, title="Grannsamverkan", type="situationell", horizon="kort", causes=[cause]
    )
    assert next_action(personas.kommun_a) == (ChainAction.ADD_TARGET, plan.number, measure.key)

    add_target(
        measure, by=by, local_name="Trygghet", baseline_value=60, baseline_date=date(2026, 1, 1),
        target_value=70, target_date=date(2028, 1, 1), source="Enkät",
    )  # fmt: skip
    assert states(chain_of(personas.kommun_a))[ChainStep.PLAN] == StepState.IN_PROGRESS
    assert next_action(personas.kommun_a) == (ChainAction.DECIDE_PLAN, plan.number, "")


def test_a_decided_plan_is_to_be_followed_up_within_two_years(chain, personas):
    decide_plan(chain.plan, body="KF", decided_on=timezone.localdate(), reference="KS 1",
                by=personas.coordinator_a)  # fmt: skip

    result = chain_of(personas.kommun_a)

    assert states(result)[ChainStep.PLAN] == StepState.DONE
    assert states(result)[ChainStep.FOLLOW_UP] == StepState.NOT_STARTED
    assert result.steps[3].due == follow_up_due(chain.plan)
    assert next_action(personas.kommun_a) == (ChainAction.FOLLOW_UP, chain.plan.number, "")


def test_a_followed_up_plan_completes_the_chain(chain, personas):
    today = timezone.localdate()
    decide_plan(chain.plan, body="KF", decided_on=today, reference="KS 1",
                by=personas.coordinator_a)  # fmt: skip
    record_follow_up(chain.plan, by=personas.coordinator_a, held_on=today, summary="Bra")

    result = chain_of(personas.kommun_a)

    assert set(states(result).values()) == {StepState.DONE}
    assert result.next is None
    assert [s.step for s in result.deadlines] == [ChainStep.LAGESBILD, ChainStep.FOLLOW_UP]


def test_past_the_section_6_dates_the_steps_are_overdue_and_the_lagesbild_comes_first(
    chain, personas
):
    today = timezone.localdate()
    decide_plan(chain.plan, body="KF", decided_on=today, reference="KS 1",
                by=personas.coordinator_a)  # fmt: skip
    later = today + timedelta(days=800)

    result = chain_of(personas.kommun_a, today=later)

    assert states(result)[ChainStep.LAGESBILD] == StepState.OVERDUE
    assert states(result)[ChainStep.FOLLOW_UP] == StepState.OVERDUE
    assert next_action(personas.kommun_a, today=later) == (ChainAction.CREATE_LAGESBILD, None, "")
