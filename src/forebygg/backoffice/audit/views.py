"""Ändringslogg: who changed what in a kommun's data, for its coordinator and site admins.

`change_log_context` builds the page for one kommun or (with `kommun=None`) for the whole
site; the admin's site-wide log uses it too.
"""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from forebygg.backoffice.audit.forms import ChangeFilterForm
from forebygg.backoffice.entry import workspace_view
from forebygg.core.domain.audit import audited_types, list_change_authors, list_changes
from forebygg.orgs.access import Level


def change_log_context(request, *, kommun) -> dict:
    """What the log page shows, shared by the workspace page and the admin's site-wide page."""
    form = ChangeFilterForm(
        request.GET,
        types=audited_types(kommun_scoped=kommun is not None),
        authors=list_change_authors(kommun=kommun),
    )
    page = list_changes(kommun=kommun, page=request.GET.get("sida") or 1, **form.filters())
    query = request.GET.copy()
    query.pop("sida", None)
    return {"kommun": kommun, "form": form, "page": page, "query": query.urlencode()}


@workspace_view(Level.COORDINATOR, also_site_admin=True)
@require_GET
def change_log(request):
    context = change_log_context(request, kommun=request.workspace.kommun)
    return render(request, "backoffice/audit/log.html", context)
