"""A model that names its kommun (`kommun_lookup`) is in that kommun's change log, only there."""

from forebygg.core.domain.audit import FieldChange, list_changes
from forebygg.governance.domain.actors import describe_contribution
from forebygg.orgs.models import Partnership


def test_a_partnerships_change_shows_in_its_kommuns_log_only(personas):
    partnership = Partnership.objects.get(kommun=personas.kommun_a, organisation=personas.police_a)

    describe_contribution(
        partnership, contribution="Trygghetsvandringar", by=personas.coordinator_a
    )

    newest = list_changes(kommun=personas.kommun_a, model=Partnership).changes[0]
    assert (newest.who, newest.type_label, newest.object_label) == (
        personas.coordinator_a,
        "Samverkanspart",
        "Lokalpolisområde Jönköping i Jönköping",
    )
    assert newest.fields == [
        FieldChange("Vad organisationen bidrar med", "", "Trygghetsvandringar")
    ]
    assert list_changes(kommun=personas.kommun_b, model=Partnership).count == 0
