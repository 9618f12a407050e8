"""The method library and the experience bank, for everyone: only what is published."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from forebygg.geo.domain.queries import CURRENT_GROUP_VERSION
from forebygg.geo.models import KommunGroup, KommunGroupMembership, Lan
from forebygg.methods.domain.evidence import (
    evidence_by_registry,
    filter_methods,
    get_method_or_404,
)
from forebygg.methods.domain.experiences import (
    contact_point,
    find_experiences,
    published_experience,
)
from forebygg.methods.domain.usage import kommuner_using, methods_in_use
from forebygg.methods.enums import Verdict
from forebygg.methods.models import Method
from forebygg.plans.enums import MeasureType
from forebygg.plans.models import Plan


def _published_plans():
    """Plans anyone may see; a kommun counts as using a method only in such a plan."""
    return Plan.objects.visible_to(AnonymousUser())


@require_GET
def methods(request):
    filters = {"kind": request.GET.get("typ", ""), "verdict": request.GET.get("bedomning", "")}
    used = {method.pk: codes for method, codes in methods_in_use(plans=_published_plans()).items()}
    found = filter_methods(**filters)
    return render(
        request,
        "public/methods.html",
        {
            "rows": [(method, len(used.get(method.pk, []))) for method in found],
            "filters": filters,
            "kind_choices": MeasureType.choices,
            "verdict_choices": Verdict.choices,
        },
    )


@require_GET
def method_detail(request, slug):
    method = get_method_or_404(slug)
    return render(
        request,
        "public/method.html",
        {
            "method": method,
            "evidence": evidence_by_registry(method),
            "kommuner": kommuner_using(method, plans=_published_plans()),
            "experiences": find_experiences(method=method),
        },
    )


@require_GET
def experiences(request):
    filters = {
        "problem": request.GET.get("problem", "").strip(),
        "method": request.GET.get("metod", ""),
        "kommungrupp": request.GET.get("kommungrupp", ""),
        "lan": request.GET.get("lan", ""),
    }
    return render(
        request,
        "public/experiences.html",
        {
            "experiences": find_experiences(**filters),
            "filters": filters,
            "methods": Method.objects.only("slug", "name"),
            "groups": KommunGroup.objects.filter(version=CURRENT_GROUP_VERSION),
            "lan_list": Lan.objects.only("code", "name"),
        },
    )


@require_GET
def experience_detail(request, pk):
    experience = published_experience(pk)
    if experience is None:
        raise Http404(_("Erfarenheten finns inte eller är inte publicerad."))
    group = (
        KommunGroupMembership.objects.filter(
            kommun=experience.kommun, version=CURRENT_GROUP_VERSION
        )
        .select_related("group")
        .first()
    )
    measure = experience.measure
    if measure is not None and not _published_plans().filter(pk=measure.plan_id).exists():
        measure = None
    return render(
        request,
        "public/experience.html",
        {
            "experience": experience,
            "kommun": experience.kommun,
            "group": group.group if group else None,
            "measure": measure,
            "contact": contact_point(experience.kommun),
        },
    )
