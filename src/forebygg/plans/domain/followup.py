"""Follow-up (§ 6): where each measure stands, and the indicators against baseline and target."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.core.domain.dates import is_in_future
from forebygg.core.models import save_as
from forebygg.lagesbild.domain import MAX_AGE
from forebygg.plans.domain import require_coordinator
from forebygg.plans.enums import MeasureState
from forebygg.plans.models import FollowUp, Measure, Plan, StatusReport, Target, TargetReading
from forebygg.stats.figures import latest_value


def can_report_status(user, measure: Measure) -> bool:
    return Measure.objects.status_reportable_by(user).filter(pk=measure.pk).exists()


@transaction.atomic
def report_status(
    measure: Measure,
    *,
    by,
    state: str,
    share_done: int,
    narrative: str = "",
    reported_on: date,
) -> StatusReport:
    """The coordinator reports on any measure, a partner only on those its organisation owns."""
    if not measure.plan.is_decided:
        raise ValidationError(_("Status rapporteras för åtgärder i en beslutad plan."))
    if not can_report_status(by, measure):
        raise PermissionDenied(_("Du kan bara rapportera status för din organisations åtgärder."))
    errors = []
    if state not in MeasureState.values:
        errors.append(_("Välj status."))
    if not isinstance(share_done, int) or not 0 <= share_done <= 100:
        errors.append(_("Andelen genomförd ska vara 0–100 %."))
    if state == MeasureState.DONE and share_done != 100:
        errors.append(_("En genomförd åtgärd är genomförd till 100 %."))
    if is_in_future(reported_on):
        errors.append(_("En statusrapport kan inte dateras i framtiden."))
    if errors:
        raise ValidationError(errors)
    report = StatusReport(
        measure=measure,
        state=state,
        share_done=share_done,
        narrative=narrative.strip(),
        reported_on=reported_on,
        reported_by=by,
    )
    return save_as(report, by=by)


def latest_status(measure: Measure) -> StatusReport | None:
    return measure.status_reports.first()


@transaction.atomic
def record_reading(target: Target, *, by, value: float, measured_on: date, source: str):
    """A follow-up value for a local indicator; indicators from the statistics are read directly."""
    require_coordinator(by, target.measure.plan.kommun)
    if target.indicator_id:
        raise ValidationError(
            _("Värdet hämtas ur den inlästa statistiken. Läs in nya data i stället.")
        )
    if not source.strip():
        raise ValidationError(_("Ange källan för värdet."))
    if is_in_future(measured_on):
        raise ValidationError(_("Ett värde kan inte avse ett datum i framtiden."))
    reading = TargetReading(target=target, value=value, measured_on=measured_on, source=source)
    return save_as(reading, by=by)


@dataclass(frozen=True)
class Progress:
    indicator: str
    baseline_value: float
    baseline_date: str
    target_value: float
    target_date: str
    current_value: float | None
    current_period: str
    current_source: str
    automatic: bool
    share_of_way: float | None  # 0 at baseline, 100 at target; None when nothing to compare

    def as_dict(self) -> dict:
        return asdict(self)


def target_progress(target: Target) -> Progress:
    """The newest value for the target's indicator, never interpolated, and how far it has come."""
    if target.indicator_id:
        value, period, source = _latest_statistic(target)
        automatic = True
    else:
        reading = target.readings.first()
        value = reading.value if reading else None
        period = reading.measured_on.isoformat() if reading else ""
        source = reading.source if reading else ""
        automatic = False
    span = target.target_value - target.baseline_value
    share = None
    if value is not None and span:
        share = (value - target.baseline_value) / span * 100
    return Progress(
        indicator=target.name,
        baseline_value=target.baseline_value,
        baseline_date=target.baseline_date.isoformat(),
        target_value=target.target_value,
        target_date=target.target_date.isoformat(),
        current_value=value,
        current_period=period,
        current_source=source,
        automatic=automatic,
        share_of_way=share,
    )


def _latest_statistic(target: Target) -> tuple[float | None, str, str]:
    latest = latest_value(target.indicator_id, target.measure.plan.kommun.code)
    if latest is None:
        return None, "", ""
    return latest.value, latest.period, latest.source


def follow_up_content(plan: Plan) -> dict:
    """Every measure's latest status and every target's progress, as plain data."""
    measures = plan.measures.select_related("owner").prefetch_related("targets__indicator")
    rows = []
    for measure in measures:
        status = latest_status(measure)
        rows.append(
            {
                "key": measure.key,
                "title": measure.title,
                "owner": measure.owner.name if measure.owner else "",
                "state": status.get_state_display()
                if status
                else str(MeasureState.NOT_STARTED.label),
                "share_done": status.share_done if status else 0,
                "narrative": status.narrative if status else "",
                "reported_on": status.reported_on.isoformat() if status else "",
                "targets": [target_progress(t).as_dict() for t in measure.targets.all()],
            }
        )
    return {
        "plan": {"number": plan.number, "title": plan.title, "reference": plan.reference},
        "kommun": plan.kommun.name,
        "measures": rows,
    }


@transaction.atomic
def record_follow_up(plan: Plan, *, by, held_on: date, summary: str = "") -> FollowUp:
    """Record the follow-up of a decided plan; what it shows is frozen with it."""
    require_coordinator(by, plan.kommun)
    if not plan.is_decided:
        raise ValidationError(_("Bara en beslutad plan kan följas upp."))
    if plan.decided_on and held_on < plan.decided_on:
        raise ValidationError(_("Uppföljningen kan inte ligga före planens beslut."))
    if is_in_future(held_on):
        raise ValidationError(_("En uppföljning kan inte dateras i framtiden."))
    follow_up = FollowUp(
        plan=plan,
        held_on=held_on,
        summary=summary.strip(),
        snapshot=follow_up_content(plan),
        recorded_by=by,
    )
    return save_as(follow_up, by=by)


def latest_follow_up(plan: Plan) -> FollowUp | None:
    return plan.follow_ups.first()


def last_follow_up_on(plan: Plan, *, today: date | None = None) -> date | None:
    """The latest follow-up held by `today`: one dated later has not happened yet."""
    today = today or timezone.localdate()
    held = [follow_up.held_on for follow_up in plan.follow_ups.all()]
    return max((day for day in held if day <= today), default=None)


def follow_up_due(plan: Plan, *, today: date | None = None) -> date:
    """§ 6: two years after the last follow-up, or after the decision when there is none yet."""
    return (last_follow_up_on(plan, today=today) or plan.decided_on) + MAX_AGE
