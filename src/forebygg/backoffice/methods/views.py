"""The kommun's experiences: written from a measure by the coordinator, published for all.

Thin views over methods.domain.experiences. Reading follows `visible_to`; writing and
publishing need the kommun's coordinator, and anyone else gets a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forebygg.backoffice.entry import coordinator_kommun_or_404, workspace_kommun_or_404
from forebygg.backoffice.methods.forms import ExperienceForm
from forebygg.core.views import show_errors
from forebygg.methods.domain.experiences import (
    EXPERIENCE_FIELDS,
    experience_draft_from,
    publish_experience,
    write_experience,
)
from forebygg.methods.models import Experience
from forebygg.orgs.access import can_edit_kommun, get_for_user
from forebygg.plans.models import Measure


def _experience(request, kommun, pk, *, for_edit=False) -> Experience:
    return get_for_user(
        Experience.objects.select_related("method", "problem", "measure__plan"),
        request.user,
        for_edit=for_edit,
        kommun=kommun,
        pk=pk,
    )


@login_required
@require_GET
def experiences(request, code):
    kommun = workspace_kommun_or_404(request, code)
    return render(
        request,
        "backoffice/experiences/index.html",
        {
            "kommun": kommun,
            "can_edit": can_edit_kommun(request.user, kommun),
            "experiences": Experience.objects.visible_to(request.user)
            .filter(kommun=kommun)
            .select_related("method"),
        },
    )


def _initial(request, kommun, experience: Experience | None) -> dict:
    if experience is not None:
        return {name: getattr(experience, name) for name in EXPERIENCE_FIELDS}
    measure_pk = request.GET.get("atgard", "")
    measure = (
        Measure.objects.filter(plan__kommun=kommun, pk=measure_pk).first()
        if measure_pk.isdigit()
        else None
    )
    return experience_draft_from(measure) if measure else {}


@login_required
@require_http_methods(["GET", "POST"])
def experience_edit(request, code, pk=None):
    kommun = coordinator_kommun_or_404(request, code)
    experience = _experience(request, kommun, pk, for_edit=True) if pk else None
    form = ExperienceForm(
        request.POST or None,
        initial=_initial(request, kommun, experience),
        kommun=kommun,
        with_publish=experience is None,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        publish = data.pop("publish", False)
        try:
            with transaction.atomic():
                saved = write_experience(experience, kommun=kommun, by=request.user, **data)
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
            return redirect("backoffice:experience", code=code, pk=saved.pk)
    return render(
        request,
        "backoffice/experiences/form.html",
        {"kommun": kommun, "form": form, "experience": experience},
    )


@login_required
@require_GET
def experience_detail(request, code, pk):
    kommun = workspace_kommun_or_404(request, code)
    experience = _experience(request, kommun, pk)
    return render(
        request,
        "backoffice/experiences/detail.html",
        {
            "kommun": kommun,
            "experience": experience,
            "can_edit": can_edit_kommun(request.user, kommun),
            "history": experience.history.select_related("history_user")[:20],
        },
    )


@login_required
@require_POST
def experience_publish(request, code, pk):
    kommun = coordinator_kommun_or_404(request, code)
    experience = _experience(request, kommun, pk, for_edit=True)
    published = request.POST.get("published") == "1"
    try:
        publish_experience(experience, by=request.user, published=published)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(
            request,
            _("Erfarenheten är publicerad.") if published else _("Inte längre publicerad."),
        )
    return redirect("backoffice:experience", code=code, pk=pk)
