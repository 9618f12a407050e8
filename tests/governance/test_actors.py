"""The actor registry: registering organisations and where each one takes part."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from forebygg.governance.domain import actors
from forebygg.orgs.domain.authorities import lansstyrelse_of
from forebygg.orgs.models import Partnership

pytestmark = pytest.mark.django_db


def test_a_new_civil_society_organisation_becomes_an_actor_with_its_contribution(personas):
    partnership = actors.register_actor(
        personas.kommun_a, by=personas.coordinator_a, name="Moskéföreningen", type="trossamfund",
        contribution="Föräldraträffar",
    )  # fmt: skip

    assert partnership.organisation.get_type_display() == "Trossamfund"
    assert partnership.contribution == "Föräldraträffar"
    assert partnership.organisation in actors.actor_organisations(personas.kommun_a)


def test_the_lansstyrelse_is_suggested_and_can_be_registered(personas):
    lansstyrelse = lansstyrelse_of(personas.kommun_a.lan)
    assert lansstyrelse in actors.suggested_organisations(personas.kommun_a)

    actors.register_actor(personas.kommun_a, by=personas.coordinator_a, organisation=lansstyrelse)

    assert lansstyrelse not in actors.suggested_organisations(personas.kommun_a)
    assert Partnership.objects.filter(kommun=personas.kommun_a, organisation=lansstyrelse).exists()


def test_an_organisation_from_another_lan_cannot_be_picked(personas):
    other = lansstyrelse_of(personas.kommun_b.lan)

    with pytest.raises(ValidationError):
        actors.register_actor(personas.kommun_a, by=personas.coordinator_a, organisation=other)


def test_a_duplicate_name_is_refused_in_swedish(personas):
    with pytest.raises(ValidationError, match="finns redan"):
        actors.register_actor(
            personas.kommun_a, by=personas.coordinator_a, name="lokalpolisområde jönköping",
            type="polis",
        )  # fmt: skip


def test_a_kommun_or_bra_cannot_be_registered_as_an_actor(personas):
    with pytest.raises(ValidationError):
        actors.register_actor(personas.kommun_a, by=personas.coordinator_a, name="X", type="bra")


def test_only_the_coordinator_registers_actors(personas):
    with pytest.raises(PermissionDenied):
        actors.register_actor(personas.kommun_a, by=personas.member_b, name="Y", type="annan")


def test_contact_persons_belong_to_the_kommuns_actors(personas):
    person = actors.add_contact_person(
        personas.kommun_a, by=personas.coordinator_a, organisation=personas.police_a,
        name="Kim Kommunpolis", title="Kommunpolis", work_email="kim@polisen.se",
    )  # fmt: skip
    assert person.kommun == personas.kommun_a

    stranger = lansstyrelse_of(personas.kommun_b.lan)
    with pytest.raises(ValidationError):
        actors.add_contact_person(
            personas.kommun_a, by=personas.coordinator_a, organisation=stranger, name="N N"
        )


def test_the_registry_shows_agreements_council_seats_and_measures(personas, governance, chain):
    registry = {
        summary.organisation.name: summary
        for summary in actors.actor_registry(personas.kommun_a, user=personas.coordinator_a)
    }

    police = registry["Lokalpolisområde Jönköping"]
    assert [a.title for a in police.agreements] == ["Samverkansöverenskommelse 2026–2028"]
    assert [s.position for s in police.council_seats] == ["Lokalpolisområdeschef"]
    assert [m.key for m in police.measures] == ["Å1"]
    assert registry["Föreningen Nattvandrarna"].contribution == "Vuxennärvaro kvällstid"
    assert registry["Jönköpings kommun"].is_authority
