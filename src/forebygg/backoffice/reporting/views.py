"""The kommun's yearly report: generate, read, submit, and (for the länsstyrelse) decide.

One page per report serves every reader: the coordinator drafts and submits, the county
officer approves or returns, Brå reads what the county sent on. Every report comes from
`request.workspace` (so `YearlyReport.objects.visible_to` decides who reads it); which buttons
appear, and who may make each move, follows `reporting.domain.transitions`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from forebygg.backoffice.entry import submit, workspace_view
from forebygg.backoffice.reporting.forms import DraftReportForm, MoveForm
from forebygg.core.views import apply_form
from forebygg.orgs.access import not_found
from forebygg.orgs.enums import Level
from forebygg.reporting.domain import transitions
from forebygg.reporting.domain import yearly as yearly_domain
from forebygg.reporting.enums import ReportState
from forebygg.reporting.interfaces import export
from forebygg.reporting.models import YearlyReport

# The moves made on the report page; the county includes a report from its combined report.
MOVES = {
    ReportState.SUBMITTED: lambda report, *, by, comments: yearly_domain.submit_report(
        report, by=by
    ),
    ReportState.RETURNED: yearly_domain.return_report,
    ReportState.APPROVED: lambda report, *, by, comments: yearly_domain.approve_report(
        report, by=by
    ),
}


def _report(request, year) -> YearlyReport:
    return request.workspace.get(
        YearlyReport.objects.select_related("kommun__lan", "county_report"), year=year
    )


@workspace_view()
@require_GET
def yearly_reports(request):
    ws = request.workspace
    return render(
        request,
        "backoffice/reporting/yearly_reports.html",
        {
            "kommun": ws.kommun,
            "reports": ws.visible(YearlyReport.objects),
            "can_edit": ws.can_edit,
            "this_year": timezone.localdate().year,
        },
    )


# Login, then the method (a GET is a 405 for anyone logged in), then the workspace's 404.
@workspace_view(Level.COORDINATOR, methods=["POST"])
def yearly_report_draft(request):
    kommun = request.workspace.kommun
    form = DraftReportForm(request.POST)
    drafted = apply_form(
        request,
        form,
        lambda data: yearly_domain.draft_report(kommun, data["year"], by=request.user),
        success=_("Redovisningen är sammanställd ur kommunens uppgifter."),
    )
    if drafted:
        return redirect(
            "backoffice:yearly_report", code=kommun.code, year=form.cleaned_data["year"]
        )
    return redirect("backoffice:yearly_reports", code=kommun.code)


@workspace_view()
@require_GET
def yearly_report(request, year):
    report = _report(request, year)
    moves = transitions.available(
        transitions.KOMMUN_REPORT, report.status, request.user, kommun=report.kommun
    )
    return render(
        request,
        "backoffice/reporting/yearly_report.html",
        {
            "kommun": report.kommun,
            "report": report,
            "document": export.kommun_report_document(report),
            "moves": [m for m in moves if m.target in MOVES],
            "can_regenerate": request.workspace.can_edit
            and report.status in (ReportState.DRAFT, ReportState.RETURNED),
        },
    )


@workspace_view(methods=["POST"])
def yearly_report_move(request, year, target):
    """The coordinator submits, the county officer approves or returns; the domain decides who."""
    report = _report(request, year)
    if target not in MOVES:
        raise not_found()
    move = MOVES[target]
    try:
        return submit(
            request,
            MoveForm(request.POST),
            lambda data: move(report, by=request.user, comments=data["comments"]),
            success=_("Redovisningen är nu: %s.") % ReportState(target).label,
            then="backoffice:yearly_report",
            year=year,
        )
    except PermissionDenied:
        raise not_found() from None


@workspace_view()
@require_GET
def yearly_report_export(request, year, fmt):
    report = _report(request, year)
    name = f"arsredovisning-{report.kommun.code}-{report.year}"
    return export.download(export.kommun_report_document(report), fmt, name)
