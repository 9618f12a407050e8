"""The address a lock is for: the connection's, or a trusted proxy's header only when configured.

Without FOREBYGG_CLIENT_IP_HEADER no header changes the address. With it (behind a reverse
proxy, where every connection comes from the proxy) the address is the one the proxy
appended, FOREBYGG_TRUSTED_PROXY_COUNT entries from the right; what a client writes to the
left of it changes nothing.
"""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.accounts.logins import a_second_passes, logged_in, post_login
from tests.personas import PASSWORD

PROXY = "10.0.0.2"
STRANGER = "203.0.113.66"
ALICE_AT_WORK = "198.51.100.7"


@pytest.fixture
def behind_a_proxy(settings):
    settings.FOREBYGG_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.FOREBYGG_TRUSTED_PROXY_COUNT = 1


def recorded_addresses() -> list[str]:
    return list(AccessAttempt.objects.values_list("ip_address", flat=True))


def through_the_proxy(client, username, password, forwarded_for):
    a_second_passes()
    return post_login(client, username, password, PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def test_without_the_setting_a_forwarded_for_header_is_ignored(client, personas):
    post_login(client, "alice", "fel-lösenord", STRANGER, HTTP_X_FORWARDED_FOR=ALICE_AT_WORK)

    assert recorded_addresses() == [STRANGER]


def test_behind_the_proxy_the_address_it_appended_is_counted(behind_a_proxy, client, personas):
    through_the_proxy(client, "alice", "fel-lösenord", f"{ALICE_AT_WORK}, {STRANGER}")

    assert recorded_addresses() == [STRANGER]


def test_behind_the_proxy_a_stranger_locks_only_himself(behind_a_proxy, client, personas):
    stranger = Client()
    statuses = [
        through_the_proxy(stranger, "alice", "fel-lösenord", STRANGER).status_code for _ in range(5)
    ]

    assert statuses == [200, 200, 200, 200, 429]
    assert through_the_proxy(stranger, "alice", PASSWORD, STRANGER).status_code == 429
    assert logged_in(through_the_proxy(client, "alice", PASSWORD, ALICE_AT_WORK))


def test_a_stranger_cannot_pick_his_address_by_writing_the_header_himself(behind_a_proxy, personas):
    stranger = Client()
    for _ in range(5):
        through_the_proxy(stranger, "alice", "fel-lösenord", STRANGER)

    response = through_the_proxy(stranger, "alice", PASSWORD, f"{ALICE_AT_WORK}, {STRANGER}")

    assert response.status_code == 429


def test_with_two_proxies_the_second_entry_from_the_right_is_counted(
    behind_a_proxy, client, personas, settings
):
    settings.FOREBYGG_TRUSTED_PROXY_COUNT = 2

    through_the_proxy(client, "alice", "fel-lösenord", f"{ALICE_AT_WORK}, {STRANGER}, 10.0.0.1")

    assert recorded_addresses() == [STRANGER]


def test_a_request_that_did_not_pass_the_proxy_counts_its_connection(
    behind_a_proxy, client, personas
):
    post_login(client, "alice", "fel-lösenord", STRANGER)

    assert recorded_addresses() == [STRANGER]


def test_another_header_such_as_x_real_ip_can_be_named(behind_a_proxy, client, personas, settings):
    settings.FOREBYGG_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"

    post_login(
        client,
        "alice",
        "fel-lösenord",
        PROXY,
        HTTP_X_REAL_IP=STRANGER,
        HTTP_X_FORWARDED_FOR=ALICE_AT_WORK,
    )

    assert recorded_addresses() == [STRANGER]
