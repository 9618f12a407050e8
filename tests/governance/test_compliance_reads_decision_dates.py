"""The compliance rules count from the dates decisions and follow-ups were made, as entered, not
from when someone clicked; a follow-up dated after today has not happened; a decided lägesbild
with parts left as guidance still misses them."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from forebygg.governance.domain.compliance import check_compliance
from forebygg.lagesbild import domain
from forebygg.lagesbild.models import Lagesbild
from forebygg.plans.domain.planning import decide_plan
from forebygg.plans.models import FollowUp
from tests.lagesbild_decision import decide_written
from tests.plans.conftest import build_chain

pytestmark = pytest.mark.django_db


def rules(kommun, **kwargs) -> dict:
    return {result.code: result for result in check_compliance(kommun, **kwargs)}


def test_a_lagesbild_decided_over_two_years_ago_fails_r4_though_entered_today(personas):
    by = personas.coordinator_a
    draft = domain.draft_lagesbild(personas.kommun_a, by=by)
    decide_written(draft, by=by, decided_on=date(2024, 10, 1))

    results = rules(personas.kommun_a, today=date(2026, 12, 3))

    assert results["R1"].finding == "Lägesbild version 1 fastställdes 2024-10-01."
    assert (results["R4"].status, results["R4"].finding) == (
        "saknas",
        "Senast fastställd 2024-10-01, mer än två år sedan.",
    )


def test_a_decided_lagesbild_left_with_guidance_misses_r2_and_r3(personas, crime_statistics):
    """Versions decided before the rule could freeze guidance: the panel says missing."""
    by = personas.coordinator_a
    decided = decide_written(domain.draft_lagesbild(personas.kommun_a, by=by), by=by)
    guidance = domain.section_prompts()
    Lagesbild.objects.filter(pk=decided.pk).update(sections={**decided.sections, **guidance})

    results = rules(personas.kommun_a)

    assert (results["R2"].status, results["R3"].status) == ("saknas", "saknas")
    assert results["R3"].finding == "Saknas i kartläggningen: brottslighetens konsekvenser."


@pytest.fixture
def plan_of_2024(personas):
    chain = build_chain(personas, lagesbild_decided_on=date(2024, 9, 2))
    return decide_plan(
        chain.plan, body="KF", decided_on=date(2024, 10, 1), reference="KF 1",
        by=personas.coordinator_a,
    )  # fmt: skip


def test_a_follow_up_dated_a_year_ahead_does_not_turn_r7_green(personas, plan_of_2024):
    """Stored before future dates were refused: it has not happened yet."""
    today = timezone.localdate()
    FollowUp.objects.create(
        plan=plan_of_2024, held_on=today + timedelta(days=365), recorded_by=personas.coordinator_a
    )

    r7 = rules(personas.kommun_a, today=today)["R7"]

    assert (r7.status, r7.finding) == (
        "saknas",
        "Planen beslutades 2024-10-01 och har aldrig följts upp.",
    )


def test_once_its_day_has_come_the_follow_up_counts(personas, plan_of_2024):
    held_on = timezone.localdate() + timedelta(days=30)
    FollowUp.objects.create(plan=plan_of_2024, held_on=held_on, recorded_by=personas.coordinator_a)

    r7 = rules(personas.kommun_a, today=held_on)["R7"]

    due = held_on + timedelta(days=730)
    assert (r7.status, r7.finding) == ("uppfyllt", f"Nästa uppföljning senast {due.isoformat()}.")
