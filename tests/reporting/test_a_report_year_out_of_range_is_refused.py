"""A yearly report's year is 1990–2100: outside them nothing is drafted, started or stored.

Before, year 99999 was drafted and a county report for 99999 was stored, and −5 or 25
digits in a URL could end in a server error. A typed year out of range now gets one Swedish
message; one in a URL matches no pattern, the one 404.
"""

import pytest
from django.urls import reverse

from forebygg.reporting.models import CountyReport, YearlyReport

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = ["99999", "-5", "0", "1989", "2101", "9" * 25]


def draft(client, personas, year: str):
    client.force_login(personas.coordinator_a)
    url = reverse("backoffice:yearly_report_draft", kwargs={"code": "0680"})
    return client.post(url, {"year": year}, follow=True)


@pytest.mark.parametrize("year", OUT_OF_RANGE)
def test_a_kommun_report_for_a_year_out_of_range_is_not_drafted(client, personas, year):
    response = draft(client, personas, year)

    assert [str(m) for m in response.context["messages"]] == ["Ange ett år mellan 1990 och 2100."]
    assert YearlyReport.objects.count() == 0


def test_a_year_that_is_no_number_asks_for_four_digits(client, personas):
    response = draft(client, personas, "tjugohundra")

    assert [str(m) for m in response.context["messages"]] == [
        "Ange redovisningsåret med fyra siffror."
    ]
    assert YearlyReport.objects.count() == 0


def test_a_year_in_range_is_drafted(client, personas):
    draft(client, personas, "2026")

    assert list(YearlyReport.objects.values_list("year", flat=True)) == [2026]


@pytest.mark.parametrize("year", OUT_OF_RANGE)
def test_a_county_report_for_a_year_out_of_range_is_not_started(client, personas, year):
    client.force_login(personas.county_a)

    started = client.post(f"/oversikt/lan/06/redovisning/{year}/paborja/")
    page = client.get(f"/oversikt/lan/06/redovisning/{year}/")

    assert (started.status_code, page.status_code) == (404, 404)
    assert CountyReport.objects.count() == 0


@pytest.mark.parametrize("year", OUT_OF_RANGE)
def test_a_kommun_report_url_with_a_year_out_of_range_is_the_one_404(client, personas, year):
    client.force_login(personas.coordinator_a)

    assert client.get(f"/arbetsyta/0680/arsredovisning/{year}/").status_code == 404
