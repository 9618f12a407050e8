"""The daily reminder run, queued by `forebygg worker` (see `core.periodic`)."""

from django.tasks import task

from forebygg.core.periodic import every_day
from forebygg.reminders.domain.sending import send_reminders


@every_day
@task()
def send_daily_reminders() -> int:
    """E-mail kommun staff what has newly come due; returns how many e-mails went out."""
    return send_reminders()
