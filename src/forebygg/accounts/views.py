"""Accepting an invitation (login and logout are Django's own views, see accounts/urls.py).

Accepting makes the person a partner member for the inviting kommun only
(`orgs.domain.invitations.accept_invitation`); the invitation page then opens that kommun's
workspace.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forebygg.accounts.forms import RegisterForm
from forebygg.core.views import show_errors
from forebygg.orgs.domain.invitations import (
    accept_invitation,
    find_open_invitation,
    register_and_accept,
)


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    invitation = find_open_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                accept_invitation(invitation, user=request.user)
            except ValidationError as refused:
                return _refused(request, refused)
            messages.success(
                request,
                _("Du är nu samverkanspart i %(kommun)s.") % {"kommun": invitation.kommun.name},
            )
            return redirect("backoffice:workspace", code=invitation.kommun.code)
        return render(request, "accounts/invitation.html", {"invitation": invitation})
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = register_and_accept(
                invitation,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as refused:
            if find_open_invitation(token) is None:
                return _refused(request, refused)
            form.add_error("username", refused)  # the name was chosen by someone else meanwhile
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Välkommen! Ditt konto är skapat."))
            return redirect("backoffice:workspace", code=invitation.kommun.code)
    return render(request, "accounts/invitation.html", {"invitation": invitation, "form": form})


def _refused(request, refused: ValidationError):
    """The link was used, or ran out, between opening the page and sending it."""
    show_errors(request, refused)
    return render(request, "accounts/invitation_invalid.html", status=404)
