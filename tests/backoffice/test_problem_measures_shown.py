"""A problem lists the measures aimed at its causes, but only those its reader may see."""

import pytest
from django.urls import reverse

from forebygg.plans.domain.planning import save_measure
from tests.plans.conftest import build_chain


@pytest.fixture
def chain(personas):
    chain = build_chain(personas)
    save_measure(
        chain.plan, by=personas.coordinator_a, title="Läxhjälp", type="social", horizon="lang",
        causes=[chain.cause], owner=None,
    )  # fmt: skip
    return chain


def measures_on_problem_page(client, chain) -> list[str]:
    response = client.get(reverse("backoffice:problem", args=["0680", chain.problem.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    return [title for title in ("Grannsamverkan", "Läxhjälp") if title in html]


def test_the_coordinator_sees_every_measure_of_the_problem(client, personas, chain):
    client.force_login(personas.coordinator_a)
    assert measures_on_problem_page(client, chain) == ["Grannsamverkan", "Läxhjälp"]


def test_a_partner_the_problem_is_shared_with_sees_only_the_measures_it_owns(
    client, personas, chain
):
    chain.problem.shared_with.add(personas.police_a)
    client.force_login(personas.partner_a)
    assert measures_on_problem_page(client, chain) == ["Grannsamverkan"]
