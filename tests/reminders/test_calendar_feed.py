"""The personal calendar feed, read back with a real iCalendar parser.

Kommun A's coordinator subscribes: the council meetings, the årshjul items and the § 6
deadlines of A are events with stable UIDs; the feed needs no login and is text/calendar.
"""

from datetime import date, timedelta

from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from forebygg.governance.domain.annual_cycle import add_cycle_event
from forebygg.reminders.domain.feed import feed_url, new_feed_link


def read_feed(url: str) -> tuple:
    response = Client().get(url)
    assert response.status_code == 200
    return response, Calendar.from_ical(response.content)


def events_of(calendar) -> dict[str, dict]:
    return {
        str(event["uid"]): {
            "summary": str(event["summary"]),
            "start": event.decoded("dtstart"),
            "end": event.decoded("dtend"),
            "url": str(event["url"]),
            "rrule": event["rrule"].to_ical().decode() if "rrule" in event else "",
        }
        for event in calendar.walk("VEVENT")
    }


def test_the_coordinators_feed_holds_meetings_cycle_and_deadlines(world, settings):
    settings.FOREBYGG_BASE_URL = "https://forebygg.example.se"
    by = world.personas.coordinator_a
    item = add_cycle_event(
        world.personas.kommun_a, title="Trygghetsmätning", month=3, kind="sista-dag", by=by
    )
    token = new_feed_link(by)

    response, calendar = read_feed(feed_url(token))

    base = "https://forebygg.example.se"
    due = world.today + timedelta(days=30)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert events_of(calendar) == {
        f"mote-{world.meeting.pk}@forebygg.example.se": {
            "summary": "Trygg i Jönköping: möte (Jönköpings kommun)",
            "start": world.meeting.held_on,
            "end": world.meeting.held_on + timedelta(days=1),
            "url": base
            + reverse("backoffice:meeting", kwargs={"code": "0680", "pk": world.meeting.pk}),
            "rrule": "",
        },
        f"arshjul-{item.pk}@forebygg.example.se": {
            "summary": "Årshjul: Trygghetsmätning (Jönköpings kommun)",
            "start": date(world.today.year, 3, 1),
            "end": date(world.today.year, 3, 2),
            "url": base + reverse("backoffice:cycle", kwargs={"code": "0680"}),
            "rrule": "FREQ=YEARLY",
        },
        f"lagesbild-{world.lagesbild.pk}-uppdatering@forebygg.example.se": {
            "summary": "Lägesbilden ska vara uppdaterad (§ 6), Jönköpings kommun",
            "start": due,
            "end": due + timedelta(days=1),
            "url": base + reverse("backoffice:lagesbild_index", kwargs={"code": "0680"}),
            "rrule": "",
        },
        f"plan-{world.plan.pk}-uppfoljning@forebygg.example.se": {
            "summary": "Åtgärdsplanen ska vara uppföljd (§ 6), Jönköpings kommun",
            "start": due,
            "end": due + timedelta(days=1),
            "url": base
            + reverse("backoffice:follow_up", kwargs={"code": "0680", "number": world.plan.number}),
            "rrule": "",
        },
    }


def test_the_uids_stay_the_same_from_one_read_to_the_next(world):
    token = new_feed_link(world.personas.member_a)

    _response, first = read_feed(feed_url(token))
    _response, second = read_feed(feed_url(token))

    assert sorted(events_of(first)) == sorted(events_of(second))
    assert len(events_of(first)) == 3
