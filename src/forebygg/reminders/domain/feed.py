"""The personal calendar feed: council meetings, årshjul items and § 6 deadlines as iCalendar.

Outlook (or any calendar) subscribes to a secret address that needs no login. The secret is
random and only its hash is stored (like an invitation's); a new link replaces the old one and
turning the feed off removes it, so an old address answers 404 (docs/security.md).

The feed holds what the user may see (`visible_to`) in the kommuner they work with: their own
or partner kommuner, the kommuner of their län for a county officer, every kommun for Brå.
Events carry titles, dates and a link to the page; no agendas or minutes, since a subscribed
calendar is copied to the calendar provider's servers.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from forebygg.governance.models import CycleEvent, Meeting
from forebygg.lagesbild.domain import update_due
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import Lagesbild
from forebygg.orgs.access import access_for
from forebygg.plans.domain.followup import follow_up_due
from forebygg.plans.enums import PlanStatus
from forebygg.plans.models import Plan
from forebygg.reminders.models import CalendarFeed

# Meetings further back than this are left out: the feed is for what is coming.
MEETINGS_SINCE = timedelta(days=365)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_feed_link(user) -> str:
    """Give the user a new secret link (the old one stops working); returns its token."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(
        user=user, defaults={"token_hash": hash_token(token), "created_at": timezone.now()}
    )
    return token


def turn_off_feed(user) -> None:
    CalendarFeed.objects.filter(user=user).delete()


def feed_of(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def feed_url(token: str) -> str:
    return settings.FOREBYGG_BASE_URL + reverse("accounts:calendar_feed", kwargs={"token": token})


def feed_owner(token: str):
    """The active user whose link this is, or None."""
    feed = CalendarFeed.objects.select_related("user").filter(token_hash=hash_token(token)).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


def calendar_for(user, *, today: date | None = None) -> bytes:
    """The user's calendar, in Swedish: a calendar program has no session to choose a language."""
    today = today or timezone.localdate()
    calendar = Calendar()
    calendar.add("prodid", "-//Förebygg//Kalender//SV")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Förebygg")
    with translation.override(settings.LANGUAGE_CODE):
        for event in [*_meetings(user, today), *_cycle_items(user), *_deadlines(user)]:
            calendar.add_component(event)
    return calendar.to_ical()


def _in_reach(user, kommun_lookup: str) -> Q:
    """The kommuner whose workspace opens for the user (`Access.level_in`), as a condition."""
    access = access_for(user)
    if access.is_national or access.is_site_admin:
        return Q()
    own = access.staff_kommun_ids | access.partner_kommun_ids
    return Q(**{f"{kommun_lookup}__in": own}) | Q(
        **{f"{kommun_lookup}__lan_id__in": access.county_lan_ids}
    )


def _event(uid: str, summary: str, day: date, path: str, stamp: datetime) -> Event:
    host = urlsplit(settings.FOREBYGG_BASE_URL).hostname or "forebygg"
    event = Event()
    event.add("uid", f"{uid}@{host}")
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("dtstamp", stamp)
    event.add("url", settings.FOREBYGG_BASE_URL + path)
    event.add("description", settings.FOREBYGG_BASE_URL + path)
    return event


def _meetings(user, today: date):
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(_in_reach(user, "council__kommun"), held_on__gte=today - MEETINGS_SINCE)
        .select_related("council__kommun", "working_group")
        .order_by("held_on", "pk")
    )
    for meeting in meetings:
        kommun = meeting.council.kommun
        name = meeting.working_group.name if meeting.working_group else meeting.council.name
        yield _event(
            f"mote-{meeting.pk}",
            _("%(name)s: möte (%(kommun)s)") % {"name": name, "kommun": kommun.name},
            meeting.held_on,
            reverse("backoffice:meeting", kwargs={"code": kommun.code, "pk": meeting.pk}),
            meeting.updated_at,
        )


def _cycle_items(user):
    """An årshjul item comes back the same month every year: a yearly event on the 1st."""
    items = (
        CycleEvent.objects.visible_to(user)
        .filter(_in_reach(user, "kommun"))
        .select_related("kommun")
        .order_by("kommun__name", "month", "pk")
    )
    for item in items:
        first = date(timezone.localtime(item.created_at).year, item.month, 1)
        event = _event(
            f"arshjul-{item.pk}",
            _("Årshjul: %(title)s (%(kommun)s)")
            % {"title": item.title, "kommun": item.kommun.name},
            first,
            reverse("backoffice:cycle", kwargs={"code": item.kommun.code}),
            item.updated_at,
        )
        event.add("rrule", {"freq": "yearly"})
        event.add("categories", [str(MONTHS[item.month]), item.get_kind_display()])
        yield event


def _deadlines(user):
    """§ 6 from the latest decided version the user may see in each kommun.

    One query per kind instead of `latest_decided` per kommun: Brå reaches every kommun.
    """
    lagesbilder = (
        Lagesbild.objects.visible_to(user)
        .filter(_in_reach(user, "kommun"), status=LagesbildStatus.DECIDED)
        .select_related("kommun")
        .order_by("kommun__name", "kommun_id", "-number")
    )
    for lagesbild in _latest_per_kommun(lagesbilder):
        yield _event(
            f"lagesbild-{lagesbild.pk}-uppdatering",
            _("Lägesbilden ska vara uppdaterad (§ 6), %(kommun)s")
            % {"kommun": lagesbild.kommun.name},
            update_due(lagesbild),
            reverse("backoffice:lagesbild_index", kwargs={"code": lagesbild.kommun.code}),
            lagesbild.updated_at,
        )
    plans = (
        Plan.objects.visible_to(user)
        .filter(_in_reach(user, "kommun"), status=PlanStatus.DECIDED)
        .select_related("kommun")
        .prefetch_related("follow_ups")
        .order_by("kommun__name", "kommun_id", "-number")
    )
    for plan in _latest_per_kommun(plans):
        yield _event(
            f"plan-{plan.pk}-uppfoljning",
            _("Åtgärdsplanen ska vara uppföljd (§ 6), %(kommun)s") % {"kommun": plan.kommun.name},
            follow_up_due(plan),
            reverse(
                "backoffice:follow_up", kwargs={"code": plan.kommun.code, "number": plan.number}
            ),
            plan.updated_at,
        )


def _latest_per_kommun(versions):
    seen = set()
    for version in versions:
        if version.kommun_id not in seen:
            seen.add(version.kommun_id)
            yield version
