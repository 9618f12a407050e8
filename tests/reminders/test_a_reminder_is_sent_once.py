"""A reminder goes out once per stage: not again the same day, nor every day after.

The stages are 60 days before the date, 7 days before, and the day itself: the lägesbild due
in 30 days is announced today, again when 7 days are left, and not in between.
"""

from datetime import timedelta

from django.core import mail

from forebygg.reminders.domain.sending import send_reminders
from forebygg.reminders.models import SentReminder


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_a_second_run_the_same_day_sends_nothing(world):
    first = send_reminders(today=world.today)
    recorded = SentReminder.objects.count()

    second = send_reminders(today=world.today)

    assert (first, second) == (4, 0)
    assert SentReminder.objects.count() == recorded
    assert len(mails_to("alice@example.se")) == 1


def test_the_next_days_send_nothing_until_the_next_stage(world):
    send_reminders(today=world.today)

    later = [send_reminders(today=world.today + timedelta(days=days)) for days in (1, 2, 4)]

    assert later == [0, 0, 0]
    assert len(mails_to("alice@example.se")) == 1


def test_the_next_stages_come_once_each(world):
    send_reminders(today=world.today)

    send_reminders(today=world.today + timedelta(days=23))
    send_reminders(today=world.today + timedelta(days=24))

    [_first, second] = mails_to("alice@example.se")
    assert [line.split(". ")[-1] for line in second.body.splitlines() if line.startswith("– ")] == [
        "Om 7 dagar.",  # the lägesbild
        "Om 7 dagar.",  # the follow-up
        "Datumet har passerat.",  # the agreement ran out 18 days ago
    ]
    assert second.subject == "Förebygg: 3 påminnelser"


def test_a_new_date_starts_over(world):
    send_reminders(today=world.today)
    world.agreement.valid_until = world.today + timedelta(days=50)
    world.agreement.save()

    send_reminders(today=world.today)

    [_first, second] = mails_to("alice@example.se")
    assert second.subject == "Förebygg: en påminnelse"
