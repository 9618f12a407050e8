"""The kommun's workspace ("Min arbetsyta"): thin views over orgs.access and domain functions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forebygg.backoffice.forms import InviteForm, NoteForm
from forebygg.geo.domain.queries import get_kommun_or_404
from forebygg.geo.models import Kommun, Lan
from forebygg.notes.domain import write_note
from forebygg.notes.models import Note
from forebygg.orgs.access import (
    access_for,
    can_edit_kommun,
    can_open_workspace,
    get_for_user,
    workspace_kommun_ids_for,
)
from forebygg.orgs.domain.invitations import invite_partner
from forebygg.orgs.models import Invitation, Membership, Organisation, Role


def workspace_kommun_or_404(request, code) -> Kommun:
    kommun = get_kommun_or_404(code)
    if not can_open_workspace(request.user, kommun):
        raise Http404(_("Sidan finns inte eller så saknar du behörighet."))
    return kommun


def coordinator_kommun_or_404(request, code) -> Kommun:
    """The kommun, if the user is its coordinator; anyone else gets a 404, never a 403."""
    kommun = workspace_kommun_or_404(request, code)
    if not can_edit_kommun(request.user, kommun):
        raise Http404(_("Sidan finns inte eller så saknar du behörighet."))
    return kommun


def show_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def _partners(kommun):
    return Organisation.objects.filter(partnerships__kommun=kommun).order_by("name")


@login_required
def my_workspaces(request):
    access = access_for(request.user)
    allowed = workspace_kommun_ids_for(request.user)
    own = Kommun.objects.filter(pk__in=access.staff_kommun_ids).select_related("lan")
    partner = Kommun.objects.filter(pk__in=access.partner_kommun_ids).select_related("lan")
    county = Kommun.objects.filter(lan_id__in=access.county_lan_ids).select_related("lan")
    national = Kommun.objects.select_related("lan").order_by("lan__code", "short_name")
    return render(
        request,
        "backoffice/my_workspaces.html",
        {
            "access": access,
            "own": own,
            "partner": partner,
            "county": county,
            "county_lan": Lan.objects.filter(pk__in=access.county_lan_ids),
            "national": national if allowed is None else [],
            "memberships": Membership.objects.filter(user=request.user).select_related(
                "organisation"
            ),
        },
    )


@login_required
def workspace(request, code):
    kommun = workspace_kommun_or_404(request, code)
    is_coordinator = can_edit_kommun(request.user, kommun)
    context = {
        "kommun": kommun,
        "is_coordinator": is_coordinator,
        "notes": Note.objects.visible_to(request.user).filter(kommun=kommun),
    }
    if kommun.pk in access_for(request.user).staff_kommun_ids:
        context["members"] = Membership.objects.filter(
            organisation__home_kommun=kommun, role__in=[Role.COORDINATOR, Role.KOMMUN_MEMBER]
        ).select_related("user")
        context["partners"] = _partners(kommun)
    if is_coordinator:
        context["invitations"] = Invitation.objects.filter(kommun=kommun, accepted_at__isnull=True)
    return render(request, "backoffice/workspace.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def note_edit(request, code, pk=None):
    kommun = workspace_kommun_or_404(request, code)
    if not can_edit_kommun(request.user, kommun):
        raise Http404(_("Sidan finns inte eller så saknar du behörighet."))
    note = (
        get_for_user(Note.objects, request.user, for_edit=True, pk=pk, kommun=kommun)
        if pk
        else None
    )
    initial = {}
    if note:
        initial = {
            "title": note.title,
            "body": note.body,
            "visibility": note.visibility,
            "shared_with": list(note.shared_with.all()),
        }
    form = NoteForm(request.POST or None, initial=initial, partners=_partners(kommun))
    if request.method == "POST" and form.is_valid():
        note = write_note(note, kommun=kommun, by=request.user, **form.cleaned_data)
        messages.success(request, _("Anteckningen är sparad."))
        return redirect("backoffice:note", code=kommun.code, pk=note.pk)
    return render(
        request, "backoffice/note_form.html", {"kommun": kommun, "form": form, "note": note}
    )


@login_required
def note_detail(request, code, pk):
    kommun = workspace_kommun_or_404(request, code)
    note = get_for_user(Note.objects, request.user, pk=pk, kommun=kommun)
    history = note.history.select_related("history_user").order_by("-history_date")
    return render(
        request,
        "backoffice/note_detail.html",
        {
            "kommun": kommun,
            "note": note,
            "history": history,
            "can_edit": can_edit_kommun(request.user, kommun),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def invite(request, code):
    kommun = workspace_kommun_or_404(request, code)
    if not can_edit_kommun(request.user, kommun):
        raise Http404(_("Sidan finns inte eller så saknar du behörighet."))
    form = InviteForm(request.POST or None, partners=_partners(kommun))
    if request.method == "POST" and form.is_valid():
        invite_partner(
            kommun=kommun,
            email=form.cleaned_data["email"],
            by=request.user,
            organisation=form.cleaned_data["organisation"],
            new_organisation=(form.cleaned_data["new_name"], form.cleaned_data["new_type"]),
        )
        messages.success(
            request,
            _("En inbjudan har skickats till %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("backoffice:workspace", code=kommun.code)
    return render(request, "backoffice/invite.html", {"kommun": kommun, "form": form})
