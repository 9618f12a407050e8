"""Reminders go to the kommun's own staff, about their own kommun only.

Kommun A and Värnamo (N, same län) both have something coming due. A's partner (the police,
a party to A's agreement), the county officer, Brå's analyst and Malmö's staff get nothing;
N's staff hear of N's agreement and nothing of A's.
"""

from django.core import mail

from forebygg.reminders.domain.sending import send_reminders


def test_only_the_kommuns_staff_are_reminded(world):
    send_reminders(today=world.today)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "agnes@example.se",
        "alice@example.se",
        "nils@example.se",
        "nora@example.se",
    ]


def test_the_neighbours_staff_hear_only_of_their_own_kommun(world):
    send_reminders(today=world.today)

    message = {m.to[0]: m for m in mail.outbox}["nora@example.se"]
    bullets = [line for line in message.body.splitlines() if line.startswith("– ")]
    assert bullets == [
        "– Värnamo kommun: Överenskommelsen ”Värnamos överenskommelse med regionen” gäller till "
        f"och med {world.agreement_neighbour.valid_until.isoformat()}. Om 40 dagar."
    ]
    assert ("Jönköping" in message.body) is False


def test_a_user_without_an_email_address_is_skipped(world):
    world.personas.member_a.email = ""
    world.personas.member_a.save(update_fields=["email"])

    send_reminders(today=world.today)

    assert ("agnes@example.se" in [m.to[0] for m in mail.outbox]) is False
    assert len(mail.outbox) == 3
