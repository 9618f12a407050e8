"""The experience bank: only the coordinator publishes, only published ones are found."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from forebygg.methods.domain.experiences import (
    experience_draft_from,
    find_experiences,
    publish_experience,
    write_experience,
)
from forebygg.methods.models import Experience
from forebygg.orgs.enums import Visibility
from forebygg.plans.domain.planning import save_measure
from tests.methods.conftest import experience
from tests.plans.conftest import build_chain


def titles(found) -> list[str]:
    return sorted(e.title for e in found)


def test_drafts_are_never_found(bank):
    assert bank.jonkoping_draft.visibility == Visibility.DRAFT
    assert titles(find_experiences()) == [
        "Sluta skjut i Jönköping",
        "Sluta skjut i Malmö",
        "Trygghetsvandringar i Skäggetorp",
    ]
    assert titles(find_experiences(problem="Råslätt")) == []


def test_experiences_are_found_by_problem_text_in_any_case(bank):
    assert titles(find_experiences(problem="GROVT VÅLD")) == [
        "Sluta skjut i Jönköping",
        "Sluta skjut i Malmö",
    ]
    assert titles(find_experiences(problem="busshållplatser")) == [
        "Trygghetsvandringar i Skäggetorp"
    ]


def test_experiences_are_found_by_method(bank, library):
    assert titles(find_experiences(method=library["gvi-sluta-skjut"])) == [
        "Sluta skjut i Jönköping",
        "Sluta skjut i Malmö",
    ]
    assert titles(find_experiences(method="trygghetsvandring")) == [
        "Trygghetsvandringar i Skäggetorp"
    ]
    assert titles(find_experiences(method=library["tfco"])) == []


def test_experiences_are_found_by_kommungrupp(bank):
    """Jönköping and Linköping are both B3 (larger towns) in SKR 2023; Malmö is A1."""
    assert titles(find_experiences(kommungrupp="B3")) == [
        "Sluta skjut i Jönköping",
        "Trygghetsvandringar i Skäggetorp",
    ]
    assert titles(find_experiences(kommungrupp="A")) == ["Sluta skjut i Malmö"]


def test_experiences_are_found_by_lan_and_filters_combine(bank):
    assert titles(find_experiences(lan="05")) == ["Trygghetsvandringar i Skäggetorp"]
    assert titles(find_experiences(kommungrupp="B3", method="gvi-sluta-skjut")) == [
        "Sluta skjut i Jönköping"
    ]
    assert titles(find_experiences(lan="12", problem="busshållplatser")) == []


@pytest.mark.parametrize("persona", ["member_b", "partner_a", "county_a", "analyst"])
def test_only_the_kommuns_coordinator_writes_or_publishes(bank, personas, persona):
    user = personas.user(persona)
    with pytest.raises(PermissionDenied):
        write_experience(
            None, kommun=personas.kommun_a, by=user, title="X", problem_text="Y", results="Z"
        )
    with pytest.raises(PermissionDenied):
        publish_experience(bank.jonkoping_draft, by=user)

    bank.jonkoping_draft.refresh_from_db()
    assert bank.jonkoping_draft.visibility == Visibility.DRAFT
    assert Experience.objects.count() == 4


def test_another_kommuns_coordinator_cannot_publish_its_draft(bank):
    malmo = bank.malmo_gvi.history.earliest().history_user
    with pytest.raises(PermissionDenied):
        publish_experience(bank.jonkoping_draft, by=malmo)


def test_publishing_needs_what_was_done_and_the_results(personas, library):
    draft = experience(
        "0680", by=personas.coordinator_a, published=False, what_was_done="", results=""
    )
    with pytest.raises(ValidationError) as error:
        publish_experience(draft, by=personas.coordinator_a)

    assert len(error.value.messages) == 2
    draft.refresh_from_db()
    assert draft.visibility == Visibility.DRAFT and draft.published_at is None


def test_publishing_and_taking_back(personas, library):
    draft = experience("0680", by=personas.coordinator_a, published=False)
    published = publish_experience(draft, by=personas.coordinator_a)
    assert published.published_at is not None
    assert list(find_experiences()) == [published]

    publish_experience(published, by=personas.coordinator_a, published=False)
    assert list(find_experiences()) == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"results": "Pojken 20100101-1234 slutade"}, "personnummer"),
        ({"lessons": "Se 0101011234"}, "personnummer"),
        ({"value_before": 12.0}, "både värdet före"),
        ({"value_before": 12.0, "value_after": 8.0}, "enheten"),
        ({"value_before": 12.0, "value_after": 8.0, "unit": "inbrott"}, "perioder"),
        ({"title": " "}, "rubrik"),
    ],
)
def test_results_are_aggregate_and_complete(personas, library, fields, message):
    with pytest.raises(ValidationError, match=message):
        experience("0680", by=personas.coordinator_a, published=False, **fields)
    assert not Experience.objects.exists()


def test_before_and_after_values_with_unit_and_periods_are_kept(personas, library):
    saved = experience(
        "0680",
        by=personas.coordinator_a,
        result_indicator="Anmälda bostadsinbrott i området",
        value_before=42,
        value_after=30,
        unit="anmälda brott per år",
        period_before="2023",
        period_after="2025",
    )
    assert (saved.value_before, saved.value_after, saved.has_values) == (42, 30, True)


def test_a_measure_or_problem_of_another_kommun_is_refused(personas, library):
    chain = build_chain(personas)
    with pytest.raises(ValidationError, match="annan kommun"):
        experience("1280", measure=chain.measure)
    with pytest.raises(ValidationError, match="annan kommun"):
        experience("1280", problem=chain.problem)


def test_an_experience_starts_from_its_measure(personas, library):
    chain = build_chain(personas)
    measure = save_measure(
        chain.plan,
        by=personas.coordinator_a,
        measure=chain.measure,
        title="Grannsamverkan",
        description="Grannar håller uppsikt dagtid",
        type="situationell",
        horizon="kort",
        method=library["trygghetsvandring"],
        causes=[chain.cause],
    )

    draft = experience_draft_from(measure)
    saved = write_experience(None, kommun=personas.kommun_a, by=personas.coordinator_a, **draft)

    assert (saved.measure, saved.method, saved.problem) == (
        measure,
        library["trygghetsvandring"],
        chain.problem,
    )
    assert saved.problem_text == "Bostadsinbrott i villaområden"
    assert saved.what_was_done == "Grannar håller uppsikt dagtid"
