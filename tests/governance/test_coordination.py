"""The coordination function (§§ 11–12), leadership and reports (§ 13), other plans (§ 7)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from forebygg.governance.domain import actors, coordination
from forebygg.orgs.domain.authorities import kommun_administration
from forebygg.orgs.enums import Visibility

pytestmark = pytest.mark.django_db


def test_the_function_names_its_persons(personas):
    person = actors.add_contact_person(
        personas.kommun_a, organisation=kommun_administration(personas.kommun_a),
        name="Alex Samordnare", title="Brottsförebyggande samordnare", by=personas.coordinator_a,
    )  # fmt: skip

    function = coordination.save_coordination_function(
        personas.kommun_a, by=personas.coordinator_a, name="Trygg i Jönköping",
        email="trygg@jonkoping.se", persons=[person],
    )  # fmt: skip

    assert list(function.persons.all()) == [person]
    assert function.visibility == Visibility.DRAFT


def test_saving_again_changes_the_one_function(personas):
    for name in ("Samordnare", "Samordningsfunktionen"):
        coordination.save_coordination_function(
            personas.kommun_a, by=personas.coordinator_a, name=name
        )

    function = coordination.coordination_function_of(personas.kommun_a)
    assert function.name == "Samordningsfunktionen"
    assert function.history.count() == 2


def test_a_contact_point_without_email_or_phone_cannot_be_published(personas):
    function = coordination.save_coordination_function(
        personas.kommun_a, by=personas.coordinator_a, name="Samordnare"
    )

    with pytest.raises(ValidationError, match="e-post eller telefon"):
        coordination.publish_contact_point(function, by=personas.coordinator_a)


def test_the_leading_body_is_the_board_or_a_committee_appointed_by_the_council(personas):
    with pytest.raises(ValidationError):
        coordination.record_leadership(
            personas.kommun_a,
            body_kind="kf",
            body_name="Kommunfullmäktige",
            by=personas.coordinator_a,
        )
    leadership = coordination.record_leadership(
        personas.kommun_a,
        body_kind="namnd",
        body_name="Trygghetsnämnden",
        by=personas.coordinator_a,
    )
    assert leadership.get_body_kind_display() == "Nämnd som kommunfullmäktige utsett"


def test_a_report_to_the_council_cannot_be_dated_in_the_future(personas):
    with pytest.raises(ValidationError, match="framtiden"):
        coordination.log_report_to_council(
            personas.kommun_a, reported_on=timezone.localdate() + timedelta(days=1), title="R",
            by=personas.coordinator_a,
        )  # fmt: skip


def test_other_plans_are_linked_with_how_the_work_is_integrated(personas):
    linked = coordination.link_plan(
        personas.kommun_a, kind="rsa", name="RSA 2023–2026", how_integrated="Gemensam riskbild",
        by=personas.coordinator_a,
    )  # fmt: skip
    assert str(linked) == "RSA 2023–2026"
    assert linked.reference == ""
    assert date.today() >= linked.created_at.date() - timedelta(days=1)
