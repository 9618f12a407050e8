"""The report chain as each persona meets it: who reads, who moves, and that drafts never leak.

Kommun A (Jönköping, län 06) reports; its county officer decides; Brå reads what the county
sent. Kommun B's staff and the other län's officer see nothing of A at any stage.
"""

import pytest
from django.urls import reverse

from forebygg.reporting.domain import yearly
from forebygg.reporting.enums import CountyState, ReportState
from forebygg.reporting.models import CountyReport, YearlyReport
from tests.backoffice.test_personas import client_for
from tests.oversight.conftest import YEAR
from tests.personas import PERSONA_NAMES

pytestmark = pytest.mark.django_db


def report_url(name="yearly_report", **kwargs):
    return reverse(f"backoffice:{name}", kwargs={"code": "0680", "year": YEAR, **kwargs})


def county_url(name="county_report", lan="06", **kwargs):
    return reverse(f"oversight:{name}", kwargs={"lan_code": lan, "year": YEAR, **kwargs})


def readers(client, personas, url) -> set[str]:
    who = set()
    for persona in [name for name in PERSONA_NAMES if name != "anonymous"]:
        client.logout()
        if client_for(client, personas, persona).get(url).status_code == 200:
            who.add(persona)
    return who


def test_a_draft_report_is_read_only_by_the_kommun(client, personas):
    yearly.draft_report(personas.kommun_a, YEAR, by=personas.coordinator_a)

    assert readers(client, personas, report_url()) == {"coordinator_a"}


def test_a_submitted_report_is_read_by_the_kommun_and_its_own_county_only(
    client, personas, submitted
):
    assert readers(client, personas, report_url()) == {"coordinator_a", "county_a"}


def test_brå_reads_the_report_once_the_county_has_sent_it_on(client, personas, sent_to_bra):
    assert readers(client, personas, report_url()) == {"coordinator_a", "county_a", "analyst"}
    assert readers(client, personas, county_url()) == {"county_a", "analyst"}


def test_brå_does_not_see_a_county_report_still_in_draft(client, personas, submitted):
    yearly.start_county_report(personas.kommun_a.lan, YEAR, by=personas.county_a)

    assert readers(client, personas, county_url()) == {"county_a"}


def test_the_coordinator_submits_from_the_report_page(client, personas):
    client.force_login(personas.coordinator_a)
    client.post(reverse("backoffice:yearly_report_draft", kwargs={"code": "0680"}), {"year": YEAR})

    page = client.get(report_url())
    assert "Skicka till länsstyrelsen" in page.content.decode()
    client.post(report_url("yearly_report_move", target=ReportState.SUBMITTED))

    assert YearlyReport.objects.get(kommun=personas.kommun_a, year=YEAR).status == "inskickad"


@pytest.mark.parametrize("persona", ["coordinator_a", "county_other", "analyst", "member_b"])
def test_only_the_county_officer_of_the_län_can_approve(client, personas, submitted, persona):
    client_for(client, personas, persona).post(
        report_url("yearly_report_move", target=ReportState.APPROVED)
    )

    assert YearlyReport.objects.get(pk=submitted.pk).status == ReportState.SUBMITTED


def test_the_county_returns_with_comments_and_the_kommun_reads_them(client, personas, submitted):
    client.force_login(personas.county_a)
    client.post(
        report_url("yearly_report_move", target=ReportState.RETURNED),
        {"comments": "Beskriv rådets sammansättning."},
    )
    client.force_login(personas.coordinator_a)
    page = client.get(report_url()).content.decode()

    assert "Återförvisad med kommentarer" in page
    assert "Beskriv rådets sammansättning." in page
    assert "Skicka in igen" in page


def test_returning_without_comments_is_refused_in_swedish(client, personas, submitted):
    client.force_login(personas.county_a)
    response = client.post(
        report_url("yearly_report_move", target=ReportState.RETURNED),
        {"comments": " "},
        follow=True,
    )

    assert "Skriv vad kommunen behöver komplettera." in response.content.decode()
    assert YearlyReport.objects.get(pk=submitted.pk).status == ReportState.SUBMITTED


def test_the_county_builds_and_sends_its_combined_report(client, personas, submitted):
    yearly.approve_report(submitted, by=personas.county_a)
    client.force_login(personas.county_a)

    client.post(county_url("county_report_action", action="paborja"))
    client.post(
        county_url("county_report_action", action="regionalt-arbete"),
        {"networks": "Länsnätverk för samordnare", "trainings": "", "cross_kommun_measures": ""},
    )
    client.post(county_url("county_report_action", action="ta-med"), {"report": submitted.pk})
    client.post(county_url("county_report_action", action="skicka"), {"confirm_missing": "on"})

    county_report = CountyReport.objects.get(lan=personas.kommun_a.lan, year=YEAR)
    assert county_report.status == CountyState.SUBMITTED
    assert county_report.networks == "Länsnätverk för samordnare"
    assert YearlyReport.objects.get(pk=submitted.pk).status == ReportState.INCLUDED


@pytest.mark.parametrize("persona", ["county_other", "analyst", "coordinator_a"])
def test_no_one_but_the_county_acts_on_its_combined_report(client, personas, persona):
    client_for(client, personas, persona).post(county_url("county_report_action", action="paborja"))

    assert not CountyReport.objects.exists()


def county_row(client, code: str) -> str:
    html = client.get(reverse("oversight:county", kwargs={"lan_code": "06"}) + f"?ar={YEAR}")
    return html.content.decode().split(f'data-kommun="{code}"')[1].split("</tr>")[0]


def test_the_county_overview_never_shows_a_draft(client, personas):
    yearly.draft_report(personas.kommun_a, YEAR, by=personas.coordinator_a)
    client.force_login(personas.county_a)

    row = county_row(client, "0680")

    assert "Ingen redovisning" in row
    assert "status-" not in row


def test_the_county_overview_shows_a_submitted_report_with_its_compliance(
    client, personas, submitted
):
    client.force_login(personas.county_a)

    row = county_row(client, "0680")

    assert "Inskickad till länsstyrelsen" in row
    assert row.count('class="status status-') == 13
    assert "Ingen redovisning" in county_row(client, "0662")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("county_a", 200), ("analyst", 200), ("county_other", 404), ("coordinator_a", 404)],
)
def test_the_county_overview_is_for_its_own_county_and_brå(client, personas, persona, status):
    response = client_for(client, personas, persona).get(
        reverse("oversight:county", kwargs={"lan_code": "06"})
    )

    assert response.status_code == status
