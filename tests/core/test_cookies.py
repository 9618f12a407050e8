"""The cookies a login sets: the session cookie HttpOnly, both SameSite=Lax, a day's session.

`Secure` depends on the environment (off on http://127.0.0.1); `test_deploy_check.py` shows
it is on under production settings.
"""

from django.conf import settings
from django.urls import reverse

from tests.personas import PASSWORD


def test_logging_in_sets_an_http_only_same_site_session_cookie(client, personas):
    client.get(reverse("accounts:login"))
    csrf = client.cookies[settings.CSRF_COOKIE_NAME]

    response = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    session = response.cookies[settings.SESSION_COOKIE_NAME]

    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert session["max-age"] == 8 * 60 * 60
    assert csrf["samesite"] == "Lax"


def test_the_session_ends_after_a_working_day(client, personas):
    client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})

    assert client.session.get_expiry_age() == 8 * 60 * 60
