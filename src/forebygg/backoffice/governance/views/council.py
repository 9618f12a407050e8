"""The strategic council (rad/): its members, working groups, meetings and decisions.

Whoever opens the workspace reads the council as `visible_to` allows; the coordinator
creates it, seats and releases members, forms working groups, holds meetings, keeps the
minutes and follows the decisions through.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from forebygg.backoffice.entry import submit, workspace_view
from forebygg.backoffice.governance.forms import (
    CouncilForm,
    DecisionForm,
    DoneForm,
    MeetingForm,
    MemberForm,
    MinutesForm,
    WorkingGroupForm,
)
from forebygg.governance.domain import council as council_domain
from forebygg.governance.domain.compliance import Facts, r9_council
from forebygg.governance.models import Council, CouncilMember, Decision, Meeting
from forebygg.orgs.enums import Level


@workspace_view()
@require_GET
def council(request):
    ws = request.workspace
    found = ws.visible(Council.objects).first()
    context = {"kommun": ws.kommun, "can_edit": ws.can_edit, "council": found}
    if found:
        context |= _council_page(ws, found)
    elif ws.can_edit:
        context["council_form"] = CouncilForm(
            initial={"name": _("Strategiskt råd för brottsförebyggande arbete")}
        )
    return render(request, "backoffice/governance/council.html", context)


def _council_page(ws, found: Council) -> dict:
    page = {
        "members": ws.visible(found.members.select_related("organisation")),
        "groups": ws.visible(found.working_groups.prefetch_related("organisations")),
        "meetings": ws.visible(
            found.meetings.select_related("working_group").prefetch_related("decisions")
        ),
        "open_decisions": council_domain.open_decisions(found),
        "compliance": None,
    }
    if ws.can_edit:
        page |= {
            "compliance": r9_council(Facts(ws.kommun, timezone.localdate())),
            "member_form": MemberForm(kommun=ws.kommun),
            "group_form": WorkingGroupForm(kommun=ws.kommun),
            "meeting_form": MeetingForm(council=found),
        }
    return page


@workspace_view(Level.COORDINATOR, methods=["POST"])
def council_create(request):
    kommun = request.workspace.kommun
    return submit(
        request,
        CouncilForm(request.POST),
        lambda data: council_domain.create_council(kommun, by=request.user, **data),
        success=_("Rådet är registrerat."),
        then="backoffice:council",
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def member_add(request):
    found = request.workspace.get(Council.objects, for_edit=True)
    return submit(
        request,
        MemberForm(request.POST, kommun=request.workspace.kommun),
        lambda data: council_domain.add_member(found, by=request.user, **data),
        success=_("Ledamoten är tillagd."),
        then="backoffice:council",
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def member_leave(request, pk):
    member = request.workspace.get(
        CouncilMember.objects.select_related("council"),
        for_edit=True,
        pk=pk,
        left_on__isnull=True,
    )
    council_domain.end_membership(member, left_on=timezone.localdate(), by=request.user)
    messages.success(request, _("Ledamoten har lämnat rådet."))
    return redirect("backoffice:council", code=request.workspace.code)


@workspace_view(Level.COORDINATOR, methods=["POST"])
def group_add(request):
    found = request.workspace.get(Council.objects, for_edit=True)
    return submit(
        request,
        WorkingGroupForm(request.POST, kommun=request.workspace.kommun),
        lambda data: council_domain.add_working_group(found, by=request.user, **data),
        success=_("Arbetsgruppen är tillagd."),
        then="backoffice:council",
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def meeting_add(request):
    found = request.workspace.get(Council.objects, for_edit=True)
    return submit(
        request,
        MeetingForm(request.POST, council=found),
        lambda data: council_domain.hold_meeting(found, by=request.user, **data),
        success=_("Mötet är registrerat."),
        then="backoffice:council",
    )


# --- One meeting ----------------------------------------------------------------------------


@workspace_view()
@require_GET
def meeting_detail(request, pk):
    ws = request.workspace
    meeting = ws.get(Meeting.objects.select_related("council", "working_group"), pk=pk)
    attendees = ws.visible(meeting.attendees.select_related("organisation"))
    return render(
        request,
        "backoffice/governance/meeting.html",
        {
            "kommun": ws.kommun,
            "meeting": meeting,
            "can_edit": ws.can_edit,
            "attendees": attendees,
            "decisions": ws.visible(meeting.decisions.select_related("owner")),
            "minutes_form": MinutesForm(
                meeting=meeting,
                initial={"minutes": meeting.minutes, "attendees": list(attendees)},
            ),
            "decision_form": DecisionForm(kommun=ws.kommun),
            "done_form": DoneForm(initial={"done_on": timezone.localdate()}),
        },
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def minutes_save(request, pk):
    meeting = request.workspace.get(Meeting.objects.select_related("council"), for_edit=True, pk=pk)
    return submit(
        request,
        MinutesForm(request.POST, meeting=meeting),
        lambda data: council_domain.record_minutes(meeting, by=request.user, **data),
        success=_("Protokollet är sparat."),
        then="backoffice:meeting",
        pk=pk,
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def decision_add(request, pk):
    meeting = request.workspace.get(Meeting.objects.select_related("council"), for_edit=True, pk=pk)
    return submit(
        request,
        DecisionForm(request.POST, kommun=request.workspace.kommun),
        lambda data: council_domain.add_decision(meeting, by=request.user, **data),
        success=_("Beslutet är tillagt."),
        then="backoffice:meeting",
        pk=pk,
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def decision_done(request, pk, decision_pk):
    decision = request.workspace.get(
        Decision.objects.select_related("meeting__council"),
        for_edit=True,
        meeting_id=pk,
        pk=decision_pk,
    )
    return submit(
        request,
        DoneForm(request.POST),
        lambda data: council_domain.complete_decision(decision, by=request.user, **data),
        success=_("Beslutet är markerat som klart."),
        then="backoffice:meeting",
        pk=pk,
    )
