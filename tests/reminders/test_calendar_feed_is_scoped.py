"""A feed holds only what its owner may see, in the kommuner they work with.

Kommun A's meeting belongs to a council that is not published: A's staff see it, the county
officer of A's län does not (nor the § 6 dates of A's unpublished decisions), A's partner
(the police) sees the meeting of the council shared with it and nothing else. Värnamo's
coordinator, in the same län, sees nothing of A at all.
"""

from django.test import Client
from icalendar import Calendar

from forebygg.governance.domain import council
from forebygg.reminders.domain.feed import feed_url, new_feed_link


def uids_for(user) -> list[str]:
    response = Client().get(feed_url(new_feed_link(user)))
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return sorted(str(event["uid"]).split("@")[0] for event in calendar.walk("VEVENT"))


def test_another_kommuns_coordinator_gets_none_of_as_events(world):
    neighbours_council = council.create_council(
        world.personas.kommun_neighbour,
        name="Trygg i Värnamo",
        by=world.personas.coordinator_neighbour,
    )
    theirs = council.hold_meeting(
        neighbours_council, held_on=world.today, by=world.personas.coordinator_neighbour
    )

    assert uids_for(world.personas.coordinator_neighbour) == [f"mote-{theirs.pk}"]
    assert (f"mote-{theirs.pk}" in uids_for(world.personas.coordinator_a)) is False


def test_the_county_officer_sees_no_unpublished_work(world):
    assert uids_for(world.personas.county_a) == []


def test_a_partner_sees_only_what_is_shared(world):
    # The council is shared with the police; the decided lägesbild and plan are not.
    assert uids_for(world.personas.partner_a) == [f"mote-{world.meeting.pk}"]


def test_the_kommuns_staff_see_it_all(world):
    assert uids_for(world.personas.member_a) == sorted(
        [
            f"mote-{world.meeting.pk}",
            f"lagesbild-{world.lagesbild.pk}-uppdatering",
            f"plan-{world.plan.pk}-uppfoljning",
        ]
    )
