"""Draft → edit → problem candidate → decide (frozen, hashed) → new version → compare."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from forebygg.lagesbild import domain
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import Lagesbild
from tests.lagesbild_decision import DECIDED_ON, decide_written, write_required_parts


@pytest.fixture
def draft(personas, crime_statistics):
    return domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)


def test_a_draft_is_generated_from_the_statistics(draft):
    assert (draft.number, draft.status) == (1, LagesbildStatus.DRAFT)
    assert (draft.first_year, draft.last_year) == (2016, 2025)
    assert [f["id"] for f in draft.snapshot["figures"]] == [
        "fig-trend",
        "fig-categories",
        "fig-compare",
        "fig-map",
    ]
    mapping = draft.section_text("mapping")
    assert mapping.startswith("Kartläggningen bygger på polisanmälda brott i Jönköpings kommun")
    assert (
        "Brott mot person (3–7 kap. BrB): 2\u00a0420 anmälda brott per 100 000 invånare 2025"
        in mapping
    )
    assert "liknande kommuner har lägre nivå" in mapping


def test_every_figure_states_source_period_and_formula(draft):
    for figure in draft.snapshot["figures"]:
        assert figure["source"].startswith("Källa:"), figure["id"]
        assert figure["period"], figure["id"]
        assert figure["formula"], figure["id"]
        assert figure["alt"], figure["id"]
        assert figure["svg"].startswith("<svg"), figure["id"]


def test_only_one_draft_at_a_time(draft, personas):
    with pytest.raises(ValidationError):
        domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)


def test_only_the_coordinator_drafts_and_edits(personas, crime_statistics):
    with pytest.raises(PermissionDenied):
        domain.draft_lagesbild(personas.kommun_a, by=personas.county_a)
    draft = domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)
    with pytest.raises(PermissionDenied):
        domain.update_section(draft, key="analysis", text="x", by=personas.partner_a)


def test_deciding_freezes_content_with_a_reproducible_hash(draft, personas):
    domain.update_section(
        draft, key="analysis", text="Våldet ökar i centrum.", by=personas.coordinator_a
    )
    domain.add_problem_candidate(
        draft, title="Misshandel i centrum", figure="fig-trend", by=personas.coordinator_a
    )

    decided = decide_written(draft, by=personas.coordinator_a)

    stored = Lagesbild.objects.get(pk=decided.pk)
    assert stored.status == LagesbildStatus.DECIDED
    assert stored.content_hash == domain.content_hash(stored)
    assert len(stored.content_hash) == 64
    with pytest.raises(ValidationError):
        domain.update_section(stored, key="analysis", text="Ändrat", by=personas.coordinator_a)
    stored.sections = {"analysis": "smygändring"}
    with pytest.raises(ValidationError):
        stored.save()
    with pytest.raises(ValidationError):
        domain.add_problem_candidate(stored, title="Sent", by=personas.coordinator_a)


def test_a_lagesbild_missing_a_legal_part_cannot_be_decided(draft, personas):
    write_required_parts(draft, by=personas.coordinator_a)
    domain.update_section(draft, key="analysis", text="", by=personas.coordinator_a)
    with pytest.raises(ValidationError) as error:
        domain.decide_lagesbild(
            draft, by=personas.coordinator_a, body="KS", decided_on=DECIDED_ON, reference="1"
        )
    assert "Analys (§ 4 p. 3)" in str(error.value)


def test_a_new_version_keeps_own_writing_and_can_be_compared(draft, personas):
    domain.update_section(draft, key="analysis", text="Första analysen.", by=personas.coordinator_a)
    first = decide_written(draft, by=personas.coordinator_a, body="KS")

    second = domain.draft_lagesbild(personas.kommun_a, by=personas.coordinator_a)
    domain.update_section(second, key="analysis", text="Andra analysen.", by=personas.coordinator_a)

    assert (second.number, second.based_on) == (2, first)
    differences = domain.compare_versions(first, second)
    assert differences == [
        {
            "key": "analysis",
            "label": "Analys (§ 4 p. 3)",
            "lines": ["- Första analysen.", "+ Andra analysen."],
        }
    ]


def test_age_warning_after_two_years(draft, personas):
    assert domain.age_warning(personas.kommun_a) == "Kommunen har ingen fastställd lägesbild."
    domain.update_section(draft, key="analysis", text="A", by=personas.coordinator_a)
    decided = decide_written(draft, by=personas.coordinator_a, body="KS")
    assert domain.age_warning(personas.kommun_a) == ""
    last_day = decided.decided_on + timedelta(days=730)
    assert domain.age_warning(personas.kommun_a, today=last_day) == ""
    later = last_day + timedelta(days=1)
    assert "äldre än två år" in domain.age_warning(personas.kommun_a, today=later)
    assert domain.age_warning(personas.kommun_a, today=timezone.localdate()) == ""


def test_publishing_requires_a_decided_version(draft, personas):
    with pytest.raises(ValidationError):
        domain.publish_lagesbild(draft, by=personas.coordinator_a)
