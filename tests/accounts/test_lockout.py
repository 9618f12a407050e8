"""Brute-force lockout: five wrong passwords lock one username from one address for an hour.

Each attempt here comes a second after the one before, as the one-guess-per-second throttle
lets through (`test_one_guess_per_second_per_username.py` shows the throttle itself).
"""

from datetime import timedelta

from axes.models import AccessAttempt
from django.utils import timezone

from tests.accounts.logins import a_second_passes, logged_in, post_login
from tests.personas import PASSWORD

ATTACKER = "192.0.2.10"
OTHER_ADDRESS = "198.51.100.20"


def attempt(client, username, password, address=ATTACKER, **headers):
    a_second_passes()
    return post_login(client, username, password, address, **headers)


def fail_five_times(client, username="alice"):
    """The fifth failure is the one that locks; it already answers with the lockout page."""
    statuses = [attempt(client, username, "fel-lösenord").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


def test_the_sixth_attempt_is_refused_even_with_the_right_password(client, personas):
    fail_five_times(client)

    response = attempt(client, "alice", PASSWORD)

    assert response.status_code == 429
    assert "accounts/locked_out.html" in [template.name for template in response.templates]
    html = response.content.decode()
    assert "<h1>Kontot är tillfälligt låst</h1>" in html
    assert "Vänta en timme och försök igen" in html
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock(client, personas):
    for _ in range(4):
        attempt(client, "alice", "fel-lösenord")

    assert logged_in(attempt(client, "alice", PASSWORD))


def test_the_lock_is_per_username_and_address(client, personas):
    fail_five_times(client, "alice")

    assert logged_in(attempt(client, "alice", PASSWORD, address=OTHER_ADDRESS))
    client.logout()
    assert logged_in(attempt(client, "bob", PASSWORD, address=ATTACKER))


def test_a_forged_forwarded_for_header_does_not_unlock(client, personas):
    fail_five_times(client)

    response = attempt(client, "alice", PASSWORD, HTTP_X_FORWARDED_FOR=OTHER_ADDRESS)

    assert response.status_code == 429


def test_the_lock_lifts_after_the_hour_of_cool_off(client, personas):
    fail_five_times(client)
    assert attempt(client, "alice", PASSWORD).status_code == 429

    an_hour_ago = timezone.now() - timedelta(hours=1, minutes=1)
    AccessAttempt.objects.update(attempt_time=an_hour_ago)

    assert logged_in(attempt(client, "alice", PASSWORD))


def test_a_successful_login_resets_the_count(client, personas):
    for _ in range(4):
        attempt(client, "alice", "fel-lösenord")
    assert logged_in(attempt(client, "alice", PASSWORD))
    client.logout()

    for _ in range(4):
        attempt(client, "alice", "fel-lösenord")

    assert logged_in(attempt(client, "alice", PASSWORD))
