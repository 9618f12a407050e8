"""What is coming up for a kommun's staff: the dates the reminder e-mails are about.

The dates come from where the rules already live: § 6 from `lagesbild.domain.update_due` and
`plans.domain.followup.follow_up_due` (the compliance panel and the årshjul read the same), an
agreement's `valid_until`, a council decision's `due_on`, and the day the county returned the
yearly report. Everything is read through `visible_to(user)`, so a reminder never tells a user
about something they could not open.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forebygg.geo.models import Kommun
from forebygg.governance.models import Agreement, Decision
from forebygg.lagesbild.domain import latest_decided, update_due
from forebygg.lagesbild.models import Lagesbild
from forebygg.orgs.access import access_for
from forebygg.plans.domain.followup import follow_up_due
from forebygg.plans.domain.planning import latest_decided_plan
from forebygg.plans.models import Plan
from forebygg.reminders.enums import ReminderKind
from forebygg.reporting.enums import ReportState
from forebygg.reporting.models import YearlyReport

# Days before the date at which a reminder goes out; 0 is the day itself and after it.
STAGES = (0, 7, 60)
# How far ahead a date is announced, and how long after it has passed it is still worth one
# e-mail (older news, such as an agreement that ran out years ago, is left to the pages).
AHEAD = timedelta(days=max(STAGES))
LATE = timedelta(days=30)


@dataclass(frozen=True)
class Due:
    """One thing with a date that a user is to be reminded of."""

    kind: ReminderKind
    object_id: int
    kommun: Kommun
    what: str
    due_on: date
    path: str


def due_for(user, *, today: date) -> list[Due]:
    """Everything due within AHEAD (or passed within LATE) in the kommuner where the user works.

    Reminders go to a kommun's own staff (its coordinators and other staff), about their
    kommun; partners, county officers and Brå get none.
    """
    kommuner = Kommun.objects.filter(pk__in=access_for(user).staff_kommun_ids).order_by("name")
    found = []
    for kommun in kommuner:
        for finder in FINDERS:
            found += [due for due in finder(user, kommun, today) if _in_window(due, today)]
    return found


def _in_window(due: Due, today: date) -> bool:
    return today - LATE <= due.due_on <= today + AHEAD


def lagesbild_update(user, kommun, today: date) -> Iterator[Due]:
    lagesbild = latest_decided(kommun, Lagesbild.objects.visible_to(user))
    if lagesbild is not None:
        yield Due(
            ReminderKind.LAGESBILD_UPDATE,
            lagesbild.pk,
            kommun,
            _("Lägesbilden (version %(number)s) ska vara uppdaterad senast %(date)s (§ 6).")
            % {"number": lagesbild.number, "date": update_due(lagesbild).isoformat()},
            update_due(lagesbild),
            reverse("backoffice:lagesbild_index", kwargs={"code": kommun.code}),
        )


def plan_follow_up(user, kommun, today: date) -> Iterator[Due]:
    plan = latest_decided_plan(kommun, Plan.objects.visible_to(user))
    if plan is not None:
        due_on = follow_up_due(plan)
        yield Due(
            ReminderKind.FOLLOW_UP,
            plan.pk,
            kommun,
            _("Åtgärdsplanen (version %(number)s) ska vara uppföljd senast %(date)s (§ 6).")
            % {"number": plan.number, "date": due_on.isoformat()},
            due_on,
            reverse("backoffice:follow_up", kwargs={"code": kommun.code, "number": plan.number}),
        )


def agreements_ending(user, kommun, today: date) -> Iterator[Due]:
    agreements = Agreement.objects.visible_to(user).filter(
        kommun=kommun, valid_until__range=(today - LATE, today + AHEAD)
    )
    for agreement in agreements.order_by("valid_until", "pk"):
        yield Due(
            ReminderKind.AGREEMENT_ENDING,
            agreement.pk,
            kommun,
            _("Överenskommelsen ”%(title)s” gäller till och med %(date)s.")
            % {"title": agreement.title, "date": agreement.valid_until.isoformat()},
            agreement.valid_until,
            reverse("backoffice:agreement", kwargs={"code": kommun.code, "pk": agreement.pk}),
        )


def reports_returned(user, kommun, today: date) -> Iterator[Due]:
    reports = YearlyReport.objects.visible_to(user).filter(
        kommun=kommun, status=ReportState.RETURNED
    )
    for report in reports.order_by("year"):
        returned_on = _returned_on(report)
        yield Due(
            ReminderKind.REPORT_RETURNED,
            report.pk,
            kommun,
            _("Länsstyrelsen återförvisade årsredovisningen för %(year)s den %(date)s.")
            % {"year": report.year, "date": returned_on.isoformat()},
            returned_on,
            reverse("backoffice:yearly_report", kwargs={"code": kommun.code, "year": report.year}),
        )


def _returned_on(report: YearlyReport) -> date:
    """The day the report was last returned: the first record of its latest returned stretch."""
    records = report.history.order_by("-history_date", "-history_id")
    returned_at = report.updated_at
    for status, recorded_at in records.values_list("status", "history_date"):
        if status != ReportState.RETURNED:
            break
        returned_at = recorded_at
    return timezone.localdate(returned_at)


def decisions_overdue(user, kommun, today: date) -> Iterator[Due]:
    decisions = Decision.objects.visible_to(user).filter(
        meeting__council__kommun=kommun, done_on__isnull=True, due_on__lt=today
    )
    for decision in decisions.select_related("meeting").order_by("due_on", "pk"):
        yield Due(
            ReminderKind.DECISION_OVERDUE,
            decision.pk,
            kommun,
            _("Beslutet ”%(text)s” från mötet %(meeting)s skulle vara klart %(date)s.")
            % {
                "text": _shortened(decision.text),
                "meeting": decision.meeting.held_on.isoformat(),
                "date": decision.due_on.isoformat(),
            },
            decision.due_on,
            reverse("backoffice:meeting", kwargs={"code": kommun.code, "pk": decision.meeting_id}),
        )


def _shortened(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


FINDERS = [lagesbild_update, plan_follow_up, agreements_ending, reports_returned, decisions_overdue]
