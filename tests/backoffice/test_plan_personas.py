"""Problems, plans and follow-up as every persona: a partner updates only its own measures,
and nobody outside kommun A sees anything of an undecided plan."""

from datetime import date

import pytest
from django.urls import reverse

from forebygg.plans.domain.planning import decide_plan, save_measure
from forebygg.plans.models import StatusReport
from tests.backoffice.test_personas import client_for
from tests.personas import PERSONA_NAMES
from tests.plans.conftest import build_chain


@pytest.fixture
def chain(personas):
    return build_chain(personas)


def draft_plan_urls(chain):
    code, number = "0680", chain.plan.number
    return [
        reverse("backoffice:plan", args=[code, number]),
        reverse("backoffice:measure", args=[code, number, chain.measure.key]),
        reverse("backoffice:plan_export", args=[code, number, "csv"]),
        reverse("backoffice:problem", args=[code, chain.problem.pk]),
    ]


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_an_undecided_plan_is_seen_by_kommun_a_and_the_partner_owning_a_measure_only(
    client, personas, chain, persona
):
    client = client_for(client, personas, persona)
    for url in draft_plan_urls(chain):
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, url
        elif persona == "coordinator_a":
            assert response.status_code == 200, url
        elif persona == "partner_a" and "/atgard/" in url:
            assert response.status_code == 200, url  # the police own Å1
        else:
            assert response.status_code == 404, (persona, url)
            assert b"Grannsamverkan" not in response.content


@pytest.mark.parametrize("persona", ["member_b", "county_a", "county_other", "analyst"])
def test_plan_lists_show_other_personas_nothing_of_a_draft(client, personas, chain, persona):
    response = client_for(client, personas, persona).get(reverse("backoffice:plans", args=["0680"]))
    assert b"Grannsamverkan" not in response.content
    assert "Åtgärdsplan 2027".encode() not in response.content


def decided(chain, personas):
    return decide_plan(
        chain.plan,
        body="KF",
        decided_on=date(2026, 11, 1),
        reference="KS 9",
        by=personas.coordinator_a,
    )


def status_url(chain, key):
    return reverse("backoffice:status_report", args=["0680", chain.plan.number, key])


STATUS = {"state": "pagaende", "share_done": "30", "narrative": "", "reported_on": "2026-12-01"}


def test_a_partner_updates_the_status_of_its_own_measure_from_the_web(client, personas, chain):
    decided(chain, personas)
    client.force_login(personas.partner_a)
    response = client.post(status_url(chain, "Å1"), STATUS)
    assert response.status_code == 302
    report = StatusReport.objects.get(measure=chain.measure)
    assert (report.share_done, report.reported_by) == (30, personas.partner_a)


def test_a_partner_cannot_touch_a_measure_owned_by_someone_else(client, personas, chain):
    other = save_measure(
        chain.plan, by=personas.coordinator_a, title="Läxhjälp", type="social", horizon="lang",
        causes=[chain.cause], owner=None,
    )  # fmt: skip
    decided(chain, personas)
    client.force_login(personas.partner_a)
    assert client.post(status_url(chain, other.key), STATUS).status_code == 404
    assert client.get(reverse("backoffice:measure", args=["0680", 1, other.key])).status_code == 404
    edit = reverse("backoffice:measure_edit", args=["0680", 1, "Å1"])
    assert client.post(edit, {"title": "Kapad"}).status_code == 404
    assert not StatusReport.objects.exists()


def test_the_coordinator_sees_the_warnings_panel_and_others_do_not(client, personas, chain):
    url = reverse("backoffice:warnings", args=["0680"])
    client.force_login(personas.coordinator_a)
    assert "Kommunen har ingen beslutad åtgärdsplan".encode() in client.get(url).content
    client.force_login(personas.partner_a)
    assert client.get(url).status_code == 404
