"""A kommun's yearly report, generated from its data, and the county's combined report."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forebygg.core.models import save_as
from forebygg.geo.models import Kommun
from forebygg.governance.domain.agreements import is_in_force
from forebygg.governance.domain.compliance import RULES, Facts
from forebygg.governance.enums import RuleStatus
from forebygg.orgs.access import require_coordinator
from forebygg.orgs.enums import Visibility
from forebygg.plans.domain.followup import last_follow_up_on, latest_status
from forebygg.reporting.domain import questions, transitions
from forebygg.reporting.enums import CountyState, MissingReason, ReportState
from forebygg.reporting.models import CountyReport, YearlyReport

# What the second of two requests at once is told.
_ALREADY_DRAFTED = gettext_lazy(
    "Redovisningen för året sammanställdes av någon annan samtidigt. Öppna den."
)
_ALREADY_STARTED = gettext_lazy("Den samlade redovisningen är redan påbörjad.")
_ALREADY_SENT = gettext_lazy("Den samlade redovisningen är redan inskickad till Brå.")


def content_hash(content: dict) -> str:
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def build_content(kommun, year: int) -> dict:
    """Everything the report states, as plain data: it is what approval freezes."""
    today = timezone.localdate()
    facts = Facts(kommun, today)
    compliance = [rule(facts) for rule in RULES]
    return {
        "kommun": {"code": kommun.code, "name": kommun.name},
        "year": year,
        "generated_on": today.isoformat(),
        "compliance": [
            {"code": r.code, "requirement": r.requirement, "status": r.status, "finding": r.finding}
            for r in compliance
        ],
        "facts": _survey_facts(facts, {r.code: r.status for r in compliance}),
        "lagesbild": _lagesbild_content(facts.lagesbild),
        "plan": _plan_content(facts.plan, today),
        "agreements": [
            {
                "title": a.title,
                "kind": a.kind,
                "signed_on": a.signed_on.isoformat() if a.signed_on else None,
                "in_force": is_in_force(a, today),
                "party_types": sorted({p.type for p in a.parties.all()}),
            }
            for a in facts.agreements
        ],
        "council": {
            "name": facts.council.name,
            "member_types": sorted({m.organisation.type for m in facts.members}),
            "meetings_in_year": facts.council.meetings.filter(held_on__year=year).count(),
        }
        if facts.council
        else None,
    }  # fmt: skip


def _survey_facts(facts: Facts, status: dict[str, str]) -> dict:
    """The yes/no answers the county and national overviews count (Brå's survey themes)."""
    in_force = [a for a in facts.agreements if is_in_force(a, facts.today)]
    return {
        "coordination_function": facts.function is not None,
        "current_lagesbild": status["R4"] == RuleStatus.MET,
        "decided_plan": status["R5"] == RuleStatus.MET,
        "followed_up": status["R7"] == RuleStatus.MET,
        "agreement_party_types": sorted({p.type for a in in_force for p in a.parties.all()}),
        "agreement_parties": _parties_of(in_force),
        "council": facts.council is not None,
        "council_member_types": sorted({m.organisation.type for m in facts.members}),
        "council_members": _organisations([m.organisation for m in facts.members]),
        "methods": _methods_of(facts.plan),
    }


def _organisations(organisations) -> list[dict]:
    """Name and type of each organisation once: the evidence behind the answers."""
    found = {(o.name, o.type) for o in organisations}
    return [{"name": name, "type": kind} for name, kind in sorted(found)]


def _parties_of(agreements) -> list[dict]:
    found = {(a.title, p.name, p.type) for a in agreements for p in a.parties.all()}
    return [{"agreement": title, "name": name, "type": kind} for title, name, kind in sorted(found)]


def _methods_of(plan) -> list[str]:
    """Names of the library methods the decided plan's measures use."""
    if plan is None:
        return []
    names = plan.measures.filter(method__isnull=False).values_list("method__name", flat=True)
    return sorted(set(names))


def _lagesbild_content(lagesbild) -> dict | None:
    if lagesbild is None:
        return None
    return {
        "number": lagesbild.number,
        "decided_on": lagesbild.decision_date.isoformat(),
        # False for a version decided before the date was asked for: then it is the click's.
        "decision_date_stated": lagesbild.decided_on is not None,
    }


def _plan_content(plan, today) -> dict | None:
    if plan is None:
        return None
    states: dict[str, int] = {}
    for measure in plan.measures.all():
        status = latest_status(measure)
        key = status.state if status else "ej-rapporterad"
        states[key] = states.get(key, 0) + 1
    last = last_follow_up_on(plan, today=today)
    return {
        "number": plan.number,
        "decided_on": plan.decided_on.isoformat(),
        "measures": plan.measures.count(),
        "measure_states": states,
        "last_follow_up": last.isoformat() if last else None,
    }


def draft_report(kommun, year: int, *, by) -> YearlyReport:
    """Create the year's report, or regenerate it while it is a draft or returned."""
    require_coordinator(by, kommun)
    content = build_content(kommun, year)  # before the lock: it reads much and writes nothing
    with transaction.atomic():
        report = YearlyReport.objects.select_for_update().filter(kommun=kommun, year=year).first()
        report = report or YearlyReport(kommun=kommun, year=year)
        if report.status not in (ReportState.DRAFT, ReportState.RETURNED):
            raise ValidationError(_("Redovisningen är inskickad och kan inte göras om."))
        report.content = content
        report.answers = []  # a returned report's earlier answers no longer match its content
        return _save_unique(report, by=by, reason="Genererad från data", taken=_ALREADY_DRAFTED)


def _save_unique(instance, *, by, reason: str = "", taken: str):
    """Save; a unique constraint met means another request created the same row a moment ago."""
    try:
        with transaction.atomic():
            return save_as(instance, by=by, reason=reason)
    except IntegrityError:
        raise ValidationError(taken) from None


def _move(report: YearlyReport, target: str, *, by) -> tuple[YearlyReport, transitions.Transition]:
    """The stored report, locked until the move commits, and the transition that allows it.

    The page the request came from may be stale: another move may have been made since. The
    table is consulted on the state stored now, so of two moves at once only one is made.
    """
    stored = YearlyReport.objects.select_for_update().get(pk=report.pk)
    transition = transitions.find(transitions.KOMMUN_REPORT, stored.status, target)
    if transition is None:
        raise ValidationError(
            _("En redovisning som är ”%(source)s” kan inte bli ”%(target)s”.")
            % {
                "source": ReportState(stored.status).label,
                "target": ReportState(target).label,
            }
        )
    if not transitions.may_act(by, transition.actor, kommun=report.kommun):
        raise PermissionDenied(_("Du får inte göra den här ändringen."))
    return stored, transition


def _moved(report: YearlyReport, stored: YearlyReport, *, by, reason: str) -> YearlyReport:
    save_as(stored, by=by, reason=reason)
    report.refresh_from_db()
    return report


@transaction.atomic
def submit_report(report: YearlyReport, *, by) -> YearlyReport:
    stored, transition = _move(report, ReportState.SUBMITTED, by=by)
    stored.status = ReportState.SUBMITTED
    stored.visibility = Visibility.SUBMITTED
    stored.content_hash = content_hash(stored.content)
    stored.answers = questions.answer_all(stored.content)
    return _moved(report, stored, by=by, reason=str(transition.label))


@transaction.atomic
def return_report(report: YearlyReport, *, by, comments: str) -> YearlyReport:
    stored, transition = _move(report, ReportState.RETURNED, by=by)
    if not comments.strip():
        raise ValidationError(_("Skriv vad kommunen behöver komplettera."))
    stored.status = ReportState.RETURNED
    stored.comments = comments.strip()
    return _moved(report, stored, by=by, reason=str(transition.label))


@transaction.atomic
def approve_report(report: YearlyReport, *, by) -> YearlyReport:
    stored, transition = _move(report, ReportState.APPROVED, by=by)
    if content_hash(stored.content) != stored.content_hash:
        raise ValidationError(_("Innehållet har ändrats sedan redovisningen skickades in."))
    stored.status = ReportState.APPROVED
    return _moved(report, stored, by=by, reason=str(transition.label))


def _locked_county_report(county_report: CountyReport) -> CountyReport:
    """The combined report as stored now, locked until the change commits."""
    return CountyReport.objects.select_for_update().get(pk=county_report.pk)


@transaction.atomic
def start_county_report(lan, year: int, *, by) -> CountyReport:
    if not transitions.may_act(by, transitions.COUNTY, lan=lan):
        raise PermissionDenied(_("Bara länsstyrelsen i länet kan sammanställa redovisningen."))
    if CountyReport.objects.filter(lan=lan, year=year).exists():
        raise ValidationError(_ALREADY_STARTED)
    return _save_unique(CountyReport(lan=lan, year=year), by=by, taken=_ALREADY_STARTED)


@transaction.atomic
def include_report(county_report: CountyReport, report: YearlyReport, *, by) -> YearlyReport:
    # The combined report first, as sending it does: it may not be sent while this goes in.
    county = _locked_county_report(county_report)
    if county.status != CountyState.DRAFT:
        raise ValidationError(_ALREADY_SENT)
    if (report.kommun.lan_id, report.year) != (county.lan_id, county.year):
        raise ValidationError(_("Redovisningen hör till ett annat län eller år."))
    stored, transition = _move(report, ReportState.INCLUDED, by=by)
    stored.status = ReportState.INCLUDED
    stored.county_report = county
    stored._history_user = by
    stored._change_reason = str(transition.label)
    stored.save(update_fields=["status", "county_report", "updated_at"])
    report.refresh_from_db()
    return report


@transaction.atomic
def describe_regional_work(county_report: CountyReport, *, by, **fields) -> CountyReport:
    if not transitions.may_act(by, transitions.COUNTY, lan=county_report.lan):
        raise PermissionDenied(_("Bara länsstyrelsen i länet kan ändra redovisningen."))
    stored = _locked_county_report(county_report)
    if stored.status != CountyState.DRAFT:
        raise ValidationError(_ALREADY_SENT)
    for name in ("networks", "trainings", "cross_kommun_measures"):
        if name in fields:
            setattr(stored, name, fields[name].strip())
    save_as(stored, by=by)
    county_report.refresh_from_db()
    return county_report


@dataclass(frozen=True)
class MissingKommun:
    kommun: Kommun
    reason: MissingReason


def missing_kommuner(county_report: CountyReport) -> list[MissingKommun]:
    """The län's kommuner whose report for the year is not in the combined report, and why."""
    included = set(county_report.kommun_reports.values_list("kommun_id", flat=True))
    approved = set(
        YearlyReport.objects.filter(
            kommun__lan_id=county_report.lan_id,
            year=county_report.year,
            status=ReportState.APPROVED,
        ).values_list("kommun_id", flat=True)
    )
    return [
        MissingKommun(
            kommun,
            MissingReason.NOT_INCLUDED if kommun.pk in approved else MissingReason.NOT_APPROVED,
        )
        for kommun in Kommun.objects.filter(lan_id=county_report.lan_id).order_by("name")
        if kommun.pk not in included
    ]


def _refuse_unconfirmed(missing: list[MissingKommun]) -> None:
    raise ValidationError(
        _(
            "%(count)s av länets kommuner saknas i redovisningen: %(names)s. "
            "Bekräfta att du vill skicka den utan dem."
        )
        % {
            "count": len(missing),
            "names": ", ".join(m.kommun.short_name for m in missing),
        }
    )


@transaction.atomic
def submit_county_report(
    county_report: CountyReport, *, by, confirmed_missing: bool = False
) -> CountyReport:
    """Send the combined report to Brå; without every kommun only once `by` has confirmed it.

    The kommuner missing are counted under the lock: no report can be taken in meanwhile, so
    the list can only have shrunk since the page that asked for the confirmation.
    """
    stored = _locked_county_report(county_report)
    transition = transitions.find(transitions.COUNTY_REPORT, stored.status, CountyState.SUBMITTED)
    if transition is None:
        raise ValidationError(_ALREADY_SENT)
    if not transitions.may_act(by, transition.actor, lan=stored.lan):
        raise PermissionDenied(_("Bara länsstyrelsen i länet kan skicka redovisningen."))
    included = list(stored.kommun_reports.select_related("kommun"))
    if not included:
        raise ValidationError(_("Ta med minst en godkänd kommunredovisning först."))
    missing = missing_kommuner(stored)
    if missing and not confirmed_missing:
        _refuse_unconfirmed(missing)
    stored.content = {
        "regional_work": {
            "networks": stored.networks,
            "trainings": stored.trainings,
            "cross_kommun_measures": stored.cross_kommun_measures,
        },
        "kommun_reports": [{"kommun": r.kommun.code, "hash": r.content_hash} for r in included],
        "missing_kommuner": [
            {"code": m.kommun.code, "name": m.kommun.name, "reason": m.reason} for m in missing
        ],
    }
    stored.content_hash = content_hash(stored.content)
    stored.status = CountyState.SUBMITTED
    stored.submitted_at = timezone.now()
    stored.submitted_by = by
    save_as(stored, by=by, reason=_sent_reason(transition, missing))
    county_report.refresh_from_db()
    return county_report


def _sent_reason(transition: transitions.Transition, missing: list[MissingKommun]) -> str:
    """The history's reason; the kommuner themselves are in the content the history keeps."""
    if not missing:
        return str(transition.label)
    return _("%(action)s utan %(count)s kommuner") % {
        "action": transition.label,
        "count": len(missing),
    }
