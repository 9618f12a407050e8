"""The åtgärdsplan (§ 5): measures tied to causes, targets, decision by a named body, versions."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from forebygg.core.domain.conflicts import check_version, fingerprint_of
from forebygg.core.domain.dates import is_in_future
from forebygg.core.models import save_as
from forebygg.geo.models import POLICE_AREA_KINDS, Kommun
from forebygg.lagesbild.models import Lagesbild
from forebygg.orgs.enums import Visibility
from forebygg.orgs.models import Organisation
from forebygg.plans.domain import require_coordinator
from forebygg.plans.enums import Funding, Horizon, MeasureArea, MeasureType, PlanStatus
from forebygg.plans.models import Cause, Measure, Plan, Target
from forebygg.stats.figures import LatestValue, latest_value

MEASURE_FIELDS = (
    "title", "description", "type", "horizon", "owner", "area_kind", "district", "police_area",
    "method", "method_text", "start", "end", "cost", "funding", "expected_effect",
)  # fmt: skip


def eligible_organisations(kommun):
    """Who can own or take part in a kommun's measures: the kommun itself and its partners."""
    return Organisation.objects.filter(
        home_kommun=kommun, type="kommun"
    ) | Organisation.objects.filter(partnerships__kommun=kommun)


def draft_of(kommun) -> Plan | None:
    return Plan.objects.filter(kommun=kommun, status=PlanStatus.DRAFT).first()


def latest_decided_plan(kommun, queryset=None) -> Plan | None:
    queryset = queryset if queryset is not None else Plan.objects.all()
    return queryset.filter(kommun=kommun, status=PlanStatus.DECIDED).order_by("-number").first()


def _require_draft(plan: Plan) -> None:
    if plan.is_decided:
        raise ValidationError(_("En beslutad åtgärdsplan kan inte ändras. Skapa en ny version."))


def lock_draft(plan: Plan) -> Plan:
    """The plan re-read under a row lock: it may have been decided since the page was opened.

    Locking the plan also queues writers of the same plan, so two new measures never get the
    same key and a decision never freezes a half-saved measure.
    """
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(locked)
    return locked


def measure_state(measure: Measure) -> dict:
    """Everything the measure form edits, as plain data (keys for related objects)."""
    values = {
        name: Measure._meta.get_field(name).value_from_object(measure) for name in MEASURE_FIELDS
    }
    values["causes"] = sorted(cause.pk for cause in measure.causes.all())
    values["partners"] = sorted(partner.pk for partner in measure.partners.all())
    return values


def measure_version(measure: Measure) -> str:
    """The fingerprint a form carries, so a save from a stale page is refused."""
    return fingerprint_of(measure_state(measure))


def measures_version(measures) -> str:
    """The fingerprint of a plan's measures: a sheet preview is confirmed against it.

    Prefetch the measures' causes and partners, or each measure costs two queries.
    """
    return fingerprint_of({measure.key: measure_state(measure) for measure in measures})


def _lock_unchanged(measure: Measure, base: str | None) -> Measure:
    try:
        stored = Measure.objects.select_for_update().get(pk=measure.pk)
    except Measure.DoesNotExist:
        raise ValidationError(
            _("Åtgärden har tagits bort av någon annan medan du arbetade.")
        ) from None
    check_version(
        stored,
        version=measure_version(stored),
        base=base,
        message=_(
            "Någon annan har sparat en ändring i åtgärden medan du arbetade. Dina värden är "
            "kvar i formuläret; jämför dem med de sparade värdena nedan, behåll det som ska "
            "vara kvar och spara igen."
        ),
    )
    return stored


