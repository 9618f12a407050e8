"""The plan's "ansvarig" filter takes an organisation's id; a number no id can be is ignored."""

import pytest
from django.urls import reverse

from tests.plans.conftest import build_chain

TOO_LARGE = "9" * 25


@pytest.fixture
def chain(personas):
    return build_chain(personas)


def plan_page(client, chain, owner: str) -> str:
    url = reverse("backoffice:plan", args=["0680", chain.plan.number])
    response = client.get(url, {"ansvarig": owner})
    assert response.status_code == 200
    return response.content.decode()


def test_the_filter_shows_the_measures_of_the_organisation_chosen(client, personas, chain):
    client.force_login(personas.coordinator_a)
    assert "Grannsamverkan" in plan_page(client, chain, str(personas.police_a.pk))
    assert "Grannsamverkan" not in plan_page(client, chain, str(personas.police_a.pk + 1000))


@pytest.mark.parametrize("owner", [TOO_LARGE, str(2**31), "0", "-1", "²", "1" * 5000])
def test_an_owner_no_organisation_can_have_shows_every_measure(client, personas, chain, owner):
    client.force_login(personas.coordinator_a)
    assert "Grannsamverkan" in plan_page(client, chain, owner)


def test_the_export_ignores_an_owner_no_organisation_can_have(client, personas, chain):
    client.force_login(personas.coordinator_a)
    url = reverse("backoffice:plan_export", args=["0680", chain.plan.number, "csv"])
    response = client.get(url, {"ansvarig": TOO_LARGE})
    assert response.status_code == 200
    assert "Grannsamverkan" in response.content.decode()
