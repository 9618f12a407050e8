"""The actor registry (aktorer/): the kommun's partner organisations and their work contacts.

The kommun's own staff read the registry; its coordinator registers actors, describes what
each contributes and adds contact persons.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from forebygg.backoffice.entry import submit, workspace_view
from forebygg.backoffice.governance.forms import ActorForm, ContactPersonForm, ContributionForm
from forebygg.governance.domain.actors import (
    actor_registry,
    add_contact_person,
    describe_contribution,
    register_actor,
)
from forebygg.orgs.enums import Level
from forebygg.orgs.models import Partnership


@workspace_view(Level.STAFF)
@require_GET
def actors(request):
    ws = request.workspace
    return render(
        request,
        "backoffice/governance/actors.html",
        {
            "kommun": ws.kommun,
            "can_edit": ws.can_edit,
            "registry": actor_registry(ws.kommun, user=request.user),
            "actor_form": ActorForm(kommun=ws.kommun) if ws.can_edit else None,
            "contact_form": ContactPersonForm(kommun=ws.kommun) if ws.can_edit else None,
        },
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def actor_register(request):
    kommun = request.workspace.kommun
    return submit(
        request,
        ActorForm(request.POST, kommun=kommun),
        lambda data: register_actor(
            kommun,
            by=request.user,
            name=data["name"],
            type=data["type"],
            organisation=data["existing"],
            contribution=data["contribution"],
        ),
        success=_("Aktören är registrerad."),
        then="backoffice:actors",
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def actor_contribution(request, organisation_id):
    partnership = request.workspace.get(
        Partnership.objects, for_edit=True, organisation_id=organisation_id
    )
    return submit(
        request,
        ContributionForm(request.POST),
        lambda data: describe_contribution(
            partnership, contribution=data["contribution"], by=request.user
        ),
        success=_("Sparat."),
        then="backoffice:actors",
    )


@workspace_view(Level.COORDINATOR, methods=["POST"])
def contact_add(request):
    kommun = request.workspace.kommun
    return submit(
        request,
        ContactPersonForm(request.POST, kommun=kommun),
        lambda data: add_contact_person(kommun, by=request.user, **data),
        success=_("Kontaktpersonen är tillagd."),
        then="backoffice:actors",
    )
