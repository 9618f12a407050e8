"""Kommun A with something of every reminder kind coming due, and Värnamo (N) with its own.

Today is the real day: the lägesbild was decided, and the plan decided, 700 days ago (§ 6
then asks for the next ones within 30 days), an agreement runs out in 5 days, a council
decision was due 3 days ago, and the county returned the yearly report today.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from forebygg.governance.domain import agreements, council
from forebygg.governance.models import Agreement, Decision, Meeting
from forebygg.lagesbild.models import Lagesbild
from forebygg.plans.domain.planning import decide_plan
from forebygg.plans.models import Plan
from forebygg.reporting.domain import yearly
from forebygg.reporting.models import YearlyReport
from tests.governance.conftest import build_governance
from tests.personas import Personas
from tests.plans.conftest import build_chain

DECIDED_DAYS_AGO = 700


@dataclass
class World:
    personas: Personas
    today: date
    lagesbild: Lagesbild
    plan: Plan
    agreement: Agreement
    meeting: Meeting
    decision: Decision
    report: YearlyReport
    agreement_neighbour: Agreement


def give_emails(personas: Personas) -> None:
    for name in ("coordinator_a", "member_a", "member_b", "partner_a", "county_a", "analyst"):
        user = getattr(personas, name)
        user.email = f"{user.username}@example.se"
        user.save(update_fields=["email"])
    for name in ("coordinator_neighbour", "member_neighbour", "partner_neighbour"):
        user = getattr(personas, name)
        user.email = f"{user.username}@example.se"
        user.save(update_fields=["email"])


def build_world(personas: Personas) -> World:
    give_emails(personas)
    today = timezone.localdate()
    long_ago = today - timedelta(days=DECIDED_DAYS_AGO)
    by, kommun = personas.coordinator_a, personas.kommun_a
    chain = build_chain(personas, lagesbild_decided_on=long_ago)
    # The lägesbild was decided long ago: its decision date and click time say so.
    Lagesbild.objects.filter(pk=chain.plan.lagesbild_id).update(
        decided_at=timezone.now() - timedelta(days=DECIDED_DAYS_AGO)
    )
    plan = decide_plan(
        chain.plan, body="Kommunstyrelsen", decided_on=long_ago, reference="KS 2025/1", by=by
    )
    governance = build_governance(personas)
    agreement = agreements.save_agreement(
        governance.agreement, kommun=kommun, by=by, valid_until=today + timedelta(days=5)
    )
    meeting = council.hold_meeting(
        governance.council, held_on=today - timedelta(days=20), by=by, agenda="Lägesbilden"
    )
    decision = council.add_decision(
        meeting, text="Ta fram en ny trygghetsmätning", due_on=today - timedelta(days=3), by=by
    )
    report = yearly.submit_report(yearly.draft_report(kommun, today.year - 1, by=by), by=by)
    report = yearly.return_report(report, by=personas.county_a, comments="Komplettera målen.")
    return World(
        personas=personas,
        today=today,
        lagesbild=Lagesbild.objects.get(pk=chain.plan.lagesbild_id),
        plan=plan,
        agreement=agreement,
        meeting=meeting,
        decision=decision,
        report=report,
        agreement_neighbour=neighbour_agreement(personas, today),
    )


def neighbour_agreement(personas: Personas, today: date) -> Agreement:
    """Värnamo's own agreement with the region, running out within the same 60 days."""
    return agreements.save_agreement(
        None,
        kommun=personas.kommun_neighbour,
        by=personas.coordinator_neighbour,
        kind="samverkan",
        title="Värnamos överenskommelse med regionen",
        purposes="Trygghet",
        areas="Centrum",
        valid_from=date(2025, 1, 1),
        valid_until=today + timedelta(days=40),
        signed_on=date(2025, 1, 1),
        parties=[personas.region],
    )


@pytest.fixture
def world(personas) -> World:
    return build_world(personas)


def user_named(username: str):
    return get_user_model().objects.get(username=username)
