"""The årshjul: one year, month by month — recurring items plus the dates the data already holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from forebygg.core.models import save_as
from forebygg.governance.enums import CycleKind
from forebygg.governance.models import (
    Agreement,
    Council,
    CouncilReport,
    CycleEvent,
    Decision,
    Meeting,
)
from forebygg.lagesbild.domain import latest_decided, update_due
from forebygg.lagesbild.models import Lagesbild
from forebygg.orgs.access import require_coordinator
from forebygg.plans.domain.followup import follow_up_due
from forebygg.plans.domain.planning import latest_decided_plan
from forebygg.plans.models import Plan


@dataclass(frozen=True)
class Entry:
    title: str
    kind: str
    day: date | None = None  # None: a recurring item without a fixed day


@dataclass
class Month:
    number: int
    name: str
    entries: list[Entry] = field(default_factory=list)


@transaction.atomic
def add_cycle_event(kommun, *, title: str, month: int, kind: str, by, description: str = ""):
    require_coordinator(by, kommun)
    if not title.strip():
        raise ValidationError(_("Ange en rubrik."))
    if not 1 <= month <= 12 or kind not in CycleKind.values:
        raise ValidationError(_("Välj månad och typ."))
    event = CycleEvent(
        kommun=kommun, title=title.strip(), month=month, kind=kind, description=description.strip()
    )
    return save_as(event, by=by)


def annual_cycle(kommun, year: int, *, user) -> list[Month]:
    months = [Month(number, str(MONTHS[number])) for number in range(1, 13)]
    for entry in _entries(kommun, year, user):
        month = entry[0]
        months[month - 1].entries.append(entry[1])
    for month in months:
        month.entries.sort(key=lambda e: (e.day is None, e.day or date.min, e.title))
    return months


def _entries(kommun, year: int, user):
    for event in CycleEvent.objects.visible_to(user).filter(kommun=kommun):
        yield event.month, Entry(event.title, event.get_kind_display())
    councils = Council.objects.visible_to(user).filter(kommun=kommun)
    meetings = Meeting.objects.filter(council__in=councils, held_on__year=year)
    for meeting in meetings.select_related("working_group"):
        title = meeting.working_group.name if meeting.working_group else meeting.council.name
        yield meeting.held_on.month, Entry(title, _("Möte"), meeting.held_on)
    decisions = Decision.objects.filter(
        meeting__council__in=councils, due_on__year=year, done_on__isnull=True
    )
    for decision in decisions:
        yield (
            decision.due_on.month,
            Entry(decision.text[:80], _("Beslut ska vara klart"), decision.due_on),
        )
    agreements = Agreement.objects.visible_to(user).filter(kommun=kommun, valid_until__year=year)
    for agreement in agreements:
        yield (
            agreement.valid_until.month,
            Entry(agreement.title, _("Överenskommelsen går ut"), agreement.valid_until),
        )
    reports = CouncilReport.objects.visible_to(user).filter(kommun=kommun, reported_on__year=year)
    for report in reports:
        yield (
            report.reported_on.month,
            Entry(report.title, _("Rapport till fullmäktige"), report.reported_on),
        )
    yield from _legal_deadlines(kommun, year, user)


def _legal_deadlines(kommun, year: int, user):
    """§ 6: the lägesbild and the plan's follow-up come due two years after the last time.

    A date is counted from the versions the reader may see: a deadline moved by a decided but
    unpublished version would tell a county officer or a partner that the decision was taken.
    """
    lagesbild = latest_decided(kommun, Lagesbild.objects.visible_to(user))
    if lagesbild is not None:
        due = update_due(lagesbild)
        if due.year == year:
            yield due.month, Entry(_("Lägesbilden ska vara uppdaterad (§ 6)"), _("Sista dag"), due)
    plan = latest_decided_plan(kommun, Plan.objects.visible_to(user))
    if plan is not None:
        due = follow_up_due(plan)
        if due.year == year:
            yield due.month, Entry(_("Åtgärdsplanen ska vara uppföljd (§ 6)"), _("Sista dag"), due)