@transaction.atomic
def create_plan(kommun, *, lagesbild: Lagesbild, title: str, by) -> Plan:
    """A new draft plan based on a decided lägesbild version (one draft at a time)."""
    require_coordinator(by, kommun)
    if lagesbild.kommun_id != kommun.pk:
        raise ValidationError(_("Lägesbilden hör till en annan kommun."))
    if not lagesbild.is_decided:
        raise ValidationError(_("Planen ska bygga på en fastställd lägesbild."))
    # Queue the kommun's new versions: the second then finds the first one's draft. `no_key`
    # leaves the kommun's row free for rows that only refer to it.
    Kommun.objects.select_for_update(no_key=True).get(pk=kommun.pk)
    if draft_of(kommun):
        raise ValidationError(
            _("Det finns redan ett utkast till åtgärdsplan. Arbeta vidare i det.")
        )
    previous = Plan.objects.filter(kommun=kommun).order_by("-number").first()
    plan = Plan(
        kommun=kommun,
        number=(previous.number + 1) if previous else 1,
        title=title.strip() or _("Åtgärdsplan"),
        lagesbild=lagesbild,
        based_on=previous,
    )
    return save_as(plan, by=by, reason="Utkast skapat")


def _next_key(plan: Plan) -> str:
    numbers = [
        int(key[1:]) for key in plan.measures.values_list("key", flat=True) if key[1:].isdigit()
    ]
    return f"Å{max(numbers, default=0) + 1}"


def validate_measure(plan: Plan, fields: dict, causes, partners) -> list[str]:
    """Every reason the measure cannot be saved, as Swedish sentences (empty when it can)."""
    errors = []
    if not (fields.get("title") or "").strip():
        errors.append(_("Ange åtgärden."))
    if fields.get("type") not in MeasureType.values:
        errors.append(_("Välj typ: social, situationell eller båda."))
    if fields.get("horizon") not in Horizon.values:
        errors.append(_("Välj tidsperspektiv: kort eller lång sikt."))
    if fields.get("funding", Funding.OWN) not in Funding.values:
        errors.append(_("Okänd finansiering."))
    area_kind = fields.get("area_kind", MeasureArea.KOMMUN)
    if area_kind not in MeasureArea.values:
        errors.append(_("Okänd typ av område."))
    if area_kind == MeasureArea.DISTRICT and not (fields.get("district") or "").strip():
        errors.append(_("Ange stadsdel eller ort."))
    police_area = fields.get("police_area")
    if area_kind == MeasureArea.POLICE_AREA and police_area is None:
        errors.append(_("Välj polisens område."))
    if police_area is not None and (
        police_area.kommun_id != plan.kommun_id or police_area.kind not in POLICE_AREA_KINDS
    ):
        errors.append(_("Området är inte ett av polisens utpekade områden i kommunen."))
    start, end = fields.get("start"), fields.get("end")
    if start and end and end < start:
        errors.append(_("Slutdatum ligger före startdatum."))
    cost = fields.get("cost")
    if cost is not None and Decimal(cost) < 0:
        errors.append(_("Kostnaden kan inte vara negativ."))
    allowed = set(eligible_organisations(plan.kommun).values_list("pk", flat=True))
    owner = fields.get("owner")
    if owner is not None and owner.pk not in allowed:
        errors.append(_("Den ansvariga organisationen är inte kommunen eller en samverkanspart."))
    if any(partner.pk not in allowed for partner in partners):
        errors.append(_("En av samverkansparterna samverkar inte med kommunen."))
    if any(cause.problem.kommun_id != plan.kommun_id for cause in causes):
        errors.append(_("En av orsakerna hör till en annan kommun."))
    return errors


@transaction.atomic
def save_measure(
    plan: Plan,
    *,
    by,
    measure: Measure | None = None,
    base: str | None = None,
    causes=(),
    partners=(),
    **fields,
):
    """Create or change a measure in a draft plan; one without a cause is allowed but warned.

    `base` is the `measure_version` the writer started from; a change made by someone else
    since then refuses the save with `EditConflict` instead of overwriting it.
    """
    require_coordinator(by, plan.kommun)
    if measure is not None and measure.plan_id != plan.pk:
        raise ValidationError(_("Åtgärden hör till en annan plan."))
    lock_draft(plan)
    causes, partners = list(causes), list(partners)
    errors = validate_measure(plan, fields, causes, partners)
    if errors:
        raise ValidationError(errors)
    stored = _lock_unchanged(measure, base) if measure else Measure(plan=plan, key=_next_key(plan))
    for name in MEASURE_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(stored, name, value.strip() if isinstance(value, str) else value)
    if stored.area_kind != MeasureArea.POLICE_AREA:
        stored.police_area = None
    save_as(stored, by=by, links={"causes": causes, "partners": partners})
    if measure is None:
        return stored
    measure.refresh_from_db()
    return measure


