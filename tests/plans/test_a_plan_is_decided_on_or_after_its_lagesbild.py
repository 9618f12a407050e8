"""A plan rests on a decided lägesbild: it cannot have been decided before that lägesbild was.

For a lägesbild decided before its date was asked for, the day of the click counts.
"""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from forebygg.lagesbild.models import Lagesbild
from forebygg.plans.domain.planning import decide_plan
from forebygg.plans.enums import PlanStatus
from tests.lagesbild_decision import DECIDED_ON


def decide(chain, by, decided_on):
    return decide_plan(chain.plan, body="KF", decided_on=decided_on, reference="KF 1", by=by)


def test_a_plan_decided_the_day_before_its_lagesbild_is_refused(chain, personas):
    with pytest.raises(ValidationError) as error:
        decide(chain, personas.coordinator_a, DECIDED_ON - timedelta(days=1))

    assert error.value.messages == [
        "Planen kan inte beslutas före lägesbilden den bygger på (version 1, fastställd "
        "2026-03-02)."
    ]
    chain.plan.refresh_from_db()
    assert (chain.plan.status, chain.plan.decided_on) == (PlanStatus.DRAFT, None)


def test_a_plan_decided_the_same_day_as_its_lagesbild_is_accepted(chain, personas):
    plan = decide(chain, personas.coordinator_a, DECIDED_ON)

    assert (plan.status, plan.decided_on) == (PlanStatus.DECIDED, DECIDED_ON)


def test_for_a_lagesbild_without_a_decision_date_the_click_counts(chain, personas):
    clicked = timezone.make_aware(datetime(2026, 6, 10, 9, 0))
    Lagesbild.objects.filter(pk=chain.plan.lagesbild_id).update(decided_on=None, decided_at=clicked)

    with pytest.raises(ValidationError) as error:
        decide(chain, personas.coordinator_a, DECIDED_ON)
    assert error.value.messages == [
        "Planen kan inte beslutas före lägesbilden den bygger på (version 1, fastställd "
        "2026-06-10 (beslutsdatum ej angivet))."
    ]
    assert decide(chain, personas.coordinator_a, clicked.date()).status == PlanStatus.DECIDED
