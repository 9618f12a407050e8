"""Deciding records who decided, on which day and under which diarienummer, as for a plan.

The day is the one entered, never in the future; the moment of the click is kept apart.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from forebygg.lagesbild import domain
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import Lagesbild
from tests.lagesbild_decision import DECIDED_ON, write_required_parts


@pytest.fixture
def written(personas, crime_statistics):
    by = personas.coordinator_a
    return write_required_parts(domain.draft_lagesbild(personas.kommun_a, by=by), by=by)


def decide(lagesbild, personas, **decision):
    return domain.decide_lagesbild(lagesbild, by=personas.coordinator_a, **decision)


def test_body_date_and_reference_are_stored_and_hashed(written, personas):
    decided = decide(
        written,
        personas,
        body=" Kommunfullmäktige ",
        decided_on=DECIDED_ON,
        reference=" KF 2026/3 ",
    )

    stored = Lagesbild.objects.get(pk=decided.pk)
    assert (stored.decided_by_body, stored.decided_on, stored.reference) == (
        "Kommunfullmäktige",
        DECIDED_ON,
        "KF 2026/3",
    )
    assert (stored.decision_date, stored.decision_date_text) == (DECIDED_ON, "2026-03-02")
    assert timezone.localdate(stored.decided_at) == timezone.localdate()  # the click, kept apart
    assert stored.content_hash == domain.content_hash(stored)
    stored.reference = "KF 2026/4"
    assert domain.content_hash(stored) != decided.content_hash


def test_body_date_and_reference_are_each_required(written, personas):
    with pytest.raises(ValidationError) as error:
        decide(written, personas, body=" ", decided_on=None, reference="")

    assert error.value.messages == [
        "Ange vilket organ som fastställer lägesbilden.",
        "Ange beslutsdatum.",
        "Ange diarienummer.",
    ]
    assert Lagesbild.objects.get(pk=written.pk).status == LagesbildStatus.DRAFT


def test_a_decision_date_in_the_future_is_refused(written, personas):
    tomorrow = timezone.localdate() + timedelta(days=1)

    with pytest.raises(ValidationError) as error:
        decide(written, personas, body="KS", decided_on=tomorrow, reference="KS 1")

    assert error.value.messages == ["Beslutsdatum kan inte ligga i framtiden."]
    assert Lagesbild.objects.get(pk=written.pk).decided_on is None


def test_a_decision_taken_today_is_accepted(written, personas):
    today = timezone.localdate()

    decided = decide(written, personas, body="KS", decided_on=today, reference="KS 1")

    assert decided.decided_on == today
