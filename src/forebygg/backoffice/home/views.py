"""The kommun's workspace ("Min arbetsyta"): thin views over orgs.access and domain functions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forebygg.backoffice.entry import workspace_view
from forebygg.backoffice.home.chain import (
    THEN_NEW_MEASURE,
    THEN_WORKSPACE,
    action_link,
    page_of,
)
from forebygg.backoffice.home.forms import InviteForm, NoteForm
from forebygg.backoffice.plans.forms import PlanForm
from forebygg.backoffice.problems.forms import QuickProblemForm
from forebygg.core.views import apply_form
from forebygg.geo.models import Kommun, Lan
from forebygg.governance.domain.chain import chain_of
from forebygg.governance.domain.compliance import check_compliance, summary_counts
from forebygg.governance.enums import ChainAction, RuleStatus
from forebygg.lagesbild.enums import LagesbildStatus
from forebygg.lagesbild.models import Lagesbild
from forebygg.notes.domain import write_note
from forebygg.notes.models import Note
from forebygg.orgs.access import access_for, workspace_kommun_ids_for
from forebygg.orgs.domain.history import history_for
from forebygg.orgs.domain.invitations import invite_partner
from forebygg.orgs.enums import Level, Role
from forebygg.orgs.models import Invitation, Membership, Organisation
from forebygg.plans.domain.warnings import warnings_for
from forebygg.stats.headline import headline_for


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
                "organisation", "kommun"
            ),
        },
    )


@workspace_view()
def workspace(request):
    """The dashboard: the chain of work and what to do next, then the kommun's other pages."""
    ws = request.workspace
    kommun = ws.kommun
    context = {
        "kommun": kommun,
        "is_coordinator": ws.can_edit,
        "notes": ws.visible(Note.objects),
        "headline": headline_for(kommun),
        **(_dashboard(ws) if ws.is_staff else {}),
    }
    if ws.is_staff:
        context["members"] = Membership.objects.filter(
            organisation__home_kommun=kommun, role__in=[Role.COORDINATOR, Role.KOMMUN_MEMBER]
        ).select_related("user")
        context["partner_members"] = Membership.objects.filter(
            kommun=kommun, role=Role.PARTNER_MEMBER
        ).select_related("user", "organisation")
        context["partners"] = _partners(kommun)
    if ws.can_edit:
        context["invitations"] = Invitation.objects.filter(kommun=kommun, accepted_at__isnull=True)
    return render(request, "backoffice/workspace.html", context)


def _dashboard(ws) -> dict:
    """The chain, its § 6 dates and the compliance summary: the kommun's own staff only, for
    they read its drafts. Only the coordinator, who acts on them, gets actions and warnings."""
    chain = chain_of(ws.kommun)
    results = check_compliance(ws.kommun)
    context = {
        "chain": chain,
        "steps": [(step, _step_link(ws, step)) for step in chain.steps],
        "compliance_counts": summary_counts(results),
        "compliance_missing": [r for r in results if r.status == RuleStatus.MISSING],
    }
    if not ws.can_edit:
        return context
    next_action = chain.next
    context |= {
        "next": action_link(ws.code, next_action) if next_action else None,
        "warnings": warnings_for(ws.kommun),
        "problem_form": QuickProblemForm(auto_id="nytt-problem-%s"),
        "then_workspace": THEN_WORKSPACE,
    }
    if next_action and next_action.action == ChainAction.CREATE_PLAN:
        decided = ws.visible(Lagesbild.objects).filter(status=LagesbildStatus.DECIDED)
        context["plan_form"] = PlanForm(decided_lagesbilder=decided, auto_id="ny-plan-%s")
        context["then_new_measure"] = THEN_NEW_MEASURE
    return context


def _step_link(ws, step):
    return page_of(ws.code, step.action) if ws.can_edit and step.action else None


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def note_create(request):
    return _note_form(request, note=None)


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def note_edit(request, pk):
    return _note_form(request, note=request.workspace.get(Note.objects, for_edit=True, pk=pk))


def _note_form(request, *, note):
    kommun = request.workspace.kommun
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


@workspace_view()
def note_detail(request, pk):
    ws = request.workspace
    note = ws.get(Note.objects, pk=pk)
    return render(
        request,
        "backoffice/note_detail.html",
        {
            "kommun": ws.kommun,
            "note": note,
            "history": history_for(note, request.user),
            "can_edit": ws.can_edit,
        },
    )


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def invite(request):
    kommun = request.workspace.kommun
    form = InviteForm(request.POST or None, partners=_partners(kommun))
    if request.method == "POST":
        sent = apply_form(
            request,
            form,
            lambda data: invite_partner(
                kommun=kommun,
                email=data["email"],
                by=request.user,
                organisation=data["organisation"],
                new_organisation=(data["new_name"], data["new_type"]),
            ),
            success=_("En inbjudan har skickats till %(email)s.")
            % {"email": form.data.get("email", "")},
        )
        if sent:
            return redirect("backoffice:workspace", code=kommun.code)
    return render(request, "backoffice/invite.html", {"kommun": kommun, "form": form})
