"""Which methods are used where: the measures of each kommun's latest decided plan."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from forebygg.geo.models import Kommun
from forebygg.methods.models import Method
from forebygg.plans.enums import PlanStatus
from forebygg.plans.models import Measure, Plan


def _method_and_kommun_codes(plans: QuerySet[Plan] | None, method: Method | None = None):
    """(method id, kommun code) pairs, in one query.

    "Latest decided plan" means what `plans.domain.planning.latest_decided_plan` means: the
    decided plan with the highest number among `plans`, so a caller that passes only the plans
    a user may see gets the latest one that user may see.
    """
    decided = (plans if plans is not None else Plan.objects.all()).filter(status=PlanStatus.DECIDED)
    latest_number = (
        decided.filter(kommun=OuterRef("plan__kommun")).order_by("-number").values("number")[:1]
    )
    measures = Measure.objects.filter(
        method__isnull=False, plan__in=decided, plan__number=Subquery(latest_number)
    )
    if method is not None:
        measures = measures.filter(method=method)
    return set(measures.values_list("method_id", "plan__kommun__code").distinct())


def methods_in_use(*, plans: QuerySet[Plan] | None = None) -> dict[Method, list[str]]:
    """Per method in use, the codes of the kommuner whose latest decided plan uses it.

    Two queries whatever the number of kommuner. Methods nobody uses are left out. `plans`
    limits which plans count, e.g. `Plan.objects.visible_to(user)`; by default all do.
    """
    pairs = _method_and_kommun_codes(plans)
    methods = Method.objects.in_bulk({method_id for method_id, _code in pairs})
    used: dict[Method, list[str]] = {}
    for method in sorted(methods.values(), key=lambda method: method.name):
        used[method] = sorted(code for method_id, code in pairs if method_id == method.pk)
    return used


def kommuner_using(method: Method, *, plans: QuerySet[Plan] | None = None) -> list[Kommun]:
    codes = {code for _method_id, code in _method_and_kommun_codes(plans, method)}
    return list(Kommun.objects.filter(code__in=codes).order_by("short_name"))
