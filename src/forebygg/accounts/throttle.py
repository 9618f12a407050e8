"""At most one password check per second per username, from all addresses together.

django-axes locks a username + client address pair after five failures, so a stranger
cannot lock the user out from elsewhere; but a stranger with many addresses would get five
guesses from each. This throttle keeps guessing slow without locking anyone: a password is
checked only if the last failed check for the same username, from whatever address, is at
least FOREBYGG_LOGIN_GUESS_INTERVAL_SECONDS old; an earlier attempt is refused with
"försök igen om en stund" without checking anything. axes cannot do this itself: its
failure limit and cool-off are shared by all its lockout parameters, so a limit on the
username alone would again lock the user out for an hour.

The last failure is read from axes' own records (`AccessAttempt.attempt_time`). A refused
attempt is marked as axes marks its own refusals (`request.axes_locked_out`): axes then does
not record it as a failure (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is False) and its
middleware answers it with `refusal`.
"""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


class OneGuessPerSecond:
    """An authentication backend after axes' and before Django's, which checks passwords."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or username is None or password is None:
            return None
        if failed_just_now(username):
            request.axes_locked_out = True
            request.login_throttled = True
            raise PermissionDenied
        return None


def failed_just_now(username: str) -> bool:
    interval = timedelta(seconds=settings.FOREBYGG_LOGIN_GUESS_INTERVAL_SECONDS)
    since = timezone.now() - interval
    return AccessAttempt.objects.filter(username=username, attempt_time__gt=since).exists()


def refusal(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """axes' answer to a refused login (AXES_LOCKOUT_CALLABLE): a moment's wait or the lock."""
    if getattr(request, "login_throttled", False):
        response = render(request, "accounts/try_again.html", status=429)
        response["Retry-After"] = str(settings.FOREBYGG_LOGIN_GUESS_INTERVAL_SECONDS)
        return response
    return render(request, "accounts/locked_out.html", status=429)
