"""The periodic tasks `forebygg worker` queues: every hour, and once a day.

Each app registers its own (the sweep in `core.tasks`, the reminders in `reminders.tasks`),
so the worker's scheduling loop in core needs to know none of the apps above it. A task that
runs twice by accident must do no harm: the sweep finds nothing left, and the reminders
record what they sent.
"""

from __future__ import annotations

from datetime import date, datetime, time

HOURLY: list = []
DAILY: list = []
# Daily tasks are queued at the first tick of the loop from this local time on (e-mails then
# arrive in the morning, not in the middle of the night).
DAILY_FROM = time(6, 0)


def every_hour(task):
    HOURLY.append(task)
    return task


def every_day(task):
    DAILY.append(task)
    return task


def daily_due(now: datetime, *, last_queued: date | None) -> bool:
    """Whether the daily tasks are to be queued at this tick (once a day, from DAILY_FROM)."""
    return now.time() >= DAILY_FROM and last_queued != now.date()
