"""Sending the combined report without every kommun of the län needs the county's confirmation.

Jönköpings län has 13 kommuner. With only Jönköping's report taken in, the other 12 are listed
as missing (Värnamo's approved report as "not taken in"), sending is refused until confirmed,
and the kommuner missing at the moment of sending stay in the report and its history.
"""

import pytest
from django.core.exceptions import ValidationError

from forebygg.geo.models import Kommun
from forebygg.reporting.domain import yearly
from forebygg.reporting.enums import CountyState, MissingReason, ReportState
from forebygg.reporting.models import CountyReport, YearlyReport

pytestmark = pytest.mark.django_db
YEAR = 2026


def approved(personas, kommun, coordinator):
    report = yearly.draft_report(kommun, YEAR, by=coordinator)
    yearly.submit_report(report, by=coordinator)
    return yearly.approve_report(report, by=personas.county_a)


@pytest.fixture
def county_report(personas):
    """Jönköping's report taken in; Värnamo's approved but left out; the rest not reported."""
    county = yearly.start_county_report(personas.kommun_a.lan, YEAR, by=personas.county_a)
    jonkoping = approved(personas, personas.kommun_a, personas.coordinator_a)
    yearly.include_report(county, jonkoping, by=personas.county_a)
    approved(personas, personas.kommun_neighbour, personas.coordinator_neighbour)
    return county


def others_in_the_lan(personas) -> list[str]:
    kommuner = Kommun.objects.filter(lan=personas.kommun_a.lan).exclude(pk=personas.kommun_a.pk)
    return sorted(kommuner.values_list("code", flat=True))


def test_the_kommuner_not_in_the_report_are_listed_with_why(personas, county_report):
    missing = yearly.missing_kommuner(county_report)

    assert len(missing) == 12
    assert sorted(m.kommun.code for m in missing) == others_in_the_lan(personas)
    reasons = {m.kommun.code: m.reason for m in missing}
    assert reasons.pop("0683") == MissingReason.NOT_INCLUDED
    assert set(reasons.values()) == {MissingReason.NOT_APPROVED}


def test_sending_without_confirmation_is_refused_and_names_the_missing(personas, county_report):
    with pytest.raises(ValidationError) as refused:
        yearly.submit_county_report(county_report, by=personas.county_a)

    message = refused.value.messages[0]
    assert message.startswith("12 av länets kommuner saknas i redovisningen: ")
    assert "Värnamo" in message
    assert message.endswith("Bekräfta att du vill skicka den utan dem.")
    stored = CountyReport.objects.get(pk=county_report.pk)
    assert (stored.status, stored.content) == (CountyState.DRAFT, {})


def test_a_confirmed_send_records_which_kommuner_were_missing(personas, county_report):
    yearly.submit_county_report(county_report, by=personas.county_a, confirmed_missing=True)

    stored = CountyReport.objects.get(pk=county_report.pk)
    missing = stored.content["missing_kommuner"]
    assert stored.status == CountyState.SUBMITTED
    assert sorted(m["code"] for m in missing) == others_in_the_lan(personas)
    assert {m["code"]: m["reason"] for m in missing}["0683"] == "ej-medtagen"
    assert stored.content_hash == yearly.content_hash(stored.content)
    sent = stored.history.order_by("-history_id").first()
    assert sent.history_change_reason == "Skicka till Brå utan 12 kommuner"
    assert sent.history_user == personas.county_a
    assert sent.content["missing_kommuner"] == missing


def test_with_every_kommun_taken_in_it_is_sent_without_confirmation(personas, county_report):
    others = Kommun.objects.filter(lan=personas.kommun_a.lan).exclude(pk=personas.kommun_a.pk)
    for kommun in others:
        report = YearlyReport.objects.filter(kommun=kommun, year=YEAR).first() or (
            YearlyReport.objects.create(
                kommun=kommun, year=YEAR, status=ReportState.APPROVED, content={"facts": {}}
            )
        )
        yearly.include_report(county_report, report, by=personas.county_a)

    yearly.submit_county_report(county_report, by=personas.county_a)

    stored = CountyReport.objects.get(pk=county_report.pk)
    assert (stored.status, stored.content["missing_kommuner"]) == (CountyState.SUBMITTED, [])
    sent = stored.history.order_by("-history_id").first()
    assert sent.history_change_reason == "Skicka till Brå"
