"""A partner member's rights hold only in the kommun that invited them; a neighbour gets nothing.

Kommun N (Värnamo) is in kommun A's län, and the region works with both. What A shares with
the region stays out of reach of the region's member whom N invited, and of N's own staff.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from forebygg.notes.models import Note
from forebygg.orgs.access import (
    access_for,
    can_edit_kommun,
    can_open_workspace,
    forget_access,
    level_in,
)
from forebygg.orgs.domain.memberships import grant_role
from forebygg.orgs.enums import Level, Role
from tests.personas import ALL_PERSONA_NAMES, NEIGHBOUR_PERSONA_NAMES

pytestmark = pytest.mark.django_db

NOTE_NAMES = ["draft_a", "shared_a", "submitted_a", "published_a"]

EXPECTED_VISIBLE_OF_A = {
    "member_a": {"draft_a", "shared_a", "submitted_a", "published_a"},
    "coordinator_neighbour": {"published_a"},
    "member_neighbour": {"published_a"},
    "partner_neighbour": {"published_a"},
}


def user_of(personas, name):
    return personas.user(name) or AnonymousUser()


def test_leakable_data_exists_a_shares_a_draft_with_the_region_that_works_with_both(personas):
    assert set(personas.shared_a.shared_with.all()) == {personas.police_a, personas.region}
    assert sorted(personas.region.partnerships.values_list("kommun__code", flat=True)) == [
        "0680",
        "0683",
    ]
    assert personas.kommun_neighbour.lan_id == personas.kommun_a.lan_id


@pytest.mark.parametrize("persona", NEIGHBOUR_PERSONA_NAMES)
def test_each_new_persona_sees_exactly_the_notes_of_a_it_is_entitled_to(personas, persona):
    a_notes = {getattr(personas, name).pk: name for name in NOTE_NAMES}

    visible = Note.objects.visible_to(user_of(personas, persona)).filter(kommun=personas.kommun_a)

    assert {a_notes[note.pk] for note in visible} == EXPECTED_VISIBLE_OF_A[persona]


def test_the_regions_member_is_a_partner_of_the_kommun_that_invited_her_only(personas):
    access = access_for(personas.partner_neighbour)

    assert dict(access.partner_organisations) == {
        personas.kommun_neighbour.pk: frozenset({personas.region.pk})
    }
    assert level_in(personas.partner_neighbour, personas.kommun_neighbour) == Level.PARTNER
    assert level_in(personas.partner_neighbour, personas.kommun_a) is None


def test_the_regions_member_reads_what_the_inviting_kommun_shares_with_the_region(personas):
    visible = Note.objects.visible_to(personas.partner_neighbour).exclude(visibility="publicerad")

    assert list(visible) == [personas.shared_neighbour]


def test_a_second_invitation_from_a_gives_her_what_a_shares_with_the_region(personas):
    grant_role(
        personas.partner_neighbour,
        personas.region,
        Role.PARTNER_MEMBER,
        by=personas.coordinator_a,
        kommun=personas.kommun_a,
    )
    forget_access(personas.partner_neighbour)

    visible = Note.objects.visible_to(personas.partner_neighbour).filter(kommun=personas.kommun_a)

    assert {note.title for note in visible} == {"A-delat med polisen", "A-publicerat"}


def test_the_kommun_member_of_a_reads_a_like_staff_and_edits_nothing(personas):
    assert level_in(personas.member_a, personas.kommun_a) == Level.STAFF
    assert can_edit_kommun(personas.member_a, personas.kommun_a) is False
    assert list(Note.objects.editable_by(personas.member_a)) == []


def test_the_workspace_of_a_opens_for_none_of_the_neighbours(personas):
    openers = [
        name
        for name in ALL_PERSONA_NAMES
        if can_open_workspace(user_of(personas, name), personas.kommun_a)
    ]

    assert openers == ["coordinator_a", "partner_a", "county_a", "analyst", "member_a"]


def test_the_county_officer_of_the_lan_reads_what_both_kommuner_submitted(personas):
    assert level_in(personas.county_a, personas.kommun_neighbour) == Level.READER
    assert level_in(personas.county_a, personas.kommun_a) == Level.READER


def test_only_the_neighbours_coordinator_edits_the_neighbour(personas):
    editors = [
        name
        for name in ALL_PERSONA_NAMES
        if can_edit_kommun(user_of(personas, name), personas.kommun_neighbour)
    ]

    assert editors == ["coordinator_neighbour"]
