"""The kommun's yearly report: generate, read, submit, and (for the länsstyrelse) decide.

One page per report serves every reader: the coordinator drafts and submits, the county
officer approves or returns, Brå reads what the county sent on. What each may see follows
`YearlyReport.objects.visible_to`; which buttons appear follows `reporting.domain.transitions`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from forebygg.backoffice.entry import coordinator_kommun_or_404, workspace_kommun_or_404
from forebygg.core.views import show_errors
from forebygg.orgs.access import can_edit_kommun, get_for_user
from forebygg.reporting.domain import transitions
from forebygg.reporting.domain import yearly as yearly_domain
from forebygg.reporting.interfaces import export
from forebygg.reporting.models import ReportState, YearlyReport

MOVES = {
    ReportState.SUBMITTED: lambda report, user, post: yearly_domain.submit_report(report, by=user),
    ReportState.RETURNED: lambda report, user, post: yearly_domain.return_report(
        report, by=user, comments=post.get("comments", "")
    ),
    ReportState.APPROVED: lambda report, user, post: yearly_domain.approve_report(report, by=user),
}


def _report(request, code, year) -> YearlyReport:
    kommun = workspace_kommun_or_404(request, code)
    return get_for_user(
        YearlyReport.objects.select_related("kommun__lan", "county_report"),
        request.user,
        kommun=kommun,
        year=year,
    )


@login_required
@require_GET
def yearly_reports(request, code):
    kommun = workspace_kommun_or_404(request, code)
    return render(
        request,
        "backoffice/reporting/yearly_reports.html",
        {
            "kommun": kommun,
            "reports": YearlyReport.objects.visible_to(request.user).filter(kommun=kommun),
            "can_edit": can_edit_kommun(request.user, kommun),
            "this_year": timezone.localdate().year,
        },
    )


@login_required
@require_POST
def yearly_report_draft(request, code):
    kommun = coordinator_kommun_or_404(request, code)
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        messages.error(request, _("Ange redovisningsåret med fyra siffror."))
        return redirect("backoffice:yearly_reports", code=code)
    try:
        yearly_domain.draft_report(kommun, year, by=request.user)
    except ValidationError as error:
        show_errors(request, error)
        return redirect("backoffice:yearly_reports", code=code)
    messages.success(request, _("Redovisningen är sammanställd ur kommunens uppgifter."))
    return redirect("backoffice:yearly_report", code=code, year=year)


@login_required
@require_GET
def yearly_report(request, code, year):
    report = _report(request, code, year)
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
            "can_regenerate": can_edit_kommun(request.user, report.kommun)
            and report.status in (ReportState.DRAFT, ReportState.RETURNED),
        },
    )


@login_required
@require_POST
def yearly_report_move(request, code, year, target):
    report = _report(request, code, year)
    if target not in MOVES:
        raise Http404(_("Sidan finns inte eller så saknar du behörighet."))
    try:
        MOVES[target](report, request.user, request.POST)
    except PermissionDenied:
        raise Http404(_("Sidan finns inte eller så saknar du behörighet.")) from None
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, _("Redovisningen är nu: %s.") % ReportState(target).label)
    return redirect("backoffice:yearly_report", code=code, year=year)


@login_required
@require_GET
def yearly_report_export(request, code, year, fmt):
    report = _report(request, code, year)
    name = f"arsredovisning-{report.kommun.code}-{report.year}"
    return export.download(export.kommun_report_document(report), fmt, name)