@transaction.atomic
def create_measure_with_target(plan: Plan, *, by, target: dict | None, **measure_fields) -> Measure:
    """A new measure and, when given, its first target: both are written, or neither."""
    measure = save_measure(plan, by=by, **measure_fields)
    if target:
        add_target(measure, by=by, **target)
    return measure


@transaction.atomic
def delete_measure(measure: Measure, *, by) -> None:
    require_coordinator(by, measure.plan.kommun)
    lock_draft(measure.plan)
    measure._history_user = by
    measure.delete()


@transaction.atomic
def add_target(
    measure: Measure,
    *,
    by,
    target_value: float,
    target_date: date,
    baseline_value: float | None = None,
    baseline_date: date | None = None,
    source: str = "",
    indicator=None,
    local_name: str = "",
) -> Target:
    """A target on an indicator from the statistics takes its baseline (value, date and source)
    from the kommun's newest value unless the coordinator gives one; a local one needs both."""
    require_coordinator(by, measure.plan.kommun)
    lock_draft(measure.plan)
    if indicator is None and not local_name.strip():
        raise ValidationError(_("Välj en indikator ur statistiken eller ange en lokal indikator."))
    if indicator is not None and local_name.strip():
        raise ValidationError(_("Välj antingen en indikator ur statistiken eller en lokal."))
    if indicator is not None:
        baseline = baseline_from_data(indicator, measure.plan.kommun)
        if baseline is not None:
            baseline_value = baseline.value if baseline_value is None else baseline_value
            baseline_date = baseline.ends_on if baseline_date is None else baseline_date
            source = source.strip() or baseline.source
    if baseline_value is None or baseline_date is None:
        raise ValidationError(_("Ange utgångsvärde och datum; statistiken har inget värde."))
    if target_date <= baseline_date:
        raise ValidationError(_("Måldatum ska ligga efter utgångsvärdets datum."))
    if not source.strip():
        raise ValidationError(_("Ange källan för indikatorn."))
    target = Target(
        measure=measure,
        indicator=indicator,
        local_name=local_name.strip(),
        baseline_value=baseline_value,
        baseline_date=baseline_date,
        target_value=target_value,
        target_date=target_date,
        source=source.strip(),
    )
    return save_as(target, by=by)


def baseline_from_data(indicator, kommun) -> LatestValue | None:
    """The kommun's newest value of the indicator: what a new target starts from."""
    return latest_value(indicator.pk, kommun.code)


def plan_content(plan: Plan) -> dict:
    """Everything a decision covers, as plain data: stored with the decided version."""
    measures = plan.measures.select_related("owner", "police_area", "method").prefetch_related(
        "causes__problem", "partners", "targets__indicator"
    )
    return {
        "title": plan.title,
        "kommun": plan.kommun.name,
        "lagesbild": {"number": plan.lagesbild.number, "hash": plan.lagesbild.content_hash},
        "decided_body": plan.decided_body,
        "decided_on": plan.decided_on.isoformat() if plan.decided_on else None,
        "reference": plan.reference,
        "measures": [_measure_content(measure) for measure in measures],
    }


def _measure_content(measure: Measure) -> dict:
    return {
        "key": measure.key,
        "title": measure.title,
        "description": measure.description,
        "type": measure.get_type_display(),
        "horizon": measure.get_horizon_display(),
        "owner": measure.owner.name if measure.owner else None,
        "partners": sorted(partner.name for partner in measure.partners.all()),
        "area": measure.area_label(),
        "method": measure.method_text,
        "library_method": (
            {"slug": measure.method.slug, "name": measure.method.name} if measure.method else None
        ),
        "start": measure.start.isoformat() if measure.start else None,
        "end": measure.end.isoformat() if measure.end else None,
        "cost": str(measure.cost) if measure.cost is not None else None,
        "funding": measure.get_funding_display(),
        "expected_effect": measure.expected_effect,
        "causes": [
            {"problem": cause.problem.title, "cause": cause.text, "perspective": cause.perspective}
            for cause in measure.causes.all()
        ],
        "targets": [
            {
                "indicator": target.name,
                "baseline": [target.baseline_value, target.baseline_date.isoformat()],
                "target": [target.target_value, target.target_date.isoformat()],
                "source": target.source,
            }
            for target in measure.targets.all()
        ],
    }


