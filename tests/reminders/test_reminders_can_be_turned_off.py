"""A user turns reminder e-mails off (and on again) on their account page."""

from django.core import mail
from django.urls import reverse

from forebygg.reminders.domain.sending import send_reminders


def test_turned_off_on_the_account_page_no_email_comes(world, client):
    client.force_login(world.personas.coordinator_a)

    response = client.post(reverse("accounts:reminders"), {})
    send_reminders(today=world.today)

    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == [
        "agnes@example.se",
        "nils@example.se",
        "nora@example.se",
    ]


def test_turned_on_again_the_reminders_come(world, client):
    client.force_login(world.personas.coordinator_a)
    client.post(reverse("accounts:reminders"), {})

    client.post(reverse("accounts:reminders"), {"wanted": "on"})
    send_reminders(today=world.today)

    assert ("alice@example.se" in [m.to[0] for m in mail.outbox]) is True


def test_the_account_page_shows_the_choice(world, client):
    client.force_login(world.personas.coordinator_a)
    client.post(reverse("accounts:reminders"), {})

    response = client.get(reverse("accounts:account"))

    assert response.status_code == 200
    assert response.context["form"].initial == {"wanted": False}
