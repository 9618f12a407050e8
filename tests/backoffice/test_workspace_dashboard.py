"""The workspace home as a dashboard: chain and next step for the coordinator, less for others."""

import pytest
from django.urls import reverse

from forebygg.lagesbild.domain import draft_lagesbild
from tests.backoffice.test_personas import client_for
from tests.lagesbild_decision import decide_written

pytestmark = pytest.mark.django_db

URL = reverse("backoffice:workspace", kwargs={"code": "0680"})


def test_a_new_kommun_shows_the_coordinator_the_start_checklist_and_a_first_step(client, personas):
    response = client_for(client, personas, "coordinator_a").get(URL)

    assert response.status_code == 200
    assert response.context["chain"].is_empty is True
    assert (response.context["next"].url, response.context["next"].posts) == (
        "/arbetsyta/0680/lagesbild/nytt-utkast/",
        True,
    )
    assert "Kom igång" in response.content.decode()


def test_after_the_lagesbild_the_next_step_is_the_short_problem_form(client, personas):
    by = personas.coordinator_a
    decide_written(draft_lagesbild(personas.kommun_a, by=by), by=by)

    response = client_for(client, personas, "coordinator_a").get(URL)

    assert response.context["next"].url == "#nytt-problem"
    assert "Kom igång" not in response.content.decode()
    assert [step.state for step, _link in response.context["steps"]] == [
        "klar", "ej-paborjad", "ej-paborjad", "ej-paborjad",
    ]  # fmt: skip


def test_staff_see_the_chain_without_actions(client, personas):
    response = client_for(client, personas, "member_a").get(URL)

    assert response.status_code == 200
    assert [link for _step, link in response.context["steps"]] == [None, None, None, None]
    assert "next" not in response.context
    assert "warnings" not in response.context


@pytest.mark.parametrize("persona", ["partner_a", "county_a", "analyst"])
def test_readers_outside_the_kommun_staff_see_no_chain(client, personas, persona):
    response = client_for(client, personas, persona).get(URL)

    assert response.status_code == 200
    assert "chain" not in response.context
    assert "Kedjan" not in response.content.decode()
