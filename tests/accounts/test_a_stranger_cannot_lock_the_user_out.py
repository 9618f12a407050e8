"""A stranger's wrong passwords lock the stranger's address, never the user at her own."""

from django.test import Client

from tests.accounts.logins import a_second_passes, logged_in, post_login, templates
from tests.personas import PASSWORD

STRANGER = "203.0.113.66"
ALICE_AT_WORK = "198.51.100.7"


def five_wrong_passwords_from(address):
    """Five guesses a second apart, as the throttle allows; the fifth is answered with the lock."""
    stranger = Client()
    statuses = []
    for _ in range(5):
        a_second_passes()
        statuses.append(post_login(stranger, "alice", "fel-lösenord", address).status_code)
    assert statuses == [200, 200, 200, 200, 429]
    return stranger


def test_the_user_logs_in_from_her_own_address_after_a_strangers_five_failures(client, personas):
    five_wrong_passwords_from(STRANGER)
    a_second_passes()

    assert logged_in(post_login(client, "alice", PASSWORD, ALICE_AT_WORK))


def test_the_stranger_is_locked_out_even_with_the_right_password(personas):
    stranger = five_wrong_passwords_from(STRANGER)
    a_second_passes()

    response = post_login(stranger, "alice", PASSWORD, STRANGER)

    assert response.status_code == 429
    assert "accounts/locked_out.html" in templates(response)
    assert "_auth_user_id" not in stranger.session


def test_a_locked_stranger_who_keeps_trying_does_not_hold_the_user_back(client, personas):
    """Refused attempts are not guesses: they neither extend the lock nor start the throttle."""
    stranger = five_wrong_passwords_from(STRANGER)
    a_second_passes()
    refused = [post_login(stranger, "alice", "fel-igen", STRANGER).status_code for _ in range(10)]

    assert refused == [429] * 10
    assert logged_in(post_login(client, "alice", PASSWORD, ALICE_AT_WORK))
