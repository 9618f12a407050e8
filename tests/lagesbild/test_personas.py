"""Kommun A's lägesbild, draft and decided, requested as every persona."""

import pytest
from django.urls import reverse

from forebygg.lagesbild import domain
from tests.backoffice.test_personas import client_for
from tests.lagesbild_decision import decide_written
from tests.personas import PERSONA_NAMES

WORKSPACE_OPENERS = {"coordinator_a", "partner_a", "county_a", "analyst"}


@pytest.fixture
def versions(personas, crime_statistics):
    first = domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)
    domain.update_section(first, key="analysis", text="Beslutad analys", by=personas.coordinator_a)
    decide_written(first, by=personas.coordinator_a, body="KS")
    second = domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)
    domain.update_section(second, key="analysis", text="Hemligt utkast", by=personas.coordinator_a)
    return first, second


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_the_undecided_draft_is_seen_only_by_kommun_a(client, personas, versions, persona):
    url = reverse("backoffice:lagesbild", kwargs={"code": "0680", "number": 2})
    response = client_for(client, personas, persona).get(url)
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona == "coordinator_a":
        assert response.status_code == 200
        assert "Hemligt utkast" in response.content.decode()
    else:
        assert response.status_code == 404
        assert "Hemligt utkast" not in response.content.decode()


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_downloads_follow_the_same_rule(client, personas, versions, persona):
    url = reverse(
        "backoffice:lagesbild_download", kwargs={"code": "0680", "number": "2", "format": "docx"}
    )
    response = client_for(client, personas, persona).get(url)
    expected = {"anonymous": 302, "coordinator_a": 200}.get(persona, 404)
    assert response.status_code == expected


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_only_the_coordinator_can_change_the_draft(client, personas, versions, persona):
    url = reverse(
        "backoffice:lagesbild_section", kwargs={"code": "0680", "number": 2, "key": "analysis"}
    )
    response = client_for(client, personas, persona).post(url, {"text": "Kapad"})
    versions[1].refresh_from_db()
    if persona == "coordinator_a":
        assert response.status_code == 302
        assert versions[1].section_text("analysis") == "Kapad"
    else:
        assert response.status_code in (302, 404)
        assert versions[1].section_text("analysis") == "Hemligt utkast"


def test_the_public_page_shows_a_lagesbild_only_once_published(client, personas, versions):
    first, _ = versions
    assert client.get("/kommun/0680/lagesbild/").status_code == 404

    domain.publish_lagesbild(first, by=personas.coordinator_a)

    html = client.get("/kommun/0680/lagesbild/").content.decode()
    assert "Beslutad analys" in html
    assert "Hemligt utkast" not in html
    assert "/kommun/0680/lagesbild/" in client.get("/kommun/0680/").content.decode()


def test_a_decided_version_can_be_compared_with_the_draft(client, personas, versions):
    client.force_login(personas.coordinator_a)
    url = reverse("backoffice:lagesbild_compare", kwargs={"code": "0680", "number": 2})
    html = client.get(url, {"med": 1}).content.decode()
    assert "Beslutad analys" in html
    assert "Hemligt utkast" in html
