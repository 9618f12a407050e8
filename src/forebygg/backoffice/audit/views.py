"""Ändringslogg: who changed what in a kommun's data, for its coordinator and site admins."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from forebygg.backoffice.entry import workspace_view
from forebygg.core.views import change_log_context
from forebygg.orgs.enums import Level


@workspace_view(Level.COORDINATOR, also_site_admin=True)
@require_GET
def change_log(request):
    context = change_log_context(request, kommun=request.workspace.kommun)
    return render(request, "backoffice/audit/log.html", context)
