"""The worker's scheduling loop queues the reminder run once a day, from six in the morning.

The suite runs a queued task at once (settings_test.py), so queueing it sends the e-mails.
"""

from datetime import datetime, time, timedelta

from django.core import mail
from django.utils import timezone

from forebygg.core import periodic
from forebygg.core.management.commands.worker import queue
from forebygg.core.tasks import remove_abandoned_uploads
from forebygg.reminders.tasks import send_daily_reminders


def at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def test_the_reminder_run_is_a_daily_task_and_the_sweep_an_hourly_one():
    assert (
        send_daily_reminders in periodic.DAILY,
        remove_abandoned_uploads in periodic.HOURLY,
    ) == (
        True,
        True,
    )


def test_the_daily_tasks_are_due_once_a_day_from_six():
    today = timezone.localdate()

    assert [
        periodic.daily_due(at(today, 5), last_queued=None),
        periodic.daily_due(at(today, 6), last_queued=None),
        periodic.daily_due(at(today, 14), last_queued=today),
        periodic.daily_due(at(today + timedelta(days=1), 6), last_queued=today),
    ] == [False, True, False, True]


def test_queueing_the_daily_tasks_sends_the_reminders(world):
    assert queue(periodic.DAILY) is True

    assert len(mail.outbox) == 4
