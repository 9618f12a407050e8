"""Each username gets one password check per second from all addresses together, and no lock.

A refused attempt checks no password and is not a failure: it answers "försök igen om en
stund" (HTTP 429), counts towards no lock, and the next second the right password works.
"""

from axes.models import AccessAttempt
from django.test import Client

from tests.accounts.logins import a_second_passes, logged_in, post_login, templates
from tests.personas import PASSWORD

STRANGER = "203.0.113.66"
ANOTHER_STRANGER = "192.0.2.45"
ALICE_AT_WORK = "198.51.100.7"


def test_a_second_guess_within_the_second_is_refused_from_any_address(personas):
    post_login(Client(), "alice", "fel-lösenord", STRANGER)

    response = post_login(Client(), "alice", "annat-fel", ANOTHER_STRANGER)

    assert response.status_code == 429
    assert response["Retry-After"] == "1"
    assert "accounts/try_again.html" in templates(response)
    assert "<h1>Försök igen om en stund</h1>" in response.content.decode()


def test_within_the_second_even_the_right_password_is_not_checked(client, personas):
    post_login(Client(), "alice", "fel-lösenord", STRANGER)

    assert post_login(client, "alice", PASSWORD, ALICE_AT_WORK).status_code == 429
    assert "_auth_user_id" not in client.session

    a_second_passes()
    assert logged_in(post_login(client, "alice", PASSWORD, ALICE_AT_WORK))


def test_refused_attempts_are_not_failures_and_lock_nobody(client, personas):
    post_login(Client(), "alice", "fel-lösenord", STRANGER)
    for _ in range(10):
        assert post_login(client, "alice", "fel-lösenord", ALICE_AT_WORK).status_code == 429

    failures = AccessAttempt.objects.values_list("ip_address", "failures_since_start")
    assert list(failures) == [(STRANGER, 1)]
    a_second_passes()
    assert logged_in(post_login(client, "alice", PASSWORD, ALICE_AT_WORK))


def test_other_usernames_are_not_held_back(client, personas):
    post_login(Client(), "alice", "fel-lösenord", STRANGER)

    assert logged_in(post_login(client, "bob", PASSWORD, STRANGER))


def test_the_admin_login_is_throttled_too(client, personas):
    post_login(Client(), "alice", "fel-lösenord", STRANGER)

    response = client.post(
        "/admin/login/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR=ALICE_AT_WORK
    )

    assert response.status_code == 429
    assert "accounts/try_again.html" in templates(response)
