"""Follow-up: statuses per measure, indicators against baseline and target, who may report."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import Role
from forebygg.orgs.models import Organisation, Partnership
from forebygg.plans.domain.followup import (
    record_follow_up,
    record_reading,
    report_status,
    target_progress,
)
from forebygg.plans.domain.planning import add_target, decide_plan, save_measure
from forebygg.stats.models import Indicator, Observation
from tests.personas import make_user


def decided(chain, by):
    return decide_plan(
        chain.plan, body="Kommunstyrelsen", decided_on=date(2026, 11, 1), reference="KS 1", by=by
    )


def test_a_partner_reports_status_on_its_own_measure(chain, personas):
    decided(chain, personas.coordinator_a)
    report = report_status(
        chain.measure, by=personas.partner_a, state="pagaende", share_done=40,
        narrative="Tre områden i gång", reported_on=date(2026, 12, 1),
    )  # fmt: skip
    assert report.reported_by == personas.partner_a
    assert chain.measure.status_reports.first() == report


def test_a_partner_cannot_report_on_another_organisations_measure(chain, personas):
    own = save_measure(
        chain.plan, by=personas.coordinator_a, title="Fritidsgårdar", type="social", horizon="lang",
        causes=[chain.cause],
    )  # fmt: skip
    decided(chain, personas.coordinator_a)
    with pytest.raises(PermissionDenied):
        report_status(own, by=personas.partner_a, state="pagaende", share_done=10,
                      reported_on=date(2026, 12, 1))  # fmt: skip
    assert own.status_reports.count() == 0


def test_a_partner_of_another_kommun_with_the_same_role_cannot_report(chain, personas):
    decided(chain, personas.coordinator_a)
    housing = Organisation.objects.create(name="Bostadsbolag B", type="bostadsbolag")
    Partnership.objects.create(kommun=personas.kommun_b, organisation=housing)
    stranger = make_user("harald")
    grant_role(stranger, housing, Role.PARTNER_MEMBER, kommun=personas.kommun_b)
    with pytest.raises(PermissionDenied):
        report_status(chain.measure, by=stranger, state="pagaende", share_done=10,
                      reported_on=date(2026, 12, 1))  # fmt: skip


def test_status_is_reported_only_on_decided_plans_and_within_0_to_100(chain, personas):
    with pytest.raises(ValidationError, match="beslutad plan"):
        report_status(chain.measure, by=personas.coordinator_a, state="pagaende", share_done=10,
                      reported_on=date(2026, 12, 1))  # fmt: skip
    decided(chain, personas.coordinator_a)
    with pytest.raises(ValidationError, match="0–100"):
        report_status(chain.measure, by=personas.coordinator_a, state="pagaende", share_done=120,
                      reported_on=date(2026, 12, 1))  # fmt: skip
    with pytest.raises(ValidationError, match="100 %"):
        report_status(chain.measure, by=personas.coordinator_a, state="genomford", share_done=80,
                      reported_on=date(2026, 12, 1))  # fmt: skip


def test_a_local_indicator_is_followed_up_by_hand_with_its_share_of_the_way(chain, personas):
    decided(chain, personas.coordinator_a)
    target = chain.measure.targets.get()
    assert target_progress(target).current_value is None
    record_reading(target, by=personas.coordinator_a, value=66.0, measured_on=date(2026, 11, 15),
                   source="Trygghetsmätning 2026")  # fmt: skip
    progress = target_progress(target)
    assert (progress.current_value, progress.automatic) == (66.0, False)
    assert progress.share_of_way == pytest.approx((66 - 62) / (70 - 62) * 100)


def test_an_indicator_from_the_statistics_is_filled_in_automatically(
    chain, personas, crime_statistics
):
    indicator = Indicator.objects.get(key="bra.anmalda.burglary")
    newest = (
        Observation.objects.filter(indicator=indicator, geo_code="0680", geo_level="kommun")
        .order_by("-year")
        .first()
    )
    target = add_target(
        chain.measure, by=personas.coordinator_a, indicator=indicator,
        baseline_value=newest.value + 100, baseline_date=date(2024, 12, 31),
        target_value=newest.value - 100, target_date=date(2028, 12, 31),
    )  # fmt: skip
    progress = target_progress(target)
    assert progress.automatic
    assert progress.current_value == newest.value
    assert progress.current_period.startswith(str(newest.year))
    assert "Brå" in progress.current_source
    assert progress.share_of_way == pytest.approx(50.0)
    with pytest.raises(ValidationError, match="statistiken"):
        record_reading(target, by=personas.coordinator_a, value=1, measured_on=date(2027, 1, 1),
                       source="X")  # fmt: skip


def test_a_follow_up_freezes_statuses_and_values_as_they_were(chain, personas):
    plan = decided(chain, personas.coordinator_a)
    report_status(chain.measure, by=personas.partner_a, state="pagaende", share_done=40,
                  reported_on=date(2026, 11, 10))  # fmt: skip
    follow_up = record_follow_up(plan, by=personas.coordinator_a, held_on=date(2026, 11, 20),
                                 summary="Första uppföljningen")  # fmt: skip
    report_status(chain.measure, by=personas.partner_a, state="genomford", share_done=100,
                  reported_on=date(2026, 12, 1))  # fmt: skip
    follow_up.refresh_from_db()
    row = follow_up.snapshot["measures"][0]
    assert (row["key"], row["state"], row["share_done"]) == ("Å1", "Pågående", 40)
    assert row["targets"][0]["indicator"] == "Andel som känner sig trygga (lokal enkät)"


def test_a_follow_up_needs_a_decided_plan_and_cannot_predate_the_decision(chain, personas):
    with pytest.raises(ValidationError, match="beslutad plan"):
        record_follow_up(chain.plan, by=personas.coordinator_a, held_on=date(2027, 1, 1))
    plan = decided(chain, personas.coordinator_a)
    with pytest.raises(ValidationError, match="före"):
        record_follow_up(plan, by=personas.coordinator_a, held_on=date(2026, 1, 1))
    with pytest.raises(PermissionDenied):
        record_follow_up(plan, by=personas.partner_a, held_on=date(2027, 1, 1))
