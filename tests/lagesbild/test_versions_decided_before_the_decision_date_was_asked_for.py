"""A version decided before the date was asked for keeps the day of the click as its decision
date, and says so: "beslutsdatum ej angivet". Everything that counts from it uses that day."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forebygg.governance.domain.compliance import check_compliance
from forebygg.lagesbild import domain
from forebygg.lagesbild.models import Lagesbild
from tests.lagesbild_decision import decide_written

CLICKED = timezone.make_aware(datetime(2024, 11, 5, 14, 30))


@pytest.fixture
def legacy(personas, crime_statistics):
    """As the migration leaves it: decided, with the click time and no date or diarienummer."""
    by = personas.coordinator_a
    decided = decide_written(domain.draft_lagesbild(personas.kommun_a, by=by), by=by)
    Lagesbild.objects.filter(pk=decided.pk).update(
        decided_on=None, reference="", decided_at=CLICKED
    )
    return Lagesbild.objects.get(pk=decided.pk)


def test_its_decision_date_is_the_day_of_the_click(legacy):
    assert legacy.decision_date == date(2024, 11, 5)
    assert legacy.decision_date_text == ("2024-11-05 (beslutsdatum ej angivet)")


def test_the_page_says_the_decision_date_was_not_given(client, personas, legacy):
    client.force_login(personas.coordinator_a)
    url = reverse("backoffice:lagesbild", kwargs={"code": "0680", "number": legacy.number})

    status_line = client.get(url).content.decode().split('class="status-line"')[1].split("</p>")[0]

    assert "2024-11-05 (beslutsdatum ej angivet)" in status_line


def test_the_update_is_due_two_years_after_the_click(personas, legacy):
    assert domain.update_due(legacy) == date(2024, 11, 5) + timedelta(days=730)
    r4 = {r.code: r for r in check_compliance(personas.kommun_a, today=date(2026, 11, 5))}["R4"]
    assert (r4.status, r4.finding) == (
        "uppfyllt",
        "Fastställd 2024-11-05 (beslutsdatum ej angivet); nästa uppdatering senast 2026-11-05.",
    )
