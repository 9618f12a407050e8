"""The daily reminder e-mails: one e-mail per user with what has newly come due.

Each thing is announced once per stage: 60 days before its date, 7 days before, and on the day
(or, if the worker was stopped then, within LATE after it). What was sent is recorded
(`SentReminder`), so a second run the same day, or the next day, sends nothing new; a new date
(an agreement renewed, a new lägesbild decided) starts over.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from forebygg.orgs.enums import Role
from forebygg.reminders.domain.due import STAGES, Due, due_for
from forebygg.reminders.enums import ReminderKind
from forebygg.reminders.models import SentReminder

logger = logging.getLogger(__name__)

STAFF_ROLES = (Role.COORDINATOR, Role.KOMMUN_MEMBER)
DEADLINES = {ReminderKind.LAGESBILD_UPDATE, ReminderKind.FOLLOW_UP, ReminderKind.AGREEMENT_ENDING}


@dataclass(frozen=True)
class Reminder:
    due: Due
    stage: int
    days_left: int

    @property
    def link(self) -> str:
        return settings.FOREBYGG_BASE_URL + self.due.path

    @property
    def when(self) -> str:
        """How near a deadline is; events that have happened (a returned report) say so."""
        if self.due.kind not in DEADLINES:
            return ""
        if self.days_left > 0:
            return ngettext("Om %(days)s dag.", "Om %(days)s dagar.", self.days_left) % {
                "days": self.days_left
            }
        return _("I dag.") if self.days_left == 0 else _("Datumet har passerat.")

    def identity(self, user) -> tuple:
        due = self.due
        return (user.pk, str(due.kind), due.object_id, due.due_on, self.stage)


def stage_of(due_on: date, today: date) -> tuple[int, int]:
    """The tightest stage the date has reached, and the days left until it."""
    days_left = (due_on - today).days
    return next(stage for stage in STAGES if days_left <= stage), days_left


def send_reminders(*, today: date | None = None) -> int:
    """E-mail every user who has something new to be reminded of; returns how many got one.

    The e-mails are in Swedish whatever language the process runs in (users choose English
    per browser session, which a background run does not have).
    """
    today = today or timezone.localdate()
    with translation.override(settings.LANGUAGE_CODE):
        return sum(remind(user, today=today) for user in recipients())


def recipients():
    """Kommun staff with an e-mail address who have not turned reminders off."""
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__role__in=STAFF_ROLES)
        .exclude(email="")
        .exclude(reminder_setting__wanted=False)
        .distinct()
        .order_by("pk")
    )


def remind(user, *, today: date) -> bool:
    """Send the user what is new for them today; True if an e-mail went out."""
    reminders = _not_sent_before(
        user, [_reminder(due, today) for due in due_for(user, today=today)]
    )
    if not reminders:
        return False
    try:
        records = _record(user, reminders)
    except IntegrityError:  # another run recorded them at the same moment and sends them
        return False
    try:
        _send(user, reminders)
    except Exception:
        # Forget the records so that the next run tries again; the other users still get theirs.
        SentReminder.objects.filter(pk__in=[record.pk for record in records]).delete()
        logger.exception("Påminnelsen till användare %s kunde inte skickas", user.pk)
        return False
    return True


def _reminder(due: Due, today: date) -> Reminder:
    stage, days_left = stage_of(due.due_on, today)
    return Reminder(due, stage, days_left)


def _not_sent_before(user, reminders: list[Reminder]) -> list[Reminder]:
    sent = set(
        SentReminder.objects.filter(user=user).values_list(
            "user_id", "kind", "object_id", "due_on", "stage"
        )
    )
    return [reminder for reminder in reminders if reminder.identity(user) not in sent]


@transaction.atomic
def _record(user, reminders: list[Reminder]) -> list[SentReminder]:
    records = [
        SentReminder(
            user=user,
            kind=r.due.kind,
            object_id=r.due.object_id,
            due_on=r.due.due_on,
            stage=r.stage,
        )
        for r in reminders
    ]
    for record in records:
        record.save()
    return records


def _send(user, reminders: list[Reminder]) -> None:
    context = {
        "user": user,
        "reminders": reminders,
        "account_link": settings.FOREBYGG_BASE_URL + reverse("accounts:account"),
    }
    message = EmailMultiAlternatives(
        subject=ngettext(
            "Förebygg: en påminnelse", "Förebygg: %(count)s påminnelser", len(reminders)
        )
        % {"count": len(reminders)},
        body=render_to_string("reminders/email/reminders.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    message.attach_alternative(
        render_to_string("reminders/email/reminders.html", context), "text/html"
    )
    message.send()
