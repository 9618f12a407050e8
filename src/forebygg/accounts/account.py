"""The user's own account page: reminder e-mails on or off, and the personal calendar link.

The calendar feed itself needs no login: its secret address is the key
(`reminders.domain.feed`), and a wrong or revoked one is the one 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from forebygg.accounts.forms import ReminderForm
from forebygg.orgs.access import not_found
from forebygg.reminders.domain.feed import (
    calendar_for,
    feed_of,
    feed_owner,
    feed_url,
    new_feed_link,
    turn_off_feed,
)
from forebygg.reminders.domain.preferences import email_reminders_on, set_email_reminders

# The new link is shown once, on the page the browser is sent to after creating it: only its
# hash is stored. It travels there in the session, never in a URL.
NEW_LINK = "forebygg_new_calendar_link"


@login_required
@require_GET
def account(request):
    user = request.user
    context = {
        "form": ReminderForm(initial={"wanted": email_reminders_on(user)}),
        "feed": feed_of(user),
        "new_link": request.session.pop(NEW_LINK, ""),
    }
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def reminders(request):
    form = ReminderForm(request.POST)
    if form.is_valid():
        on = form.cleaned_data["wanted"]
        set_email_reminders(request.user, on=on)
        messages.success(
            request, _("Påminnelserna är påslagna.") if on else _("Påminnelserna är avstängda.")
        )
    return redirect("accounts:account")


@login_required
@require_POST
def calendar_new(request):
    request.session[NEW_LINK] = feed_url(new_feed_link(request.user))
    messages.success(
        request, _("En ny kalenderlänk är skapad. En tidigare länk fungerar inte längre.")
    )
    return redirect("accounts:account")


@login_required
@require_POST
def calendar_off(request):
    turn_off_feed(request.user)
    messages.success(request, _("Kalenderlänken är avstängd."))
    return redirect("accounts:account")


@never_cache
@require_GET
def calendar_feed(request, token: str):
    user = feed_owner(token)
    if user is None:
        raise not_found()
    response = HttpResponse(calendar_for(user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="forebygg.ics"'
    return response
