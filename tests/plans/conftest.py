"""Kommun A's chain: a decided lägesbild, a prioritised problem with a cause, a draft plan."""

from dataclasses import dataclass
from datetime import date

import pytest

from forebygg.lagesbild.domain import draft_lagesbild
from forebygg.plans.domain.planning import add_target, create_plan, save_measure
from forebygg.plans.domain.problems import add_cause, create_problem, decide_priority
from forebygg.plans.models import Cause, Measure, Plan, Problem
from tests.lagesbild_decision import DECIDED_ON, decide_written


@dataclass
class Chain:
    problem: Problem
    cause: Cause
    plan: Plan
    measure: Measure


def build_chain(personas, *, lagesbild_decided_on: date = DECIDED_ON) -> Chain:
    """The chain; a plan is decided on or after its lägesbild (`lagesbild_decided_on`)."""
    by = personas.coordinator_a
    draft = draft_lagesbild(personas.kommun_a, by=by)
    lagesbild = decide_written(draft, by=by, decided_on=lagesbild_decided_on)
    problem = create_problem(personas.kommun_a, by=by, title="Bostadsinbrott i villaområden")
    decide_priority(problem, priority="prioriterad", reason="Ökar och avviker", by=by)
    cause = add_cause(problem, perspective="situationellt", text="Få vuxna ute dagtid", by=by)
    plan = create_plan(personas.kommun_a, lagesbild=lagesbild, title="Åtgärdsplan 2027", by=by)
    measure = save_measure(
        plan,
        by=by,
        title="Grannsamverkan",
        type="situationell",
        horizon="kort",
        owner=personas.police_a,
        causes=[cause],
    )
    add_target(
        measure,
        by=by,
        local_name="Andel som känner sig trygga (lokal enkät)",
        baseline_value=62.0,
        baseline_date=date(2026, 3, 1),
        target_value=70.0,
        target_date=date(2028, 3, 1),
        source="Jönköpings trygghetsmätning",
    )
    return Chain(problem=problem, cause=cause, plan=plan, measure=measure)


@pytest.fixture
def chain(personas) -> Chain:
    return build_chain(personas)
