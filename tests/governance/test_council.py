"""The strategic council (§ 10): members, one chair, working groups, meetings and decisions."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from forebygg.governance.domain import council
from forebygg.orgs.domain.authorities import lansstyrelse_of

pytestmark = pytest.mark.django_db


def test_one_council_per_kommun(personas, governance):
    with pytest.raises(ValidationError, match="redan"):
        council.create_council(personas.kommun_a, name="Ett till", by=personas.coordinator_a)


def test_a_member_records_organisation_position_and_seniority(personas, governance):
    member = council.add_member(
        governance.council, organisation=governance.civil_society, seniority="ledande",
        position="Ordförande i föreningen", representative="Sam Exempel", by=personas.coordinator_a,
    )  # fmt: skip

    assert member.get_seniority_display().startswith("Ledande befattning")
    assert governance.civil_society in governance.council.shared_with.all()


def test_a_member_must_be_a_registered_actor(personas, governance):
    with pytest.raises(ValidationError, match="Registrera den först"):
        council.add_member(
            governance.council, organisation=lansstyrelse_of(personas.kommun_b.lan),
            position="Direktör", seniority="ledande", by=personas.coordinator_a,
        )  # fmt: skip


def test_a_new_chair_replaces_the_old_one(personas, governance):
    council.add_member(
        governance.council, organisation=personas.police_a, position="Polischef",
        seniority="ledande", is_chair=True, by=personas.coordinator_a,
    )  # fmt: skip

    chairs = governance.council.members.filter(is_chair=True)
    assert [m.position for m in chairs] == ["Polischef"]


def test_a_member_who_leaves_stays_in_the_record(personas, governance):
    member = governance.council.members.get(position="Lokalpolisområdeschef")
    council.end_membership(member, left_on=date(2026, 10, 1), by=personas.coordinator_a)

    assert member in governance.council.members.all()
    assert member not in council.current_members(governance.council)


def test_a_meeting_records_agenda_attendance_minutes_and_decisions(personas, governance):
    members = list(governance.council.members.all())
    meeting = council.hold_meeting(
        governance.council, held_on=date(2026, 10, 5), agenda="1. Lägesbild\n2. Plan",
        minutes="Rådet gick igenom lägesbilden.", attendees=members, by=personas.coordinator_a,
    )  # fmt: skip
    decision = council.add_decision(
        meeting, text="Ta fram förslag på trygghetsvandringar", owner=personas.police_a,
        due_on=date(2027, 2, 1), by=personas.coordinator_a,
    )  # fmt: skip

    assert list(council.open_decisions(governance.council)) == [decision]
    council.complete_decision(decision, done_on=date(2026, 12, 1), by=personas.coordinator_a)
    assert list(council.open_decisions(governance.council)) == []
    assert set(meeting.attendees.all()) == set(members)


def test_a_decision_cannot_be_done_before_its_meeting(personas, governance):
    meeting = council.hold_meeting(
        governance.council, held_on=date(2026, 10, 5), by=personas.coordinator_a
    )
    decision = council.add_decision(meeting, text="Beslut", by=personas.coordinator_a)

    with pytest.raises(ValidationError, match="före mötet"):
        council.complete_decision(decision, done_on=date(2026, 10, 4), by=personas.coordinator_a)


def test_a_planned_meeting_cannot_have_minutes_yet(personas, governance):
    future = timezone.localdate() + timedelta(days=30)
    with pytest.raises(ValidationError, match="framtiden"):
        council.hold_meeting(
            governance.council, held_on=future, minutes="Protokoll", by=personas.coordinator_a
        )
    meeting = council.hold_meeting(governance.council, held_on=future, by=personas.coordinator_a)
    assert meeting.minutes == ""


def test_only_council_members_can_attend(personas, governance):
    coordinator_b = get_user_model().objects.get(username="bertil")
    other = council.create_council(personas.kommun_b, name="Trygg i Malmö", by=coordinator_b)

    with pytest.raises(ValidationError, match="ledamöter"):
        council.hold_meeting(
            other, held_on=date(2026, 1, 1), attendees=list(governance.council.members.all()),
            by=coordinator_b,
        )  # fmt: skip
    assert not other.meetings.exists()


def test_working_groups_belong_to_the_council(personas, governance):
    group = council.add_working_group(
        governance.council, name="Trygghetsgruppen", organisations=[governance.civil_society],
        by=personas.coordinator_a,
    )  # fmt: skip
    meeting = council.hold_meeting(
        governance.council, held_on=date(2026, 9, 1), working_group=group, by=personas.coordinator_a
    )

    assert meeting.working_group == group
    assert list(group.organisations.all()) == [governance.civil_society]
