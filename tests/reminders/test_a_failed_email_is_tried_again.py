"""An e-mail that could not be sent is not recorded as sent: the next run tries again."""

from django.core import mail

from forebygg.reminders.domain.sending import send_reminders
from forebygg.reminders.models import SentReminder

# Nothing listens on the discard port: the connection is refused at once.
REFUSING = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
    }
}


def test_nothing_is_recorded_when_the_mail_server_refuses(world, settings):
    settings.MAILERS = REFUSING

    refused = send_reminders(today=world.today)

    assert (refused, SentReminder.objects.count(), len(mail.outbox)) == (0, 0, 0)


def test_the_next_run_sends_what_failed(world, settings):
    working = settings.MAILERS
    settings.MAILERS = REFUSING
    send_reminders(today=world.today)
    settings.MAILERS = working

    sent = send_reminders(today=world.today)

    assert (sent, len(mail.outbox)) == (4, 4)
