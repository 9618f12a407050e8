"""What a kommun has published about its crime-prevention work (§ 12 p. 2–3), for everyone."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from forebygg.governance.enums import AgreementKind
from forebygg.governance.models import Agreement, CoordinationFunction
from forebygg.lagesbild.domain import latest_decided
from forebygg.lagesbild.models import Lagesbild
from forebygg.plans.domain.planning import latest_decided_plan
from forebygg.plans.models import Plan


def published_work(kommun) -> dict:
    """Only what anyone may see: the same `visible_to` scoping, as an anonymous visitor."""
    anonymous = AnonymousUser()
    agreements = (
        Agreement.objects.visible_to(anonymous)
        .filter(kommun=kommun)
        .prefetch_related("parties", "promises__follow_ups")
    )
    plan = latest_decided_plan(kommun, Plan.objects.visible_to(anonymous))
    return {
        "kommun": kommun,
        "function": CoordinationFunction.objects.visible_to(anonymous)
        .filter(kommun=kommun)
        .prefetch_related("persons")
        .first(),
        "lagesbild": latest_decided(kommun, Lagesbild.objects.visible_to(anonymous)),
        "plan": plan,
        "measures": plan.measures.select_related("owner") if plan else [],
        "agreements": [a for a in agreements if a.kind == AgreementKind.COOPERATION],
        "promises": [a for a in agreements if a.kind == AgreementKind.CITIZEN_PROMISE],
    }
