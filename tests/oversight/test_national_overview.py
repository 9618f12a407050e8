"""Brå's national overview: shares counted from what the counties sent, and CSV equal to screen."""

import csv
import io
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forebygg.orgs.enums import OrganisationType
from forebygg.orgs.models import Organisation
from forebygg.reporting.domain import overview, questions, yearly
from forebygg.reporting.models import YearlyReport
from tests.backoffice.test_personas import client_for
from tests.oversight.conftest import YEAR

pytestmark = pytest.mark.django_db


def facts(**answers) -> dict:
    base = {
        "coordination_function": False,
        "current_lagesbild": False,
        "decided_plan": False,
        "followed_up": False,
        "agreement_party_types": [],
        "council": False,
        "council_member_types": [],
        "methods": [],
    }
    return {"facts": {**base, **answers}, "compliance": []}


def test_a_council_counts_only_with_both_the_region_and_civil_society():
    measure = next(m for m in questions.RETIRED if m.key == "council_region_civil_society")

    assert measure.test({"council_member_types": ["region", "trossamfund"]})
    assert not measure.test({"council_member_types": ["region", "polis"]})
    assert not measure.test({"council_member_types": ["civilsamhalle"]})


def test_shares_are_counted_among_the_kommuner_that_reported(personas):
    rows = [
        overview.KommunRow(personas.kommun_a, None),
        overview._row(
            personas.kommun_b,
            YearlyReport(status="godkand", content=facts(coordination_function=True)),
        ),
        overview._row(
            personas.kommun_a,
            YearlyReport(
                status="sammanstalld",
                content=facts(agreement_party_types=["raddningstjanst", "polis"]),
            ),
        ),
    ]

    by_key = {share.measure.key: share for share in overview.shares(rows)}

    assert (by_key["coordination_function"].yes, by_key["coordination_function"].of) == (1, 2)
    assert by_key["coordination_function"].percent == 50
    assert (by_key["agreement_rescue"].yes, by_key["agreement_region"].yes) == (1, 0)


def test_brå_sees_the_kommun_the_county_sent_and_its_civil_society_agreement(
    client, personas, submitted
):
    civil = Organisation.objects.create(name="Föreningen", type=OrganisationType.CIVIL_SOCIETY)
    submitted.content["facts"]["agreement_party_types"] = [civil.type]
    YearlyReport.objects.filter(pk=submitted.pk).update(content=submitted.content)
    submitted.refresh_from_db()
    submitted.content_hash = yearly.content_hash(submitted.content)
    YearlyReport.objects.filter(pk=submitted.pk).update(
        content_hash=submitted.content_hash,
        answers=questions.answer_all(submitted.content),  # as if submitted with the agreement
    )
    yearly.approve_report(submitted, by=personas.county_a)
    county_report = yearly.start_county_report(personas.kommun_a.lan, YEAR, by=personas.county_a)
    yearly.include_report(county_report, submitted, by=personas.county_a)
    yearly.submit_county_report(county_report, by=personas.county_a, confirmed_missing=True)
    client.force_login(personas.analyst)

    html = client.get(reverse("oversight:national") + f"?ar={YEAR}").content.decode()

    shares = html.split('id="shares"')[1].split("</table>")[0]
    civil_row = shares.split('data-measure="agreement_civil_society"')[1].split("</tr>")[0]
    assert re.findall(r"<td>([^<]*)</td>", civil_row) == ["1", "1", "100\u00a0%"]
    assert "1 av 290 kommuner" in html


def test_a_report_the_county_has_not_sent_on_is_not_counted(client, personas, submitted):
    client.force_login(personas.analyst)

    html = client.get(reverse("oversight:national") + f"?ar={YEAR}").content.decode()

    assert "0 av 290 kommuner" in html


def screen_table(html: str, table_id: str) -> list[list[str]]:
    table = html.split(f'id="{table_id}"')[1].split("</table>")[0]
    return [
        [unescape(cell) for cell in re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", row)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, flags=re.S)
    ]


@pytest.mark.parametrize(
    ("csv_name", "table_id"),
    [("national_kommuner_csv", "kommun-table"), ("national_lan_csv", "lan-table")],
)
def test_the_csv_export_matches_the_table_on_screen(
    client, personas, sent_to_bra, csv_name, table_id
):
    client.force_login(personas.analyst)
    html = client.get(reverse("oversight:national") + f"?ar={YEAR}").content.decode()

    response = client.get(reverse(f"oversight:{csv_name}") + f"?ar={YEAR}")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))

    assert rows == screen_table(html, table_id)
    assert len(rows) == (291 if table_id == "kommun-table" else 22)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("analyst", 200),
        ("county_a", 404),
        ("coordinator_a", 404),
        ("partner_a", 404),
        ("member_b", 404),
    ],
)
def test_the_national_overview_is_for_brå(client, personas, persona, status):
    for name in ("national", "national_kommuner_csv", "national_lan_csv"):
        response = client_for(client, personas, persona).get(reverse(f"oversight:{name}"))
        assert response.status_code == status


def test_the_overview_is_cached_until_a_report_changes(client, personas, sent_to_bra):
    client.force_login(personas.analyst)
    url = reverse("oversight:national") + f"?ar={YEAR}"
    client.get(url)

    with CaptureQueriesContext(connection) as cached:
        client.get(url)
    send_to_bra(personas.kommun_b, get_user_model().objects.get(username="bertil"), personas)
    with CaptureQueriesContext(connection) as fresh:
        page = client.get(url).content.decode()

    assert len(cached) < len(fresh)
    assert "2 av 290 kommuner" in page


def send_to_bra(kommun, coordinator, personas):
    report = yearly.draft_report(kommun, YEAR, by=coordinator)
    yearly.submit_report(report, by=coordinator)
    yearly.approve_report(report, by=personas.county_other)
    county_report = yearly.start_county_report(kommun.lan, YEAR, by=personas.county_other)
    yearly.include_report(county_report, report, by=personas.county_other)
    yearly.submit_county_report(county_report, by=personas.county_other, confirmed_missing=True)
