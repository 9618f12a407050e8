"""Actors, agreements, the strategic council, coordination, leadership and the compliance panel.

Thin views over governance.domain. Reading follows `visible_to`; every change needs the
kommun's coordinator, and anyone else gets a 404 (never a hint that the page exists).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forebygg.backoffice.entry import coordinator_kommun_or_404, workspace_kommun_or_404
from forebygg.backoffice.governance import forms
from forebygg.core.views import attachment, form_errors, show_errors
from forebygg.governance.domain import actors as actor_domain
from forebygg.governance.domain import agreements as agreement_domain
from forebygg.governance.domain import coordination as coordination_domain
from forebygg.governance.domain import council as council_domain
from forebygg.governance.domain.annual_cycle import add_cycle_event, annual_cycle
from forebygg.governance.domain.compliance import (
    Facts,
    check_compliance,
    r9_council,
    summary_counts,
)
from forebygg.governance.domain.documents import read_upload, store_document
from forebygg.governance.models import (
    Agreement,
    CoordinationFunction,
    Council,
    CouncilMember,
    CouncilReport,
    Decision,
    Document,
    Leadership,
    LinkedPlan,
    Meeting,
    Promise,
    PromiseOutcome,
)
from forebygg.orgs.access import can_edit_kommun, get_for_user, is_kommun_staff
from forebygg.orgs.models import Partnership

NOT_FOUND = gettext_lazy("Sidan finns inte eller så saknar du behörighet.")


def _staff_kommun(request, code):
    kommun = workspace_kommun_or_404(request, code)
    if not is_kommun_staff(request.user, kommun):
        raise Http404(NOT_FOUND)
    return kommun


def _apply(request, form, action, success: str) -> bool:
    """Validate the form, run one domain call, and report the outcome as messages."""
    if not form.is_valid():
        form_errors(request, form)
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as error:
        show_errors(request, error)
        return False
    messages.success(request, success)
    return True


def _kommun_action(form_factory, action, success: str, page: str):
    """A coordinator's POST: parse one form, make one domain call, go back to the page."""

    @login_required
    @require_POST
    def view(request, code):
        kommun = coordinator_kommun_or_404(request, code)
        form = form_factory(request, kommun)
        _apply(request, form, lambda data: action(kommun, data, request.user), success)
        return redirect(f"backoffice:{page}", code=code)

    return view


def _stored_upload(kommun, upload, user):
    if not upload:
        return None
    name, data = read_upload(upload)
    return store_document(kommun, name=name, data=data, by=user)


# --- Actors ---------------------------------------------------------------------------------


@login_required
@require_GET
def actors(request, code):
    kommun = _staff_kommun(request, code)
    can_edit = can_edit_kommun(request.user, kommun)
    return render(
        request,
        "backoffice/governance/actors.html",
        {
            "kommun": kommun,
            "can_edit": can_edit,
            "registry": actor_domain.actor_registry(kommun, user=request.user),
            "actor_form": forms.ActorForm(kommun=kommun) if can_edit else None,
            "contact_form": forms.ContactPersonForm(kommun=kommun) if can_edit else None,
        },
    )


actor_register = _kommun_action(
    lambda request, kommun: forms.ActorForm(request.POST, kommun=kommun),
    lambda kommun, data, by: actor_domain.register_actor(
        kommun,
        by=by,
        name=data["name"],
        type=data["type"],
        organisation=data["existing"],
        contribution=data["contribution"],
    ),
    _("Aktören är registrerad."),
    "actors",
)


@login_required
@require_POST
def actor_contribution(request, code, organisation_id):
    kommun = coordinator_kommun_or_404(request, code)
    try:
        partnership = Partnership.objects.get(kommun=kommun, organisation_id=organisation_id)
    except Partnership.DoesNotExist:
        raise Http404(NOT_FOUND) from None
    _apply(
        request,
        forms.ContributionForm(request.POST),
        lambda data: actor_domain.describe_contribution(
            partnership, contribution=data["contribution"], by=request.user
        ),
        _("Sparat."),
    )
    return redirect("backoffice:actors", code=code)


