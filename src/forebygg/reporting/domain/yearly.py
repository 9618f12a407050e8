"""A kommun's yearly report, generated from its data, and the county's combined report."""

from __future__ import annotations

import hashlib
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.core.models import save_as
from forebygg.governance.domain.agreements import is_in_force
from forebygg.governance.domain.compliance import RULES, Facts
from forebygg.governance.enums import RuleStatus
from forebygg.orgs.access import require_coordinator
from forebygg.orgs.enums import Visibility
from forebygg.plans.domain.followup import last_follow_up_on, latest_status
from forebygg.reporting.domain import transitions
from forebygg.reporting.enums import CountyState, ReportState
from forebygg.reporting.models import CountyReport, YearlyReport


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
        "plan": _plan_content(facts.plan),
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
        "council": facts.council is not None,
        "council_member_types": sorted({m.organisation.type for m in facts.members}),
        "methods": _methods_of(facts.plan),
    }


def _methods_of(plan) -> list[str]:
    """Names of the library methods the decided plan's measures use."""
    if plan is None:
        return []
    names = plan.measures.filter(method__isnull=False).values_list("method__name", flat=True)
    return sorted(set(names))


def _lagesbild_content(lagesbild) -> dict | None:
    if lagesbild is None:
        return None
    return {"number": lagesbild.number, "decided_on": lagesbild.decided_at.date().isoformat()}


def _plan_content(plan) -> dict | None:
    if plan is None:
        return None
    states: dict[str, int] = {}
    for measure in plan.measures.all():
        status = latest_status(measure)
        key = status.state if status else "ej-rapporterad"
        states[key] = states.get(key, 0) + 1
    last = last_follow_up_on(plan)
    return {
        "number": plan.number,
        "decided_on": plan.decided_on.isoformat(),
        "measures": plan.measures.count(),
        "measure_states": states,
        "last_follow_up": last.isoformat() if last else None,
    }


@transaction.atomic
def draft_report(kommun, year: int, *, by) -> YearlyReport:
    """Create the year's report, or regenerate it while it is a draft or returned."""
    require_coordinator(by, kommun)
    report = YearlyReport.objects.filter(kommun=kommun, year=year).first()
    if report and report.status not in (ReportState.DRAFT, ReportState.RETURNED):
        raise ValidationError(_("Redovisningen är inskickad och kan inte göras om."))
    report = report or YearlyReport(kommun=kommun, year=year)
    report.content = build_content(kommun, year)
    return save_as(report, by=by, reason="Genererad från data")


def _move(report: YearlyReport, target: str, *, by) -> transitions.Transition:
    transition = transitions.find(transitions.KOMMUN_REPORT, report.status, target)
    if transition is None:
        raise ValidationError(
            _("En redovisning som är ”%(source)s” kan inte bli ”%(target)s”.")
            % {
                "source": ReportState(report.status).label,
                "target": ReportState(target).label,
            }
        )
    if not transitions.may_act(by, transition.actor, kommun=report.kommun):
        raise PermissionDenied(_("Du får inte göra den här ändringen."))
    return transition


@transaction.atomic
def submit_report(report: YearlyReport, *, by) -> YearlyReport:
    transition = _move(report, ReportState.SUBMITTED, by=by)
    report.status = ReportState.SUBMITTED
    report.visibility = Visibility.SUBMITTED
    report.content_hash = content_hash(report.content)
    return save_as(report, by=by, reason=str(transition.label))


@transaction.atomic
def return_report(report: YearlyReport, *, by, comments: str) -> YearlyReport:
    transition = _move(report, ReportState.RETURNED, by=by)
    if not comments.strip():
        raise ValidationError(_("Skriv vad kommunen behöver komplettera."))
    report.status = ReportState.RETURNED
    report.comments = comments.strip()
    return save_as(report, by=by, reason=str(transition.label))


@transaction.atomic
def approve_report(report: YearlyReport, *, by) -> YearlyReport:
    transition = _move(report, ReportState.APPROVED, by=by)
    if content_hash(report.content) != report.content_hash:
        raise ValidationError(_("Innehållet har ändrats sedan redovisningen skickades in."))
    report.status = ReportState.APPROVED
    return save_as(report, by=by, reason=str(transition.label))


@transaction.atomic
def start_county_report(lan, year: int, *, by) -> CountyReport:
    if not transitions.may_act(by, transitions.COUNTY, lan=lan):
        raise PermissionDenied(_("Bara länsstyrelsen i länet kan sammanställa redovisningen."))
    report, _created = CountyReport.objects.get_or_create(lan=lan, year=year)
    return report


@transaction.atomic
def include_report(county_report: CountyReport, report: YearlyReport, *, by) -> YearlyReport:
    if county_report.status != CountyState.DRAFT:
        raise ValidationError(_("Den samlade redovisningen är redan inskickad till Brå."))
    if (report.kommun.lan_id, report.year) != (county_report.lan_id, county_report.year):
        raise ValidationError(_("Redovisningen hör till ett annat län eller år."))
    transition = _move(report, ReportState.INCLUDED, by=by)
    report.status = ReportState.INCLUDED
    report.county_report = county_report
    report._history_user = by
    report._change_reason = str(transition.label)
    report.save(update_fields=["status", "county_report", "updated_at"])
    return report


@transaction.atomic
def describe_regional_work(county_report: CountyReport, *, by, **fields) -> CountyReport:
    if not transitions.may_act(by, transitions.COUNTY, lan=county_report.lan):
        raise PermissionDenied(_("Bara länsstyrelsen i länet kan ändra redovisningen."))
    if county_report.status != CountyState.DRAFT:
        raise ValidationError(_("Den samlade redovisningen är redan inskickad till Brå."))
    for name in ("networks", "trainings", "cross_kommun_measures"):
        if name in fields:
            setattr(county_report, name, fields[name].strip())
    return save_as(county_report, by=by)


@transaction.atomic
def submit_county_report(county_report: CountyReport, *, by) -> CountyReport:
    transition = transitions.find(
        transitions.COUNTY_REPORT, county_report.status, CountyState.SUBMITTED
    )
    if transition is None:
        raise ValidationError(_("Den samlade redovisningen är redan inskickad till Brå."))
    if not transitions.may_act(by, transition.actor, lan=county_report.lan):
        raise PermissionDenied(_("Bara länsstyrelsen i länet kan skicka redovisningen."))
    included = list(county_report.kommun_reports.select_related("kommun"))
    if not included:
        raise ValidationError(_("Ta med minst en godkänd kommunredovisning först."))
    county_report.content = {
        "regional_work": {
            "networks": county_report.networks,
            "trainings": county_report.trainings,
            "cross_kommun_measures": county_report.cross_kommun_measures,
        },
        "kommun_reports": [{"kommun": r.kommun.code, "hash": r.content_hash} for r in included],
    }
    county_report.content_hash = content_hash(county_report.content)
    county_report.status = CountyState.SUBMITTED
    county_report.submitted_at = timezone.now()
    county_report.submitted_by = by
    return save_as(county_report, by=by, reason=str(transition.label))
