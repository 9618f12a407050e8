"""The send step of the combined report: the missing kommuner listed, the box to confirm them.

Jönköping's approved report is taken in; the other 12 kommuner of Jönköpings län are not.
"""

import pytest
from django.urls import reverse

from forebygg.reporting.domain import yearly
from forebygg.reporting.enums import CountyState
from forebygg.reporting.models import CountyReport
from tests.backoffice.test_personas import client_for
from tests.oversight.conftest import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def county_report(personas, submitted):
    yearly.approve_report(submitted, by=personas.county_a)
    county = yearly.start_county_report(personas.kommun_a.lan, YEAR, by=personas.county_a)
    yearly.include_report(county, submitted, by=personas.county_a)
    return county


def send_url() -> str:
    return reverse("oversight:county_report_send", kwargs={"lan_code": "06", "year": YEAR})


def status() -> str:
    return CountyReport.objects.get(lan__code="06", year=YEAR).status


def test_the_page_lists_the_missing_kommuner_and_asks_to_confirm(client, personas, county_report):
    client.force_login(personas.county_a)

    html = client.get(send_url()).content.decode()

    assert "1 av länets 13 kommuner ingår i redovisningen." in html
    assert "12 kommuner saknas" in html
    missing = html.split('id="missing"')[1].split("</table>")[0]
    assert missing.count("data-kommun=") == 12
    assert 'data-kommun="0683"' in missing and 'data-kommun="0680"' not in missing
    assert "Ingen godkänd redovisning för året" in missing
    assert 'type="checkbox" id="confirm-missing" name="confirm_missing" required' in html


def test_sending_without_the_box_ticked_is_refused_in_swedish(client, personas, county_report):
    client.force_login(personas.county_a)

    response = client.post(send_url(), follow=True)

    assert response.redirect_chain == [(send_url(), 302)]
    assert "12 av länets kommuner saknas i redovisningen" in response.content.decode()
    assert status() == CountyState.DRAFT


def test_with_the_box_ticked_it_goes_to_brå(client, personas, county_report):
    client.force_login(personas.county_a)

    response = client.post(send_url(), {"confirm_missing": "on"}, follow=True)

    assert status() == CountyState.SUBMITTED
    html = response.content.decode()
    assert "Den samlade redovisningen är inskickad till Brå." in html
    assert "Kommuner som saknas i redovisningen" in html  # the report says so from now on


def test_the_report_page_leads_to_the_send_step(client, personas, county_report):
    client.force_login(personas.county_a)
    page = reverse("oversight:county_report", kwargs={"lan_code": "06", "year": YEAR})

    assert f'href="{send_url()}"' in client.get(page).content.decode()


def test_a_sent_report_goes_back_to_its_page(client, personas, county_report):
    yearly.submit_county_report(county_report, by=personas.county_a, confirmed_missing=True)
    client.force_login(personas.county_a)

    response = client.get(send_url())

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "oversight:county_report", kwargs={"lan_code": "06", "year": YEAR}
    )


@pytest.mark.parametrize("persona", ["county_other", "analyst", "coordinator_a", "member_b"])
def test_no_one_but_the_county_officer_reaches_it(client, personas, county_report, persona):
    user_client = client_for(client, personas, persona)

    assert user_client.get(send_url()).status_code == 404
    assert user_client.post(send_url(), {"confirm_missing": "on"}).status_code == 404
    assert status() == CountyState.DRAFT


def test_sending_a_sent_report_again_says_so(client, personas, county_report):
    yearly.submit_county_report(county_report, by=personas.county_a, confirmed_missing=True)
    client.force_login(personas.county_a)

    response = client.post(send_url(), {"confirm_missing": "on"}, follow=True)

    assert "Den samlade redovisningen är redan inskickad till Brå." in response.content.decode()
