"""The yearly report states decision dates, not click times, and counts only follow-ups that
have happened: one dated a year ahead does not make "Har följt upp" a yes."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from forebygg.lagesbild.models import Lagesbild
from forebygg.plans.domain.planning import decide_plan
from forebygg.plans.models import FollowUp
from forebygg.reporting.domain import yearly
from forebygg.reporting.interfaces.export import kommun_report_document
from tests.plans.conftest import build_chain

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(personas):
    chain = build_chain(personas, lagesbild_decided_on=date(2024, 9, 2))
    return decide_plan(
        chain.plan, body="KF", decided_on=date(2024, 10, 1), reference="KF 1",
        by=personas.coordinator_a,
    )  # fmt: skip


def paragraphs(report) -> list[str]:
    return [block.text for block in kommun_report_document(report).blocks if block.kind == "p"]


def test_the_lagesbild_is_reported_with_its_decision_date(personas, plan):
    report = yearly.draft_report(personas.kommun_a, 2026, by=personas.coordinator_a)

    assert report.content["lagesbild"] == {
        "number": 1,
        "decided_on": "2024-09-02",
        "decision_date_stated": True,
    }
    assert "Lägesbild version 1 fastställd 2024-09-02." in paragraphs(report)


def test_a_version_without_a_decision_date_says_so(personas, plan):
    clicked = timezone.make_aware(datetime(2024, 9, 20, 10, 0))
    Lagesbild.objects.filter(pk=plan.lagesbild_id).update(decided_on=None, decided_at=clicked)

    report = yearly.draft_report(personas.kommun_a, 2026, by=personas.coordinator_a)

    assert report.content["lagesbild"]["decided_on"] == "2024-09-20"
    assert "Lägesbild version 1 fastställd 2024-09-20 (beslutsdatum ej angivet)." in paragraphs(
        report
    )


def test_a_follow_up_dated_a_year_ahead_is_not_a_follow_up(personas, plan):
    a_year_ahead = timezone.localdate() + timedelta(days=365)
    FollowUp.objects.create(plan=plan, held_on=a_year_ahead, recorded_by=personas.coordinator_a)

    report = yearly.draft_report(personas.kommun_a, 2026, by=personas.coordinator_a)

    assert report.content["facts"]["followed_up"] is False
    assert report.content["plan"]["last_follow_up"] is None
    survey = next(b for b in kommun_report_document(report).blocks if b.kind == "table")
    answers = {row[0]: row[1] for row in survey.rows}  # question, answer, evidence
    assert answers["Har följt upp planen inom två år"] == "Nej"
