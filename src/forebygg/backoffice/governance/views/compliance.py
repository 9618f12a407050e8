"""The law panel (lagkrav/): how the kommun stands against each rule of lag 2023:196.

Only the kommun's own staff read it; the rules themselves live in governance.domain.compliance.
"""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from forebygg.backoffice.entry import workspace_view
from forebygg.governance.domain.compliance import check_compliance, summary_counts
from forebygg.orgs.enums import Level


@workspace_view(Level.STAFF)
@require_GET
def compliance(request):
    kommun = request.workspace.kommun
    results = check_compliance(kommun)
    return render(
        request,
        "backoffice/governance/compliance.html",
        {"kommun": kommun, "results": results, "counts": summary_counts(results)},
    )
