"""Leadership (ledning/): the leading body, its reports to kommunfullmäktige, linked plans.

Whoever opens the workspace reads them as `visible_to` allows; the coordinator records the
leading body, logs its reports (with their documents) and links the other statutory plans.
"""

from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from forebygg.backoffice.entry import submit, workspace_view
from forebygg.backoffice.governance.forms import (
    CouncilReportForm,
    LeadershipForm,
    LinkedPlanForm,
)
from forebygg.backoffice.governance.views.agreements import stored_upload
from forebygg.governance.domain import coordination as coordination_domain
from forebygg.governance.models import CouncilReport, Leadership, LinkedPlan
from forebygg.orgs.enums import Level


@workspace_view()
@require_GET
def leadership(request):
    ws = request.workspace
    current = ws.visible(Leadership.objects).first()
    return render(
        request,
        "backoffice/governance/leadership.html",
        {
            "kommun": ws.kommun,
            "can_edit": ws.can_edit,
            "leadership": current,
            "reports": ws.visible(CouncilReport.objects).select_related("document"),
            "linked_plans": ws.visible(LinkedPlan.objects),
            "leadership_form": LeadershipForm(initial=_initial(current)),
            "report_form": CouncilReportForm(),
            "linked_form": LinkedPlanForm(),
        },
    )


def _initial(current: Leadership | None) -> dict:
    if current is None:
        return {}
    return {
        "body_kind": current.body_kind,
        "body_name": current.body_name,
        "appointed_reference": current.appointed_reference,
    }


@workspace_view(Level.COORDINATOR, methods=["POST"])
def leadership_save(request):
    kommun = request.workspace.kommun
    return submit(
        request,
        LeadershipForm(request.POST),
        lambda data: coordination_domain.record_leadership(kommun, by=request.user, **data),
        success=_("Ledningen är sparad."),
        then="backoffice:leadership",
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def report_add(request):
    kommun = request.workspace.kommun
    return submit(
        request,
        CouncilReportForm(request.POST, request.FILES),
        lambda data: _log_report(kommun, data, by=request.user),
        success=_("Rapporten är införd i loggen."),
        then="backoffice:leadership",
    )


@transaction.atomic
def _log_report(kommun, data, *, by) -> None:
    """The report and its document together: a refused report leaves no file behind."""
    data = dict(data)
    document = stored_upload(kommun, data.pop("document"), by=by)
    coordination_domain.log_report_to_council(kommun, by=by, document=document, **data)


@workspace_view(Level.COORDINATOR, methods=["POST"])
def linked_plan_add(request):
    kommun = request.workspace.kommun
    return submit(
        request,
        LinkedPlanForm(request.POST),
        lambda data: coordination_domain.link_plan(kommun, by=request.user, **data),
        success=_("Planen är kopplad."),
        then="backoffice:leadership",
    )
