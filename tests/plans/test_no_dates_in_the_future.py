"""What has happened cannot be dated later than today: a plan's decision, a follow-up, a status
report, a reading. Today itself is accepted."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from forebygg.plans.domain.followup import record_follow_up, record_reading, report_status
from forebygg.plans.domain.planning import decide_plan
from forebygg.plans.enums import PlanStatus
from forebygg.plans.models import FollowUp, Plan, StatusReport, TargetReading


def today():
    return timezone.localdate()


def tomorrow():
    return today() + timedelta(days=1)


def decide(chain, by, decided_on):
    return decide_plan(chain.plan, body="KF", decided_on=decided_on, reference="KF 1", by=by)


def refused(action) -> list[str]:
    with pytest.raises(ValidationError) as error:
        action()
    return error.value.messages


def test_a_plan_decided_tomorrow_is_refused(chain, personas):
    messages = refused(lambda: decide(chain, personas.coordinator_a, tomorrow()))

    assert messages == ["Beslutsdatum kan inte ligga i framtiden."]
    assert Plan.objects.get(pk=chain.plan.pk).status == PlanStatus.DRAFT


@pytest.fixture
def plan(chain, personas):
    return decide(chain, personas.coordinator_a, today() - timedelta(days=10))


def test_a_follow_up_dated_a_year_ahead_is_refused(plan, personas):
    a_year_ahead = today() + timedelta(days=365)

    messages = refused(
        lambda: record_follow_up(plan, by=personas.coordinator_a, held_on=a_year_ahead)
    )

    assert messages == ["En uppföljning kan inte dateras i framtiden."]
    assert FollowUp.objects.filter(plan=plan).count() == 0


def test_a_follow_up_held_today_is_recorded(plan, personas):
    follow_up = record_follow_up(plan, by=personas.coordinator_a, held_on=today())

    assert follow_up.held_on == today()


def test_a_status_report_dated_tomorrow_is_refused(plan, chain, personas):
    messages = refused(
        lambda: report_status(
            chain.measure, by=personas.partner_a, state="pagaende", share_done=10,
            reported_on=tomorrow(),
        )
    )  # fmt: skip

    assert messages == ["En statusrapport kan inte dateras i framtiden."]
    assert StatusReport.objects.filter(measure=chain.measure).count() == 0


def test_a_reading_dated_tomorrow_is_refused(plan, chain, personas):
    target = chain.measure.targets.get()

    messages = refused(
        lambda: record_reading(
            target, by=personas.coordinator_a, value=65.0, measured_on=tomorrow(), source="Enkät"
        )
    )

    assert messages == ["Ett värde kan inte avse ett datum i framtiden."]
    assert TargetReading.objects.filter(target=target).count() == 0
