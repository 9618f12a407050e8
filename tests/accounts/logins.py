"""Login attempts as the lockout tests make them, and the clock they move."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.db.models import F
from django.urls import reverse

LOGIN = reverse("accounts:login")


def post_login(client, username, password, address, **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def a_second_passes():
    """Move every recorded failure one second into the past (the guess throttle's interval)."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(seconds=1))


def logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse(
        "backoffice:my_workspaces"
    )


def templates(response) -> list[str]:
    return [template.name for template in response.templates]
