"""Who sees which of kommun A's notes: one row per persona, asserted against one table."""

import pytest

from forebygg.notes.models import Note
from forebygg.orgs.access import access_for, can_edit_kommun, can_open_workspace
from tests.personas import PERSONA_NAMES

NOTE_NAMES = ["draft_a", "shared_a", "submitted_a", "published_a"]

# persona → which of A's notes it may see
EXPECTED_VISIBLE = {
    "coordinator_a": {"draft_a", "shared_a", "submitted_a", "published_a"},
    "member_b": {"published_a"},
    "partner_a": {"shared_a", "published_a"},
    "county_a": {"submitted_a", "published_a"},
    "county_other": {"published_a"},
    "analyst": {"published_a"},
    "anonymous": {"published_a"},
}


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_each_persona_sees_exactly_the_notes_of_a_it_is_entitled_to(personas, persona):
    from django.contrib.auth.models import AnonymousUser

    user = personas.user(persona) or AnonymousUser()
    a_notes = {getattr(personas, name).pk: name for name in NOTE_NAMES}
    assert Note.objects.filter(pk__in=a_notes).count() == len(NOTE_NAMES)

    visible = Note.objects.visible_to(user).filter(kommun=personas.kommun_a)

    assert {a_notes[note.pk] for note in visible} == EXPECTED_VISIBLE[persona]


def test_only_kommun_b_staff_see_b_drafts(personas):
    assert Note.objects.visible_to(personas.member_b).filter(pk=personas.draft_b.pk).exists()
    for name in ["coordinator_a", "partner_a", "county_a", "analyst"]:
        user = personas.user(name)
        assert not Note.objects.visible_to(user).filter(pk=personas.draft_b.pk).exists(), name


def test_only_the_coordinator_may_edit_kommun_a(personas):
    editors = [
        name
        for name in PERSONA_NAMES
        if name != "anonymous" and can_edit_kommun(personas.user(name), personas.kommun_a)
    ]
    assert editors == ["coordinator_a"]
    assert list(Note.objects.editable_by(personas.partner_a)) == []


def test_workspace_of_a_opens_for_its_staff_partners_county_and_bra_only(personas):
    from django.contrib.auth.models import AnonymousUser

    openers = [
        name
        for name in PERSONA_NAMES
        if can_open_workspace(personas.user(name) or AnonymousUser(), personas.kommun_a)
    ]
    assert openers == ["coordinator_a", "partner_a", "county_a", "analyst"]


def test_a_partner_sees_nothing_shared_with_it_by_a_kommun_it_no_longer_works_with(personas):
    from forebygg.orgs.access import forget_access
    from forebygg.orgs.models import Partnership

    Partnership.objects.filter(organisation=personas.police_a).delete()
    forget_access(personas.partner_a)

    visible = Note.objects.visible_to(personas.partner_a).filter(kommun=personas.kommun_a)

    assert list(visible) == [personas.published_a]


def test_access_is_computed_once_per_user_object(personas, django_assert_num_queries):
    user = personas.coordinator_a
    access_for(user)
    with django_assert_num_queries(0):
        access_for(user)
