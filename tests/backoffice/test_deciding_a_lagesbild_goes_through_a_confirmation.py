"""Deciding a lägesbild in the workspace: the form leads to a page listing what will be frozen;
only its button decides. A refusal goes back to the version with the reasons in Swedish."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forebygg.lagesbild import domain
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import Lagesbild
from tests.lagesbild_decision import DECIDED_ON, write_required_parts

DECISION = {"body": "Kommunstyrelsen", "decided_on": "2026-03-02", "reference": "KS 2026/14"}


@pytest.fixture
def coordinator(client, personas):
    client.force_login(personas.coordinator_a)
    return client


@pytest.fixture
def draft(personas, crime_statistics):
    return domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)


def url(name, lagesbild) -> str:
    return reverse(f"backoffice:{name}", kwargs={"code": "0680", "number": lagesbild.number})


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_version_page_sends_the_decision_to_the_confirmation(coordinator, draft):
    page = coordinator.get(url("lagesbild", draft)).content.decode()

    assert f'action="{url("lagesbild_decide_confirm", draft)}"' in page
    assert 'name="decided_on"' in page and 'name="reference"' in page


def test_the_confirmation_lists_what_will_be_frozen_and_decides_nothing(
    coordinator, draft, personas
):
    write_required_parts(draft, by=personas.coordinator_a)

    response = coordinator.post(url("lagesbild_decide_confirm", draft), DECISION)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Det här går inte att ångra" in page
    assert "Analys (§ 4 p. 3)" in page and "Problemkandidater" in page
    for figure in draft.snapshot["figures"]:
        assert figure["title"] in page
    assert all(value in page for value in DECISION.values())
    assert f'action="{url("lagesbild_decide", draft)}"' in page
    assert Lagesbild.objects.get(pk=draft.pk).status == LagesbildStatus.DRAFT


def test_its_button_decides_with_body_date_and_reference(coordinator, draft, personas):
    write_required_parts(draft, by=personas.coordinator_a)

    response = coordinator.post(url("lagesbild_decide", draft), DECISION, follow=True)

    assert messages_of(response) == ["Lägesbilden är fastställd och kan inte längre ändras."]
    stored = Lagesbild.objects.get(pk=draft.pk)
    assert (stored.status, stored.decided_by_body, stored.decided_on, stored.reference) == (
        LagesbildStatus.DECIDED,
        "Kommunstyrelsen",
        DECIDED_ON,
        "KS 2026/14",
    )


def test_unwritten_parts_are_refused_before_the_confirmation(coordinator, draft):
    response = coordinator.post(url("lagesbild_decide_confirm", draft), DECISION, follow=True)

    assert response.redirect_chain == [(url("lagesbild", draft), 302)]
    assert messages_of(response) == [
        "Lägesbilden saknar delar som lagen kräver: Annan relevant information (§ 4 p. 2), "
        "Analys (§ 4 p. 3), Brottslighetens konsekvenser (§ 4 p. 1). Ett avsnitt med bara "
        "mallens hjälptext räknas som oskrivet."
    ]


def test_a_missing_or_future_date_is_refused_in_swedish(coordinator, draft, personas):
    write_required_parts(draft, by=personas.coordinator_a)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    without = coordinator.post(
        url("lagesbild_decide_confirm", draft), {**DECISION, "decided_on": ""}, follow=True
    )
    ahead = coordinator.post(
        url("lagesbild_decide", draft), {**DECISION, "decided_on": tomorrow}, follow=True
    )

    assert messages_of(without) == ["Beslutsdatum: Detta fält måste fyllas i."]
    assert messages_of(ahead) == ["Beslutsdatum kan inte ligga i framtiden."]
    assert Lagesbild.objects.get(pk=draft.pk).status == LagesbildStatus.DRAFT
