"""The årshjul (arshjul/): what comes back the same month every year, for one year at a time.

Whoever opens the workspace reads it; the coordinator adds recurring items.
"""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from forebygg.backoffice.entry import submit, workspace_view
from forebygg.backoffice.governance.forms import CycleEventForm
from forebygg.governance.domain.annual_cycle import add_cycle_event, annual_cycle
from forebygg.orgs.enums import Level

FIRST_YEAR, LAST_YEAR = 2000, 2100


@workspace_view()
@require_GET
def cycle(request):
    ws = request.workspace
    year = _year_asked(request)
    return render(
        request,
        "backoffice/governance/cycle.html",
        {
            "kommun": ws.kommun,
            "year": year,
            "months": annual_cycle(ws.kommun, year, user=request.user),
            "can_edit": ws.can_edit,
            "form": CycleEventForm() if ws.can_edit else None,
        },
    )


def _year_asked(request) -> int:
    """The year in `?ar=`, kept within the years the wheel can show; this year otherwise."""
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("ar", this_year))
    except ValueError:
        year = this_year
    return min(max(year, FIRST_YEAR), LAST_YEAR)


@workspace_view(Level.COORDINATOR, methods=["POST"])
def cycle_add(request):
    kommun = request.workspace.kommun
    return submit(
        request,
        CycleEventForm(request.POST),
        lambda data: add_cycle_event(kommun, by=request.user, **data),
        success=_("Punkten är tillagd i årshjulet."),
        then="backoffice:cycle",
    )
