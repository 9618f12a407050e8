"""The kommun's experiences: written from a measure by the coordinator, published for all.

Thin views over `methods.domain.experiences`. Every experience, measure and problem comes
from `request.workspace`: reading follows `visible_to`, writing and publishing need the
kommun's coordinator, and anyone else gets the one 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from forebygg.backoffice.entry import submit, workspace_view
from forebygg.backoffice.methods.forms import ExperienceForm, PublishForm
from forebygg.core.bounds import parse_id
from forebygg.methods.domain.experiences import (
    EXPERIENCE_FIELDS,
    experience_draft_from,
    publish_experience,
    write_experience,
)
from forebygg.methods.models import Experience
from forebygg.orgs.domain.history import history_for
from forebygg.orgs.enums import Level
from forebygg.plans.models import Measure, Problem


def _experience(request, pk, *, for_edit=False) -> Experience:
    return request.workspace.get(
        Experience.objects.select_related("method", "problem", "measure__plan"),
        for_edit=for_edit,
        pk=pk,
    )


@workspace_view()
@require_GET
def experiences(request):
    ws = request.workspace
    return render(
        request,
        "backoffice/experiences/index.html",
        {
            "kommun": ws.kommun,
            "can_edit": ws.can_edit,
            "experiences": ws.visible(Experience.objects).select_related("method"),
        },
    )


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def experience_create(request):
    return _experience_form(request, experience=None)


@workspace_view(Level.COORDINATOR)
@require_http_methods(["GET", "POST"])
def experience_edit(request, pk):
    return _experience_form(request, experience=_experience(request, pk, for_edit=True))


def _initial(request, experience: Experience | None) -> dict:
    """The saved values, or a new experience's values taken from the measure in `?atgard=`."""
    if experience is not None:
        return {name: getattr(experience, name) for name in EXPERIENCE_FIELDS}
    measure_pk = parse_id(request.GET.get("atgard"))
    measure = (
        request.workspace.visible(Measure.objects).filter(pk=measure_pk).first()
        if measure_pk is not None
        else None
    )
    return experience_draft_from(measure) if measure else {}


def _experience_form(request, *, experience: Experience | None):
    """Save and, for a new one, publish at once; a refusal is shown on the form it concerns."""
    ws = request.workspace
    form = ExperienceForm(
        request.POST or None,
        initial=_initial(request, experience),
        measures=ws.visible(Measure.objects),
        problems=ws.visible(Problem.objects),
        with_publish=experience is None,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        publish = data.pop("publish", False)
        try:
            with transaction.atomic():
                saved = write_experience(experience, kommun=ws.kommun, by=request.user, **data)
                if publish:
                    publish_experience(saved, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Erfarenheten är publicerad.") if publish else _("Erfarenheten är sparad."),
            )
            return redirect("backoffice:experience", code=ws.code, pk=saved.pk)
    return render(
        request,
        "backoffice/experiences/form.html",
        {"kommun": ws.kommun, "form": form, "experience": experience},
    )


@workspace_view()
@require_GET
def experience_detail(request, pk):
    ws = request.workspace
    experience = _experience(request, pk)
    return render(
        request,
        "backoffice/experiences/detail.html",
        {
            "kommun": ws.kommun,
            "experience": experience,
            "can_edit": ws.can_edit,
            "history": history_for(experience, request.user),
        },
    )


# Login, then the method (a GET is a 405 for anyone logged in), then the workspace's 404.
@workspace_view(Level.COORDINATOR, methods=["POST"])
def experience_publish(request, pk):
    experience = _experience(request, pk, for_edit=True)
    publishing = request.POST.get("published") == "1"
    return submit(
        request,
        PublishForm(request.POST),
        lambda data: publish_experience(experience, by=request.user, published=data["published"]),
        success=_("Erfarenheten är publicerad.") if publishing else _("Inte längre publicerad."),
        then="backoffice:experience",
        pk=pk,
    )