def content_hash(content: dict) -> str:
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def _decision_date_errors(decided_on: date | None, lagesbild: Lagesbild) -> list[str]:
    """A plan is decided by today, and not before the lägesbild it rests on was decided."""
    if not lagesbild.is_decided:
        return [_("Planen ska bygga på en fastställd lägesbild.")]
    if decided_on is None:
        return [_("Ange beslutsdatum.")]
    if is_in_future(decided_on):
        return [_("Beslutsdatum kan inte ligga i framtiden.")]
    if decided_on < lagesbild.decision_date:
        return [
            _(
                "Planen kan inte beslutas före lägesbilden den bygger på (version %(number)s, "
                "fastställd %(date)s)."
            )
            % {"number": lagesbild.number, "date": lagesbild.decision_date_text}
        ]
    return []


@transaction.atomic
def decide_plan(plan: Plan, *, body: str, decided_on: date, reference: str, by) -> Plan:
    """Decide the plan: who, when, which diarienummer; the content is frozen with a hash."""
    require_coordinator(by, plan.kommun)
    locked = lock_draft(plan)
    errors = []
    if not body.strip():
        errors.append(_("Ange vilket organ som beslutar planen."))
    errors += _decision_date_errors(decided_on, locked.lagesbild)
    if not reference.strip():
        errors.append(_("Ange diarienummer."))
    if not locked.measures.exists():
        errors.append(_("Planen har inga åtgärder."))
    if errors:
        raise ValidationError(errors)
    locked.decided_body, locked.decided_on = body.strip(), decided_on
    locked.reference = reference.strip()
    locked.snapshot = plan_content(locked)
    locked.content_hash = content_hash(locked.snapshot)
    locked.status = PlanStatus.DECIDED
    locked.decided_by = by
    save_as(locked, by=by, reason="Beslutad")
    plan.refresh_from_db()
    return plan


@transaction.atomic
def revise_plan(plan: Plan, *, by, lagesbild: Lagesbild | None = None) -> Plan:
    """A new draft version with the decided plan's measures, links and targets copied over."""
    require_coordinator(by, plan.kommun)
    # Revisions of one plan queue here; the second then finds the first one's draft.
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_decided:
        raise ValidationError(_("Bara en beslutad plan kan revideras; arbeta vidare i utkastet."))
    draft = create_plan(plan.kommun, lagesbild=lagesbild or plan.lagesbild, title=plan.title, by=by)
    for measure in plan.measures.prefetch_related("causes", "partners", "targets"):
        copy = Measure(plan=draft, key=measure.key)
        for name in MEASURE_FIELDS:
            setattr(copy, name, getattr(measure, name))
        save_as(
            copy,
            by=by,
            reason=f"Kopierad från version {plan.number}",
            links={"causes": measure.causes.all(), "partners": measure.partners.all()},
        )
        for target in measure.targets.all():
            target.pk, target.id, target.measure = None, None, copy
            save_as(target, by=by)
    return draft


@transaction.atomic
def publish_plan(plan: Plan, *, by, published: bool = True) -> Plan:
    require_coordinator(by, plan.kommun)
    stored = Plan.objects.select_for_update().get(pk=plan.pk)
    if not stored.is_decided:
        raise ValidationError(_("Bara en beslutad plan kan publiceras."))
    visibility = Visibility.PUBLISHED if published else Visibility.DRAFT
    if stored.visibility == visibility:
        raise ValidationError(
            _("Planen är redan publicerad.") if published else _("Planen är inte publicerad.")
        )
    stored.save_publication(visibility, by=by)
    plan.refresh_from_db()
    return plan


def causes_of(kommun):
    return Cause.objects.filter(problem__kommun=kommun).select_related("problem")
