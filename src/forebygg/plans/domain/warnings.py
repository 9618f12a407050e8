"""The warnings panel: every gap in the chain problem → cause → measure → target → follow-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.lagesbild.domain import MAX_AGE, age_warning
from forebygg.plans.domain.followup import follow_up_due, last_follow_up_on
from forebygg.plans.domain.planning import draft_of, latest_decided_plan
from forebygg.plans.enums import Priority
from forebygg.plans.models import Measure, Plan, Problem


@dataclass(frozen=True)
class Warning:
    kind: str
    message: str
    subject: str = ""  # e.g. the measure key or the problem title


def warnings_for(kommun, *, today: date | None = None) -> list[Warning]:
    today = today or timezone.localdate()
    plan = draft_of(kommun) or latest_decided_plan(kommun)
    warnings = []
    lagesbild_warning = age_warning(kommun, today=today)
    if lagesbild_warning:
        warnings.append(Warning("lagesbild", lagesbild_warning))
    warnings += _plan_age_warnings(kommun, today)
    if plan is not None:
        warnings += _measure_warnings(plan)
    warnings += _unaddressed_problems(kommun, plan)
    return warnings


def _plan_age_warnings(kommun, today: date) -> list[Warning]:
    decided = latest_decided_plan(kommun)
    if decided is None:
        return [Warning("plan", _("Kommunen har ingen beslutad åtgärdsplan (§ 5)."))]
    warnings = []
    if today - decided.decided_on > MAX_AGE:
        warnings.append(
            Warning(
                "plan",
                _(
                    "Åtgärdsplanen (version %(number)s, beslutad %(date)s) är äldre än två år "
                    "och ska följas upp och vid behov revideras (§ 6)."
                )
                % {"number": decided.number, "date": decided.decided_on.isoformat()},
            )
        )
    if today > follow_up_due(decided, today=today):
        last = last_follow_up_on(decided, today=today) or decided.decided_on
        warnings.append(
            Warning(
                "uppfoljning",
                _("Uppföljningen är försenad: senast %(date)s. Lagen kräver minst vartannat år.")
                % {"date": last.isoformat()},
            )
        )
    return warnings


def _measure_warnings(plan: Plan) -> list[Warning]:
    warnings = []
    measures = plan.measures.select_related("owner", "method").prefetch_related(
        "causes", "targets", "method__ratings"
    )
    for measure in measures:
        label = f"{measure.key} {measure.title}"
        if not measure.causes.all():
            warnings.append(
                Warning("orsak", _("Åtgärden är inte kopplad till någon orsak."), label)
            )
        if measure.owner_id is None:
            warnings.append(Warning("ansvar", _("Åtgärden saknar ansvarig organisation."), label))
        if not measure.targets.all():
            warnings.append(Warning("mal", _("Åtgärden saknar mål och indikator."), label))
        if measure.method is not None:
            warnings += _method_warnings(measure.method, label)
    return warnings


def _method_warnings(method, label: str) -> list[Warning]:
    """Brå asks for measures that are tested "as far as possible" (b.1, e.3).

    A rating of no effect or of harm is named with its registry, outcome and rating, since it may
    concern another outcome than the plan's. A method without any supporting rating gets a
    softer note: "ej bedömd" is not a verdict, only a missing one.
    """
    adverse = [
        Warning(
            "metod",
            _(
                "Metoden %(method)s är bedömd som ”%(verdict)s” för utfallet ”%(outcome)s” i "
                "%(registry)s (%(rating)s). Pröva om det gäller det utfall planen vill påverka."
            )
            % {
                "method": method.name,
                "verdict": rating.get_verdict_display().lower(),
                "outcome": rating.outcome_label,
                "registry": rating.get_registry_display(),
                "rating": rating.shown_rating,
            },
            label,
        )
        for rating in method.adverse_ratings()
    ]
    if adverse or method.supporting_ratings():
        return adverse
    if method.is_rated():
        message = _(
            "Metoden %(method)s har bara ofullständigt underlag i effektregistren. "
            "Planera för att följa upp effekten."
        )
    else:
        message = _(
            "Metoden %(method)s är ej bedömd i effektregistren. Planera för att följa upp effekten."
        )
    return [Warning("metod_ej_bedomd", message % {"method": method.name}, label)]


def _unaddressed_problems(kommun, plan: Plan | None) -> list[Warning]:
    covered = set()
    if plan is not None:
        covered = set(
            Measure.objects.filter(plan=plan).values_list("causes__problem_id", flat=True)
        )
    return [
        Warning("problem", _("Det prioriterade problemet har inga åtgärder."), problem.title)
        for problem in Problem.objects.filter(kommun=kommun, priority=Priority.PRIORITISED)
        if problem.pk not in covered
    ]
