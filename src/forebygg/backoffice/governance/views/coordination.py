"""The coordination function (samordning/) and its public contact point.

Whoever opens the workspace reads the function as `visible_to` allows; the coordinator
describes it on the same page and publishes it as the kommun's public contact point.
"""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forebygg.backoffice.entry import workspace_view
from forebygg.backoffice.governance.forms import CoordinationForm
from forebygg.core.views import apply_form, attempt
from forebygg.governance.domain import coordination as coordination_domain
from forebygg.governance.models import CoordinationFunction
from forebygg.orgs.access import not_found
from forebygg.orgs.enums import Level


@workspace_view()
@require_http_methods(["GET", "POST"])
def coordination(request):
    ws = request.workspace
    function = ws.visible(CoordinationFunction.objects).first()
    form = CoordinationForm(request.POST or None, initial=_initial(function), kommun=ws.kommun)
    if request.method == "POST":
        if not ws.can_edit:
            raise not_found()
        saved = apply_form(
            request,
            form,
            lambda data: coordination_domain.save_coordination_function(
                ws.kommun, by=request.user, **data
            ),
            success=_("Samordningsfunktionen är sparad."),
        )
        if saved:
            return redirect("backoffice:coordination", code=ws.code)
    return render(
        request,
        "backoffice/governance/coordination.html",
        {"kommun": ws.kommun, "function": function, "form": form, "can_edit": ws.can_edit},
    )


def _initial(function: CoordinationFunction | None) -> dict:
    if function is None:
        return {}
    initial = {name: getattr(function, name) for name in coordination_domain.FUNCTION_FIELDS}
    initial["persons"] = list(function.persons.all())
    return initial


@workspace_view(Level.COORDINATOR, methods=["POST"])
def coordination_publish(request):
    function = request.workspace.get(CoordinationFunction.objects, for_edit=True)
    published = request.POST.get("published") == "1"
    attempt(
        request,
        lambda: coordination_domain.publish_contact_point(
            function, by=request.user, published=published
        ),
        success=_("Kontaktvägen är publicerad.") if published else _("Inte längre publicerad."),
    )
    return redirect("backoffice:coordination", code=request.workspace.code)