contact_add = _kommun_action(
    lambda request, kommun: forms.ContactPersonForm(request.POST, kommun=kommun),
    lambda kommun, data, by: actor_domain.add_contact_person(kommun, by=by, **data),
    _("Kontaktpersonen är tillagd."),
    "actors",
)


# --- Agreements and citizen promises -------------------------------------------------------


def _agreement(request, kommun, pk, *, for_edit=False) -> Agreement:
    return get_for_user(
        Agreement.objects.prefetch_related("parties"),
        request.user,
        for_edit=for_edit,
        kommun=kommun,
        pk=pk,
    )


@login_required
@require_GET
def agreements(request, code):
    kommun = workspace_kommun_or_404(request, code)
    can_edit = can_edit_kommun(request.user, kommun)
    visible = (
        Agreement.objects.visible_to(request.user)
        .filter(kommun=kommun)
        .prefetch_related("parties", "promises__follow_ups")
    )
    return render(
        request,
        "backoffice/governance/agreements.html",
        {
            "kommun": kommun,
            "can_edit": can_edit,
            "agreements": visible,
            "warnings": agreement_domain.agreement_warnings(visible) if can_edit else [],
            "form": forms.AgreementForm(kommun=kommun, user=request.user) if can_edit else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request, code, pk=None):
    kommun = coordinator_kommun_or_404(request, code)
    agreement = _agreement(request, kommun, pk, for_edit=True) if pk else None
    initial = {}
    if agreement:
        initial = {name: getattr(agreement, name) for name in agreement_domain.AGREEMENT_FIELDS}
        initial["parties"] = list(agreement.parties.all())
        initial["measures"] = list(agreement.measures.all())
    form = forms.AgreementForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        kommun=kommun,
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("document")
        try:
            with transaction.atomic():
                saved = agreement_domain.save_agreement(
                    agreement,
                    kommun=kommun,
                    by=request.user,
                    document=_stored_upload(kommun, upload, request.user),
                    **data,
                )
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(request, _("Överenskommelsen är sparad."))
            return redirect("backoffice:agreement", code=code, pk=saved.pk)
    return render(
        request,
        "backoffice/governance/agreement_form.html",
        {"kommun": kommun, "form": form, "agreement": agreement},
    )


@login_required
@require_GET
def agreement_detail(request, code, pk):
    kommun = workspace_kommun_or_404(request, code)
    agreement = _agreement(request, kommun, pk)
    can_edit = can_edit_kommun(request.user, kommun)
    return render(
        request,
        "backoffice/governance/agreement.html",
        {
            "kommun": kommun,
            "agreement": agreement,
            "can_edit": can_edit,
            "promises": agreement.promises.prefetch_related("follow_ups"),
            "measures": agreement.measures.select_related("plan"),
            "warnings": agreement_domain.agreement_warnings([agreement]) if can_edit else [],
            "missing": agreement_domain.missing_legal_content(agreement),
            "promise_form": forms.PromiseForm(),
            "outcome_choices": PromiseOutcome.choices,
            "history": agreement.history.select_related("history_user")[:20],
        },
    )


@login_required
@require_POST
def agreement_publish(request, code, pk):
    kommun = coordinator_kommun_or_404(request, code)
    agreement = _agreement(request, kommun, pk, for_edit=True)
    published = request.POST.get("published") == "1"
    try:
        agreement_domain.publish_agreement(agreement, by=request.user, published=published)
        messages.success(request, _("Publicerad.") if published else _("Inte längre publicerad."))
    except ValidationError as error:
        show_errors(request, error)
    return redirect("backoffice:agreement", code=code, pk=pk)


@login_required
@require_POST
def promise_add(request, code, pk):
    kommun = coordinator_kommun_or_404(request, code)
    agreement = _agreement(request, kommun, pk, for_edit=True)
    _apply(
        request,
        forms.PromiseForm(request.POST),
        lambda data: agreement_domain.add_promise(agreement, by=request.user, **data),
        _("Löftet är tillagt."),
    )
    return redirect("backoffice:agreement", code=code, pk=pk)


@login_required
@require_POST
def promise_follow_up(request, code, pk, promise_pk):
    kommun = coordinator_kommun_or_404(request, code)
    agreement = _agreement(request, kommun, pk, for_edit=True)
    try:
        promise = agreement.promises.get(pk=promise_pk)
    except Promise.DoesNotExist:
        raise Http404(NOT_FOUND) from None
    _apply(
        request,
        forms.PromiseFollowUpForm(request.POST),
        lambda data: agreement_domain.follow_up_promise(promise, by=request.user, **data),
        _("Uppföljningen är sparad."),
    )
    return redirect("backoffice:agreement", code=code, pk=pk)


@login_required
@require_GET
def document_download(request, code, pk):
    """A document is readable by whoever may read the agreement or report it belongs to."""
    kommun = workspace_kommun_or_404(request, code)
    readable = Agreement.objects.visible_to(request.user).filter(document_id=pk).exists()
    readable = (
        readable or CouncilReport.objects.visible_to(request.user).filter(document_id=pk).exists()
    )
    try:
        document = Document.objects.get(pk=pk, kommun=kommun)
    except Document.DoesNotExist:
        raise Http404(NOT_FOUND) from None
    if not readable:
        raise Http404(NOT_FOUND)
    return attachment(bytes(document.data), document.content_type, document.name)


# --- The strategic council -----------------------------------------------------------------


def _council(request, kommun, *, for_edit=False) -> Council:
    return get_for_user(Council.objects, request.user, for_edit=for_edit, kommun=kommun)


@login_required
@require_GET
def council(request, code):
    kommun = workspace_kommun_or_404(request, code)
    can_edit = can_edit_kommun(request.user, kommun)
    found = Council.objects.visible_to(request.user).filter(kommun=kommun).first()
    context = {"kommun": kommun, "can_edit": can_edit, "council": found}
    today = timezone.localdate()
    if found:
        context |= {
            "members": found.members.select_related("organisation"),
            "groups": found.working_groups.prefetch_related("organisations"),
            "meetings": found.meetings.select_related("working_group").prefetch_related(
                "decisions"
            ),
            "open_decisions": council_domain.open_decisions(found),
            "compliance": r9_council(Facts(kommun, today)) if can_edit else None,
        }
        if can_edit:
            context |= {
                "member_form": forms.MemberForm(kommun=kommun),
                "group_form": forms.WorkingGroupForm(kommun=kommun),
                "meeting_form": forms.MeetingForm(council=found),
            }
    elif can_edit:
        context["council_form"] = forms.CouncilForm(
            initial={"name": _("Strategiskt råd för brottsförebyggande arbete")}
        )
    return render(request, "backoffice/governance/council.html", context)


council_create = _kommun_action(
    lambda request, kommun: forms.CouncilForm(request.POST),
    lambda kommun, data, by: council_domain.create_council(kommun, by=by, **data),
    _("Rådet är registrerat."),
    "council",
)


def _council_action(form_factory, action, success: str):
    """A coordinator's POST that adds something to the council."""

    @login_required
    @require_POST
    def view(request, code):
        kommun = coordinator_kommun_or_404(request, code)
        found = _council(request, kommun, for_edit=True)
        form = form_factory(request.POST, kommun=kommun, council=found)
        _apply(request, form, lambda data: action(found, data, request.user), success)
        return redirect("backoffice:council", code=code)

    return view


member_add = _council_action(
    lambda post, kommun, council: forms.MemberForm(post, kommun=kommun),
    lambda council, data, by: council_domain.add_member(council, by=by, **data),
    _("Ledamoten är tillagd."),
)
group_add = _council_action(
    lambda post, kommun, council: forms.WorkingGroupForm(post, kommun=kommun),
    lambda council, data, by: council_domain.add_working_group(council, by=by, **data),
    _("Arbetsgruppen är tillagd."),
)
meeting_add = _council_action(
    lambda post, kommun, council: forms.MeetingForm(post, council=council),
    lambda council, data, by: council_domain.hold_meeting(council, by=by, **data),
    _("Mötet är registrerat."),
)


@login_required
@require_POST
def member_leave(request, code, pk):
    kommun = coordinator_kommun_or_404(request, code)
    found = _council(request, kommun, for_edit=True)
    try:
        member = found.members.get(pk=pk, left_on__isnull=True)
    except CouncilMember.DoesNotExist:
        raise Http404(NOT_FOUND) from None
    council_domain.end_membership(member, left_on=timezone.localdate(), by=request.user)
    messages.success(request, _("Ledamoten har lämnat rådet."))
    return redirect("backoffice:council", code=code)


def _meeting(request, kommun, pk, *, for_edit=False) -> Meeting:
    found = _council(request, kommun, for_edit=for_edit)
    try:
        return found.meetings.select_related("council", "working_group").get(pk=pk)
    except Meeting.DoesNotExist:
        raise Http404(NOT_FOUND) from None


@login_required
@require_GET
def meeting_detail(request, code, pk):
    kommun = workspace_kommun_or_404(request, code)
    meeting = _meeting(request, kommun, pk)
    can_edit = can_edit_kommun(request.user, kommun)
    return render(
        request,
        "backoffice/governance/meeting.html",
        {
            "kommun": kommun,
            "meeting": meeting,
            "can_edit": can_edit,
            "attendees": meeting.attendees.select_related("organisation"),
            "decisions": meeting.decisions.select_related("owner"),
            "minutes_form": forms.MinutesForm(
                meeting=meeting,
                initial={"minutes": meeting.minutes, "attendees": list(meeting.attendees.all())},
            ),
            "decision_form": forms.DecisionForm(kommun=kommun),
            "done_form": forms.DoneForm(initial={"done_on": timezone.localdate()}),
        },
    )


def _meeting_action(form_factory, action, success: str):
    @login_required
    @require_POST
    def view(request, code, pk, **extra):
        kommun = coordinator_kommun_or_404(request, code)
        meeting = _meeting(request, kommun, pk, for_edit=True)
        form = form_factory(request.POST, kommun=kommun, meeting=meeting)
        _apply(request, form, lambda data: action(meeting, data, request.user, **extra), success)
        return redirect("backoffice:meeting", code=code, pk=pk)

    return view


def _complete(meeting, data, by, decision_pk):
    try:
        decision = meeting.decisions.get(pk=decision_pk)
    except Decision.DoesNotExist:
        raise Http404(NOT_FOUND) from None
    council_domain.complete_decision(decision, by=by, **data)


minutes_save = _meeting_action(
    lambda post, kommun, meeting: forms.MinutesForm(post, meeting=meeting),
    lambda meeting, data, by: council_domain.record_minutes(meeting, by=by, **data),
    _("Protokollet är sparat."),
)
decision_add = _meeting_action(
    lambda post, kommun, meeting: forms.DecisionForm(post, kommun=kommun),
    lambda meeting, data, by: council_domain.add_decision(meeting, by=by, **data),
    _("Beslutet är tillagt."),
)
decision_done = _meeting_action(
    lambda post, kommun, meeting: forms.DoneForm(post),
    _complete,
    _("Beslutet är markerat som klart."),
)


# --- Årshjul ---------------------------------------------------------------------------------


@login_required
@require_GET
def cycle(request, code):
    kommun = workspace_kommun_or_404(request, code)
    try:
        year = int(request.GET.get("ar", timezone.localdate().year))
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    can_edit = can_edit_kommun(request.user, kommun)
    return render(
        request,
        "backoffice/governance/cycle.html",
        {
            "kommun": kommun,
            "year": year,
            "months": annual_cycle(kommun, year, user=request.user),
            "can_edit": can_edit,
            "form": forms.CycleEventForm() if can_edit else None,
        },
    )


cycle_add = _kommun_action(
    lambda request, kommun: forms.CycleEventForm(request.POST),
    lambda kommun, data, by: add_cycle_event(kommun, by=by, **data),
    _("Punkten är tillagd i årshjulet."),
    "cycle",
)


# --- Coordination function, leadership, reports, linked plans --------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def coordination(request, code):
    kommun = workspace_kommun_or_404(request, code)
    can_edit = can_edit_kommun(request.user, kommun)
    function = CoordinationFunction.objects.visible_to(request.user).filter(kommun=kommun).first()
    initial = {}
    if function:
        initial = {name: getattr(function, name) for name in coordination_domain.FUNCTION_FIELDS}
        initial["persons"] = list(function.persons.all())
    form = forms.CoordinationForm(request.POST or None, initial=initial, kommun=kommun)
    if request.method == "POST":
        if not can_edit:
            raise Http404(NOT_FOUND)
        saved = _apply(
            request,
            form,
            lambda data: coordination_domain.save_coordination_function(
                kommun, by=request.user, **data
            ),
            _("Samordningsfunktionen är sparad."),
        )
        if saved:
            return redirect("backoffice:coordination", code=code)
    return render(
        request,
        "backoffice/governance/coordination.html",
        {"kommun": kommun, "function": function, "form": form, "can_edit": can_edit},
    )


@login_required
@require_POST
def coordination_publish(request, code):
    kommun = coordinator_kommun_or_404(request, code)
    function = coordination_domain.coordination_function_of(kommun)
    if function is None:
        raise Http404(NOT_FOUND)
    published = request.POST.get("published") == "1"
    try:
        coordination_domain.publish_contact_point(function, by=request.user, published=published)
        messages.success(
            request, _("Kontaktvägen är publicerad.") if published else _("Inte längre publicerad.")
        )
    except ValidationError as error:
        show_errors(request, error)
    return redirect("backoffice:coordination", code=code)


@login_required
@require_GET
def leadership(request, code):
    kommun = workspace_kommun_or_404(request, code)
    can_edit = can_edit_kommun(request.user, kommun)
    current = Leadership.objects.visible_to(request.user).filter(kommun=kommun).first()
    initial = {}
    if current:
        initial = {
            "body_kind": current.body_kind,
            "body_name": current.body_name,
            "appointed_reference": current.appointed_reference,
        }
    return render(
        request,
        "backoffice/governance/leadership.html",
        {
            "kommun": kommun,
            "can_edit": can_edit,
            "leadership": current,
            "reports": CouncilReport.objects.visible_to(request.user)
            .filter(kommun=kommun)
            .select_related("document"),
            "linked_plans": LinkedPlan.objects.visible_to(request.user).filter(kommun=kommun),
            "leadership_form": forms.LeadershipForm(initial=initial),
            "report_form": forms.CouncilReportForm(),
            "linked_form": forms.LinkedPlanForm(),
        },
    )


leadership_save = _kommun_action(
    lambda request, kommun: forms.LeadershipForm(request.POST),
    lambda kommun, data, by: coordination_domain.record_leadership(kommun, by=by, **data),
    _("Ledningen är sparad."),
    "leadership",
)


@transaction.atomic
def _log_report(kommun, data, by):
    data = dict(data)
    document = _stored_upload(kommun, data.pop("document"), by)
    coordination_domain.log_report_to_council(kommun, by=by, document=document, **data)


report_add = _kommun_action(
    lambda request, kommun: forms.CouncilReportForm(request.POST, request.FILES),
    _log_report,
    _("Rapporten är införd i loggen."),
    "leadership",
)


linked_plan_add = _kommun_action(
    lambda request, kommun: forms.LinkedPlanForm(request.POST),
    lambda kommun, data, by: coordination_domain.link_plan(kommun, by=by, **data),
    _("Planen är kopplad."),
    "leadership",
)


# --- Compliance panel -----------------------------------------------------------------------


@login_required
@require_GET
def compliance(request, code):
    kommun = _staff_kommun(request, code)
    results = check_compliance(kommun)
    return render(
        request,
        "backoffice/governance/compliance.html",
        {"kommun": kommun, "results": results, "counts": summary_counts(results)},
    )
