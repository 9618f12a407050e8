"""A user's choice about reminder e-mails (on unless they turn them off)."""

from forebygg.reminders.models import ReminderSetting


def email_reminders_on(user) -> bool:
    return not ReminderSetting.objects.filter(user=user, wanted=False).exists()


def set_email_reminders(user, *, on: bool) -> None:
    ReminderSetting.objects.update_or_create(user=user, defaults={"wanted": on})
